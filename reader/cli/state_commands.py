"""Commands on the user's reading state: `bookmarks`, `export` and `import`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from reader.cli.common import (
    EXIT_OK,
    UserError,
    current_library,
    find_article,
    json_text,
    open_store,
    settings_for,
)
from reader.settings.i18n import t


def cmd_bookmarks(args: argparse.Namespace, out: TextIO) -> int:
    settings = settings_for(args)
    store = open_store(settings)
    action = args.action or "list"
    if action != "list" and not store.persistent:
        raise UserError(t("cli.not_changed"))
    if action == "list":
        library = current_library(settings)
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
            out.write(json_text(records))
            return EXIT_OK
        if not records:
            out.write(t("cli.no_bookmarks") + "\n")
        for record in records:
            gone = "" if record["available"] else f"  ({t('export.gone')})"
            note = "".join(f"\n    {line}" for line in str(record["note"] or "").splitlines())
            created = str(record["created"])[:10]
            out.write(f"{created}  {record['id']}  {record['title']}{gone}{note}\n")
        return EXIT_OK
    if action == "add":
        article = find_article(current_library(settings), args.id)
        bookmark = store.add_bookmark(article.id, article.title, args.note)
        out.write(t("cli.bookmarked", id=bookmark.article_id, title=article.title) + "\n")
        return EXIT_OK
    if not store.remove_bookmark(args.id):
        raise UserError(t("cli.not_bookmarked", id=args.id))
    out.write(t("cli.bookmark_removed", id=args.id) + "\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from reader.state.exporting import to_markdown

    settings = settings_for(args)
    data = open_store(settings).export()
    if args.format == "json":
        text = json_text(data)
    else:
        text = to_markdown(data, current_library(settings))
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
    from reader.state.import_file import ExportError, load_export_file
    from reader.state.model import StoreError

    source = Path(args.file)
    try:
        data = load_export_file(source)
    except ExportError as error:
        raise UserError(f"{source}: {error}") from None
    store = open_store(settings_for(args))
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
