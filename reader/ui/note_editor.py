"""`e`: the article's file in the user's own editor, the interface given back on return.

The terminal is handed to the editor (Textual's `suspend`); when it exits, the
library is read again (the title or date may have changed) and the article, if
it is the open one, opened again where the reader was: its body is read from
the file anew. The bundled library is not the user's to edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.settings import resources
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library import Article
    from reader.ui.app import ReaderApp


def edit(app: ReaderApp, article: Article | None) -> None:
    """Edit `article`'s file (the one a key acts on), then show what the file says now."""
    from textual.app import SuspendNotSupported

    from reader.settings.editor import EditorError, run_editor

    if article is None:
        app.notify(t("edit.nothing"), timeout=2)
        return
    if article.folder == resources.content_dir():
        app.notify(t("cli.not_editable", id=article.id), severity="warning", markup=False)
        return
    screen = app.main_screen
    reading = screen.current == article
    anchor = screen.reading_anchor() if reading else None
    try:
        with app.suspend():
            run_editor(article.path)
    except SuspendNotSupported:  # a browser (reader serve): no terminal to hand over
        app.notify(t("edit.no_terminal", id=article.id), severity="warning", markup=False)
        return
    except EditorError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    app.load_library()
    if reading:
        screen.open_article(article, anchor=anchor)
