"""The catalogue: parsed articles and their full-text index, cached in one SQLite file.

Parsing 10,000 files takes seconds; reading their cached metadata takes
milliseconds. So the app shows the library from the catalogue at once, then
brings it up to date: every file is checked by size and modification time,
only changed or new files are parsed again, and files that left go. Bodies
are indexed (FTS5) in a second pass, so the complete list is there long
before the index is.

It is a cache: a missing, damaged or outdated file is rebuilt, and a folder
that cannot be written gives a catalogue in memory. Nothing here is the
user's own data (that is `reader.state.store`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.index.catalogue_db import ARTICLE_COLUMNS, CATALOGUE_NAME, connect, memory
from reader.index.catalogue_rows import (
    TAG_SEPARATOR,
    aliases_of,
    article_from_row,
    article_values,
    problems_from_json,
    problems_json,
)
from reader.library import Article, Library
from reader.library.article import ParseResult
from reader.library.loader import assemble, duplicate_problem, scan, sort_key

if TYPE_CHECKING:
    from reader.index.search import Query, Results

BATCH = 250

Progress = Callable[[int, int], None]

_AFTER_EVERY_ARTICLE = "~"
"""The sort key of files that hold no article: their problems list after the articles."""

"""The sort key of files that hold no article: their problems list after the articles."""


@dataclass(frozen=True, slots=True)
class _Entry:
    row_id: int
    seq: int
    size: int
    mtime_ns: int
    result: ParseResult


@dataclass(frozen=True)
class SyncReport:
    library: Library
    parsed: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.removed)


class Catalogue:
    """The cache. Thread-safe: one connection behind a lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self._ids: dict[int, str] | None = None
        self.path = path
        """The file, or None when the catalogue lives in memory."""

    @classmethod
    def open(cls, cache_dir: Path) -> Catalogue:
        """Open, or build, the catalogue; never raises for a bad file or folder."""
        connection, path = connect(cache_dir / CATALOGUE_NAME, fresh=False)
        return cls(connection, path)

    def _rebuild(self) -> None:
        """The file is damaged: start again from nothing (it is only a cache)."""
        with self._lock:
            self._ids = None
            self._db.close()
            if self.path is not None:
                self._db, self.path = connect(self.path, fresh=True)
            else:
                self._db = memory()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- the library ---------------------------------------------------------

    def cached_library(self, folders: Sequence[Path], limit: int | None = None) -> Library:
        """The library as it was last seen, without touching the content folders.

        Rows come sorted by the database (the list order is stored with each
        row), so 10,000 articles load without a sort in Python. `limit` gives
        only the top of the list: enough for a first screen, at once.
        """
        names = [str(folder) for folder in folders]
        if not names:
            return Library()
        marks = ",".join("?" * len(names))
        try:
            with self._lock:
                rows = self._db.execute(
                    f"SELECT folder, path, seq, problems, {ARTICLE_COLUMNS} FROM files "
                    f"WHERE folder IN ({marks}) ORDER BY sort_key LIMIT ?",
                    (*map(os.fsencode, names), -1 if limit is None else limit),
                ).fetchall()
        except sqlite3.DatabaseError:
            self._rebuild()
            return Library()
        order = {name: number for number, name in enumerate(names)}
        folder_paths = {name: Path(name) for name in names}
        # Duplicate ids: the first folder's file wins, as when parsing (not the first listed).
        winners: dict[str, tuple[int, int]] = {}
        rows = [(os.fsdecode(folder), os.fsdecode(path), *rest) for folder, path, *rest in rows]
        for folder, _path, seq, _problems_text, article_id, *_rest in rows:
            if article_id is not None:
                rank = (order[folder], seq)
                winners[article_id] = min(winners.get(article_id, rank), rank)
        results: list[ParseResult] = []
        losers: list[Article] = []
        kept: dict[str, Article] = {}
        for folder, path, seq, problems, *values in rows:
            file_path = Path(path)
            article = article_from_row(values, file_path, folder_paths[folder])
            found = problems_from_json(problems, file_path)
            if article is not None and winners[article.id] != (order[folder], seq):
                losers.append(article)
                article = None
            elif article is not None:
                kept[article.id] = article
            results.append(ParseResult(article, found))
        duplicates = [
            duplicate_problem(loser, kept[loser.id]) for loser in losers if loser.id in kept
        ]
        return assemble(results, duplicates, presorted=True)

    def _entries(self, folders: Sequence[Path]) -> dict[tuple[str, str], _Entry]:
        names = [str(folder) for folder in folders]
        if not names:
            return {}
        marks = ",".join("?" * len(names))
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, folder, path, seq, size, mtime_ns, problems, {ARTICLE_COLUMNS} "
                f"FROM files WHERE folder IN ({marks})",
                [os.fsencode(name) for name in names],
            ).fetchall()
        entries = {}
        for row_id, folder_bytes, path_bytes, seq, size, mtime_ns, problems, *article in rows:
            folder, path = os.fsdecode(folder_bytes), os.fsdecode(path_bytes)
            result = ParseResult(
                article_from_row(article, Path(path), Path(folder)),
                problems_from_json(problems, Path(path)),
            )
            entries[(folder, path)] = _Entry(row_id, seq, size, mtime_ns, result)
        return entries

    def sync(
        self,
        folders: Sequence[Path],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """Check every file; parse the changed and new ones; forget the gone ones."""
        try:
            return self._sync(folders, progress, cancelled)
        except sqlite3.DatabaseError:
            self._rebuild()
            return self._sync(folders, progress, cancelled)

    def _sync(
        self,
        folders: Sequence[Path],
        progress: Progress | None,
        cancelled: Callable[[], bool],
    ) -> SyncReport:
        from reader.library.parse import parse_file  # yaml: only when a file changed

        work, folder_problems = scan(folders)
        known = self._entries(folders)
        results: list[ParseResult] = []
        pending: list[tuple[str, str, int, os.stat_result | None, ParseResult]] = []
        seen: set[tuple[str, str]] = set()
        parsed = unchanged = 0
        total = len(work)
        for seq, (path, folder) in enumerate(work):
            if cancelled():
                break
            key = (str(folder), str(path))
            seen.add(key)
            try:
                stat: os.stat_result | None = os.stat(path)
            except OSError:
                stat = None
            entry = known.get(key)
            if (
                entry is not None
                and stat is not None
                and (entry.size, entry.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
            ):
                results.append(entry.result)
                unchanged += 1
                if entry.seq != seq:
                    pending.append((key[0], key[1], seq, stat, entry.result))
            else:
                result = parse_file(path, folder)
                results.append(result)
                pending.append((key[0], key[1], seq, stat, result))
                parsed += 1
            if len(pending) >= BATCH:
                self._write(pending)
                pending = []
            if progress is not None and ((seq + 1) % BATCH == 0 or seq + 1 == total):
                progress(seq + 1, total)
        self._write(pending)
        gone = [entry.row_id for key, entry in known.items() if key not in seen]
        if gone and not cancelled():
            with self._lock, self._db:
                self._ids = None
                self._db.executemany("DELETE FROM docs WHERE rowid = ?", [(i,) for i in gone])
                self._db.executemany("DELETE FROM files WHERE id = ?", [(i,) for i in gone])
        library = assemble(results, folder_problems)
        return SyncReport(library, parsed, len(gone), unchanged)

    def _write(
        self, pending: list[tuple[str, str, int, os.stat_result | None, ParseResult]]
    ) -> None:
        if not pending:
            return
        with self._lock, self._db:
            self._ids = None
            for folder, path, seq, stat, result in pending:
                size, mtime_ns = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
                values = article_values(result.article)
                folder_key, path_key = os.fsencode(folder), os.fsencode(path)
                row = self._db.execute(
                    "SELECT id, size, mtime_ns FROM files WHERE folder = ? AND path = ?",
                    (folder_key, path_key),
                ).fetchone()
                if row is not None and (row[1], row[2]) == (size, mtime_ns):
                    self._db.execute("UPDATE files SET seq = ? WHERE id = ?", (seq, row[0]))
                    continue
                if row is not None:
                    self._db.execute("DELETE FROM docs WHERE rowid = ?", (row[0],))
                    self._db.execute("DELETE FROM files WHERE id = ?", (row[0],))
                article = result.article
                self._db.execute(
                    f"INSERT INTO files (folder, path, seq, size, mtime_ns, indexed, sort_key, "
                    f"problems, {ARTICLE_COLUMNS}) VALUES ({','.join('?' * 22)})",
                    (
                        folder_key,
                        path_key,
                        seq,
                        size,
                        mtime_ns,
                        0 if article is not None else 1,
                        sort_key(article) if article is not None else _AFTER_EVERY_ARTICLE,
                        problems_json(result.problems),
                        *values,
                    ),
                )

    # -- the index -----------------------------------------------------------

    def index(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> int:
        """Index the bodies not indexed yet; returns how many were."""
        from reader.library.parse import BodyError, read_body

        with self._lock:
            rows = self._db.execute(
                "SELECT id, path, article_id, title, summary, tags, outlet, sources, extra "
                "FROM files WHERE indexed = 0"
            ).fetchall()
        total = len(rows)
        for start in range(0, total, BATCH):
            if cancelled():
                return start
            batch = []
            for row_id, path, article_id, title, summary, tags, outlet, sources, notes in rows[
                start : start + BATCH
            ]:
                try:
                    body = read_body(Path(os.fsdecode(path)))
                except BodyError:
                    body = ""
                names = " ".join(
                    part
                    for source in json.loads(sources or "[]")
                    for part in (source.get("publisher"), source.get("title"))
                    if part
                )
                tag_text = " ".join((tags or "").split(TAG_SEPARATOR))
                titles = " ".join([title, *aliases_of(notes)])  # an alias is another title
                batch.append(
                    (row_id, article_id, titles, summary or "", tag_text, outlet or "", names, body)
                )
            with self._lock, self._db:
                for entry in batch:
                    self._db.execute("DELETE FROM docs WHERE rowid = ?", (entry[0],))
                self._db.executemany(
                    "INSERT INTO docs (rowid, article_id, title, summary, tags, outlet, sources, "
                    "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    batch,
                )
                self._db.executemany(
                    "UPDATE files SET indexed = 1 WHERE id = ?", [(entry[0],) for entry in batch]
                )
            if progress is not None:
                progress(min(start + BATCH, total), total)
        return total

    @property
    def unindexed(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files WHERE indexed = 0").fetchone()[0]

    def warm_up(self) -> None:
        """Prepare for the first search (id map, query code, index pages) off the UI thread."""
        from reader.index.search import parse_query, search_pattern

        search_pattern(parse_query("warm"))
        with self._lock:
            self._article_ids()
        self.search("warm")

    def _article_ids(self) -> dict[int, str]:
        """Row id to article id for every indexed row (cached until the next write)."""
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
            return search(self._db, query, self._article_ids(), limit)

    def snippets(self, query: Query, article_ids: Sequence[str]) -> dict[str, str]:
        """Snippets for these articles (those the search gave none)."""
        from reader.index.search import make_snippets

        with self._lock:
            wanted = set(article_ids)
            rows = {row: aid for row, aid in self._article_ids().items() if aid in wanted}
            marked = make_snippets(self._db, query, list(rows))
        return {rows[row]: snippet for row, snippet in marked.items()}
