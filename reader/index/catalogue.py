"""The catalogue: parsed articles and their full-text index, cached in one SQLite file.

Parsing 100,000 files takes a while; reading their cached metadata takes a
fraction of a second. So the app shows the library from the catalogue at
once, then brings it up to date (`reader.index.catalogue_sync`): only changed
or new files are parsed again, and files that left go. Bodies are indexed
(FTS5) in a second pass, so the complete list is there long before the index
is. The index keeps no copy of the text: snippets are cut from the files.

It is a cache: a missing, damaged or outdated file is rebuilt, and a folder
that cannot be written gives a catalogue in memory. Nothing here is the
user's own data (that is `reader.state.store`).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from reader.index.catalogue_db import (
    CATALOGUE_NAME,
    connect,
    damaged,
    memory,
    writing_cache,
)
from reader.index.catalogue_rows import (
    problems_from_json,
    unpack,
)
from reader.index.catalogue_search import CatalogueSearch
from reader.index.catalogue_sync import Partial, Progress, Sync, folder_problems, is_fresh
from reader.index.workers import Workers, given_or_new, index_rows
from reader.library import Article, Library
from reader.library.article import Problem
from reader.library.loader import duplicate_problem, walk_order

DEAD_SHARE = 5
"""The index is rebuilt when unreachable entries reach 1/DEAD_SHARE of the live ones..."""
DEAD_MIN = 2000
"""...and at least this many (rebuilding a small index often would cost for nothing)."""


class SyncReport:
    """What a check of the folders found; the library itself is read when asked for."""

    def __init__(self, catalogue: Catalogue, folders: Sequence[Path], sync: Sync) -> None:
        self._catalogue = catalogue
        self._folders = tuple(folders)
        self.parsed = sync.parsed
        self.removed = sync.removed
        self.unchanged = sync.unchanged
        self._folders_changed = sync.folders_changed

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.removed or self._folders_changed)

    @cached_property
    def library(self) -> Library:
        return self._catalogue.cached_library(self._folders)


class Catalogue(CatalogueSearch):
    """The cache. Thread-safe: one connection behind a lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self._ids: dict[int, str] | None = None
        self._closed = False
        self.path = path
        """The file, or None when the catalogue lives in memory."""

    @classmethod
    def open(cls, cache_dir: Path) -> Catalogue:
        """Open, or build, the catalogue; never raises for a bad file or folder."""
        connection, path = connect(cache_dir / CATALOGUE_NAME, fresh=False)
        return cls(connection, path)

    def _rebuild(self, error: sqlite3.DatabaseError) -> None:
        """The file is damaged: start again from nothing (it is only a cache).

        Anything else is raised again: a catalogue closed by a quitting app
        while a worker still used it, or one locked by another instance, is
        not damaged, and deleting it would cost the next start a full parse.
        """
        if self._closed or not damaged(error):
            raise error
        with self._lock:
            self._ids = None
            self._db.close()
            if self.path is not None:
                self._db, self.path = connect(self.path, fresh=True)
            else:
                self._db = memory()

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._db.close()

    # -- the library ---------------------------------------------------------

    def cached_library(self, folders: Sequence[Path], limit: int | None = None) -> Library:
        """The library as it was last seen, without touching the content folders.

        `limit` gives only the top of the list: enough for a first screen, at
        once (`_first_rows`). The whole library is read in the table's own
        order and each row put in its place in the list (`_places`): reading
        100,000 rows through the sort index jumped about the file and took
        twice as long. Rows are unpacked as they come, never all held at
        once: 100,000 rows of packed articles were 100 MB held only to be
        thrown away.
        """
        names = [os.fsencode(str(folder)) for folder in folders]
        if not names:
            return Library()
        folder_paths = {name: Path(os.fsdecode(name)) for name in names}
        try:
            with self._lock:
                if limit is None:
                    places = self._places()
                    rows: Iterable[tuple[Any, ...]] = self._all_rows(names)
                    winners = self._duplicate_winners(names)
                else:
                    rows = self._first_rows(names, limit)
                    places = {row[0]: place for place, row in enumerate(rows)}
                    winners = self._duplicate_winners(names, [row[4] for row in rows])
                slots: list[Article | None] = [None] * len(places)
                troubled: dict[int, tuple[Problem, ...]] = {}
                losers: list[Article] = []
                encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
                for row_id, folder, path, problem_text, article_id, packed in rows:
                    place = places.get(row_id)
                    if place is None:  # written by another instance between the two reads
                        continue
                    file_text = path.decode(encoding, errors)  # os.fsdecode, without its checks
                    if problem_text:
                        troubled[place] = problems_from_json(problem_text, Path(file_text))
                    if packed is None:
                        continue
                    article = unpack(packed, file_text, folder_paths[folder])
                    if article_id in winners and winners[article_id] != (folder, path):
                        losers.append(article)
                    else:
                        slots[place] = article
                found = folder_problems(self._db, names) if limit is None else []
        except sqlite3.DatabaseError as error:
            self._rebuild(error)
            return Library()
        articles = tuple(article for article in slots if article is not None)
        problems = [problem for place in sorted(troubled) for problem in troubled[place]]
        if losers:
            kept = {article.id: article for article in articles}
            problems += [duplicate_problem(loser, kept[loser.id]) for loser in losers]
        return Library(articles, (*found, *problems))

    def _places(self) -> dict[int, int]:
        """Each row's place in the list, read from the sort index alone (which holds the ids)."""
        order = self._db.execute("SELECT id FROM files ORDER BY sort_key")
        return {row_id: place for place, (row_id,) in enumerate(order)}

    def _all_rows(self, names: Sequence[bytes]) -> sqlite3.Cursor:
        # `+folder`: in the table's order, not through the (folder, path) index.
        return self._db.execute(
            f"SELECT id, folder, path, problems, article_id, packed FROM files "
            f"WHERE +folder IN ({','.join('?' * len(names))})",
            names,
        )

    def _first_rows(self, names: Sequence[bytes], limit: int) -> list[tuple[Any, ...]]:
        # `+folder`: through the sort index, which gives the first rows without sorting any.
        return self._db.execute(
            f"SELECT id, folder, path, problems, article_id, packed FROM files "
            f"WHERE +folder IN ({','.join('?' * len(names))}) ORDER BY sort_key LIMIT ?",
            (*names, limit),
        ).fetchall()

    def _duplicate_winners(
        self, names: Sequence[bytes], among: Sequence[str] | None = None
    ) -> dict[str, tuple[bytes, bytes]]:
        """For each id more than one file has (of `among`, or of all): the (folder, path)
        a fresh walk would keep.

        The first content folder wins, then the file met first in it. Duplicates
        are rare: they are found by the id index, and only theirs are ranked.
        """
        marks = ",".join("?" * len(names))
        which = "" if among is None else f"AND article_id IN ({','.join('?' * len(among))}) "
        rows = self._db.execute(
            f"SELECT folder, path, article_id FROM files WHERE article_id IN ("
            f"SELECT article_id FROM files WHERE +folder IN ({marks}) {which}"
            f"AND article_id IS NOT NULL GROUP BY article_id HAVING count(*) > 1) "
            f"AND +folder IN ({marks})",
            (*names, *(among or ()), *names),
        ).fetchall()
        order = {name: number for number, name in enumerate(names)}
        winners: dict[str, tuple[bytes, bytes]] = {}
        ranks: dict[str, tuple[int, tuple[str, ...]]] = {}
        for folder, path, article_id in rows:
            rank = (order[folder], walk_order(os.fsdecode(path), os.fsdecode(folder)))
            if article_id not in ranks or rank < ranks[article_id]:
                ranks[article_id] = rank
                winners[article_id] = (folder, path)
        return winners

    def is_fresh(self, folders: Sequence[Path]) -> bool:
        """True if no file was added, removed or renamed since the last check (see
        `catalogue_sync.is_fresh` for what this sees and what it does not)."""
        try:
            with self._lock:
                return is_fresh(self._db, folders)
        except sqlite3.DatabaseError as error:
            self._rebuild(error)
            return False

    def current_library(self, folders: Sequence[Path]) -> Library:
        """The library for a command: from the cache while the folders are unchanged,
        else after a check of every file."""
        if self.is_fresh(folders):
            return self.cached_library(folders)
        return self.sync(folders).library

    def sync(
        self,
        folders: Sequence[Path],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        partial: Partial | None = None,
        workers: Workers | None = None,
    ) -> SyncReport:
        """Check every file; parse the changed and new ones; forget the gone ones.

        `partial`, on a first run, receives the library as it fills.
        """
        with given_or_new(workers) as pool:

            def attempt() -> SyncReport:
                sync = Sync(self._db, self._lock)
                sync.run(folders, progress, cancelled, partial, pool)
                if sync.parsed or sync.removed:
                    with self._lock:
                        self._ids = None
                return SyncReport(self, folders, sync)

            try:
                return attempt()
            except sqlite3.DatabaseError as error:
                self._rebuild(error)  # damaged: start again from nothing, once
                return attempt()

    # -- the index -----------------------------------------------------------

    def index(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        workers: Workers | None = None,
    ) -> int:
        """Index the bodies not indexed yet; returns how many were."""
        self._drop_dead_entries()
        with self._lock:
            rows = self._db.execute(
                "SELECT id, path, packed FROM files WHERE indexed = 0"
            ).fetchall()
        total, done = len(rows), 0
        with (
            writing_cache(self._db, self._lock, total),
            given_or_new(workers) as pool,
        ):
            for batch in pool.map(index_rows, rows, cancelled):
                with self._lock, self._db:
                    self._db.executemany(
                        "INSERT INTO docs (rowid, title, summary, tags, outlet, sources, body) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        batch,
                    )
                    self._db.executemany(
                        "UPDATE files SET indexed = 1 WHERE id = ?", [(row[0],) for row in batch]
                    )
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        if done:
            with self._lock:  # the log back into the file, and cut short
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return done

    def _drop_dead_entries(self) -> None:
        """Start the index again once changed and removed files left too much behind."""
        with self._lock:
            dead = self._db.execute("SELECT value FROM counters WHERE name = 'dead'").fetchone()
            if dead is None:
                return
            live = self._db.execute("SELECT count(*) FROM files WHERE indexed = 1").fetchone()[0]
            if dead[0] < max(DEAD_MIN, live // DEAD_SHARE):
                return
            with self._db:
                self._db.execute("INSERT INTO docs (docs) VALUES ('delete-all')")
                self._db.execute("UPDATE files SET indexed = 0 WHERE article_id IS NOT NULL")
                self._db.execute("DELETE FROM counters WHERE name = 'dead'")

    @property
    def unindexed(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files WHERE indexed = 0").fetchone()[0]
