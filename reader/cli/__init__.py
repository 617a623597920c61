"""The `reader` command: the interface by default, plain subcommands for scripts.

The only package that prints. It sits on top of every layer; Textual is
imported only when the interface is launched (`interface.py`), so `reader list`
and friends start fast and work without a terminal. One module per group of
commands (`COMMANDS` maps each command to its module): `library_commands` (list,
search, check), `show_command`, `edit_command`, `state_commands` (bookmarks,
export, import), `config_command`, `add_command`, `feeds_command` (feeds, fetch),
`list_import_command` (import-list), `serve_command` (the interface in a
browser) and `interface` (the interface itself); `parser` builds the arguments
and `common` holds what they share.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, SafeStream, read_config, warn
from reader.cli.parser import build_parser
from reader.settings.config import interface_language
from reader.settings.errors import ReaderError
from reader.settings.i18n import set_language

COMMANDS: dict[str | None, tuple[str, str]] = {
    "list": ("library_commands", "cmd_list"),
    "show": ("show_command", "cmd_show"),
    "check": ("library_commands", "cmd_check"),
    "search": ("library_commands", "cmd_search"),
    "bookmarks": ("state_commands", "cmd_bookmarks"),
    "export": ("state_commands", "cmd_export"),
    "import": ("state_commands", "cmd_import"),
    "config": ("config_command", "cmd_config"),
    "serve": ("serve_command", "cmd_serve"),
    "add": ("add_command", "cmd_add"),
    "edit": ("edit_command", "cmd_edit"),
    "feeds": ("feeds_command", "cmd_feeds"),
    "fetch": ("feeds_command", "cmd_fetch"),
    "import-list": ("list_import_command", "cmd_import_list"),
    None: ("interface", "cmd_ui"),
}
"""Subcommand -> (module in this package, function): a run imports only its own command."""


def _command(name: str | None) -> Callable[..., int]:
    module, function = COMMANDS[name]
    command: Callable[..., int] = getattr(importlib.import_module(f"reader.cli.{module}"), function)
    return command


def _open_target(argv: list[str]) -> str | None:
    """`reader FILE.md`, `reader DIR`, `reader URL`: take the target out of `argv`.

    Only when the first word that is no option is not a command: a folder that
    happens to be called `list` is opened with `reader ./list`.
    """
    words = [(i, word) for i, word in enumerate(argv) if not word.startswith("-")]
    if not words:
        return None
    index, word = words[0]
    if word in COMMANDS or (index > 0 and argv[index - 1] in _OPTIONS_WITH_VALUES):
        return None
    if "://" in word or "/" in word or word.endswith((".md", ".markdown")):
        del argv[index]
        return word
    if Path(word).expanduser().exists():
        del argv[index]
        return word
    return None


_OPTIONS_WITH_VALUES = {"--content", "--data-dir"}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status.

    The config file is read first: it may name the language the help speaks.
    """
    config = read_config()
    set_language(interface_language(config, os.environ))
    argv = list(sys.argv[1:] if argv is None else argv)
    target = _open_target(argv)
    args = build_parser().parse_args(argv)
    args.config = config  # read once: it chose the language, and it feeds the settings
    args.open = target
    stream = SafeStream(out if out is not None else sys.stdout)
    try:
        return _command(args.command)(args, stream)
    except ReaderError as error:  # every layer's errors: worded for a person, never a traceback
        warn(error)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader list | head`: the reader of our output left; that is not an error.
        sys.stderr.close()
        return EXIT_OK
