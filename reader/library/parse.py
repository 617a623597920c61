"""One content file in, an `Article` (or a `Problem` saying why not) out.

Accepts what real Markdown folders hold: YAML front matter (Jekyll, Obsidian,
Hugo) or TOML front matter (Hugo's `+++`), no front matter at all, a UTF-8 BOM,
CRLF line endings. Never raises for bad content: everything wrong becomes a
`Problem` naming the file, the line and the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reader.library.article import Article, DatePrecision, ParseResult, Problem
from reader.library.fences import FenceTracker
from reader.library.fields import Fields
from reader.library.frontmatter import Rejected, body_of, decode, split
from reader.library.links import declared_site_paths, inline_tags, linked_names
from reader.library.sanitize import clean, display_path, display_text
from reader.settings.errors import ReaderError
from reader.settings.untrusted import read_failure, read_regular_file

MAX_ARTICLE_BYTES = 8 * 1024 * 1024
"""The largest file read as an article. A 1 MB article opens in a tenth of a
second; past this, a file is far more likely a log or a dump than something to
read, and would cost memory and seconds for nothing."""
_JEKYLL_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-(.*)\.(?:md|markdown)$", re.IGNORECASE)
"""Jekyll's posts: `_posts/2026-01-05-my-post.md` is dated by its name."""
_HEADING = re.compile(r" {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SPACE_OR_WORD = bytes(0x20 if byte in b" \t\n\r\v\f" else 0x78 for byte in range(256))
"""Every byte to a space (ASCII whitespace) or an `x`, for `word_count`."""


def word_count(body: str) -> int:
    """How many words the body has: runs of anything between ASCII whitespace.

    A no-break space joins as it does on the page (`10\u00a0%` is one word).
    Counted as the places where a word starts, on the bytes mapped to spaces and
    `x`s, without making a string per word as `len(body.split())` did: that
    was a quarter of the time a file took to parse.
    """
    marks = body.encode("utf-8", "surrogatepass").translate(_SPACE_OR_WORD)
    return marks.count(b" x") + marks.startswith(b"x")


# ---------------------------------------------------------------------------
# title fallbacks


def first_heading(body: str) -> str | None:
    """The text of the first level-one ATX heading outside code blocks."""
    fences = FenceTracker()
    for line in body.split("\n"):
        if fences.in_code(line):
            continue
        found = _HEADING.match(line)
        if found and not line.lstrip().startswith("##"):
            return found.group(1).strip()
    return None


def _jekyll_date(text: str) -> tuple[dt.date | None, DatePrecision]:
    try:
        return dt.date.fromisoformat(text), "day"
    except ValueError:
        return None, "day"


def title_from_path(path: Path) -> str:
    """A readable title made from a file name (`index.md` and `README.md` use their folder;
    Jekyll's `2026-01-05-my-post.md` leaves its date out)."""
    stem = path.stem
    jekyll = _JEKYLL_NAME.match(path.name)
    if jekyll and jekyll.group(2):
        stem = jekyll.group(2)
    if stem.lower() in ("index", "readme", "_index") and path.parent.name:
        stem = path.parent.name
    words = re.sub(r"[-_]+", " ", display_text(stem)).strip()
    return (words[:1].upper() + words[1:]) if words else display_text(path.name)


# ---------------------------------------------------------------------------
# public entry points


def default_id(path: Path, folder: Path) -> str:
    """The id a file gets without an `id` key: its path in the folder, without `.md`."""
    text, base = str(path), str(folder).rstrip("/")
    if text.startswith(base + "/"):
        # In text, not with Path's relative_to and with_suffix (3% of a file's parsing).
        relative = text[len(base) + 1 :]
        name = relative.rpartition("/")[2]
        dot = name.rfind(".")
        if 0 < dot < len(name) - 1:
            relative = relative[: len(relative) - len(name) + dot]
        return display_text(relative)
    try:  # the folder `.`, or one the path names otherwise
        inside = path.relative_to(folder)
    except ValueError:
        inside = Path(path.name)
    if not inside.name:  # the content path is the file itself
        inside = Path(path.name)
    return display_text(inside.with_suffix("").as_posix())


def parse_text(text: str, path: Path, folder: Path) -> ParseResult:
    """Parse decoded text; see `parse_file`."""
    try:
        parts = split(text)
        fields = Fields(parts, path)
        # The body is not kept: only what is taken from it is cleaned (a heading, link
        # names), not its every character (a tenth of the time a file took).
        body = parts.body
        title = fields.text("title")
        if title is None and (heading := first_heading(body)) is not None:
            title = clean(heading)
        if title is None:  # as in Obsidian: a note's file name is its title, not a problem
            title = title_from_path(path)
        article_id = fields.text("id") or default_id(path, folder)
        published, precision = fields.published()
        if published is None and (jekyll := _JEKYLL_NAME.match(path.name)):
            published, precision = _jekyll_date(jekyll.group(1))
        url = fields.text("url")
        # A site's own paths for the page (`url: /about/`, `slug:`, `permalink:`) are
        # known as Hugo's path `aliases:` are: where links to it land. Not an address.
        declared = declared_site_paths(
            article_id, url, fields.hint("slug"), fields.hint("permalink")
        )
        if url and "://" not in url:
            url = None
        tags = fields.tags()
        tags += tuple(tag for tag in inline_tags(body) if tag not in tags)  # words: no controls
        article = Article(
            id=article_id,
            file=str(path),
            title=title,
            summary=fields.text("summary") or fields.text("description"),
            author=fields.author(),
            outlet=fields.text("outlet"),
            published=published,
            date_precision=precision,
            language=fields.language(),
            kind=fields.kind(),
            tags=tags,
            translation_of=fields.text("translation_of"),
            sources=fields.sources(),
            word_count=word_count(body),
            folder=folder,
            aliases=tuple(dict.fromkeys((*fields.aliases(), *declared))),
            links=tuple(dict.fromkeys(map(clean, linked_names(body)))),
            updated=fields.updated(),
            url=url,
        )
    except Rejected as rejected:
        return _rejected(path, rejected)
    return ParseResult(article, tuple(fields.problems))


def read_article_bytes(path: Path) -> bytes:
    """The file's bytes, if it is a regular file within the size limit (else `OSError`)."""
    return read_regular_file(path, MAX_ARTICLE_BYTES)


def parse_file(path: Path, folder: Path) -> ParseResult:
    """Read and parse one file. Never raises: an unreadable file is a `Problem`."""
    try:
        data = read_article_bytes(path)
    except OSError as error:
        return ParseResult(None, (Problem(path, None, "error", read_failure(error)),))
    try:
        text = decode(data)
    except Rejected as rejected:
        return _rejected(path, rejected)
    return parse_text(text, path, folder)


class BodyError(ReaderError):
    """The body of an article could not be read (the file changed or vanished)."""


def read_body(path: Path) -> str:
    """The article's Markdown body, cleaned of control characters.

    Raises `BodyError` with a readable reason, because between loading the
    library and opening an article the file may have been edited or deleted.
    """
    shown = display_path(path)
    try:
        return clean(body_of(decode(read_article_bytes(path))))  # front matter: not parsed
    except OSError as error:
        raise BodyError(f"{shown}: {read_failure(error)}") from None
    except Rejected as rejected:
        where = f"{shown}:{rejected.line}" if rejected.line else shown
        raise BodyError(f"{where}: {rejected.message}") from None


def _rejected(path: Path, rejected: Rejected) -> ParseResult:
    return ParseResult(None, (Problem(path, rejected.line, "error", rejected.message),))
