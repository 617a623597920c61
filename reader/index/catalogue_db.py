"""The catalogue's SQLite file: its schema, and opening it (or starting it again).

It is a cache, so every failure has the same answer: delete it and build a new
one, or, where the folder cannot be written, keep it in memory.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

Row = TypeVar("Row")

CATALOGUE_NAME = "catalogue.sqlite3"
PART2_SUFFIX = "-part2"
"""The index's second part lives beside the catalogue, in `catalogue-part2.sqlite3`."""
CATALOGUE_VERSION = 14
"""Bump when Article's fields, the parser or the stored problems change: old catalogues
are rebuilt. (5: paths are stored as the operating system's bytes, so a file name
that is not UTF-8 can be cached. 6: aliases, links between notes, updated. 7: url, in
the `extra` column. 8: the index keeps no copy of the text; folders' times and
problems; articles packed. 9: a folder's problems keep their own paths. 10: each
article's part of `reader list --json`, encoded. 11: the index in two parts. 12: 16 KB
pages, free pages given back after each big job, paths inside their folder, folders
by number.)"""
PAGE_SIZE = 16384
"""Bytes a page of a new catalogue file. A short note's row is about 700 bytes: 4 KB
pages held five, with a tenth of each left empty (see docs/design.md)."""

ARTICLE_COLUMNS = "article_id, packed, listing"
"""An article's id (for lookups), the whole article packed (`catalogue_rows.pack`), and
its own fields as `reader list --json` prints them (`reader.index.listing`)."""
WAL_LIMIT = 32 * 1024 * 1024
"""Bytes the write-ahead log is cut back to after a checkpoint."""
READING_CACHE_KIB = 8 * 1024
"""Memory SQLite may keep of the file while the app reads it (it keeps what it reads)."""
WRITING_CACHE_KIB = 64 * 1024
"""...and while a big job writes it. SQLite's default 2 MB is a small part of a
100,000-article catalogue: inserts into its indexes, and the index's merges, went
to the disk for every page and grew slower with every thousand files."""
WRITING_CACHE_FROM = 2000
"""Files (to parse, or to index) from which a job gets the big page cache."""
WRITE_EVERY = 2000
"""Rows (parsed files, index entries) written in one transaction. Each commit writes
again every page it touched of the table's indexes: a commit per chunk of 200 cost a
100,000-file first run 5 of its 28 seconds, on the thread that keeps the processes fed."""
SCHEMA = """
CREATE TABLE places (
    number INTEGER PRIMARY KEY,
    folder BLOB NOT NULL UNIQUE
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    folder INTEGER NOT NULL,
    path BLOB NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0,
    sort_key TEXT NOT NULL,
    problems TEXT,
    article_id TEXT,
    packed BLOB,
    listing TEXT,
    UNIQUE (folder, path)
);
CREATE INDEX files_order ON files (sort_key);
CREATE INDEX files_ids ON files (article_id);
CREATE INDEX files_waiting ON files (indexed) WHERE indexed = 0;
CREATE TABLE folders (
    folder BLOB PRIMARY KEY,
    problems TEXT
) WITHOUT ROWID;
CREATE TABLE dirs (
    folder BLOB NOT NULL,
    path BLOB NOT NULL,
    mtime_ns INTEGER NOT NULL,
    PRIMARY KEY (folder, path)
) WITHOUT ROWID;
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
"""
DOCS = """
CREATE VIRTUAL TABLE {schema}.docs USING fts5(
    title, summary, tags, outlet, sources, body,
    content = '', tokenize = 'unicode61 remove_diacritics 2'
);
"""
"""The full-text index, one in each part (`main`, `part2`).

`docs` is contentless: it holds the index and no copy of the text (snippets
read the file), which keeps the catalogue well under the size of the Markdown.
SQLite before 3.43 cannot delete from such a table, so a changed or removed
file leaves its old rows behind, unreachable (file ids are never reused, and
search keeps only ids that are in `files`); `counters.dead` counts them and
the index is rebuilt when they grow to a fifth of it. `folders` keeps what
walking each content folder found wrong; `dirs` every folder's modification
time, which tells the command line whether anything was added, removed or
renamed since. The docs table's column order matches reader.index.search.WEIGHTS.

The index is in two parts, each in its own file: SQLite writes one file at
a time, and indexing 100,000 bodies kept one core busy for forty seconds
while the other waited. A big job writes half of its rows to each part, at
once, from two threads; a small one (an edited file, a small library) writes
the first part alone, so that a small library ranks exactly as one index
would. Search asks both (`reader.index.search.RANKED`)."""


OUTSIDE = b"\0"
"""Begins a row's `path` that is whole: a file named otherwise than inside its folder."""


def stored_path(folder: str, path: str) -> bytes:
    """A file's path as its row keeps it: inside its content folder, without the folder's
    own path, which every row of a folder would repeat (and its index with it: a tenth of
    a short note's catalogue, for a vault with a long path). Reversed by `file_path`."""
    prefix = folder + os.sep
    if path.startswith(prefix) and len(path) > len(prefix) and folder != os.sep:
        return os.fsencode(path[len(prefix) :])
    return OUTSIDE + os.fsencode(path)


def file_path(folder: bytes, stored: bytes) -> bytes:
    """The whole path (the operating system's bytes) of a row's `stored_path`."""
    if stored[:1] == OUTSIDE:
        return stored[1:]
    return folder + os.sep.encode() + stored


def place_numbers(db: sqlite3.Connection, names: Sequence[bytes]) -> dict[bytes, int]:
    """The numbers rows name these content folders by (`places`), for those that have
    any: a row keeps its folder's number, not its path (which every row of the folder
    would repeat, and the (folder, path) index with it)."""
    if not names:
        return {}
    marks = ",".join("?" * len(names))
    rows = db.execute(f"SELECT folder, number FROM places WHERE folder IN ({marks})", names)
    return dict(rows)


def place_number(db: sqlite3.Connection, name: bytes) -> int:
    """A content folder's number, given it the first time (within the caller's write)."""
    db.execute("INSERT OR IGNORE INTO places (folder) VALUES (?)", (name,))
    return int(db.execute("SELECT number FROM places WHERE folder = ?", (name,)).fetchone()[0])


def place_names(db: sqlite3.Connection) -> dict[int, bytes]:
    """Every content folder by its number."""
    return dict(db.execute("SELECT number, folder FROM places"))


def folder_names(folders: Sequence[Path]) -> list[bytes]:
    """Content folders as the catalogue keeps them (its `folder` columns): the operating
    system's bytes of each path as given, so a name that is not UTF-8 is kept too."""
    return [os.fsencode(folder) for folder in folders]


@contextmanager
def in_transactions(write: Callable[[list[Row]], None]) -> Iterator[Callable[[list[Row]], None]]:
    """A function that gathers rows and hands them to `write` (one transaction)
    `WRITE_EVERY` at a time; what is left is written on leaving, after a job that
    was cancelled too: what was done is kept."""
    pending: list[Row] = []

    def add(rows: list[Row]) -> None:
        nonlocal pending
        pending += rows
        if len(pending) >= WRITE_EVERY:
            write(pending)
            pending = []

    yield add
    if pending:
        write(pending)


def part2_path(path: Path) -> Path:
    """The file of the index's second part, beside the catalogue at `path`."""
    return path.with_name(f"{path.stem}{PART2_SUFFIX}{path.suffix}")


def _open_file(path: Path) -> sqlite3.Connection:
    # No integrity check here: on a large catalogue it would cost start-up time.
    # Damage shows up as DatabaseError on use, and the catalogue is rebuilt then.
    connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, CATALOGUE_VERSION):
        # An older format: a new file, not dropped tables (which would keep its size).
        connection.close()
        _delete(path)
        connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
        version = 0
    if version == 0:  # row ids start again: an old second part would name other files
        _delete(part2_path(path))
    connection.execute("ATTACH DATABASE ? AS part2", (os.fsdecode(part2_path(path)),))
    if version == 0:  # only a file with no table yet takes these
        for schema in ("main", "part2"):
            connection.execute(f"PRAGMA {schema}.page_size = {PAGE_SIZE}")
            connection.execute(f"PRAGMA {schema}.auto_vacuum = INCREMENTAL")
    for schema in ("main", "part2"):
        tune(connection, schema)
    if version == 0:
        create(connection)
    elif connection.execute("PRAGMA part2.user_version").fetchone()[0] != CATALOGUE_VERSION:
        _start_index_again(connection)  # the second part was lost: index everything again
    return connection


def tune(connection: sqlite3.Connection, schema: str = "main") -> None:
    """How every connection to a catalogue file writes and keeps it."""
    connection.execute(f"PRAGMA {schema}.journal_mode = WAL")
    connection.execute(f"PRAGMA {schema}.synchronous = NORMAL")
    connection.execute(f"PRAGMA {schema}.cache_size = -{READING_CACHE_KIB}")
    # The write-ahead log grows while a reader holds it back (the other instance,
    # a search) and, by default, never shrinks again: keep it from holding
    # hundreds of MB beside an index that is meant to be small.
    connection.execute(f"PRAGMA {schema}.journal_size_limit = {WAL_LIMIT}")


def _start_index_again(connection: sqlite3.Connection) -> None:
    """A new, empty second part, and every body to index again (in both parts)."""
    connection.execute("DROP TABLE IF EXISTS part2.docs")
    connection.executescript(DOCS.format(schema="part2"))
    connection.execute(f"PRAGMA part2.user_version = {CATALOGUE_VERSION}")
    index_again(connection)


def index_again(connection: sqlite3.Connection) -> None:
    """Empty both parts of the index, and mark every body to index again.

    The rows first: stopped in between, the index keeps entries nobody needs
    (written again later, harmlessly), rather than rows that think they are in it.
    """
    with connection:
        connection.execute("UPDATE files SET indexed = 0 WHERE article_id IS NOT NULL")
        connection.execute("DELETE FROM counters WHERE name = 'dead'")
    with connection:
        for schema in ("main", "part2"):
            connection.execute(f"INSERT INTO {schema}.docs (docs) VALUES ('delete-all')")


@contextmanager
def writing_cache(
    connection: sqlite3.Connection, lock: threading.RLock, files: int
) -> Iterator[None]:
    """A page cache big enough for a job writing `files` files, given back when it is done;
    a small job keeps the small one."""
    if files < WRITING_CACHE_FROM:
        yield
        return
    with lock:
        connection.execute(f"PRAGMA cache_size = -{WRITING_CACHE_KIB}")
    try:
        yield
    finally:
        with lock, suppress(sqlite3.Error):  # closed under a quitting app: nothing to give
            connection.execute(f"PRAGMA cache_size = -{READING_CACHE_KIB}")


def damaged(error: sqlite3.DatabaseError) -> bool:
    """True if the error says the file is damaged or not a catalogue, not merely busy
    (locked by another instance), closed, or misused."""
    if isinstance(error, (sqlite3.ProgrammingError, sqlite3.IntegrityError)):
        return False
    text = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        return "no such" in text or "malformed" in text  # a table missing: half a file
    return True


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
    connection.execute("ATTACH DATABASE ':memory:' AS part2")
    create(connection)
    return connection


def give_back_free_pages(connection: sqlite3.Connection) -> None:
    """After a big job: the pages it freed (the index's merged segments, rows written
    again) go back to the system, and the write-ahead logs into the files, cut short.
    A first run of 30,000 short notes otherwise left a twentieth of the files free."""
    # A script, stepped to its end: one execute() of this pragma frees a single page.
    connection.executescript("PRAGMA main.incremental_vacuum; PRAGMA part2.incremental_vacuum;")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def create(connection: sqlite3.Connection) -> None:
    """The tables of a new catalogue, in its file and in the second part's."""
    connection.executescript(SCHEMA)
    for schema in ("main", "part2"):
        connection.executescript(DOCS.format(schema=schema))
        connection.execute(f"PRAGMA {schema}.user_version = {CATALOGUE_VERSION}")
    connection.commit()
