"""The reading pane: an article to read, with the keys and messages of reading.

What is drawn, and how lazily, is `ArticleView`'s; this class adds what the
user does with it: scrolling keys, jumping between search matches, selecting
and following links, a wider or narrower column, and the progress shown under
the pane and reported to the app (which saves it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message

from reader.library.article import WORDS_PER_MINUTE, Article
from reader.markdown.layout import Anchor
from reader.markdown.marks import MAY_LINK, LinkPlace, next_target
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings
from reader.ui.widgets.article_view import ArticleView

MIN_COLUMN_SETTING, MAX_COLUMN_SETTING, WIDTH_STEP = 40, 160, 4
"""Bounds and step of the text width the user sets with + and -."""
MATCH_CONTEXT = 2
"""Lines shown above a search match or a selected link when jumping to it."""


class ReadingPane(ArticleView, can_focus=True):
    """Shows one article at a time, in a centred column of comfortable width."""

    BINDINGS: ClassVar[list[BindingType]] = [
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
        key("right_square_bracket", "next_match", "reader.next_match"),
        key("left_square_bracket", "previous_match", "reader.previous_match"),
    ]
    """Reading keys; vim keys share each binding with the usual ones."""

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self._match_at: tuple[int, int, int] | None = None
        """(scroll position, match number, matches) after a jump: "match 2 of 5"."""

    def show(self, article: Article, *args: Any, **kwargs: Any) -> None:
        """Display an article (see `ArticleView.show`), named in the border.

        Mid-article the header is scrolled away: the border still says what
        this is (plain text: a title is never markup).
        """
        super().show(article, *args, **kwargs)
        self.border_title = Content(article.title)

    def name_place(self, folder: str) -> None:
        """Say in the border where the article lives (its folder), when its title alone does
        not tell it from another's."""
        if folder and self.article is not None:
            self.border_title = Content(f"{self.article.title} · {folder}/")

    def clear(self, message: str | None = None) -> None:
        super().clear(message)
        self.border_title = None

    def text_read(self) -> float:
        """How much of the text, by words, is above the top of the view (width-independent)."""
        return self._layout.text_read_at(round(self.scroll_y))

    # -- search matches ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`]` and `[` exist (and show in the footer) only while a search has matches here."""
        if action in ("next_match", "previous_match"):
            return bool(self._matches.sections)
        return True

    @property
    def match_count(self) -> int:
        """How many sections hold a match."""
        return len(self._matches.sections)

    def _match_targets(self) -> list[int]:
        """The scroll positions that put each match near the top, in order."""
        targets = []
        for index in self._matches.sections:
            self._section_strips(index)
            start = self._layout.start_of(index)
            lines = self._matches.lines.get(index, [])
            targets += [max(0, start + line - MATCH_CONTEXT) for line in lines]
        return targets

    def action_next_match(self) -> None:
        self._jump_to_match(forward=True)

    def action_previous_match(self) -> None:
        self._jump_to_match(forward=False)

    def _jump_to_match(self, forward: bool) -> None:
        if not self._matches.sections:
            self.notify(t("reading.no_matches"), timeout=2)
            return
        self._user_moved()
        targets = self._match_targets()
        chosen = next_target(targets, round(self.scroll_y), forward)
        if chosen is None:
            which = "reading.no_match_below" if forward else "reading.no_match_above"
            self.notify(t(which), timeout=2)
            return
        self._match_at = (chosen, targets.index(chosen) + 1, len(targets))
        self.scroll_to(y=chosen, animate=False, immediate=True)
        self._report_position()  # the label says which match, even if nothing scrolled

    # -- links ---------------------------------------------------------------

    def _link_places(self) -> list[LinkPlace]:
        """Every link of the article, in order (rendering the sections that may hold one)."""
        places = []
        for index, section in enumerate(self.sections):
            if not MAY_LINK.search(section.text):
                continue
            self._section_strips(index)
            start = self._layout.start_of(index)
            for k, (_target, line) in enumerate(self._links.found.get(index, [])):
                places.append((start + line, index, k))
        return places

    def _select_link(self, forward: bool) -> None:
        places = self._link_places()
        if not places:
            self.notify(t("reading.no_links"), timeout=2)
            return
        top = round(self.scroll_y)
        chosen = self._links.next_place(places, top, forward)
        if chosen is None:
            which = "reading.no_link_below" if forward else "reading.no_link_above"
            self.notify(t(which), timeout=2)
            return
        y, index, k = chosen
        old = self._links.selected
        self._links.selected = (index, k)
        for section in {index, old[0] if old else index}:
            self._cache.discard(section)
        if not top <= y < top + self.scrollable_content_region.height:
            self._user_moved()
            self.scroll_to(y=max(0, y - MATCH_CONTEXT), animate=False, immediate=True)
        self.refresh()

    def action_next_link(self) -> None:
        self._select_link(forward=True)

    def action_previous_link(self) -> None:
        self._select_link(forward=False)

    def action_follow_link(self) -> None:
        if self._links.selected is None:
            self.notify(t("reading.select_link"), timeout=2)
            return
        self.action_follow_link_at(*self._links.selected)

    def action_follow_link_at(self, index: int, k: int) -> None:
        target = self._links.target(index, k)
        if target is not None:
            self._links.selected = (index, k)
            self.post_message(self.LinkFollowed(self, target))

    # -- position ------------------------------------------------------------

    def set_highlight(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight what `pattern` finds; the border forgets a match of an older search."""
        if pattern != self._matches.pattern:
            self._match_at = None
            super().set_highlight(pattern)
            self._show_progress()

    def _show_progress(self) -> None:
        """The border's label: how far through, and which match the view is on."""
        article = self._article
        if article is None or not self._column:
            self.border_subtitle = ""
            return
        label = self._progress_label(article, self.progress >= 1.0)
        if self._match_at is not None and self._match_at[0] == round(self.scroll_y):
            _, number, total = self._match_at
            label = t("reading.match_of", number=number, total=total) + " · " + label
        self.border_subtitle = label

    def _report_position(self) -> None:
        """Show the progress; tell the app where the view is, unless a restore is under way."""
        self._show_progress()
        article = self._article
        if article is None or not self._column:
            return
        if self._pending is None and not self._pending_end:
            self.post_message(self.PositionChanged(self, article, self.top_anchor(), self.progress))

    def _progress_label(self, article: Article, at_end: bool) -> str:
        """`42% · 3 min left`, by the words above the view: the same at any width.

        "end" only at the end: while text remains, a short rest says so.
        """
        if at_end:
            return t("reading.progress_end", percent=100)
        read = self.text_read()
        percent = min(99, round(read * 100))
        minutes = article.word_count * (1 - read) / WORDS_PER_MINUTE
        if minutes < 0.5:
            return t("reading.progress_short", percent=percent)
        return t("reading.progress", percent=percent, minutes=max(1, round(minutes)))

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
