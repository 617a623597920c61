"""The user's YAML config file: defaults they choose once (theme, width, folders, keys).

Where it lives: `READER_CONFIG` if set, else `config.yaml` in the user config
folder (platformdirs). A broken file never stops reader: each problem is
reported with the file and line, and what was broken falls back to the default.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.settings.config_keys import BY_NAME, Unusable, expand
from reader.settings.i18n import Msg
from reader.settings.untrusted import (
    YamlError,
    display_path,
    load_yaml,
    read_failure,
    read_regular_file,
)

CONFIG_ENV = "READER_CONFIG"


@dataclass(frozen=True)
class FileConfig:
    """What the file says: the usable value of each key it sets (see `CONFIG_KEYS`)."""

    path: Path
    values: Mapping[str, Any] = field(default_factory=dict)
    problems: tuple[Msg, ...] = ()
    """`path:line: message` for every part that was ignored (worded when shown: the
    file itself may be what sets the language)."""

    def get(self, name: str) -> Any:
        """The file's value of a key, else the key's default."""
        return self.values.get(name, BY_NAME[name].default)


MAX_CONFIG_BYTES = 1024 * 1024
"""A config file is a few lines; anything larger is not one (and is not read)."""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CONFIG_ENV):
        return expand(env[CONFIG_ENV])
    import platformdirs

    return platformdirs.user_config_path("reader", appauthor=False) / "config.yaml"


def _key_line(raw: str, key: str) -> int | None:
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None


def _nested_line(raw: str, key: str) -> int | None:
    """The line of an indented `key:` (an entry under `keys:`), or of a list item that is
    `key` (a rule under `hide:`)."""
    pattern = re.compile(rf"\s+['\"]?{re.escape(key)}['\"]?\s*:")
    for number, line in enumerate(raw.splitlines(), start=1):
        item = line.strip().removeprefix("- ").strip().strip("'")
        if pattern.match(line) or (line.strip().startswith("- ") and item == key):
            return number
    return None


def load_config(path: Path) -> FileConfig:
    """Read the config file; a missing file is an empty config, a broken one a list of problems."""
    shown = display_path(path)
    try:
        raw = read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        return FileConfig(path)
    except OSError as error:
        return FileConfig(path, problems=(_problem(shown, read_failure(error)),))
    except UnicodeDecodeError as error:
        reason = Msg.of("problem.unreadable", reason=error)
        return FileConfig(path, problems=(_problem(shown, reason),))
    try:
        data = load_yaml(raw)
    except YamlError as error:
        line = f":{error.line + 1}" if error.line is not None else ""
        reason = Msg.of("config.bad_yaml", reason=error.reason or Msg.of("config.not_yaml"))
        return FileConfig(path, problems=(_problem(f"{shown}{line}", reason),))
    if data is None:
        return FileConfig(path)
    if not isinstance(data, dict):
        return FileConfig(path, problems=(_problem(f"{shown}:1", Msg.of("config.not_mapping")),))
    problems: list[Msg] = []

    def bad(key: str, message: Msg) -> None:
        line = _key_line(raw, key)
        where = f"{shown}{f':{line}' if line else ''}"
        problems.append(_problem(where, Msg.of("config.ignored", reason=message)))

    values: dict[str, Any] = {}
    for key, value in data.items():
        entry = BY_NAME.get(key) if isinstance(key, str) else None
        if entry is None:
            bad(str(key), Msg.of("config.unknown", key=key))
            continue
        try:
            values[key], nested = entry.read(value)
        except Unusable as unusable:
            bad(key, unusable.reason)
            continue
        for name, reason in nested:
            at = _nested_line(raw, name)
            problems.append(_problem(f"{shown}{f':{at}' if at else ''}", reason))
    return FileConfig(path, values, tuple(problems))


def _problem(where: str, reason: Msg) -> Msg:
    return Msg.of("config.problem", where=where, reason=reason)
