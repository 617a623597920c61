"""The feeds pane: every place articles come from, with its unread count.

All feeds, the feeds' folders with their feeds, the tags, saved pages, notes,
the bundled library and the saved searches (`reader.library.origins` makes the
rows). Enter (or a click) narrows the list to the row's place. The keys act on
the row under the cursor: reload it, mark it read, rename it, remove it, or
add a feed. The pane decides nothing itself: it says what was asked for, in a
message, and the app does it.

Drawn with the Line API, as the article list is: an `OptionList` of 560 rows
took 190 ms to fill, each time a count changed. Only the rows on screen are
drawn, from a small cache; new counts are a refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

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

from reader.library.origins import Origin, OriginRow
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings

INDENT = "  "
"""Columns a row is indented for each level it is filed below."""
CHOSEN_MARK = "▸ "
ERROR_MARK = "! "


class FeedsPane(ScrollView, can_focus=True):
    """The places, one a row; the chosen one marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feeds-pane--cursor",
        "feeds-pane--count",
        "feeds-pane--error",
        "feeds-pane--empty",
    }

    # The footer shows the three a first look needs (it is recomposed at each focus
    # change, the more keys the slower); `?` and the palette list every one.
    BINDINGS: ClassVar[list[BindingType]] = [
        key("up,k", "cursor(-1)", "feeds.up", show=False),
        key("down,j", "cursor(1)", "feeds.down", show=False),
        key("home,g", "cursor_to(0)", "feeds.first", show=False),
        key("end,G", "cursor_to(-1)", "feeds.last", show=False),
        key("pageup", "page(-1)", "feeds.page_up", show=False),
        key("pagedown", "page(1)", "feeds.page_down", show=False),
        key("enter", "choose", "feeds.open"),
        key("r", "reload", "feeds.reload"),
        key("M", "mark_read", "feeds.mark_read", show=False),
        key("R", "rename", "feeds.rename", show=False),
        key("d,delete", "remove", "feeds.remove", show=False),
        key("A", "add", "feeds.add"),
        key("I", "import_opml", "feeds.import", show=False),
        key("N", "next_unread", "feeds.next_unread", show=False),
    ]

    highlighted: reactive[int] = reactive(0, always_update=True, init=False)
    """The row under the cursor."""

    @dataclass
    class Chosen(Message):
        """Enter or a click on a row: the list shows that place."""

        origin: Origin

    @dataclass
    class Asked(Message):
        """A key asked for something done to a row (`reload`, `mark_read`, `rename`,
        `remove`), or for feeds to be added (`add`, `import`: `row` None)."""

        what: str
        row: OriginRow | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.border_title = t("feeds.pane_title")
        self.rows: tuple[OriginRow, ...] = ()
        self.chosen: str | None = None
        """The key (`kind:key`) of the place the list shows, marked in the pane."""
        self._cache: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(256)

    @staticmethod
    def row_key(origin: Origin) -> str:
        return f"{origin.kind}:{origin.key}"

    def show_rows(self, rows: Sequence[OriginRow], chosen: Origin | None) -> None:
        """Draw these rows, the cursor staying on the place it was on."""
        was = self.highlighted_row
        keep = self.row_key(was.origin) if was is not None else None
        self.rows = tuple(rows)
        self.chosen = self.row_key(chosen) if chosen is not None else None
        keys = [self.row_key(row.origin) for row in self.rows]
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))
        wanted = keep if keep in keys else self.chosen
        self.set_reactive(FeedsPane.highlighted, 0)
        self.highlighted = keys.index(wanted) if wanted in keys else 0
        self.refresh()

    @property
    def highlighted_row(self) -> OriginRow | None:
        if self.rows and 0 <= self.highlighted < len(self.rows):
            return self.rows[self.highlighted]
        return None

    # -- the cursor ----------------------------------------------------------------

    def validate_highlighted(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_highlighted(self, old: int, new: int) -> None:
        self.refresh_lines(old - round(self.scroll_y), 1)
        self.refresh_lines(new - round(self.scroll_y), 1)
        height = self.scrollable_content_region.height or 1
        if new < self.scroll_y:
            self.scroll_to(y=new, animate=False)
        elif new >= self.scroll_y + height:
            self.scroll_to(y=new - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        self.highlighted += step

    def action_cursor_to(self, index: int) -> None:
        self.highlighted = index if index >= 0 else len(self.rows) - 1

    def action_page(self, pages: int) -> None:
        self.highlighted += pages * max(1, self.scrollable_content_region.height - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the click's row, the border aside
        if offset is None:
            return
        index = offset.y + round(self.scroll_y)
        if 0 <= index < len(self.rows):
            self.highlighted = index
            self.action_choose()

    def on_resize(self, event: events.Resize) -> None:
        """The counts stay right-aligned at the new width."""
        self._cache.clear()
        self.virtual_size = Size(event.size.width, len(self.rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- drawing ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_y)
        if not self.rows:
            if y != 0:
                return Strip.blank(width, self.rich_style)
            style = self.rich_style + self.get_component_rich_style("feeds-pane--empty")
            text = Text(f" {t('feeds.pane_empty')}", style=style, no_wrap=True, end="")
            text.truncate(width, overflow="ellipsis", pad=True)
            return Strip(text.render(self.app.console), width)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        cursor = index == self.highlighted
        cache_key = (index, width, cursor, self.has_focus)
        cached = self._cache.get(cache_key)
        if cached is None:
            cached = self._render_row(self.rows[index], cursor, width)
            self._cache[cache_key] = cached
        return cached

    def _render_row(self, row: OriginRow, cursor: bool, width: int) -> Strip:
        """` ▸ Name ........ 12 `: indented by depth, marked when chosen, `!` on an error,
        the unread count right-aligned."""
        base = self.rich_style
        if cursor:
            base += self.get_component_rich_style("feeds-pane--cursor")
        chosen = self.row_key(row.origin) == self.chosen
        text = Text(" " + INDENT * row.depth + (CHOSEN_MARK if chosen else ""), style=base)
        if row.error:
            text.append(ERROR_MARK, self._ink("feeds-pane--error"))
        bold = Style(bold=chosen or bool(row.unread))
        text.append(row.origin.label, bold)
        count = str(row.unread) if row.unread and row.total else ""
        room = width - len(count) - 2
        text.no_wrap = True
        text.truncate(max(1, room), overflow="ellipsis", pad=True)
        if count:
            text.append(count, self._ink("feeds-pane--count"))
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width)

    def _ink(self, component: str) -> Style:
        """A component's colour and weight without its background (the cursor's shows)."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold, italic=style.italic, dim=style.dim)

    # -- what the keys ask -------------------------------------------------------------

    def action_choose(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Chosen(row.origin))

    def _ask(self, what: str) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Asked(what, row))

    def action_reload(self) -> None:
        self._ask("reload")

    def action_mark_read(self) -> None:
        self._ask("mark_read")

    def action_rename(self) -> None:
        self._ask("rename")

    def action_remove(self) -> None:
        self._ask("remove")

    def action_add(self) -> None:
        self.post_message(self.Asked("add", None))

    def action_import_opml(self) -> None:
        self.post_message(self.Asked("import", None))

    def action_next_unread(self) -> None:
        """The next feed with unread items (newsboat's `n` in its feed list), chosen."""
        start = self.highlighted + 1
        order = list(range(start, len(self.rows))) + list(range(start))
        for index in order:
            row = self.rows[index]
            if row.origin.kind == "feed" and row.unread:
                self.highlighted = index
                self.post_message(self.Chosen(row.origin))
                return
        self.notify(t("feeds.none_unread"), timeout=2)
