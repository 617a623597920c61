"""The footer: the keys that fit, whole. Textual's own cuts the last one mid-word.

At 80 columns Textual's footer showed "? He" and "n Next a". Here each key
is measured once, from its words, and the keys that would not fit
whole (beside the command palette's, always on the right) are left out, last
first: fewer keys, never a cut one. `?` lists them all. Help and Quit, the two
keys a lost user needs, always stay.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer

ALWAYS = frozenset({"help", "quit", "back"})
"""The actions whose keys the footer never leaves out: Help and Quit, and in the search
field (where they are letters to type) the way back out of it."""


class WholeKeysFooter(Footer):
    """Textual's footer, showing only the keys that fit whole."""

    def __init__(self) -> None:
        super().__init__()
        self._widths: dict[int, int] = {}
        """Each key's width with its margin, by the key widget's identity."""
        self._due = False
        """A recompose is asked for and has not begun."""

    async def recompose(self) -> None:
        """Recompose once for changes that come together, not once for each.

        At launch the focus, the screen stack and a refresh after the focus each
        said the keys changed (Textual's footer asks for a recompose each time):
        three recomposes of every key, a tenth of a second of the interface's
        work while the library loads behind it.
        """
        if not self._due:
            self._due = True
            self.call_after_refresh(self._recompose_now)

    async def _recompose_now(self) -> None:
        self._due = False
        self._widths = {}
        await super().recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _keys(self) -> tuple[list[Widget], int]:
        """The keys in order, and the room left beside the command palette's key."""
        keys, room = [], self.size.width
        for child in self.children:
            if child.has_class("-command-palette"):
                room -= self._width(child)
            else:
                keys.append(child)
        return keys, room

    def _width(self, key: Widget) -> int:
        """What a key takes on the line, measured from its content (no layout needed)."""
        if id(key) not in self._widths:
            content = key.get_content_width(self.size, self.app.size)
            self._widths[id(key)] = content + key.styles.gutter.width + key.styles.margin.width
        return self._widths[id(key)]

    def _fit(self) -> None:
        keys, room = self._keys()
        kept = [key for key in keys if _action(key) in ALWAYS]
        used = sum(self._width(key) for key in kept)
        for key in keys:
            if key not in kept:
                used += self._width(key)
            key.display = key in kept or used <= room


def _action(key: Widget) -> str:
    """A footer key's action, without its namespace (`app.quit` is `quit`)."""
    return str(getattr(key, "action", "")).rpartition(".")[2]
