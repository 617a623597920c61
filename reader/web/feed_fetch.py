"""Fetching feeds: each new item becomes an article of the user's library.

RSS 0.9x, 1.0 and 2.0 and Atom are parsed by feedparser, which salvages what
it can of broken XML (the problem is reported, the readable items kept);
JSON Feed is plain JSON. An item's text is the feed's full content when it
carries it (`content:encoded`), else its summary, as Markdown with its links
(trafilatura); a feed marked `full` has each item's linked page extracted as
`reader add` does. An item is saved once: its file is named after a hash of
its guid (else its link), and an item already saved is never fetched again.

Feeds are fetched a few at a time (`MAX_PARALLEL`), each within its own
timeout, with the ETag and Last-Modified of the last fetch: an unchanged
feed answers 304 and costs nothing. One failing feed is reported; the others
go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.library.processes import processes
from reader.settings.hide_rules import Field, HideRule
from reader.settings.untrusted import clean
from reader.web.extract import fragment_markdown
from reader.web.feed_list import FEEDS_FOLDER, Feed
from reader.web.fetch import TOTAL_TIMEOUT, FetchError, fetch
from reader.web.saved import (
    AddressBook,
    address_key,
    also_from,
    saved_files,
    slug,
    write_article,
)

MAX_PARALLEL = 8
"""Feeds fetched at once (waiting on the network)."""
PROCESSES_FROM = 6
"""From this many feeds, parsing and conversion run in a process per core."""
MAX_ITEMS = 500
"""Items read from one feed at most in one fetch."""


@dataclass(frozen=True)
class Item:
    """One entry of a feed, cleaned: what its article is made of."""

    key: str
    title: str
    link: str | None
    published: str | None
    author: str | None
    html: str
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True)
class Enclosure:
    """A file an item carries (a podcast's audio, a video): its address, type and size."""

    url: str
    type: str | None = None
    length: int | None = None
    """Bytes, as the feed states it (None: not stated, or not a number)."""

    def describe(self) -> str:
        """`audio/mpeg, 24.1 MB`: what the sources sidebar says of it."""
        size = f"{self.length / 1_000_000:.1f} MB" if self.length else None
        return ", ".join(part for part in (self.type, size) if part) or "file"


MAX_ENCLOSURES = 10


def _enclosure(url: object, kind: object, length: object) -> Enclosure | None:
    """An enclosure from a feed's fields, if its address is a web address."""
    address = _text(_string(url), 2000)
    if not address or not address.lower().startswith(("http://", "https://")):
        return None
    size: int | None = None
    if isinstance(length, int) and not isinstance(length, bool):
        size = length
    elif isinstance(length, str) and length.strip().isdigit():
        size = int(length.strip())
    return Enclosure(address, _text(_string(kind), 100), size if size and size > 0 else None)


@dataclass(frozen=True)
class FeedReport:
    """What one feed's fetch did: new articles, a problem that was worked round, an error."""

    feed: Feed
    new: int = 0
    problem: str | None = None
    error: str | None = None
    hidden: int = 0
    """New items a `hide:` rule kept out."""


def _text(value: object, limit: int = 300) -> str | None:
    if value is None:
        return None
    text = " ".join(clean(str(value)).split())
    return text[:limit] or None


def _date(parsed: Any, raw: object) -> str | None:
    if parsed:
        try:
            return dt.date(*parsed[:3]).isoformat()
        except (TypeError, ValueError):
            pass
    text = _text(raw, 40) or ""
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def parse_feed(data: bytes, content_type: str = "") -> tuple[str | None, list[Item], str | None]:
    """(feed title, items, problem) of a feed document; a problem leaves what could be read."""
    if "json" in content_type or data.lstrip()[:1] == b"{":
        return _json_feed(data)
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as error:  # feedparser's own bugs on hostile XML
        # (a namespace of `0\n0` raised ValueError from its strict parser): one feed's
        # problem, said with what was raised, never the fetch's end.
        return None, [], f"the feed cannot be read ({type(error).__name__}: {_text(error, 200)})"
    problem = None
    if parsed.bozo:
        problem = f"the feed is not well-formed ({_text(parsed.get('bozo_exception'), 200)})"
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _text(entry.get("link"), 2000)
        key = _text(entry.get("id"), 2000) or link
        if not key:
            continue
        content = entry.get("content") or []
        html = (content[0].get("value") if content else None) or entry.get("summary") or ""
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        found = (
            _enclosure(e.get("href"), e.get("type"), e.get("length"))
            for e in entry.get("enclosures") or []
            if isinstance(e, dict)
        )
        items.append(
            Item(
                key,
                _text(entry.get("title")) or link or key,
                link,
                _date(when, entry.get("published") or entry.get("updated")),
                _text(entry.get("author")),
                clean(html),
                tuple(e for e in found if e is not None)[:MAX_ENCLOSURES],
            )
        )
    if not items and problem is None and not parsed.get("version"):
        problem = "no feed was found at this address"
    return _text(parsed.feed.get("title")), items, problem


def _json_feed(data: bytes) -> tuple[str | None, list[Item], str | None]:
    """A JSON Feed's items. Anything may be of any type: what is not is left out."""
    try:
        document = json.loads(data.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError) as error:
        return None, [], f"the JSON feed cannot be read ({_text(error, 200)})"
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        return None, [], "not a JSON Feed (no list of items)"
    items = []
    for entry in document["items"][:MAX_ITEMS]:
        if not isinstance(entry, dict):
            continue
        link = _text(_string(entry.get("url")) or _string(entry.get("external_url")), 2000)
        key = _text(_string(entry.get("id")) or _number(entry.get("id")), 2000) or link
        if not key:
            continue
        text = _string(entry.get("content_text"))
        html = _string(entry.get("content_html")) or (_escape(text) if text else "")
        html = html or _string(entry.get("summary")) or ""
        when = _string(entry.get("date_published")) or _string(entry.get("date_modified"))
        attachments = entry.get("attachments")
        found = (
            _enclosure(a.get("url"), a.get("mime_type"), a.get("size_in_bytes"))
            for a in (attachments if isinstance(attachments, list) else [])
            if isinstance(a, dict)
        )
        items.append(
            Item(
                key,
                _text(_string(entry.get("title"))) or link or key,
                link,
                _date(None, when),
                _text(_json_author(entry)),
                clean(html),
                tuple(e for e in found if e is not None)[:MAX_ENCLOSURES],
            )
        )
    return _text(_string(document.get("title"))), items, None


def _string(value: object) -> str | None:
    """`value` if it is text: a feed's JSON may hold anything where text belongs."""
    return value if isinstance(value, str) else None


def _number(value: object) -> str | None:
    """A number used as an id (JSON Feed says text, feeds send numbers too)."""
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _json_author(entry: dict[str, Any]) -> str | None:
    """The first author's name, from JSON Feed 1.1's `authors` or 1.0's `author`."""
    authors = entry.get("authors")
    candidates = [*authors[:1]] if isinstance(authors, list) else []
    candidates.append(entry.get("author"))
    for author in candidates:
        if isinstance(author, dict) and _string(author.get("name")):
            return _string(author.get("name"))
    return None


def _escape(text: str) -> str:
    import html

    return "".join(f"<p>{html.escape(part)}</p>" for part in str(text).split("\n\n"))


def feed_folder(library: Path, feed: Feed) -> Path:
    """Where a feed's items are kept: its home, made from its address (never its title)."""
    return library / FEEDS_FOLDER / feed.home


def _link_source(item: Item, outlet: str) -> dict[str, object]:
    """The page an item links to, as a source: the feed names it."""
    return {"publisher": outlet, "title": item.title, "url": item.link, "kind": "primary"}


def item_fields(item: Item, outlet: str, feed: Feed) -> dict[str, object]:
    """An item's front matter: its title, outlet, author, date, link, feed and sources."""
    fields: dict[str, object] = {"title": item.title, "outlet": outlet}
    if item.author:
        fields["author"] = item.author
    if item.published:
        fields["published"] = item.published
    if item.link:
        fields["url"] = item.link
    fields["feed"] = feed.url
    sources: list[dict[str, object]] = []
    if item.link:
        sources.append(_link_source(item, outlet))
    for enclosure in item.enclosures:  # a podcast's audio: listed, openable like any link
        sources.append(
            {
                "publisher": outlet,
                "title": enclosure.describe(),
                "url": enclosure.url,
                "kind": "primary",
                "note": "A file this item carries.",
            }
        )
    if sources:
        fields["sources"] = sources
    return fields


def fetch_feed(
    feed: Feed,
    library: Path,
    timeout: float = TOTAL_TIMEOUT,
    workers: Executor | None = None,
    rules: tuple[HideRule, ...] = (),
    book: AddressBook | None = None,
) -> FeedReport:
    """Fetch one feed and save its new items; never raises: whatever goes wrong with this
    feed (the network, the feed, a bug its content finds) is this feed's error.

    The fetch waits on the network here; parsing the feed and turning its items
    into Markdown is work for a processor, done in `workers` (other processes,
    so both cores work) when given.
    """
    try:
        return _fetch_feed(feed, library, timeout, workers, rules, book)
    except Exception as error:  # one feed's failure is its own: the others go on
        reason = f"reader could not read this feed ({type(error).__name__}: {error})"
        feed.error = _text(reason, 300)
        return FeedReport(feed, error=feed.error)


def _fetch_feed(
    feed: Feed,
    library: Path,
    timeout: float,
    workers: Executor | None,
    rules: tuple[HideRule, ...] = (),
    book: AddressBook | None = None,
) -> FeedReport:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        page = fetch(feed.url, timeout, headers)
    except FetchError as error:
        feed.error = str(error)
        return FeedReport(feed, error=str(error))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    if page.moved:
        feed.url = page.url  # moved for good: followed where it lives now (its home stays)
    if page.status == 304:
        feed.fetched, feed.error = now, None
        return FeedReport(feed)
    job = (page.data, page.content_type, page.url, feed, library, timeout, rules)
    stored = store_items(*job) if workers is None else workers.submit(store_items, *job).result()
    if stored.failure:
        feed.error = stored.failure
        return FeedReport(feed, error=stored.failure)
    new = _write_items(stored.items, feed_folder(library, feed), book or AddressBook(library))
    feed.title = stored.title or feed.title
    feed.etag, feed.last_modified = page.etag, page.last_modified
    feed.fetched, feed.error = now, None
    return FeedReport(feed, new, stored.problem, hidden=stored.hidden)


def _write_items(items: Sequence[Prepared], folder: Path, book: AddressBook) -> int:
    """Write the new items into the feed's home, but each whose page the library has
    already (saved with `add`, or from another feed): that article names this feed among
    its sources instead, and stays one. How many were written."""
    written = 0
    for item in items:
        with book.lock:
            same = book.find(item.link) if item.link else None
            if same is not None and same.parent != folder:
                also_from(same, item.source)
                continue
            path = folder / f"{item.name}-{item.key}.md"
            write_article(path, item.fields, f"{item.body}\n", ".item-")
            book.add(item.key, path, is_key=True)
            written += 1
    return written


@dataclass(frozen=True)
class Prepared:
    """A new item made ready in a worker, written by the fetch's own thread (which knows
    every address of the library): its file's name and key, front matter and text."""

    name: str
    key: str
    """The address key its file is named by: its link's, else its guid's."""
    link: str | None
    fields: dict[str, object]
    body: str
    source: dict[str, object]
    """This feed, as a source of the page, for an article the page already is."""


@dataclass(frozen=True)
class Stored:
    """What `store_items` made of a fetched feed (in a worker process: plain values)."""

    title: str | None
    """The feed's own title, if it gives one."""
    items: tuple[Prepared, ...] = ()
    """The items not kept before, ready to write."""
    problem: str | None = None
    """What was wrong with the feed, though items could be read."""
    failure: str | None = None
    """Why nothing could be read (then nothing was saved)."""
    hidden: int = 0
    """New items a `hide:` rule kept out."""


def store_items(
    data: bytes,
    content_type: str,
    address: str,
    feed: Feed,
    library: Path,
    timeout: float,
    rules: tuple[HideRule, ...] = (),
) -> Stored:
    """Parse a fetched feed and make its new items ready to write (but those a rule hides).

    An item kept before is known by its guid's key or its link's (items were named by
    their guid; they are named by their link now, which is what `add` names a page by).
    """
    title, items, problem = parse_feed(data, content_type)
    if not items and problem:
        return Stored(title, failure=problem)
    folder = feed_folder(library, feed)
    saved = set(saved_files(folder))
    outlet = feed.name or title or feed.title or address
    mine = [rule for rule in rules if rule.applies_to(feed.name, title or feed.title, feed.url)]
    ready: list[Prepared] = []
    hidden = 0
    for item in items:
        key = address_key(item.link) if item.link else address_key(item.key)
        if key in saved or address_key(item.key) in saved:
            continue
        if mine and _hidden(item, mine):
            hidden += 1
            continue
        body = _full_text(item, timeout) if feed.full else None
        fields = item_fields(item, outlet, feed)
        source = _link_source(item, outlet)
        text = body or fragment_markdown(item.html) or item.title
        ready.append(Prepared(slug(item.title), key, item.link, fields, text, source))
        saved.add(key)
    return Stored(title, tuple(ready), problem, hidden=hidden)


def _hidden(item: Item, rules: list[HideRule]) -> bool:
    fields: dict[Field, str] = {
        "title": item.title,
        "author": item.author or "",
        "link": item.link or "",
        "text": item.html,
    }
    return any(rule.hides(fields) for rule in rules)


def _full_text(item: Item, timeout: float) -> str | None:
    """The item's linked page, extracted as `reader add` does (None: keep the feed's text)."""
    from reader.web.extract import ExtractError, extract

    if not item.link:
        return None
    try:
        page = fetch(item.link, timeout)
        return extract(page.text, page.url).body
    except (FetchError, ExtractError):
        return None


def fetch_all(
    feeds: Iterable[Feed],
    library: Path,
    timeout: float = TOTAL_TIMEOUT,
    progress: Callable[[FeedReport, int, int], None] | None = None,
    rules: tuple[HideRule, ...] = (),
) -> list[FeedReport]:
    """Fetch every feed, `MAX_PARALLEL` at a time; `progress(report, done, total)` after each;
    new items a rule of `rules` hides are not kept."""
    feeds = list(feeds)
    reports: list[FeedReport] = []
    with ExitStack() as stack:
        workers = None
        if len(feeds) >= PROCESSES_FROM:  # worth the start of a process per core
            workers = stack.enter_context(processes())
        pool = stack.enter_context(ThreadPoolExecutor(max_workers=MAX_PARALLEL))
        book = AddressBook(library)  # every address the library has, once for the run
        pending = [
            pool.submit(fetch_feed, feed, library, timeout, workers, rules, book) for feed in feeds
        ]
        for future in as_completed(pending):
            report = future.result()
            reports.append(report)
            if progress is not None:
                progress(report, len(reports), len(feeds))
    order = {id(feed): index for index, feed in enumerate(feeds)}
    return sorted(reports, key=lambda report: order[id(report.feed)])
