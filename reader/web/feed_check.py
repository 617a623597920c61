"""A feed checked before it is followed: fetched once, found from a page that advertises it.

`reader feeds add` used to take any address: a web page was followed as a
feed, and nothing said so until the first fetch failed. Now the address is
fetched once. A feed is taken at the address it ends up at (after
redirects); a web page is looked through for the feeds it advertises
(`<link rel="alternate" type="application/rss+xml">` and Atom, JSON Feed),
and the first one that reads as a feed is taken instead; anything else is
refused, saying why.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg, plural, t
from reader.web.feed_fetch import parse_feed
from reader.web.feed_list import Feed, FeedList
from reader.web.fetch import TOTAL_TIMEOUT, FetchError, Page, check_address, fetch

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
}
"""The `type` of a `<link rel="alternate">` that names a feed."""
MAX_ADVERTISED = 5
"""Advertised feeds tried, in the page's order (a page lists its main feed first)."""


class NotAFeed(ReaderError):
    """The address gives neither a feed nor a page that advertises one."""


@dataclass(frozen=True)
class CheckedFeed:
    """What was found at an address: the feed's own address, its title, its items."""

    url: str
    title: str | None
    items: int
    found_from: str | None = None
    """The page that advertised the feed, when the address given was a page."""


class _Advertised(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link" or len(self.found) >= MAX_ADVERTISED:
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
            self.found.append(values["href"])


def advertised_feeds(html: str, base: str) -> list[str]:
    """The feed addresses a page advertises, made whole against its address."""
    reader = _Advertised()
    try:
        reader.feed(html[: 512 * 1024])  # the links are in the head
        reader.close()
    except (AssertionError, ValueError):
        pass
    found = []
    for href in reader.found:
        try:
            found.append(check_address(urljoin(base, href)))
        except ReaderError:
            continue
    return list(dict.fromkeys(found))


def _as_feed(page: Page) -> tuple[str | None, int] | None:
    """(title, items) when the page is a feed (one with no items yet counts), else None."""
    title, items, problem = parse_feed(page.data, page.content_type)
    if items or (problem is None and title is not None):
        return title, len(items)
    return None


def check_feed(url: str, timeout: float = TOTAL_TIMEOUT) -> CheckedFeed:
    """The feed at `url`, or the first one the page at `url` advertises; `NotAFeed` if none.

    A `FetchError` (no answer, an error status) is the caller's to report.
    """
    page = fetch(url, timeout)
    found = _as_feed(page)
    if found is not None:
        return CheckedFeed(page.url, found[0], found[1])
    for address in advertised_feeds(page.text, page.url):
        try:
            feed_page = fetch(address, timeout)
        except ReaderError:
            continue
        found = _as_feed(feed_page)
        if found is not None:
            return CheckedFeed(feed_page.url, found[0], found[1], found_from=page.url)
    raise NotAFeed(Msg.of("feeds.not_a_feed"), url)


@dataclass(frozen=True)
class Followed:
    """A feed just followed (or changed, if it was already), and what its check found."""

    feed: Feed
    new: bool
    checked: CheckedFeed | None
    unchecked: str | None = None
    """Why the address could not be checked now (no answer): followed all the same."""

    def said(self) -> str:
        """What to tell the person who followed it, in one line."""
        said = [t("feeds.added" if self.new else "feeds.changed", feed=self.feed.label)]
        if self.checked is None:
            said.append(t("feeds.unchecked", reason=self.unchecked))
        else:
            said.append(plural("feeds.found", self.checked.items))
            if self.checked.found_from:
                said.append(t("feeds.found_from", url=self.checked.url))
        return " · ".join(said)


def follow(
    data_dir: Path,
    address: str,
    name: str | None = None,
    full: bool = False,
    timeout: float = TOTAL_TIMEOUT,
    **settings: Any,
) -> Followed:
    """Check an address and follow the feed found (`reader feeds add`, `A` in the pane).

    The page's advertised feed is taken instead of a page, a redirect's end is
    kept; what is no feed is refused (`NotAFeed`). An address that cannot be
    reached now is followed all the same, and said to be unchecked. The feeds
    file is locked only once the network is done. `settings`: what `FeedList.change`
    takes (folder, tags, every).
    """
    address = check_address(address)
    unchecked: str | None = None
    try:
        checked: CheckedFeed | None = check_feed(address, timeout)
    except FetchError as error:
        checked, unchecked = None, str(error.reason)
    url = checked.url if checked else address
    with FeedList.editing(data_dir) as feeds:
        feed, new = feeds.add(url, name, full)
        feeds.change(feed, **settings)
        if checked and checked.title and not feed.title:
            feed.title = checked.title
    return Followed(feed, new, checked, unchecked)
