"""How reading changes state: what counts as read, where reading stopped, bookmarks, notes.

The app routes the messages and keys here; the tracker decides what they mean
(an article open long enough is read) and makes the change in the
`ReadingSession`, which tells the app what to redraw and hands the change to
the keeper. Positions and the open article are saved once scrolling pauses
(`SAVE_DELAY_SECONDS`), everything else at once. The timers are why this is
not in the session: they are Textual's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.library import Article
from reader.markdown.layout import Anchor
from reader.settings.i18n import t
from reader.state.model import Position
from reader.state.session import ReadingSession

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
    """Turns what the user does into changes of the reading session, at the right time."""

    def __init__(self, app: App[None], screen: MainScreen, session: ReadingSession) -> None:
        self._app = app
        self._screen = screen
        self._session = session
        self.read_after = READ_AFTER_SECONDS
        """Seconds an article must stay open to count as read (0: at once)."""
        self._read_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._kept_unread: str | None = None
        """The open article the user marked unread: it stays so while it stays open
        (neither the timer nor reaching its end reads it again)."""

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self._app.set_timer(SAVE_DELAY_SECONDS, self._session.keeper.flush)

    # -- what the user did -----------------------------------------------------

    def opened(self, article: Article) -> None:
        """An article is on display: remember it, and count it read after a while."""
        self._session.keeper.save_session(SESSION_OPEN, article.id)
        self._schedule_save()
        if article.id != self._kept_unread:
            self._kept_unread = None
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
        if self._screen.current == article and article.id != self._kept_unread:
            self._session.set_read(article.id, True)

    def moved(self, article: Article, anchor: Anchor, progress: float, at_end: bool) -> None:
        """The reading pane scrolled: keep the place; reaching the end counts as read."""
        self._session.move(article.id, Position(anchor.line, anchor.fraction, round(progress, 4)))
        self._schedule_save()
        if at_end and article.id != self._kept_unread:
            self._session.set_read(article.id, True)

    def selected(self, article: Article) -> None:
        """The list's cursor moved: restored at the next launch."""
        self._session.keeper.save_session(SESSION_SELECTED, article.id)
        self._schedule_save()

    def toggle_bookmark(self, article: Article | None) -> None:
        if article is None:
            return
        bookmarked = self._session.toggle_bookmark(article.id, article.title)
        text = t("app.bookmarked" if bookmarked else "app.unbookmarked", title=article.title)
        self._app.notify(text, timeout=2, markup=False)

    def edit_note(self, article: Article | None) -> None:
        """Write or edit the note of an article's bookmark (bookmarking it if need be)."""
        if article is None:
            return
        existing = self._session.state(article.id).bookmark

        def save(note: str | None) -> None:
            if note is not None:
                self._session.set_note(article.id, note, article.title)

        from reader.ui.screens.prompts import NoteScreen

        note = existing.note if existing else ""
        self._app.push_screen(NoteScreen(article.title, note), save)

    def toggle_read(self, article: Article | None) -> None:
        if article is None:
            return
        is_open = article == self._screen.current
        if is_open and self._read_timer is not None:
            self._read_timer.stop()  # the user decides now, not the timer
        read = self._session.toggle_read(article.id)
        if is_open:
            self._kept_unread = None if read else article.id

    def mark_all_read(self, articles: Sequence[Article]) -> int:
        """`M`: every article listed (the view, filter or search) read; `u` puts them back."""
        return self._session.mark_all_read([article.id for article in articles])
