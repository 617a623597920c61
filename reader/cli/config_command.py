"""`reader config`: where the config file is, and the settings in force."""

from __future__ import annotations

import argparse
from typing import TextIO

from reader.cli.common import EXIT_ERROR, EXIT_OK, settings_for
from reader.settings.i18n import t


def cmd_config(args: argparse.Namespace, out: TextIO) -> int:
    from reader.settings.config_file import config_path

    path = config_path()
    if args.action == "path":
        out.write(f"{path}\n")
        if not path.exists():
            out.write(t("cli.config.example") + "\n" + t("config.example"))
        return EXIT_OK
    settings = settings_for(args)
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
