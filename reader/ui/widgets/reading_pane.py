"""The reading pane: an article's header and its Markdown body, rendered lazily.

Textual's stock `Markdown` widget mounts a widget per block and took 37 s to
show a 1 MB document here. This pane is one `ScrollView` (Line API) over the
body cut into sections (`reader.markdown.document`). Only the sections on screen are
rendered, from a small cache; a worker thread measures the heights of all the
others in the background, so the scrollbar becomes exact without the UI ever
waiting for it. Until a section is measured its height is an estimate, and a
pending jump (to the end, or to a saved position) is re-applied as estimates
are replaced by measurements.
"""

from __future__ import annotations

import bisect
import itertools
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.library.article import Article
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings

if TYPE_CHECKING:
    from reader.markdown.document import Section
    from reader.markdown.rendering import Line

_MAY_LINK = re.compile(r"\]\(|\]\[|<[a-z]+:", re.IGNORECASE)
"""Text that may hold a Markdown link; sections without it are not rendered to look."""
MIN_COLUMN = 20
MIN_COLUMN_SETTING, MAX_COLUMN_SETTING, WIDTH_STEP = 40, 160, 4
"""Bounds and step of the text width the user sets with + and -."""
MATCH_CONTEXT = 2
"""Lines shown above a search match when jumping to it."""
MEASURE_PAUSE = 0.001
"""Seconds the measuring thread rests after each section (it shares the GIL with the UI)."""
MEASURE_BATCH = 24
"""Sections measured between two reports from the measuring thread."""


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


class ReadingPane(ScrollView, can_focus=True):
    """Shows one article at a time, in a centred column of comfortable width."""

    BINDINGS: list[BindingType] = [
        key("up,k", "line_up", "reader.up", show=False),
        key("down,j", "line_down", "reader.down", show=False),
        key("space,pagedown", "page_down", "reader.page_down"),
        key("pageup", "page_up", "reader.page_up", show=False),
        key("home,g", "top", "reader.top", show=False),
        key("end,G", "bottom", "reader.bottom", show=False),
        key("full_stop", "next_link", "reader.next_link", show=False),
        key("comma", "previous_link", "reader.previous_link", show=False),
        key("enter", "follow_link", "reader.follow_link", show=False),
        key("plus", "wider", "reader.wider", show=False),
        key("minus", "narrower", "reader.narrower", show=False),
        key("right_square_bracket", "next_match", "reader.next_match", show=False),
        key(
            "left_square_bracket",
            "previous_match",
            "reader.previous_match",
            show=False,
        ),
    ]
    """Reading keys; vim keys share each binding with the usual ones."""

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
    class TranslationRequested(Message):
        """The user clicked the link to one of the article's translations."""

        pane: ReadingPane
        article: Article

        @property
        def control(self) -> ReadingPane:
            return self.pane

    @dataclass
    class PositionChanged(Message):
        """The view moved; a newer one replaces an older one still in the queue."""

        pane: ReadingPane
        article: Article
        anchor: Anchor
        progress: float

        @property
        def control(self) -> ReadingPane:
            return self.pane

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReadingPane.PositionChanged)

    @dataclass
    class LinkFollowed(Message):
        """The user chose a link in the article (Enter on the selected one, or a click)."""

        pane: ReadingPane
        target: str

        @property
        def control(self) -> ReadingPane:
            return self.pane

    @dataclass
    class ColumnWidthChanged(Message):
        """The user made the text column wider or narrower (worth remembering)."""

        pane: ReadingPane
        width: int

        @property
        def control(self) -> ReadingPane:
            return self.pane

    @dataclass
    class _Measured(Message, bubble=False):
        """Heights measured by the worker thread for sections start..start+len(heights)."""

        generation: int
        start: int
        heights: list[int]
        done: bool

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self._article: Article | None = None
        self._translations: tuple[Article, ...] = ()
        self._sections: tuple[Section, ...] = ()
        self._section_lines: list[int] = []
        self._references = ""
        self._placeholder = t("reading.placeholder")
        self._generation = 0
        self._column = 0
        self._margin = 0
        self._header: list[Strip] = []
        self._heights: list[int] = []
        self._measured: list[bool] = []
        self._offsets: list[int] = []
        self._cache: LRUCache[int, list[Strip]] = LRUCache(96)
        self._highlight: re.Pattern[str] | None = None
        self._match_sections: list[int] = []
        self._match_lines: dict[int, list[int]] = {}
        self._links: dict[int, list[tuple[str, int]]] = {}
        """Per rendered section: each link's target and the line it starts on."""
        self._selected_link: tuple[int, int] | None = None
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
        body: str,
        translations: tuple[Article, ...] = (),
        anchor: Anchor | None = None,
        at_fraction: float | None = None,
    ) -> None:
        """Display an article where reading should start.

        `anchor` is a saved place; `at_fraction` a place given as a share of the
        article's sections (to open a translation where the other one was read).
        The top by default.
        """
        # Imported here, not at start-up: the first frame needs no article.
        from reader.markdown.document import (
            reference_definitions,
            split_sections,
            strip_repeated_title,
        )

        self._article = article
        self._translations = translations
        body = strip_repeated_title(body, article.title)
        self._sections = split_sections(body)
        self._section_lines = [section.line for section in self._sections]
        self._references = reference_definitions(body)
        self._find_matches()
        self._links = {}
        self._selected_link = None
        if at_fraction is not None and self._sections:
            index = min(len(self._sections) - 1, int(at_fraction * len(self._sections)))
            anchor = Anchor(self._sections[index].line, 0.0) if index else None
        self._pending = anchor
        self._pending_end = False
        self._column = 0  # forces a relayout, and silences position reports until then
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    def clear(self, message: str | None = None) -> None:
        """Show a placeholder instead of an article."""
        self._article = None
        self._sections = ()
        self._placeholder = message if message is not None else t("reading.placeholder")
        self._generation += 1
        self._column = 0
        self._relayout()

    @property
    def sections(self) -> tuple[Section, ...]:
        return self._sections

    # -- search matches ------------------------------------------------------

    def set_highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight what `pattern` finds (None: nothing)."""
        if pattern == self._highlight:
            return
        self._highlight = pattern
        self._find_matches()
        self._cache.clear()
        self.refresh()

    @property
    def match_count(self) -> int:
        """How many sections hold a match."""
        return len(self._match_sections)

    def _find_matches(self) -> None:
        self._match_lines = {}
        pattern = self._highlight
        if pattern is None:
            self._match_sections = []
            return
        self._match_sections = [
            index for index, section in enumerate(self._sections) if pattern.search(section.text)
        ]

    def _mark_matches(self, index: int, lines: list[Line]) -> list[Line]:
        """Restyle the matched words of a rendered section; remember which lines hold one."""
        pattern = self._highlight
        if pattern is None or index not in self._match_sections:
            return lines
        style = self.get_component_rich_style("reading-pane--match")
        marked: list[Line] = []
        found: list[int] = []
        for number, line in enumerate(lines):
            plain = "".join(segment.text for segment in line)
            spans = [match.span() for match in pattern.finditer(plain)]
            if not spans:
                marked.append(line)
                continue
            found.append(number)
            text = Text.assemble(*((segment.text, segment.style) for segment in line))
            for start, end in spans:
                text.stylize(style, start, end)
            marked.append(list(text.render(self.app.console)))
        self._match_lines[index] = found
        return marked

    # -- links ---------------------------------------------------------------

    def _mark_links(self, index: int, lines: list[Line]) -> list[Line]:
        """Make the links of a rendered section actionable, and remember where they are.

        Rich puts the target in the style (an OSC 8 hyperlink a terminal could
        open on its own); it is taken out, and a click runs our own action
        instead, so that nothing opens without reader asking first.
        """
        found: list[tuple[str, int]] = []
        link_style = self.get_component_rich_style("reading-pane--link")
        selected_style = self.get_component_rich_style("reading-pane--link-selected")
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
                look = link_style + (
                    selected_style if self._selected_link == (index, k) else Style()
                )
                action = Style.from_meta({"@click": f"follow_link_at({index},{k})"})
                new_line.append(Segment(segment.text, style.clear_meta_and_links() + look + action))
            marked.append(new_line)
        self._links[index] = found
        return marked

    def _link_positions(self) -> list[tuple[int, int, int]]:
        """Every link as (y in the document, section, number in section), in order."""
        positions = []
        for index, section in enumerate(self._sections):
            if not _MAY_LINK.search(section.text):
                continue
            self._section_strips(index)
            for k, (_target, line) in enumerate(self._links.get(index, [])):
                positions.append((len(self._header) + self._offsets[index] + line, index, k))
        return positions

    def _select_link(self, forward: bool) -> None:
        positions = self._link_positions()
        if not positions:
            self.notify(t("reading.no_links"), timeout=2)
            return
        top = round(self.scroll_y)
        if self._selected_link is None:
            candidates = [p for p in positions if p[0] >= top] if forward else positions[::-1]
        else:
            here = next(
                (n for n, p in enumerate(positions) if (p[1], p[2]) == self._selected_link), -1
            )
            candidates = positions[here + 1 :] if forward else positions[:here][::-1]
        if not candidates:
            self.notify(
                t("reading.no_link_below" if forward else "reading.no_link_above"), timeout=2
            )
            return
        y, index, k = candidates[0]
        old = self._selected_link
        self._selected_link = (index, k)
        for section in {index, old[0] if old else index}:
            self._cache.discard(section)
        height = self.scrollable_content_region.height
        if not top <= y < top + height:
            self._user_moved()
            self.scroll_to(y=max(0, y - MATCH_CONTEXT), animate=False, immediate=True)
        self.refresh()

    def action_next_link(self) -> None:
        self._select_link(forward=True)

    def action_previous_link(self) -> None:
        self._select_link(forward=False)

    def action_follow_link(self) -> None:
        if self._selected_link is None:
            self.notify(t("reading.select_link"), timeout=2)
            return
        self.action_follow_link_at(*self._selected_link)

    def action_follow_link_at(self, index: int, k: int) -> None:
        links = self._links.get(index, [])
        if 0 <= k < len(links):
            self._selected_link = (index, k)
            self.post_message(self.LinkFollowed(self, links[k][0]))

    def _match_targets(self) -> list[int]:
        """The scroll positions that put each match near the top, in order."""
        targets = []
        for index in self._match_sections:
            self._section_strips(index)
            for line in self._match_lines.get(index, []):
                y = len(self._header) + self._offsets[index] + line
                targets.append(max(0, y - MATCH_CONTEXT))
        return targets

    def action_next_match(self) -> None:
        self._jump_to_match(forward=True)

    def action_previous_match(self) -> None:
        self._jump_to_match(forward=False)

    def _jump_to_match(self, forward: bool) -> None:
        if not self._match_sections:
            self.notify(t("reading.no_matches"), timeout=2)
            return
        self._user_moved()
        current = round(self.scroll_y)
        targets = self._match_targets()
        chosen = (
            next((y for y in targets if y > current), None)
            if forward
            else next((y for y in reversed(targets) if y < current), None)
        )
        if chosen is None:
            which = "reading.no_match_below" if forward else "reading.no_match_above"
            self.notify(t(which), timeout=2)
            return
        self.scroll_to(y=chosen, animate=False, immediate=True)

    # -- position ------------------------------------------------------------

    def top_anchor(self) -> Anchor:
        """Where the top of the view is, as a section's first line and a fraction of it."""
        y = round(self.scroll_y) - len(self._header)
        if not self._sections or y < 0:
            return Anchor(0, 0.0)
        index = max(0, bisect.bisect_right(self._offsets, y) - 1)
        height = max(1, self._heights[index])
        fraction = min(1.0, (y - self._offsets[index]) / height)
        return Anchor(self._sections[index].line, round(fraction, 4))

    def section_fraction(self) -> float:
        """How far through the article's sections the top of the view is, 0.0 to 1.0.

        Unlike `progress` this does not depend on the width or on how long each
        section renders, so it carries over to a translation of the article.
        """
        if not self._sections:
            return 0.0
        y = round(self.scroll_y) - len(self._header)
        if y < 0:
            return 0.0
        index = max(0, bisect.bisect_right(self._offsets, y) - 1)
        within = (y - self._offsets[index]) / max(1, self._heights[index])
        return min(1.0, (index + within) / len(self._sections))

    @property
    def progress(self) -> float:
        """How far through the article the view is, 0.0 to 1.0 (1.0 when it all fits)."""
        if self.max_scroll_y <= 0:
            return 1.0 if self._article else 0.0
        return min(1.0, self.scroll_y / self.max_scroll_y)

    def scroll_to_anchor(self, anchor: Anchor) -> None:
        """Bring the section that starts at `anchor.line` (or holds it) to the top."""
        if not self._sections or not self._offsets:
            return
        index = max(0, bisect.bisect_right(self._section_lines, anchor.line) - 1)
        fraction = min(1.0, max(0.0, anchor.fraction))
        y = len(self._header) + self._offsets[index] + round(fraction * self._heights[index])
        if anchor.line == 0 and anchor.fraction == 0:
            y = 0  # the very top, header included
        self.scroll_to(y=y, animate=False, immediate=True)

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
        if column == self._column and self._heights:
            return
        if self._column and self._article is not None and self._pending is None:
            self._pending = self.top_anchor()
        self._column = column
        self._margin = max(0, (width - column) // 2)
        self._generation += 1
        self._cache.clear()
        self._header = self._render_header() if self._article else []
        self._heights = [estimate_height(section, column) for section in self._sections]
        if self._heights:
            self._heights[-1] -= 1  # no separator after the last section
        self._measured = [False] * len(self._sections)
        self._recompute_offsets()
        self._apply_pending()
        self._report_position()
        self.refresh()
        if self._sections:
            self.measuring = True
            self._measure(self._generation, self._sections, column, self._references)
        else:
            self.measuring = False

    def _recompute_offsets(self) -> None:
        self._offsets = list(itertools.accumulate(self._heights, initial=0))
        total = len(self._header) + (self._offsets[-1] if self._offsets else 0)
        self.virtual_size = Size(self.scrollable_content_region.width, total)

    @work(thread=True, exclusive=True, group="measure", exit_on_error=False)
    def _measure(
        self, generation: int, sections: tuple[Section, ...], width: int, references: str
    ) -> None:
        """Measure every section's height at `width`, in order, off the UI thread."""
        from reader.markdown.rendering import markdown_lines, offscreen_console

        worker = get_current_worker()
        console = offscreen_console(width)
        last = len(sections) - 1
        batch: list[int] = []
        start = 0
        for index, section in enumerate(sections):
            if worker.is_cancelled:
                return
            lines = markdown_lines(section.text, console, width, references, links=True)
            batch.append(len(lines) + (index < last))
            # Hand the interpreter back to the UI thread between sections: without
            # it, a key pressed while a long article is measured waited up to 100 ms.
            time.sleep(MEASURE_PAUSE)
            if len(batch) >= MEASURE_BATCH or index == last:
                self.post_message(self._Measured(generation, start, batch, index == last))
                start, batch = index + 1, []

    def on_reading_pane__measured(self, message: _Measured) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        changed = False
        for offset, height in enumerate(message.heights):
            index = message.start + offset
            if index < len(self._heights):
                self._measured[index] = True
                if self._heights[index] != height:
                    self._heights[index] = height
                    changed = True
        if changed:
            self._recompute_offsets()
            self._apply_pending()
            self.refresh()
        if message.done:
            self.measuring = False
            self._apply_pending()
            self._user_moved()
            self._report_position()

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._report_position()

    def _report_position(self) -> None:
        """Show the progress; tell the app where the view is, unless a restore is under way."""
        article = self._article
        if article is None or not self._column:
            self.border_subtitle = ""
            return
        progress = self.progress
        self.border_subtitle = self._progress_label(article, progress)
        if self._pending is None and not self._pending_end:
            self.post_message(self.PositionChanged(self, article, self.top_anchor(), progress))

    @staticmethod
    def _progress_label(article: Article, progress: float) -> str:
        left = round(article.reading_minutes * (1 - progress))
        percent = round(progress * 100)
        if left < 1:
            return t("reading.progress_end", percent=percent)
        return t("reading.progress", percent=percent, minutes=left)

    def watch_column_width(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        if self._article is not None and self._column:
            self._header = self._render_header()

    # -- drawing -------------------------------------------------------------

    def _render_header(self) -> list[Strip]:
        from reader.markdown.rendering import HeaderStyles, header_lines

        assert self._article is not None
        style = self.get_component_rich_style
        styles = HeaderStyles(
            title=style("reading-pane--title"),
            meta=style("reading-pane--meta"),
            summary=style("reading-pane--summary"),
            link=style("reading-pane--link"),
            rule=style("reading-pane--rule"),
        )
        lines = header_lines(
            self._article, self._translations, self.app.console, self._column, styles
        )
        return [self._to_strip(line) for line in lines] + [self._blank()]

    def _blank(self) -> Strip:
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def _to_strip(self, line: Line) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        segments = [Segment(" " * self._margin), *line]
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def _section_strips(self, index: int) -> list[Strip]:
        strips = self._cache.get(index)
        if strips is None:
            from reader.markdown.rendering import markdown_lines

            section = self._sections[index]
            lines = markdown_lines(
                section.text, self.app.console, self._column, self._references, links=True
            )
            lines = self._mark_matches(index, lines)
            lines = self._mark_links(index, lines)
            strips = [self._to_strip(line) for line in lines]
            if index < len(self._sections) - 1:
                strips.append(self._blank())
            self._cache[index] = strips
        return strips

    def _materialize(self, top: int, height: int) -> None:
        """Render the sections in view; where a measured height differs, fix the layout."""
        for _ in range(8):
            changed = False
            y = top - len(self._header)
            first = max(0, bisect.bisect_right(self._offsets, max(0, y)) - 1)
            index = first
            while index < len(self._sections) and self._offsets[index] < y + height:
                real = len(self._section_strips(index))
                if self._heights[index] != real:
                    self._heights[index] = real
                    changed = True
                self._measured[index] = True
                index += 1
            if not changed:
                return
            self._recompute_offsets()
            self._apply_pending()
            top = round(self.scroll_y)
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._sections and self._column:
            self._materialize(round(self.scroll_y) + crop.y, crop.height)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        absolute = round(self.scroll_y) + y
        if self._article is None:
            return self._render_placeholder(y)
        if absolute < len(self._header):
            return self._header[absolute]
        offset = absolute - len(self._header)
        if not self._sections or not self._offsets or offset >= self._offsets[-1]:
            return self._blank()
        index = bisect.bisect_right(self._offsets, offset) - 1
        strips = self._section_strips(index)
        line = offset - self._offsets[index]
        return strips[line] if line < len(strips) else self._blank()

    def _render_placeholder(self, y: int) -> Strip:
        if y != 1:
            return self._blank()
        width = self.scrollable_content_region.width
        style = self.rich_style + self.get_component_rich_style("reading-pane--placeholder")
        text = Text(self._placeholder, style=style, no_wrap=True)
        text.truncate(width, overflow="ellipsis")
        text.align("center", width)
        return Strip(list(text.render(self.app.console)), width).adjust_cell_length(width, style)

    # -- actions -------------------------------------------------------------

    def action_line_up(self) -> None:
        self._user_moved()
        self.scroll_relative(y=-1, animate=False)

    def action_line_down(self) -> None:
        self._user_moved()
        self.scroll_relative(y=1, animate=False)

    def action_page_down(self) -> None:
        self._user_moved()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._user_moved()
        self.scroll_page_up(animate=False)

    def action_top(self) -> None:
        self._user_moved()
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self._user_moved()
        self._pending_end = self.measuring
        self.scroll_end(animate=False)

    def _change_width(self, delta: int) -> None:
        width = max(MIN_COLUMN_SETTING, min(MAX_COLUMN_SETTING, self.column_width + delta))
        if width != self.column_width:
            self.column_width = width
            self.post_message(self.ColumnWidthChanged(self, width))
        self.notify(t("reading.width", width=width), timeout=1)

    def action_wider(self) -> None:
        self._change_width(+WIDTH_STEP)

    def action_narrower(self) -> None:
        self._change_width(-WIDTH_STEP)

    def action_open_translation(self, number: int) -> None:
        if 0 <= number < len(self._translations):
            self.post_message(self.TranslationRequested(self, self._translations[number]))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._user_moved()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._user_moved()
