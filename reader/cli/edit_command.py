"""`reader edit ID`: an article's file in the user's editor (the interface's `e`, from a shell)."""

from __future__ import annotations

import argparse
from typing import TextIO

from reader.cli.common import UserError, current_library, find_article, settings_for
from reader.settings.i18n import t


def cmd_edit(args: argparse.Namespace, out: TextIO) -> int:
    from reader.settings import resources
    from reader.settings.editor import EditorError, run_editor

    article = find_article(current_library(settings_for(args)), args.id)
    if article.folder == resources.content_dir():
        raise UserError(t("cli.not_editable", id=article.id))
    try:
        return run_editor(article.path)
    except EditorError as error:
        raise UserError(str(error)) from None
