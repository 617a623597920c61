"""Markdown as the words a reader sees: for search snippets, which are prose, not markup.

Link texts are kept and their targets dropped; wikilinks and embeds give their label (or
the note's name); images their alt text; emphasis, code ticks, heading and quote signs,
list markers, table rules, HTML tags, Obsidian callout markers and block ids, and Hugo
shortcodes go. Underscores inside words (`snake_case`) stay.
"""

from __future__ import annotations

import re

_WIKILINK = re.compile(r"!?\[\[([^\]|#^\\]*)(?:[#^][^\]|\\]*)?(?:\\?\|([^\]]*))?\]\]")
_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])")
_REMOVED = re.compile(
    r"<[^>\n]+>"  # HTML tags
    r"|\{\{[<%].*?[>%]\}\}"  # Hugo shortcodes
    r"|\[![\w-]+\][+-]?"  # callout markers
    r"|(?<=\s)\^[\w-]+$"  # block ids
    r"|^[ \t]{0,3}(?:#{1,6}|>[> ]*|[-*+]|\d{1,9}[.)])[ \t]+"  # line signs
    r"|^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+.*$"  # table rules
    r"|`+"
    r"|(?<!\w)(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?!\w)",
    re.MULTILINE,
)


_SIZE = re.compile(r"\d+(?:x\d+)?")
"""Obsidian's image size in a label: `![[photo.jpg|100]]`, `|100x200`."""
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$", re.IGNORECASE)


def _wikilink(found: re.Match[str]) -> str:
    target, label = found.group(1), found.group(2)
    if _IMAGE.search(target.strip()):
        return ""  # a picture: nothing to read in a snippet
    if label is None or _SIZE.fullmatch(label.strip()):
        return target
    return label


def plain_text(markdown: str) -> str:
    """What the reader reads of `markdown`, as plain text (lines kept)."""
    text = _WIKILINK.sub(_wikilink, markdown)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REMOVED.sub("", text)
    return text.replace("|", " ")
