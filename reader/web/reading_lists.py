"""Reading lists exported from other services, read into one shape.

Pocket (its CSV, or the zip of CSV files it gave before it closed),
Instapaper (CSV), Omnivore (its zip of JSON metadata and HTML, or one of the
JSON files), Wallabag (JSON) and a plain text file of addresses, one a line.
The format is recognised from the file itself, or named by the caller.

An export comes from elsewhere and is untrusted: it is read whole within a
size limit (a zip's unpacked size too), its text is cleaned of control
characters, its dates are read leniently (a bad one is no date), and
anything but an http(s) address is skipped with the place and the reason.
The same page listed twice is one entry, keeping what each line said.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from reader.settings.i18n import t
from reader.settings.untrusted import clean, read_failure, read_regular_file
from reader.web.saved import address_key

FORMATS = ("pocket", "instapaper", "omnivore", "wallabag", "urls")
MAX_LIST_BYTES = 256 * 1024 * 1024
"""The largest export read (Wallabag's JSON carries every article's text)."""
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""The most a zipped export may unpack to: a zip bomb is refused, not unpacked."""
MAX_ENTRIES = 200_000
MAX_TEXT = 300
MAX_ADDRESS = 2000


class ListError(Exception):
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


@dataclass
class ReadingList:
    """An export read: its format, its entries, and the lines that were skipped."""

    format: str
    entries: list[ListEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """"line 4: not a web address (ftp://…)", one a skipped line or entry."""
    repeated: int = 0
    """Entries that named a page listed already (merged into the first)."""


def read_list(path: Path, format: str | None = None) -> ReadingList:
    """Read the export at `path`; `format` forces one of `FORMATS` instead of recognising it."""
    try:
        data = read_regular_file(path, MAX_LIST_BYTES)
    except OSError as error:
        raise ListError(str(read_failure(error))) from None
    members = _unzip(data) if data[:4] == b"PK\x03\x04" else {path.name: data}
    chosen = format or _recognise(members)
    if chosen is None:
        raise ListError(t("lists.unknown"))
    readers = {
        "pocket": _pocket,
        "instapaper": _instapaper,
        "omnivore": _omnivore,
        "wallabag": _wallabag,
        "urls": _urls,
    }
    listing = ReadingList(chosen)
    for place, entry in readers[chosen](members):
        if isinstance(entry, str):
            listing.skipped.append(f"{place}: {entry}")
        elif len(listing.entries) < MAX_ENTRIES:
            listing.entries.append(entry)
        else:
            listing.skipped.append(f"{place}: {t('lists.too_many', limit=MAX_ENTRIES)}")
    if not listing.entries and not listing.skipped:
        raise ListError(t("lists.empty"))
    return _merged(listing)


# -- the file ----------------------------------------------------------------


def _unzip(data: bytes) -> dict[str, bytes]:
    """The members of a zipped export that can matter (CSV, JSON, HTML), within limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        wanted = [
            info
            for info in archive.infolist()
            if not info.is_dir() and info.filename.lower().endswith((".csv", ".json", ".html"))
        ]
        if sum(info.file_size for info in wanted) > MAX_UNPACKED_BYTES:
            raise ListError(t("lists.too_large_unpacked", limit=MAX_UNPACKED_BYTES >> 20))
        members: dict[str, bytes] = {}
        total = 0
        for info in wanted:
            with archive.open(info) as member:
                content = member.read(MAX_UNPACKED_BYTES - total + 1)
            total += len(content)
            if total > MAX_UNPACKED_BYTES:  # the sizes the zip declared were lies
                raise ListError(t("lists.too_large_unpacked", limit=MAX_UNPACKED_BYTES >> 20))
            members[info.filename] = content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise ListError(t("lists.bad_zip", reason=clean(str(error)))) from None
    return members


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def _recognise(members: Mapping[str, bytes]) -> str | None:
    for name, data in members.items():
        lower = name.lower()
        if lower.endswith(".json"):
            found = _json_format(data)
            if found:
                return found
        elif not lower.endswith(".html"):
            header = {cell.strip().lower() for cell in _first_row(_text(data[:4096]))}
            if {"url", "time_added"} <= header:
                return "pocket"
            if {"url", "folder"} <= header:
                return "instapaper"
            if any(_is_address(line.strip()) for line in _text(data[:65536]).splitlines()):
                return "urls"
    return None


def _first_row(text: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text)), [])
    except csv.Error:
        return []


def _json_format(data: bytes) -> str | None:
    head = _text(data[:65536])
    if '"is_archived"' in head or '"is_starred"' in head:
        return "wallabag"
    if '"savedAt"' in head or '"slug"' in head:
        return "omnivore"
    return None


# -- the formats -------------------------------------------------------------

Found = Iterator[tuple[str, ListEntry | str]]
"""(place, entry or why it was skipped), in the file's order."""


def _csv_rows(members: Mapping[str, bytes]) -> Iterator[tuple[str, dict[str, str]]]:
    for name, data in members.items():
        if not name.lower().endswith(".csv") and len(members) > 1:
            continue
        rows = csv.DictReader(io.StringIO(_text(data), newline=""))
        try:
            for row in rows:
                cells = {str(key).strip().lower(): value or "" for key, value in row.items()}
                place = t("lists.line", line=rows.line_num)
                yield (f"{name}, {place}" if len(members) > 1 else place), cells
        except csv.Error as error:
            raise ListError(f"{t('lists.line', line=rows.line_num)}: {error}") from None


def _pocket(members: Mapping[str, bytes]) -> Found:
    for place, row in _csv_rows(members):
        yield (
            place,
            _entry(
                row.get("url"),
                title=row.get("title"),
                tags=row.get("tags", "").split("|"),
                saved=row.get("time_added"),
                read=row.get("status", "").strip().lower() == "archive",
            ),
        )


def _instapaper(members: Mapping[str, bytes]) -> Found:
    for place, row in _csv_rows(members):
        folder = clean(row.get("folder", "")).strip()
        tags = _json_tags(row.get("tags", ""))
        if folder.lower() not in ("", "unread", "archive", "starred"):
            tags.insert(0, folder)  # a folder of the user's own is how they sorted it
        yield (
            place,
            _entry(
                row.get("url"),
                title=row.get("title"),
                tags=tags,
                saved=row.get("timestamp"),
                read=folder.lower() == "archive",
                starred=folder.lower() == "starred",
            ),
        )


def _json_tags(cell: str) -> list[str]:
    """Instapaper's Tags cell: a JSON list (`["a","b"]`), or words separated by commas."""
    cell = cell.strip()
    if not cell:
        return []
    try:
        value = json.loads(cell)
    except ValueError:
        return cell.split(",")
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _json_items(members: Mapping[str, bytes]) -> Iterator[tuple[str, Any]]:
    for name, data in sorted(members.items()):
        if not name.lower().endswith(".json") and len(members) > 1:
            continue
        try:
            document = json.loads(_text(data))
        except (ValueError, RecursionError) as error:
            raise ListError(t("lists.bad_json", name=name, reason=clean(str(error)))) from None
        if isinstance(document, dict):  # some tools wrap the list: {"items": [...]}
            document = next((v for v in document.values() if isinstance(v, list)), [])
        if not isinstance(document, list):
            raise ListError(t("lists.bad_json", name=name, reason=t("lists.not_a_list")))
        for index, item in enumerate(document, start=1):
            place = t("lists.entry", entry=index)
            yield (f"{name}, {place}" if len(members) > 1 else place), item


def _names(value: object, key: str) -> list[str]:
    """Tags as a list of names, or of objects naming them (`{"label": …}`)."""
    if not isinstance(value, list):
        return []
    return [str(item.get(key, "")) if isinstance(item, dict) else str(item) for item in value]


def _omnivore(members: Mapping[str, bytes]) -> Found:
    pages = {
        PurePosixPath(name).stem: data
        for name, data in members.items()
        if name.lower().endswith(".html")
    }
    for place, item in _json_items(members):
        if not isinstance(item, dict):
            yield place, t("lists.not_an_entry")
            continue
        html = pages.get(str(item.get("slug") or item.get("id") or ""))
        yield (
            place,
            _entry(
                item.get("url"),
                title=item.get("title"),
                tags=_names(item.get("labels"), "name"),
                saved=item.get("savedAt"),
                read=str(item.get("state", "")).lower() == "archived",
                html=_text(html) if html else None,
                author=item.get("author"),
                published=item.get("publishedAt"),
            ),
        )


def _wallabag(members: Mapping[str, bytes]) -> Found:
    for place, item in _json_items(members):
        if not isinstance(item, dict):
            yield place, t("lists.not_an_entry")
            continue
        authors = item.get("published_by")
        yield (
            place,
            _entry(
                item.get("url"),
                title=item.get("title"),
                tags=_names(item.get("tags"), "label"),
                saved=item.get("created_at"),
                read=bool(item.get("is_archived")),
                starred=bool(item.get("is_starred")),
                html=item.get("content") if isinstance(item.get("content"), str) else None,
                author=", ".join(map(str, authors)) if isinstance(authors, list) else None,
                published=item.get("published_at"),
            ),
        )


def _urls(members: Mapping[str, bytes]) -> Found:
    for data in members.values():
        for number, line in enumerate(_text(data).splitlines(), start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield t("lists.line", line=number), _entry(line)


# -- one entry ---------------------------------------------------------------


def _entry(
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
    if not _is_address(address):
        shown = clean(address[:80]) or t("lists.nothing")
        return t("lists.not_address", address=shown)
    when = _when(published)
    return ListEntry(
        url=address,
        title=_words(title),
        tags=tuple(dict.fromkeys(tag for tag in map(_words, tags) if tag)),
        saved=_when(saved),
        read=read,
        starred=starred,
        html=clean(html) if html and html.strip() else None,
        author=_words(author),
        published=when.date().isoformat() if when else None,
    )


def _is_address(text: str) -> bool:
    """An http(s) address with a host, of sensible length, with no space or control in it."""
    if len(text) > MAX_ADDRESS or clean(text) != text or any(char.isspace() for char in text):
        return False
    try:
        parts = urlsplit(text)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _words(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(clean(str(value)).split())
    return text[:MAX_TEXT] or None


def _when(value: object) -> dt.datetime | None:
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


def _merged(listing: ReadingList) -> ReadingList:
    """One entry a page: what was said of it anywhere in the list, kept."""
    by_key: dict[str, ListEntry] = {}
    for entry in listing.entries:
        key = address_key(entry.url)
        first = by_key.get(key)
        if first is None:
            by_key[key] = entry
            continue
        listing.repeated += 1
        times = [when for when in (first.saved, entry.saved) if when is not None]
        by_key[key] = replace(
            first,
            title=first.title or entry.title,
            tags=tuple(dict.fromkeys(first.tags + entry.tags)),
            saved=min(times, key=_sortable) if times else None,
            read=first.read or entry.read,
            starred=first.starred or entry.starred,
            html=first.html or entry.html,
            author=first.author or entry.author,
            published=first.published or entry.published,
        )
    listing.entries = list(by_key.values())
    return listing


def _sortable(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
