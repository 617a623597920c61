"""`reader config`: where the config file is, a commented one to start from, the settings in force.

`path` prints the path alone, so that `$EDITOR "$(reader config path)"` works;
`init` writes the commented example (never over an existing file); `edit`
opens the file in `$VISUAL` or `$EDITOR` (writing the example first if there
is no file yet); `show` lists the settings in force.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, UserError, settings_for, warn
from reader.settings.config_keys import CONFIG_KEYS, ConfigKey
from reader.settings.i18n import language, t

if TYPE_CHECKING:
    from reader.settings.config import Settings


def cmd_config(args: argparse.Namespace, out: TextIO) -> int:
    from reader.settings.config_file import config_path

    path = config_path()
    if args.action == "path":
        out.write(f"{path}\n")
        if not path.exists():
            warn(t("cli.config.not_yet"))
        return EXIT_OK
    if args.action == "init":
        if path.exists():
            raise UserError(t("cli.config.exists", path=path))
        _write_example(path)
        out.write(t("cli.config.written", path=path) + "\n")
        return EXIT_OK
    if args.action == "edit":
        if not path.exists():
            _write_example(path)
        return _edit(path)
    settings = settings_for(args)
    none = t("cli.config.none")
    rows = [
        ("file", f"{path}{'' if path.exists() else f' {none}'}"),
        ("data_dir", settings.data_dir),
        ("cache_dir", settings.cache_dir),
        ("bundled", t("cli.yes") if settings.include_bundled else t("cli.no")),
    ]
    for label, value in rows:
        out.write(t(f"cli.config.{label}", value=value) + "\n")
    for key in CONFIG_KEYS:
        out.write(f"{key.name}: {_shown(key, settings)}\n")
    return EXIT_ERROR if settings.config_problems else EXIT_OK


def _shown(key: ConfigKey, settings: Settings) -> str:
    """A setting's value in force, as `config show` prints it."""
    value = getattr(settings, "content_dirs" if key.name == "content" else key.name)
    if isinstance(value, dict):
        value = ", ".join(f"{name}={keys}" for name, keys in sorted(value.items()))
    elif isinstance(value, tuple):
        value = ", ".join(str(item) for item in value)
    return str(value) if value not in (None, "") else t(key.unset)


def commented_example() -> str:
    """Every setting with its explanation, each line commented out: nothing changes until
    the user takes a `# ` away."""
    from reader.settings.config_keys import example_lines

    lines = [t("config.example_header"), *example_lines(language())]
    return "".join(f"{line}\n" if line.startswith("#") else f"# {line}\n" for line in lines)


def _write_example(path: Path) -> None:
    """The commented example, in the interface's language, as the user's config file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never over a file made meanwhile
            handle.write(commented_example())
    except OSError as error:
        reason = error.strerror or error
        raise UserError(t("cli.cannot_write", path=path, reason=reason)) from None


def _edit(path: Path) -> int:
    """Open the config file in the user's editor; its exit status is the command's."""
    from reader.settings.editor import EditorError, run_editor

    try:
        return run_editor(path)
    except EditorError as error:
        raise UserError(str(error)) from None
