"""Domain objects of the library: articles, the sources they cite, and problems.

None is ever changed once made: they are shared between threads (the loader
runs in a worker) and widgets, and nobody may change an article behind
another's back. All are frozen but `Article` (see why there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, overload

from reader.settings.i18n import Msg, t
from reader.settings.untrusted import display_path

Severity = Literal["error", "warning"]
DatePrecision = Literal["day", "month", "year"]
SourceKind = Literal["primary", "secondary", "quoted"]

SOURCE_KINDS: tuple[SourceKind, ...] = ("primary", "secondary", "quoted")
WORDS_PER_MINUTE = 230


@dataclass(frozen=True)
class Problem:
    """Something wrong with a content file, said so that a person can fix it.

    An error means the file was not loaded; a warning that it loaded with
    something assumed or ignored.
    """

    path: Path
    line: int | None
    severity: Severity
    reason: Msg
    """Kept unworded: the catalogue caches problems across runs, whatever their language."""

    @property
    def message(self) -> str:
        """The reason, in the interface's language."""
        return str(self.reason)

    def format(self) -> str:
        """`path:line: severity: message`, the shape compilers and editors understand."""
        path = display_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {t(f'severity.{self.severity}')}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """One work an article cites. Dates are kept as the material gives them."""

    publisher: str | None
    title: str | None
    date: str | None = None
    url: str | None = None
    kind: SourceKind = "secondary"
    note: str | None = None


class SourceList(Sequence[Source]):
    """An article's sources as the catalogue keeps them (JSON), read when first used.

    A library of 100,000 articles loads from the catalogue in a second and
    fits in memory because each article's sources stay text until the
    article is opened: as objects they were a quarter of the memory and of
    the loading time. Equal to the tuple of the same sources.
    """

    __slots__ = ("_json", "_sources")

    def __init__(self, text: str) -> None:
        self._json = text
        self._sources: tuple[Source, ...] | None = None

    def _all(self) -> tuple[Source, ...]:
        if self._sources is None:
            import json

            self._sources = tuple(Source(**source) for source in json.loads(self._json))
        return self._sources

    @overload
    def __getitem__(self, index: int) -> Source: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Source]: ...
    def __getitem__(self, index: int | slice) -> Source | Sequence[Source]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self._all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

    def records(self) -> list[dict[str, str | None]]:
        """The sources as plain dicts, straight from the JSON (no objects made)."""
        import json

        records: list[dict[str, str | None]] = json.loads(self._json)
        return records


def source_records(sources: Sequence[Source]) -> list[dict[str, str | None]]:
    """Sources as plain dicts (for JSON): the catalogue's as they are kept, others field by
    field (dataclasses.asdict deep-copies every value, and took seconds at 100,000)."""
    if isinstance(sources, SourceList):
        return sources.records()
    return [
        {
            "publisher": source.publisher,
            "title": source.title,
            "date": source.date,
            "url": source.url,
            "kind": source.kind,
            "note": source.note,
        }
        for source in sources
    ]


@dataclass(slots=True, unsafe_hash=True)
class Article:
    """An article's metadata. The body is read on demand, never kept here.

    Keeping bodies out lets a library of thousands of articles sit in memory
    cheaply; `reader.library.parse.read_body` fetches one when it is opened.
    The file is kept as text (`file`; `path` makes the Path when asked) for
    the same reason. Never changed, but not declared frozen, for the speed of
    a warm start (docs/design.md); equal and hashed as a frozen one would be.
    Those read from the catalogue are `reader.index.catalogue_rows.StoredArticle`s,
    unpacked when first used.
    """

    id: str
    file: str
    """The article's file, as text (`path` is the same as a Path)."""
    title: str
    summary: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    """When it was published; with `date_precision` below day, the rest is padding (the 1st)."""
    date_precision: DatePrecision = "day"
    """Material often gives only "January 2026": such a date is kept at that precision."""
    language: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    translation_of: str | None = None
    sources: Sequence[Source] = ()
    word_count: int = 0
    folder: Path = field(default=Path("."), compare=False)
    """The content folder the article was found in (its id is relative to it)."""
    aliases: tuple[str, ...] = ()
    """Other names the article answers to (Obsidian's `aliases`): for links and search."""
    links: tuple[str, ...] = ()
    """The notes the body links to, by name as written (resolved by `NoteNames`)."""
    updated: dt.date | None = None
    """When the note was last changed, if it says (`updated`, `modified`, `lastmod`)."""
    url: str | None = None
    """Where the article lives on the web (a saved page's canonical address)."""

    @property
    def path(self) -> Path:
        """The article's file."""
        return Path(self.file)

    @property
    def published_iso(self) -> str | None:
        """`2026-01-19`, `2026-01` or `2026`, as precise as the content said."""
        if self.published is None:
            return None
        return self.published.isoformat()[: {"day": 10, "month": 7, "year": 4}[self.date_precision]]

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time at 230 words a minute, never less than a minute."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What parsing one file gave: the article (None if rejected) and what was wrong."""

    article: Article | None
    problems: tuple[Problem, ...] = ()
