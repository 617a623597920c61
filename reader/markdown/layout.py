"""Where each section of an article sits on screen at one width, and how to measure it.

The reading pane renders only the sections in view, so it must know every
section's height without rendering them all first. `SectionLayout` starts from
cheap estimates and takes real heights as they are measured (by `measure`, on a
worker thread, or when a section is drawn); positions are kept as `Anchor`s
(a section's first body line and a fraction of it), which mean the same place
at any width. Pure arithmetic: no Textual, unit-testable.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.markdown.document import Section
    from reader.markdown.rendering import Line

MEASURE_PAUSE = 0.001
"""Seconds the measuring thread rests after each section (it shares the GIL with the UI)."""
MEASURE_BATCH = 24
"""Sections measured between two reports from the measuring thread."""
LONG_SECTION = 16_000
"""Characters past which a section is never rendered on the UI thread: one block
that long (a list nested thousands deep, a giant table) takes about a second."""


@dataclass(frozen=True)
class Anchor:
    """A place in an article that survives a change of width (and a restart).

    `line` is the body line where a section starts; `fraction` how far into
    that section's rendered height the top of the view is.
    """

    line: int
    fraction: float = 0.0


def estimate_height(section: Section, width: int) -> int:
    """A cheap guess of a section's rendered height, before it is measured."""
    return sum(len(line) // width + 1 for line in section.text.split("\n")) + 1


class SectionLayout:
    """The sections' heights and offsets below a header of `header` lines.

    Heights include the blank line that separates a section from the next (the
    last section has none). Until a section is measured its height is an
    estimate; `measured` says which are real.
    """

    def __init__(
        self, sections: Sequence[Section] = (), width: int | None = None, header: int = 0
    ) -> None:
        """Without a `width` the sections are not laid out yet: every height is 0."""
        self.sections = tuple(sections)
        self.header = header
        self._lines = [section.line for section in self.sections]
        if width is None:
            self.heights = [0] * len(self.sections)
        else:
            self.heights = [estimate_height(section, max(1, width)) for section in self.sections]
        if self.heights and width is not None:
            self.heights[-1] -= 1  # no separator after the last section
        self.measured = [False] * len(self.sections)
        self.offsets: list[int] = []
        self.recompute()

    def recompute(self) -> None:
        """Offsets from heights (after `set_height` changed some)."""
        self.offsets = list(itertools.accumulate(self.heights, initial=0))

    @property
    def total(self) -> int:
        """Lines in all: header and every section."""
        return self.header + self.offsets[-1]

    def set_height(self, index: int, height: int) -> bool:
        """Record a measured height; True if it differs from what was assumed."""
        if not 0 <= index < len(self.heights):
            return False
        self.measured[index] = True
        if self.heights[index] == height:
            return False
        self.heights[index] = height
        return True

    def section_at(self, y: int) -> int:
        """The section that holds body line `y` (0 is the first line below the header)."""
        return max(0, bisect.bisect_right(self.offsets, y) - 1)

    def start_of(self, index: int) -> int:
        """The screen line (header included) where a section starts."""
        return self.header + self.offsets[index]

    def sections_in(self, top: int, height: int) -> range:
        """The sections that show, in whole or in part, between screen lines top..top+height."""
        y = top - self.header
        first = self.section_at(max(0, y))
        last = first
        while last < len(self.sections) and self.offsets[last] < y + height:
            last += 1
        return range(first, last)

    def anchor_at(self, y: int) -> Anchor:
        """The anchor of screen line `y` (the top of the view)."""
        y -= self.header
        if not self.sections or y < 0:
            return Anchor(0, 0.0)
        index = self.section_at(y)
        fraction = min(1.0, (y - self.offsets[index]) / max(1, self.heights[index]))
        return Anchor(self.sections[index].line, round(fraction, 4))

    def y_of(self, anchor: Anchor) -> int:
        """The screen line an anchor points at (0, header included, for the very top)."""
        if not self.sections or (anchor.line == 0 and anchor.fraction == 0):
            return 0
        index = max(0, bisect.bisect_right(self._lines, anchor.line) - 1)
        fraction = min(1.0, max(0.0, anchor.fraction))
        return self.start_of(index) + round(fraction * self.heights[index])

    def fraction_at(self, y: int) -> float:
        """How far through the sections screen line `y` is, 0.0 to 1.0.

        Unlike a share of the height, this does not depend on the width or on
        how long each section renders, so it carries over to a translation.
        """
        y -= self.header
        if not self.sections or y < 0:
            return 0.0
        index = self.section_at(y)
        within = (y - self.offsets[index]) / max(1, self.heights[index])
        return min(1.0, (index + within) / len(self.sections))

    def text_read_at(self, y: int) -> float:
        """How much of the text, by words, lies above screen line `y`: 0.0 to 1.0.

        The same at any width (a progress label that changed with the window
        would be wrong at one of them), and honest about long and short sections.
        """
        words = self._word_offsets
        if not self.sections or not words[-1]:
            return self.fraction_at(y)
        y -= self.header
        if y < 0:
            return 0.0
        index = self.section_at(y)
        within = min(1.0, (y - self.offsets[index]) / max(1, self.heights[index]))
        above = words[index] + within * (words[index + 1] - words[index])
        return min(1.0, above / words[-1])

    @functools.cached_property
    def _word_offsets(self) -> list[int]:
        """Words before each section (and, last, in all): counted once, when first asked."""
        counts = (len(section.text.split()) for section in self.sections)
        return list(itertools.accumulate(counts, initial=0))

    def anchor_at_fraction(self, fraction: float) -> Anchor | None:
        """The start of the section `fraction` of the way through (None: the top)."""
        if not self.sections:
            return None
        index = min(len(self.sections) - 1, int(fraction * len(self.sections)))
        return Anchor(self.sections[index].line, 0.0) if index else None


Measured = tuple[int, list[int], bool]
"""A batch of measured heights: (first section, heights, whether it is the last batch)."""


def is_long(section: Section) -> bool:
    """Whether `section` is rendered off the UI thread (see `LONG_SECTION`)."""
    return len(section.text) > LONG_SECTION


def measure(
    sections: Sequence[Section],
    width: int,
    references: str,
    cancelled: Callable[[], bool],
    pause: float = MEASURE_PAUSE,
    claim: Callable[[int], bool] = lambda index: True,
    keep: Callable[[int, list[Line]], None] = lambda index, lines: None,
) -> Iterator[Measured]:
    """Render every section at `width` and yield their heights, in batches, in order.

    Meant for a worker thread: it rests `pause` seconds after each section so a
    key pressed meanwhile is answered at once, and stops when `cancelled()`.
    The lines of a long section are handed to `keep` rather than thrown away,
    since they cost as much as a frozen second; a long section `claim` refuses
    (another thread renders it) is reported as -1, unknown.
    """
    from reader.markdown.rendering import markdown_lines, offscreen_console

    console = offscreen_console(width)
    last = len(sections) - 1
    batch: list[int] = []
    start = 0
    for index, section in enumerate(sections):
        if cancelled():
            return
        long = is_long(section)
        if long and not claim(index):
            batch.append(-1)
        else:
            lines = markdown_lines(section.text, console, width, references, links=True)
            batch.append(len(lines) + (index < last))
            if long:
                keep(index, lines)
        # Hand the interpreter back to the UI thread between sections: without
        # it, a key pressed while a long article is measured waited up to 100 ms.
        time.sleep(pause)
        if len(batch) >= MEASURE_BATCH or index == last:
            yield start, batch, index == last
            start, batch = index + 1, []
