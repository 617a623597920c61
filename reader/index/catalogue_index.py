"""Writing bodies into the full-text index: a big job into both of its parts at once.

SQLite writes one file at a time, and the index's writing (FTS5 cutting text
into words and filing them) is most of the cost of a first run: 100,000
bodies kept one core busy for forty seconds while the other waited. The
index is therefore in two files (see `reader.index.catalogue_db`), and a big
job hands every other row to a second connection, on a thread of its own:
SQLite lets go of the interpreter while it works, so both cores write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.index.catalogue_db import WRITING_CACHE_KIB, part2_path, tune

TWO_PARTS_FROM = 2000
"""Bodies in one job from which both parts are written. Fewer go to the first part
alone: an edit costs no thread, and a small library ranks exactly as one index would
(each part weighs words by its own counts, which agree only over many articles)."""

INSERT = (
    "INSERT INTO main.docs (rowid, title, summary, tags, outlet, sources, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
"""One body into the index of a connection's own file (the catalogue's, or the second
part's): (row id, the fields of `catalogue_rows.indexed_text`)."""


if TYPE_CHECKING:  # loaded by the first index job that writes both parts, not by every command
    from concurrent.futures import Future


class SecondPart:
    """A connection to the index's second part, and the thread that writes through it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.connection = connection
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="index-part2")

    def start(self, rows: Sequence[tuple[Any, ...]]) -> Future[None]:
        """Write these rows in one transaction, on the part's thread."""
        return self._thread.submit(self._write, rows)

    def _write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        with self.connection:
            self.connection.executemany(INSERT, rows)

    def interrupt(self) -> None:
        """Stop the write under way (the catalogue is closing)."""
        self.connection.interrupt()

    def close(self) -> None:
        self._thread.shutdown(wait=True)
        self.connection.close()


@contextmanager
def second_part(catalogue: Path | None, bodies: int) -> Iterator[SecondPart | None]:
    """The second part's writer for a job of `bodies` bodies, if it is big enough and the
    catalogue is a file (one in memory is written by its one connection)."""
    if catalogue is None or bodies < TWO_PARTS_FROM:
        yield None
        return
    connection = sqlite3.connect(part2_path(catalogue), timeout=5, check_same_thread=False)
    tune(connection)
    connection.execute(f"PRAGMA cache_size = -{WRITING_CACHE_KIB}")
    part = SecondPart(connection)
    try:
        yield part
    finally:
        part.close()


def split(
    rows: Sequence[tuple[Any, ...]], part2: SecondPart | None
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows for each part: every other one to the second, if there is one."""
    if part2 is None:
        return list(rows), []
    return list(rows[0::2]), list(rows[1::2])
