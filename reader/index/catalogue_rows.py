"""Catalogue rows to domain objects and back: articles (columns SQL reads, and packed whole),
sources and problems."""

from __future__ import annotations

import datetime as dt
import json
import marshal
from collections.abc import Sequence
from pathlib import Path
from sys import intern
from typing import Any

from reader.library import Article, Problem
from reader.library.article import SourceList, source_records
from reader.settings.i18n import Msg


def article_values(article: Article | None) -> tuple[Any, ...]:
    """The catalogue's columns for an article (see `ARTICLE_COLUMNS`): its id, and the
    whole article packed."""
    if article is None:
        return (None, None)
    return (article.id, pack(article))


PACK_VERSION = 4
"""marshal's format 4, read alike by every Python 3 since 3.4."""


def pack(article: Article) -> bytes:
    """Every field of an article but its file and folder, as one value that loads fast.

    marshal reads strings, numbers and tuples several times faster than any
    other way Python has: 100,000 articles come out of the catalogue in a
    fraction of a second. Dates are kept as day numbers, sources as JSON text
    (read when the article is opened, see `SourceList`).
    """
    sources = source_records(article.sources)
    sources_json = json.dumps(sources, ensure_ascii=False) if sources else None
    return marshal.dumps(
        (
            article.id,
            article.title,
            article.summary,
            article.author,
            article.outlet,
            article.published.toordinal() if article.published else 0,
            article.date_precision,
            article.language,
            article.kind,
            tuple(article.tags),
            article.translation_of,
            sources_json,
            article.word_count,
            tuple(article.aliases),
            tuple(article.links),
            article.updated.toordinal() if article.updated else 0,
            article.url,
        ),
        PACK_VERSION,
    )


def unpack(packed: bytes, file: str, folder: Path) -> Article:
    """The article `pack` packed, found in `file` of `folder`.

    The words many articles share (language, kind, outlet, author, tags) are
    interned: one string each in memory, not one per article.
    """
    fields = marshal.loads(packed)
    (article_id, title, summary, author, outlet, published, precision, language, kind, tags,
     translation_of, sources, word_count, aliases, links, updated, url) = fields  # fmt: skip
    return Article(
        article_id,
        file,
        title,
        summary,
        intern(author) if author else None,
        intern(outlet) if outlet else None,
        dt.date.fromordinal(published) if published else None,
        precision,
        intern(language) if language else None,
        intern(kind) if kind else None,
        tuple(map(intern, tags)),
        translation_of,
        SourceList(sources) if sources else (),
        word_count,
        folder,
        aliases,
        links,
        dt.date.fromordinal(updated) if updated else None,
        url,
    )


def search_fields(packed: bytes) -> tuple[str, str, str, str, str]:
    """What the index holds of a packed article besides its body, in `docs`' column order:
    titles (an alias is another title), summary, tags, outlet, the sources' publishers
    and titles."""
    fields = marshal.loads(packed)
    title, summary, outlet, tags, sources, aliases = (
        fields[1], fields[2], fields[4], fields[9], fields[11], fields[13]
    )  # fmt: skip
    names = " ".join(
        part
        for source in json.loads(sources or "[]")
        for part in (source.get("publisher"), source.get("title"))
        if part
    )
    return " ".join([title, *aliases]), summary or "", " ".join(tags), outlet or "", names


def packed_title(packed: bytes) -> str:
    title: str = marshal.loads(packed)[1]
    return title


def problems_json(problems: Sequence[Problem]) -> str | None:
    if not problems:
        return None
    rows = [[p.line, p.severity, p.reason.to_json()] for p in problems]
    return json.dumps(rows, ensure_ascii=False)


def problems_from_json(text: str | None, path: Path) -> tuple[Problem, ...]:
    """Problems as cached: unworded, so they read in the language of this run."""
    if not text:
        return ()
    return tuple(
        Problem(path, line, severity, Msg.from_json(reason))
        for line, severity, reason in json.loads(text)
    )
