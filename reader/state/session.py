"""Every article's reading state as this window knows it, and every change made to it.

The interface owns one session. A change (read, bookmark, note, place) is made
here, handed to the `StateKeeper` (which writes it off the UI thread) and
announced to `on_change` with the ids it touched, so the interface redraws
those rows. Widgets read the states through the read-only `states` mapping;
none of them holds or changes the truth. No Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from types import MappingProxyType

from reader.state.keeper import StateKeeper
from reader.state.model import ArticleState, Bookmark, Position, now

ChangeListener = Callable[[frozenset[str] | None], None]
"""Told which articles' states changed (None: all of them may have)."""
NO_STATE = ArticleState()


class ReadingSession:
    """The reading state of every article, the last "mark all read" (for undo) and the keeper."""

    def __init__(self, keeper: StateKeeper, on_change: ChangeListener | None = None) -> None:
        self.keeper = keeper
        self.on_change: ChangeListener = on_change or (lambda ids: None)
        self._states: dict[str, ArticleState] = {}
        self.states: Mapping[str, ArticleState] = MappingProxyType(self._states)
        """Read-only and live: what the list filters and marks with."""
        self._undo: list[str] = []
        """The articles the last "mark all read" changed."""

    def state(self, article_id: str) -> ArticleState:
        return self._states.get(article_id, NO_STATE)

    def reload(self, states: Mapping[str, ArticleState]) -> None:
        """The states as stored (at launch, or another window's changes): all replaced."""
        self._states.clear()
        self._states.update(states)
        self.on_change(None)

    def replay(self) -> None:
        """Write everything this window knows again (the state file was started anew)."""
        self.keeper.replay(self._states)

    def _put(self, changed: dict[str, ArticleState]) -> None:
        self._states.update(changed)
        if changed:
            self.on_change(frozenset(changed))

    # -- changes ---------------------------------------------------------------

    def set_read(self, article_id: str, read: bool) -> bool:
        """Mark one article read or unread; False if it already was."""
        state = self.state(article_id)
        if state.read == read:
            return False
        self._put({article_id: replace(state, read=read)})
        self.keeper.set_read(article_id, read)
        return True

    def toggle_read(self, article_id: str) -> bool:
        """Read becomes unread and unread read; the new value."""
        read = not self.state(article_id).read
        self.set_read(article_id, read)
        return read

    def move(self, article_id: str, position: Position) -> None:
        """Where reading stopped (saved at the next flush; the list shows no place)."""
        self._states[article_id] = replace(self.state(article_id), position=position)
        self.keeper.save_position(article_id, position)

    def toggle_bookmark(self, article_id: str, title: str) -> bool:
        """Bookmark an article, or remove its bookmark; whether it is bookmarked now."""
        state = self.state(article_id)
        if state.bookmarked:
            self._put({article_id: replace(state, bookmark=None)})
            self.keeper.remove_bookmark(article_id)
            return False
        bookmark = Bookmark(article_id, now(), "", title)
        self._put({article_id: replace(state, bookmark=bookmark)})
        self.keeper.add_bookmark(article_id, title)
        return True

    def set_note(self, article_id: str, note: str, title: str) -> None:
        """The note of an article's bookmark (bookmarked now if it was not)."""
        state = self.state(article_id)
        bookmark = state.bookmark or Bookmark(article_id, now(), "", title)
        self._put({article_id: replace(state, bookmark=replace(bookmark, note=note))})
        self.keeper.set_note(article_id, note, title)

    def carry(self, article_id: str, title: str, *, read: bool, bookmark: bool) -> None:
        """State an imported reading list brought (archived, starred); nothing is taken away."""
        state = self.state(article_id)
        if read and not state.read:
            state = replace(state, read=True)
            self.keeper.set_read(article_id, True)
        if bookmark and not state.bookmarked:
            state = replace(state, bookmark=Bookmark(article_id, now(), "", title))
            self.keeper.add_bookmark(article_id, title)
        if state != self.state(article_id):
            self._put({article_id: state})

    def mark_all_read(self, article_ids: Collection[str]) -> int:
        """`M`: every article given read, in one change; `undo` puts them back."""
        changed = [key for key in dict.fromkeys(article_ids) if not self.state(key).read]
        self._put({key: replace(self.state(key), read=True) for key in changed})
        for key in changed:
            self.keeper.set_read(key, True)
        self._undo = changed
        return len(changed)

    def undo(self) -> int:
        """`u`: the articles the last "mark all read" changed are unread again (once)."""
        changed, self._undo = self._undo, []
        self._put({key: replace(self.state(key), read=False) for key in changed})
        for key in changed:
            self.keeper.set_read(key, False)
        return len(changed)
