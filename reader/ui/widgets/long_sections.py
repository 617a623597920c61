"""Sections too long to render while a key waits: rendered on a worker thread, once.

One Markdown block cannot be cut into sections: a list nested two thousand deep
(flattened past the nesting limit, but still one list) or a table of thousands
of rows is one section of 80 KB or more, and Rich takes about a second to
render it. Done in `render_line`, that second froze every key. Instead the view
draws a placeholder at the section's estimated height and asks for the lines
here; they come back as a `LongSectionRendered` message.

Two threads may want the same section: the view's measuring worker (which
renders every section in order anyway) and an on-demand worker started because
the section came into view first. Whoever claims it renders it; the other
leaves it alone, so no second of work is done twice. A claim lasts until its
lines are delivered, after which the section may be asked for again (if the
view's cache dropped it).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget

    from reader.markdown.document import Section
    from reader.markdown.rendering import Line


@dataclass
class LongSectionRendered(Message, bubble=False):
    """The lines of long section `index`, rendered for layout `generation`."""

    generation: int
    index: int
    lines: list[Line]


class LongSections:
    """Who renders which long section of the view's current layout, off the UI thread."""

    def __init__(self, view: Widget) -> None:
        self._view = view
        self._lock = threading.Lock()
        self._generation = -1
        self._claimed: set[int] = set()

    def reset(self, generation: int) -> None:
        """A new layout (article or width): earlier claims no longer matter."""
        with self._lock:
            self._generation = generation
            self._claimed = set()

    def claim(self, generation: int, index: int) -> bool:
        """Take section `index` to render; False if another thread has it (or it is stale)."""
        with self._lock:
            if generation != self._generation or index in self._claimed:
                return False
            self._claimed.add(index)
            return True

    def deliver(self, generation: int, index: int, lines: list[Line]) -> None:
        """Hand rendered lines to the view (from any thread)."""
        self._view.post_message(LongSectionRendered(generation, index, lines))

    def received(self, message: LongSectionRendered) -> bool:
        """The view got `message`: release the claim; True if it is for the current layout."""
        with self._lock:
            if message.generation != self._generation:
                return False
            self._claimed.discard(message.index)
            return True

    def request(
        self, generation: int, index: int, section: Section, width: int, references: str
    ) -> None:
        """Render section `index` on a worker thread unless someone already is."""
        if self.claim(generation, index):
            work = partial(self._render, generation, index, section.text, width, references)
            self._view.run_worker(work, thread=True, group="long-section", exit_on_error=False)

    def _render(self, generation: int, index: int, text: str, width: int, references: str) -> None:
        from reader.markdown.rendering import markdown_lines, offscreen_console

        console = offscreen_console(width)
        lines = markdown_lines(text, console, width, references, links=True)
        self.deliver(generation, index, lines)
