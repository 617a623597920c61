"""The Textual application: owns the services and the state that changes.

`make_app` builds it for the CLI and the tests alike. The app loads the
library in a worker thread, opens the state store, hands the main screen what
it shows, and is the only UI code that writes reading state: every change is
shown at once and written by a background thread, in order.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.theme import ThemeProvider
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from reader.index.search import Query, Results

from reader.index.catalogue import Catalogue
from reader.library import Article, Library
from reader.library.loader import count_by_severity
from reader.settings import resources
from reader.settings.config import Settings, library_folders
from reader.settings.i18n import number, plural, set_language, t
from reader.state.keeper import StateKeeper
from reader.state.session import ReadingSession
from reader.state.store import Store
from reader.ui.commands import ReaderCommands
from reader.ui.feed_editor import FeedEditor
from reader.ui.feed_fetcher import FeedFetcher
from reader.ui.folder_watcher import FolderWatcher
from reader.ui.keys import key, translate_bindings
from reader.ui.library_update import update_library
from reader.ui.list_importer import ListImporter
from reader.ui.messages import (
    ForwardsWorkerFailures,
    IndexProgress,
    IndexReady,
    LibraryLoaded,
    LibraryProgress,
    OpenArticle,
    StatesChanged,
    StoreFailed,
    StoreReplaced,
    StoreSavedAgain,
    WorkerFailed,
)
from reader.ui.page_adder import PageAdder
from reader.ui.panes.opening import read_article_body
from reader.ui.reading_tracker import SESSION_OPEN, SESSION_SELECTED, ReadingTracker
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feeds_pane import FeedsPane
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_box import SearchBox

FIRST_PAGE = 100
"""Articles read for the first frame (more than any screen shows); the rest follow."""
SESSION_THEME = "theme"


class ReaderApp(ForwardsWorkerFailures, App[None]):
    """reader's terminal interface."""

    TITLE = "reader"
    CSS_PATH = [resources.styles_dir() / "reader.tcss"]
    COMMANDS = {ReaderCommands}  # one provider: a stable order in every language

    BINDINGS: ClassVar[list[BindingType]] = [
        key("b", "toggle_bookmark", "app.bookmark"),
        key("B", "edit_note", "app.note", show=False),
        key("m", "toggle_read", "app.read", show=False),
        key("e", "edit", "app.edit", show=False),
        key("M", "read_all", "app.read_all", show=False),
        key("u", "undo", "app.undo", show=False),
        key("r", "refresh", "app.refresh", show=False),
        key("a", "add_page", "app.add", show=False),
        key("w", "whole_page", "app.whole", show=False),
        key("f", "fetch_feeds", "app.fetch", show=False),
        key("q", "quit", "app.quit"),
        key(
            "ctrl+p", "command_palette", "app.palette", show=False, key_display="^p", priority=True
        ),
    ]
    """State keys live here, because the app is what writes state."""

    def __init__(self, settings: Settings, folders: Sequence[Path]) -> None:
        set_language(settings.language)  # before any widget words its bindings
        super().__init__()
        translate_bindings(self)
        self.settings = settings
        self.folders = tuple(folders)
        self.library = Library()
        if settings.keys:
            self.set_keymap(settings.keys)
        self.store = Store.open(settings.data_dir)
        self.store.on_replaced = lambda notice: self.post_message(StoreReplaced(notice))
        self.keeper = StateKeeper(
            self.store,
            on_error=lambda text: self.post_message(StoreFailed(text)),
            on_saved_again=lambda count: self.post_message(StoreSavedAgain(count)),
        )
        """Writes each change of reading state on the store's writer thread."""
        self.session = ReadingSession(self.keeper, on_change=self._states_changed)
        """Every article's reading state: the one truth the panes are drawn from."""
        self.catalogue: Catalogue | None = None
        """Parsed articles and the search index, cached; opened on mount."""
        self.main_screen = MainScreen(
            load_body=read_article_body,
            search=self._search,
            snippets=self._snippets,
            states=self.session.states,
            keymap=settings.keys,
        )
        """The three-pane screen, always at the bottom of the stack."""
        self.tracker = ReadingTracker(self, self.main_screen, self.session)
        """Turns keys and scrolling into reading state."""
        self.pages = PageAdder(self, settings.data_dir)
        self.feeds = FeedFetcher(self, settings.data_dir, settings.fetch_every)
        self.feed_editor = FeedEditor(self, settings.data_dir)
        """What the feeds pane asks for: feeds added, renamed, removed, reloaded."""
        self.lists = ListImporter(self, settings.data_dir)
        self.watcher = FolderWatcher(self)
        self.unsaved = 0
        """Changes that could not be saved, counted when the app closes."""
        self._restored = False
        self._frozen = False

    @property
    def read_after(self) -> float:
        """Seconds an article must stay open to count as read (0: at once)."""
        return self.tracker.read_after

    @read_after.setter
    def read_after(self, seconds: float) -> None:
        self.tracker.read_after = seconds

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles in list order (for the command palette)."""
        return self.library.articles

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    # -- the command palette, in the interface's language ----------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = t("palette.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def action_change_theme(self) -> None:
        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("palette.theme_placeholder"))
        )

    # -- start and stop ------------------------------------------------------

    def on_mount(self) -> None:
        for notice in self.store.notices:
            self.notify(
                notice, title=t("store.title"), severity="warning", timeout=20, markup=False
            )
        # The top of the list as last seen, from the catalogue: a few milliseconds,
        # so the first frame already lists articles. The worker loads the rest,
        # then checks it all against the disk.
        self.catalogue = Catalogue.open(self.settings.cache_dir)
        first_page = self.catalogue.cached_library(self.folders, limit=FIRST_PAGE)
        self.session.reload(self.store.states())
        self.main_screen.show_library(first_page, loading=True)
        config_title = t("app.config_title")
        for problem in self.settings.config_problems:
            text = str(problem)
            self.notify(text, title=config_title, severity="warning", timeout=15, markup=False)
        # The config file's theme wins at launch; else the one last chosen.
        theme = self.settings.theme or self.store.session(SESSION_THEME)
        if theme in self.available_themes:
            self.theme = theme
        elif self.settings.theme:
            text = t("app.unknown_theme", theme=self.settings.theme)
            self.notify(text, title=config_title, severity="warning", markup=False)

    @on(MainScreen.Ready)
    def _screen_ready(self) -> None:
        from reader.ui.keys import key_clashes
        from reader.ui.screens.help import key_places

        for text in key_clashes(key_places(self.main_screen), self.settings.keys):
            self.notify(text, title=t("app.config_title"), severity="warning", markup=False)
        names = ("reading_width", "list_width", "sources", "sources_width", "sort", "feeds")
        saved = {name: self.store.session(name) for name in names}
        self.main_screen.restore_layout(self.settings.reading_width, saved)
        # After the first frame: the update holds the interpreter for a second at
        # 100,000 articles, and would hold back the cached titles it follows.
        self.call_after_refresh(self.load_library)
        self.feeds.at_launch()

    def watch_theme(self, theme: str) -> None:
        """Remember the theme chosen (in the palette) for the next launch."""
        if self.store.session(SESSION_THEME) != theme:
            self.keeper.remember(SESSION_THEME, theme)

    @on(MainScreen.LayoutChanged)
    def _layout_changed(self, event: MainScreen.LayoutChanged) -> None:
        self.keeper.remember(event.name, event.value)  # reading_width, list_width, sources

    def on_unmount(self) -> None:
        self.lists.stop()  # an import under way keeps what is done; the next one goes on
        self.watcher.stop()
        self.unsaved = self.keeper.close()
        if self.catalogue is not None:
            self.catalogue.close()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        """Bring the library up to date with the disk, then index what changed.

        Runs off the UI thread; reports through messages.
        """
        if self.catalogue is not None:
            update_library(self, self.catalogue, self.folders, get_current_worker())

    def on_library_progress(self, message: LibraryProgress) -> None:
        if not self.main_screen.is_attached:
            return  # a worker reporting while the app shuts down
        self.main_screen.set_status(t("app.loading", done=message.done, total=message.total))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        if not self.main_screen.is_attached:
            return  # a worker reporting while the app shuts down
        before, self.library = self.library, message.library
        if message.final:
            self.main_screen.set_status("")
        self.main_screen.show_library(self.library, loading=not message.final)
        if message.final and self._restored and _names_changed(before, self.library):
            # A note arrived or left: the open article's links follow.
            self.main_screen.show_again()
        if message.final and not self._frozen:
            # What exists now (the library, the widgets) lives as long as the app:
            # keep the cycle collector from walking it again and again; once only,
            # so nothing that becomes garbage later is kept (docs/design.md).
            self._frozen = True
            gc.freeze()
            gc.enable()  # the command line turned it off for start-up
        if message.final:
            self.watcher.follow(self.folders)  # changes on disk show without `r`
        errors, warnings = count_by_severity(self.library.problems)
        if message.final and (errors or warnings):
            self.notify(
                t("app.problems", errors=errors, warnings=warnings),
                title=t("app.problems_title"),
                severity="warning" if errors else "information",
                timeout=8,
            )
        self._restore_session()

    # -- what the state store says (a failed write, a file started again...) -------

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Back from another window (perhaps another reader): show its changes.
        self.reload_states()

    def on_store_failed(self, message: StoreFailed) -> None:
        title = t("store.not_saved")
        self.notify(message.text, title=title, severity="error", timeout=10, markup=False)

    def on_store_replaced(self, message: StoreReplaced) -> None:
        self.session.replay()
        title = t("store.title")
        self.notify(message.notice, title=title, severity="warning", timeout=20, markup=False)

    def reload_states(self) -> None:
        """Show the states as stored (another window's changes), unless the file was
        just started again: then what this window shows is what is right."""
        self.keeper.sync()
        generation = self.store.generation
        states = self.store.states()
        if self.store.generation == generation:
            self.session.reload(states)

    def on_store_saved_again(self, message: StoreSavedAgain) -> None:
        self.notify(plural("store.saved_again", message.count), timeout=5, markup=False)

    # -- search ----------------------------------------------------------------

    def _search(self, query: Query) -> Results:
        """Run on a worker thread by the screen; empty until the catalogue has opened."""
        from reader.index.search import Results

        return self.catalogue.search(query) if self.catalogue is not None else Results()

    def _snippets(self, query: Query, article_ids: list[str]) -> dict[str, str]:
        return self.catalogue.snippets(query, article_ids) if self.catalogue is not None else {}

    def on_index_progress(self, message: IndexProgress) -> None:
        if not self.main_screen.is_attached:
            return  # a worker reporting while the app shuts down
        if message.done < message.total:
            percent = message.done * 100 // message.total
            self.main_screen.set_status(t("app.indexing", percent=percent))

    def on_index_ready(self, message: IndexReady) -> None:
        if not self.main_screen.is_attached:
            return  # a worker reporting while the app shuts down
        self.main_screen.set_status("")
        self.main_screen.search_again()

    def _restore_session(self) -> None:
        """Put the list and the reading pane back where the last session left them (once)."""
        if self._restored:
            return
        self._restored = True
        wanted = self.settings.open_path
        if wanted is not None and self.main_screen.open_file(wanted):
            return  # `reader FILE.md`: that file, not the last session's article
        selected = self.store.session(SESSION_SELECTED)
        if selected:
            self.main_screen.select(selected)
        opened = self.store.session(SESSION_OPEN)
        if opened:
            self.main_screen.open_by_id(opened)
        if not selected and not opened:  # a first launch
            self.main_screen.select_in_language(self.settings.language)

    # -- state changes (the tracker decides; the app routes) -----------------------

    def _states_changed(self, article_ids: frozenset[str] | None) -> None:
        """The session changed: the main screen redraws those articles' marks."""
        self.main_screen.post_message(StatesChanged(article_ids))

    @on(MainScreen.ArticleOpened)
    def _opened(self, event: MainScreen.ArticleOpened) -> None:
        self.tracker.opened(event.article)

    @on(ReadingPane.PositionChanged)
    def _position(self, event: ReadingPane.PositionChanged) -> None:
        at_end = event.progress >= 1.0 and event.pane.max_scroll_y > 0
        self.tracker.moved(event.article, event.anchor, event.progress, at_end)

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.tracker.selected(event.article)

    @on(MainScreen.FeedsWanted)
    def _feeds_wanted(self) -> None:
        self.feed_editor.load()

    @on(FeedsPane.Asked)
    def _feeds_pane_asked(self, event: FeedsPane.Asked) -> None:
        self.feed_editor.asked(event.what, event.row)

    @on(SearchBox.SaveRequested)
    def _save_search(self, event: SearchBox.SaveRequested) -> None:
        from reader.ui.screens.prompts import SaveSearchScreen

        answered = partial(self.feed_editor.save_search, event.query)
        self.push_screen(SaveSearchScreen(event.query), answered)

    def action_toggle_bookmark(self) -> None:
        self.tracker.toggle_bookmark(self.main_screen.target())

    def action_edit_note(self) -> None:
        """Write or edit the note of the target article's bookmark (bookmarking it if need be)."""
        self.tracker.edit_note(self.main_screen.target())

    def action_add_page(self) -> None:
        self.pages.ask()

    def action_whole_page(self) -> None:
        """`w`: a feed item's whole linked page, into the same article."""
        self.pages.whole(self.main_screen.target())

    def action_fetch_feeds(self) -> None:
        self.feeds.now()

    def action_read_all(self) -> None:
        count = self.tracker.mark_all_read(self.main_screen.listed())
        self.notify(t("app.read_all", count=number(count)), timeout=6, markup=False)

    def action_undo(self) -> None:
        count = self.session.undo()
        text = t("app.undone", count=number(count)) if count else t("app.nothing_to_undo")
        self.notify(text, timeout=3, markup=False)

    def action_edit(self) -> None:
        from reader.ui.note_editor import edit

        edit(self, self.main_screen.target())

    def action_toggle_read(self) -> None:
        self.tracker.toggle_read(self.main_screen.target())

    def action_refresh(self) -> None:
        """Re-read reading state (another window may have changed it) and the library."""
        self.reload_states()
        self.load_library()
        self.notify(t("app.refreshed"), timeout=1)

    def on_worker_failed(self, message: WorkerFailed) -> None:
        """The one place a failed background job is reported; what is shown stays as it was."""
        error = message.error
        text = t("app.job_failed", job=message.job, reason=f"{type(error).__name__}: {error}")
        self.notify(
            text, title=t("app.job_failed_title"), severity="error", timeout=15, markup=False
        )
        self.log.error(f"worker {message.job} failed", error)

    def on_open_article(self, message: OpenArticle) -> None:
        if not self.main_screen.open_by_id(message.article_id):
            text = t("app.no_article", id=message.article_id)
            self.notify(text, severity="error", markup=False)


def _names_changed(before: Library, after: Library) -> bool:
    """Whether articles came or went (what links resolve to). Ids only: a title asked of
    each of 100,000 articles read from the catalogue would unpack them all."""
    return len(before) != len(after) or any(
        before.get(article.id) is None for article in after.articles
    )


def make_app(settings: Settings) -> ReaderApp:
    """Build the app for a run (the CLI) or a test."""
    return ReaderApp(settings, library_folders(settings))
