"""Searching the catalogue: the app's search as you type, the command line's best matches.

A mixin of `Catalogue` (its connection, its lock, its map of row ids), kept
apart so that each module keeps to one job.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.index.catalogue_db import file_path, folder_names, place_names, place_numbers
from reader.index.catalogue_rows import indexed_text, packed_title

if TYPE_CHECKING:
    from reader.index.search import Hit, Query, Results


class CatalogueSearch:
    """Search over the catalogue's index; the text for snippets is read from the files."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _ids: dict[int, str] | None

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
