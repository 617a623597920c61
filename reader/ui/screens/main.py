"""The main screen: article list, reading pane and sources sidebar.

It coordinates the panes (an article chosen in the list is shown in the
reading pane and its sources in the sidebar) and owns the keys that move between
them. What the list shows (filters, search) is the `ListColumn`'s; where links
lead is `LinkRouter`'s. It reads no files and writes no state: the app hands it
a body loader and a read-only view of the reading session's states, handles the
messages that change state, and tells it what changed (`StatesChanged`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from reader.index.filters import Facet, ListFilter, View
    from reader.library.origins import Places, SavedSearch
    from reader.markdown.document import Document
    from reader.web.feed_list import Feed

from reader.library import Article, Library, Source
from reader.markdown.layout import Anchor
from reader.settings.i18n import t
from reader.state.model import ArticleState
from reader.ui.keys import key, translate_bindings
from reader.ui.messages import ForwardsWorkerFailures, StatesChanged
from reader.ui.panes.layout import PaneLayout
from reader.ui.panes.links import LinkRouter
from reader.ui.panes.list_column import ListColumn, Searcher, Snippeter
from reader.ui.panes.opening import ArticleOpener, BodyLoader
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feeds_pane import FeedsPane
from reader.ui.widgets.footer import WholeKeysFooter
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_box import SearchBox
from reader.ui.widgets.sources_sidebar import SourcesSidebar


class MainScreen(ForwardsWorkerFailures, Screen[None]):
    """Three panes side by side; at narrow widths the sidebar, then the list, give way."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-medium"), (110, "-wide")]
    """Below 64 columns one pane at a time; below 110 the sidebar only on demand."""

    BINDINGS: ClassVar[list[BindingType]] = [
        key("tab", "app.focus_next", "main.next_pane", show=False),
        key("shift+tab", "app.focus_previous", "main.previous_pane", show=False),
        key("escape", "back", "main.back", show=False),
        key("slash", "search", "main.search", priority=True),
        key("ctrl+f", "find", "main.find", show=False),
        key("l", "cycle_language", "main.language", show=False),
        key("x", "clear_filters", "main.clear", show=False),
        key("n", "next_article", "main.next"),
        key("p", "previous_article", "main.previous"),
        key("s", "toggle_sources", "main.sources", show=False),
        key("F", "toggle_feeds", "main.feeds", show=False),
        key("less_than_sign", "resize_list(-4)", "main.list_narrower", show=False),
        key("greater_than_sign", "resize_list(4)", "main.list_wider", show=False),
        key("1", "show_view('all')", "main.view_all", show=False),
        key("2", "show_view('unread')", "main.view_unread", show=False),
        key("3", "show_view('bookmarked')", "main.view_bookmarks", show=False),
        key("t", "translation", "main.translation", show=False),
        key("N", "next_unread", "main.next_unread", show=False),
        key("S", "sort", "main.sort", show=False),
        key("backspace,alt+left", "go_back", "main.back_link", show=False),
        key("o", "outline", "main.outline", show=False),
        key("question_mark", "help", "main.help"),
    ]

    class Ready(Message):
        """The panes exist: the app may start handing data over."""

    class FeedsWanted(Message):
        """The feeds pane is shown: the app reads the feeds it lists."""

    @dataclass
    class ArticleOpened(Message):
        """An article is now on display in the reading pane."""

        article: Article

    @dataclass
    class LayoutChanged(Message):
        """The user changed the layout (`name`: reading_width, list_width, sources,
        sources_width): remember."""

        name: str
        value: str

    def __init__(
        self,
        load_body: BodyLoader,
        search: Searcher,
        snippets: Snippeter,
        states: Mapping[str, ArticleState],
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        """`states`: the session's, read-only and live; `keymap`: the user's key overrides
        (binding id → keys), for the help screen."""
        super().__init__()
        self._keymap = dict(keymap or {})
        translate_bindings(self)
        self._opener = ArticleOpener(self, load_body)
        self._states = states
        self._column = ListColumn(search, snippets, states, id="left")
        self._links = LinkRouter(self)
        self._current: Article | None = None
        self._sidebar = SourcesSidebar(id="sources")
        self._panes = PaneLayout(self, self._column, self._sidebar, self.LayoutChanged)
        self._dragging = False
        """The list's right border is being dragged with the mouse."""
        self.followed_feeds: tuple[Feed, ...] = ()
        """The feeds the pane lists, as last read from the feeds file."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield self._column
            yield ReadingPane(id="reading")
            yield self._sidebar
        yield WholeKeysFooter()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.post_message(self.Ready())

    def restore_layout(self, reading_width: int | None, saved: Mapping[str, str | None]) -> None:
        """The widths and the sidebar as the user left them (the config's width wins)."""
        width = reading_width or saved.get("reading_width")
        if width and str(width).isdigit():
            self.set_reading_width(int(width))
        self._panes.restore(
            saved.get("list_width"), saved.get("sources"), saved.get("sources_width")
        )
        self._column.set_order(saved.get("sort"))
        if saved.get("feeds") == "on":
            self.run_worker(self._show_feeds_pane(), group="feeds-pane")

    async def _show_feeds_pane(self) -> None:
        if not self._column.feeds_shown:
            await self._column.toggle_feeds(focus=False)
            self.post_message(self.FeedsWanted())

    @on(ReadingPane.ColumnWidthChanged)
    def _column_width(self, event: ReadingPane.ColumnWidthChanged) -> None:
        self.post_message(self.LayoutChanged("reading_width", str(event.width)))

    # -- data in -------------------------------------------------------------

    def show_library(self, library: Library, *, loading: bool = False) -> None:
        """Fill the list; the open article, if still there, stays open.

        `loading`: more is on its way (an empty list then says so, not "no articles").
        """
        self._column.show_library(library, loading=loading)

    def on_states_changed(self, message: StatesChanged) -> None:
        """The reading session changed: the list's marks and counts follow."""
        self._column.states_changed(message.article_ids)

    def listed(self) -> tuple[Article, ...]:
        """The articles the list shows now, in its order (what `M` marks read)."""
        return self.query_one(ArticleList).articles

    @property
    def filter(self) -> ListFilter:
        return self._column.filter

    @property
    def library(self) -> Library:
        return self._column.library

    def set_status(self, status: str) -> None:
        """Background progress (loading, indexing), shown under the list."""
        self._column.set_status(status)

    def search_again(self) -> None:
        """Re-run the current search (the index has more in it now)."""
        self._column.search_again()

    def apply_facet(self, facet: Facet, value: str | None) -> None:
        """Narrow the list to articles with this language, tag, outlet or kind (None: any)."""
        self._column.apply_facet(facet, value)

    # -- search and filters --------------------------------------------------

    async def action_search(self) -> None:
        await self._column.start_search()

    def action_find(self) -> None:
        """Ctrl+F: find words in the open article alone (as `/` does in a pager); the list
        and the library's search stay as they are."""
        from reader.ui.screens.prompts import FindScreen

        article = self._current
        if article is None:
            self.notify(t("main.open_first"), timeout=2)
            return
        self.app.push_screen(FindScreen(article.title), self._find)

    def _find(self, words: str | None) -> None:
        from reader.index.search import parse_query, search_pattern

        if not words:
            return
        pane = self.query_one(ReadingPane)
        pane.set_highlight(search_pattern(parse_query(words)))
        if not pane.match_count:
            self.notify(t("find.none", words=words), timeout=3, markup=False)
            return
        pane.focus()
        pane.action_next_match()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` is a priority key (see `start_search`); typed in the field, it is text.
        return not (action == "search" and self._column.searching)

    def action_cycle_language(self) -> None:
        self._column.cycle_language()

    def action_clear_filters(self) -> None:
        self._column.clear_filters()
        self.query_one(ArticleList).focus()

    def action_show_view(self, view: View) -> None:
        self._column.show_view(view)

    @on(ListColumn.HighlightChanged)
    def _highlight_changed(self, event: ListColumn.HighlightChanged) -> None:
        event.stop()
        self.query_one(ReadingPane).set_highlight(event.pattern)

    @on(ListColumn.OpenRequested)
    def _open_requested(self, event: ListColumn.OpenRequested) -> None:
        event.stop()
        self.open_article(event.article)

    def action_back(self) -> None:
        """Escape: from the search field or a searched list, clear the search; else to the list.
        Where the list gave way to the sidebar, the sidebar goes: the focus never goes to a
        pane that is not shown."""
        article_list = self.query_one(ArticleList)
        if self._column.searching or (article_list.has_focus and self.filter.query):
            self._column.clear_search()
        if self.has_class("-list-gives-way"):
            self._panes.show_sources(False)
        article_list.focus()

    @property
    def current(self) -> Article | None:
        """The article in the reading pane."""
        return self._current

    def target(self) -> Article | None:
        """The article a key like `b` acts on: the open one, unless the list has the focus."""
        article_list = self.query_one(ArticleList)
        if article_list.has_focus or self._current is None:
            return article_list.highlighted
        return self._current

    # -- opening -------------------------------------------------------------

    def open_article(
        self,
        article: Article,
        at_fraction: float | None = None,
        anchor: Anchor | None = None,
        heading: str | None = None,
    ) -> None:
        """Read the body off the UI thread, then show it where reading stopped.

        `at_fraction` (a share of the article), `anchor` (a place in it) or
        `heading` (a link's `#Heading`) overrides the saved place.
        """
        if anchor is None:
            state = self._states.get(article.id)
            position = state.position if state else None
            anchor = Anchor(position.line, position.fraction) if position else None
        self._opener.open(article, anchor, at_fraction, heading)

    def show_again(self) -> None:
        """The open article drawn again where it is read (its links resolved afresh), as the
        library now has it; nothing if it has left the library."""
        if self._current is None:
            return
        article = self.library.get(self._current.id)
        if article is not None:
            self.open_article(article, anchor=self.reading_anchor())

    def reading_anchor(self) -> Anchor:
        """Where the reading pane's view is now."""
        return self.query_one(ReadingPane).top_anchor()

    def show_article(
        self,
        article: Article,
        document: Document,
        anchor: Anchor | None,
        at_fraction: float | None,
        more: dict[str, list[Source]],
        where: str = "",
    ) -> None:
        """Show an opened article (its body rendered by the opener's worker) and its sources.
        Named so as not to hide Textual's `display` property, which it once did."""
        self._current = article
        self._column.current_id = article.id
        pane = self.query_one(ReadingPane)
        pane.set_highlight(self._column.highlight())
        pane.show(article, document, self.library.translations(article), anchor, at_fraction)
        pane.name_place(where)
        self._sidebar.show(article.sources, more)
        self.query_one(ArticleList).move_to(article.id)
        pane.focus()
        self.post_message(self.ArticleOpened(article))

    @on(ArticleList.Selected)
    def _selected(self, event: ArticleList.Selected) -> None:
        event.stop()
        self.open_article(event.article)

    @on(ReadingPane.TranslationRequested)
    def _translation(self, event: ReadingPane.TranslationRequested) -> None:
        event.stop()
        self.open_article(event.article)

    @on(ReadingPane.LinkFollowed)
    def _link_followed(self, event: ReadingPane.LinkFollowed) -> None:
        event.stop()
        self._links.follow(event.target)

    @on(SourcesSidebar.OpenRequested)
    def _open_source(self, event: SourcesSidebar.OpenRequested) -> None:
        event.stop()
        self._links.open_source(event.source)

    def action_go_back(self) -> None:
        """Back to where a followed link was (Backspace or Alt+Left)."""
        self._links.go_back()

    def open_file(self, path: Path) -> bool:
        """Open the article read from `path`; False if the library has none."""
        found = next((a for a in self.library.articles if a.path == path), None)
        if found is not None:
            self.open_article(found)
        return found is not None

    def open_by_id(self, article_id: str) -> bool:
        """Open an article by id; False if the library has no such article."""
        article = self.library.get(article_id)
        if article is None:
            return False
        self.open_article(article)
        return True

    def set_reading_width(self, width: int) -> None:
        """The text column width the user chose last time."""
        self.query_one(ReadingPane).column_width = width

    def select(self, article_id: str) -> bool:
        """Put the list's cursor on an article; False if it is not listed."""
        return self.query_one(ArticleList).move_to(article_id)

    def select_in_language(self, language: str, among: int = 50) -> None:
        """At a first launch: if the first article is in another language than the
        interface's and its translation into it is near the top, the cursor goes there
        (an English reader's first article is not the French guide)."""
        articles = self.query_one(ArticleList).articles[:among]
        if not articles or articles[0].language in (None, language):
            return
        first = articles[0]
        root = first.translation_of or first.id
        for other in articles[1:]:
            family = other.id == root or other.translation_of == root
            if family and other.language == language:
                self.select(other.id)
                return

    # -- the layout: `s`, `<` / `>`, a resize, the list's border dragged ---------

    def on_resize(self) -> None:
        self._panes.fit()

    def action_toggle_sources(self) -> None:
        self._panes.toggle_sources()

    async def action_toggle_feeds(self) -> None:
        """`F`: the feeds pane above the list, shown (with the focus) or hidden; remembered."""
        shown = await self._column.toggle_feeds()
        self.post_message(self.LayoutChanged("feeds", "on" if shown else "off"))
        if shown:
            self.post_message(self.FeedsWanted())

    def set_feeds(
        self, places: Places, feeds: Sequence[Feed], searches: Sequence[SavedSearch]
    ) -> None:
        """What the feeds pane lists besides the library (read by the app)."""
        self.followed_feeds = tuple(feeds)
        self._column.set_feeds(places, feeds, searches)

    def action_resize_list(self, delta: int) -> None:
        """`<` / `>`: a narrower or wider list, or sidebar when it has the focus
        (remembered)."""
        if self._sidebar.has_focus:
            self._panes.resize_sidebar(delta)
        else:
            self._panes.resize_list(delta)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._panes.on_border(event.screen_x, event.screen_y):
            self._dragging = True
            self._panes.capture(True)
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._panes.drag_to(event.screen_x)
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self._panes.capture(False)
            self._panes.remember()
            event.stop()

    # -- keys ----------------------------------------------------------------

    def _step(self, delta: int) -> None:
        article_list = self.query_one(ArticleList)
        if not article_list.articles:
            return
        index = article_list.index_of(self._current.id) if self._current else None
        target = article_list.cursor if index is None else index + delta
        if 0 <= target < len(article_list.articles):
            self.open_article(article_list.articles[target])
        else:
            self.notify(t("main.last" if delta > 0 else "main.first"), timeout=2)

    def action_next_article(self) -> None:
        self._step(+1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def action_translation(self) -> None:
        self._opener.translation(self._current)

    def action_outline(self) -> None:
        self._opener.outline(self._current)

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen, key_groups

        self.app.push_screen(HelpScreen(key_groups(self, self._keymap)))

    @property
    def keymap(self) -> Mapping[str, str]:
        """The user's key overrides (binding id → keys), for the help screen and the palette."""
        return self._keymap

    def action_next_unread(self) -> None:
        """`N`: the next unread article after the open one (in list order, then from the top);
        when none is left in the list as filtered, the filters go and the next unread of the
        whole library opens, wherever it comes from (as `n` in a mail reader crosses folders)."""
        article, elsewhere = self._column.next_unread(self._current)
        if article is None:
            self.notify(t("main.no_unread"), timeout=2)
            return
        if elsewhere:
            self._column.clear_filters()
            where = article.outlet or article.folder.name or article.id
            self.notify(t("main.unread_elsewhere", where=where), timeout=3, markup=False)
        self.open_article(article)

    def action_sort(self) -> None:
        """`S`: the next order of the list (newest, oldest, title, unread, time), remembered."""
        order = self._column.cycle_order()
        self.notify(t(f"order.{order}"), timeout=2)
        self.post_message(self.LayoutChanged("sort", order))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # At narrow widths only one pane shows: the one that has the focus.
        left = (ArticleList, SearchBox, FeedsPane)
        self.set_class(not isinstance(event.widget, left), "-reading")
