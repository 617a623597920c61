"""`a` in the interface: ask for an address, then fetch and keep the page in the background.

Reading goes on meanwhile; the page arrives as an article of the library
(the list is refreshed), or a notice says why it could not be added.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.library import Article
    from reader.ui.app import ReaderApp


class PageAdder:
    """Adds web pages to the user's library for the app, one worker each."""

    def __init__(self, app: ReaderApp, data_dir: Path) -> None:
        self._app = app
        self._data_dir = data_dir
        settings = app.settings
        self._transient = settings.content_dirs[0] if settings.suggested_address else None
        """The folder of the page `reader URL` shows without keeping it."""

    def ask(self) -> None:
        """The address dialog; it offers the page shown by `reader URL`, if any."""
        from reader.ui.screens.prompts import AddressScreen

        suggested = self._app.settings.suggested_address or ""
        self._app.push_screen(AddressScreen(suggested), self.add)

    def add(self, address: str | None) -> None:
        """Fetch and save `address` off the UI thread (None or blank: nothing to do)."""
        if not address:
            return
        self._app.notify(t("add.adding", url=address), timeout=3, markup=False)
        work = partial(self._fetch, address)
        self._app.run_worker(work, thread=True, group="add", exit_on_error=False)

    def _fetch(self, address: str) -> None:
        from reader.web.adding import AddError, add_page

        app = self._app
        try:
            article, saved = add_page(address, self._data_dir)
        except AddError as error:
            text, title = str(error), t("add.failed")
            app.call_from_thread(app.notify, text, title=title, severity="error", markup=False)
            return
        words = saved.said(article.title)
        app.call_from_thread(self._added, words, saved.path.parent)

    def whole(self, article: Article | None) -> None:
        """`w`: the linked page of a feed item (one that carries only a summary, say)
        fetched off the UI thread into the same article; shown again once it is in."""
        if article is None:
            return
        self._app.notify(t("add.whole_fetching", title=article.title), timeout=3, markup=False)
        work = partial(self._fetch_whole, article)
        self._app.run_worker(work, thread=True, group="add", exit_on_error=False)

    def _fetch_whole(self, article: Article) -> None:
        from reader.web.adding import AddError, whole_item

        app = self._app
        try:
            whole_item(article.path)
        except AddError as error:
            text, title = str(error), t("add.whole_failed")
            app.call_from_thread(app.notify, text, title=title, severity="error", markup=False)
            return
        app.call_from_thread(self._whole_in, article)

    def _whole_in(self, article: Article) -> None:
        app = self._app
        app.notify(t("add.whole_done", title=article.title), timeout=4, markup=False)
        app.action_refresh()
        if app.main_screen.current is not None and app.main_screen.current.id == article.id:
            app.main_screen.open_article(article)  # the body is read from the file again

    def _added(self, words: str, folder: Path) -> None:
        app = self._app
        app.notify(words, timeout=4, markup=False)
        if folder not in app.folders:  # the first page saved made the folder
            app.folders = (*app.folders, folder)
        if self._transient is not None:  # the page `reader URL` showed is kept now
            app.folders = tuple(f for f in app.folders if f != self._transient)
            self._transient = None
        app.action_refresh()
