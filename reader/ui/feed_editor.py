"""What the feeds pane asks for, done for the app: the feeds read, added, renamed,
removed, reloaded and marked read, and the saved searches kept.

The feeds file is read and written off the UI thread, each change under its
lock (`FeedList.editing`), as `reader feeds` does from the shell: a fetch or
another window changing it meanwhile loses nothing. Saved searches live in
the reading state's store (`searches`), as JSON.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library.origins import Origin, OriginRow, Places, SavedSearch, in_folder
from reader.settings import resources
from reader.settings.i18n import number, t

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp
    from reader.web.feed_list import Feed, FeedList

SEARCHES = "searches"
"""The store's session key that holds the saved searches."""
MAX_SEARCHES = 200


class FeedEditor:
    """The feeds pane's actions, for the app."""

    def __init__(self, app: ReaderApp, data_dir: Path) -> None:
        self._app = app
        self._data_dir = data_dir
        self._searches: list[SavedSearch] | None = None
        """The saved searches, read from the store once, then kept here as they change
        (the store is written on its own thread: reading it back could miss the last)."""

    @property
    def places(self) -> Places:
        from reader.settings.config import SAVED_FOLDER

        bundled = resources.content_dir() if self._app.settings.include_bundled else None
        return Places(self._data_dir / SAVED_FOLDER, bundled)

    # -- reading ---------------------------------------------------------------

    def load(self) -> None:
        """Read the feeds file off the UI thread; the pane is handed what it lists."""
        self._app.run_worker(self._load, thread=True, group="feed-list", exit_on_error=False)

    def _load(self) -> None:
        from reader.web.feed_list import FeedList, FeedListError

        app = self._app
        feeds: list[Feed] = []
        try:
            feeds = FeedList.load(self._data_dir).feeds
        except FeedListError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
        app.call_from_thread(self._loaded, feeds)

    def _loaded(self, feeds: list[Feed]) -> None:
        self._app.main_screen.set_feeds(self.places, feeds, self.searches())

    def searches(self) -> list[SavedSearch]:
        """The saved searches (anything in the store that is not one is passed over)."""
        if self._searches is None:
            self._searches = self._stored_searches()
        return list(self._searches)

    def _stored_searches(self) -> list[SavedSearch]:
        try:
            raw = json.loads(self._app.store.session(SEARCHES) or "[]")
        except ValueError:
            return []
        if not isinstance(raw, list):
            return []
        found = [
            SavedSearch(item["name"], item["query"])
            for item in raw
            if isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("query"), str)
        ]
        return found[:MAX_SEARCHES]

    def _keep_searches(self, searches: list[SavedSearch]) -> None:
        self._searches = list(searches)
        value = [{"name": s.name, "query": s.query} for s in searches]
        self._app.keeper.remember(SEARCHES, json.dumps(value, ensure_ascii=False))
        self._loaded_again(searches)

    def _loaded_again(self, searches: list[SavedSearch]) -> None:
        screen = self._app.main_screen
        screen.set_feeds(self.places, screen.followed_feeds, searches)

    # -- what the pane asks ------------------------------------------------------

    def asked(self, what: str, row: OriginRow | None) -> None:
        if what == "add":
            self.ask_address()
        elif what == "import":
            self.ask_opml()
        elif row is not None and what == "reload":
            self.reload(row.origin)
        elif row is not None and what == "mark_read":
            self.mark_read(row.origin)
        elif row is not None and what == "rename":
            self.ask_name(row)
        elif row is not None and what == "remove":
            self.ask_remove(row)

    def reload(self, origin: Origin) -> None:
        """A feed, a folder's or a tag's feeds, or all of them, fetched now."""
        if origin.kind not in ("feed", "folder", "tag", "feeds"):
            self._app.notify(t("feeds.nothing_to_fetch", place=origin.label), timeout=3)
            return
        if self._app.feeds.running:
            self._app.notify(t("feeds.busy"), timeout=3)
            return
        self._app.feeds.now(None if origin.kind == "feeds" else origin.homes)

    def mark_read(self, origin: Origin) -> None:
        """Every article of the place read (`u` puts them back)."""
        app = self._app
        if origin.kind == "search":
            app.notify(t("feeds.search_mark_read"), timeout=4)
            return
        articles = origin.select(app.library.articles)
        count = app.tracker.mark_all_read(articles)
        text = t("feeds.marked_read", count=number(count), place=origin.label)
        app.notify(text, timeout=6, markup=False)

    def ask_address(self) -> None:
        from reader.ui.screens.prompts import FeedAddressScreen

        self._app.push_screen(FeedAddressScreen(), self.follow)

    def follow(self, address: str | None) -> None:
        """Check the address (as `reader feeds add` does) and follow it, off the UI thread;
        its items are fetched at once."""
        if not address:
            return
        self._app.notify(t("feeds.checking", url=address), timeout=3, markup=False)
        work = partial(self._follow, address)
        self._app.run_worker(work, thread=True, group="feed-add", exit_on_error=False)

    def _follow(self, address: str) -> None:
        from reader.settings.errors import ReaderError
        from reader.web.feed_check import follow

        app = self._app
        try:
            followed = follow(self._data_dir, address)
        except ReaderError as error:  # no address, no feed there, a broken feeds file
            text, title = str(error), t("feeds.add_failed")
            app.call_from_thread(app.notify, text, title=title, severity="error", markup=False)
            return
        app.call_from_thread(self._followed, followed.said(), followed.feed.home)

    def _followed(self, said: str, home: str) -> None:
        self._app.notify(said, timeout=6, markup=False)
        self.load()
        self._app.feeds.now({home})

    def ask_opml(self) -> None:
        from reader.ui.screens.prompts import OpmlFileScreen

        self._app.push_screen(OpmlFileScreen(), self.import_opml)

    def import_opml(self, path: str | None) -> None:
        """Follow every feed of an OPML file (newsboat's, nom's, FreshRSS's), in its folders
        and with its tags, off the UI thread; the new ones are fetched at once."""
        if path:
            work = partial(self._import_opml, path)
            self._app.run_worker(work, thread=True, group="feed-edit", exit_on_error=False)

    def _import_opml(self, path: str) -> None:
        from reader.web.feed_list import FeedList, FeedListError, read_opml

        app = self._app
        try:
            listed = read_opml(Path(path).expanduser())
            added = []
            with FeedList.editing(self._data_dir) as feeds:
                for entry in listed:
                    feed, new = feeds.add(entry.url, entry.name, False, entry.folder, entry.tags)
                    if new:
                        added.append(feed)
        except FeedListError as error:
            text, title = str(error), t("feeds.import_failed")
            app.call_from_thread(app.notify, text, title=title, severity="error", markup=False)
            return
        said = t("feeds.imported", added=len(added), listed=len(listed))
        app.call_from_thread(self._imported, said, {feed.home for feed in added})

    def _imported(self, said: str, homes: set[str]) -> None:
        self._app.notify(said, timeout=6, markup=False)
        self.load()
        if homes:
            self._app.feeds.now(homes)

    def ask_name(self, row: OriginRow) -> None:
        from reader.ui.screens.prompts import RenameScreen

        kind = row.origin.kind
        if kind not in ("feed", "folder", "search"):
            self._app.notify(t("feeds.cannot_rename", place=row.origin.label), timeout=3)
            return
        answered = partial(self.rename, row)
        self._app.push_screen(RenameScreen(row.origin.label), answered)

    def rename(self, row: OriginRow, name: str | None) -> None:
        """A feed's name, a folder's (its feeds move with it) or a saved search's."""
        if not name:
            return
        origin = row.origin
        if origin.kind == "search":
            searches = [
                SavedSearch(name, s.query) if s.query == origin.query else s
                for s in self.searches()
            ]
            self._keep_searches(searches)
            return
        if origin.kind == "feed":
            self._edit(partial(_rename_feed, origin.key, name))
        else:
            self._edit(partial(_rename_folder, origin.key, name))

    def ask_remove(self, row: OriginRow) -> None:
        from reader.ui.screens.confirm import ConfirmScreen

        origin = row.origin
        if origin.kind == "search":
            self._keep_searches([s for s in self.searches() if s.query != origin.query])
            self._app.notify(t("feeds.search_removed", name=origin.label), timeout=3)
            return
        if origin.kind != "feed" or row.feed_url is None:
            self._app.notify(t("feeds.cannot_remove", place=origin.label), timeout=3)
            return
        question = t("feeds.remove_question", feed=origin.label)

        def answered(yes: bool | None) -> None:
            if yes:
                self._edit(partial(_remove_feed, origin.key))

        screen = ConfirmScreen(question, row.feed_url, yes="confirm.unfollow")
        self._app.push_screen(screen, answered)

    def save_search(self, query: str, name: str | None) -> None:
        """Keep the search being typed as a feed of the pane, under `name`."""
        if not name or not query.strip():
            return
        searches = [s for s in self.searches() if s.query != query.strip()]
        searches.append(SavedSearch(name, query.strip()))
        self._keep_searches(searches[-MAX_SEARCHES:])
        self._app.notify(t("feeds.search_saved", name=name), timeout=4, markup=False)

    def _edit(self, change: partial[str]) -> None:
        """Apply a change to the feeds file off the UI thread; say what it did."""
        self._app.run_worker(
            partial(self._apply, change), thread=True, group="feed-edit", exit_on_error=False
        )

    def _apply(self, change: partial[str]) -> None:
        from reader.web.feed_list import FeedList, FeedListError

        app = self._app
        try:
            with FeedList.editing(self._data_dir) as feeds:
                said = change(feeds)
        except FeedListError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        app.call_from_thread(app.notify, said, timeout=4, markup=False)
        app.call_from_thread(self.load)


def _rename_feed(home: str, name: str, feeds: FeedList) -> str:
    feed = feeds.by_home(home)
    if feed is None:
        return t("feeds.gone")
    before = feed.label
    feeds.change(feed, name=name)
    return t("feeds.renamed", before=before, after=feed.label)


def _rename_folder(path: str, name: str, feeds: FeedList) -> str:
    from reader.web.feed_list import folder_path

    new = folder_path(f"{path.rpartition('/')[0]}/{name.replace('/', '-')}") or path
    for feed in feeds.feeds:
        if feed.folder and in_folder(feed.folder, path):
            feed.folder = new + feed.folder[len(path) :]
    return t("feeds.renamed", before=path, after=new)


def _remove_feed(home: str, feeds: FeedList) -> str:
    feed = feeds.by_home(home)
    if feed is None:
        return t("feeds.gone")
    feeds.feeds.remove(feed)
    return t("feeds.removed", feed=feed.label)
