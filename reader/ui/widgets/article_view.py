"""An article drawn lazily: the reading pane's canvas, without its keys.

Textual's stock `Markdown` widget mounts a widget per block and took 37 s to
show a 1 MB document here. This view is one `ScrollView` (Line API) over the
body cut into sections (`reader.markdown.document`). Only the sections on
screen are rendered, from a small cache (a long one, off the UI thread:
`long_sections`); a worker measures all the others' heights in the background,
so the scrollbar becomes exact without the UI ever waiting. Until then heights
are estimates, and a pending jump (to the end, to a saved place) is re-applied
as they are replaced by measurements. Heights and places: `reader.markdown.layout`;
matches and links: `reader.markdown.marks`; keys and messages: `ReadingPane`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, work
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.library.article import Article
from reader.markdown.layout import Anchor, SectionLayout, is_long, measure
from reader.markdown.marks import LinkMarks, MatchMarks
from reader.settings.i18n import t
from reader.ui.messages import ForwardsWorkerFailures
from reader.ui.widgets.long_sections import LongSectionRendered, LongSections
from reader.ui.widgets.strips import centred, in_column

if TYPE_CHECKING:
    from reader.markdown.document import Document, Section
    from reader.markdown.rendering import Line

MIN_COLUMN = 20
"""The narrowest text column, however narrow the pane."""


class ArticleView(ForwardsWorkerFailures, ScrollView):
    """One article (header and body) in a centred column, rendered only where it shows."""

    COMPONENT_CLASSES = {
        "reading-pane--title",
        "reading-pane--meta",
        "reading-pane--summary",
        "reading-pane--link",
        "reading-pane--rule",
        "reading-pane--placeholder",
        "reading-pane--match",
        "reading-pane--link-selected",
    }

    column_width: reactive[int] = reactive(80)
    """Preferred width of the text column; narrower when the pane is."""

    @dataclass
    class _Measured(Message, bubble=False):
        """Heights measured by the worker thread for sections start..start+len(heights)."""

        generation: int
        start: int
        heights: list[int]
        done: bool

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article: Article | None = None
        self._translations: tuple[Article, ...] = ()
        self._layout = SectionLayout()
        self._references = ""
        self._placeholder = t("reading.placeholder")
        self._generation = 0
        self._column = 0
        self._margin = 0
        self._header: list[Strip] = []
        self._cache: LRUCache[int, list[Strip]] = LRUCache(96)
        self._long = LongSections(self)
        self._matches = MatchMarks()
        self._links = LinkMarks()
        self._pending: Anchor | None = None
        self._pending_end = False
        self.measuring = False
        """True while section heights are still being measured."""

    # -- data in -------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    def show(
        self,
        article: Article,
        document: Document,
        translations: tuple[Article, ...] = (),
        anchor: Anchor | None = None,
        at_fraction: float | None = None,
    ) -> None:
        """Display an article (its body prepared by `prepare_document`) where reading starts.

        `anchor` is a saved place; `at_fraction` a place given as a share of the
        article's sections (to open a translation where the other one was read).
        The top by default.
        """
        self._article = article
        self._translations = translations
        self._layout = SectionLayout(document.sections)
        self._references = document.references
        self._matches.find(self.sections, self._matches.pattern)
        self._links.clear()
        if at_fraction is not None:
            anchor = self._layout.anchor_at_fraction(at_fraction)
        self._pending = anchor
        self._pending_end = False
        self._column = 0  # forces a relayout, and silences position reports until then
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    def clear(self, message: str | None = None) -> None:
        """Show a placeholder instead of an article."""
        self._article = None
        self._layout = SectionLayout()
        self._placeholder = message if message is not None else t("reading.placeholder")
        self._generation += 1
        self._column = 0
        self._relayout()

    @property
    def sections(self) -> tuple[Section, ...]:
        return self._layout.sections

    def set_highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight what `pattern` finds (None: nothing)."""
        if pattern == self._matches.pattern:
            return
        self._matches.find(self.sections, pattern)
        self._cache.clear()
        self.refresh()
        self.refresh_bindings()  # `]` / `[` show in the footer while there are matches

    # -- position ------------------------------------------------------------

    def top_anchor(self) -> Anchor:
        """Where the top of the view is, as a section's first line and a fraction of it."""
        return self._layout.anchor_at(round(self.scroll_y))

    def section_fraction(self) -> float:
        """How far through the article's sections the top of the view is, 0.0 to 1.0."""
        return self._layout.fraction_at(round(self.scroll_y))

    @property
    def progress(self) -> float:
        """How far through the article the view is, 0.0 to 1.0 (1.0 when it all fits)."""
        if self.max_scroll_y <= 0:
            return 1.0 if self._article else 0.0
        return min(1.0, self.scroll_y / self.max_scroll_y)

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring the section that starts at `anchor.line` (or holds it) to the top."""
        if self.sections:
            self.scroll_to(y=self._layout.y_of(anchor), animate=False, immediate=True)

    def go_to_line(self, line: int) -> None:
        """Jump to the section that starts at a body line (a heading from the outline)."""
        self._user_moved()
        anchor = Anchor(line, 0.0)
        if self.measuring:
            self._pending = anchor  # keep it in place while heights are still estimates
        self.scroll_to_anchor(anchor)

    def _apply_pending(self) -> None:
        if self._pending_end:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        elif self._pending is not None:
            self.scroll_to_anchor(self._pending)

    def _user_moved(self) -> None:
        # The user took over: stop re-applying an earlier jump.
        self._pending = None
        self._pending_end = False

    # -- layout --------------------------------------------------------------

    def _relayout(self) -> None:
        """Recompute the column, header and estimated heights; restart measuring."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        column = max(min(MIN_COLUMN, width), min(self.column_width, width - 2))
        if column == self._column and self._layout.heights:
            return
        if self._column and self._article is not None and self._pending is None:
            self._pending = self.top_anchor()
        self._column = column
        self._margin = max(0, (width - column) // 2)
        self._generation += 1
        self._long.reset(self._generation)
        self._cache.clear()
        self._header = self._render_header() if self._article else []
        self._layout = SectionLayout(self.sections, column, header=len(self._header))
        self._resize_virtual()
        self._apply_pending()
        self._report_position()
        self.refresh()
        self.measuring = bool(self.sections)
        if self.measuring:
            self._measure(self._generation, self.sections, column, self._references)

    def _resize_virtual(self) -> None:
        self._layout.recompute()
        self.virtual_size = Size(self.scrollable_content_region.width, self._layout.total)

    @work(thread=True, exclusive=True, group="measure", exit_on_error=False)
    def _measure(
        self, generation: int, sections: tuple[Section, ...], width: int, references: str
    ) -> None:
        """Measure every section's height at `width`, in order, off the UI thread."""
        worker = get_current_worker()
        for start, heights, done in measure(
            sections,
            width,
            references,
            cancelled=lambda: worker.is_cancelled,
            claim=lambda index: self._long.claim(generation, index),
            keep=lambda index, lines: self._long.deliver(generation, index, lines),
        ):
            self.post_message(self._Measured(generation, start, heights, done))

    def on_article_view__measured(self, message: _Measured) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        changed = False
        for offset, height in enumerate(message.heights):
            if height >= 0:  # -1: a long section another worker is rendering
                changed = self._layout.set_height(message.start + offset, height) or changed
        if changed:
            self._resize_virtual()
            self._apply_pending()
            self.refresh()
        if message.done:
            self.measuring = False
            self._apply_pending()
            self._user_moved()
            self._report_position()

    def on_long_section_rendered(self, message: LongSectionRendered) -> None:
        message.stop()
        if not self._long.received(message):
            return
        above, keep = (
            round(self.scroll_y) >= self._layout.start_of(message.index + 1),
            self.top_anchor(),
        )
        strips = self._cache[message.index] = self._strips(message.index, message.lines)
        if self._layout.set_height(message.index, len(strips)):
            self._resize_virtual()
            self._apply_pending()
            if above and self._pending is None:
                self.scroll_to_anchor(keep)  # what was on screen stays where it was
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._report_position()

    def _report_position(self) -> None:
        """The view moved or was laid out again: a hook for what shows or saves the place."""

    def watch_column_width(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        if self._article is not None and self._column:
            self._header = self._render_header()
            self._layout.header = len(self._header)

    # -- drawing -------------------------------------------------------------

    def _render_header(self) -> list[Strip]:
        from reader.markdown.rendering import HeaderStyles, header_lines

        assert self._article is not None
        styles = HeaderStyles.named(self.get_component_rich_style, "reading-pane--")
        lines = header_lines(
            self._article, self._translations, self.app.console, self._column, styles
        )
        return [self._to_strip(line) for line in lines] + [self._blank()]

    def _blank(self) -> Strip:
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def _to_strip(self, line: Line) -> Strip:
        return in_column(line, self._margin, self.scrollable_content_region.width, self.rich_style)

    def _section_strips(self, index: int) -> list[Strip] | None:
        """A section's lines; None while a long one is rendered off the UI thread."""
        strips = self._cache.get(index)
        if strips is None:
            from reader.markdown.rendering import markdown_lines

            section = self.sections[index]
            if is_long(section):
                self._long.request(self._generation, index, section, self._column, self._references)
                return None
            lines = markdown_lines(
                section.text, self.app.console, self._column, self._references, links=True
            )
            strips = self._cache[index] = self._strips(index, lines)
        return strips

    def _strips(self, index: int, lines: list[Line]) -> list[Strip]:
        style = self.get_component_rich_style
        lines = self._matches.mark(index, lines, style("reading-pane--match"), self.app.console)
        lines = self._links.mark(
            index, lines, style("reading-pane--link"), style("reading-pane--link-selected")
        )
        strips = [self._to_strip(line) for line in lines]
        if index < len(self.sections) - 1:
            strips.append(self._blank())
        return strips

    def _materialize(self, top: int, height: int) -> None:
        """Render the sections in view; where a measured height differs, fix the layout."""
        for _ in range(8):
            changed = False
            for index in self._layout.sections_in(top, height):
                strips = self._section_strips(index)
                if strips is not None:
                    changed = self._layout.set_height(index, len(strips)) or changed
            if not changed:
                return
            self._resize_virtual()
            self._apply_pending()
            top = round(self.scroll_y)
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.sections and self._column:
            self._materialize(round(self.scroll_y) + crop.y, crop.height)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        absolute = round(self.scroll_y) + y
        if self._article is None:
            return self._render_placeholder(y - 1, self._placeholder)
        if absolute < len(self._header):
            return self._header[absolute]
        layout = self._layout
        offset = absolute - layout.header
        if not self.sections or offset >= layout.offsets[-1]:
            return self._blank()
        index = layout.section_at(offset)
        strips = self._section_strips(index)
        line = offset - layout.offsets[index]
        if strips is None:
            return self._render_placeholder(line, t("reading.rendering_long"))
        return strips[line] if line < len(strips) else self._blank()

    def _render_placeholder(self, y: int, message: str) -> Strip:
        """`message`, centred, on line 0 (counting from `y`'s origin); blank elsewhere."""
        if y != 0:
            return self._blank()
        style = self.rich_style + self.get_component_rich_style("reading-pane--placeholder")
        return centred(message, self.scrollable_content_region.width, style, self.app.console)
