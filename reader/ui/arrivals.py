"""What the web brings while reading goes on: pages of a feed or of an imported list.

Articles arrive in the library folder one by one; the list shows them without
reading the library again for each (at most every `RELOAD_EVERY` seconds,
and once at the end). The folder is added to the app's folders the first
time it exists.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

RELOAD_EVERY = 2.0
"""Seconds between two readings of the library while articles arrive."""


class Arrivals:
    """The library read again as articles arrive in `library` (a background job's folder)."""

    def __init__(self, app: ReaderApp, data_dir: Path) -> None:
        self._app = app
        self._data_dir = data_dir
        self._reloaded = 0.0

    def _arrived(self, library: Path) -> None:
        """More articles are on disk: the list shows them, unless it did a moment ago."""
        if time.monotonic() - self._reloaded > RELOAD_EVERY:
            self._reload(library)

    def _reload(self, library: Path) -> None:
        app = self._app
        if library.is_dir() and library not in app.folders:
            app.folders = (*app.folders, library)
        self._reloaded = time.monotonic()
        app.load_library()
