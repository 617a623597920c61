"""The state file on disk: opening it, checking it is reader's, migrating its schema.

A file that is not a reader database is moved aside (never overwritten) and a
new one made; `reader.state.store` turns any failure here into an in-memory
store with a notice.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from reader.settings.errors import ReaderError
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


class Foreign(ReaderError):
    """The file is not reader's state store (another program's, or newer); `reason` why."""

    reason: str


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def prepare(connection: sqlite3.Connection) -> None:
    """Check the file is ours (or new), then bring its schema up to date."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise Foreign(t("store.foreign", reason=error_reason(error))) from None
    if tables and application_id != APPLICATION_ID:
        raise Foreign(t("store.not_ours"))
    if version > SCHEMA_VERSION:
        raise sqlite3.OperationalError(t("store.newer", version=version, known=SCHEMA_VERSION))
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] not in ("wal", "memory"):
        raise sqlite3.OperationalError(t("store.no_wal"))
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    if version == SCHEMA_VERSION:
        integrity = connection.execute("PRAGMA quick_check").fetchone()[0]
        if integrity != "ok":
            raise Foreign(t("store.damaged", reason=integrity))
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


def move_aside(path: Path) -> Path:
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


def error_reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
