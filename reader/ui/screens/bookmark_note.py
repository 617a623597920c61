"""A small dialog to write or edit a bookmark's note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


class BookmarkNoteScreen(ModalScreen[str | None]):
    """Returns the note (possibly empty) on Enter, or None if cancelled with Escape."""

    CSS_PATH = [resources.styles_dir() / "bookmark_note.tcss"]

    BINDINGS = [key("escape", "cancel", "note.cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as dialog:
            dialog.border_title = t("note.title")
            dialog.border_subtitle = t("note.hint")
            yield Label(self._title, id="note-article", markup=False)
            yield Input(self._note, placeholder=t("note.placeholder"), id="note-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
