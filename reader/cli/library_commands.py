"""Commands that read the library: `list`, `search`, `show` and `check`."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    current_library,
    json_text,
    open_catalogue,
    open_store,
    settings_for,
)
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library import Article
    from reader.state.model import ArticleState


def _article_json(article: Article, state: ArticleState) -> dict[str, Any]:
    """One article as `list --json` prints it: metadata, reading state and sources."""
    return {
        "id": article.id,
        "title": article.title,
        "language": article.language,
        "published": article.published_iso,
        "outlet": article.outlet,
        "author": article.author,
        "url": article.url,
        "kind": article.kind,
        "summary": article.summary,
        "tags": list(article.tags),
        "translation_of": article.translation_of,
        "reading_minutes": article.reading_minutes,
        "word_count": article.word_count,
        "path": str(article.path),
        "read": state.read,
        "bookmarked": state.bookmarked,
        "note": state.bookmark.note if state.bookmark else None,
        "progress": state.position.progress if state.position else None,
        "sources": [asdict(source) for source in article.sources],
    }


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from reader.index.filters import ListFilter, apply_filter
    from reader.state.model import ArticleState

    settings = settings_for(args)
    library = current_library(settings)
    states = open_store(settings).states()
    view = "unread" if args.unread else "bookmarked" if args.bookmarked else "all"
    articles = apply_filter(library, states, ListFilter(view=view))
    default = ArticleState()
    if args.json:
        records = [_article_json(a, states.get(a.id, default)) for a in articles]
        out.write(json_text(records))
        return EXIT_OK
    width = max((len(a.id) for a in articles), default=2)
    for article in articles:
        state = states.get(article.id, default)
        flags = ("  " if state.read else "● ") + ("★" if state.bookmarked else " ")
        date = article.published_iso or t("list.undated")
        language = (article.language or "-")[:5]
        outlet = f" ({article.outlet})" if article.outlet else ""
        out.write(
            f"{flags} {article.id:<{width}}  {date:<10}  {language:<5}  {article.title}{outlet}\n"
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from reader.index.search import MARK_END, MARK_START

    settings = settings_for(args)
    catalogue = open_catalogue(settings)
    library = current_library(settings, catalogue)
    catalogue.index()
    hits = catalogue.search(" ".join(args.query)).hits(max(1, args.limit))
    records = []
    for hit in hits:
        article = library.get(hit.article_id)
        if article is None:
            continue
        snippet = hit.snippet.replace(MARK_START, "").replace(MARK_END, "")
        records.append(
            {"id": article.id, "title": article.title, "snippet": snippet, "score": hit.score}
        )
    if args.json:
        out.write(json_text(records))
        return EXIT_OK
    if not records:
        out.write(t("cli.no_match") + "\n")
    for record in records:
        out.write(f"{record['id']}  {record['title']}\n    {record['snippet']}\n")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library import load_library
    from reader.library.loader import count_by_severity

    if args.dirs:
        library = load_library([Path(d) for d in args.dirs])
    else:
        library = current_library(settings_for(args))
    for problem in library.problems:
        out.write(problem.format() + "\n")
    errors, warnings = count_by_severity(library.problems)
    out.write(t("cli.checked", articles=len(library), errors=errors, warnings=warnings) + "\n")
    return EXIT_ERROR if errors else EXIT_OK
