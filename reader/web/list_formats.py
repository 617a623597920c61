"""The formats of the reading lists other services export, each read into entries.

Pocket: CSV (`title,url,time_added,tags,status`, tags split by `|`, status
`unread` or `archive`), alone or as the zip of parts it gave. Instapaper:
CSV (`URL,Title,Selection,Folder,Timestamp,Tags`; the folders Archive and
Starred, or one of the user's own, kept as a tag). Omnivore: JSON metadata
(`url, title, labels, state, savedAt …`), with the saved HTML beside it in
its zip. Wallabag: JSON (`url, title, tags, is_archived, is_starred,
content, created_at …`). A plain text file: an address a line, `#` comments.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from reader.settings.i18n import t
from reader.settings.untrusted import clean
from reader.web.list_entries import ListEntry, ListError, is_address, make_entry


def text_of(data: bytes) -> str:
    """An export's bytes as text: UTF-8 (with or without its BOM), never an error."""
    return data.decode("utf-8-sig", errors="replace")


Found = Iterator[tuple[str, ListEntry | str]]
"""(place, entry or why it was skipped), in the file's order."""


def _place(where: str, name: str, members: Mapping[str, bytes]) -> str:
    """ "line 4", or "part_000001.csv, line 4" when the export has several files."""
    return f"{name}, {where}" if len(members) > 1 else where


def _csv_rows(members: Mapping[str, bytes]) -> Iterator[tuple[str, dict[str, str]]]:
    for name, data in members.items():
        if not name.lower().endswith(".csv") and len(members) > 1:
            continue
        rows = csv.DictReader(io.StringIO(text_of(data), newline=""))
        try:
            for row in rows:
                cells = {str(key).strip().lower(): value or "" for key, value in row.items()}
                yield _place(t("lists.line", line=rows.line_num), name, members), cells
        except csv.Error as error:
            raise ListError(f"{t('lists.line', line=rows.line_num)}: {error}") from None


def _pocket(members: Mapping[str, bytes]) -> Found:
    for place, row in _csv_rows(members):
        yield (
            place,
            make_entry(
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
            make_entry(
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


def _json_entries(
    members: Mapping[str, bytes], entry: Callable[[dict[str, Any]], ListEntry | str]
) -> Found:
    """Each object of the JSON files made an entry by `entry`; anything else is skipped."""
    for place, item in _json_items(members):
        yield place, entry(item) if isinstance(item, dict) else t("lists.not_an_entry")


def _json_items(members: Mapping[str, bytes]) -> Iterator[tuple[str, Any]]:
    for name, data in sorted(members.items()):
        if not name.lower().endswith(".json") and len(members) > 1:
            continue
        try:
            document = json.loads(text_of(data))
        except (ValueError, RecursionError) as error:
            raise ListError(t("lists.bad_json", name=name, reason=clean(str(error)))) from None
        if isinstance(document, dict):  # some tools wrap the list: {"items": [...]}
            document = next((v for v in document.values() if isinstance(v, list)), [])
        if not isinstance(document, list):
            raise ListError(t("lists.bad_json", name=name, reason=t("lists.not_a_list")))
        for index, item in enumerate(document, start=1):
            yield _place(t("lists.entry", entry=index), name, members), item


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

    def entry(item: dict[str, Any]) -> ListEntry | str:
        html = pages.get(str(item.get("slug") or item.get("id") or ""))
        return make_entry(
            item.get("url"),
            title=item.get("title"),
            tags=_names(item.get("labels"), "name"),
            saved=item.get("savedAt"),
            read=str(item.get("state", "")).lower() == "archived",
            html=text_of(html) if html else None,
            author=item.get("author"),
            published=item.get("publishedAt"),
        )

    return _json_entries(members, entry)


def _wallabag(members: Mapping[str, bytes]) -> Found:
    return _json_entries(members, _wallabag_entry)


def _wallabag_entry(item: dict[str, Any]) -> ListEntry | str:
    authors = item.get("published_by")
    content = item.get("content")
    return make_entry(
        item.get("url"),
        title=item.get("title"),
        tags=_names(item.get("tags"), "label"),
        saved=item.get("created_at"),
        read=bool(item.get("is_archived")),
        starred=bool(item.get("is_starred")),
        html=content if isinstance(content, str) else None,
        author=", ".join(map(str, authors)) if isinstance(authors, list) else None,
        published=item.get("published_at"),
    )


def _urls(members: Mapping[str, bytes]) -> Found:
    for data in members.values():
        for number, line in enumerate(text_of(data).splitlines(), start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield t("lists.line", line=number), make_entry(line)


def _csv_header(name: str, data: bytes) -> set[str]:
    if name.lower().endswith((".json", ".html")):
        return set()
    return {cell.strip().lower() for cell in _first_row(text_of(data[:4096]))}


def _first_row(text: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(text)), [])
    except csv.Error:
        return []


def _json_head(name: str, data: bytes) -> str:
    return text_of(data[:65536]) if name.lower().endswith(".json") else ""


def _is_pocket(name: str, data: bytes) -> bool:
    return {"url", "time_added"} <= _csv_header(name, data)


def _is_instapaper(name: str, data: bytes) -> bool:
    return {"url", "folder"} <= _csv_header(name, data)


def _is_wallabag(name: str, data: bytes) -> bool:
    head = _json_head(name, data)
    return '"is_archived"' in head or '"is_starred"' in head


def _is_omnivore(name: str, data: bytes) -> bool:
    head = _json_head(name, data)
    return '"savedAt"' in head or '"slug"' in head


def _is_urls(name: str, data: bytes) -> bool:
    if name.lower().endswith((".json", ".html")):
        return False
    return any(is_address(line.strip()) for line in text_of(data[:65536]).splitlines())


@dataclass(frozen=True)
class ListFormat:
    """A format of reading list: its name (`--format`), how a file of it is recognised,
    how it is read, and its name for people (English, French)."""

    name: str
    sniff: Callable[[str, bytes], bool]
    """Whether a file (its name, its bytes) is of this format."""
    read: Callable[[Mapping[str, bytes]], Found]
    label: tuple[str, str]


LIST_FORMATS: tuple[ListFormat, ...] = (
    ListFormat("pocket", _is_pocket, _pocket, ("Pocket export", "export Pocket")),
    ListFormat(
        "instapaper", _is_instapaper, _instapaper, ("Instapaper export", "export Instapaper")
    ),
    ListFormat("wallabag", _is_wallabag, _wallabag, ("Wallabag export", "export Wallabag")),
    ListFormat("omnivore", _is_omnivore, _omnivore, ("Omnivore export", "export Omnivore")),
    ListFormat("urls", _is_urls, _urls, ("list of addresses", "liste d’adresses")),
)
"""Tried in this order on each file of an export; the first that recognises it wins."""
BY_NAME = {entry.name: entry for entry in LIST_FORMATS}


def recognise(members: Mapping[str, bytes]) -> ListFormat | None:
    """The format of an export's files (the first file any format recognises)."""
    for name, data in members.items():
        for entry in LIST_FORMATS:
            if entry.sniff(name, data):
                return entry
    return None
