"""The Textual application: owns the services and the state that changes.

`make_app` builds it for the CLI and the tests alike. The app loads the
library in a worker thread, hands the main screen what it shows, and is the
only UI code that will write reading state.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from reader import resources
from reader.commands import ArticleCommands
from reader.config import Settings, library_folders
from reader.library import Article, Library, load_library
from reader.library.frontmatter import read_body
from reader.library.loader import count_by_severity
from reader.messages import LibraryLoaded, LibraryProgress, OpenArticle
from reader.screens.main import MainScreen


class ReaderApp(App[None]):
    """reader's terminal interface."""

    TITLE = "reader"
    CSS_PATH = [resources.styles_dir() / "reader.tcss"]
    COMMANDS = App.COMMANDS | {ArticleCommands}

    BINDINGS: list[BindingType] = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, settings: Settings, folders: Sequence[Path]) -> None:
        super().__init__()
        self.settings = settings
        self.folders = tuple(folders)
        self.library = Library()
        self.main_screen = MainScreen(load_body=lambda article: read_body(article.path))
        """The three-pane screen, always at the bottom of the stack."""

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles in list order (for the command palette)."""
        return self.library.articles

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def on_mount(self) -> None:
        self._load_library()

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self) -> None:
        """Parse the content folders off the UI thread; report progress as it goes."""

        def progress(done: int, total: int) -> None:
            self.post_message(LibraryProgress(done, total))

        self.post_message(LibraryLoaded(load_library(self.folders, progress=progress)))

    def on_library_progress(self, message: LibraryProgress) -> None:
        self.sub_title = f"loading {message.done}/{message.total}"

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self.sub_title = ""
        self.main_screen.show_library(self.library)
        errors, warnings = count_by_severity(self.library.problems)
        if errors or warnings:
            self.notify(
                f"{errors} file(s) not loaded, {warnings} warning(s). "
                "Run `reader check` for the details.",
                title="Content problems",
                severity="warning" if errors else "information",
                timeout=8,
            )

    def on_open_article(self, message: OpenArticle) -> None:
        if not self.main_screen.open_by_id(message.article_id):
            self.notify(f"No article with id '{message.article_id}'.", severity="error")


def make_app(settings: Settings) -> ReaderApp:
    """Build the app for a run (the CLI) or a test."""
    return ReaderApp(settings, library_folders(settings))
