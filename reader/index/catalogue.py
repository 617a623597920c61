"""The catalogue: parsed articles and their full-text index, cached in one SQLite file.

Parsing 100,000 files takes a while; reading their cached metadata takes a
fraction of a second. So the app shows the library from the catalogue at
once, then brings it up to date (`reader.index.catalogue_sync`): only changed
or new files are parsed again, and files that left go. Bodies are indexed
(FTS5) in a second pass, so the complete list is there long before the index
is. The index keeps no copy of the text: snippets are cut from the files.

It is searched here too: the app's search as you type, the command line's best
matches, and the snippets cut from the files.

It is a cache: a missing, damaged or outdated file is rebuilt, and a folder
that cannot be written gives a catalogue in memory. Nothing here is the
user's own data (that is `reader.state.store`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.index.catalogue_db import (
    CATALOGUE_NAME,
    connect,
    damaged,
    file_path,
    folder_names,
    give_back_free_pages,
    in_transactions,
    index_again,
    memory,
    place_names,
    place_numbers,
    writing_cache,
)
from reader.index.catalogue_index import INSERT, SecondPart, second_part, split
from reader.index.catalogue_read import read_in_order
from reader.index.catalogue_rows import indexed_text, packed_sources, packed_title, stored
from reader.index.catalogue_sync import (
    Partial,
    Progress,
    Sync,
    folder_problems,
    is_fresh,
)
from reader.index.workers import Workers, given_or_new, index_rows
from reader.library import Library
from reader.library.loader import duplicate_problem

if TYPE_CHECKING:
    from reader.index.search import Hit, Query, Results

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


class Catalogue:
    """The cache. Thread-safe: one connection behind a lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self._ids: dict[int, str] | None = None
        self._closed = False
        self._part2: SecondPart | None = None
        """The second part's writer, while a big job indexes."""
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
        """Close at once: a query under way on another thread (the first search's
        warm-up takes a third of a second at 100,000 articles) is interrupted, and
        that thread gets a `sqlite3.Error` with `closed` already true."""
        if self._closed:
            return
        self._closed = True
        self._db.interrupt()
        part2 = self._part2
        if part2 is not None:
            part2.interrupt()
        with self._lock:
            self._db.close()

    # -- the library ---------------------------------------------------------

    def cached_library(self, folders: Sequence[Path], limit: int | None = None) -> Library:
        """The library as it was last seen, without touching the content folders;
        `limit`: only the top of the list, enough for a first screen, at once."""
        try:
            with self._lock:
                found = read_in_order(self._db, folders, stored, limit=limit)
                names = folder_names(folders)
                walked = folder_problems(self._db, names) if limit is None and names else []
        except sqlite3.DatabaseError as error:
            self._rebuild(error)
            return Library()
        problems = found.problems
        if found.losers and limit is None:  # a first screen may lack the file that won
            kept = {article.id: article for article in found.items}
            problems += [duplicate_problem(loser, kept[loser.id]) for loser in found.losers]
        return Library(tuple(found.items), (*walked, *problems))

    def listing(self, folders: Sequence[Path]) -> list[tuple[str, str, str, str | None]]:
        """Each article's (id, own fields as `list --json` prints them, file, sources as
        JSON), in list order, from the catalogue as it is (see `reader.index.listing`)."""
        try:
            with self._lock:
                return read_in_order(self._db, folders, _listed, "listing").items
        except sqlite3.DatabaseError as error:
            self._rebuild(error)
            return []

    def is_fresh(self, folders: Sequence[Path]) -> bool:
        """True if no file was added, removed or renamed since the last check (see
        `catalogue_sync.is_fresh` for what this sees and what it does not)."""
        try:
            with self._lock:
                return is_fresh(self._db, folders)
        except sqlite3.DatabaseError as error:
            self._rebuild(error)
            return False

    def bring_up_to_date(self, folders: Sequence[Path]) -> None:
        """For a command: check every file unless the folders are unchanged."""
        if not self.is_fresh(folders):
            self.sync(folders)

    def current_library(self, folders: Sequence[Path]) -> Library:
        """The library for a command: from the cache, checked first if a folder changed."""
        self.bring_up_to_date(folders)
        return self.cached_library(folders)

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
            places = place_names(self._db)
            rows = [
                (row_id, file_path(places[folder], path), packed)
                for row_id, folder, path, packed in self._db.execute(
                    "SELECT id, folder, path, packed FROM files WHERE indexed = 0"
                )
            ]
        total, done = len(rows), 0
        with (
            writing_cache(self._db, self._lock, total),
            self._second_part(total) as part2,
            given_or_new(workers) as pool,
            in_transactions(partial(self._add_to_index, part2=part2)) as add,
        ):
            for batch in pool.map(index_rows, rows, cancelled):
                add(batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        if done:
            with self._lock:
                give_back_free_pages(self._db)
        return done

    @contextmanager
    def _second_part(self, bodies: int) -> Iterator[SecondPart | None]:
        """`second_part`, known to `close` (which interrupts its write) while it lasts,
        the last rows' write included."""
        with second_part(self.path, bodies) as part2:
            self._part2 = part2
            try:
                yield part2
            finally:
                self._part2 = None

    def _add_to_index(self, rows: list[tuple[Any, ...]], part2: SecondPart | None) -> None:
        """Index these (row id, fields..., body): in one transaction per part (each commit
        ends the index's segment, and fewer, bigger segments are fewer merges later),
        both parts at once; then mark them indexed."""
        # Written but not marked (a crash between the two): written again, harmlessly,
        # as FTS5 keeps a row id's newest entry, and search lists an article once.
        first, second = split(rows, part2)
        writing = part2.start(second) if part2 is not None and second else None
        try:
            with self._lock, self._db:
                self._db.executemany(INSERT, first)
        finally:
            if writing is not None:
                writing.result()  # its error, if any, is this job's
        with self._lock, self._db:
            self._db.executemany(
                "UPDATE files SET indexed = 1 WHERE id = ?", [(row[0],) for row in rows]
            )

    def _drop_dead_entries(self) -> None:
        """Start the index again once changed and removed files left too much behind."""
        with self._lock:
            dead = self._db.execute("SELECT value FROM counters WHERE name = 'dead'").fetchone()
            if dead is None:
                return
            live = self._db.execute("SELECT count(*) FROM files WHERE indexed = 1").fetchone()[0]
            if dead[0] < max(DEAD_MIN, live // DEAD_SHARE):
                return
            index_again(self._db)

    @property
    def unindexed(self) -> int:
        with self._lock:
            found: int = self._db.execute(
                "SELECT count(*) FROM files WHERE indexed = 0"
            ).fetchone()[0]
            return found

    # -- search ------------------------------------------------------------------

    def best(self, query: Query, folders: Sequence[Path], limit: int) -> list[tuple[Hit, str]]:
        """The `limit` best matches among these folders' articles, with snippets and titles.

        For the command line: the ranking stays in SQLite (a top-`limit` sort;
        the rows' owners are then looked up by id, and a wider sort is asked for
        if too few are in these folders), so a word in most of 100,000 articles
        costs one pass of the index, not a Python loop over every match.
        """
        from reader.index.search import RANKED, Hit, make_snippets, title_closeness

        if query.is_empty or not folders:
            return []
        with self._lock:
            names = list(place_numbers(self._db, folder_names(folders)).values())
        if not names:
            return []
        chosen: dict[str, tuple[int, float, str]] = {}
        wanted = limit * 4  # room for other folders' articles, left entries, duplicates
        while True:
            with self._lock:
                rows = self._db.execute(RANKED, (query.match_expression(), wanted)).fetchall()
                owners = self._owners([row_id for row_id, _ in rows], names)
            for row_id, rank in rows:
                article_id, title = owners.get(row_id, (None, ""))
                if article_id is not None and article_id not in chosen and len(chosen) < limit:
                    chosen[article_id] = (row_id, -rank, title)
            if len(chosen) >= limit or len(rows) < wanted:
                break
            chosen.clear()
            wanted *= 8
        # As `search` does: a title that is the query, or starts with it, first.
        chosen = dict(sorted(chosen.items(), key=lambda item: title_closeness(query, item[1][2])))
        row_ids = [row_id for row_id, _, _ in chosen.values()]
        snippets = make_snippets(self._texts, query, row_ids)
        return [
            (Hit(article_id, score, snippets.get(row_id, "")), title)
            for article_id, (row_id, score, title) in chosen.items()
        ]

    def _owners(self, row_ids: Sequence[int], names: Sequence[int]) -> dict[int, tuple[str, str]]:
        """Row id to (article id, title), for those of these rows in these folders (by
        number)."""
        if not row_ids:
            return {}
        row_marks, folder_marks = ",".join("?" * len(row_ids)), ",".join("?" * len(names))
        rows = self._db.execute(
            # `+folder`: by the row ids, not by the folder's index (which is every row).
            f"SELECT id, article_id, packed FROM files "
            f"WHERE id IN ({row_marks}) AND +folder IN ({folder_marks}) AND packed IS NOT NULL",
            (*row_ids, *names),
        ).fetchall()
        return {row_id: (article_id, packed_title(packed)) for row_id, article_id, packed in rows}

    def warm_up(self) -> None:
        """Prepare for the first search (id map, query code, index pages) off the UI thread."""
        from reader.index.search import parse_query, search_pattern

        search_pattern(parse_query("warm"))
        with self._lock:
            self._article_ids()
        self.search("warm")

    def _article_ids(self) -> dict[int, str]:
        """Row id to article id for every file with an article (cached until the next write).

        Index entries left by changed and removed files have no row here, so
        search never shows them."""
        if self._ids is None:
            rows = self._db.execute(
                "SELECT id, article_id FROM files WHERE article_id IS NOT NULL"
            ).fetchall()
            self._ids = dict(rows)
        return self._ids

    def search(self, query: Query | str, limit: int | None = None) -> Results:
        """Best matches first (see `reader.index.search.search`)."""
        from reader.index.search import search

        with self._lock:
            return search(
                self._db, query, self._article_ids(), self._texts, limit, titles=self._titles
            )

    def _titles(self, row_ids: Sequence[int]) -> dict[int, str]:
        """The titles of these rows, from their packed articles."""
        marks = ",".join("?" * len(row_ids))
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, packed FROM files WHERE id IN ({marks}) AND packed IS NOT NULL",
                tuple(row_ids),
            ).fetchall()
        return {row_id: packed_title(packed) for row_id, packed in rows}

    def _texts(self, row_ids: Sequence[int]) -> dict[int, list[str]]:
        """The text of these rows, body first, for snippets: read from the files."""
        marks = ",".join("?" * len(row_ids))
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, folder, path, packed FROM files WHERE id IN ({marks})",
                tuple(row_ids),
            ).fetchall()
            places = place_names(self._db)
        texts = {}
        for row_id, folder, path, packed in rows:
            titles, summary, tags, outlet, names, body = indexed_text(
                file_path(places[folder], path), packed
            )
            texts[row_id] = [body, summary, names, tags, outlet, titles]
        return texts

    def snippets(self, query: Query, article_ids: Sequence[str]) -> dict[str, str]:
        """Snippets for these articles (those the search gave none)."""
        from reader.index.search import make_snippets

        with self._lock:
            wanted = set(article_ids)
            rows = {row: aid for row, aid in self._article_ids().items() if aid in wanted}
        marked = make_snippets(self._texts, query, list(rows))
        return {rows[row]: snippet for row, snippet in marked.items()}


def _listed(
    article_id: str, packed: bytes, file: str, folder: Path, own: str
) -> tuple[str, str, str, str | None]:
    return article_id, own, file, packed_sources(packed)
