"""The feeds the user follows: `feeds.json` in the data directory, and OPML in and out.

A small JSON file, written whole under a temporary name and renamed (a crash
never leaves half of it). A file someone broke is reported, naming it, and
never silently replaced: reader refuses to write over it.
"""

from __future__ import annotations

import json
import os
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reader.settings.untrusted import clean, read_failure, read_regular_file
from reader.web.fetch import FetchError, check_address

FEEDS_FILE = "feeds.json"
MAX_OPML_BYTES = 10 * 1024 * 1024


class FeedListError(Exception):
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

    @property
    def label(self) -> str:
        return self.name or self.title or self.url


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
        except OSError as error:
            raise FeedListError(f"{path}: {read_failure(error)}") from None
        except (ValueError, TypeError, AttributeError) as error:
            raise FeedListError(f"{path}: not a list of feeds ({error})") from None
        return cls(data_dir, feeds)

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
        wanted = url_or_name.strip()
        return next(
            (
                f
                for f in self.feeds
                if wanted in (f.url, f.name) or wanted.lower() == (f.name or "").lower()
            ),
            None,
        )

    def add(self, url: str, name: str | None = None, full: bool = False) -> tuple[Feed, bool]:
        """Follow `url` (or change its name and `full`); True if it is new."""
        try:
            url = check_address(url)
        except FetchError as error:
            raise FeedListError(str(error)) from None
        existing = self.find(url)
        if existing is not None:
            existing.name = name or existing.name
            existing.full = full or existing.full
            return existing, False
        feed = Feed(url, clean(name).strip() if name else None, full)
        self.feeds.append(feed)
        return feed, True

    def remove(self, url_or_name: str) -> Feed | None:
        feed = self.find(url_or_name)
        if feed is not None:
            self.feeds.remove(feed)
        return feed


def read_opml(path: Path) -> list[tuple[str, str | None]]:
    """(address, name) of every feed an OPML file lists, at any depth of outlines."""
    try:
        data = read_regular_file(path, MAX_OPML_BYTES)
        root = ElementTree.fromstring(data)
    except OSError as error:
        raise FeedListError(f"{path}: {read_failure(error)}") from None
    except ElementTree.ParseError as error:
        raise FeedListError(f"{path}: not OPML ({error})") from None
    found: list[tuple[str, str | None]] = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url:
            name = outline.get("title") or outline.get("text")
            found.append((url.strip(), clean(name).strip() if name else None))
    return found


def write_opml(feeds: list[Feed]) -> str:
    """The feeds as OPML 2.0, as newsboat, nom and FreshRSS read it."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "reader feeds"
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        ElementTree.SubElement(
            body, "outline", type="rss", text=feed.label, title=feed.label, xmlUrl=feed.url
        )
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
