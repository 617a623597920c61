"""The feeds the user follows: `feeds.json` in the data directory, and OPML in and out.

A small JSON file, written whole under a temporary name and renamed (a crash
never leaves half of it). A file someone broke is reported, naming it, and
never silently replaced: reader refuses to write over it. Every change is made
under a lock to the file as it is on disk then (`FeedList.editing`), so a
fetch that ends while another command adds or removes a feed loses neither.

Each feed has a `home`: the name of its items' folder, made once from its
address when it is followed, never from the title the feed gives itself
(a title that changes on each fetch would file every item again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg, t
from reader.settings.untrusted import clean, read_failure, read_regular_file
from reader.web.fetch import FetchError, check_address

FEEDS_FILE = "feeds.json"
LOCK_FILE = ".feeds.lock"
FEEDS_FOLDER = "feeds"
"""The folder of the user's library that holds each feed's home."""
MAX_OPML_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 8
"""Folders within folders read from an OPML file at most (deeper feeds are not read)."""
LEARNT = ("url", "title", "etag", "last_modified", "fetched", "error")
"""What a fetch learns of a feed (its address too: a feed moved for good is followed where
it lives now)."""
"""What a fetch learns about a feed (and writes back); the rest is the user's."""


class FeedListError(ReaderError):
    """The feeds file or an OPML file could not be read; the message says which and why."""


@dataclass
class Feed:
    """One followed feed, and what the last fetch learned about it."""

    url: str
    name: str | None = None
    full: bool = False
    """Keep each item's linked page (extracted like `reader add`), not only the feed's text."""
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched: str | None = None
    """When it was last fetched without an error (ISO 8601, UTC)."""
    error: str | None = None
    home: str = ""
    """Its items' folder under `library/feeds/`: made from the address when the feed
    is followed (see `feed_home`) and kept, whatever the feed calls itself."""
    folder: str | None = None
    """The folder it is filed in, as OPML folders are (`News/Local`): kept from an
    import, written back by an export."""
    tags: list[str] = field(default_factory=list)
    """Its tags (newsboat's): OPML's `category`, in and out; the pane groups by them."""
    fetch_every: int | None = None
    """Minutes between two fetches of this feed (None: the config's `fetch_every`)."""

    def __post_init__(self) -> None:
        # Everything here may come from a file someone edited: what is not of the
        # right shape is dropped, never trusted.
        if not isinstance(self.home, str) or not _HOME.fullmatch(self.home):
            self.home = feed_home(self.url)
        if self.folder is not None:
            self.folder = folder_path(str(self.folder))
        self.tags = tag_list(self.tags if isinstance(self.tags, list) else [])
        every = self.fetch_every
        valid = isinstance(every, int) and not isinstance(every, bool) and every > 0
        self.fetch_every = every if valid else None

    @property
    def label(self) -> str:
        return self.name or self.title or self.url

    def due(self, every: int, now: dt.datetime | None = None) -> bool:
        """Whether it is time to fetch it: its own `fetch_every`, else `every` minutes
        (0: only when asked), since it was last fetched."""
        minutes = self.fetch_every or every
        if minutes <= 0:
            return False
        if not self.fetched:
            return True
        try:
            last = dt.datetime.fromisoformat(self.fetched)
        except ValueError:
            return True
        if last.tzinfo is None:
            last = last.replace(tzinfo=dt.UTC)
        return (now or dt.datetime.now(dt.UTC)) - last >= dt.timedelta(minutes=minutes)


def tag_list(values: Iterable[object]) -> list[str]:
    """Tags as reader keeps them: text, cleaned, without `#` or `/`, each once."""
    tags: dict[str, None] = {}
    for value in values:
        if isinstance(value, str):
            tag = " ".join(clean(value).strip().strip("#/").split())
            if tag:
                tags.setdefault(tag, None)
    return list(tags)


_HOME = re.compile(r"[a-z0-9][a-z0-9-]{0,60}-[0-9a-f]{8}")
"""A home as `feed_home` makes it: nothing else is taken from the file as a folder name."""


def feed_home(url: str) -> str:
    """A folder name for a feed's items, from its address alone: readable and unique.

    `https://News.example/blog/feed.xml` -> `news-example-blog-feed-xml-1a2b3c4d`.
    """
    parts = urlsplit(url.strip())
    words = re.sub(r"[^a-z0-9]+", "-", f"{parts.netloc}{parts.path}".lower()).strip("-")
    digest = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:8]
    return f"{words[:40].strip('-') or 'feed'}-{digest}"


class FeedList:
    """The followed feeds, loaded from and saved to the data directory."""

    def __init__(self, data_dir: Path, feeds: list[Feed] | None = None) -> None:
        self.path = data_dir / FEEDS_FILE
        self.feeds = feeds or []

    @classmethod
    def load(cls, data_dir: Path) -> FeedList:
        path = data_dir / FEEDS_FILE
        if not path.exists():
            return cls(data_dir)
        try:
            raw = json.loads(read_regular_file(path, MAX_OPML_BYTES).decode("utf-8"))
            known = {field.name for field in fields(Feed)}
            feeds = [Feed(**{k: v for k, v in item.items() if k in known}) for item in raw]
            for feed in feeds:
                if not isinstance(feed.url, str):
                    raise TypeError("an address is not text")
        except OSError as error:
            raise FeedListError(read_failure(error), path) from None
        except (ValueError, TypeError, AttributeError) as error:
            raise FeedListError(Msg.of("feeds.not_a_list", reason=str(error)), path) from None
        return cls(data_dir, feeds)

    @classmethod
    @contextmanager
    def editing(cls, data_dir: Path) -> Iterator[FeedList]:
        """The feeds as they are on disk now, written back when the block ends without
        an error; no other reader changes them meanwhile (a lock beside the file)."""
        with _locked(data_dir):
            feeds = cls.load(data_dir)
            yield feeds
            feeds.save()

    def learn(self, fetched: Iterable[Feed]) -> None:
        """Take what a fetch learnt of each of `fetched` that is still followed (known by its
        home, which stays when its address moves)."""
        by_home = {feed.home: feed for feed in fetched}
        for feed in self.feeds:
            news = by_home.get(feed.home)
            if news is not None:
                for name in LEARNT:
                    setattr(feed, name, getattr(news, name))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps([asdict(feed) for feed in self.feeds], ensure_ascii=False, indent=2)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".feeds-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def find(self, url_or_name: str) -> Feed | None:
        """The feed with this address, else the one with this name or title (any case,
        as `feeds list` shows it)."""
        wanted = url_or_name.strip()
        by_url = next((f for f in self.feeds if f.url == wanted), None)
        if by_url is not None:
            return by_url
        folded = wanted.casefold()
        for field_name in ("name", "title"):
            for feed in self.feeds:
                if (getattr(feed, field_name) or "").casefold() == folded:
                    return feed
        return None

    def add(
        self,
        url: str,
        name: str | None = None,
        full: bool = False,
        folder: str | None = None,
        tags: Iterable[str] = (),
    ) -> tuple[Feed, bool]:
        """Follow `url` (or change its name, `full`, folder and tags); True if it is new."""
        try:
            url = check_address(url)
        except FetchError as error:
            raise FeedListError(error.reason) from None
        existing = self.find(url)
        if existing is not None:
            existing.name = name or existing.name
            existing.full = full or existing.full
            existing.folder = folder_path(folder) if folder else existing.folder
            existing.tags = tag_list([*existing.tags, *tags])
            return existing, False
        feed = Feed(url, clean(name).strip() if name else None, full, folder=folder)
        feed.tags = tag_list(tags)
        self.feeds.append(feed)
        return feed, True

    def change(
        self,
        feed: Feed,
        *,
        name: str | None = None,
        folder: str | None = None,
        tags: list[str] | None = None,
        every: int | None = None,
    ) -> list[str]:
        """Set what is given of a feed (`folder=""`: in none; `tags=[""]`: none; `every=0`:
        the config's interval); what changed, in words."""
        changed = []
        if name is not None:
            feed.name = " ".join(clean(name).split()) or None
            changed.append(feed.label)
        if folder is not None:
            feed.folder = folder_path(folder)
            changed.append(f"{feed.folder}/" if feed.folder else "/")
        if tags is not None:
            feed.tags = tag_list(tags)
            changed.append(" ".join(f"#{tag}" for tag in feed.tags) or "#")
        if every is not None:
            feed.fetch_every = every if every > 0 else None
            changed.append(t("feeds.every", minutes=every) if every > 0 else "fetch_every")
        return changed

    def by_home(self, home: str) -> Feed | None:
        """The feed whose items live in `home` (what the interface knows a feed by)."""
        return next((feed for feed in self.feeds if feed.home == home), None)

    def remove(self, url_or_name: str) -> Feed | None:
        feed = self.find(url_or_name)
        if feed is not None:
            self.feeds.remove(feed)
        return feed


@contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    """Hold the feeds file's lock (another process waits for it)."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: the rename alone keeps the file whole
        yield
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def folder_path(text: str) -> str | None:
    """A folder as reader keeps it: names cleaned, joined by `/` (None for none)."""
    parts = [" ".join(clean(part).split()) for part in text.split("/")]
    return "/".join(part for part in parts if part) or None


@dataclass(frozen=True)
class Listed:
    """A feed as an OPML file lists it."""

    url: str
    name: str | None
    folder: str | None
    tags: tuple[str, ...] = ()


def read_opml(path: Path) -> list[Listed]:
    """Every feed an OPML file lists, at any depth of outlines: its folder is the path of
    the outlines around it (`News/Local`), as newsboat, nom and FreshRSS file feeds; its
    tags, OPML's `category` (`tech,/linux`)."""
    try:
        data = read_regular_file(path, MAX_OPML_BYTES)
        root = ElementTree.fromstring(data)
    except OSError as error:
        raise FeedListError(read_failure(error), path) from None
    except ElementTree.ParseError as error:
        raise FeedListError(Msg.of("feeds.not_opml", reason=str(error)), path) from None
    found: list[Listed] = []
    body = root.find("body")
    _outlines(root if body is None else body, [], found)
    return found


def _outlines(parent: ElementTree.Element, folders: list[str], found: list[Listed]) -> None:
    for outline in parent.findall("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        name = outline.get("title") or outline.get("text")
        if url:
            shown = clean(name).strip() if name else None
            tags = tag_list((outline.get("category") or "").split(","))
            found.append(Listed(url.strip(), shown, folder_path("/".join(folders)), tuple(tags)))
        elif len(folders) < MAX_DEPTH:
            _outlines(outline, [*folders, (name or "").replace("/", "-")], found)


def write_opml(feeds: list[Feed]) -> str:
    """The feeds as OPML 2.0, in their folders and with their tags (`category`), as
    newsboat, nom and FreshRSS read it."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "reader feeds"
    body = ElementTree.SubElement(root, "body")
    places: dict[str, ElementTree.Element] = {"": body}
    for feed in feeds:
        parent, path = body, ""
        for part in (feed.folder or "").split("/") if feed.folder else []:
            path = f"{path}/{part}"
            if path not in places:
                places[path] = ElementTree.SubElement(parent, "outline", text=part, title=part)
            parent = places[path]
        outline = ElementTree.SubElement(
            parent, "outline", type="rss", text=feed.label, title=feed.label, xmlUrl=feed.url
        )
        if feed.tags:
            outline.set("category", ",".join(feed.tags))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
