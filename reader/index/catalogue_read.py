"""Reading the catalogue's rows in list order: the cached library, and `list --json`'s records.

Rows are read in the table's own order and each is put in its place in the
list, taken from the sort index alone (which holds the ids): reading 100,000
rows through the sort index jumped about the file and took twice as long.
Each row is made into what the caller wants as it comes (`make`), never all
held at once: 100,000 rows of packed articles were 100 MB held only to be
thrown away. An id that more than one file has is kept by the file a fresh
walk would keep; the others are `losers`. Such ids are found in the same
pass (a query for them took a tenth of the read at 100,000 rows).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from reader.index.catalogue_db import OUTSIDE, file_path, folder_names, place_numbers
from reader.index.catalogue_rows import problems_from_json
from reader.library.article import Problem
from reader.library.loader import walk_order

Item = TypeVar("Item")


@dataclass
class InOrder(Generic[Item]):
    """What `read_in_order` found."""

    items: list[Item] = field(default_factory=list)
    """One for each article, in list order."""
    problems: list[Problem] = field(default_factory=list)
    """The files' own problems, in list order."""
    losers: list[Item] = field(default_factory=list)
    """Files whose id another file has, and keeps."""


def read_in_order(
    db: sqlite3.Connection,
    folders: Sequence[Path],
    make: Callable[[str, bytes, str, Path, Any], Item],
    extra: str = "NULL",
    limit: int | None = None,
) -> InOrder[Item]:
    """`make(article id, packed, file, folder, extra column)` of each article of these
    folders, in list order (`catalogue_rows.stored` is one: it makes articles);
    `limit`: only the first rows (a first screen, read through the sort index).

    One extra column, always (NULL when none is wanted): rows of a fixed length
    are unpacked without a list made for the rest of each (a tenth of the read)."""
    found: InOrder[Item] = InOrder()
    given = folder_names(folders)
    numbers = place_numbers(db, given)
    names = {numbers[name]: name for name in given if name in numbers}  # in the folders' order
    if not names:
        return found
    folder_paths = {number: Path(os.fsdecode(name)) for number, name in names.items()}
    prefixes = {number: os.fsdecode(name) + os.sep for number, name in names.items()}
    marks = ",".join("?" * len(names))
    # `+folder`: never through the (folder, path) index.
    select = f"SELECT id, folder, path, problems, article_id, packed, {extra} FROM files "
    rows: Iterable[tuple[Any, ...]]
    if limit is None:
        places = _places(db)
        rows = db.execute(f"{select} WHERE +folder IN ({marks})", list(names))
    else:
        rows = db.execute(f"{select} WHERE +folder IN ({marks}) ORDER BY sort_key LIMIT ?",
                          (*names, limit)).fetchall()  # fmt: skip
        places = {row[0]: place for place, row in enumerate(rows)}
    slots: list[Item | None] = [None] * len(places)
    troubled: dict[int, tuple[Problem, ...]] = {}
    seen: dict[str, int] = {}  # article id -> row id
    twice: dict[str, list[int]] = {}  # an id more than one file has -> their row ids
    encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
    for row_id, folder, path, problem_text, article_id, packed, more in rows:
        place = places.get(row_id)
        if place is None:  # written by another instance between the two reads
            continue
        if path[:1] == OUTSIDE:  # see `stored_path`
            file_text = path[1:].decode(encoding, errors)  # os.fsdecode, without its checks
        else:
            file_text = prefixes[folder] + path.decode(encoding, errors)
        if problem_text:
            troubled[place] = problems_from_json(problem_text, Path(file_text))
        if packed is None:
            continue
        slots[place] = make(article_id, packed, file_text, folder_paths[folder], more)
        first = seen.setdefault(article_id, row_id)
        if first != row_id:
            twice.setdefault(article_id, [first]).append(row_id)
    if limit is not None:  # the others that have these ids are not among the rows read
        twice = _sharing_ids(db, list(names), list(seen))
    for row_id in _losers(db, names, twice):
        place = places.get(row_id)
        if place is not None and slots[place] is not None:
            found.losers.append(slots[place])  # type: ignore[arg-type]
            slots[place] = None
    found.items = [item for item in slots if item is not None]
    found.problems = [problem for place in sorted(troubled) for problem in troubled[place]]
    return found


def _places(db: sqlite3.Connection) -> dict[int, int]:
    """Each row's place in the list, read from the sort index alone."""
    order = db.execute("SELECT id FROM files ORDER BY sort_key")
    return {row_id: place for place, (row_id,) in enumerate(order)}


def _sharing_ids(
    db: sqlite3.Connection, names: Sequence[int], among: Sequence[str]
) -> dict[str, list[int]]:
    """The rows of each id (of `among`) that more than one file of these folders (by
    number) has."""
    marks = ",".join("?" * len(names))
    rows = db.execute(
        f"SELECT article_id, id FROM files WHERE article_id IN ("
        f"SELECT article_id FROM files WHERE +folder IN ({marks}) "
        f"AND article_id IN ({','.join('?' * len(among))}) "
        f"GROUP BY article_id HAVING count(*) > 1) AND +folder IN ({marks})",
        (*names, *among, *names),
    ).fetchall()
    sharing: dict[str, list[int]] = {}
    for article_id, row_id in rows:
        sharing.setdefault(article_id, []).append(row_id)
    return sharing


def _losers(
    db: sqlite3.Connection, names: dict[int, bytes], sharing: dict[str, list[int]]
) -> list[int]:
    """Of the rows that share an id, those a fresh walk would not keep: it keeps the
    first content folder's (`names`: by number, in the folders' order), then the file
    met first in it. Duplicates are rare, and only theirs are ranked."""
    if not sharing:
        return []
    row_ids = [row_id for rows in sharing.values() for row_id in rows]
    marks = ",".join("?" * len(row_ids))
    where = {
        row_id: (folder, path)
        for row_id, folder, path in db.execute(
            f"SELECT id, folder, path FROM files WHERE id IN ({marks})", row_ids
        )
    }
    order = {number: rank for rank, number in enumerate(names)}

    def rank(row_id: int) -> tuple[int, tuple[str, ...]]:
        folder, path = where[row_id]
        name = names[folder]
        return (order[folder], walk_order(os.fsdecode(file_path(name, path)), os.fsdecode(name)))

    losers: list[int] = []
    for rows in sharing.values():
        present = [row_id for row_id in rows if row_id in where]  # another instance may delete
        if present:
            kept = min(present, key=rank)
            losers += [row_id for row_id in present if row_id != kept]
    return losers
