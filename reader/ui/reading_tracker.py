"""How reading changes state: what counts as read, where reading stopped, bookmarks, notes.

The app routes the messages and keys here; the tracker shows each change at
once on the main screen and hands it to the `StateKeeper`, which writes it off
the UI thread. Positions and the open article are saved once scrolling pauses
(`SAVE_DELAY_SECONDS`), everything else at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.library import Article
from reader.markdown.layout import Anchor
from reader.settings.i18n import t
from reader.state.keeper import StateKeeper
from reader.state.model import Bookmark, Position, now

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from reader.ui.screens.main import MainScreen

SESSION_OPEN = "open_article"
SESSION_SELECTED = "selected_article"
READ_AFTER_SECONDS = 3.0
"""An article open this long counts as read."""
SAVE_DELAY_SECONDS = 0.4
"""Positions are saved once scrolling pauses this long (and always on exit)."""


class ReadingTracker:
    """Turns what the user does into reading state, shown at once and saved in order."""

    def __init__(self, app: App[None], screen: MainScreen, keeper: StateKeeper) -> None:
        self._app = app
        self._screen = screen
        self._keeper = keeper
        self.read_after = READ_AFTER_SECONDS
        """Seconds an article must stay open to count as read (0: at once)."""
        self._read_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._undo: list[Article] = []
        """The articles the last "mark all read" changed, for `u`."""

    def _mark_read(self, article: Article, read: bool) -> None:
        state = self._screen.state(article.id)
        if state.read == read:
            return
        self._screen.set_state(article.id, replace(state, read=read))
        self._keeper.set_read(article.id, read)

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self._app.set_timer(SAVE_DELAY_SECONDS, self._keeper.flush)

    # -- what the user did -----------------------------------------------------

    def opened(self, article: Article) -> None:
        """An article is on display: remember it, and count it read after a while."""
        self._keeper.save_session(SESSION_OPEN, article.id)
        self._schedule_save()
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if self.read_after <= 0:
            self._app.call_later(self._read_long_enough, article)
        else:
            self._read_timer = self._app.set_timer(
                self.read_after, lambda: self._read_long_enough(article)
            )

    def _read_long_enough(self, article: Article) -> None:
        if self._screen.current == article:
            self._mark_read(article, True)

    def moved(self, article: Article, anchor: Anchor, progress: float, at_end: bool) -> None:
        """The reading pane scrolled: keep the place; reaching the end counts as read."""
        position = Position(anchor.line, anchor.fraction, round(progress, 4))
        state = self._screen.state(article.id)
        self._screen.set_state(article.id, replace(state, position=position))
        self._keeper.save_position(article.id, position)
        self._schedule_save()
        if at_end:
            self._mark_read(article, True)

    def selected(self, article: Article) -> None:
        """The list's cursor moved: restored at the next launch."""
        self._keeper.save_session(SESSION_SELECTED, article.id)
        self._schedule_save()

    def toggle_bookmark(self, article: Article | None) -> None:
        if article is None:
            return
        state = self._screen.state(article.id)
        if state.bookmarked:
            self._screen.set_state(article.id, replace(state, bookmark=None))
            self._keeper.remove_bookmark(article.id)
            text = t("app.unbookmarked", title=article.title)
        else:
            bookmark = Bookmark(article.id, now(), "", article.title)
            self._screen.set_state(article.id, replace(state, bookmark=bookmark))
            self._keeper.add_bookmark(article.id, article.title)
            text = t("app.bookmarked", title=article.title)
        self._app.notify(text, timeout=2, markup=False)

    def edit_note(self, article: Article | None) -> None:
        """Write or edit the note of an article's bookmark (bookmarking it if need be)."""
        if article is None:
            return
        existing = self._screen.state(article.id).bookmark

        def save(note: str | None) -> None:
            if note is None:
                return
            state = self._screen.state(article.id)
            bookmark = state.bookmark or Bookmark(article.id, now(), "", article.title)
            bookmark = replace(bookmark, note=note)
            self._screen.set_state(article.id, replace(state, bookmark=bookmark))
            self._keeper.set_note(article.id, note, article.title)

        from reader.ui.screens.bookmark_note import NoteScreen

        note = existing.note if existing else ""
        self._app.push_screen(NoteScreen(article.title, note), save)

    def toggle_read(self, article: Article | None) -> None:
        if article is None:
            return
        if article == self._screen.current and self._read_timer is not None:
            self._read_timer.stop()  # the user decides now, not the timer
        self._mark_read(article, not self._screen.state(article.id).read)

    def carried(self, article_id: str, title: str, read: bool, bookmark: bool) -> None:
        """State an imported reading list brought (archived, starred): shown and saved."""
        state = self._screen.state(article_id)
        if read and not state.read:
            state = replace(state, read=True)
            self._keeper.set_read(article_id, True)
        if bookmark and not state.bookmarked:
            state = replace(state, bookmark=Bookmark(article_id, now(), "", title))
            self._keeper.add_bookmark(article_id, title)
        self._screen.set_state(article_id, state)

    def mark_all_read(self, articles: Sequence[Article]) -> int:
        """`M`: every article listed (the view, filter or search) read; `undo` puts them back."""
        changed = [article for article in articles if not self._screen.state(article.id).read]
        for article in changed:
            self._mark_read(article, True)
        self._undo = changed
        return len(changed)

    def undo(self) -> int:
        """`u`: the articles the last "mark all read" changed are unread again (once)."""
        changed, self._undo = self._undo, []
        for article in changed:
            self._mark_read(article, False)
        return len(changed)
