"""Reading the catalogue's rows in list order: the cached library, and `list --json`'s records.

Rows are read in the table's own order and each is put in its place in the
list, taken from the sort index alone (which holds the ids): reading 100,000
rows through the sort index jumped about the file and took twice as long.
Each row is made into what the caller wants as it comes (`make`), never all
held at once: 100,000 rows of packed articles were 100 MB held only to be
thrown away. An id that more than one file has is kept by the file a fresh
walk would keep; the others are `losers`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from reader.index.catalogue_db import folder_names
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
    make: Callable[..., Item],
    columns: str = "packed",
    limit: int | None = None,
) -> InOrder[Item]:
    """`make(packed, file, folder, *other columns)` of each article of these folders, in
    list order (`catalogue_rows.unpack` is one: it makes articles); `limit`: only the
    first rows (a first screen, read through the sort index)."""
    names = folder_names(folders)
    found: InOrder[Item] = InOrder()
    if not names:
        return found
    folder_paths = {name: Path(os.fsdecode(name)) for name in names}
    marks = ",".join("?" * len(names))
    # `+folder`: never through the (folder, path) index.
    select = f"SELECT id, folder, path, problems, article_id, {columns} FROM files "
    rows: Iterable[tuple[Any, ...]]
    if limit is None:
        places = _places(db)
        rows = db.execute(f"{select} WHERE +folder IN ({marks})", names)
        winners = duplicate_winners(db, names)
    else:
        rows = db.execute(f"{select} WHERE +folder IN ({marks}) ORDER BY sort_key LIMIT ?",
                          (*names, limit)).fetchall()  # fmt: skip
        places = {row[0]: place for place, row in enumerate(rows)}
        winners = duplicate_winners(db, names, [row[4] for row in rows])
    slots: list[Item | None] = [None] * len(places)
    troubled: dict[int, tuple[Problem, ...]] = {}
    encoding, errors = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()
    for row_id, folder, path, problem_text, article_id, packed, *rest in rows:
        place = places.get(row_id)
        if place is None:  # written by another instance between the two reads
            continue
        file_text = path.decode(encoding, errors)  # os.fsdecode, without its checks
        if problem_text:
            troubled[place] = problems_from_json(problem_text, Path(file_text))
        if packed is None:
            continue
        item = make(packed, file_text, folder_paths[folder], *rest)
        if article_id in winners and winners[article_id] != (folder, path):
            found.losers.append(item)
        else:
            slots[place] = item
    found.items = [item for item in slots if item is not None]
    found.problems = [problem for place in sorted(troubled) for problem in troubled[place]]
    return found


def _places(db: sqlite3.Connection) -> dict[int, int]:
    """Each row's place in the list, read from the sort index alone."""
    order = db.execute("SELECT id FROM files ORDER BY sort_key")
    return {row_id: place for place, (row_id,) in enumerate(order)}


def duplicate_winners(
    db: sqlite3.Connection, names: Sequence[bytes], among: Sequence[str] | None = None
) -> dict[str, tuple[bytes, bytes]]:
    """For each id more than one file has (of `among`, or of all): the (folder, path)
    a fresh walk would keep.

    The first content folder wins, then the file met first in it. Duplicates
    are rare: they are found by the id index, and only theirs are ranked.
    """
    marks = ",".join("?" * len(names))
    which = "" if among is None else f"AND article_id IN ({','.join('?' * len(among))}) "
    rows = db.execute(
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
