"""The search field above the article list."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SearchBox(Input):
    """An Input that hands the arrow keys to the list below it."""

    BINDINGS: list[BindingType] = [
        Binding("down", "app.focus_next", "To the results", show=False, id="search.results"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='Search: words, "a phrase", prefix*', id=id)
