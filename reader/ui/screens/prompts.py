"""Small dialogs that ask for text: a bookmark's note (several lines), a page's address,
a reading list's file, a feed's address, a new name, a saved search's name (one line
each)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea

from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


class TextPrompt(ModalScreen[str | None]):
    """One line of text asked for: returns it (possibly empty) on Enter, None on Escape.

    Each prompt below names its words; the note's own one-line form is this class.
    """

    WORDS = ("note.title", "note.hint", "note.placeholder")
    """The catalogue's keys for the dialog's title, its hint and the empty field."""

    CSS_PATH = [resources.styles_dir() / "prompts.tcss"]

    BINDINGS = [key("escape", "cancel", "note.cancel")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._text = text

    def compose(self) -> ComposeResult:
        title, hint, placeholder = self.WORDS
        with Vertical(id="note-dialog") as dialog:
            dialog.border_title = t(title)
            dialog.border_subtitle = t(hint)
            yield Label(self._title, id="note-article", markup=False)
            yield self._field(t(placeholder))

    def _field(self, placeholder: str) -> Widget:
        """Where the text is typed: one line here."""
        return Input(self._text, placeholder=placeholder, id="note-input")

    @on(Input.Submitted)
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(TextPrompt):
    """A bookmark's note, over as many lines as it needs: Enter starts a new line,
    Ctrl+S saves, Esc cancels. Returns the note (blank lines around it dropped)."""

    WORDS = ("note.title", "note.hint_lines", "note.placeholder")

    BINDINGS = [
        key("escape", "cancel", "note.cancel"),
        key("ctrl+s", "save", "note.save"),  # not priority: after the keys typed before it
    ]

    def _field(self, placeholder: str) -> Widget:
        area = TextArea(self._text, id="note-area", soft_wrap=True, show_line_numbers=False)
        area.placeholder = placeholder
        return area

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())


class AddressScreen(TextPrompt):
    """Asks for a web page's address (`a`); returns it, or None if cancelled."""

    WORDS = ("add.title", "add.hint", "add.placeholder")

    def __init__(self, address: str = "") -> None:
        super().__init__(t("add.label"), address)


class ListFileScreen(TextPrompt):
    """Asks for the file of a reading list to import; returns its path, or None if cancelled."""

    WORDS = ("lists.title", "lists.hint", "lists.placeholder")

    def __init__(self) -> None:
        super().__init__(t("lists.label"), "")


class FindScreen(TextPrompt):
    """Asks for words to find in the open article (Ctrl+F); returns them, or None."""

    WORDS = ("find.title", "find.hint", "find.placeholder")

    def __init__(self, article_title: str) -> None:
        super().__init__(article_title, "")


class FeedAddressScreen(TextPrompt):
    """Asks for a feed's address (`A` in the feeds pane); returns it, or None if cancelled."""

    WORDS = ("follow.title", "follow.hint", "follow.placeholder")

    def __init__(self) -> None:
        super().__init__(t("follow.label"), "")


class RenameScreen(TextPrompt):
    """Asks for a new name (a feed's, a folder's, a saved search's), the old one typed in."""

    WORDS = ("rename.title", "rename.hint", "rename.placeholder")

    def __init__(self, name: str) -> None:
        super().__init__(name, name)


class SaveSearchScreen(TextPrompt):
    """Asks for the name a search is saved under; the search's words are the default."""

    WORDS = ("savesearch.title", "savesearch.hint", "savesearch.placeholder")

    def __init__(self, query: str) -> None:
        super().__init__(f"“{query}”", query)


class OpmlFileScreen(TextPrompt):
    """Asks for an OPML file of feeds to follow (`I` in the feeds pane, or the palette)."""

    WORDS = ("opml.title", "opml.hint", "opml.placeholder")

    def __init__(self) -> None:
        super().__init__(t("opml.label"), "")
