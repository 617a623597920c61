"""The user's own editor, for the config file (`reader config edit`) and notes (`e`,
`reader edit`): `$VISUAL`, else `$EDITOR`, else vi, as git and crontab choose."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from reader.settings.errors import ReaderError
from reader.settings.i18n import t

DEFAULT_EDITOR = "vi"


class EditorError(ReaderError):
    """The editor could not be started; the message names it and says why."""


def run_editor(path: Path) -> int:
    """Open `path` in the user's editor and wait for it; its exit status."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or DEFAULT_EDITOR
    try:
        return subprocess.call([*shlex.split(command), str(path)])
    except (OSError, ValueError) as error:
        raise EditorError(t("editor.cannot_start", editor=command, reason=error)) from None
