"""One fetch of every followed feed, for `reader fetch` and `f` alike.

The feeds are read from `feeds.json`, items filed under an older layout are
moved to their feeds' homes, every feed is fetched on its own, and what the
fetch learnt (titles, ETags, times, errors) is written back: as it goes, at
most every `RECORD_EVERY` seconds, and whatever happens at the end, even when
the run is interrupted. Only what a fetch learns is written, into the file as
it is then, so a feed added or removed meanwhile by another command stays so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from reader.settings.hide_rules import HideRule
from reader.web.feed_fetch import FeedReport, fetch_all
from reader.web.feed_homes import settle
from reader.web.feed_list import Feed, FeedList
from reader.web.fetch import TOTAL_TIMEOUT

RECORD_EVERY = 1.0
"""Seconds between two writes of what the fetch has learnt so far."""

Progress = Callable[[FeedReport, int, int], None]


def record(data_dir: Path, fetched: list[Feed]) -> None:
    """Write what a fetch learnt of these feeds into the feeds file as it is now."""
    with FeedList.editing(data_dir) as current:
        current.learn(fetched)


def fetch_followed(
    data_dir: Path,
    library: Path,
    feeds: list[Feed],
    rename: Callable[[dict[str, str]], None],
    timeout: float = TOTAL_TIMEOUT,
    progress: Progress | None = None,
    rules: tuple[HideRule, ...] = (),
) -> list[FeedReport]:
    """Fetch `feeds` (as loaded from `data_dir`) into `library`; `rename` carries reading
    state over to items' new ids when they move home (see `reader.web.feed_homes`)."""
    settle(library, feeds, rename)
    last = time.monotonic()

    def said(report: FeedReport, done: int, total: int) -> None:
        nonlocal last
        if progress is not None:
            progress(report, done, total)
        if time.monotonic() - last >= RECORD_EVERY:
            record(data_dir, feeds)
            last = time.monotonic()

    try:
        return fetch_all(feeds, library, timeout, said, rules)
    finally:
        record(data_dir, feeds)
