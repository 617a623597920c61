"""`reader` with no subcommand: the terminal interface (the only path that loads Textual)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import NoReturn, TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, UserError, settings_for, warn
from reader.settings.config import Settings
from reader.settings.config_keys import expand
from reader.settings.i18n import plural, t

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve sets TEXTUAL_DRIVER to: the screen then goes to a browser
through pipes, which are no terminal but are what that driver expects."""


def opened_settings(settings: Settings, target: str, cleanup: ExitStack) -> Settings:
    """`reader FILE.md`, `reader DIR`, `reader URL`: the interface on that alone.

    A web page is fetched now and shown from a temporary folder, deleted when
    reader quits; `a` offers to keep it.
    """
    if "://" in target:
        from reader.web.adding import AddError, add_page

        folder = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="reader-page-")))
        warn(t("cli.fetching", url=target))
        try:
            _article, saved = add_page(target, folder)
        except AddError as error:
            raise UserError(str(error)) from None
        return replace(
            settings,
            content_dirs=(saved.path.parent,),
            include_bundled=False,
            include_saved=False,
            open_path=saved.path,
            suggested_address=target,
        )
    path = expand(target).absolute()
    opened = path if path.is_file() else None
    return replace(
        settings,
        content_dirs=(path,),
        include_bundled=False,
        include_saved=False,
        open_path=opened,
    )


def cmd_ui(args: argparse.Namespace, out: TextIO) -> int:
    target = getattr(args, "open", None)
    if target and "://" not in target and not expand(target).exists():
        raise UserError(t("cli.no_such_content", path=target))  # said before anything else
    under_web_driver = os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER
    if not under_web_driver and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("cli.no_terminal"))
    # Start-up allocates many objects that all stay alive (modules, widgets, the
    # library): cycle collections then only cost time. The app turns the
    # collector back on once the library has loaded (and freezes what exists).
    settings = settings_for(args, report=False)  # the app shows config problems itself
    with ExitStack() as cleanup:
        if target:
            settings = opened_settings(settings, target, cleanup)
        gc.disable()
        from reader.ui.app import make_app

        app = make_app(settings)
        # A loop of our own: asyncio.run would wait, on the way out, for every thread
        # worker to finish what it is doing (see `leave`).
        app.run(loop=asyncio.new_event_loop())
    status = EXIT_OK
    if app.unsaved:
        warn(plural("store.unsaved", app.unsaved))  # the screen is gone: say it here
        status = EXIT_ERROR
    leave(status)


def leave(status: int) -> NoReturn:
    """End the process at once: everything is saved and closed by now.

    Reading state, the catalogue and imports are saved or closed as the app
    unmounts. What threads are still doing then only reads (the links of
    100,000 notes, a check of every file, a feed that is slow to answer) or
    writes in SQLite transactions, which an ended process rolls back: waiting
    for it made a quit take half a second and more. Worker processes are
    ended with it: left alone, each would finish its chunk and print a
    traceback on finding its parent gone. Freeing a large library's objects
    one by one took a tenth of a second more, for memory the system takes
    back anyway.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    if "multiprocessing" in sys.modules:  # never loaded by a small library
        import multiprocessing

        for child in multiprocessing.active_children():
            child.kill()
    os._exit(status)
