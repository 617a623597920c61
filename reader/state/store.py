"""Reading state that must never be lost: read marks, positions, bookmarks, session.

One SQLite database in the user's data folder. Every change is its own
transaction, so killing the process loses at most the change in flight. WAL
mode lets two running readers share the file: each write touches only its
own rows (no whole-file rewrite), so neither instance erases the other's
changes. A file that is not a reader database is moved aside, never
overwritten; a folder that cannot be written still gives a working (in-memory)
store, with a notice saying that nothing will be saved.

No Textual here: the CLI and the tests use this module directly, and the app
runs its writes on a background thread (`BackgroundWriter`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.settings.i18n import t
from reader.state.import_file import ExportError, read_export
from reader.state.merge import merge_article, merge_bookmark
from reader.state.model import ArticleState, Bookmark, ImportResult, Position, StoreError, now
from reader.state.schema import DB_NAME, Foreign, connect, error_reason, move_aside, prepare


class Store:
    """The state database. Thread-safe: one connection, one lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, notices: list[str]):
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        """The database file, or None when nothing is being saved."""
        self.notices: tuple[str, ...] = tuple(notices)
        """Things the user should be told about opening the store (moved files, no saving)."""
        self._identity = _identity(path)
        self.generation = 0
        """Bumped each time the file had to be started again (see `_check_file`)."""
        self.on_replaced: Callable[[str], object] = lambda notice: None
        """Told, with a notice for the user, when a damaged file was started again."""

    @property
    def persistent(self) -> bool:
        return self.path is not None

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (or create) the store in `data_dir`. Never raises for a bad file or folder."""
        notices: list[str] = []
        path = data_dir / DB_NAME
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            connection = connect(path)
            try:
                prepare(connection)
            except Foreign as foreign:
                connection.close()
                moved = move_aside(path)
                notices.append(t("store.moved", path=path, reason=foreign.reason, moved=moved))
                connection = connect(path)
                prepare(connection)
        except (OSError, sqlite3.Error) as error:
            notices.append(t("store.unwritable", path=path, reason=error_reason(error)))
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            prepare(connection)
            return cls(connection, None, notices)
        return cls(connection, path, notices)

    @classmethod
    def in_memory(cls) -> Store:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        prepare(connection)
        return cls(connection, None, [])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _check_file(self) -> None:
        """Notice a state file emptied or deleted under a running reader, and start again.

        SQLite would go on from its cache and write into a file that no longer
        holds a database (a fresh open then fails): every change after that was
        lost without a word. Costs one stat per read or write. A file replaced by
        another reader (which moved a damaged one aside) is simply reopened.
        """
        path = self.path
        if path is None:
            return
        try:
            info = os.stat(path)
        except OSError:
            info = None
        if info is not None and info.st_size > 0 and (info.st_dev, info.st_ino) == self._identity:
            return
        self._db.close()
        fresh = info is None or info.st_size == 0
        if not fresh:
            try:
                self._db = connect(path)
                prepare(self._db)
                self._identity = _identity(path)
                return
            except (Foreign, sqlite3.Error):
                self._db.close()
        moved = move_aside(path) if path.exists() else None
        self._db = connect(path)
        prepare(self._db)
        self._identity = _identity(path)
        self.generation += 1
        self.on_replaced(t("store.replaced", path=path, moved=moved or "-"))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: committed on success, rolled back on error."""
        with self._lock:
            self._check_file()
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                raise StoreError(t("store.save_failed", reason=error_reason(error))) from None

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            self._check_file()
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise StoreError(t("store.read_failed", reason=error_reason(error))) from None

    # -- reading -------------------------------------------------------------

    _STATE_COLUMNS = "article_id, read, position_line, position_fraction, progress"

    def states(self) -> dict[str, ArticleState]:
        """Every article's state, by id (articles with no state are absent)."""
        rows = self._query(f"SELECT {self._STATE_COLUMNS} FROM article_state")
        bookmarks = {bookmark.article_id: bookmark for bookmark in self.bookmarks()}
        states = {row[0]: _state(row, bookmarks.get(row[0])) for row in rows}
        for article_id, bookmark in bookmarks.items():
            states.setdefault(article_id, ArticleState(bookmark=bookmark))
        return states

    def state(self, article_id: str) -> ArticleState:
        """One article's state (the default state if nothing was ever recorded)."""
        rows = self._query(
            f"SELECT {self._STATE_COLUMNS} FROM article_state WHERE article_id = ?", (article_id,)
        )
        bookmark = self.bookmark(article_id)
        return _state(rows[0], bookmark) if rows else ArticleState(bookmark=bookmark)

    def bookmarks(self) -> list[Bookmark]:
        """All bookmarks, newest first."""
        rows = self._query(
            "SELECT article_id, created, note, title FROM bookmark "
            "ORDER BY created DESC, rowid DESC"
        )
        return [Bookmark(*row) for row in rows]

    def bookmark(self, article_id: str) -> Bookmark | None:
        rows = self._query(
            "SELECT article_id, created, note, title FROM bookmark WHERE article_id = ?",
            (article_id,),
        )
        return Bookmark(*rows[0]) if rows else None

    def session(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM session WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    # -- writing -------------------------------------------------------------

    def set_read(self, article_id: str, read: bool) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO article_state (article_id, read, read_changed) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET read = excluded.read, "
                "read_changed = excluded.read_changed",
                (article_id, int(read), now()),
            )

    def save_position(self, article_id: str, position: Position) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO article_state (article_id, position_line, position_fraction, progress,"
                " position_changed) VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                "position_line = excluded.position_line, "
                "position_fraction = excluded.position_fraction, "
                "progress = excluded.progress, position_changed = excluded.position_changed",
                (article_id, position.line, position.fraction, position.progress, now()),
            )

    def add_bookmark(self, article_id: str, title: str = "", note: str | None = None) -> Bookmark:
        """Bookmark an article (keeping the existing bookmark's time, if any)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO bookmark (article_id, created, note, title) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title",
                (article_id, now(), note or "", title),
            )
            if note is not None:
                db.execute("UPDATE bookmark SET note = ? WHERE article_id = ?", (note, article_id))
            row = db.execute(
                "SELECT article_id, created, note, title FROM bookmark WHERE article_id = ?",
                (article_id,),
            ).fetchone()
        return Bookmark(*row)

    def remove_bookmark(self, article_id: str) -> bool:
        """Remove a bookmark; False if there was none."""
        with self._write() as db:
            cursor = db.execute("DELETE FROM bookmark WHERE article_id = ?", (article_id,))
        return cursor.rowcount > 0

    def set_note(self, article_id: str, note: str, title: str = "") -> Bookmark:
        """Write a bookmark's note (bookmarking the article if it was not)."""
        return self.add_bookmark(article_id, title, note)

    def set_session(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM session WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO session (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def rename_articles(self, renamed: Mapping[str, str]) -> None:
        """Carry each old id's state over to its new id, in one transaction (articles
        whose files moved). Where the new id has a state already, the two are merged:
        read if either was, the new id's place and bookmark kept, else the old's."""
        with self._write() as db:
            for old, new in renamed.items():
                if old == new:
                    continue
                db.execute(
                    "INSERT OR IGNORE INTO article_state (article_id, read, read_changed, "
                    "position_line, position_fraction, progress, position_changed) "
                    "SELECT ?, read, read_changed, position_line, position_fraction, progress, "
                    "position_changed FROM article_state WHERE article_id = ?",
                    (new, old),
                )
                db.execute(
                    "UPDATE article_state SET read = 1 WHERE article_id = ? AND EXISTS "
                    "(SELECT 1 FROM article_state WHERE article_id = ? AND read = 1)",
                    (new, old),
                )
                db.execute(
                    "INSERT OR IGNORE INTO bookmark (article_id, created, note, title) "
                    "SELECT ?, created, note, title FROM bookmark WHERE article_id = ?",
                    (new, old),
                )
                db.execute("DELETE FROM article_state WHERE article_id = ?", (old,))
                db.execute("DELETE FROM bookmark WHERE article_id = ?", (old,))
                db.execute("UPDATE session SET value = ? WHERE value = ?", (new, old))

    def restore(self, states: Mapping[str, ArticleState]) -> None:
        """Write back everything a running reader knows (into a file started again)."""
        with self._write() as db:
            for article_id, state in states.items():
                position = state.position
                db.execute(
                    "INSERT OR REPLACE INTO article_state (article_id, read, read_changed, "
                    "position_line, position_fraction, progress, position_changed) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        article_id,
                        int(state.read),
                        now(),
                        position.line if position else None,
                        position.fraction if position else None,
                        position.progress if position else None,
                        now() if position else None,
                    ),
                )
                bookmark = state.bookmark
                if bookmark is not None:
                    db.execute(
                        "INSERT OR REPLACE INTO bookmark (article_id, created, note, title) "
                        "VALUES (?, ?, ?, ?)",
                        (article_id, bookmark.created, bookmark.note, bookmark.title),
                    )

    # -- export and import -----------------------------------------------------

    def export(self) -> dict[str, Any]:
        """Everything worth keeping, as plain JSON-ready data."""
        rows = self._query(
            "SELECT article_id, read, read_changed, position_line, position_fraction, progress, "
            "position_changed FROM article_state ORDER BY article_id"
        )
        articles = []
        for article_id, read, read_changed, line, fraction, progress, position_changed in rows:
            entry: dict[str, Any] = {"id": article_id, "read": bool(read)}
            if read_changed:
                entry["read_changed"] = read_changed
            if line is not None:
                entry["position"] = {
                    "line": line,
                    "fraction": fraction or 0.0,
                    "progress": progress or 0.0,
                    "changed": position_changed,
                }
            articles.append(entry)
        bookmarks = [
            {"id": b.article_id, "title": b.title, "note": b.note, "created": b.created}
            for b in self.bookmarks()
        ]
        return {
            "format": "reader-state",
            "version": 1,
            "exported": now(),
            "articles": articles,
            "bookmarks": bookmarks,
        }

    def import_state(self, data: dict[str, Any]) -> ImportResult:
        """Merge an export into this store. Idempotent: importing twice changes nothing.

        The newer side wins for read marks and positions (by their change
        times); bookmarks are added when missing, keeping the earlier creation
        time; an imported note fills an empty one and never overwrites a note.
        All or nothing: every entry is checked first, and the merge is one
        transaction. Bookmarks are merged oldest first, so that ones made in the
        same second keep their order.
        """
        try:
            export = read_export(data)
        except ExportError as error:
            raise StoreError(str(error)) from None
        result = ImportResult()
        with self._write() as db:
            for article in export.articles:
                result = merge_article(db, article, result)
            for bookmark in reversed(export.bookmarks):
                result = merge_bookmark(db, bookmark, result)
        return result


def _identity(path: Path | None) -> tuple[int, int] | None:
    try:
        info = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info is not None else None


def _state(row: tuple[Any, ...], bookmark: Bookmark | None) -> ArticleState:
    _id, read, line, fraction, progress = row
    position = Position(line, fraction or 0.0, progress or 0.0) if line is not None else None
    return ArticleState(read=bool(read), position=position, bookmark=bookmark)
