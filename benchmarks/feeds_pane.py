"""Measure the feeds pane with 500 feeds and 50,000 items: opening it and filtering by it.

    python -m benchmarks.feeds_pane [--runs 7] [--feeds 500] [--items 50000]

Everything in this process, nothing on the network: the feeds file (500 feeds
in 25 folders, some tagged) is written to a temporary data directory, and the
items are made as the catalogue hands them to the interface (articles of the
saved library's `feeds/<home>/`), then given to a headless app, as a warm
launch would. A third of them are read.

Timed, each a median with its min and max over the runs:
- `count`: what the pane's worker does (every place's counts, then its rows);
- `filter`: the list narrowed to one feed, then to one folder (the data layer);
- `open` (`F` pressed until the pane shows its rows) and `choose` (`Enter` on a
  feed until the list shows its items), as a user meets them; budget 100 ms each;
- baselines in the same rounds, which the pane's figures are given as ratios
  of: `view` (`2`, unread only, over the same 50,000), `tab` (the focus moved
  from the list to the reading pane: what any key that moves the focus costs,
  the footer recomposed) and `floor` (`j`, one row down: a key press and a
  frame, the least a key can cost here).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import Library
    from reader.library.origins import Places
    from reader.state.model import ArticleState

BUDGET = 0.100
FOLDERS = 25


def build(data: Path, feeds: int, items: int) -> tuple[Library, Places, dict[str, ArticleState]]:
    """The feeds file written, and (library, places, states) made in memory."""
    from reader.library import Article
    from reader.settings.config import SAVED_FOLDER
    from reader.state.model import ArticleState
    from reader.web.feed_list import Feed, FeedList

    followed = []
    for n in range(feeds):
        feed = Feed(f"https://site{n}.example/feed.xml", title=f"Site {n:03d}")
        feed.folder = f"Topic {n % FOLDERS:02d}" + ("/Local" if n % 7 == 0 else "")
        feed.tags = ["daily"] if n % 5 == 0 else []
        followed.append(feed)
    FeedList(data, followed).save()
    saved = data / SAVED_FOLDER
    day = dt.date(2026, 1, 1)
    articles = []
    for n in range(items):
        home = followed[n % feeds].home
        articles.append(
            Article(
                id=f"feeds/{home}/item-{n}",
                file=str(saved / "feeds" / home / f"item-{n}.md"),
                title=f"Item {n} of {followed[n % feeds].title}",
                published=day + dt.timedelta(days=n % 300),
                folder=saved,
                word_count=400,
            )
        )
    states = {a.id: ArticleState(read=True) for a in articles[::3]}
    from reader.library import Library
    from reader.library.origins import Places

    return Library(tuple(articles)), Places(saved), states


def median_ms(values: list[float]) -> str:
    low, middle, high = (
        value * 1000 for value in (min(values), statistics.median(values), max(values))
    )
    return f"{middle:.1f} ms ({low:.1f}–{high:.1f})"


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


async def interface(
    library: Library, runs: int, per_feed: int, samples: dict[str, list[float]]
) -> None:
    """`F`, `Enter` on a feed, and `2`, timed in a headless app holding `library`."""
    from reader.settings.config import resolve_settings
    from reader.ui.app import make_app
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.feeds_pane import FeedsPane

    empty = Path(tempfile.mkdtemp())
    app = make_app(resolve_settings(content_dirs=[empty], include_bundled=False))
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.library = library
        app.main_screen.show_library(library)
        await pilot.pause()

        async def settled() -> None:
            await app.workers.wait_for_complete()
            await pilot.pause()

        for _ in range(runs):
            started = time.perf_counter()
            await pilot.press("F")
            await settled()
            pane = app.main_screen.query_one(FeedsPane)
            while not any(row.origin.kind == "feed" for row in pane.rows):  # counted
                await settled()
            samples["open"].append(time.perf_counter() - started)
            feed = next(n for n, row in enumerate(pane.rows) if row.origin.kind == "feed")
            pane.highlighted = feed
            started = time.perf_counter()
            await pilot.press("enter")
            await settled()
            samples["choose"].append(time.perf_counter() - started)
            if len(app.main_screen.query_one(ArticleList).articles) != per_feed:
                raise SystemExit("the feed's items were not listed")
            await pilot.press("x", "F")  # the place cleared, the pane hidden
            await settled()
            started = time.perf_counter()
            await pilot.press("2")
            await settled()
            samples["view"].append(time.perf_counter() - started)
            await pilot.press("1")
            await settled()
            started = time.perf_counter()
            await pilot.press("tab")
            await settled()
            samples["tab"].append(time.perf_counter() - started)
            await pilot.press("shift+tab")
            await settled()
            started = time.perf_counter()
            await pilot.press("j")
            await settled()
            samples["floor"].append(time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        data = Path(work, "data")
        data.mkdir()
        for name, value in {
            "READER_DATA_DIR": data,
            "READER_CACHE_DIR": Path(work, "cache"),
            "READER_CONFIG": Path(work, "none.yaml"),
        }.items():
            os.environ[name] = str(value)
        library, places, states = build(data, args.feeds, args.items)
        samples: dict[str, list[float]] = {
            name: [] for name in ("count", "filter", "open", "choose", "view", "tab", "floor")
        }
        from reader.index.filters import ListFilter, apply_filter
        from reader.library.origins import count_origins, origin_rows
        from reader.web.feed_list import FeedList

        feeds = FeedList.load(data).feeds
        rows = origin_rows(feeds, count_origins(library.articles, states, places), places)
        feed = ListFilter(origin=next(r.origin for r in rows if r.origin.kind == "feed"))
        folder = ListFilter(origin=next(r.origin for r in rows if r.origin.kind == "folder"))

        def count() -> None:
            origin_rows(feeds, count_origins(library.articles, states, places), places)

        def narrow() -> None:
            apply_filter(library, states, feed)
            apply_filter(library, states, folder)

        for _ in range(args.runs):
            samples["count"].append(timed(count))
            samples["filter"].append(timed(narrow))
        asyncio.run(interface(library, args.runs, args.items // args.feeds, samples))
    report(samples, args)


def report(samples: dict[str, list[float]], args: argparse.Namespace) -> None:
    view = statistics.median(samples["view"])
    print(
        f"feeds pane: {args.feeds} feeds, {args.items:,} items, {args.runs} runs, "
        f"Python {sys.version.split()[0]}\n"
    )
    tab = statistics.median(samples["tab"])
    print("| step | median (min–max) | ratio to `2` | ratio to `Tab` |")
    print("|---|---|---|---|")
    for name in ("count", "filter", "open", "choose", "view", "tab", "floor"):
        value = statistics.median(samples[name])
        print(f"| {name} | {median_ms(samples[name])} | {value / view:.2f}x | {value / tab:.2f}x |")
    print()
    print("| budget | measured | met |")
    print("|---|---|---|")
    for name in ("open", "choose"):
        value = statistics.median(samples[name])
        met = "yes" if value <= BUDGET else "**NO**"
        print(f"| {name} ≤ {BUDGET * 1000:.0f} ms | {value * 1000:.1f} ms | {met} |")


if __name__ == "__main__":
    main()
