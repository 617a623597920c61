"""Feeds in the interface: fetched at launch when it is time, or now with `f`.

All on a worker thread: the list keeps answering while feeds arrive. The
status line counts feeds done; new articles join the list as they arrive
(as `Arrivals` shows them); a notice sums up, naming the feeds that failed.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.settings.i18n import t
from reader.ui.arrivals import Arrivals

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.web.feed_fetch import FeedReport


class FeedFetcher(Arrivals):
    """Fetches the user's feeds for the app, one run at a time."""

    def __init__(self, app: ReaderApp, data_dir: Path, every_minutes: int) -> None:
        super().__init__(app, data_dir)
        self._every = every_minutes
        self.running = False

    def at_launch(self) -> None:
        """Fetch if the last fetch is older than `fetch_every` minutes (never if it is 0)."""
        if self._every > 0:
            self._start(only_if_due=True)

    def now(self) -> None:
        if not self.running:
            self._start(only_if_due=False)

    def _start(self, only_if_due: bool) -> None:
        self.running = True
        work = partial(self._fetch, only_if_due)
        self._app.run_worker(work, thread=True, group="feeds", exit_on_error=False)

    def _due(self, fetched: list[str | None]) -> bool:
        times = [dt.datetime.fromisoformat(stamp) for stamp in fetched if stamp]
        if len(times) < len(fetched) or not times:
            return True
        age = dt.datetime.now(dt.UTC) - min(times)
        return age > dt.timedelta(minutes=self._every)

    def _fetch(self, only_if_due: bool) -> None:
        try:
            self._fetch_due(only_if_due)
        finally:  # whatever went wrong, `f` fetches again next time
            self.running = False

    def _fetch_due(self, only_if_due: bool) -> None:
        from reader.state.model import StoreError
        from reader.web.feed_list import FeedList, FeedListError
        from reader.web.feed_run import fetch_followed
        from reader.web.saved import saved_folder

        app = self._app
        try:
            feeds = FeedList.load(self._data_dir)
        except FeedListError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        if not feeds.feeds or (only_if_due and not self._due([f.fetched for f in feeds.feeds])):
            if not feeds.feeds and not only_if_due:
                app.call_from_thread(app.notify, t("feeds.none"), markup=False)
            return
        library = saved_folder(self._data_dir)
        try:
            reports = fetch_followed(
                self._data_dir,
                library,
                feeds.feeds,
                self._rename,
                progress=lambda report, done, total: app.call_from_thread(
                    self._progress, report, done, total, library
                ),
                rules=app.settings.hide,
            )
        except (FeedListError, StoreError) as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        app.call_from_thread(self._finished, reports, library)

    def _rename(self, renamed: dict[str, str]) -> None:
        """Items moved to their feeds' homes: their states follow, and the list shows it."""
        app = self._app
        app.store.rename_articles(renamed)
        app.call_from_thread(app.reload_states)

    def _progress(self, report: FeedReport, done: int, total: int, library: Path) -> None:
        self._app.main_screen.set_status(t("feeds.fetching", done=done, total=total))
        if report.new:
            self._arrived(library)

    def _finished(self, reports: list[FeedReport], library: Path) -> None:
        self._app.main_screen.set_status("")
        new = sum(report.new for report in reports)
        failed = [report.feed.label for report in reports if report.error]
        if new:
            self._reload(library)
        if failed:
            text = t("feeds.fetched_failed", new=new, failed=len(failed), names=", ".join(failed))
            self._app.notify(text, severity="warning", timeout=8, markup=False)
        else:
            self._app.notify(t("feeds.fetched", new=new), timeout=4, markup=False)
