"""Reading the typed fields of a front matter: text, dates, tags, authors, sources.

Real folders hold every shape (a list where text belongs, "2026-01" for a date,
tags as one string): each field is read leniently, and what cannot be used is a
warning naming the key's line, or, for a field the article cannot do without in
that shape, a rejection of the file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from reader.library.article import SOURCE_KINDS, DatePrecision, Problem, Source, SourceKind
from reader.library.frontmatter import Rejected, Split, describe
from reader.library.sanitize import clean
from reader.library.vocabulary import KINDS, is_known_language
from reader.settings.i18n import Msg

_LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://", "reader:")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")


def _scalar_text(value: Any) -> str | None:
    """A YAML scalar as clean text, or None when it is not a scalar."""
    if isinstance(value, str):
        return clean(value).strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


class Fields:
    """Reads typed fields out of a front-matter mapping, collecting warnings."""

    def __init__(self, parts: Split, path: Path) -> None:
        self.meta = {str(key).lower(): value for key, value in parts.meta.items()}
        self.parts = parts
        self.path = path
        self.problems: list[Problem] = []

    def warn(self, key: str, message: Msg) -> None:
        line = self.parts.key_line(key)
        self.problems.append(Problem(self.path, line, "warning", message))

    def reject(self, key: str, message: Msg) -> Rejected:
        return Rejected(self.parts.key_line(key), message)

    def text(self, key: str) -> str | None:
        """A text field; a list or mapping where text belongs rejects the file."""
        value = self.meta.get(key)
        if value is None:
            return None
        result = _scalar_text(value)
        if result is None:
            raise self.reject(key, Msg.of("problem.not_text", key=key, what=describe(value)))
        return result or None

    def hint(self, key: str) -> str | None:
        """A text field that is only a hint (a site generator's `slug`): anything but text
        is passed over, where `text` would reject the whole file."""
        value = self.meta.get(key)
        return (_scalar_text(value) or "").strip() or None if value is not None else None

    def author(self) -> str | None:
        """`author` as text, a list of names, or a mapping with a `name` (Jekyll)."""
        value = self.meta.get("author", self.meta.get("authors"))
        if isinstance(value, list):
            names = [_scalar_text(item) for item in value]
            return ", ".join(name for name in names if name) or None
        if isinstance(value, dict):
            return _scalar_text(value.get("name")) or None
        return (_scalar_text(value) or None) if value is not None else None

    def published(self) -> tuple[dt.date | None, DatePrecision]:
        """The `published` (or `date`, or Obsidian's `created`) field, and how precise it is."""
        for key in ("published", "date", "created"):
            if key in self.meta and self.meta[key] is not None:
                return self._date(key, self.meta[key])
        return None, "day"

    def _date(self, key: str, value: Any) -> tuple[dt.date | None, DatePrecision]:
        if isinstance(value, dt.datetime):
            return value.date(), "day"
        if isinstance(value, dt.date):
            return value, "day"
        text = _scalar_text(value) or ""
        found = _ISO_DATE.match(text)
        if found:
            year, month, day = found.group(1, 2, 3)
            precision: DatePrecision = "day" if day else "month" if month else "year"
            try:
                return dt.date(int(year), int(month or 1), int(day or 1)), precision
            except ValueError:
                pass
        self.warn(key, Msg.of("problem.bad_date", key=key, text=text))
        return None, "day"

    def updated(self) -> dt.date | None:
        """When it was last changed: `updated` (Obsidian), `modified`, `lastmod` (Hugo)."""
        for key in ("updated", "modified", "lastmod"):
            if key in self.meta and self.meta[key] is not None:
                return self._date(key, self.meta[key])[0]
        return None

    def aliases(self) -> tuple[str, ...]:
        """Obsidian's `aliases` (or `alias`): a list of names, or one."""
        value = self.meta.get("aliases", self.meta.get("alias"))
        items = value if isinstance(value, list) else [value] if value is not None else []
        names = (_scalar_text(item) for item in items)
        return tuple(dict.fromkeys(name.strip() for name in names if name and name.strip()))

    def tags(self) -> tuple[str, ...]:
        value = self.meta.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[Any] = value.split(",") if "," in value else value.split()
        elif isinstance(value, list):
            items = value
        else:
            self.warn("tags", Msg.of("problem.bad_tags", what=describe(value)))
            return ()
        seen: dict[str, None] = {}
        for item in items:
            tag = (_scalar_text(item) or "").lstrip("#").strip()
            if tag:
                seen.setdefault(tag, None)
        return tuple(seen)

    def language(self) -> str | None:
        code = self.text("language") or self.text("lang")
        if code and not is_known_language(code):
            self.warn("language", Msg.of("problem.unknown_language", code=code))
        return code

    def kind(self) -> str | None:
        kind = self.text("kind")
        if kind is None:
            return None
        if kind.lower() not in KINDS:
            known = ", ".join(sorted(KINDS))
            self.warn("kind", Msg.of("problem.unknown_kind", kind=kind, known=known))
            return kind
        return kind.lower()

    def sources(self) -> tuple[Source, ...]:
        value = self.meta.get("sources")
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.reject("sources", Msg.of("problem.sources_not_list", what=describe(value)))
        sources = []
        for number, item in enumerate(value, start=1):
            source = self._source(number, item)
            if source is not None:
                sources.append(source)
        return tuple(sources)

    def _source(self, number: int, item: Any) -> Source | None:
        if isinstance(item, str):
            item = {"title": item}
        if not isinstance(item, dict):
            self.warn(
                "sources", Msg.of("problem.source_not_mapping", number=number, what=describe(item))
            )
            return None
        fields = {str(key).lower(): _scalar_text(value) for key, value in item.items()}
        publisher, title = fields.get("publisher"), fields.get("title")
        if not publisher and not title:
            self.warn("sources", Msg.of("problem.source_empty", number=number))
            return None
        kind_text = (fields.get("kind") or "secondary").lower()
        kind: SourceKind = "secondary"
        if kind_text in SOURCE_KINDS:
            kind = kind_text
        else:
            self.warn("sources", Msg.of("problem.source_kind", number=number, kind=kind_text))
        url = fields.get("url") or None
        if url and not url.lower().startswith(_LINK_SCHEMES):
            self.warn("sources", Msg.of("problem.source_url", number=number, url=url))
            url = None
        return Source(
            publisher=publisher or None,
            title=title or None,
            date=fields.get("date") or None,
            url=url,
            kind=kind,
            note=fields.get("note") or None,
        )
