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

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.settings.i18n import t
from reader.settings.untrusted import clean, read_failure, read_regular_file
from reader.web.list_entries import ListEntry, ListError
from reader.web.list_formats import BY_NAME, LIST_FORMATS, ListFormat, recognise
from reader.web.saved import address_key

__all__ = ["LIST_FORMATS", "ListEntry", "ListError", "ReadingList", "read_list"]

MAX_LIST_BYTES = 256 * 1024 * 1024
"""The largest export read (Wallabag's JSON carries every article's text)."""
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""The most a zipped export may unpack to: a zip bomb is refused, not unpacked."""
MAX_ENTRIES = 200_000


@dataclass
class ReadingList:
    """An export read: its format, its entries, and the lines that were skipped."""

    format: ListFormat
    entries: list[ListEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """"line 4: not a web address (ftp://…)", one a skipped line or entry."""
    repeated: int = 0
    """Entries that named a page listed already (merged into the first)."""


def read_list(path: Path, format: str | None = None) -> ReadingList:
    """Read the export at `path`; `format` (a name of `LIST_FORMATS`) forces one instead of
    recognising it."""
    try:
        data = read_regular_file(path, MAX_LIST_BYTES)
    except OSError as error:
        raise ListError(str(read_failure(error))) from None
    members = _unzip(data) if data[:4] == b"PK\x03\x04" else {path.name: data}
    chosen = BY_NAME.get(format) if format else recognise(members)
    if chosen is None:
        raise ListError(t("lists.unknown"))
    listing = ReadingList(chosen)
    for place, entry in chosen.read(members):
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
