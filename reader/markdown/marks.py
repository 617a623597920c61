"""What the reading pane adds to rendered lines: search matches and actionable links.

Both work on one rendered section at a time (lists of Rich segments) and
remember where, in that section, they found something, so the pane can jump
to the next match or select the next link. Pure: Rich only, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from reader.markdown.document import Section
    from reader.markdown.rendering import Line

MAY_LINK = re.compile(r"\]\(|\]\[|<[a-z]+:", re.IGNORECASE)
"""Text that may hold a Markdown link; sections without it are not rendered to look."""

LinkPlace = tuple[int, int, int]
"""A link as (screen line, section, its number in the section)."""


class MatchMarks:
    """The search matches of one article: which sections hold one, and on which lines."""

    def __init__(self) -> None:
        self.pattern: re.Pattern[str] | None = None
        self.sections: list[int] = []
        """Indexes of the sections whose text holds a match."""
        self.lines: dict[int, list[int]] = {}
        """Per rendered section: the lines (within it) that hold a match."""

    def find(self, sections: Sequence[Section], pattern: re.Pattern[str] | None) -> None:
        """Look for `pattern` (None: nothing) in an article's sections."""
        self.pattern = pattern
        self.lines = {}
        if pattern is None:
            self.sections = []
            return
        self.sections = [n for n, section in enumerate(sections) if pattern.search(section.text)]

    def mark(self, index: int, lines: list[Line], style: Style, console: Console) -> list[Line]:
        """Restyle the matched words of rendered section `index`; remember which lines hold one."""
        pattern = self.pattern
        if pattern is None or index not in self.sections:
            return lines
        marked: list[Line] = []
        found: list[int] = []
        for number, line in enumerate(lines):
            plain = "".join(segment.text for segment in line)
            spans = [match.span() for match in pattern.finditer(plain)]
            if not spans:
                marked.append(line)
                continue
            found.append(number)
            text = Text()
            for segment in line:
                text.append(segment.text, segment.style)
            for start, end in spans:
                text.stylize(style, start, end)
            marked.append(list(text.render(console)))
        self.lines[index] = found
        return marked


class LinkMarks:
    """The links of one article's rendered sections, and the one the user selected."""

    def __init__(self) -> None:
        self.found: dict[int, list[tuple[str, int]]] = {}
        """Per rendered section: each link's target and the line it starts on."""
        self.selected: tuple[int, int] | None = None
        """(section, number in section) of the selected link."""

    def clear(self) -> None:
        self.found = {}
        self.selected = None

    def target(self, index: int, k: int) -> str | None:
        links = self.found.get(index, [])
        return links[k][0] if 0 <= k < len(links) else None

    def mark(self, index: int, lines: list[Line], look: Style, selected_look: Style) -> list[Line]:
        """Make the links of rendered section `index` actionable, and remember where they are.

        Rich puts the target in the style (an OSC 8 hyperlink a terminal could
        open on its own); it is taken out, and a click runs the pane's own
        action instead, so that nothing opens without reader asking first.
        """
        found: list[tuple[str, int]] = []
        marked: list[Line] = []
        previous: str | None = None
        for number, line in enumerate(lines):
            new_line = []
            for segment in line:
                style = segment.style
                target = style.link if style is not None else None
                if not target or style is None:
                    if segment.text.strip():
                        previous = None
                    new_line.append(segment)
                    continue
                if target != previous:
                    found.append((target, number))
                    previous = target
                k = len(found) - 1
                extra = selected_look if self.selected == (index, k) else Style()
                action = Style.from_meta({"@click": f"follow_link_at({index},{k})"})
                new_line.append(
                    Segment(segment.text, style.clear_meta_and_links() + look + extra + action)
                )
            marked.append(new_line)
        self.found[index] = found
        return marked

    def next_place(self, places: Sequence[LinkPlace], top: int, forward: bool) -> LinkPlace | None:
        """The link to select next: after (or before) the selected one, else the first in view."""
        if self.selected is None:
            candidates = [p for p in places if p[0] >= top] if forward else list(places)[::-1]
        else:
            here = next((n for n, p in enumerate(places) if (p[1], p[2]) == self.selected), -1)
            candidates = list(places[here + 1 :]) if forward else list(places[:here])[::-1]
        return candidates[0] if candidates else None


def next_target(targets: Sequence[int], current: int, forward: bool) -> int | None:
    """The first of `targets` (screen lines, in order) below `current`, or above it going back."""
    if forward:
        return next((y for y in targets if y > current), None)
    return next((y for y in reversed(targets) if y < current), None)
