"""Search snippets in the article list: the text around a match, the match in view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

Snippet = tuple[tuple[str, bool], ...]
"""Text around a search match, in parts: (text, is it the matched words?)."""


def snippet_text(snippet: Snippet, width: int, meta: Style, match: Style) -> Text:
    """A search snippet with its matched words in the match style.

    The row is narrow: the text before the first match is cut so that the
    match itself is in view.
    """
    lead = width // 4
    parts = list(snippet)
    before = 0
    for part, matched in parts:
        if matched:
            break
        before += len(part)
    if before > lead:
        cut = before - lead
        trimmed: list[tuple[str, bool]] = []
        for part, matched in parts:
            if cut >= len(part):
                cut -= len(part)
                continue
            trimmed.append((part[cut:], matched))
            cut = 0
        parts = [("…", False), *trimmed]
    text = Text(style=meta)
    for part, matched in parts:
        text.append(part, style=match if matched else None)
    return text
