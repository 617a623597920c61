"""Moving feed items into their feed's home (the layout before homes filed them by title).

Items used to be filed under `library/feeds/<feed title>/`: a feed that renamed
itself had its items filed again in a new folder. Each feed now has a home
made from its address (`Feed.home`). An item's file says which feed it came
from (its `feed` field), so every item found outside its feed's home is moved
there; one already there (filed twice under two titles) is the same item, and
the extra copy goes. Files of feeds no longer followed are left where they are.

The caller carries the reading state over first (`Move.old_id` -> `new_id`,
see `Store.rename_articles`) and moves the files after, so an interruption
between the two loses nothing: the next run finds the same files to move, and
their state already under the new ids.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from reader.library.parse import default_id
from reader.web.feed_list import FEEDS_FOLDER, Feed
from reader.web.saved import saved_field


@dataclass(frozen=True)
class Move:
    """One item's file to move, and the article ids it has before and after."""

    old: Path
    new: Path
    old_id: str
    new_id: str


def settle(library: Path, feeds: Iterable[Feed], rename: Callable[[dict[str, str]], None]) -> int:
    """Move every item home, `rename` (the store's) carrying its reading state over
    first; how many items moved."""
    moves = planned_moves(library, feeds)
    if moves:
        rename({move.old_id: move.new_id for move in moves})
        apply_moves(moves)
    return len(moves)


def planned_moves(library: Path, feeds: Iterable[Feed]) -> list[Move]:
    """Every item of a followed feed that is not in its feed's home, oldest layout first."""
    root = library / FEEDS_FOLDER
    by_url = {feed.url: feed for feed in feeds}
    homes = {feed.home for feed in by_url.values()}
    if not root.is_dir():
        return []
    moves = []
    for folder in sorted(root.iterdir()):
        if folder.name in homes or folder.is_symlink() or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            feed = by_url.get(saved_field(path, "feed") or "")
            if feed is None or path.is_symlink():
                continue
            new = root / feed.home / path.name
            moves.append(Move(path, new, default_id(path, library), default_id(new, library)))
    return moves


def apply_moves(moves: Sequence[Move]) -> None:
    """Move each file to its home; a file whose home has it already goes. Emptied
    title folders go too."""
    emptied = set()
    for move in moves:
        move.new.parent.mkdir(parents=True, exist_ok=True)
        if move.new.exists():
            move.old.unlink(missing_ok=True)
        else:
            os.replace(move.old, move.new)
        emptied.add(move.old.parent)
    for folder in emptied:
        with suppress(OSError):  # something else lives there: kept
            folder.rmdir()
