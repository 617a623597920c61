"""Commands that read the library: `list`, `search` and `check` (`show` has its own module)."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    UserError,
    current_library,
    json_text,
    open_catalogue,
    open_store,
    settings_for,
    write_json_lines,
)
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.index.filters import View
    from reader.settings.config import Settings


def _write_listing(
    out: TextIO, settings: Settings, view: View, kept: Callable[[str], bool] = lambda _id: True
) -> None:
    """`list --json`: records made of what the catalogue keeps encoded (`reader.index.listing`),
    never articles; 100,000 of them print in about a second."""
    from reader.index.filters import in_view_order
    from reader.index.listing import record_line
    from reader.settings.config import library_folders

    catalogue = open_catalogue(settings)
    folders = library_folders(settings)
    catalogue.bring_up_to_date(folders)
    listed = [row for row in catalogue.listing(folders) if kept(row[0])]
    states = open_store(settings).states()
    shown = in_view_order(listed, states, view, id_of=lambda row: row[0])
    write_json_lines(
        out,
        (
            record_line(article_id, own, file, states.get(article_id), sources)
            for article_id, own, file, sources in shown
        ),
    )


def _origin(args: argparse.Namespace, settings: Settings) -> tuple[Settings, Callable[[str], bool]]:
    """`list --feed/--folder/--saved/--notes`: the folders to read, and which of their
    articles' ids to keep (feed items live in `feeds/<home>/` of the saved folder)."""
    from dataclasses import replace

    if args.notes:
        return replace(settings, include_bundled=False, include_saved=False), lambda _id: True
    if not (args.saved or args.feed or args.folder):
        return settings, lambda _id: True
    from reader.library.origins import home_prefixes, in_folder
    from reader.web.feed_list import FEEDS_FOLDER, FeedList, FeedListError, folder_path

    saved = replace(settings, include_bundled=False, include_saved=True, content_dirs=())
    if args.saved:
        return saved, lambda article_id: not article_id.startswith(f"{FEEDS_FOLDER}/")

    try:
        feeds = FeedList.load(settings.data_dir)
    except FeedListError as error:
        raise UserError(str(error)) from None
    if args.feed:
        feed = feeds.find(args.feed)
        if feed is None:
            raise UserError(t("feeds.unknown", feed=args.feed))
        homes = {feed.home}
    else:
        wanted = folder_path(args.folder) or ""
        homes = {f.home for f in feeds.feeds if in_folder(f.folder, wanted)}
        if not homes:
            raise UserError(t("cli.no_feed_folder", folder=args.folder))
    prefixes = home_prefixes(homes)
    return saved, lambda article_id: article_id.startswith(prefixes)


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from reader.index.filters import ListFilter, apply_filter
    from reader.library.short_ids import short_ids
    from reader.state.model import ArticleState

    gc.disable()  # a command's objects all live until it ends: collecting them is wasted time
    settings, kept = _origin(args, settings_for(args))
    view: View = "unread" if args.unread else "bookmarked" if args.bookmarked else "all"
    if args.json:
        _write_listing(out, settings, view, kept)
        return EXIT_OK
    library = current_library(settings)
    states = open_store(settings).states()
    articles = [a for a in apply_filter(library, states, ListFilter(view=view)) if kept(a.id)]
    default = ArticleState()
    short = short_ids([a.id for a in library.articles])  # `show` and the rest take them back
    width = max((len(short[a.id]) for a in articles), default=2)
    for article in articles:
        state = states.get(article.id, default)
        flags = ("  " if state.read else "● ") + ("★" if state.bookmarked else " ")
        date = article.published_iso or t("list.undated")
        language = (article.language or "-")[:5]
        outlet = f" ({article.outlet})" if article.outlet else ""
        handle = short[article.id]
        out.write(
            f"{flags} {handle:<{width}}  {date:<10}  {language:<5}  {article.title}{outlet}\n"
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from reader.index.search import MARK_END, MARK_START, parse_query
    from reader.settings.config import library_folders

    settings = settings_for(args)
    catalogue = open_catalogue(settings)
    folders = library_folders(settings)
    catalogue.bring_up_to_date(folders)
    catalogue.index()
    query = parse_query(" ".join(args.query))
    records = [
        {
            "id": hit.article_id,
            "title": title,
            "snippet": hit.snippet.replace(MARK_START, "").replace(MARK_END, ""),
            "score": hit.score,
        }
        for hit, title in catalogue.best(query, folders, max(1, args.limit))
    ]
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
        library = current_library(settings_for(args), every_file=True)
    for problem in library.problems:
        out.write(problem.format() + "\n")
    errors, warnings = count_by_severity(library.problems)
    out.write(t("cli.checked", articles=len(library), errors=errors, warnings=warnings) + "\n")
    return EXIT_ERROR if errors else EXIT_OK
