"""Full-text search: an SQLite FTS5 index in the user's cache folder, and query parsing.

The index is a cache: it can always be rebuilt from the library, so a missing
or damaged file is simply made again. It is kept up to date incrementally:
a file is re-read only when its size or modification time changed, and a
file that left the library leaves the index.

Queries are typed by people, not by SQL experts: words (all must match), a
"quoted phrase", a trailing * for a prefix. Everything else (FTS5 operators,
brackets, stray quotes) is taken as plain text, so no query can be an error.
Matching ignores case and accents on both sides (`securite` finds `sécurité`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library.article import Article
from reader.library.frontmatter import BodyError, read_body

INDEX_NAME = "search.sqlite3"
INDEX_VERSION = 1
MARK_START, MARK_END = "\ue000", "\ue001"
"""Private-use characters around matched words in snippets (styled by the list)."""
MIN_PREFIX = 2
"""Letters a word being typed needs before it is searched as a prefix."""
SNIPPETS = 20
"""Hits that get a snippet with the results; `SearchIndex.snippets` makes more on demand."""
SNIPPET_WIDTH = 90
WEIGHTS = (0.0, 10.0, 4.0, 4.0, 3.0, 2.0, 1.0)
"""bm25 weights of id, title, summary, tags, outlet, sources, body: title hits rank first."""

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


# ---------------------------------------------------------------------------
# queries


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search: every term must match."""

    terms: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def match_expression(self) -> str:
        """The FTS5 MATCH string: each term quoted, so no user text acts as syntax."""
        parts = []
        for term in self.terms:
            quoted = '"' + term.text.replace('"', '""') + '"'
            parts.append(quoted + ("*" if term.prefix else ""))
        return " ".join(parts)


def parse_query(text: str, as_you_type: bool = False) -> Query:
    """Words, "phrases" and prefix* from what the user typed; nothing else is syntax.

    `as_you_type`: the last word, still being typed, is taken as a prefix (so
    the list narrows with every key); a space after it makes it a whole word.
    """
    terms: list[Term] = []
    for found in _TOKEN.finditer(text):
        phrase, word = found.group(1), found.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                terms.append(Term(" ".join(phrase.split()), phrase=True))
            continue
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _WORD.search(word):
            terms.append(Term(word, prefix=prefix))
    if as_you_type and terms and not terms[-1].phrase and text[-1:] not in ("", " ", '"'):
        if len(terms[-1].text) < MIN_PREFIX:
            terms.pop()  # one letter matches nearly everything: wait for the next key
        else:
            terms[-1] = Term(terms[-1].text, prefix=True)
    return Query(tuple(terms))


def _variants() -> dict[str, str]:
    """Each ASCII letter with every accented Latin letter that folds to it."""
    table: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha():
            table.setdefault(base.lower(), {base.lower()}).update({char, char.lower()})
    return {base: "".join(sorted(chars)) for base, chars in table.items()}


_VARIANTS = _variants()


def _accent_free(word: str) -> str:
    """A regex for a word that ignores accents: `e` also matches é, è, ê, ë..."""
    parts = []
    for char in word:
        base = unicodedata.normalize("NFD", char)[0].lower()
        variants = _VARIANTS.get(base)
        parts.append(f"[{re.escape(variants)}]" if variants else re.escape(char))
    return "".join(parts)


def search_pattern(query: Query) -> re.Pattern[str] | None:
    """A regex that finds what the query matched in plain text, ignoring case and accents.

    Used for snippets and for highlighting in the reading pane; it follows the
    index's tokenizer (words are runs of letters and digits).
    """
    if query.is_empty:
        return None
    alternatives = []
    for term in query.terms:
        words = [_accent_free(word) for word in re.findall(r"\w+", term.text)]
        if not words:
            continue
        tail = r"\w*" if term.prefix else r"\b"
        alternatives.append(r"\b" + r"\W+".join(words) + tail)
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def make_snippet(text: str, pattern: re.Pattern[str], width: int = SNIPPET_WIDTH) -> str:
    """The text around the first match, matched words between MARK_START and MARK_END."""
    first = pattern.search(text)
    if first is None:
        return ""
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    window = text[start:end]
    marked = pattern.sub(lambda m: f"{MARK_START}{m.group()}{MARK_END}", window)
    marked = " ".join(marked.split())
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")


# ---------------------------------------------------------------------------
# the index


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    score: float
    snippet: str
    """Text around the best match, matched words between MARK_START and MARK_END."""


def snippet_parts(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A marked snippet as (text, matched) parts, for whoever styles it."""
    pieces = snippet.replace(MARK_END, MARK_START).split(MARK_START)
    return tuple((piece, bool(number % 2)) for number, piece in enumerate(pieces) if piece)


@dataclass(frozen=True, slots=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0


_SCHEMA = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
);
CREATE VIRTUAL TABLE docs USING fts5(
    article_id UNINDEXED, title, summary, tags, outlet, sources, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


class SearchIndex:
    """The FTS5 index. Thread-safe: one connection behind a lock."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path

    @classmethod
    def open(cls, cache_dir: Path) -> SearchIndex:
        """Open or build the index.

        A damaged file is deleted and rebuilt; an unwritable folder gives an
        index in memory (built again at every launch, but search still works).
        """
        path = cache_dir / INDEX_NAME
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            try:
                return cls(_open_file(path), path)
            except sqlite3.DatabaseError:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                return cls(_open_file(path), path)
        except (OSError, sqlite3.Error):
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            _create(connection)
            return cls(connection, None)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files").fetchone()[0]

    def sync(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """Bring the index in line with the library, re-reading only changed files."""
        with self._lock:
            known = {
                row[0]: row[1:]
                for row in self._db.execute(
                    "SELECT path, id, article_id, size, mtime_ns FROM files"
                )
            }
        wanted = {str(article.path): article for article in articles}
        added = updated = unchanged = 0
        total = len(wanted)
        batch: list[tuple[Article, os.stat_result]] = []
        for done, (path, article) in enumerate(wanted.items(), start=1):
            if cancelled():
                break
            try:
                stat = os.stat(path)
            except OSError:
                continue
            row = known.get(path)
            if row is not None and (row[1], row[2], row[3]) == (
                article.id,
                stat.st_size,
                stat.st_mtime_ns,
            ):
                unchanged += 1
            else:
                batch.append((article, stat))
                added += row is None
                updated += row is not None
            if len(batch) >= 200 or done == total:
                self._write(batch)
                batch = []
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)
        self._write(batch)
        gone = [known[path][0] for path in known if path not in wanted]
        if gone and not cancelled():
            with self._lock, self._db:
                self._db.executemany("DELETE FROM docs WHERE rowid = ?", [(i,) for i in gone])
                self._db.executemany("DELETE FROM files WHERE id = ?", [(i,) for i in gone])
        return SyncReport(added, updated, len(gone), unchanged)

    def _write(self, batch: list[tuple[Article, os.stat_result]]) -> None:
        if not batch:
            return
        rows = []
        for article, stat in batch:
            try:
                body = read_body(article.path)
            except BodyError:
                body = ""
            rows.append((article, stat, body))
        with self._lock, self._db:
            for article, stat, body in rows:
                self._db.execute(
                    "INSERT INTO files (path, article_id, size, mtime_ns) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, "
                    "size = excluded.size, mtime_ns = excluded.mtime_ns",
                    (str(article.path), article.id, stat.st_size, stat.st_mtime_ns),
                )
                row_id = self._db.execute(
                    "SELECT id FROM files WHERE path = ?", (str(article.path),)
                ).fetchone()[0]
                self._db.execute("DELETE FROM docs WHERE rowid = ?", (row_id,))
                sources = " ".join(
                    part for s in article.sources for part in (s.publisher, s.title) if part
                )
                self._db.execute(
                    "INSERT INTO docs (rowid, article_id, title, summary, tags, outlet, sources, "
                    "body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        row_id,
                        article.id,
                        article.title,
                        article.summary or "",
                        " ".join(article.tags),
                        article.outlet or "",
                        sources,
                        body,
                    ),
                )

    def search(
        self, query: Query | str, limit: int | None = None, snippets: int = SNIPPETS
    ) -> list[Hit]:
        """Articles matching every term, best first. An empty query matches nothing.

        Every match is returned (or `limit`), and the best `snippets` of them
        come with a snippet; `snippets()` makes the others when they are needed.
        """
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.is_empty:
            return []
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        ranked = (
            f"SELECT article_id, bm25(docs, {weights}) AS rank FROM docs "
            "WHERE docs MATCH ? ORDER BY rank LIMIT ?"
        )
        with self._lock:
            try:
                rows = self._db.execute(
                    ranked, (parsed.match_expression(), -1 if limit is None else limit)
                ).fetchall()
            except sqlite3.OperationalError:
                return []  # should not happen with quoted terms; never an error for a person
        marked = self.snippets(parsed, [article_id for article_id, _rank in rows[:snippets]])
        return [Hit(article_id, -rank, marked.get(article_id, "")) for article_id, rank in rows]

    def snippets(self, query: Query, article_ids: Sequence[str]) -> dict[str, str]:
        """Snippets for these articles: the text around the first match.

        Made in Python from the stored text (a regex that ignores accents), not
        by FTS5's snippet(), which would evaluate the whole query again.
        """
        pattern = search_pattern(query)
        if pattern is None or not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        with self._lock:
            rows = self._db.execute(
                "SELECT article_id, body, summary, sources, tags, outlet, title FROM docs "
                f"WHERE article_id IN ({marks})",
                tuple(article_ids),
            ).fetchall()
        result = {}
        for article_id, *columns in rows:
            for text in columns:
                snippet = make_snippet(text or "", pattern)
                if snippet:
                    result[article_id] = snippet
                    break
        return result


def _open_file(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5, check_same_thread=False)
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise sqlite3.DatabaseError("damaged")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    if version != INDEX_VERSION:
        connection.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS docs;")
        _create(connection)
    return connection


def _create(connection: sqlite3.Connection) -> None:
    connection.executescript(_SCHEMA)
    connection.execute(f"PRAGMA user_version = {INDEX_VERSION}")
    connection.commit()
