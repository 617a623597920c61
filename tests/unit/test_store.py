"""The state store: persistence, crashes, two processes, bad files, export and import."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reader.state.model import Position, StoreError
from reader.state.schema import DB_NAME
from reader.state.store import Store
from reader.state.writer import BackgroundWriter

ROOT = Path(__file__).resolve().parents[2]


def test_state_survives_reopening(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.set_read("a", True)
    store.save_position("a", Position(12, 0.5, 0.3))
    store.add_bookmark("b", title="Bee", note="remember")
    store.set_session("last_article", "a")
    store.close()

    again = Store.open(tmp_path)
    assert again.notices == ()
    state = again.state("a")
    assert state.read and state.position == Position(12, 0.5, 0.3) and not state.bookmarked
    bookmark = again.state("b").bookmark
    assert bookmark is not None and (bookmark.note, bookmark.title) == ("remember", "Bee")
    assert again.session("last_article") == "a"
    assert set(again.states()) == {"a", "b"}


def test_bookmark_then_unbookmark_and_notes(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    added = store.add_bookmark("x", "X")
    assert added.title == "X" and Store.open(tmp_path).state("x").bookmarked
    assert store.remove_bookmark("x")
    assert not Store.open(tmp_path).state("x").bookmarked
    noted = store.set_note("x", "a note", "X")
    assert noted.note == "a note" and store.bookmark("x") == noted
    assert store.remove_bookmark("x") and not store.remove_bookmark("x")


def test_bookmarks_are_listed_newest_first(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    for name in ("first", "second", "third"):
        store.add_bookmark(name)
    assert [b.article_id for b in store.bookmarks()] == ["third", "second", "first"]


def test_state_of_a_vanished_article_is_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.add_bookmark("gone", title="Gone but kept")
    store.close()
    # Nothing in the store depends on the library: the bookmark stays readable.
    [bookmark] = Store.open(tmp_path).bookmarks()
    assert bookmark.title == "Gone but kept"


def test_schema_version_and_application_id_are_set(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    connection = sqlite3.connect(tmp_path / DB_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert connection.execute("PRAGMA application_id").fetchone()[0] != 0


def test_a_corrupt_file_is_moved_aside_and_a_fresh_store_made(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all" * 100)
    store = Store.open(tmp_path)
    assert store.persistent
    [notice] = store.notices
    moved = list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    assert len(moved) == 1 and str(moved[0]) in notice
    assert moved[0].read_bytes().startswith(b"this is not a database")
    store.add_bookmark("works")
    assert Store.open(tmp_path).bookmark("works") is not None


def test_a_foreign_database_is_moved_aside_not_overwritten(tmp_path: Path) -> None:
    foreign = sqlite3.connect(tmp_path / DB_NAME)
    foreign.execute("CREATE TABLE precious (x)")
    foreign.execute("INSERT INTO precious VALUES (42)")
    foreign.commit()
    foreign.close()
    store = Store.open(tmp_path)
    assert "did not make" in store.notices[0]
    [moved] = tmp_path.glob(f"{DB_NAME}.corrupt-*")
    assert sqlite3.connect(moved).execute("SELECT x FROM precious").fetchone() == (42,)


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder that exists and where no file can be created, even by root.

    As an ordinary user a folder without write permission; as root (CI runs so,
    and root ignores permissions) a folder of /proc, where no one can create files.
    """
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
        return locked
    return Path("/proc/self")


def test_an_unwritable_folder_still_gives_a_working_store(tmp_path: Path) -> None:
    locked = _unwritable_folder(tmp_path)
    assert locked.is_dir()
    try:
        store = Store.open(locked)
    finally:
        if locked.is_relative_to(tmp_path):
            locked.chmod(stat.S_IRWXU)
    assert not store.persistent
    assert "will not be saved" in store.notices[0]
    store.add_bookmark("still-works")
    assert store.bookmark("still-works") is not None


def test_a_data_dir_that_is_a_file_still_gives_a_working_store(tmp_path: Path) -> None:
    # Works even as root: a regular file cannot hold a database folder.
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    store = Store.open(blocker)
    assert not store.persistent
    assert "will not be saved" in store.notices[0] and str(blocker) in store.notices[0]
    store.set_read("a", True)
    assert store.state("a").read
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_database_from_a_newer_reader_is_left_alone(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    connection = sqlite3.connect(tmp_path / DB_NAME)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    store = Store.open(tmp_path)
    assert not store.persistent and "newer reader" in store.notices[0]
    check = sqlite3.connect(tmp_path / DB_NAME)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 99


def _worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.store_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_sigkill_mid_stream_loses_no_acknowledged_change(tmp_path: Path) -> None:
    process = _worker("stream", str(tmp_path))
    assert process.stdout is not None
    acknowledged = -1
    for line in process.stdout:
        acknowledged = int(line.split()[1])
        if acknowledged >= 150:
            break
    assert acknowledged >= 150, "the worker must have acknowledged writes before the kill"
    assert process.poll() is None, "the worker must still be writing when it is killed"
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL  # it died by the signal, mid-stream
    # Lines already written to the pipe before the kill are acknowledged too.
    for line in process.stdout:
        acknowledged = max(acknowledged, int(line.split()[1]))
    store = Store.open(tmp_path)
    assert store.notices == ()
    integrity = sqlite3.connect(tmp_path / DB_NAME).execute("PRAGMA integrity_check").fetchone()
    assert integrity == ("ok",)
    states = store.states()
    for number in range(acknowledged + 1):
        state = states[f"article-{number}"]
        assert state.bookmark is not None and state.bookmark.note == f"note {number}"
        assert state.position == Position(number, 0.5, 0.25)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    first, second = (
        _worker("bookmarks", str(tmp_path), "one", "150"),
        _worker("bookmarks", str(tmp_path), "two", "150"),
    )
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    store = Store.open(tmp_path)
    ids = {b.article_id for b in store.bookmarks()}
    assert len(ids) == 300
    assert all(state.read for state in store.states().values())


def test_a_read_then_write_transaction_waits_for_another_writer(tmp_path: Path) -> None:
    """Writes begin IMMEDIATE: a merge that reads first must not fail when another
    window commits between its read and its write (a deferred BEGIN gets
    SQLITE_BUSY_SNAPSHOT there, at once, and loses the import)."""
    import threading

    mine, theirs = Store.open(tmp_path), Store.open(tmp_path)
    started = threading.Event()
    other: list[BaseException] = []

    def other_window() -> None:
        try:
            theirs.add_bookmark("from-the-other-window")
        except BaseException as error:  # reported below
            other.append(error)

    seen_read = threading.Event()

    def after_first_statement(statement: str) -> None:
        # Called as each statement starts: at the first write, the read before it
        # has run, so a deferred transaction already holds its snapshot.
        if statement.startswith("SELECT"):
            seen_read.set()
        elif (
            statement.startswith(("INSERT", "UPDATE"))
            and seen_read.is_set()
            and not started.is_set()
        ):
            started.set()
            thread = threading.Thread(target=other_window)
            thread.start()
            thread.join(timeout=0.5)  # with IMMEDIATE it waits for us; else it commits now

    mine._db.set_trace_callback(after_first_statement)
    export = {"format": "reader-state", "articles": [{"id": "a", "read": True}]}
    mine.import_state(export)
    mine._db.set_trace_callback(None)
    assert started.is_set()
    for thread in threading.enumerate():
        if thread.name != "MainThread" and thread.is_alive():
            thread.join(timeout=10)
    assert other == []
    assert mine.state("a").read
    assert [b.article_id for b in mine.bookmarks()] == ["from-the-other-window"]


def test_an_instance_sees_the_others_changes_when_it_reads_again(tmp_path: Path) -> None:
    mine, theirs = Store.open(tmp_path), Store.open(tmp_path)
    assert mine.bookmarks() == []
    theirs.add_bookmark("from-the-other-window")
    assert [b.article_id for b in mine.bookmarks()] == ["from-the-other-window"]


def test_export_import_round_trip_is_idempotent(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "one")
    source.set_read("a", True)
    source.save_position("a", Position(4, 0.25, 0.5))
    source.add_bookmark("b", title="Bee", note="why")
    data = source.export()

    target = Store.open(tmp_path / "two")
    target.add_bookmark("c", title="Sea")
    first = target.import_state(data)
    assert first.changed > 0
    assert target.state("a").read and target.state("a").position == Position(4, 0.25, 0.5)
    assert target.bookmark("b") is not None and target.bookmark("b").note == "why"  # type: ignore[union-attr]
    assert target.bookmark("c") is not None
    before = target.export()
    second = target.import_state(data)
    assert second.changed == 0
    after = target.export()
    assert before["articles"] == after["articles"] and before["bookmarks"] == after["bookmarks"]


def test_import_never_overwrites_a_note(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.add_bookmark("b", note="mine")
    store.import_state(
        {"format": "reader-state", "bookmarks": [{"id": "b", "note": "theirs", "created": "x"}]}
    )
    assert store.bookmark("b").note == "mine"  # type: ignore[union-attr]


def test_import_rejects_what_is_not_an_export(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with pytest.raises(StoreError, match="not a reader export"):
        store.import_state({"something": "else"})
    with pytest.raises(StoreError, match=r"bookmarks\[1\]\.id must be a text"):
        store.import_state({"format": "reader-state", "bookmarks": [{"no-id": 1}]})
    assert store.bookmarks() == []


BAD_ENTRIES = {
    "position is a list": (
        {"id": "a", "position": [1, 2]},
        "articles[1].position must be an object",
    ),
    "position is text": ({"id": "a", "position": "x"}, "articles[1].position must be an object"),
    "line overflows": ({"id": "a", "position": {"line": 1e30}}, "position.line must be a whole"),
    "line is negative": ({"id": "a", "position": {"line": -50}}, "position.line must be a whole"),
    "progress is 99": (
        {"id": "a", "position": {"line": 1, "progress": 99}},
        "position.progress must be a number from 0 to 1",
    ),
    "fraction is infinite": (
        {"id": "a", "position": {"line": 1, "fraction": float("inf")}},
        "position.fraction must be a number from 0 to 1",
    ),
    "read is text": ({"id": "a", "read": "yes"}, "articles[1].read must be true or false"),
    "id is a number": ({"id": 7}, "articles[1].id must be a text"),
}


@pytest.mark.parametrize("case", sorted(BAD_ENTRIES))
def test_a_malformed_entry_imports_nothing_and_says_which(tmp_path: Path, case: str) -> None:
    entry, words = BAD_ENTRIES[case]
    store = Store.open(tmp_path)
    data = {
        "format": "reader-state",
        "articles": [entry],
        "bookmarks": [{"id": "good", "title": "Good"}],
    }
    with pytest.raises(StoreError, match=re.escape(words)):
        store.import_state(data)
    assert store.bookmarks() == [] and store.states() == {}


def test_an_import_is_all_or_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    data = {"format": "reader-state", "bookmarks": [{"id": "a"}, {"no-id": 1}]}
    with pytest.raises(StoreError):
        store.import_state(data)
    assert store.bookmarks() == []


def test_a_failure_while_merging_rolls_everything_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the checks, a failure in the middle of the merge still leaves nothing behind."""
    from reader.state import store as store_module

    calls = []

    def failing(db: object, entry: object, result: object) -> object:
        calls.append(entry)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return original(db, entry, result)

    original = store_module.merge_bookmark
    monkeypatch.setattr(store_module, "merge_bookmark", failing)
    store = Store.open(tmp_path)
    data = {"format": "reader-state", "bookmarks": [{"id": "a"}, {"id": "b"}]}
    with pytest.raises(StoreError, match="disk I/O error"):
        store.import_state(data)
    assert store.bookmarks() == []


def test_bookmarks_made_in_one_second_keep_their_order_through_export_and_import(
    tmp_path: Path,
) -> None:
    first = Store.open(tmp_path / "one")
    for article_id in ("a", "b", "c"):
        first.add_bookmark(article_id, title=article_id)  # all within the same second
    order = [b.article_id for b in first.bookmarks()]
    second = Store.open(tmp_path / "two")
    second.import_state(first.export())
    assert [b.article_id for b in second.bookmarks()] == order == ["c", "b", "a"]


def test_imported_text_cannot_reach_a_terminal(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    hostile = "\x1b]52;c;aGk=\x07\x1b[2J"
    store.import_state(
        {
            "format": "reader-state",
            "articles": [{"id": f"a{hostile}", "read": True}],
            "bookmarks": [{"id": f"b{hostile}", "title": hostile, "note": hostile}],
        }
    )
    [bookmark] = store.bookmarks()
    for text in (bookmark.article_id, bookmark.title, bookmark.note, *store.states()):
        assert "\x1b" not in text and "\x07" not in text and "␛" in text


def test_readding_a_bookmark_updates_its_title_but_keeps_its_time_and_note(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    first = store.add_bookmark("a", title="Old title", note="mine")
    again = store.add_bookmark("a", title="New title")
    assert again.title == "New title"
    assert again.created == first.created and again.note == "mine"


def test_background_writer_keeps_order_and_drains_on_close(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    errors: list[str] = []
    writer = BackgroundWriter(errors.append)
    for turn in range(5):
        change = store.add_bookmark if turn % 2 == 0 else store.remove_bookmark
        writer.submit(lambda change=change: change("flip"))
    writer.close()
    assert store.state("flip").bookmarked  # added last: the writes kept their order
    assert errors == []


def test_a_failed_write_is_reported_kept_and_saved_once_the_disk_has_room(
    tmp_path: Path, full_disk: dict[str, bool]
) -> None:
    store = Store.open(tmp_path)
    errors: list[str] = []
    saved_again: list[int] = []
    writer = BackgroundWriter(errors.append, saved_again.append)
    writer.submit(lambda: store.add_bookmark("a", title="A"))
    writer.submit(lambda: store.set_read("a", True))
    writer.flush()
    assert errors == ["changes could not be saved (database or disk is full)"] * 2
    assert writer.unsaved == 2 and store.bookmarks() == []
    full_disk["on"] = False
    writer.submit(lambda: store.add_bookmark("b", title="B"))
    writer.flush()
    assert saved_again == [2]
    assert {b.article_id for b in store.bookmarks()} == {"a", "b"} and store.state("a").read
    assert writer.close() == 0


def test_a_bug_in_a_write_is_reported_and_never_hangs_flush_or_close(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    errors: list[str] = []
    writer = BackgroundWriter(errors.append)

    def broken() -> None:
        raise KeyError("oops")

    writer.submit(broken)
    writer.submit(lambda: store.add_bookmark("after", title="After"))
    writer.flush()  # would wait forever if the thread had died
    assert len(errors) == 1 and "KeyError" in errors[0]
    assert store.bookmark("after") is not None
    assert writer.unsaved == 1  # the broken change is lost, and counted so at exit
    assert writer.close() == 1


def test_changes_still_unsaved_at_close_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path)

    def full(self: Store) -> object:
        raise StoreError("disk full")

    monkeypatch.setattr(Store, "_write", full)
    writer = BackgroundWriter(lambda text: None)
    writer.submit(lambda: store.add_bookmark("a"))
    assert writer.close() == 1


def test_a_state_file_emptied_under_a_running_store_is_started_again(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    replaced: list[str] = []
    store.on_replaced = replaced.append
    store.add_bookmark("before", title="Before")
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.truncate(tmp_path / DB_NAME, 0)
    store.add_bookmark("after", title="After")  # noticed here, before SQLite writes blindly
    assert len(replaced) == 1 and "emptied or deleted" in replaced[0]
    assert store.generation == 1
    reopened = Store.open(tmp_path)  # the file is a sound database again
    assert reopened.notices == ()
    assert [b.article_id for b in reopened.bookmarks()] == ["after"]
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))  # what was left is kept aside


def test_restore_writes_back_what_a_window_knows(tmp_path: Path) -> None:
    from reader.state.model import ArticleState, Bookmark

    store = Store.open(tmp_path)
    known = {
        "a": ArticleState(read=True, position=Position(7, 0.5, 0.25)),
        "b": ArticleState(bookmark=Bookmark("b", "2026-01-01T00:00:00Z", "why", "Bee")),
    }
    store.restore(known)
    assert store.states() == known


def test_a_file_replaced_by_another_reader_is_simply_reopened(tmp_path: Path) -> None:
    mine = Store.open(tmp_path)
    replaced: list[str] = []
    mine.on_replaced = replaced.append
    (tmp_path / DB_NAME).rename(tmp_path / "elsewhere.sqlite3")
    theirs = Store.open(tmp_path)  # a new, sound file at the same place
    theirs.add_bookmark("theirs")
    assert [b.article_id for b in mine.bookmarks()] == ["theirs"]
    assert replaced == [] and mine.generation == 0


def test_renamed_articles_keep_their_state_and_merge_with_the_new_id_s(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.set_read("old/a", True)
    store.save_position("old/a", Position(line=40, fraction=0.5, progress=0.5))
    store.add_bookmark("old/a", note="from the old place")
    store.save_position("new/b", Position(line=3, fraction=0.1, progress=0.1))
    store.add_bookmark("new/b", note="kept")
    store.set_read("old/b", True)
    store.add_bookmark("old/b", note="dropped: the new id has its own")
    store.set_session("open_article", "old/b")
    store.rename_articles({"old/a": "new/a", "old/b": "new/b"})
    store.close()
    store = Store.open(tmp_path)
    states = store.states()
    assert set(states) == {"new/a", "new/b"}
    moved, merged = states["new/a"], states["new/b"]
    assert moved.read and moved.position is not None and moved.position.line == 40
    assert moved.bookmark is not None and moved.bookmark.note == "from the old place"
    assert merged.read and merged.position is not None and merged.position.line == 3
    assert merged.bookmark is not None and merged.bookmark.note == "kept"
    assert store.session("open_article") == "new/b"
