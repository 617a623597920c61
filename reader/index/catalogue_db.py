"""The catalogue's SQLite file: its schema, and opening it (or starting it again).

It is a cache, so every failure has the same answer: delete it and build a new
one, or, where the folder cannot be written, keep it in memory.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

CATALOGUE_NAME = "catalogue.sqlite3"
CATALOGUE_VERSION = 7
"""Bump when Article's fields, the parser or the stored problems change: old catalogues
are rebuilt. (5: paths are stored as the operating system's bytes, so a file name
that is not UTF-8 can be cached. 6: aliases, links between notes, updated. 7: url, in
the `extra` column.)"""

ARTICLE_COLUMNS = (
    "article_id, title, summary, author, outlet, published, date_precision, language, kind, "
    "tags, translation_of, sources, word_count, extra"
)
SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    folder BLOB NOT NULL,
    path BLOB NOT NULL,
    seq INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0,
    sort_key TEXT NOT NULL,
    problems TEXT,
    article_id TEXT,
    title TEXT,
    summary TEXT,
    author TEXT,
    outlet TEXT,
    published TEXT,
    date_precision TEXT,
    language TEXT,
    kind TEXT,
    tags TEXT,
    translation_of TEXT,
    sources TEXT,
    word_count INTEGER,
    extra TEXT,
    UNIQUE (folder, path)
);
CREATE INDEX files_order ON files (sort_key);
CREATE VIRTUAL TABLE docs USING fts5(
    article_id UNINDEXED, title, summary, tags, outlet, sources, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
"""The docs table's column order matches reader.index.search.WEIGHTS."""


def _open_file(path: Path) -> sqlite3.Connection:
    # No integrity check here: on a large catalogue it would cost start-up time.
    # Damage shows up as DatabaseError on use, and the catalogue is rebuilt then.
    connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    if version != CATALOGUE_VERSION:
        connection.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS docs;")
        create(connection)
    return connection


def connect(path: Path, fresh: bool) -> tuple[sqlite3.Connection, Path | None]:
    """The catalogue file (deleted first if `fresh`, or if it will not open), else memory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            _delete(path)
        try:
            return _open_file(path), path
        except sqlite3.DatabaseError:
            _delete(path)
            return _open_file(path), path
    except (OSError, sqlite3.Error):
        return memory(), None


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    create(connection)
    return connection


def create(connection: sqlite3.Connection) -> None:
    connection.executescript(SCHEMA)
    connection.execute(f"PRAGMA user_version = {CATALOGUE_VERSION}")
    connection.commit()
