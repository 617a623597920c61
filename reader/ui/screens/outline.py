"""The outline of the open article: its headings; choosing one goes there."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings

INDENT = "  "
"""Columns a heading is indented for each level below the highest."""


class OutlineScreen(ModalScreen[int | None]):
    """Returns the body line of the chosen heading, or None if dismissed."""

    CSS_PATH = [resources.styles_dir() / "outline.tcss"]
    BINDINGS = [key("escape,o", "dismiss_outline", "outline.close")]

    def __init__(
        self,
        title: str,
        headings: Sequence[tuple[int, str, int]],
        current: int = 0,
        place: str = "",
    ) -> None:
        """`headings`: (body line, heading text, level) in order; `current`: the one being
        read. A heading is indented by its level below the article's highest. `place`: the
        file's path in its folder, shown on top: two pages called "Shortcodes" in two
        sections of a docs site are told apart there."""
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._place = place
        self._headings = list(headings)
        self._current = current

    def compose(self) -> ComposeResult:
        top = min(level for _line, _text, level in self._headings)
        options = [
            Option(Text(INDENT * (level - top) + text), id=str(line))
            for line, text, level in self._headings
        ]
        if self._place:
            place = Text(t("outline.place", place=self._place), "dim")
            options = [Option(place, disabled=True), *options]
        outline = OptionList(*options, id="outline")
        outline.border_title = t("outline.title", title=self._title)
        outline.border_subtitle = t("outline.hint")
        yield outline

    def on_mount(self) -> None:
        outline = self.query_one(OptionList)
        outline.highlighted = self._current + (1 if self._place else 0)
        outline.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_outline(self) -> None:
        self.dismiss(None)
