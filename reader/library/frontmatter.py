"""One content file in, an `Article` (or a `Problem` saying why not) out.

Accepts what real Markdown folders hold: YAML front matter (Jekyll, Obsidian,
Hugo) or TOML front matter (Hugo's `+++`), no front matter at all, a UTF-8 BOM,
CRLF line endings. Never raises for bad content: everything wrong becomes a
`Problem` naming the file, the line and the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.library.article import (
    SOURCE_KINDS,
    Article,
    DatePrecision,
    ParseResult,
    Problem,
    Source,
    SourceKind,
)
from reader.library.fences import FenceTracker
from reader.library.sanitize import clean
from reader.library.vocabulary import KINDS, is_known_language
from reader.settings.i18n import Msg

_BINARY_SNIFF = 8192
_LINK_SCHEMES = ("http://", "https://", "mailto:", "ftp://", "reader:")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")
_HEADING = re.compile(r" {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class _Split:
    meta: dict[str, Any]
    body: str
    raw: str = ""
    """The front matter as written, to find the line a key is on."""

    def key_line(self, key: str) -> int | None:
        """The file line of a top-level front-matter key, for messages."""
        pattern = re.compile(rf"{re.escape(key)}\s*[:=]", re.IGNORECASE)
        for number, line in enumerate(self.raw.split("\n"), start=2):
            if pattern.match(line):
                return number
        return None


class _Rejected(Exception):
    """Internal: the file cannot be loaded; carries the line and the reason."""

    def __init__(self, line: int | None, message: Msg) -> None:
        super().__init__(message.key)
        self.line = line
        self.message = message


# ---------------------------------------------------------------------------
# bytes -> text


def decode(data: bytes) -> str:
    """Bytes to text with normalised newlines; raises `_Rejected` with a reason.

    Rejects what cannot be an article: an empty file, a binary file (a NUL byte
    near the start), bytes that are not UTF-8 (naming the line of the first bad
    byte so the user can find it).
    """
    if not data.strip():
        raise _Rejected(None, Msg.of("problem.empty"))
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise _Rejected(None, Msg.of("problem.binary"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Rejected(
            line,
            Msg.of("problem.not_utf8", byte=f"{data[error.start]:02x}", offset=error.start),
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# ---------------------------------------------------------------------------
# text -> front matter + body


def _parse_yaml(raw: str, first_line: int) -> Any:
    import yaml  # lazily: `reader --version` should not pay for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(raw, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise _Rejected(line, Msg.of("problem.bad_yaml", reason=reason)) from None


def _parse_toml(raw: str, first_line: int) -> Any:
    import tomllib

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = first_line + int(found.group(1)) - 1 if found else first_line
        reason = str(error).split(" (at ")[0]
        raise _Rejected(line, Msg.of("problem.bad_toml", reason=reason)) from None


def split(text: str) -> _Split:
    """Separate the front matter (parsed) from the body; raises `_Rejected`."""
    first, _, rest = text.partition("\n")
    fence = first.rstrip()
    if fence not in ("---", "+++"):
        return _Split({}, text)
    closers = ("---", "...") if fence == "---" else ("+++",)
    lines = rest.split("\n")
    for index, line in enumerate(lines):
        if line.rstrip() in closers:
            raw = "\n".join(lines[:index])
            body = "\n".join(lines[index + 1 :])
            break
    else:
        raise _Rejected(1, Msg.of("problem.unclosed", fence=fence))
    meta = _parse_toml(raw, 2) if fence == "+++" else _parse_yaml(raw, 2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _Rejected(2, Msg.of("problem.not_mapping", what=_describe(meta)))
    return _Split(meta, body, raw)


# ---------------------------------------------------------------------------
# field conversion


def _describe(value: Any) -> Msg:
    """What a value is, for a message: "a list", "a mapping"..."""
    if isinstance(value, list):
        return Msg.of("value.list")
    if isinstance(value, dict):
        return Msg.of("value.mapping")
    if isinstance(value, str):
        return Msg.of("value.text")
    return Msg.of("value.other", type=type(value).__name__)


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


class _Fields:
    """Reads typed fields out of a front-matter mapping, collecting warnings."""

    def __init__(self, parts: _Split, path: Path) -> None:
        self.meta = {str(key).lower(): value for key, value in parts.meta.items()}
        self.parts = parts
        self.path = path
        self.problems: list[Problem] = []

    def warn(self, key: str, message: Msg) -> None:
        line = self.parts.key_line(key)
        self.problems.append(Problem(self.path, line, "warning", message))

    def reject(self, key: str, message: Msg) -> _Rejected:
        return _Rejected(self.parts.key_line(key), message)

    def text(self, key: str) -> str | None:
        """A text field; a list or mapping where text belongs rejects the file."""
        value = self.meta.get(key)
        if value is None:
            return None
        result = _scalar_text(value)
        if result is None:
            raise self.reject(key, Msg.of("problem.not_text", key=key, what=_describe(value)))
        return result or None

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
        """The `published` (or `date`) field, and how precise it is."""
        for key in ("published", "date"):
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

    def tags(self) -> tuple[str, ...]:
        value = self.meta.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[Any] = value.split(",") if "," in value else value.split()
        elif isinstance(value, list):
            items = value
        else:
            self.warn("tags", Msg.of("problem.bad_tags", what=_describe(value)))
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
            raise self.reject("sources", Msg.of("problem.sources_not_list", what=_describe(value)))
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
                "sources", Msg.of("problem.source_not_mapping", number=number, what=_describe(item))
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
            kind = kind_text  # type: ignore[assignment]
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


# ---------------------------------------------------------------------------
# title fallbacks


def first_heading(body: str) -> str | None:
    """The text of the first level-one ATX heading outside code blocks."""
    fences = FenceTracker()
    for line in body.split("\n"):
        if fences.feed(line):
            continue
        found = _HEADING.match(line)
        if found and not line.lstrip().startswith("##"):
            return found.group(1).strip()
    return None


def title_from_path(path: Path) -> str:
    """A readable title made from a file name (`index.md` and `README.md` use their folder)."""
    stem = path.stem
    if stem.lower() in ("index", "readme", "_index") and path.parent.name:
        stem = path.parent.name
    words = re.sub(r"[-_]+", " ", stem).strip()
    return (words[:1].upper() + words[1:]) if words else path.name


# ---------------------------------------------------------------------------
# public entry points


def default_id(path: Path, folder: Path) -> str:
    """The id a file gets without an `id` key: its path in the folder, without `.md`."""
    try:
        relative = path.relative_to(folder)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()


def parse_text(text: str, path: Path, folder: Path) -> ParseResult:
    """Parse decoded text; see `parse_file`."""
    try:
        parts = split(text)
        fields = _Fields(parts, path)
        body = clean(parts.body)
        title = fields.text("title")
        if title is None:
            title = first_heading(body)
        if title is None:
            title = title_from_path(path)
            fields.warn("title", Msg.of("problem.no_title", title=title))
        article_id = fields.text("id") or default_id(path, folder)
        published, precision = fields.published()
        article = Article(
            id=article_id,
            path=path,
            title=title,
            summary=fields.text("summary") or fields.text("description"),
            author=fields.author(),
            outlet=fields.text("outlet"),
            published=published,
            date_precision=precision,
            language=fields.language(),
            kind=fields.kind(),
            tags=fields.tags(),
            translation_of=fields.text("translation_of"),
            sources=fields.sources(),
            word_count=len(body.split()),
            folder=folder,
        )
    except _Rejected as rejected:
        return _rejected(path, rejected)
    return ParseResult(article, tuple(fields.problems))


def parse_file(path: Path, folder: Path) -> ParseResult:
    """Read and parse one file. Never raises: an unreadable file is a `Problem`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ParseResult(None, (Problem(path, None, "error", _os_reason(error)),))
    try:
        text = decode(data)
    except _Rejected as rejected:
        return _rejected(path, rejected)
    return parse_text(text, path, folder)


class BodyError(Exception):
    """The body of an article could not be read (the file changed or vanished)."""


def read_body(path: Path) -> str:
    """The article's Markdown body, cleaned of control characters.

    Raises `BodyError` with a readable reason, because between loading the
    library and opening an article the file may have been edited or deleted.
    """
    try:
        return clean(split(decode(path.read_bytes())).body)
    except OSError as error:
        raise BodyError(f"{path}: {_os_reason(error)}") from None
    except _Rejected as rejected:
        where = f"{path}:{rejected.line}" if rejected.line else str(path)
        raise BodyError(f"{where}: {rejected.message}") from None


def _os_reason(error: OSError) -> Msg:
    return Msg.of("problem.unreadable", reason=error.strerror or error)


def _rejected(path: Path, rejected: _Rejected) -> ParseResult:
    return ParseResult(None, (Problem(path, rejected.line, "error", rejected.message),))
