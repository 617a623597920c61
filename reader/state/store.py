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

import datetime as dt
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.settings.i18n import t

DB_NAME = "reader.sqlite3"
APPLICATION_ID = 0x52445231  # "RDR1": marks the file as reader's
BUSY_TIMEOUT_MS = 5000

MIGRATIONS: tuple[str, ...] = (
    # 1: the first release.
    """
    CREATE TABLE article_state (
        article_id TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        read_changed TEXT,
        position_line INTEGER,
        position_fraction REAL,
        progress REAL,
        position_changed TEXT
    );
    CREATE TABLE bookmark (
        article_id TEXT PRIMARY KEY,
        created TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE session (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    """The current time as ISO 8601 UTC, to the second: sortable and readable."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Position:
    """Where reading stopped: a body line where a section starts, and a fraction of that section.

    Width-independent, so a position saved in a wide terminal restores in a narrow one.
    """

    line: int
    fraction: float
    progress: float = 0.0
    """How far through the article, 0.0 to 1.0 (for showing a percentage)."""


@dataclass(frozen=True)
class Bookmark:
    article_id: str
    created: str
    note: str = ""
    title: str = ""
    """The title when bookmarked, so a bookmark stays readable if its article goes away."""


@dataclass(frozen=True, slots=True)
class ArticleState:
    read: bool = False
    position: Position | None = None
    bookmark: Bookmark | None = None

    @property
    def bookmarked(self) -> bool:
        return self.bookmark is not None


@dataclass(frozen=True)
class ImportResult:
    read: int = 0
    positions: int = 0
    bookmarks: int = 0
    notes: int = 0

    @property
    def changed(self) -> int:
        return self.read + self.positions + self.bookmarks + self.notes


class StoreError(Exception):
    """A change could not be saved; the message says why, for a person."""


class Store:
    """The state database. Thread-safe: one connection, one lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, notices: list[str]):
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        """The database file, or None when nothing is being saved."""
        self.notices: tuple[str, ...] = tuple(notices)
        """Things the user should be told about opening the store (moved files, no saving)."""

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
            connection = _connect(path)
            try:
                _prepare(connection)
            except _Foreign as foreign:
                connection.close()
                moved = _move_aside(path)
                notices.append(t("store.moved", path=path, reason=foreign.reason, moved=moved))
                connection = _connect(path)
                _prepare(connection)
        except (OSError, sqlite3.Error) as error:
            notices.append(t("store.unwritable", path=path, reason=_reason(error)))
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            _prepare(connection)
            return cls(connection, None, notices)
        return cls(connection, path, notices)

    @classmethod
    def in_memory(cls) -> Store:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _prepare(connection)
        return cls(connection, None, [])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: committed on success, rolled back on error."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                raise StoreError(t("store.save_failed", reason=_reason(error))) from None

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise StoreError(t("store.read_failed", reason=_reason(error))) from None

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

    def toggle_bookmark(self, article_id: str, title: str = "") -> Bookmark | None:
        """Add the bookmark if absent, remove it if present, in one transaction."""
        with self._write() as db:
            cursor = db.execute("DELETE FROM bookmark WHERE article_id = ?", (article_id,))
            if cursor.rowcount:
                return None
            created = now()
            db.execute(
                "INSERT INTO bookmark (article_id, created, note, title) VALUES (?, ?, '', ?)",
                (article_id, created, title),
            )
        return Bookmark(article_id, created, "", title)

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
        """
        if not isinstance(data, dict) or data.get("format") != "reader-state":
            raise StoreError(t("store.not_export"))
        result = ImportResult()
        try:
            with self._write() as db:
                for entry in data.get("articles", []):
                    result = _merge_article(db, entry, result)
                for entry in data.get("bookmarks", []):
                    result = _merge_bookmark(db, entry, result)
        except (KeyError, TypeError, ValueError) as error:
            raise StoreError(t("store.malformed", reason=repr(error))) from None
        return result


def _merge_article(
    db: sqlite3.Connection, entry: dict[str, Any], result: ImportResult
) -> ImportResult:
    article_id = str(entry["id"])
    current = db.execute(
        "SELECT read, read_changed, position_changed FROM article_state WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    read, read_changed = bool(entry.get("read")), str(entry.get("read_changed") or "")
    if current is None:
        db.execute(
            "INSERT INTO article_state (article_id, read, read_changed) VALUES (?, ?, ?)",
            (article_id, int(read), read_changed or None),
        )
        result = replace(result, read=result.read + read)
    elif bool(current[0]) != read and read_changed > (current[1] or ""):
        db.execute(
            "UPDATE article_state SET read = ?, read_changed = ? WHERE article_id = ?",
            (int(read), read_changed, article_id),
        )
        result = replace(result, read=result.read + 1)
    position = entry.get("position")
    if position:
        changed = str(position.get("changed") or "")
        mine = current[2] if current is not None else None
        if mine is None or changed > mine:
            db.execute(
                "UPDATE article_state SET position_line = ?, position_fraction = ?, "
                "progress = ?, position_changed = ? WHERE article_id = ?",
                (
                    int(position["line"]),
                    float(position.get("fraction", 0.0)),
                    float(position.get("progress", 0.0)),
                    changed or None,
                    article_id,
                ),
            )
            result = replace(result, positions=result.positions + 1)
    return result


def _merge_bookmark(
    db: sqlite3.Connection, entry: dict[str, Any], result: ImportResult
) -> ImportResult:
    article_id = str(entry["id"])
    note, created = str(entry.get("note") or ""), str(entry.get("created") or now())
    current = db.execute(
        "SELECT created, note FROM bookmark WHERE article_id = ?", (article_id,)
    ).fetchone()
    if current is None:
        db.execute(
            "INSERT INTO bookmark (article_id, created, note, title) VALUES (?, ?, ?, ?)",
            (article_id, created, note, str(entry.get("title") or "")),
        )
        return replace(result, bookmarks=result.bookmarks + 1)
    if created < current[0]:
        db.execute("UPDATE bookmark SET created = ? WHERE article_id = ?", (created, article_id))
    if note and not current[1]:
        db.execute("UPDATE bookmark SET note = ? WHERE article_id = ?", (note, article_id))
        return replace(result, notes=result.notes + 1)
    return result


def _state(row: tuple[Any, ...], bookmark: Bookmark | None) -> ArticleState:
    _id, read, line, fraction, progress = row
    position = Position(line, fraction or 0.0, progress or 0.0) if line is not None else None
    return ArticleState(read=bool(read), position=position, bookmark=bookmark)


# ---------------------------------------------------------------------------
# opening helpers


class _Foreign(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _prepare(connection: sqlite3.Connection) -> None:
    """Check the file is ours (or new), then bring its schema up to date."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _Foreign(t("store.foreign", reason=_reason(error))) from None
    if tables and application_id != APPLICATION_ID:
        raise _Foreign(t("store.not_ours"))
    if version > SCHEMA_VERSION:
        raise sqlite3.OperationalError(t("store.newer", version=version, known=SCHEMA_VERSION))
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] not in ("wal", "memory"):
        raise sqlite3.OperationalError(t("store.no_wal"))
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    if version == SCHEMA_VERSION:
        integrity = connection.execute("PRAGMA quick_check").fetchone()[0]
        if integrity != "ok":
            raise _Foreign(t("store.damaged", reason=integrity))
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another instance may have migrated while we waited for the lock.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _move_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


# ---------------------------------------------------------------------------
# off-thread writes


@dataclass
class BackgroundWriter:
    """Runs store writes one after another on a thread of their own.

    The UI changes what it shows at once and queues the write here, so a slow
    disk never freezes a keystroke. Writes keep their order. `close` waits for
    the queue to drain: quitting never drops a queued change.
    """

    on_error: Callable[[str], None]
    _queue: queue.Queue[Callable[[], object] | None] = field(default_factory=queue.Queue)
    _thread: threading.Thread | None = None

    def submit(self, write: Callable[[], object]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-store", daemon=True)
            self._thread.start()
        self._queue.put(write)

    def _run(self) -> None:
        while True:
            write = self._queue.get()
            if write is None:
                return
            try:
                write()
            except StoreError as error:
                self.on_error(str(error))

    def flush(self) -> None:
        """Wait until every queued write is done."""
        if self._thread is not None:
            done = threading.Event()
            self._queue.put(done.set)
            done.wait()

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
