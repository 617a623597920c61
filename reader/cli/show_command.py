"""`reader show ID`: one article, rendered for a terminal, a pipe, or a program.

In a terminal the article goes through a pager (`$PAGER`, else `less -R`), as
`git log` does; piped, it is plain text; with `--json`, it is the article's
metadata, its sources, the links in its body and the notes that link to it.
After the text come the sources and the links, numbered, with their addresses:
on paper, a link you cannot click is worth its address.
"""

from __future__ import annotations

import argparse
import io
import os
import shlex
import subprocess
from typing import TYPE_CHECKING, Any, Literal, TextIO, cast

from reader.cli.common import (
    EXIT_OK,
    MAX_WIDTH,
    MIN_WIDTH,
    UserError,
    current_library,
    find_article,
    json_text,
    settings_for,
)
from reader.library.article import source_records
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library import Article, Library
    from reader.markdown.body_links import BodyLink

ColorSystemName = Literal["auto", "standard", "256", "truecolor", "windows"]


def article_json(article: Article, library: Library, links: list[BodyLink]) -> dict[str, Any]:
    """What `show --json` prints: enough to act on the article from a script."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published_iso,
        "date_source": _date_source(article),
        "updated": article.updated.isoformat() if article.updated else None,
        "language": article.language,
        "url": article.url,
        "kind": article.kind,
        "summary": article.summary,
        "tags": list(article.tags),
        "aliases": list(article.aliases),
        "path": str(article.path),
        "sources": source_records(article.sources),
        "links": [{"text": link.text, "url": link.url} for link in links],
        "backlinks": [other.id for other in library.names.backlinks(article)],
    }


def _date_source(article: Article) -> str | None:
    """Where a saved page's date was read (`json-ld`, `meta`, `time`, `address`), as its
    front matter records; None for anything else."""
    from reader.web.saved import saved_field

    return saved_field(article.path, "date_source") if article.published else None


def _references(article: Article, links: list[BodyLink]) -> list[str]:
    """The sources, then the body's links, as numbered plain lines."""
    lines: list[str] = []
    if article.sources:
        lines += ["", t("show.sources")]
        for number, source in enumerate(article.sources, 1):
            parts = [source.publisher, source.title, source.date, source.url]
            lines.append(f"{number:>3}. " + " — ".join(part for part in parts if part))
    if links:
        lines += ["", t("show.links")]
        lines += [f"{n:>3}. {link.text} — {link.url}" for n, link in enumerate(links, 1)]
    return lines


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
    from rich.segment import Segment, Segments
    from rich.text import Text

    from reader.library.parse import BodyError, read_body
    from reader.markdown.body_links import body_links, named_links
    from reader.markdown.document import prepare_body
    from reader.markdown.notes import NoteContext
    from reader.markdown.rendering import header_lines, markdown_lines

    if args.width is not None and not MIN_WIDTH <= args.width <= MAX_WIDTH:
        raise UserError(t("cli.bad_width", width=args.width, low=MIN_WIDTH, high=MAX_WIDTH))
    library = current_library(settings_for(args))
    article = find_article(library, args.id)
    try:
        body = prepare_body(
            read_body(article.path), article.title, NoteContext.of(library, article)
        )
    except BodyError as error:
        raise UserError(str(error)) from None
    raw = getattr(out, "raw", out)  # Rich styles a terminal itself; the text is made safe below
    console = Console(file=raw, width=args.width, highlight=False, emoji=False)
    width = min(console.width, 100) if args.width is None else args.width
    text = markdown_lines(body, console, width, links=True)
    links = named_links(article, body_links(body), library)  # as the sidebar lists them
    if args.json:
        out.write(json_text(article_json(article, library, links)))
        return EXIT_OK
    lines = header_lines(article, library.translations(article), console, width)
    lines += [[], *text]
    lines += [[Segment(line)] for line in _references(article, links)]
    if not console.is_terminal:  # piped or redirected: plain text, no trailing padding
        out.writelines("".join(segment.text for segment in line).rstrip() + "\n" for line in lines)
        return EXIT_OK
    page = io.StringIO()
    # The same colours as the terminal's console: `color_system` names one of the
    # Literal values Console accepts, though Rich types the property as str.
    colours = cast(ColorSystemName, console.color_system)
    paged = Console(file=page, width=console.width, force_terminal=True, color_system=colours)
    paged.print(Segments(segment for line in lines for segment in (*line, Segment.line())))
    if args.no_pager or not _page(page.getvalue()):
        console.print(Text.from_ansi(page.getvalue()), end="")
    return EXIT_OK


def _page(text: str) -> bool:
    """Show `text` through the user's pager; False if there is none to run."""
    command = shlex.split(os.environ.get("PAGER") or "less -R")
    if not command:
        return False
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, text=True, encoding="utf-8")
    except OSError:
        return False
    try:
        assert pager.stdin is not None
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:  # the user quit the pager before the end: that is fine
        pass
    pager.wait()
    return True
