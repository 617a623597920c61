"""The search field above the article list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


class SearchBox(Input):
    """An Input that hands the arrow keys to the list below it, and shows in the footer
    the two ways out of it: Help and Quit cannot be typed here (they are letters)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        key("enter", "submit", "search.open_first"),
        key("escape", "screen.back", "search.leave"),
        key("down", "app.focus_next", "search.results", show=False),
        key("ctrl+s", "save_search", "search.save", show=False),
    ]

    @dataclass
    class SaveRequested(Message):
        """Ctrl+S: keep these words as a feed of the feeds pane (newsboat's query feeds)."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=t("search.placeholder"), id=id)
        translate_bindings(self)

    def action_save_search(self) -> None:
        if self.value.strip():
            self.post_message(self.SaveRequested(self.value.strip()))
