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

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.library import Article, Library, Problem, Source
from reader.library.article import ParseResult
from reader.library.loader import assemble, duplicate_problem, scan, sort_key
from reader.settings.i18n import Msg

if TYPE_CHECKING:
    from reader.index.search import Query, Results

CATALOGUE_NAME = "catalogue.sqlite3"
CATALOGUE_VERSION = 4
"""Bump when Article's fields, the parser or the stored problems change: old catalogues
are rebuilt."""
BATCH = 250

Progress = Callable[[int, int], None]

_ARTICLE_COLUMNS = (
    "article_id, title, summary, author, outlet, published, date_precision, language, kind, "
    "tags, translation_of, sources, word_count"
)
_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    folder TEXT NOT NULL,
    path TEXT NOT NULL,
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
    UNIQUE (folder, path)
);
CREATE INDEX files_order ON files (sort_key);
CREATE VIRTUAL TABLE docs USING fts5(
    article_id UNINDEXED, title, summary, tags, outlet, sources, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
"""The docs table's column order matches reader.index.search.WEIGHTS."""
_TAG_SEPARATOR = "\x1f"
_AFTER_EVERY_ARTICLE = "~"
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
        connection, path = _connect(cache_dir / CATALOGUE_NAME, fresh=False)
        return cls(connection, path)

    def _rebuild(self) -> None:
        """The file is damaged: start again from nothing (it is only a cache)."""
        with self._lock:
            self._ids = None
            self._db.close()
            if self.path is not None:
                self._db, self.path = _connect(self.path, fresh=True)
            else:
                self._db = _memory()

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
                    f"SELECT folder, path, seq, problems, {_ARTICLE_COLUMNS} FROM files "
                    f"WHERE folder IN ({marks}) ORDER BY sort_key LIMIT ?",
                    (*names, -1 if limit is None else limit),
                ).fetchall()
        except sqlite3.DatabaseError:
            self._rebuild()
            return Library()
        order = {name: number for number, name in enumerate(names)}
        folder_paths = {name: Path(name) for name in names}
        # Duplicate ids: the first folder's file wins, as when parsing (not the first listed).
        winners: dict[str, tuple[int, int]] = {}
        for folder, _path, seq, _problems_text, article_id, *_rest in rows:
            if article_id is not None:
                rank = (order[folder], seq)
                winners[article_id] = min(winners.get(article_id, rank), rank)
        results: list[ParseResult] = []
        losers: list[Article] = []
        kept: dict[str, Article] = {}
        for folder, path, seq, problems, *values in rows:
            file_path = Path(path)
            article = _article(values, file_path, folder_paths[folder])
            found = _problems(problems, file_path)
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
                f"SELECT id, folder, path, seq, size, mtime_ns, problems, {_ARTICLE_COLUMNS} "
                f"FROM files WHERE folder IN ({marks})",
                names,
            ).fetchall()
        entries = {}
        for row_id, folder, path, seq, size, mtime_ns, problems, *article in rows:
            result = ParseResult(
                _article(article, Path(path), Path(folder)), _problems(problems, Path(path))
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
        from reader.library.frontmatter import parse_file  # yaml: only when a file changed

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
                values = _article_values(result.article)
                row = self._db.execute(
                    "SELECT id, size, mtime_ns FROM files WHERE folder = ? AND path = ?",
                    (folder, path),
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
                    f"problems, {_ARTICLE_COLUMNS}) VALUES ({','.join('?' * 21)})",
                    (
                        folder,
                        path,
                        seq,
                        size,
                        mtime_ns,
                        0 if article is not None else 1,
                        sort_key(article) if article is not None else _AFTER_EVERY_ARTICLE,
                        _problems_json(result.problems),
                        *values,
                    ),
                )

    # -- the index -----------------------------------------------------------

    def index(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> int:
        """Index the bodies not indexed yet; returns how many were."""
        from reader.library.frontmatter import BodyError, read_body

        with self._lock:
            rows = self._db.execute(
                "SELECT id, path, article_id, title, summary, tags, outlet, sources FROM files "
                "WHERE indexed = 0"
            ).fetchall()
        total = len(rows)
        for start in range(0, total, BATCH):
            if cancelled():
                return start
            batch = []
            for row_id, path, article_id, title, summary, tags, outlet, sources in rows[
                start : start + BATCH
            ]:
                try:
                    body = read_body(Path(path))
                except BodyError:
                    body = ""
                names = " ".join(
                    part
                    for source in json.loads(sources or "[]")
                    for part in (source.get("publisher"), source.get("title"))
                    if part
                )
                tag_text = " ".join((tags or "").split(_TAG_SEPARATOR))
                batch.append(
                    (row_id, article_id, title, summary or "", tag_text, outlet or "", names, body)
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


# ---------------------------------------------------------------------------
# rows <-> objects


def _article_values(article: Article | None) -> tuple[Any, ...]:
    if article is None:
        return (None,) * 13
    sources = [asdict(source) for source in article.sources]
    return (
        article.id,
        article.title,
        article.summary,
        article.author,
        article.outlet,
        article.published.isoformat() if article.published else None,
        article.date_precision,
        article.language,
        article.kind,
        _TAG_SEPARATOR.join(article.tags),
        article.translation_of,
        json.dumps(sources, ensure_ascii=False) if sources else None,
        article.word_count,
    )


def _article(values: list[Any], path: Path, folder: Path) -> Article | None:
    (article_id, title, summary, author, outlet, published, precision, language, kind, tags,
     translation_of, sources, word_count) = values  # fmt: skip
    if article_id is None:
        return None
    return Article(
        id=article_id,
        path=path,
        title=title,
        summary=summary,
        author=author,
        outlet=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        date_precision=precision or "day",
        language=language,
        kind=kind,
        tags=tuple(tags.split(_TAG_SEPARATOR)) if tags else (),
        translation_of=translation_of,
        sources=tuple(Source(**source) for source in json.loads(sources)) if sources else (),
        word_count=word_count or 0,
        folder=folder,
    )


def _problems_json(problems: Sequence[Problem]) -> str | None:
    if not problems:
        return None
    rows = [[p.line, p.severity, p.reason.to_json()] for p in problems]
    return json.dumps(rows, ensure_ascii=False)


def _problems(text: str | None, path: Path) -> tuple[Problem, ...]:
    """Problems as cached: unworded, so they read in the language of this run."""
    if not text:
        return ()
    return tuple(
        Problem(path, line, severity, Msg.from_json(reason))
        for line, severity, reason in json.loads(text)
    )


def _open_file(path: Path) -> sqlite3.Connection:
    # No integrity check here: on a large catalogue it would cost start-up time.
    # Damage shows up as DatabaseError on use, and the catalogue is rebuilt then.
    connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    if version != CATALOGUE_VERSION:
        connection.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS docs;")
        _create(connection)
    return connection


def _connect(path: Path, fresh: bool) -> tuple[sqlite3.Connection, Path | None]:
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
        return _memory(), None


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _create(connection)
    return connection


def _create(connection: sqlite3.Connection) -> None:
    connection.executescript(_SCHEMA)
    connection.execute(f"PRAGMA user_version = {CATALOGUE_VERSION}")
    connection.commit()
