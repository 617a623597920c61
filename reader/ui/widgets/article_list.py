"""The article list: thousands of rows, drawn with the Line API.

A widget per row would cost seconds at 10,000 articles (see BASELINES.md), so
this is one `ScrollView` that draws only the rows on screen, each from a small
cache. Each article takes two lines: markers and title, then date,
language, reading time and outlet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.library.article import Article
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings
from reader.ui.widgets.snippets import Snippet, snippet_text

ROW_HEIGHT = 2
UNREAD_MARK = "●"
BOOKMARK_MARK = "★"


@dataclass(frozen=True, slots=True)
class Marks:
    """What the list shows beside a title."""

    read: bool = False
    bookmarked: bool = False
    note: str = ""
    """The bookmark's note, shown after the row's facts."""


def _facts(article: Article, marks: Marks) -> list[str]:
    """A row's second line, in order: the user's own note, then fixed-width facts (date,
    language, reading time), then the outlet, which is what an ellipsis cuts."""
    return [
        f"✎ {' ⏎ '.join(marks.note.splitlines())}" if marks.note else "",
        article.published_iso or t("list.undated"),
        (article.language or "").upper(),
        f"{article.reading_minutes} min",
        article.outlet or "",
    ]


MIN_TITLE_REST = 12
"""Columns a long title's end needs on the second line; a narrower list cuts the title on
the first line instead (its second line keeps the facts)."""


def split_title(title: str, room: int) -> tuple[str, str]:
    """A title that does not fit in `room` columns, cut at a space for two lines: the rest
    goes before the row's facts on its second line. Unbroken, it is cut with an ellipsis."""
    if cell_len(title) <= room:
        return title, ""
    cut = title.rfind(" ", 0, room + 1)
    if cut < room // 2:
        return title, ""
    return title[:cut], title[cut + 1 :]


class ArticleList(ScrollView, can_focus=True):
    """A keyboard- and mouse-driven list of articles, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        key("up,k", "cursor_up", "list.up", show=False),
        key("down,j", "cursor_down", "list.down", show=False),
        key("home,g", "first", "list.first", show=False),
        key("end,G", "last", "list.last", show=False),
        key("pageup", "page_up", "list.page_up", show=False),
        key("pagedown", "page_down", "list.page_down", show=False),
        key("enter", "select", "list.open"),
    ]
    """Vim keys share each binding with the arrow keys."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--meta",
        "article-list--unread",
        "article-list--bookmark",
        "article-list--empty",
        "article-list--match",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted article."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article (a flood of these coalesces)."""

        article_list: ArticleList
        article: Article

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticleList.Highlighted)

        @property
        def control(self) -> ArticleList:
            return self.article_list

    @dataclass
    class SnippetsWanted(Message):
        """Rows on screen show search results that have no snippet yet."""

        article_list: ArticleList
        article_ids: list[str]

        @property
        def control(self) -> ArticleList:
            return self.article_list

    @dataclass
    class Selected(Message):
        """The user asked to open an article (Enter or a click)."""

        article_list: ArticleList
        article: Article

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self._articles: tuple[Article, ...] = ()
        self._marks: dict[str, Marks] = {}
        self._snippets: dict[str, Snippet] = {}
        self._searching = False
        self._wanted: set[str] = set()
        self._asked: set[str] = set()
        self._empty_message = t("main.loading")
        self._cache: LRUCache[tuple[int, int, bool, Marks, bool, int], Strip] = LRUCache(1024)

    # -- data in -------------------------------------------------------------

    def show(
        self,
        articles: Sequence[Article],
        marks: Mapping[str, Marks] | None = None,
        *,
        keep: str | None = None,
        empty_message: str = "",
        snippets: Mapping[str, Snippet] | None = None,
    ) -> None:
        """Replace the rows; the cursor lands on `keep` (an id) if it is listed.

        `snippets` (search results) replace a row's second line with the text
        around the match.
        """
        self._articles = tuple(articles)
        self._marks = dict(marks or {})
        self._snippets = dict(snippets or {})
        self._searching = snippets is not None
        self._wanted.clear()
        self._asked = set(self._snippets)
        self._empty_message = empty_message
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self._virtual_height())
        index = self.index_of(keep) if keep else None
        self.set_reactive(ArticleList.cursor, 0)
        self.cursor = index if index is not None else 0
        self.refresh()

    def add_snippets(self, snippets: Mapping[str, Snippet]) -> None:
        """Give more rows their search snippet (they arrive after the first results)."""
        self._snippets.update(snippets)
        self._cache.clear()
        self.refresh()

    def set_marks(self, article_id: str, marks: Marks) -> None:
        """Update one article's markers without rebuilding the list."""
        self._marks[article_id] = marks
        index = self.index_of(article_id)
        if index is not None:
            self._refresh_row(index)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self._articles

    @property
    def highlighted(self) -> Article | None:
        """The article under the cursor, if the list is not empty."""
        if 0 <= self.cursor < len(self._articles):
            return self._articles[self.cursor]
        return None

    def index_of(self, article_id: str) -> int | None:
        for index, article in enumerate(self._articles):
            if article.id == article_id:
                return index
        return None

    def move_to(self, article_id: str) -> bool:
        """Put the cursor on an article; False if it is not listed."""
        index = self.index_of(article_id)
        if index is None:
            return False
        self.cursor = index
        return True

    # -- cursor --------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._articles) - 1)) if self._articles else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        article = self.highlighted
        if article is not None:
            self.post_message(self.Highlighted(self, article))

    def _scroll_to_cursor(self) -> None:
        top = self.cursor * ROW_HEIGHT
        rows = max(1, (self.scrollable_content_region.height or ROW_HEIGHT) // ROW_HEIGHT)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif self.cursor >= self.scroll_y // ROW_HEIGHT + rows:
            self.scroll_to(y=(self.cursor - rows + 1) * ROW_HEIGHT, animate=False)

    # Whole rows only: the list never stops with half an article (a date line
    # with no title) at the top. The room below the last row is padded so that
    # the end is a whole row too.

    def validate_scroll_y(self, value: float) -> float:
        return self._whole_rows(super().validate_scroll_y(value), self.scroll_y)

    def validate_scroll_target_y(self, value: float) -> float:
        return self._whole_rows(super().validate_scroll_target_y(value), self.scroll_target_y)

    def _whole_rows(self, value: float, current: float) -> float:
        rows = (math.ceil if value > current else math.floor)(value / ROW_HEIGHT)
        return min(rows * ROW_HEIGHT, self.max_scroll_y - self.max_scroll_y % ROW_HEIGHT)

    def _virtual_height(self) -> int:
        odd = (self.scrollable_content_region.height or 0) % ROW_HEIGHT
        return len(self._articles) * ROW_HEIGHT + odd

    def _refresh_row(self, index: int) -> None:
        y = index * ROW_HEIGHT - round(self.scroll_y)
        self.refresh_lines(y, ROW_HEIGHT)

    @property
    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT - 1)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._articles) - 1

    def action_page_up(self) -> None:
        self.cursor -= self._page_rows

    def action_page_down(self) -> None:
        self.cursor += self._page_rows

    def action_select(self) -> None:
        article = self.highlighted
        if article is not None:
            self.post_message(self.Selected(self, article))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the border aside: a row's date line is its
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self._articles):
            self.cursor = index
            self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(event.size.width, self._virtual_height())
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row, line = divmod(y + round(self.scroll_y), ROW_HEIGHT)
        if not self._articles:
            return self._render_empty(y, width)
        if row >= len(self._articles):
            return Strip.blank(width, self.rich_style)
        article = self._articles[row]
        selected = row == self.cursor
        marks = self._marks.get(article.id, Marks())
        key = (row, width, selected, marks, self.has_focus, line)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render_row_line(article, marks, selected, line, width)
            self._cache[key] = cached
        return cached

    def _render_empty(self, y: int, width: int) -> Strip:
        """The empty list's message, wrapped to the list's width from the second line
        (cut, it lost its hint: "Add a folder with `re…")."""
        style = self.rich_style + self.get_component_rich_style("article-list--empty")
        lines = Text(self._empty_message).wrap(self.app.console, max(1, width - 2))
        if not 1 <= y <= len(lines):
            return Strip.blank(width, self.rich_style)
        text = Text.assemble(" ", lines[y - 1], style=style)
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(text.render(self.app.console), width)

    def _render_row_line(
        self, article: Article, marks: Marks, selected: bool, line: int, width: int
    ) -> Strip:
        base = self.rich_style
        if selected:
            base += self.get_component_rich_style("article-list--cursor")
        searched = article.id in self._snippets
        facts = _facts(article, marks)
        core = " · ".join(part for part in facts[1:3] if part)  # the date and the language
        left = width - 4 - cell_len(core) - 3  # for the title's end, before those
        # The user's own note keeps the second line: a long title is cut instead.
        split = not searched and not marks.note and left >= MIN_TITLE_REST
        first, rest = split_title(article.title, width - 4) if split else (article.title, "")
        title_style = Style(bold=not marks.read)
        if line == 0:
            unread = self._ink("article-list--unread")
            star = self._ink("article-list--bookmark")
            text = Text.assemble(
                " ",
                (" " if marks.read else UNREAD_MARK, unread),
                (BOOKMARK_MARK if marks.bookmarked else " ", star),
                " ",
                (first, title_style),
                style=base,
            )
        elif searched:
            text = Text.assemble("    ", style=base)
            meta, match = self._ink("article-list--meta"), self._ink("article-list--match")
            snippet = self._snippets[article.id]
            text.append_text(snippet_text(snippet, width - 4, meta, match))
        else:
            if self._searching:
                self._want_snippet(article.id)  # the facts stand in until it comes
            meta = self._ink("article-list--meta")
            shown = " · ".join(part for part in facts if part)
            if rest:  # the title's end first (a title is what the eye looks for), cut so
                # that the date and the language still show after it
                if cell_len(rest) > left:
                    rest = rest[: left - 1].rstrip() + "…"
                    shown = core
                text = Text.assemble("    ", (rest, title_style), (f" · {shown}", meta), style=base)
            else:
                text = Text.assemble("    ", (shown, meta), style=base)
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width)

    def _ink(self, component: str) -> Style:
        """A component's colour and weight without its background, so the cursor's
        bar shows through the markers and the date line (it had holes there)."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold, italic=style.italic, dim=style.dim)

    def _want_snippet(self, article_id: str) -> None:
        """Ask (once per row, once per frame) for the snippets of rows now on screen."""
        if article_id in self._asked:
            return
        self._asked.add(article_id)
        if not self._wanted:
            self.call_after_refresh(self._ask_for_snippets)
        self._wanted.add(article_id)

    def _ask_for_snippets(self) -> None:
        if self._wanted:
            self.post_message(self.SnippetsWanted(self, sorted(self._wanted)))
            self._wanted.clear()
