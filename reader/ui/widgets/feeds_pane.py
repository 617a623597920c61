"""The feeds pane: every place articles come from, with its unread count.

All feeds, the feeds' folders with their feeds, the tags, saved pages, notes,
the bundled library and the saved searches (`reader.library.origins` makes the
rows). Enter (or a click) narrows the list to the row's place. The keys act on
the row under the cursor: reload it, mark it read, rename it, remove it, or
add a feed. The pane decides nothing itself: it says what was asked for, in a
message, and the app does it.

An `OptionList`: a few hundred rows at most (500 feeds draw in a few
milliseconds), each one line, the count right-aligned at the pane's width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library.origins import Origin, OriginRow
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings

INDENT = "  "
"""Columns a row is indented for each level it is filed below."""
FALLBACK_WIDTH = 26
"""The width rows are drawn at before the pane has one (its first layout)."""
OPTION_PADDING = 2


class FeedsPane(OptionList):
    """The places, one a row; the chosen one marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feeds-pane--count",
        "feeds-pane--error",
        "feeds-pane--empty",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        key("r", "reload", "feeds.reload"),
        key("M", "mark_read", "feeds.mark_read"),
        key("R", "rename", "feeds.rename"),
        key("d,delete", "remove", "feeds.remove"),
        key("A", "add", "feeds.add"),
        key("N", "next_unread", "feeds.next_unread"),
    ]

    @dataclass
    class Chosen(Message):
        """Enter or a click on a row: the list shows that place."""

        origin: Origin

    @dataclass
    class Asked(Message):
        """A key asked for something done to a row (`reload`, `mark_read`, `rename`,
        `remove`), or for a feed to be added (`add`, `row` None)."""

        what: str
        row: OriginRow | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.border_title = t("feeds.pane_title")
        self.rows: tuple[OriginRow, ...] = ()
        self.chosen: str | None = None
        """The key (`kind:key`) of the place the list shows, marked in the pane."""
        self._drawn_at = 0

    @staticmethod
    def row_key(origin: Origin) -> str:
        return f"{origin.kind}:{origin.key}"

    def show_rows(self, rows: Sequence[OriginRow], chosen: Origin | None) -> None:
        """Draw these rows, the cursor staying on the place it was on."""
        was = self.highlighted_row
        self.rows = tuple(rows)
        self.chosen = self.row_key(chosen) if chosen is not None else None
        self._draw(self.row_key(was.origin) if was is not None else self.chosen)

    def _draw(self, keep: str | None) -> None:
        self._drawn_at = self.scrollable_content_region.width
        # Each option has a column of padding on either side (Textual's default style).
        width = (self._drawn_at or FALLBACK_WIDTH) - OPTION_PADDING
        self.clear_options()
        if not self.rows:
            empty = self.get_component_rich_style("feeds-pane--empty")
            self.add_option(Option(Text(t("feeds.pane_empty"), empty), disabled=True))
            return
        self.add_options(Option(self._line(row, width)) for row in self.rows)
        keys = [self.row_key(row.origin) for row in self.rows]
        self.highlighted = keys.index(keep) if keep in keys else 0

    def _line(self, row: OriginRow, width: int) -> Text:
        """`  ▸ Name ......... 12`: indented by depth, marked when chosen, `!` on an error."""
        chosen = self.row_key(row.origin) == self.chosen
        line = Text(INDENT * row.depth + ("▸ " if chosen else ""), no_wrap=True, end="")
        if row.error:
            line.append("! ", self.get_component_rich_style("feeds-pane--error"))
        line.append(row.origin.label, "bold" if chosen or row.unread else "")
        count = "" if row.unread is None or not row.total else str(row.unread)
        room = width - len(count) - 1
        line.truncate(max(1, room), overflow="ellipsis")
        if count:
            line.pad_right(width - len(count) - line.cell_len)
            style = self.get_component_rich_style("feeds-pane--count") if row.unread else "dim"
            line.append(count, style)
        return line

    def on_resize(self) -> None:
        """The counts stay right-aligned at the new width."""
        if self.rows and self.scrollable_content_region.width != self._drawn_at:
            was = self.highlighted_row
            self._draw(self.row_key(was.origin) if was is not None else None)

    @property
    def highlighted_row(self) -> OriginRow | None:
        index = self.highlighted
        if index is None or not self.rows or index >= len(self.rows):
            return None
        return self.rows[index]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.rows and event.option_index < len(self.rows):
            self.post_message(self.Chosen(self.rows[event.option_index].origin))

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

    def action_next_unread(self) -> None:
        """The next feed with unread items (newsboat's `n` in its feed list), chosen."""
        start = (self.highlighted or 0) + 1
        order = list(range(start, len(self.rows))) + list(range(start))
        for index in order:
            row = self.rows[index]
            if row.origin.kind == "feed" and row.unread:
                self.highlighted = index
                self.post_message(self.Chosen(row.origin))
                return
        self.notify(t("feeds.none_unread"), timeout=2)
