"""The `reader` command: the interface by default, plain subcommands for scripts.

The only module that prints. Textual is imported only when the interface is
launched, so `reader list` and friends start fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from reader import __version__
from reader.config import DATA_DIR_ENV, Settings, resolve_settings
from reader.resources import ResourceMissingError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """Something the user can fix; printed as `reader: message`, exit status 1."""


# ---------------------------------------------------------------------------
# argument parsing


def _common_options() -> argparse.ArgumentParser:
    """Options accepted before or after the subcommand.

    SUPPRESS as the default keeps a subcommand's parser from erasing a value
    given before the subcommand's name.
    """
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("library and data")
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where reading state is kept (default: ${DATA_DIR_ENV}, else your user data folder)",
    )
    group.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS,
        help="also read the articles in DIR, recursively (repeatable)",
    )
    group.add_argument(
        "--no-bundled",
        action="store_true",
        default=argparse.SUPPRESS,
        help="leave out the library that comes with reader",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="reader",
        parents=[common],
        description="Read articles in the terminal. Without a command, opens the reader.",
        epilog="Run `reader COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    listing = commands.add_parser(
        "list", parents=[common], help="list the articles, newest first, one per line"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array instead")

    show = commands.add_parser(
        "show", parents=[common], help="print one article, rendered (plain text when piped)"
    )
    show.add_argument("id", help="the article's id, as `reader list` shows it")
    show.add_argument("--width", type=int, default=None, help="wrap at this many columns")

    check = commands.add_parser(
        "check", parents=[common], help="validate content and report every problem"
    )
    check.add_argument(
        "dirs",
        nargs="*",
        metavar="DIR",
        help="folders to check (default: the library reader would load)",
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return resolve_settings(
        data_dir=getattr(args, "data_dir", None),
        content_dirs=getattr(args, "content", None) or (),
        include_bundled=not getattr(args, "no_bundled", False),
    )


# ---------------------------------------------------------------------------
# commands


def _load(settings: Settings) -> Any:
    from reader.config import library_folders
    from reader.library import load_library

    return load_library(library_folders(settings))


def _article_json(article: Any) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "language": article.language,
        "published": article.published_iso,
        "outlet": article.outlet,
        "author": article.author,
        "kind": article.kind,
        "summary": article.summary,
        "tags": list(article.tags),
        "translation_of": article.translation_of,
        "reading_minutes": article.reading_minutes,
        "word_count": article.word_count,
        "path": str(article.path),
        "read": False,
        "bookmarked": False,
        "sources": [
            {
                "publisher": s.publisher,
                "title": s.title,
                "date": s.date,
                "url": s.url,
                "kind": s.kind,
                "note": s.note,
            }
            for s in article.sources
        ],
    }


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    library = _load(_settings(args))
    if args.json:
        json.dump([_article_json(a) for a in library.articles], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max((len(a.id) for a in library.articles), default=2)
    for article in library.articles:
        date = article.published_iso or "undated"
        language = (article.language or "-")[:5]
        outlet = f" ({article.outlet})" if article.outlet else ""
        out.write(f"{article.id:<{width}}  {date:<10}  {language:<5}  {article.title}{outlet}\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
    from rich.segment import Segment, Segments

    from reader.library.frontmatter import BodyError, read_body
    from reader.rendering import header_lines, markdown_lines

    library = _load(_settings(args))
    article = library.get(args.id)
    if article is None:
        raise UserError(f"no article with id '{args.id}' (`reader list` shows the ids)")
    try:
        body = read_body(article.path)
    except BodyError as error:
        raise UserError(str(error)) from None
    console = Console(file=out, width=args.width, highlight=False, emoji=False)
    width = min(console.width, 100) if args.width is None else args.width
    lines = header_lines(article, library.translations(article), console, width)
    lines += [[], *markdown_lines(body, console, width)]
    if console.is_terminal:
        console.print(Segments(segment for line in lines for segment in (*line, Segment.line())))
    else:
        # Piped or redirected: plain text, no styles, no trailing padding.
        out.writelines("".join(segment.text for segment in line).rstrip() + "\n" for line in lines)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from reader.library import load_library
    from reader.library.loader import count_by_severity

    if args.dirs:
        library = load_library([Path(d) for d in args.dirs])
    else:
        library = _load(_settings(args))
    for problem in library.problems:
        out.write(problem.format() + "\n")
    errors, warnings = count_by_severity(library.problems)
    out.write(f"{len(library)} article(s) loaded, {errors} error(s), {warnings} warning(s)\n")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_ui(args: argparse.Namespace, out: TextIO) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "the reader needs a terminal; for plain output use `reader list` or `reader show ID`"
        )
    from reader.app import make_app

    make_app(_settings(args)).run()
    return EXIT_OK


COMMANDS = {"list": cmd_list, "show": cmd_show, "check": cmd_check, None: cmd_ui}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        return COMMANDS[args.command](args, stream)
    except (UserError, ResourceMissingError) as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader list | head`: the reader of our output left; that is not an error.
        sys.stderr.close()
        return EXIT_OK
