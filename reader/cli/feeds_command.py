"""`reader feeds …` (the feeds followed) and `reader fetch` (their new items, as articles)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    UserError,
    current_library,
    json_text,
    open_store,
    settings_for,
)
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library.origins import Tally
    from reader.settings.config import Settings
    from reader.web.feed_list import Feed, FeedList, Listed


def _feed_list(data_dir: Path) -> FeedList:
    from reader.web.feed_list import FeedList, FeedListError

    try:
        return FeedList.load(data_dir)
    except FeedListError as error:
        raise UserError(str(error)) from None


def cmd_feeds(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library.origins import Tally
    from reader.web.feed_list import FeedList, FeedListError, read_opml, write_opml

    settings = settings_for(args)
    action = args.action or "list"
    try:
        if action == "add":
            out.write(_follow(settings.data_dir, args) + "\n")
            return EXIT_OK
        if action in ("remove", "import", "set"):
            with FeedList.editing(settings.data_dir) as feeds:
                said = _change(feeds, action, args, read_opml)
            out.write(said + "\n")
            return EXIT_OK
        feeds = _feed_list(settings.data_dir)
        if action == "export":
            out.write(write_opml(feeds.feeds))
            return EXIT_OK
        counts = _counts(settings) if feeds.feeds else {}
        if args.json:
            records = [
                {**_record(feed, counts), "hides": _rules_of(feed, settings)}
                for feed in feeds.feeds
            ]
            out.write(json_text(records))
        else:
            for feed in feeds.feeds:
                state = feed.error or feed.fetched or t("feeds.never")
                place = f"{feed.folder}/" if feed.folder else ""
                unread = t("feeds.unread", count=counts.get(feed.home, Tally()).unread)
                extra = [f"#{tag}" for tag in feed.tags]
                if feed.fetch_every:
                    extra.append(t("feeds.every", minutes=feed.fetch_every))
                more = "  " + " ".join(extra) if extra else ""
                out.write(f"{place}{feed.label}  {unread}  {feed.url}  {state}{more}\n")
                for rule in _rules_of(feed, settings):
                    out.write(f"    {t('feeds.hides', rule=rule)}\n")
    except FeedListError as error:
        raise UserError(str(error)) from None
    return EXIT_OK


def _follow(data_dir: Path, args: argparse.Namespace) -> str:
    """`feeds add`: the address checked and followed (`reader.web.feed_check.follow`);
    what to say."""
    from reader.web.feed_check import follow

    settings = {"folder": args.folder, "tags": args.tags, "every": args.every}
    return follow(data_dir, args.url, args.name, args.full, args.timeout, **settings).said()


def _change(
    feeds: FeedList,
    action: str,
    args: argparse.Namespace,
    read_opml: Callable[[Path], list[Listed]],
) -> str:
    """Remove, change or import into `feeds` (written back by the caller); what to say."""
    if action == "set":
        feed = feeds.find(args.feed)
        if feed is None:
            raise UserError(t("feeds.unknown", feed=args.feed))
        changes = feeds.change(
            feed, name=args.name, folder=args.folder, tags=args.tags, every=args.every
        )
        if not changes:
            raise UserError(t("feeds.set_nothing"))
        return t("feeds.set", feed=feed.label, changes=" · ".join(changes))
    if action == "remove":
        gone = feeds.remove(args.feed)
        if gone is None:
            raise UserError(t("feeds.unknown", feed=args.feed))
        return t("feeds.removed", feed=gone.label)
    listed = read_opml(Path(args.file).expanduser())
    added = sum(feeds.add(f.url, f.name, folder=f.folder, tags=f.tags)[1] for f in listed)
    return t("feeds.imported", added=added, listed=len(listed))


def _counts(settings: Settings) -> dict[str, Tally]:
    """Each feed home's items and unread ones, counted as the feeds pane counts them."""
    from reader.library.origins import Places, count_origins
    from reader.settings import resources
    from reader.settings.config import SAVED_FOLDER

    bundled = resources.content_dir() if settings.include_bundled else None
    places = Places(settings.data_dir / SAVED_FOLDER, bundled)
    library = current_library(settings)
    return count_origins(library.articles, open_store(settings).states(), places).homes


def _rules_of(feed: Feed, settings: Settings) -> list[str]:
    """The `hide:` rules that apply to a feed, as the user wrote them."""
    return [rule.text for rule in settings.hide if rule.applies_to(feed.name, feed.title, feed.url)]


def _record(feed: Feed, counts: dict[str, Tally]) -> dict[str, object]:
    from reader.library.origins import Tally

    tally = counts.get(feed.home, Tally())
    return {
        "url": feed.url,
        "name": feed.name,
        "title": feed.title,
        "folder": feed.folder,
        "tags": feed.tags,
        "fetch_every": feed.fetch_every,
        "full": feed.full,
        "fetched": feed.fetched,
        "error": feed.error,
        "items": tally.total,
        "unread": tally.unread,
    }


def cmd_fetch(args: argparse.Namespace, out: TextIO) -> int:
    from reader.web.feed_fetch import FeedReport
    from reader.web.feed_list import FeedListError
    from reader.web.feed_run import fetch_followed
    from reader.web.saved import saved_folder

    settings = settings_for(args)
    feeds = _feed_list(settings.data_dir)
    if not feeds.feeds:
        out.write(t("feeds.none") + "\n")
        return EXIT_OK

    def said(report: FeedReport, done: int, total: int) -> None:
        label = report.feed.label
        if report.error:
            out.write(t("fetch.failed", feed=label, reason=report.error) + "\n")
        else:
            hidden = f" · {t('fetch.hidden', count=report.hidden)}" if report.hidden else ""
            out.write(t("fetch.done", feed=label, new=report.new) + hidden + "\n")
            if report.problem:
                out.write(t("fetch.problem", feed=label, reason=report.problem) + "\n")
        out.flush()

    def rename(renamed: dict[str, str]) -> None:
        from reader.state.model import StoreError

        store = open_store(settings)
        try:
            store.rename_articles(renamed)
        except StoreError as error:  # nothing moves: the items stay where their state is
            raise UserError(str(error)) from None
        finally:
            store.close()

    library = saved_folder(settings.data_dir)
    try:
        reports = fetch_followed(
            settings.data_dir, library, feeds.feeds, rename, args.timeout, said, settings.hide
        )
    except FeedListError as error:
        raise UserError(str(error)) from None
    failed = sum(1 for report in reports if report.error)
    new = sum(report.new for report in reports)
    out.write(t("fetch.summary", new=new, feeds=len(reports), failed=failed) + "\n")
    return EXIT_ERROR if failed else EXIT_OK
