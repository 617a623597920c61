"""What a page says about itself, in order of trust: its title, its date, its author, its site.

Structured data first (JSON-LD's `headline`, `datePublished`, `author`), then
OpenGraph and `article:*` / citation meta, then the page's own `<h1>`, then
`<title>` with the site's name taken off. A date is kept only when the page
states it (structured data, meta, a `<time>` of the article, a dated address):
a year guessed from a copyright line is never a date. Read with the standard
library's HTML parser, within a size limit; nothing is trusted further than
its text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

MAX_SCANNED = 2 * 1024 * 1024
"""Characters of a page looked through for its metadata (it is in the head, or near)."""
MAX_JSON_LD = 256 * 1024
ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "techarticle", "report", "scholarlyarticle",
    "socialmediaposting", "discussionforumposting", "analysisnewsarticle", "reportagenewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "liveblogposting", "posting",
}  # fmt: skip
"""JSON-LD types whose `headline` and dates are the page's article's."""
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
_AWAY = {
    "comment", "comments", "sidebar", "related", "footer", "widget", "widgets", "recent",
    "respond", "replies",
}  # fmt: skip
"""Words of a class or id that mark what is not the article (its dates are other things')."""
_MARK_WORDS = re.compile(r"[\s_-]+")
_SEPARATORS = re.compile(r"\s+(?:[|\-–—·:»/]|::)\s+")
_BYLINE = re.compile(r"^\s*(?:[—–-]\s*)?(?:by|par|von|por|di)\s+(.{2,80}?)\s*$", re.IGNORECASE)
_DATED_ADDRESS = re.compile(
    r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)"
)
_ISO_DATE = re.compile(r"((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)")


@dataclass
class PageMeta:
    """What the page states of itself; None where it states nothing usable."""

    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    """Where the date was read: `json-ld`, `meta`, `time` or `address`."""
    author: str | None = None
    site: str | None = None
    site_names: set[str] = field(default_factory=set)
    """Every name the site goes by (to take off a `<title>`)."""


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    away: bool
    """Inside a comment section, a sidebar, a footer: not the article."""
    main: bool
    """Inside `<article>` or `<main>`."""


class _Reader(HTMLParser):
    """Collects meta tags, JSON-LD, `<title>`, headings, `<time>` and byline elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self.title = ""
        self.h1: list[tuple[str, bool, bool]] = []
        """(text, in the article, away) of each `<h1>`."""
        self.times: list[tuple[dict[str, str], bool, bool]] = []
        self.authors: list[str] = []
        self.canonical: str | None = None
        self._text: list[str] | None = None
        self._collecting: str | None = None
        """What the text being gathered is (`title`, `h1`, `script`, `author`)."""
        self._collect_depth = 0
        """How deep the element being gathered is: its end (or its parent's) ends it."""

    def _context(self) -> tuple[bool, bool]:
        top = self.stack[-1] if self.stack else None
        return (top.away, top.main) if top else (False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        away, main = self._context()
        marks = f"{values.get('class', '')} {values.get('id', '')}".lower()
        words = set(_MARK_WORDS.split(marks)) if tag not in ("html", "body") else set()
        away = away or tag in ("aside", "nav", "footer") or bool(words & _AWAY)
        main = main or tag in ("article", "main") or values.get("role") == "main"
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), []).append(values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href")
        elif tag == "time" and (values.get("datetime") or "pubdate" in values):
            self.times.append((values, main, away))
        published = values.get("itemprop", "").lower() == "datepublished" and tag != "meta"
        if published and (values.get("datetime") or values.get("content")):
            self.times.append(({**values, "pubdate": ""}, main, away))
        if tag in _VOID:
            return
        self.stack.append(_Element(tag, values, away, main))
        if self._collecting is None:
            if tag in ("title", "h1") or (
                tag == "script" and values.get("type", "").lower() == "application/ld+json"
            ):
                self._collecting, self._text = tag, []
            elif not away and (
                "author" in values.get("rel", "").lower().split()
                or any(word in marks.split() for word in ("byline", "author", "p-author"))
                or values.get("itemprop", "").lower() == "author"
            ):
                self._collecting, self._text = "author", []
            if self._collecting is not None:
                self._collect_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(element.tag == tag for element in self.stack):
            return  # a stray end tag closes nothing
        while self.stack:
            element = self.stack.pop()
            if self._collecting is not None and len(self.stack) < self._collect_depth:
                self._finish(element)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def _finish(self, element: _Element) -> None:
        text = "".join(self._text or [])
        kind = self._collecting
        self._collecting, self._text = None, None
        if kind == "title" and not self.title:
            self.title = _words(text)
        elif kind == "h1":
            self.h1.append((_heading(text), element.main, element.away))
        elif kind == "script" and len(text) <= MAX_JSON_LD:
            self.json_ld.append(text)
        elif kind == "author":
            self.authors.append(_words(text))


def _words(text: str) -> str:
    return " ".join(text.split())


def _heading(text: str) -> str:
    """A heading's words, without the permalink marks docs generators add."""
    return _words(text).rstrip("¶#🔗 ").strip()


def _fold(text: str) -> str:
    return _words(text).casefold()


def _json_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, `@graph`s and lists included."""
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in value:
                yield from _json_objects(value[key])


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.casefold() for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD `author`/`publisher` value."""
    if isinstance(value, str):
        return [value] if not value.startswith(("http://", "https://")) else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return [value["name"]]
    return []


def _date(text: str | None) -> str | None:
    """`YYYY-MM-DD` of a stated date, if it is one (and not in the future)."""
    if not text:
        return None
    found = _ISO_DATE.search(text)
    if not found:
        return None
    try:
        day = dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    return day.isoformat() if day <= dt.date.today() + dt.timedelta(days=1) else None


def _person(name: str) -> str:
    """`Okonkwo, Ada` (as citation metadata writes names) as `Ada Okonkwo`."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}" if comma and first.strip() else name.strip()


def strip_site(title: str, sites: set[str]) -> str:
    """`Page | Site`, `Site - Page` and the like, as `Page`, when `Site` is the site's."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    folded = {_fold(site) for site in sites if site}
    while len(parts) > 1 and _fold(parts[-1]) in folded:
        parts.pop()
    while len(parts) > 1 and _fold(parts[0]) in folded:
        parts.pop(0)
    if len(parts) == len(_SEPARATORS.split(title)):
        return title
    # What is left, joined as it was written.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


def byline(line: str) -> str | None:
    """The name of a byline line (`By Jo Lee`, `— par Camille Berthier`), else None."""
    found = _BYLINE.match(line)
    if not found:
        return None
    name = found[1].split(",")[0].strip()
    return name if 0 < len(name.split()) <= 5 else None


def read_meta(html: str, address: str) -> PageMeta:
    """What the page at `address` states about itself."""
    reader = _Reader()
    try:
        reader.feed(html[:MAX_SCANNED])
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    meta = PageMeta()
    found = _from_json_ld(reader.json_ld)

    def first(*keys: str) -> str | None:
        """The first of these meta tags the page has, as written."""
        return next((reader.meta[key][0].strip() for key in keys if reader.meta.get(key)), None)

    meta.site = first("og:site_name") or found.get("site") or first("application-name")
    meta.site_names = {
        name
        for name in (meta.site, found.get("site"), first("application-name"), found.get("website"),
                     first("citation_journal_title"))
        if name
    }  # fmt: skip
    # The title.
    h1 = _article_heading(reader.h1, meta.site_names)
    titles = [
        found.get("headline"),
        first("citation_title"),
        strip_site(first("og:title") or "", meta.site_names) or None,
        strip_site(first("twitter:title") or "", meta.site_names) or None,
        h1,
        strip_site(reader.title, meta.site_names | ({h1} if h1 else set())) or None,
    ]
    meta.title = next((_words(title) for title in titles if title and _words(title)), None)
    if meta.title and h1 and meta.title != h1 and _fold(meta.title).startswith(_fold(h1)):
        meta.title = h1  # an og:title that still carries the site's name
    # The date.
    dated = [
        ("json-ld", found.get("published")),
        ("meta", first("article:published_time", "og:published_time", "datepublished",
                       "citation_publication_date", "citation_date", "dc.date.issued",
                       "dcterms.issued", "dcterms.created", "dc.date", "date", "pubdate",
                       "publish-date", "parsely-pub-date", "sailthru.date")),
        ("time", _article_time(reader.times)),
        ("address", _address_date(address) or _address_date(reader.canonical or "")),
    ]  # fmt: skip
    for source, text in dated:
        day = _date(text) if source != "address" else text
        if day:
            meta.date, meta.date_source = day, source
            break
    # The author.
    authors = found.get("authors") or []
    if not authors:
        cited = reader.meta.get("citation_author", [])
        authors = [_person(name) for name in cited]
    if not authors:
        stated = first("author", "article:author", "byl", "parsely-author", "dc.creator")
        if stated and not stated.startswith(("http://", "https://")):
            authors = [byline(stated) or stated]
    if not authors:
        sites = {_fold(site) for site in meta.site_names}
        named = [byline(text) or text for text in reader.authors if 0 < len(text) <= 80]
        authors = [name for name in named if _fold(name) not in sites][:1]
    names = [_words(name) for name in authors if _words(name)]
    meta.author = ", ".join(dict.fromkeys(names)) or None
    return meta


def _from_json_ld(scripts: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for script in scripts:
        try:
            document = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for item in _json_objects(document):
            kinds = _types(item)
            if "website" in kinds and isinstance(item.get("name"), str):
                found.setdefault("website", item["name"])
            if not kinds & ARTICLE_TYPES:
                continue
            headline = item.get("headline") or item.get("name")
            if isinstance(headline, str) and "headline" not in found:
                found["headline"] = headline
            published = item.get("datePublished") or item.get("dateCreated")
            if isinstance(published, str) and "published" not in found:
                found["published"] = published
            if "authors" not in found and _names(item.get("author")):
                found["authors"] = _names(item.get("author"))
            if "site" not in found and _names(item.get("publisher")):
                found["site"] = _names(item.get("publisher"))[0]
    return found


def _article_heading(headings: list[tuple[str, bool, bool]], sites: set[str]) -> str | None:
    """The article's `<h1>`: one in `<article>`/`<main>` first, never the site's name."""
    folded = {_fold(site) for site in sites}
    usable = [(text, main) for text, main, away in headings if text and not away]
    usable = [(text, main) for text, main in usable if _fold(text) not in folded]
    inside = [text for text, main in usable if main]
    return next(iter(inside or [text for text, _ in usable]), None)


def _article_time(times: list[tuple[dict[str, str], bool, bool]]) -> str | None:
    """A `<time>` that dates the article: marked as its publication, or the first in it."""
    usable = [(attrs, main) for attrs, main, away in times if not away]
    for attrs, _main in usable:
        marks = f"{attrs.get('class', '')} {attrs.get('itemprop', '')}".casefold()
        if "pubdate" in attrs or "datepublished" in marks or "published" in marks:
            return attrs.get("datetime") or attrs.get("content")
    inside = [attrs for attrs, main in usable if main]
    return (inside[0].get("datetime") or None) if inside else None


def _address_date(address: str) -> str | None:
    found = _DATED_ADDRESS.search(address)
    return _date(f"{found[1]}-{found[2]}-{found[3]}") if found else None
