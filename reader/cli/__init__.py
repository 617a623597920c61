"""The `reader` command: the interface by default, plain subcommands for scripts.

The only module that prints. Textual is imported only when the interface is
launched, so `reader list` and friends start fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader import __version__
from reader.settings.config import DATA_DIR_ENV, Settings, interface_language, resolve_settings
from reader.settings.i18n import set_language, t
from reader.settings.resources import ResourceMissingError

if TYPE_CHECKING:
    from reader.settings.config_file import FileConfig

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
    group = common.add_argument_group(t("cli.group.library"))
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=t("cli.help.data_dir", variable=DATA_DIR_ENV),
    )
    group.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS,
        help=t("cli.help.content"),
    )
    group.add_argument(
        "--no-bundled",
        action="store_true",
        default=argparse.SUPPRESS,
        help=t("cli.help.no_bundled"),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="reader",
        parents=[common],
        description=t("cli.description"),
        epilog=t("cli.epilog"),
    )
    parser.add_argument(
        "--version", action="version", version=f"reader {__version__}", help=t("cli.help.version")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("cli.commands"))
    json_help = t("cli.help.json")

    listing = commands.add_parser("list", parents=[common], help=t("cli.help.list"))
    listing.add_argument("--json", action="store_true", help=json_help)
    only = listing.add_mutually_exclusive_group()
    only.add_argument("--unread", action="store_true", help=t("cli.help.unread"))
    only.add_argument("--bookmarked", action="store_true", help=t("cli.help.bookmarked"))

    show = commands.add_parser("show", parents=[common], help=t("cli.help.show"))
    show.add_argument("id", help=t("cli.help.show_id"))
    show.add_argument("--width", type=int, default=None, help=t("cli.help.width"))

    check = commands.add_parser("check", parents=[common], help=t("cli.help.check"))
    check.add_argument(
        "dirs",
        nargs="*",
        metavar="DIR",
        help=t("cli.help.check_dirs"),
    )
    search = commands.add_parser("search", parents=[common], help=t("cli.help.search"))
    search.add_argument("query", nargs="+", help=t("cli.help.query"))
    search.add_argument("--json", action="store_true", help=json_help)
    search.add_argument("--limit", type=int, default=50, help=t("cli.help.limit"))

    bookmarks = commands.add_parser("bookmarks", parents=[common], help=t("cli.help.bookmarks"))
    actions = bookmarks.add_subparsers(dest="action", metavar="ACTION")
    shown = actions.add_parser("list", parents=[common], help=t("cli.help.bookmarks_list"))
    for target in (bookmarks, shown):
        target.add_argument("--json", action="store_true", help=json_help)
    add = actions.add_parser("add", parents=[common], help=t("cli.help.bookmarks_add"))
    add.add_argument("id", help=t("cli.help.id"))
    add.add_argument("--note", default=None, help=t("cli.help.note"))
    remove = actions.add_parser("remove", parents=[common], help=t("cli.help.bookmarks_remove"))
    remove.add_argument("id", help=t("cli.help.id"))

    export = commands.add_parser("export", parents=[common], help=t("cli.help.export"))
    export.add_argument(
        "--format", choices=("json", "markdown"), default="json", help=t("cli.help.format")
    )
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))

    config = commands.add_parser("config", parents=[common], help=t("cli.help.config"))
    config.add_argument("action", choices=("path", "show"), help=t("cli.help.config_action"))

    importing = commands.add_parser("import", parents=[common], help=t("cli.help.import"))
    importing.add_argument("file", metavar="FILE", help=t("cli.help.import_file"))
    return parser


def _read_config() -> FileConfig:
    from reader.settings.config_file import config_path, load_config

    return load_config(config_path())


def _settings(args: argparse.Namespace, report: bool = True) -> Settings:
    settings = resolve_settings(
        data_dir=getattr(args, "data_dir", None),
        content_dirs=getattr(args, "content", None) or (),
        include_bundled=not getattr(args, "no_bundled", False),
        config=args.config,
    )
    if report:
        for problem in settings.config_problems:
            print(f"reader: {problem}", file=sys.stderr)
    return settings


# ---------------------------------------------------------------------------
# commands


def _catalogue(settings: Settings) -> Any:
    from reader.index.catalogue import Catalogue

    return Catalogue.open(settings.cache_dir)


def _load(settings: Settings, catalogue: Any = None) -> Any:
    """The library, through the catalogue: only changed files are parsed again."""
    from reader.settings.config import library_folders

    catalogue = catalogue or _catalogue(settings)
    return catalogue.sync(library_folders(settings)).library


def _open_store(settings: Settings) -> Any:
    from reader.state.store import Store

    store = Store.open(settings.data_dir)
    for notice in store.notices:
        print(f"reader: {notice}", file=sys.stderr)
    return store


def _json_text(data: Any) -> str:
    """JSON as every command prints it: readable, non-ASCII kept, one final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    from reader.index.filters import ListFilter, apply_filter
    from reader.state.store import ArticleState

    settings = _settings(args)
    library = _load(settings)
    states = _open_store(settings).states()
    view = "unread" if args.unread else "bookmarked" if args.bookmarked else "all"
    articles = apply_filter(library, states, ListFilter(view=view))
    default = ArticleState()
    if args.json:
        records = [_article_json(a, states.get(a.id, default)) for a in articles]
        out.write(_json_text(records))
        return EXIT_OK
    width = max((len(a.id) for a in articles), default=2)
    for article in articles:
        state = states.get(article.id, default)
        flags = ("  " if state.read else "● ") + ("★" if state.bookmarked else " ")
        date = article.published_iso or t("list.undated")
        language = (article.language or "-")[:5]
        outlet = f" ({article.outlet})" if article.outlet else ""
        out.write(
            f"{flags} {article.id:<{width}}  {date:<10}  {language:<5}  {article.title}{outlet}\n"
        )
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from reader.index.search import MARK_END, MARK_START

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
        out.write(_json_text(records))
        return EXIT_OK
    if not records:
        out.write(t("cli.no_match") + "\n")
    for record in records:
        out.write(f"{record['id']}  {record['title']}\n    {record['snippet']}\n")
    return EXIT_OK


def cmd_bookmarks(args: argparse.Namespace, out: TextIO) -> int:
    settings = _settings(args)
    store = _open_store(settings)
    action = args.action or "list"
    if action != "list" and not store.persistent:
        raise UserError(t("cli.not_changed"))
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
            out.write(_json_text(records))
            return EXIT_OK
        if not records:
            out.write(t("cli.no_bookmarks") + "\n")
        for record in records:
            gone = "" if record["available"] else f"  ({t('export.gone')})"
            note = f"\n    {record['note']}" if record["note"] else ""
            out.write(f"{record['created'][:10]}  {record['id']}  {record['title']}{gone}{note}\n")
        return EXIT_OK
    if action == "add":
        article = _load(settings).get(args.id)
        if article is None:
            raise UserError(t("cli.no_article", id=args.id))
        bookmark = store.add_bookmark(article.id, article.title, args.note)
        out.write(t("cli.bookmarked", id=bookmark.article_id, title=article.title) + "\n")
        return EXIT_OK
    if not store.remove_bookmark(args.id):
        raise UserError(t("cli.not_bookmarked", id=args.id))
    out.write(t("cli.bookmark_removed", id=args.id) + "\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from reader.state.exporting import to_markdown

    settings = _settings(args)
    data = _open_store(settings).export()
    if args.format == "json":
        text = _json_text(data)
    else:
        text = to_markdown(data, _load(settings))
    if args.output:
        target = Path(args.output)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UserError(
                t("cli.cannot_write", path=target, reason=error.strerror or error)
            ) from None
        bookmarks, articles = len(data["bookmarks"]), len(data["articles"])
        out.write(t("cli.wrote", bookmarks=bookmarks, articles=articles, path=target) + "\n")
    else:
        out.write(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from reader.state.store import StoreError

    source = Path(args.file)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise UserError(t("cli.cannot_read", path=source, reason=error.strerror or error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(t("cli.not_json", path=source, reason=error)) from None
    store = _open_store(_settings(args))
    if not store.persistent:
        raise UserError(t("cli.not_imported"))
    try:
        result = store.import_state(data)
    except StoreError as error:
        raise UserError(f"{source}: {error}") from None
    counts = {
        "bookmarks": result.bookmarks,
        "notes": result.notes,
        "read": result.read,
        "positions": result.positions,
    }
    out.write(t("cli.imported", path=source, **counts) + "\n")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from rich.console import Console
    from rich.segment import Segment, Segments

    from reader.library.frontmatter import BodyError, read_body
    from reader.markdown.rendering import header_lines, markdown_lines

    library = _load(_settings(args))
    article = library.get(args.id)
    if article is None:
        raise UserError(t("cli.no_article", id=args.id))
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
    out.write(t("cli.checked", articles=len(library), errors=errors, warnings=warnings) + "\n")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_config(args: argparse.Namespace, out: TextIO) -> int:
    from reader.settings.config_file import config_path

    path = config_path()
    if args.action == "path":
        out.write(f"{path}\n")
        if not path.exists():
            out.write(t("cli.config.example") + "\n" + t("config.example"))
        return EXIT_OK
    settings = _settings(args)
    none = t("cli.config.none")
    rows = [
        ("file", f"{path}{'' if path.exists() else f' {none}'}"),
        ("data_dir", settings.data_dir),
        ("cache_dir", settings.cache_dir),
        ("bundled", t("cli.yes") if settings.include_bundled else t("cli.no")),
        ("folders", ", ".join(str(folder) for folder in settings.content_dirs) or none),
        ("theme", settings.theme or t("cli.config.last_theme")),
        ("width", settings.reading_width or t("cli.config.last_width")),
        ("language", settings.language),
    ]
    for label, value in rows:
        out.write(t(f"cli.config.{label}", value=value) + "\n")
    for binding_id, keys in sorted(settings.keys.items()):
        out.write(t("cli.config.key", id=binding_id, keys=keys) + "\n")
    return EXIT_ERROR if settings.config_problems else EXIT_OK


def cmd_ui(args: argparse.Namespace, out: TextIO) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("cli.no_terminal"))
    # Start-up allocates many objects that all stay alive (modules, widgets, the
    # library): cycle collections then only cost time. The app turns the
    # collector back on once the library has loaded (and freezes what exists).
    gc.disable()
    from reader.ui.app import make_app

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
    """Run the command line; returns the exit status.

    The config file is read first: it may name the language the help speaks.
    """
    config = _read_config()
    set_language(interface_language(config, os.environ))
    args = build_parser().parse_args(argv)
    args.config = config  # read once: it chose the language, and it feeds the settings
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
