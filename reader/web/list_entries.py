"""One entry of a reading list, made from what an export says, and trusted no further.

Strings are cleaned of control characters and cut to a sensible length;
times are read as exports write them (Unix seconds, ISO 8601), and one that is
no time is none; an address must be http(s) with a host, else the entry is
skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.settings.errors import ReaderError
from reader.settings.i18n import t
from reader.settings.untrusted import clean

MAX_TEXT = 300
MAX_ADDRESS = 2000


class ListError(ReaderError):
    """The file is not a reading list reader can read; the message says why."""


@dataclass(frozen=True)
class ListEntry:
    """One saved page of an export: its address and what the service knew of it."""

    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    saved: dt.datetime | None = None
    """When it was saved in the service."""
    read: bool = False
    """Archived there: read here."""
    starred: bool = False
    """A favourite there: bookmarked here."""
    html: str | None = None
    """The article's text as the export carries it (Wallabag, Omnivore's zip)."""
    author: str | None = None
    published: str | None = None


def make_entry(
    url: object,
    *,
    title: object = None,
    tags: Iterable[object] = (),
    saved: object = None,
    read: bool = False,
    starred: bool = False,
    html: str | None = None,
    author: object = None,
    published: object = None,
) -> ListEntry | str:
    """The entry, or why it was skipped."""
    address = str(url or "").strip()
    if not is_address(address):
        shown = clean(address[:80]) or t("lists.nothing")
        return t("lists.not_address", address=shown)
    published_at = when(published)
    return ListEntry(
        url=address,
        title=words(title),
        tags=tuple(dict.fromkeys(tag for tag in map(words, tags) if tag)),
        saved=when(saved),
        read=read,
        starred=starred,
        html=clean(html) if html and html.strip() else None,
        author=words(author),
        published=published_at.date().isoformat() if published_at else None,
    )


def is_address(text: str) -> bool:
    """An http(s) address with a host, of sensible length, with no space or control in it."""
    if len(text) > MAX_ADDRESS or clean(text) != text or any(char.isspace() for char in text):
        return False
    try:
        parts = urlsplit(text)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def words(value: object) -> str | None:
    """A title, a tag or a name: one line, cleaned, at most `MAX_TEXT` characters."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(clean(str(value)).split())
    return text[:MAX_TEXT] or None


def when(value: object) -> dt.datetime | None:
    """A time as exports write it: Unix seconds, or ISO 8601 (a `Z`, an offset, or none)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)) or str(value).strip().isdigit():
            seconds = float(str(value).strip())
            if not 0 < seconds < 32_503_680_000:  # up to the year 3000
                return None
            return dt.datetime.fromtimestamp(seconds, dt.UTC)
        text = str(value).strip().replace("Z", "+00:00")
        return dt.datetime.fromisoformat(text[:40])
    except (ValueError, OverflowError, OSError):
        return None
