"""The reading session: every change is kept, announced with its ids, and reaches the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.state.keeper import StateKeeper
from reader.state.model import ArticleState, Position
from reader.state.session import ReadingSession
from reader.state.store import Store

Announced = list[frozenset[str] | None]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[ReadingSession, Announced]]:
    store = Store.open(tmp_path)
    errors: list[str] = []
    keeper = StateKeeper(store, on_error=errors.append)
    announced: Announced = []
    yield ReadingSession(keeper, on_change=announced.append), announced
    keeper.close()
    assert errors == []


def stored(session: ReadingSession) -> dict[str, ArticleState]:
    session.keeper.sync()
    return session.keeper.store.states()


def test_a_bookmark_is_shown_announced_and_stored(
    session: tuple[ReadingSession, Announced],
) -> None:
    reading, announced = session
    assert reading.toggle_bookmark("a", "Title A") is True
    assert reading.state("a").bookmarked
    assert announced == [frozenset({"a"})]
    bookmark = stored(reading)["a"].bookmark
    assert bookmark is not None and bookmark.title == "Title A"
    assert reading.toggle_bookmark("a", "Title A") is False
    assert "a" not in stored(reading)


def test_a_note_bookmarks_and_keeps_the_place(session: tuple[ReadingSession, Announced]) -> None:
    reading, _ = session
    reading.move("a", Position(12, 0.5, 0.3))
    reading.set_note("a", "line one\nline two", "Title A")
    state = stored(reading)["a"]
    assert state.bookmark is not None and state.bookmark.note == "line one\nline two"
    assert state.position == Position(12, 0.5, 0.3)
    assert reading.state("a").position == Position(12, 0.5, 0.3)


def test_read_twice_is_one_change(session: tuple[ReadingSession, Announced]) -> None:
    reading, announced = session
    assert reading.set_read("a", True) is True
    assert reading.set_read("a", True) is False
    assert announced == [frozenset({"a"})]
    assert reading.toggle_read("a") is False
    assert not stored(reading)["a"].read


def test_mark_all_read_then_undo(session: tuple[ReadingSession, Announced]) -> None:
    reading, announced = session
    reading.set_read("b", True)
    announced.clear()
    assert reading.mark_all_read(["a", "b", "c", "a"]) == 2  # b already read; a once
    assert announced == [frozenset({"a", "c"})]  # one redraw, not one per article
    assert {key for key, state in stored(reading).items() if state.read} == {"a", "b", "c"}
    assert reading.undo() == 2
    assert {key for key, state in stored(reading).items() if state.read} == {"b"}
    assert reading.undo() == 0  # once


def test_carried_state_adds_never_takes_away(session: tuple[ReadingSession, Announced]) -> None:
    reading, announced = session
    reading.toggle_bookmark("a", "A")
    reading.set_read("a", True)
    announced.clear()
    reading.carry("a", "A", read=False, bookmark=False)
    assert announced == []  # nothing changed
    reading.carry("b", "B", read=True, bookmark=True)
    assert stored(reading)["a"].read and stored(reading)["a"].bookmarked
    assert stored(reading)["b"].read and stored(reading)["b"].bookmarked


def test_reload_replaces_everything_and_says_so(
    session: tuple[ReadingSession, Announced],
) -> None:
    reading, announced = session
    view = reading.states
    reading.set_read("a", True)
    reading.reload({"b": ArticleState(read=True)})
    assert announced[-1] is None
    assert dict(view) == {"b": ArticleState(read=True)}  # the view handed out is live
    with pytest.raises(TypeError):
        view["c"] = ArticleState()  # type: ignore[index]


def test_replay_writes_what_the_window_knows(session: tuple[ReadingSession, Announced]) -> None:
    reading, _ = session
    reading.toggle_bookmark("a", "A")
    reading.keeper.sync()
    reading.keeper.store.remove_bookmark("a")  # as if the file had been started again
    assert "a" not in reading.keeper.store.states()
    reading.replay()
    assert stored(reading)["a"].bookmarked
