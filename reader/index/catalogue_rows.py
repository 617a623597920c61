"""Catalogue rows to domain objects and back: articles, sources and problems as columns."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reader.library import Article, Problem, Source
from reader.settings.i18n import Msg

TAG_SEPARATOR = "\x1f"
"""Between the tags of one article in the `tags` column (a character no tag holds)."""


def article_values(article: Article | None) -> tuple[Any, ...]:
    if article is None:
        return (None,) * 14
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
        TAG_SEPARATOR.join(article.tags),
        article.translation_of,
        json.dumps(sources, ensure_ascii=False) if sources else None,
        article.word_count,
        extra_json(article),
    )


def extra_json(article: Article) -> str | None:
    """The fields few articles have (aliases, links, updated, url), as JSON."""
    notes: dict[str, Any] = {}
    if article.aliases:
        notes["aliases"] = list(article.aliases)
    if article.links:
        notes["links"] = list(article.links)
    if article.updated:
        notes["updated"] = article.updated.isoformat()
    if article.url:
        notes["url"] = article.url
    return json.dumps(notes, ensure_ascii=False) if notes else None


def aliases_of(notes: str | None) -> list[str]:
    """The aliases kept in an `extra` column (for the search index)."""
    return list(json.loads(notes).get("aliases", ())) if notes else []


def article_from_row(values: list[Any], path: Path, folder: Path) -> Article | None:
    (article_id, title, summary, author, outlet, published, precision, language, kind, tags,
     translation_of, sources, word_count, extra) = values  # fmt: skip
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
        tags=tuple(tags.split(TAG_SEPARATOR)) if tags else (),
        translation_of=translation_of,
        sources=tuple(Source(**source) for source in json.loads(sources)) if sources else (),
        word_count=word_count or 0,
        folder=folder,
        **_extra_fields(extra),
    )


def _extra_fields(extra: str | None) -> dict[str, Any]:
    if not extra:
        return {}
    data = json.loads(extra)
    updated = data.get("updated")
    return {
        "aliases": tuple(data.get("aliases", ())),
        "links": tuple(data.get("links", ())),
        "updated": dt.date.fromisoformat(updated) if updated else None,
        "url": data.get("url"),
    }


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
