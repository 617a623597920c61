"""`reader` with no subcommand: the terminal interface (the only path that loads Textual)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, UserError, settings_for, warn
from reader.settings.i18n import plural, t

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve sets TEXTUAL_DRIVER to: the screen then goes to a browser
through pipes, which are no terminal but are what that driver expects."""


def cmd_ui(args: argparse.Namespace, out: TextIO) -> int:
    under_web_driver = os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER
    if not under_web_driver and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(t("cli.no_terminal"))
    # Start-up allocates many objects that all stay alive (modules, widgets, the
    # library): cycle collections then only cost time. The app turns the
    # collector back on once the library has loaded (and freezes what exists).
    gc.disable()
    from reader.ui.app import make_app

    app = make_app(settings_for(args, report=False))  # the app shows config problems itself
    app.run()
    if app.unsaved:
        warn(plural("store.unsaved", app.unsaved))  # the screen is gone: say it here
        return EXIT_ERROR
    return EXIT_OK
