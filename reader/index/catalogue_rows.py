"""Catalogue rows to domain objects and back: articles (columns SQL reads, and packed whole),
sources and problems."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import marshal
import os
from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from sys import intern
from typing import Any, NamedTuple

from reader.index.listing import article_part
from reader.library import Article, Problem
from reader.library.article import SourceList, source_records
from reader.settings.i18n import Msg


def article_values(article: Article | None) -> tuple[Any, ...]:
    """The catalogue's columns for an article (see `ARTICLE_COLUMNS`): its id, the whole
    article packed, and its part of `reader list --json`."""
    if article is None:
        return (None, None, None)
    return (article.id, pack(article), article_part(article))


PACK_VERSION = 4
"""marshal's format 4, read alike by every Python 3 since 3.4."""


class Packed(NamedTuple):
    """An article as `pack` keeps it, field by field: the one statement of that layout.

    Dates are day numbers (0: none), sources JSON text (read when the article
    is opened, see `SourceList`); id, file and folder are the row's own.
    """

    title: str
    summary: str | None
    author: str | None
    outlet: str | None
    published: int
    date_precision: str
    language: str | None
    kind: str | None
    tags: tuple[str, ...]
    translation_of: str | None
    sources: str | None
    word_count: int
    aliases: tuple[str, ...]
    links: tuple[str, ...]
    updated: int
    url: str | None


def pack(article: Article) -> bytes:
    """Every field of an article but its file and folder, as one value that loads fast.

    marshal reads strings, numbers and tuples several times faster than any
    other way Python has: 100,000 articles come out of the catalogue in about
    a second.
    """
    sources = source_records(article.sources)
    fields = Packed(
        title=article.title,
        summary=article.summary,
        author=article.author,
        outlet=article.outlet,
        published=article.published.toordinal() if article.published else 0,
        date_precision=article.date_precision,
        language=article.language,
        kind=article.kind,
        tags=tuple(article.tags),
        translation_of=article.translation_of,
        sources=json.dumps(sources, ensure_ascii=False) if sources else None,
        word_count=article.word_count,
        aliases=tuple(article.aliases),
        links=tuple(article.links),
        updated=article.updated.toordinal() if article.updated else 0,
        url=article.url,
    )
    return marshal.dumps(tuple(fields), PACK_VERSION)  # marshal takes plain tuples only


class StoredArticle(Article):
    """An article read from the catalogue: its id, file and folder at once, the rest
    unpacked from its row the first time any of it is asked for.

    Making every article whole at a warm start was half of the time before the
    list was complete, for rows most of which are never looked at (the reasons
    and figures: docs/design.md). The list needs ids (state, count) and the
    fields of the rows on screen; whatever asks for more fills what it touches.

    Filling sets fields that were never set, to the values they would have had;
    two threads filling the same article at once set the same values. Equal to,
    and hashed as, the `Article` with the same fields; pickled as one.
    """

    __slots__ = ("_packed",)
    _packed: bytes | None

    def __getattr__(self, name: str) -> Any:
        # Only called for a slot not set yet (or a name that is no field).
        if name not in _LAZY:
            raise AttributeError(name)
        packed = self._packed
        if packed is not None:
            _fill(self, packed)
            self._packed = None
        return object.__getattribute__(self, name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Article):
            return _compared(self) == _compared(other)
        return NotImplemented

    __hash__ = Article.__hash__

    def __reduce__(self) -> tuple[type[Article], tuple[Any, ...]]:
        return Article, tuple(getattr(self, name) for name in _ARTICLE_FIELDS)


_ARTICLE_FIELDS = tuple(item.name for item in dataclasses.fields(Article))
_LAZY = frozenset(_ARTICLE_FIELDS) - {"id", "file", "folder"}
_compared = attrgetter(*(item.name for item in dataclasses.fields(Article) if item.compare))
_new = object.__new__


def stored(
    article_id: str, packed: bytes, file: str, folder: Path, _extra: object = None
) -> Article:
    """The article `pack` packed, found in `file` of `folder`, to be unpacked when used
    (`_extra`: what `catalogue_read.read_in_order` may hand on besides)."""
    article = _new(StoredArticle)
    article.id = article_id
    article.file = file
    article.folder = folder
    article._packed = packed
    return article


def unpack(article_id: str, packed: bytes, file: str, folder: Path) -> Article:
    """The article `pack` packed, found in `file` of `folder`, unpacked now."""
    article = _new(StoredArticle)
    article.id = article_id
    article.file = file
    article.folder = folder
    article._packed = None
    _fill(article, packed)
    return article


def _fill(article: StoredArticle, packed: bytes) -> None:
    """Set every field but id, file and folder from the packed row.

    The words many articles share (language, kind, outlet, author, tags) are
    interned: one string each in memory, not one per article. The fields are
    taken in `Packed`'s order, by position (tests/unit/test_catalogue.py holds
    it to the order, comparing cached articles with freshly parsed ones).
    """
    fields = marshal.loads(packed)
    (title, summary, author, outlet, published, precision, language, kind, tags,
     translation_of, sources, word_count, aliases, links, updated, url) = fields  # fmt: skip
    article.title = title
    article.summary = summary
    article.author = intern(author) if author else None
    article.outlet = intern(outlet) if outlet else None
    article.published = dt.date.fromordinal(published) if published else None
    article.date_precision = precision
    article.language = intern(language) if language else None
    article.kind = intern(kind) if kind else None
    article.tags = tuple(map(intern, tags))
    article.translation_of = translation_of
    article.sources = SourceList(sources) if sources else ()
    article.word_count = word_count
    article.aliases = aliases
    article.links = links
    article.updated = dt.date.fromordinal(updated) if updated else None
    article.url = url


def search_fields(packed: bytes) -> tuple[str, str, str, str, str]:
    """What the index holds of a packed article besides its body, in `docs`' column order:
    titles (an alias that is a name is another title; one that is a path, as Hugo's
    `aliases: [/old/address/]`, is no title to rank by), summary, tags, outlet, the
    sources' publishers and titles."""
    fields = Packed._make(marshal.loads(packed))
    names = " ".join(
        part
        for source in json.loads(fields.sources or "[]")
        for part in (source.get("publisher"), source.get("title"))
        if part
    )
    titles = " ".join([fields.title, *(alias for alias in fields.aliases if "/" not in alias)])
    return titles, fields.summary or "", " ".join(fields.tags), fields.outlet or "", names


def indexed_text(path: bytes, packed: bytes) -> tuple[str, str, str, str, str, str]:
    """Everything the index holds of a row, in `docs`' column order: `search_fields`, then
    the body, read from the file (empty if it cannot be read any more). For indexing,
    and for snippets, which are cut from the same text."""
    from reader.library.parse import BodyError, read_body

    try:
        body = read_body(Path(os.fsdecode(path)))
    except BodyError:
        body = ""
    return (*search_fields(packed), body)


_SOURCES = Packed._fields.index("sources")


def packed_sources(packed: bytes) -> str | None:
    """A packed article's sources as JSON (None: it cites none)."""
    return marshal.loads(packed)[_SOURCES]  # type: ignore[no-any-return]


def packed_title(packed: bytes) -> str:
    return Packed._make(marshal.loads(packed)).title


def problems_json(problems: Sequence[Problem], own_paths: bool = False) -> str | None:
    """Problems as cached: unworded, so they read in the language of a later run.

    A file's problems are its own (the row has its path); `own_paths` keeps
    each problem's path too, for what a folder's walk met in many places (a
    FIFO, a folder that cannot be read). ASCII JSON: a path that is not UTF-8
    keeps its escaped bytes.
    """
    if not problems:
        return None
    if own_paths:
        placed = [[str(p.path), p.line, p.severity, p.reason.to_json()] for p in problems]
        return json.dumps(placed)
    rows = [[p.line, p.severity, p.reason.to_json()] for p in problems]
    return json.dumps(rows, ensure_ascii=False)


def problems_from_json(text: str | None, path: Path | None) -> tuple[Problem, ...]:
    """The problems `problems_json` kept: of the file at `path`, or (None) each at its own."""
    if not text:
        return ()
    if path is None:
        return tuple(
            Problem(Path(place), line, severity, Msg.from_json(reason))
            for place, line, severity, reason in json.loads(text)
        )
    return tuple(
        Problem(path, line, severity, Msg.from_json(reason))
        for line, severity, reason in json.loads(text)
    )
