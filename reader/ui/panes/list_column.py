"""The left column of the main screen: the feeds pane, the article list, its filters and
the search.

It decides what the list shows: the library narrowed by the view (all, unread,
bookmarks), the place chosen in the feeds pane (`F`), the facets (language,
tag, outlet, kind) and the search, with the counts in the list's border. The
feeds pane's counts are made on a worker from the library and the states
(`reader.library.origins`), again whenever either changes. Searching runs off the
UI thread through a function the app hands over. It reads no files and writes
no state; it tells the screen what to highlight in the reading pane
(`HighlightChanged`) and which article to open (`OpenRequested`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from reader.index.filters import (
    ORDERS,
    Facet,
    ListFilter,
    Order,
    View,
    apply_filter,
    facet_counts,
)
from reader.library import Article, Library
from reader.library.origins import Origin, OriginRow, Places, SavedSearch
from reader.settings.i18n import plural, t
from reader.state.model import ArticleState
from reader.ui.messages import ForwardsWorkerFailures
from reader.ui.widgets.article_list import ArticleList, Marks
from reader.ui.widgets.feeds_pane import FeedsPane
from reader.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from reader.index.search import Query, Results
    from reader.web.feed_list import Feed

Searcher = Callable[["Query"], "Results"]
Snippeter = Callable[["Query", list[str]], dict[str, str]]
_NO_STATE = ArticleState()


def marks_of(state: ArticleState) -> Marks:
    """What the list shows for a state."""
    note = state.bookmark.note if state.bookmark else ""
    return Marks(read=state.read, bookmarked=state.bookmarked, note=note)


class ListColumn(ForwardsWorkerFailures, Vertical):
    """The filter bar, the search field (once asked for) and the article list."""

    @dataclass
    class HighlightChanged(Message):
        """The search changed: what the reading pane should highlight (None: nothing)."""

        pattern: re.Pattern[str] | None

    @dataclass
    class OpenRequested(Message):
        """Enter in the search field: open the best hit."""

        article: Article

    def __init__(
        self,
        search: Searcher,
        snippets: Snippeter,
        states: Mapping[str, ArticleState],
        *,
        id: str | None = None,
    ) -> None:
        """`states`: the reading session's, read-only and live."""
        super().__init__(id=id)
        self._search = search
        self._snippets = snippets
        self._results: Results | None = None
        self._awaiting: str | None = None
        """The query whose hits are being searched for (None: the list shows the current ones)."""
        self._open_on_results = False
        self._snippet_parts: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._status = ""
        self._loading = True
        self._composed = False
        """True from the column's mount on: its list can be filled."""
        self._unread_count: int | None = None
        self._library = Library()
        self._states = states
        self._filter = ListFilter()
        self._order: Order = "newest"
        self.current_id: str | None = None
        """The article open in the reading pane (the cursor stays on it when the list changes)."""
        self._places: Places | None = None
        self._feeds: tuple[Feed, ...] = ()
        self._searches: tuple[SavedSearch, ...] = ()
        self._origin_rows: dict[str, OriginRow] = {}
        """The feeds pane's rows by key, for the list's counts of the place chosen."""
        self._counts_stale = True
        """The library, a state or the feeds changed since the pane's counts were made."""
        self._counting = False
        """A count is running: another waits for it rather than racing it for the GIL."""

    def compose(self) -> ComposeResult:
        # The search field is mounted on the first `/`: not needed for the first frame.
        yield ArticleList(id="list")

    def on_mount(self) -> None:
        # Textual sets is_mounted only once the mount handlers have run: the
        # list is there now, so what was handed over shows in the first frame.
        self._composed = True
        self._refill()  # what was handed over before the column existed

    # -- data in -------------------------------------------------------------

    def show_library(self, library: Library, *, loading: bool = False) -> None:
        """Fill the list; `loading`: more is on its way (an empty list says so)."""
        self._library = library
        self._loading = loading
        self._unread_count = None
        self._refill()
        self._recount()

    def states_changed(self, article_ids: frozenset[str] | None) -> None:
        """Some articles' states changed (None: any): their marks follow; the filter is
        applied again only when all may have changed, so a row marked read stays put."""
        self._unread_count = None
        if article_ids is None:
            self._refill()
        elif self._composed:
            article_list = self.query_one(ArticleList)
            for article_id in article_ids:
                article_list.set_marks(article_id, marks_of(self.state(article_id)))
            self._update_counts()
        self._recount()

    # -- the feeds pane --------------------------------------------------------

    @property
    def feeds_shown(self) -> bool:
        found = self.query(FeedsPane)
        return bool(found) and found.first().display

    async def toggle_feeds(self, *, focus: bool = True) -> bool:
        """Show the feeds pane (mounted the first time) or hide it; whether it shows now."""
        shown = not self.feeds_shown
        found = self.query(FeedsPane)
        pane = found.first() if found else FeedsPane(id="feeds")
        if not found:
            await self.mount(pane, before=0)
        # The pane's own `display`, not a class on the column: a class there restyled
        # the whole column (a third of the time `F` took).
        pane.display = shown
        if shown:
            self._recount(changed=False)
            if focus:
                self.screen.set_focus(pane)
        elif pane.has_focus:
            self.screen.set_focus(self.query_one(ArticleList))
        return shown

    def set_feeds(
        self, places: Places, feeds: Sequence[Feed], searches: Sequence[SavedSearch]
    ) -> None:
        """What the feeds pane lists besides the library: the feeds followed, the saved
        searches, and the folders that tell saved pages and notes apart."""
        same = (places, tuple(feeds), tuple(searches)) == (
            self._places,
            self._feeds,
            self._searches,
        )
        self._places = places
        self._feeds = tuple(feeds)
        self._searches = tuple(searches)
        self._recount(changed=not same)

    def _recount(self, *, changed: bool = True) -> None:
        """Count again if something changed (and nothing is counting: that count's end
        starts the next). Also while a place is chosen with the pane hidden: the list's
        title counts it."""
        self._counts_stale = self._counts_stale or changed
        wanted = self.feeds_shown or self._filter.origin is not None
        if self._places is None or not wanted or self._counting or not self._counts_stale:
            return
        self._counts_stale = False
        self._counting = True
        self._count_origins(self._places, self._library, self._feeds, self._searches)

    # A description of its own: by default Textual describes a worker by the repr of its
    # arguments, and the repr of 50,000 articles took seconds.
    @work(thread=True, exclusive=True, group="origins", exit_on_error=False, description="counts")
    def _count_origins(
        self,
        places: Places,
        library: Library,
        feeds: tuple[Feed, ...],
        searches: tuple[SavedSearch, ...],
    ) -> None:
        """Each place's counts, off the UI thread: one pass over the library."""
        from reader.library.origins import count_origins, origin_rows

        rows: list[OriginRow] | None = None
        try:
            counts = count_origins(library.articles, self._states, places)
            rows = origin_rows(feeds, counts, places, searches)
        finally:  # even a failure (reported as any worker's) lets the next count start
            self.app.call_from_thread(self._origins_counted, rows)

    def _chosen_place(self) -> OriginRow | None:
        """The feeds pane's row of the place the list is narrowed to, as last counted."""
        origin = self._filter.origin
        return self._origin_rows.get(FeedsPane.row_key(origin)) if origin else None

    def _origins_counted(self, rows: list[OriginRow] | None) -> None:
        self._counting = False
        if rows is not None:
            self._origin_rows = {FeedsPane.row_key(row.origin): row for row in rows}
            for pane in self.query(FeedsPane):
                pane.show_rows(rows, self._filter.origin)
        if self._counts_stale:
            self._recount(changed=False)
        self._update_counts()

    @on(FeedsPane.Chosen)
    async def _origin_chosen(self, event: FeedsPane.Chosen) -> None:
        event.stop()
        await self.choose_origin(event.origin)

    async def choose_origin(self, origin: Origin | None) -> None:
        """Narrow the list to a place (None: every place); a saved search is searched for."""
        self._filter = replace(self._filter, origin=origin)
        if origin is not None and origin.kind == "search":
            await self.start_search()
            self.query_one(SearchBox).value = origin.query  # searched as if typed
        self._refill()
        self._mark_chosen()
        if origin is not None and origin.kind != "search":
            self.screen.set_focus(self.query_one(ArticleList))

    def _mark_chosen(self) -> None:
        for pane in self.query(FeedsPane):
            if pane.rows:
                pane.show_rows(pane.rows, self._filter.origin)

    def state(self, article_id: str) -> ArticleState:
        return self._states.get(article_id, _NO_STATE)

    @property
    def filter(self) -> ListFilter:
        return self._filter

    @property
    def library(self) -> Library:
        return self._library

    def set_status(self, status: str) -> None:
        """Background progress (loading, indexing), shown under the list."""
        self._status = status
        self._update_counts()

    # -- what the list shows ---------------------------------------------------

    def _refill(self) -> None:
        """Show the articles that pass the filter (and the search), keeping the cursor's article,
        else the open one: the cursor never lands on an article the user did not choose."""
        if not self._composed:
            return
        article_list = self.query_one(ArticleList)
        highlighted = article_list.highlighted
        searching = bool(self._filter.query.strip()) and not self._query().is_empty
        results = self._results if searching else None
        ranking = results.ids if results is not None else None
        shown = apply_filter(self._library, self._states, self._filter, ranking, self._order)
        marks = {a.id: marks_of(self._states[a.id]) for a in shown if a.id in self._states}
        snippets = self._snippet_parts if results is not None else None
        listed = {article.id for article in shown}
        wanted = [highlighted.id if highlighted else None, self.current_id]
        keep = next((choice for choice in wanted if choice in listed), None)
        if searching:
            empty = t("main.no_match")
            keep = shown[0].id if shown else None
        else:
            view = self._filter.view
            empty = t("main.loading" if self._loading and view == "all" else f"main.empty.{view}")
            if self._filter.active:
                empty = t("main.filtered_out")
            place = self._chosen_place()
            if place is not None and place.error and not shown:  # say why it is empty
                empty = t("feeds.failed_empty", feed=place.origin.label, reason=place.error)
        article_list.show(shown, marks, keep=keep, empty_message=empty, snippets=snippets)
        self._update_counts()

    def _unread(self) -> int:
        """How many articles are unread (counted again only when state or library changed)."""
        if self._unread_count is None:
            # From the states (articles once opened), not from all 100,000 (30 ms).
            read = [key for key, state in self._states.items() if state.read]
            listed = sum(self._library.get(key) is not None for key in read)
            self._unread_count = len(self._library) - listed
        return self._unread_count

    def _in_view(self) -> int:
        """The articles the view's title counts: in Unread, those still unread.

        An article marked read stays on screen until the list is filled again
        (the cursor does not jump), but the count says what is true now, as
        the unread count under the list does.
        """
        shown = self.query_one(ArticleList).articles
        view = self._filter.view
        if view == "unread":
            return sum(1 for article in shown if not self.state(article.id).read)
        if view == "bookmarked":
            return sum(1 for article in shown if self.state(article.id).bookmarked)
        return len(shown)

    def _update_counts(self) -> None:
        if not self._composed:
            return
        article_list = self.query_one(ArticleList)
        articles = self._library.articles
        unread = self._unread()
        # Filters go in the box's own title: a bar above it put the list out of line.
        # What narrows the list first: a narrow box cuts the end of its title.
        # The view alone keeps its plain title ("Unread (3)"); with other filters it
        # is named among them.
        narrowed = bool(self._filter.describe(with_view=False))
        filters = self._filter.describe() if narrowed else []
        shown, total = self._in_view(), len(articles)
        place = self._chosen_place()
        if place is not None and place.total is not None and place.unread is not None:
            total, unread = place.total, place.unread  # of the place, not of the library
        if filters:
            joined = " · ".join(filters)
            title = t("main.filter_title", shown=shown, total=total, filters=joined)
        else:
            title = f"{self._filter.title} ({shown})"
        article_list.border_title = Content(title)  # a query is text, never markup
        hint = t("main.x_clears") if filters else ""
        order = t(f"order.{self._order}") if self._order != "newest" else ""
        parts = [plural("main.unread", unread) if articles else "", order, hint, self._status]
        article_list.border_subtitle = " · ".join(part for part in parts if part)

    # -- filters ---------------------------------------------------------------

    def set_order(self, order: str | None) -> None:
        """Sort the list (an order of `ORDERS`; anything else is ignored)."""
        if order in ORDERS and order != self._order:
            self._order = ORDERS[ORDERS.index(order)]
            self._refill()

    def cycle_order(self) -> Order:
        """The next order of `ORDERS`, applied."""
        self.set_order(ORDERS[(ORDERS.index(self._order) + 1) % len(ORDERS)])
        return self._order

    def next_unread(self, current: Article | None) -> tuple[Article | None, bool]:
        """The first unread article listed after `current`, else from the top (not itself);
        when the list has none left, the first of the whole library in the list's order
        (another feed, folder or language). The flag says it is not listed now."""
        shown = list(self.query_one(ArticleList).articles)
        start = shown.index(current) + 1 if current in shown else 0
        for article in shown[start:] + shown[:start]:
            if article != current and not self.state(article.id).read:
                return article, False
        unread = apply_filter(
            self._library, self._states, ListFilter(view="unread"), None, self._order
        )
        return next((article for article in unread if article != current), None), True

    def show_view(self, view: View) -> None:
        self._filter = replace(self._filter, view=view)
        self._refill()

    def apply_facet(self, facet: Facet, value: str | None) -> None:
        """Narrow the list to articles with this language, tag, outlet or kind (None: any)."""
        self._filter = self._filter.with_facet(facet, value)
        self._refill()

    def cycle_language(self) -> None:
        """Each press: the next language of the library, then all of them."""
        languages = [value for value, _count in facet_counts(self._library.articles, "language")]
        if not languages:
            return
        current = self._filter.language
        index = languages.index(current) + 1 if current in languages else 0
        self.apply_facet("language", languages[index] if index < len(languages) else None)

    def clear_filters(self) -> None:
        self._filter = ListFilter()
        self.clear_search()
        self._mark_chosen()

    # -- search ----------------------------------------------------------------

    @property
    def searching(self) -> bool:
        """Whether the search field has the focus."""
        return any(box.has_focus for box in self.query(SearchBox))

    async def start_search(self) -> None:
        """Show the search field (mounting it the first time) and focus it, at once.

        Run from a priority binding, before the app reads the next key: `/query`
        typed (or pasted) in one burst must land in the field, not in the list,
        where its letters are commands.
        """
        self.add_class("-searching")
        found = self.query(SearchBox)
        box = found.first() if found else SearchBox(id="search")
        if not found:
            await self.mount(box, before=0)
        self.screen.set_focus(box)

    def clear_search(self) -> None:
        self.remove_class("-searching")
        for box in self.query(SearchBox):
            if box.value:
                box.value = ""  # posts Input.Changed, which clears the results
        origin = self._filter.origin
        if origin is not None and origin.kind == "search":  # a saved search ends with it
            origin = None
        self._filter = replace(self._filter, query="", origin=origin)
        self._results = None
        self._after_search()
        self._mark_chosen()

    def search_again(self) -> None:
        """Re-run the current search (the index has more in it now)."""
        if not self._query().is_empty:
            self._run_search(self._filter.query)

    def highlight(self) -> re.Pattern[str] | None:
        """What the current search finds in a text, for the reading pane."""
        from reader.index.search import search_pattern

        return search_pattern(self._query())

    def _query(self) -> Query:
        from reader.index.search import parse_query  # the search module loads on first use

        return parse_query(self._filter.query, as_you_type=True)

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter = replace(self._filter, query=event.value)
        if self._query().is_empty:
            self._results = self._awaiting = None
            self._after_search()
            return
        self._awaiting = event.value
        self._run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, text: str) -> None:
        """Search off the UI thread; the best hits come with snippets."""
        from reader.index.search import parse_query

        results = self._search(parse_query(text, as_you_type=True))
        self.app.call_from_thread(self._search_done, text, results)

    @on(ArticleList.SnippetsWanted)
    def _snippets_wanted(self, event: ArticleList.SnippetsWanted) -> None:
        event.stop()
        if self._results is not None:
            self._fetch_snippets(self._filter.query, event.article_ids)

    @work(thread=True, group="snippets", exit_on_error=False)
    def _fetch_snippets(self, text: str, article_ids: list[str]) -> None:
        """Snippets for the rows scrolled into view (the first ones come with the results)."""
        from reader.index.search import parse_query

        more = self._snippets(parse_query(text, as_you_type=True), article_ids)
        self.app.call_from_thread(self._snippets_done, text, more)

    def _search_done(self, text: str, results: Results) -> None:
        if text != self._filter.query:
            return  # a newer keystroke already asked again
        from reader.index.search import snippet_parts

        self._results, self._awaiting = results, None
        self._snippet_parts = {i: snippet_parts(s) for i, s in results.snippets.items()}
        self._after_search()
        if self._open_on_results:
            self._open_on_results = False
            self._open_first()

    def _snippets_done(self, text: str, snippets: dict[str, str]) -> None:
        """More hits got their snippets: show them without rebuilding the list."""
        if text != self._filter.query or self._results is None:
            return
        from reader.index.search import snippet_parts

        parts = {article_id: snippet_parts(snippet) for article_id, snippet in snippets.items()}
        self._snippet_parts.update(parts)
        self.query_one(ArticleList).add_snippets(parts)

    def _after_search(self) -> None:
        self._refill()
        self.post_message(self.HighlightChanged(self.highlight()))

    @on(Input.Submitted, "#search")
    def _open_first_hit(self, event: Input.Submitted) -> None:
        event.stop()
        if self._awaiting is not None:  # `/word⏎` typed in one go: the hits are not in yet
            self._open_on_results = True
        else:
            self._open_first()

    def _open_first(self) -> None:
        articles = self.query_one(ArticleList).articles
        if articles:
            self.post_message(self.OpenRequested(articles[0]))
