"""How the main screen shares its width: the list grows with the terminal, the text never
gets squeezed, and the sidebar comes and goes. The list's border can be dragged.

The list takes about a third of the width (28 to 72 columns), moved by the
user with `<` and `>` (remembered as an offset, so it scales with the
window); the reading pane never gets fewer than `READING_MIN` columns: when
the sidebar is shown at a medium width and there is no room for all three,
the list gives way until the sidebar is hidden again. Below 64 columns one
pane shows at a time (the stylesheet does that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message import Message
    from textual.screen import Screen
    from textual.widget import Widget

LIST_SHARE = 0.32
LIST_MIN, LIST_MAX = 28, 72
READING_MIN = 42
"""The reading pane's narrowest, with its border: 40 columns of text."""
SIDEBAR_SHARE = 0.2
SIDEBAR_MIN, SIDEBAR_MAX = 30, 48
"""The sources sidebar takes a fifth of the width, 30 to 48 columns, whatever it lists
(a width that jumped from one article to the next moved the text under the reader)."""
NARROW, WIDE = 64, 110
"""Below NARROW one pane at a time; from WIDE the sidebar shows unless hidden."""
STEP = 4


SIDEBAR_CHOSEN = (24, 72)
"""How narrow or wide the user may make the sidebar with `<` / `>`."""


def sidebar_columns(total: int, offset: int = 0) -> int:
    """The sidebar's width at `total` columns (wider addresses break less), with the
    columns the user added or took away."""
    share = max(SIDEBAR_MIN, min(SIDEBAR_MAX, round(total * SIDEBAR_SHARE)))
    low, high = SIDEBAR_CHOSEN
    return max(low, min(high, share + offset)) if offset else share


def list_columns(total: int, sidebar: int, offset: int = 0) -> int | None:
    """The list's width at `total` columns beside a `sidebar` that wide (0: hidden);
    None when the list must give way to the text."""
    wanted = max(LIST_MIN, min(LIST_MAX, round(total * LIST_SHARE) + offset))
    room = total - READING_MIN - sidebar
    return min(wanted, room) if room >= LIST_MIN else None


class PaneLayout:
    """Applies `list_columns` to the screen's panes, and keeps the user's choices."""

    def __init__(
        self,
        screen: Screen[None],
        column: Widget,
        sidebar: Widget,
        changed: Callable[[str, str], Message],
    ) -> None:
        self._screen = screen
        self._column = column
        self._sidebar = sidebar
        self._changed = changed
        """Makes the message that tells the app what to remember (name, value)."""
        self.offset = 0
        """Columns the user added to (or took from) the list's share."""
        self.sidebar_offset = 0
        """Columns the user added to (or took from) the sidebar's share."""

    @property
    def sources_shown(self) -> bool:
        screen, total = self._screen, self._screen.size.width
        if total >= WIDE:
            return not screen.has_class("-sources-off")
        return screen.has_class("-sources-on")

    def fit(self) -> None:
        """Size the list for the screen's width, or let it give way."""
        total = self._screen.size.width
        if total < NARROW or not total:
            self._column.styles.width = None  # the stylesheet's one-pane-at-a-time
            self._sidebar.styles.width = None
            self._screen.set_class(False, "-list-gives-way")
            return
        sidebar = sidebar_columns(total, self.sidebar_offset)
        self._sidebar.styles.width = sidebar
        width = list_columns(total, sidebar if self.sources_shown else 0, self.offset)
        self._screen.set_class(width is None, "-list-gives-way")
        if width is not None:
            self._column.styles.width = width

    def resize_list(self, delta: int, remember: bool = True) -> None:
        """Make the list `delta` columns wider (or narrower), within bounds; remembered
        unless `remember` is off (a drag remembers where it ends, not every step)."""
        total = self._screen.size.width
        share = round(total * LIST_SHARE)
        offset = max(LIST_MIN - share, min(LIST_MAX - share, self.offset + delta))
        if offset != self.offset:
            self.offset = offset
            self.fit()
            if remember:
                self.remember()

    def resize_sidebar(self, delta: int) -> None:
        """Make the sidebar `delta` columns wider (or narrower), within bounds; remembered."""
        total = self._screen.size.width
        share = sidebar_columns(total)
        low, high = SIDEBAR_CHOSEN
        offset = max(low - share, min(high - share, self.sidebar_offset + delta))
        if offset != self.sidebar_offset:
            self.sidebar_offset = offset
            self.fit()
            self._screen.post_message(self._changed("sources_width", str(offset)))

    def remember(self) -> None:
        self._screen.post_message(self._changed("list_width", str(self.offset)))

    def on_border(self, x: int, y: int) -> bool:
        """Whether screen cell (x, y) is the list's right border (where a drag starts)."""
        region = self._column.region
        shown = self._column.display and region.width > 0 and self._screen.size.width >= NARROW
        return bool(shown) and x == region.right - 1 and region.y <= y < region.bottom

    def capture(self, on: bool) -> None:
        """While dragging, every mouse move comes to the screen, wherever the pointer is."""
        if on:
            self._screen.capture_mouse()
        else:
            self._screen.release_mouse()

    def drag_to(self, x: int) -> None:
        """The list's right border follows the pointer (within the list's bounds)."""
        width = x - self._column.region.x + 1
        self.resize_list(width - self._column.region.width, remember=False)

    def toggle_sources(self) -> None:
        """`s`: the sidebar shown or hidden (remembered); the focus leaves what hides."""
        from reader.ui.widgets.reading_pane import ReadingPane

        screen, sidebar = self._screen, self._sidebar
        shown = not sidebar.display
        self.show_sources(shown)
        if screen.size.width >= NARROW:  # below, the sidebar only stands in for the text
            screen.post_message(self._changed("sources", "on" if shown else "off"))
        reading = screen.query_one(ReadingPane)
        if not shown and sidebar.has_focus:
            reading.focus()
        elif shown and screen.has_class("-narrow"):
            sidebar.focus()  # one pane at a time: the sidebar takes the keys
        elif screen.has_class("-list-gives-way") and self._column.has_focus_within:
            reading.focus()

    def restore(
        self, list_width: str | None, sources: str | None, sources_width: str | None = None
    ) -> None:
        """The list's width and the sidebar (shown or not, its width) as the user left them."""
        if list_width and list_width.lstrip("-").isdigit():
            self.offset = int(list_width)
        if sources_width and sources_width.lstrip("-").isdigit():
            self.sidebar_offset = int(sources_width)
        if sources in ("on", "off") and self._screen.size.width >= NARROW:
            self.show_sources(sources == "on")
        self.fit()

    def show_sources(self, shown: bool) -> None:
        """Show or hide the sidebar (at any width), then share the width again."""
        self._screen.set_class(not shown, "-sources-off")
        self._screen.set_class(shown, "-sources-on")
        self.fit()
