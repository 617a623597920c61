"""The `reader` command: the interface by default, plain subcommands for scripts.

The only module that prints. Textual is imported only when the interface is
launched, so `reader list` and friends start fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
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
    only = listing.add_mutually_exclusive_group()
    only.add_argument("--unread", action="store_true", help="only articles not read yet")
    only.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")

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
    search = commands.add_parser(
        "search", parents=[common], help="full-text search, best match first"
    )
    search.add_argument("query", nargs="+", help='words, "a phrase", prefix*')
    search.add_argument("--json", action="store_true", help="print a JSON array instead")
    search.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")

    bookmarks = commands.add_parser(
        "bookmarks", parents=[common], help="list, add or remove bookmarks"
    )
    actions = bookmarks.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help="bookmarks, newest first")
    for target in (bookmarks, shown):
        target.add_argument("--json", action="store_true", help="print a JSON array instead")
    add = actions.add_parser("add", parents=[common], help="bookmark an article")
    add.add_argument("id", help="the article's id")
    add.add_argument("--note", default=None, help="a note to keep with the bookmark")
    remove = actions.add_parser("remove", parents=[common], help="remove a bookmark")
    remove.add_argument("id", help="the article's id")

    export = commands.add_parser(
        "export", parents=[common], help="write bookmarks and reading state to a file"
    )
    export.add_argument(
        "--format", choices=("json", "markdown"), default="json", help="default: json"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    config = commands.add_parser(
        "config", parents=[common], help="where the config file is, and the settings in force"
    )
    config.add_argument(
        "action",
        choices=("path", "show"),
        help="path: print where it is; show: print the effective settings",
    )

    importing = commands.add_parser(
        "import", parents=[common], help="merge a JSON export back in (safe to repeat)"
    )
    importing.add_argument("file", metavar="FILE", help="a file made by `reader export`")
    return parser


def _settings(args: argparse.Namespace, report: bool = True) -> Settings:
    from reader.config_file import config_path

    settings = resolve_settings(
        data_dir=getattr(args, "data_dir", None),
        content_dirs=getattr(args, "content", None) or (),
        include_bundled=not getattr(args, "no_bundled", False),
        config_file=config_path(),
    )
    if report:
        for problem in settings.config_problems:
            print(f"reader: {problem}", file=sys.stderr)
    return settings


# ---------------------------------------------------------------------------
# commands


def _catalogue(settings: Settings) -> Any:
    from reader.catalogue import Catalogue

    return Catalogue.open(settings.cache_dir)


def _load(settings: Settings, catalogue: Any = None) -> Any:
    """The library, through the catalogue: only changed files are parsed again."""
    from reader.config import library_folders

    catalogue = catalogue or _catalogue(settings)
    return catalogue.sync(library_folders(settings)).library


def _open_store(settings: Settings) -> Any:
    from reader.store import Store

    store = Store.open(settings.data_dir)
    for notice in store.notices:
        print(f"reader: {notice}", file=sys.stderr)
    return store


def _article_json(article: Any, state: Any) -> dict[str, Any]:
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
        "read": state.read,
        "bookmarked": state.bookmarked,
        "note": state.bookmark.note if state.bookmark else None,
        "progress": state.position.progress if state.position else None,
        "sources": [asdict(source) for source in article.sources],
    }


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from reader.filters import ListFilter, apply_filter
    from reader.store import ArticleState

    settings = _settings(args)
    library = _load(settings)
    states = _open_store(settings).states()
    view = "unread" if args.unread else "bookmarked" if args.bookmarked else "all"
    articles = apply_filter(library, states, ListFilter(view=view))
    default = ArticleState()
    if args.json:
        records = [_article_json(a, states.get(a.id, default)) for a in articles]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max((len(a.id) for a in articles), default=2)
    for article in articles:
        state = states.get(article.id, default)
        flags = ("  " if state.read else "● ") + ("★" if state.bookmarked else " ")
        date = article.published_iso or "undated"
        language = (article.language or "-")[:5]
        outlet = f" ({article.outlet})" if article.outlet else ""
        out.write(
            f"{flags} {article.id:<{width}}  {date:<10}  {language:<5}  {article.title}{outlet}\n"
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from reader.search import MARK_END, MARK_START

    settings = _settings(args)
    catalogue = _catalogue(settings)
    library = _load(settings, catalogue)
    catalogue.index()
    hits = catalogue.search(" ".join(args.query)).hits(max(1, args.limit))
    records = []
    for hit in hits:
        article = library.get(hit.article_id)
        if article is None:
            continue
        snippet = hit.snippet.replace(MARK_START, "").replace(MARK_END, "")
        records.append(
            {"id": article.id, "title": article.title, "snippet": snippet, "score": hit.score}
        )
    if args.json:
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not records:
        out.write("No article matches.\n")
    for record in records:
        out.write(f"{record['id']}  {record['title']}\n    {record['snippet']}\n")
    return EXIT_OK


def cmd_bookmarks(args: argparse.Namespace, out: TextIO) -> int:
    settings = _settings(args)
    store = _open_store(settings)
    action = args.action or "list"
    if action != "list" and not store.persistent:
        raise UserError("nothing was changed: the reading state cannot be saved (see above)")
    if action == "list":
        library = _load(settings)
        records = []
        for bookmark in store.bookmarks():
            article = library.get(bookmark.article_id)
            title = article.title if article else bookmark.title
            records.append(
                {
                    "id": bookmark.article_id,
                    "title": title,
                    "note": bookmark.note,
                    "created": bookmark.created,
                    "available": article is not None,
                }
            )
        if getattr(args, "json", False):
            json.dump(records, out, ensure_ascii=False, indent=2)
            out.write("\n")
            return EXIT_OK
        if not records:
            out.write(
                "No bookmarks. Add one with `reader bookmarks add ID` or `b` in the reader.\n"
            )
        for record in records:
            gone = "" if record["available"] else "  (no longer in the library)"
            note = f"\n    {record['note']}" if record["note"] else ""
            out.write(f"{record['created'][:10]}  {record['id']}  {record['title']}{gone}{note}\n")
        return EXIT_OK
    if action == "add":
        article = _load(settings).get(args.id)
        if article is None:
            raise UserError(f"no article with id '{args.id}' (`reader list` shows the ids)")
        bookmark = store.add_bookmark(article.id, article.title, args.note)
        out.write(f"Bookmarked {bookmark.article_id}: {article.title}\n")
        return EXIT_OK
    if not store.remove_bookmark(args.id):
        raise UserError(f"'{args.id}' is not bookmarked (`reader bookmarks` lists them)")
    out.write(f"Removed the bookmark on {args.id}\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from reader.exporting import to_markdown

    settings = _settings(args)
    data = _open_store(settings).export()
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_markdown(data, _load(settings))
    if args.output:
        target = Path(args.output)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UserError(f"cannot write {target}: {error.strerror or error}") from None
        count = len(data["bookmarks"])
        out.write(
            f"Wrote {count} bookmark(s) and {len(data['articles'])} article state(s) to {target}\n"
        )
    else:
        out.write(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from reader.store import StoreError

    source = Path(args.file)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(f"cannot read {source}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{source} is not a JSON export: {error}") from None
    store = _open_store(_settings(args))
    if not store.persistent:
        raise UserError("nothing was imported: the reading state cannot be saved (see above)")
    try:
        result = store.import_state(data)
    except StoreError as error:
        raise UserError(f"{source}: {error}") from None
    out.write(
        f"Imported from {source}: {result.bookmarks} new bookmark(s), {result.notes} note(s), "
        f"{result.read} read mark(s), {result.positions} position(s)\n"
    )
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


def cmd_config(args: argparse.Namespace, out: TextIO) -> int:
    from reader.config_file import EXAMPLE, config_path

    path = config_path()
    if args.action == "path":
        out.write(f"{path}\n")
        if not path.exists():
            out.write(f"(not created yet; an example:)\n{EXAMPLE}")
        return EXIT_OK
    settings = _settings(args)
    out.write(f"config file: {path}{'' if path.exists() else ' (none)'}\n")
    out.write(f"data dir: {settings.data_dir}\ncache dir: {settings.cache_dir}\n")
    out.write(f"bundled library: {'yes' if settings.include_bundled else 'no'}\n")
    folders = ", ".join(str(folder) for folder in settings.content_dirs) or "(none)"
    out.write(f"extra folders: {folders}\n")
    out.write(f"theme: {settings.theme or '(the last one chosen)'}\n")
    out.write(f"reading width: {settings.reading_width or '(the last one chosen, else 80)'}\n")
    out.write(f"interface language: {settings.language}\n")
    for binding_id, keys in sorted(settings.keys.items()):
        out.write(f"key {binding_id}: {keys}\n")
    return EXIT_ERROR if settings.config_problems else EXIT_OK


def cmd_ui(args: argparse.Namespace, out: TextIO) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "the reader needs a terminal; for plain output use `reader list` or `reader show ID`"
        )
    # Start-up allocates many objects that all stay alive (modules, widgets, the
    # library): cycle collections then only cost time. The app turns the
    # collector back on once the library has loaded (and freezes what exists).
    gc.disable()
    from reader.app import make_app

    make_app(_settings(args, report=False)).run()  # the app shows config problems itself
    return EXIT_OK


COMMANDS = {
    "list": cmd_list,
    "show": cmd_show,
    "check": cmd_check,
    "search": cmd_search,
    "bookmarks": cmd_bookmarks,
    "export": cmd_export,
    "import": cmd_import,
    "config": cmd_config,
    None: cmd_ui,
}


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
