"""A yes/no question, for anything that leaves reader (opening a link in a browser) or
cannot be taken back from it (no longer following a feed)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


class ConfirmScreen(ModalScreen[bool]):
    """Shows the question and the full detail (a URL); True only on an explicit yes."""

    CSS_PATH = [resources.styles_dir() / "confirm.tcss"]
    BINDINGS = [
        key("y", "answer(True)", "confirm.yes"),
        key("n,escape", "answer(False)", "confirm.no"),
    ]

    def __init__(self, question: str, detail: str, yes: str = "confirm.open") -> None:
        """`yes`: the catalogue's words for the yes button (what saying yes does)."""
        super().__init__()
        translate_bindings(self)
        self._question = question
        self._detail = detail
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Label(self._question, id="confirm-question", markup=False)
            yield Label(self._detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(t(self._yes), id="yes", variant="primary")
                yield Button(t("confirm.cancel"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer has the focus

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
