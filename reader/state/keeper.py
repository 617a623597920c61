"""What the interface changes, written to the store in order, off the UI thread.

The interface shows a change at once and hands it here. Read marks, bookmarks
and notes are queued for the writer thread straight away; positions and session
values change with every scroll, so the latest of each is kept until `flush`
(the app flushes once scrolling pauses, and always on exit). No Textual: the
app owns the timer that decides when to flush.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.state.model import ArticleState, Position
from reader.state.store import Store
from reader.state.writer import BackgroundWriter


class StateKeeper:
    """The store, its writer thread, and the writes still waiting to be coalesced."""

    def __init__(
        self,
        store: Store,
        on_error: Callable[[str], object],
        on_saved_again: Callable[[int], object] = lambda count: None,
    ) -> None:
        self.store = store
        self.writer = BackgroundWriter(on_error=on_error, on_saved_again=on_saved_again)
        self._positions: dict[str, Position] = {}
        self._session: dict[str, str] = {}

    # -- at once ---------------------------------------------------------------

    def set_read(self, article_id: str, read: bool) -> None:
        self.writer.submit(lambda: self.store.set_read(article_id, read))

    def add_bookmark(self, article_id: str, title: str) -> None:
        self.writer.submit(lambda: self.store.add_bookmark(article_id, title))

    def remove_bookmark(self, article_id: str) -> None:
        self.writer.submit(lambda: self.store.remove_bookmark(article_id))

    def set_note(self, article_id: str, note: str, title: str) -> None:
        self.writer.submit(lambda: self.store.set_note(article_id, note, title))

    def replay(self, states: Mapping[str, ArticleState]) -> None:
        """Write everything this run knows again (the state file was started anew)."""
        known = dict(states)
        self.writer.submit(lambda: self.store.restore(known))

    def remember(self, name: str, value: str) -> None:
        """A session value that changes rarely (theme, width): written at once."""
        self.writer.submit(lambda: self.store.set_session(name, value))

    # -- coalesced -------------------------------------------------------------

    def save_position(self, article_id: str, position: Position) -> None:
        """Keep the latest position of an article until the next flush."""
        self._positions[article_id] = position

    def save_session(self, name: str, value: str) -> None:
        """Keep the latest value of a session key (open article, selection) until the flush."""
        self._session[name] = value

    def flush(self) -> None:
        """Queue the coalesced position and session writes."""
        positions, self._positions = self._positions, {}
        session, self._session = self._session, {}
        if not (positions or session):
            return
        store = self.store

        def write() -> None:
            for article_id, position in positions.items():
                store.save_position(article_id, position)
            for name, value in session.items():
                store.set_session(name, value)

        self.writer.submit(write)

    def sync(self) -> None:
        """Flush, and wait until every queued write is on disk (before reading state back)."""
        self.flush()
        self.writer.flush()

    def close(self) -> int:
        """Write everything still queued, then close the store; how many changes are unsaved."""
        self.flush()
        unsaved = self.writer.close()
        self.store.close()
        return unsaved
