"""The values reading state is made of: plain frozen data, safe to share between threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reader.settings.errors import ReaderError


def now() -> str:
    """The current time as ISO 8601 UTC, to the second: sortable and readable."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Position:
    """Where reading stopped: a body line where a section starts, and a fraction of that section.

    Width-independent, so a position saved in a wide terminal restores in a narrow one.
    """

    line: int
    fraction: float
    progress: float = 0.0
    """How far through the article, 0.0 to 1.0 (for showing a percentage)."""


@dataclass(frozen=True)
class Bookmark:
    article_id: str
    created: str
    note: str = ""
    title: str = ""
    """The title when bookmarked, so a bookmark stays readable if its article goes away."""


@dataclass(frozen=True, slots=True)
class ArticleState:
    read: bool = False
    position: Position | None = None
    bookmark: Bookmark | None = None

    @property
    def bookmarked(self) -> bool:
        return self.bookmark is not None


@dataclass(frozen=True)
class ImportResult:
    read: int = 0
    positions: int = 0
    bookmarks: int = 0
    notes: int = 0

    @property
    def changed(self) -> int:
        return self.read + self.positions + self.bookmarks + self.notes


class StoreError(ReaderError):
    """A change could not be saved; the message says why, for a person."""
