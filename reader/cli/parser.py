"""The command line's parser: every subcommand and option, worded in the interface's language.

Built after the config file has been read, because that file may choose the
language `reader --help` speaks.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from reader import __version__
from reader.settings.config import DATA_DIR_ENV
from reader.settings.i18n import t


class ListFormatNames:
    """`import-list --format`'s choices: the names in `reader.web.list_formats.LIST_FORMATS`,
    looked up only when argparse checks or shows them (the table is not loaded to start)."""

    def _names(self) -> tuple[str, ...]:
        from reader.web.list_formats import LIST_FORMATS

        return tuple(entry.name for entry in LIST_FORMATS)

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


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
    origin = listing.add_mutually_exclusive_group()
    origin.add_argument("--feed", metavar="URL|NAME", help=t("cli.help.list_feed"))
    origin.add_argument("--folder", metavar="NAME", help=t("cli.help.list_folder"))
    origin.add_argument("--saved", action="store_true", help=t("cli.help.list_saved"))
    origin.add_argument("--notes", action="store_true", help=t("cli.help.list_notes"))

    show = commands.add_parser("show", parents=[common], help=t("cli.help.show"))
    show.add_argument("id", help=t("cli.help.show_id"))
    show.add_argument("--width", type=int, default=None, help=t("cli.help.width"))
    show.add_argument("--json", action="store_true", help=json_help)
    show.add_argument("--no-pager", action="store_true", help=t("cli.help.no_pager"))

    edit = commands.add_parser("edit", parents=[common], help=t("cli.help.edit"))
    edit.add_argument("id", help=t("cli.help.id"))

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
    config.add_argument(
        "action", choices=("path", "show", "init", "edit"), help=t("cli.help.config_action")
    )

    importing = commands.add_parser("import", parents=[common], help=t("cli.help.import"))
    importing.add_argument("file", metavar="FILE", help=t("cli.help.import_file"))

    add = commands.add_parser("add", parents=[common], help=t("cli.help.add"))
    add.add_argument("source", metavar="URL|FILE|-", help=t("cli.help.add_source"))
    add.add_argument("--timeout", type=float, default=20.0, help=t("cli.help.timeout"))

    feeds = commands.add_parser("feeds", parents=[common], help=t("cli.help.feeds"))
    feed_actions = feeds.add_subparsers(dest="action", metavar="ACTION")
    feeds_list = feed_actions.add_parser("list", parents=[common], help=t("cli.help.feeds_list"))
    for target in (feeds, feeds_list):
        target.add_argument("--json", action="store_true", help=json_help)
    feed_add = feed_actions.add_parser("add", parents=[common], help=t("cli.help.feeds_add"))
    feed_add.add_argument("url", metavar="URL")
    feed_add.add_argument("--name", default=None, help=t("cli.help.feed_name"))
    feed_add.add_argument("--full", action="store_true", help=t("cli.help.feed_full"))
    feed_add.add_argument("--timeout", type=float, default=20.0, help=t("cli.help.timeout"))
    feed_remove = feed_actions.add_parser(
        "remove", parents=[common], help=t("cli.help.feeds_remove")
    )
    feed_remove.add_argument("feed", metavar="URL|NAME")
    feed_set = feed_actions.add_parser("set", parents=[common], help=t("cli.help.feeds_set"))
    feed_set.add_argument("feed", metavar="URL|NAME")
    feed_set.add_argument("--name", default=None, help=t("cli.help.feed_name"))
    for target in (feed_add, feed_set):
        target.add_argument("--folder", default=None, help=t("cli.help.feed_folder"))
        target.add_argument(
            "--tag", action="append", default=None, dest="tags", help=t("cli.help.feed_tag")
        )
        target.add_argument(
            "--every", type=int, default=None, metavar="MINUTES", help=t("cli.help.feed_every")
        )
    feed_import = feed_actions.add_parser(
        "import", parents=[common], help=t("cli.help.feeds_import")
    )
    feed_import.add_argument("file", metavar="FILE.opml")
    feed_actions.add_parser("export", parents=[common], help=t("cli.help.feeds_export"))
    fetching = commands.add_parser("fetch", parents=[common], help=t("cli.help.fetch"))
    fetching.add_argument("--timeout", type=float, default=20.0, help=t("cli.help.timeout"))

    lists = commands.add_parser("import-list", parents=[common], help=t("cli.help.import_list"))
    lists.add_argument("file", metavar="FILE", help=t("cli.help.import_list_file"))
    lists.add_argument(
        "--format", choices=ListFormatNames(), default=None, help=t("cli.help.list_format")
    )
    lists.add_argument("--retry-failed", action="store_true", help=t("cli.help.retry_failed"))
    lists.add_argument("--timeout", type=float, default=20.0, help=t("cli.help.timeout"))

    serve = commands.add_parser("serve", parents=[common], help=t("cli.help.serve"))
    serve.add_argument("--host", default="127.0.0.1", help=t("cli.help.host"))
    serve.add_argument("--port", type=int, default=8000, help=t("cli.help.port"))
    serve.add_argument("--public-url", metavar="URL", help=t("cli.help.public_url"))
    return parser
