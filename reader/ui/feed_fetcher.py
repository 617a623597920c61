"""Feeds in the interface: fetched when it is time, all now with `f`, or some from the
feeds pane (`r` on a feed or a folder).

It is time for a feed when its own `fetch_every` (else the config's) has
passed since its last fetch: looked at when reader starts and every minute
while it runs. All on a worker thread: the list keeps answering while feeds
arrive. The status line counts feeds done; new articles join the list as they
arrive (as `Arrivals` shows them); a notice sums up, naming the feeds that
failed.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.settings.i18n import t
from reader.ui.arrivals import Arrivals

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.web.feed_fetch import FeedReport


CHECK_EVERY = 60.0
"""Seconds between two looks at which feeds are due, while reader runs."""


class FeedFetcher(Arrivals):
    """Fetches the user's feeds for the app, one run at a time."""

    def __init__(self, app: ReaderApp, data_dir: Path, every_minutes: int) -> None:
        super().__init__(app, data_dir)
        self._every = every_minutes
        self.running = False

    def at_launch(self) -> None:
        """Fetch the feeds that are due, now and every minute from now on."""
        self.when_due()
        self._app.set_interval(CHECK_EVERY, self.when_due, name="feeds due")

    def when_due(self) -> None:
        if not self.running:
            self._start(only_if_due=True)

    def now(self, homes: Collection[str] | None = None) -> None:
        """Fetch every feed now, or those whose homes are `homes` (one, or a folder's)."""
        if not self.running:
            self._start(only_if_due=False, homes=homes)

    def _start(self, only_if_due: bool, homes: Collection[str] | None = None) -> None:
        self.running = True
        work = partial(self._fetch, only_if_due, homes)
        self._app.run_worker(work, thread=True, group="feeds", exit_on_error=False)

    def _fetch(self, only_if_due: bool, homes: Collection[str] | None) -> None:
        try:
            self._fetch_due(only_if_due, homes)
        finally:  # whatever went wrong, `f` fetches again next time
            self.running = False

    def _fetch_due(self, only_if_due: bool, homes: Collection[str] | None) -> None:
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
        if not feeds.feeds and not only_if_due:
            app.call_from_thread(app.notify, t("feeds.none"), markup=False)
        chosen = [feed for feed in feeds.feeds if homes is None or feed.home in homes]
        if only_if_due:
            chosen = [feed for feed in chosen if feed.due(self._every)]
        if not chosen:
            return
        library = saved_folder(self._data_dir)
        try:
            reports = fetch_followed(
                self._data_dir,
                library,
                chosen,
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
        self._app.feed_editor.load()  # titles and errors learnt: the pane shows them
        new = sum(report.new for report in reports)
        failed = [report.feed.label for report in reports if report.error]
        if new:
            self._reload(library)
        if failed:
            text = t("feeds.fetched_failed", new=new, failed=len(failed), names=", ".join(failed))
            self._app.notify(text, severity="warning", timeout=8, markup=False)
        else:
            self._app.notify(t("feeds.fetched", new=new), timeout=4, markup=False)
