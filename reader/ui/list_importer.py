"""Importing a reading list from the interface (command palette), while reading goes on.

The same work as `reader import-list`, on a worker thread: the status line
under the list counts the pages and estimates the time left; pages join the
list as they arrive (as `Arrivals` shows them); archived and starred marks are
shown and saved like the user's own; a notice sums up. Quitting stops the
import, keeping what is done: the next import of the same file goes on.
"""

from __future__ import annotations

import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.settings.i18n import number, t
from reader.ui.arrivals import Arrivals

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from reader.ui.app import ReaderApp
    from reader.web.list_import import Outcome


class ListImporter(Arrivals):
    """Imports reading lists for the app, one at a time."""

    def __init__(self, app: ReaderApp, data_dir: Path) -> None:
        super().__init__(app, data_dir)
        self._stop = threading.Event()
        self._running = False
        self._known: set[str] = set()
        self._counts = {"added": 0, "failed": 0, "there": 0}
        self._started = 0.0

    def ask(self) -> None:
        from reader.ui.screens.prompts import ListFileScreen

        if self._running:
            self._app.notify(t("lists.busy"), severity="warning", markup=False)
            return
        self._app.push_screen(ListFileScreen(), self.start)

    def start(self, path: str | None) -> None:
        """Import the list at `path` off the UI thread (None or blank: nothing to do)."""
        if not path or self._running:
            return
        self._running = True
        self._known = set(self._app.session.states)
        self._counts = dict.fromkeys(self._counts, 0)
        self._started = time.monotonic()
        work = partial(self._import, Path(path).expanduser())
        self._app.run_worker(work, thread=True, group="import-list", exit_on_error=False)

    def stop(self) -> None:
        """No new page starts (the app is closing); those under way are saved."""
        self._stop.set()

    def _import(self, path: Path) -> None:
        from reader.web.list_import import import_entries
        from reader.web.reading_lists import ListError, read_list
        from reader.web.saved import saved_folder

        app = self._app
        try:
            listing = read_list(path, None)
        except ListError as error:
            app.call_from_thread(self._failed, f"{path}: {error}")
            return
        library = saved_folder(self._data_dir)
        import_entries(
            listing.entries,
            library,
            progress=lambda outcome, done, total: app.call_from_thread(
                self._progress, outcome, done, total, library
            ),
            stop=self._stop,
        )
        app.call_from_thread(self._finished, library)

    def _failed(self, text: str) -> None:
        self._running = False
        self._app.notify(text, title=t("lists.cannot"), severity="error", markup=False)

    def _progress(self, outcome: Outcome, done: int, total: int, library: Path) -> None:
        from reader.web.list_import import Result, time_left

        key = {Result.ADDED: "added", Result.UNFETCHED: "failed"}.get(outcome.result, "there")
        self._counts[key] += 1
        read, bookmark = outcome.marks(outcome.article_id in self._known)
        self._known.add(outcome.article_id)
        if read or bookmark:
            self._app.session.carry(outcome.article_id, outcome.title, read=read, bookmark=bookmark)
        words = t(
            "lists.progress",
            done=number(done),
            total=number(total),
            failed=number(self._counts["failed"]),
        )
        fetched = self._counts["added"] + self._counts["failed"]
        left = time_left(time.monotonic() - self._started, fetched, total - done)
        words += f" · {left}" if left else ""
        self._app.main_screen.set_status(t("lists.status", progress=words))
        if key != "there":
            self._arrived(library)

    def _finished(self, library: Path) -> None:
        self._running = False
        self._app.main_screen.set_status("")
        counts = {name: number(count) for name, count in self._counts.items()}
        self._reload(library)
        severity: SeverityLevel = "warning" if self._counts["failed"] else "information"
        text, title = t("lists.summary", **counts), t("lists.title")
        self._app.notify(text, title=title, severity=severity, timeout=8, markup=False)
