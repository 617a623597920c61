"""An exported state file, read and checked before anything of it is merged.

Import files come from elsewhere (another machine, another program, someone
hostile), so every entry is checked against what reader itself writes: ids and
texts are strings of sane length (control characters made visible), flags are
booleans, a position's line is a whole number within reason and its fractions
lie between 0 and 1. The first entry that breaks a rule stops the import with a
message naming it; nothing is merged (the store's import is one transaction).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg
from reader.settings.untrusted import clean, display_text, read_failure, read_regular_file

MAX_EXPORT_BYTES = 64 * 1024 * 1024
"""Largest import file read (an export of 100,000 articles is a few tens of MB)."""
MAX_ID = 1000
MAX_TEXT = 100_000
MAX_LINE = 100_000_000
"""No article has more body lines than this."""


class ExportError(ReaderError):
    """The file is not a usable export; `message` says where and why, for people."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class ArticleEntry:
    article_id: str
    read: bool
    read_changed: str
    line: int | None = None
    fraction: float = 0.0
    progress: float = 0.0
    position_changed: str = ""


@dataclass(frozen=True)
class BookmarkEntry:
    article_id: str
    title: str
    note: str
    created: str


@dataclass(frozen=True)
class Export:
    articles: tuple[ArticleEntry, ...]
    bookmarks: tuple[BookmarkEntry, ...]
    """In the file's order: newest first, as reader writes them."""


def load_export_file(path: Path) -> Any:
    """The JSON of an import file; `ExportError` for anything that is not plain JSON."""
    try:
        raw = read_regular_file(path, MAX_EXPORT_BYTES)
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except OSError as error:
        raise ExportError(read_failure(error)) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise ExportError(Msg.of("export.not_json", reason=error)) from None
    except RecursionError:
        raise ExportError(Msg.of("export.not_json", reason="nested too deeply")) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_export(data: Any) -> Export:
    """Check every entry of an export; raises `ExportError` naming the first bad one."""
    if not isinstance(data, dict) or data.get("format") != "reader-state":
        raise ExportError(Msg.of("store.not_export"))
    articles = _list(data, "articles")
    bookmarks = _list(data, "bookmarks")
    return Export(
        tuple(_article(n, entry) for n, entry in enumerate(articles, start=1)),
        tuple(_bookmark(n, entry) for n, entry in enumerate(bookmarks, start=1)),
    )


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ExportError(Msg.of("export.bad_list", key=key))
    return value


class _Entry:
    """Reads the fields of one entry, naming it in any complaint."""

    def __init__(self, section: str, number: int, entry: Any) -> None:
        self.section, self.number = section, number
        if not isinstance(entry, dict):
            raise self.bad("", "an object")
        self.entry = entry

    def bad(self, key: str, wanted: str) -> ExportError:
        where = f"{self.section}[{self.number}]" + (f".{key}" if key else "")
        return ExportError(Msg.of("export.bad_entry", where=where, wanted=wanted))

    def text(self, key: str, limit: int, required: bool = False) -> str:
        value = self.entry.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
            raise self.bad(key, f"a text of 1 to {limit} characters" if required else "a text")
        return display_text(value) if key == "id" else clean(value)

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            raise self.bad(key, "true or false")
        return value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _article(number: int, raw: Any) -> ArticleEntry:
    entry = _Entry("articles", number, raw)
    article_id = entry.text("id", MAX_ID, required=True)
    read, read_changed = entry.flag("read"), entry.text("read_changed", 64)
    position = entry.entry.get("position")
    if position is None:
        return ArticleEntry(article_id, read, read_changed)
    if not isinstance(position, dict):
        raise entry.bad("position", "an object")
    line = position.get("line")
    if not isinstance(line, int) or isinstance(line, bool) or not 0 <= line <= MAX_LINE:
        raise entry.bad("position.line", f"a whole number from 0 to {MAX_LINE}")
    shares = {}
    for key in ("fraction", "progress"):
        value = position.get(key, 0.0)
        if not _number(value) or not math.isfinite(value) or not 0.0 <= value <= 1.0:
            raise entry.bad(f"position.{key}", "a number from 0 to 1")
        shares[key] = float(value)
    changed = position.get("changed") or ""
    if not isinstance(changed, str) or len(changed) > 64:
        raise entry.bad("position.changed", "a time")
    return ArticleEntry(article_id, read, read_changed, line, **shares, position_changed=changed)


def _bookmark(number: int, raw: Any) -> BookmarkEntry:
    entry = _Entry("bookmarks", number, raw)
    return BookmarkEntry(
        entry.text("id", MAX_ID, required=True),
        entry.text("title", MAX_TEXT),
        entry.text("note", MAX_TEXT),
        entry.text("created", 64),
    )
