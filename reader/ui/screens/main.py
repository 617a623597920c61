"""The main screen: article list, reading pane and sources sidebar.

It coordinates the panes (an article chosen in the list is shown in the
reading pane and its sources in the sidebar), owns the keys that move between
them and the list's filter. It reads no files and writes no state: the app
hands it a body loader and the reading state, and handles the messages that
change state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

if TYPE_CHECKING:
    from reader.index.search import Query, Results
    from reader.ui.screens.help import KeyGroup

from reader.index.filters import Facet, ListFilter, View, apply_filter, facet_counts
from reader.library import Article, Library
from reader.settings.i18n import plural, t
from reader.state.model import ArticleState
from reader.ui.commands import FilterCommands
from reader.ui.keys import key, remapped, translate_bindings
from reader.ui.widgets.article_list import ArticleList, Marks
from reader.ui.widgets.reading_pane import Anchor, ReadingPane
from reader.ui.widgets.search_box import SearchBox
from reader.ui.widgets.sources_sidebar import SourcesSidebar

BodyLoader = Callable[[Article], str]
Searcher = Callable[["Query"], "Results"]
Snippeter = Callable[["Query", list[str]], dict[str, str]]
_NO_STATE = ArticleState()


def marks_of(state: ArticleState) -> Marks:
    """What the list shows for a state."""
    note = state.bookmark.note if state.bookmark else ""
    return Marks(read=state.read, bookmarked=state.bookmarked, note=note)


class MainScreen(Screen[None]):
    """Three panes side by side; at narrow widths the sidebar, then the list, give way."""

    COMMANDS = Screen.COMMANDS | {FilterCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-medium"), (110, "-wide")]
    """Below 64 columns one pane at a time; below 110 the sidebar only on demand."""

    BINDINGS: list[BindingType] = [
        key("tab", "app.focus_next", "main.next_pane", show=False),
        key("shift+tab", "app.focus_previous", "main.previous_pane", show=False),
        key("escape", "back", "main.back", show=False),
        key("slash", "search", "main.search"),
        key("l", "cycle_language", "main.language", show=False),
        key("x", "clear_filters", "main.clear", show=False),
        key("n", "next_article", "main.next"),
        key("p", "previous_article", "main.previous"),
        key("s", "toggle_sources", "main.sources", show=False),
        key("1", "show_view('all')", "main.view_all", show=False),
        key("2", "show_view('unread')", "main.view_unread", show=False),
        key("3", "show_view('bookmarked')", "main.view_bookmarks", show=False),
        key("t", "translation", "main.translation", show=False),
        key("backspace,alt+left", "go_back", "main.back_link", show=False),
        key("o", "outline", "main.outline", show=False),
        key("question_mark", "help", "main.help"),
    ]

    class Ready(Message):
        """The panes exist: the app may start handing data over."""

    @dataclass
    class ArticleOpened(Message):
        """An article is now on display in the reading pane."""

        article: Article

    def __init__(
        self,
        load_body: BodyLoader,
        search: Searcher,
        snippets: Snippeter,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        """`keymap`: the user's key overrides (binding id → keys), for the help screen."""
        super().__init__()
        self._keymap = dict(keymap or {})
        translate_bindings(self)
        self._load_body = load_body
        self._search = search
        self._snippets = snippets
        self._results: Results | None = None
        self._snippet_parts: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._status = ""
        self._history: list[tuple[Article, Anchor]] = []
        """Where followed links were, for Backspace."""
        self._panes_ready = False
        self._loading = True
        self._unread_count: int | None = None
        self._library = Library()
        self._states: dict[str, ArticleState] = {}
        self._filter = ListFilter()
        self._current: Article | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                # The search field is mounted on the first `/`: not needed for the first frame.
                yield Static(id="filter-bar", markup=False)
                yield ArticleList(id="list")
            yield ReadingPane(id="reading")
            yield SourcesSidebar(id="sources")
        yield Footer()

    def on_mount(self) -> None:
        self._panes_ready = True
        self.query_one(ArticleList).focus()
        self._refill()  # what the app handed over before the panes existed
        self.post_message(self.Ready())

    # -- data in -------------------------------------------------------------

    def show_library(
        self, library: Library, states: Mapping[str, ArticleState], *, loading: bool = False
    ) -> None:
        """Fill the list; the open article, if still there, stays open.

        `loading`: more is on its way (an empty list then says so, not "no articles").
        """
        self._library = library
        self._loading = loading
        self.update_states(states)

    def update_states(self, states: Mapping[str, ArticleState]) -> None:
        """Replace all reading state (after a refresh) and re-apply the filter."""
        self._states = dict(states)
        self._unread_count = None
        self._refill()

    def set_state(self, article_id: str, state: ArticleState) -> None:
        """One article's state changed: update its markers (the filter is left as it is)."""
        self._states[article_id] = state
        self._unread_count = None
        self.query_one(ArticleList).set_marks(article_id, marks_of(state))
        self._update_counts()

    def state(self, article_id: str) -> ArticleState:
        return self._states.get(article_id, _NO_STATE)

    @property
    def filter(self) -> ListFilter:
        return self._filter

    @property
    def library(self) -> Library:
        return self._library

    def _refill(self) -> None:
        """Show the articles that pass the filter (and the search), keeping the cursor's article."""
        if not self._panes_ready:
            return
        article_list = self.query_one(ArticleList)
        highlighted = article_list.highlighted
        keep = highlighted.id if highlighted else (self._current.id if self._current else None)
        searching = bool(self._filter.query.strip()) and not self._query().is_empty
        results = self._results if searching else None
        ranking = results.ids if results is not None else None
        shown = apply_filter(self._library, self._states, self._filter, ranking)
        marks = {a.id: marks_of(self._states[a.id]) for a in shown if a.id in self._states}
        snippets = self._snippet_parts if results is not None else None
        if searching:
            empty = t("main.no_match")
            keep = shown[0].id if shown else None
        else:
            view = self._filter.view
            empty = t("main.loading" if self._loading and view == "all" else f"main.empty.{view}")
            if self._filter.active:
                empty = t("main.filtered_out")
        article_list.show(shown, marks, keep=keep, empty_message=empty, snippets=snippets)
        self._update_counts()

    def set_status(self, status: str) -> None:
        """Background progress (loading, indexing), shown under the list."""
        self._status = status
        self._update_counts()

    def search_again(self) -> None:
        """Re-run the current search (the index has more in it now)."""
        if not self._query().is_empty:
            self._run_search(self._filter.query)

    def _unread(self) -> int:
        """How many articles are unread (counted again only when state or library changed)."""
        if self._unread_count is None:
            articles = self._library.articles
            self._unread_count = sum(1 for a in articles if not self.state(a.id).read)
        return self._unread_count

    def _update_counts(self) -> None:
        if not self._panes_ready:
            return
        article_list = self.query_one(ArticleList)
        articles = self._library.articles
        unread = self._unread()
        article_list.border_title = f"{self._filter.title} ({len(article_list.articles)})"
        parts = [plural("main.unread", unread) if articles else "", self._status]
        article_list.border_subtitle = " · ".join(part for part in parts if part)
        bar = self.query_one("#filter-bar", Static)
        parts = self._filter.describe()
        bar.display = bool(parts)
        if parts:
            shown = len(article_list.articles)
            # One line, always: no layout pass for every keystroke of a search.
            text = t("main.filter_bar", filters=" · ".join(parts), shown=shown, total=len(articles))
            bar.update(text, layout=False)

    # -- search and filters --------------------------------------------------

    def _search_box(self) -> SearchBox:
        found = self.query(SearchBox)
        if found:
            return found.first()
        box = SearchBox(id="search")
        self.query_one("#left").mount(box, before=0)
        return box

    def action_search(self) -> None:
        self.add_class("-searching")
        self._search_box().focus()

    def _query(self) -> Query:
        from reader.index.search import parse_query  # the search module loads on first use

        return parse_query(self._filter.query, as_you_type=True)

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter = replace(self._filter, query=event.value)
        if self._query().is_empty:
            self._results = None
            self._after_search()
            return
        self._run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, text: str) -> None:
        """Search off the UI thread; the best hits come with snippets."""
        from reader.index.search import parse_query

        query = parse_query(text, as_you_type=True)
        results = self._search(query)
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

        self._results = results
        self._snippet_parts = {i: snippet_parts(s) for i, s in results.snippets.items()}
        self._after_search()

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
        pane = self.query_one(ReadingPane)
        pane.set_highlight(self._highlight())

    def _highlight(self) -> re.Pattern[str] | None:
        from reader.index.search import search_pattern

        return search_pattern(self._query())

    @on(Input.Submitted, "#search")
    def _open_first_hit(self, event: Input.Submitted) -> None:
        event.stop()
        articles = self.query_one(ArticleList).articles
        if articles:
            self.open_article(articles[0])

    def clear_search(self) -> None:
        self.remove_class("-searching")
        for box in self.query(SearchBox):
            if box.value:
                box.value = ""  # posts Input.Changed, which clears the results
        self._filter = replace(self._filter, query="")
        self._results = None
        self._after_search()

    def apply_facet(self, facet: Facet, value: str | None) -> None:
        """Narrow the list to articles with this language, tag, outlet or kind (None: any)."""
        self._filter = self._filter.with_facet(facet, value)
        self._refill()

    def action_cycle_language(self) -> None:
        languages = [value for value, _count in facet_counts(self._library.articles, "language")]
        if not languages:
            return
        current = self._filter.language
        index = languages.index(current) + 1 if current in languages else 0
        self.apply_facet("language", languages[index] if index < len(languages) else None)

    def action_clear_filters(self) -> None:
        self._filter = ListFilter()
        self.clear_search()
        self.query_one(ArticleList).focus()

    def action_back(self) -> None:
        """Escape: from the search field or a searched list, clear the search; else to the list."""
        article_list = self.query_one(ArticleList)
        in_search = any(box.has_focus for box in self.query(SearchBox))
        if in_search or (article_list.has_focus and self._filter.query):
            self.clear_search()
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

    def open_article(self, article: Article, at_fraction: float | None = None) -> None:
        """Read the body off the UI thread, then show it where reading stopped.

        `at_fraction` overrides the saved place with a share of the article.
        """
        position = self.state(article.id).position
        anchor = Anchor(position.line, position.fraction) if position else None
        self._read_body(article, anchor, at_fraction)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _read_body(
        self, article: Article, anchor: Anchor | None, at_fraction: float | None = None
    ) -> None:
        from reader.library.parse import BodyError

        try:
            body = self._load_body(article)
        except BodyError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=t("main.cannot_open"), severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._display, article, body, anchor, at_fraction)

    def _display(
        self, article: Article, body: str, anchor: Anchor | None, at_fraction: float | None
    ) -> None:
        self._current = article
        pane = self.query_one(ReadingPane)
        pane.set_highlight(self._highlight())
        pane.show(article, body, self._library.translations(article), anchor, at_fraction)
        self.query_one(SourcesSidebar).show(article.sources)
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
        """Links to other articles open here (Backspace comes back); others are asked about."""
        event.stop()
        target = event.target.strip()
        article = self._linked_article(target)
        if article is not None:
            pane = self.query_one(ReadingPane)
            if self._current is not None:
                self._history.append((self._current, pane.top_anchor()))
            self.open_article(article)
        elif target.lower().startswith(("http://", "https://", "mailto:")):
            self._confirm_and_open(target)
        else:
            text = t("main.no_link_target", target=target)
            self.notify(text, severity="warning", timeout=4, markup=False)

    def _linked_article(self, target: str) -> Article | None:
        """The article a link points to: `reader:ID`, or a relative path to a Markdown file."""
        if target.lower().startswith("reader:"):
            return self._library.get(target[len("reader:") :])
        if "://" in target or target.startswith(("mailto:", "#")) or self._current is None:
            return None

        path = (self._current.path.parent / target.split("#", 1)[0]).resolve()
        return next((a for a in self._library.articles if a.path.resolve() == path), None)

    def action_go_back(self) -> None:
        """Back to where a followed link was (Backspace or Alt+Left)."""
        if not self._history:
            self.notify(t("main.no_history"), timeout=2)
            return
        article, anchor = self._history.pop()
        self._read_body(article, anchor)

    @on(SourcesSidebar.OpenRequested)
    def _open_source(self, event: SourcesSidebar.OpenRequested) -> None:
        """Nothing leaves reader without the user's yes, after seeing the full address."""
        event.stop()
        url = event.source.url
        if not url:
            self.notify(t("main.source_no_link"), timeout=2)
            return
        self._confirm_and_open(url)

    def _confirm_and_open(self, url: str) -> None:
        from reader.ui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._open_in_browser(url)

        self.app.push_screen(ConfirmScreen(t("main.confirm_open"), url), answered)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        import webbrowser  # may start a program and wait for it: off the UI thread

        if not webbrowser.open(url):
            self.app.call_from_thread(
                self.notify, t("main.no_browser", url=url), severity="warning", markup=False
            )

    def open_by_id(self, article_id: str) -> bool:
        """Open an article by id; False if the library has no such article."""
        article = self._library.get(article_id)
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

    def action_show_view(self, view: View) -> None:
        self._filter = replace(self._filter, view=view)
        self._refill()

    def action_toggle_sources(self) -> None:
        sources = self.query_one(SourcesSidebar)
        visible = sources.display
        self.set_class(visible, "-sources-off")
        self.set_class(not visible, "-sources-on")
        if visible and sources.has_focus:
            self.query_one(ReadingPane).focus()
        elif not visible and self.has_class("-narrow"):
            # One pane at a time: the sidebar replaces the reading pane and takes the keys.
            sources.focus()

    def action_translation(self) -> None:
        """Switch to the article's translation, at about the same place."""
        current = self._current
        if current is None:
            self.notify(t("main.open_first"), timeout=2)
            return
        others = [a for a in self._library.translations(current) if a.language != current.language]
        if not others:
            self.notify(t("main.no_translation"), timeout=2)
            return
        fraction = self.query_one(ReadingPane).section_fraction()
        self.open_article(others[0], at_fraction=fraction)

    def action_outline(self) -> None:
        """Show the open article's headings; going to one scrolls there."""
        from reader.ui.screens.outline import OutlineScreen

        pane = self.query_one(ReadingPane)
        current = self._current
        headings = [(s.line, s.heading) for s in pane.sections if s.heading]
        if current is None or not headings:
            self.notify(t("main.no_headings" if current else "main.open_first"), timeout=2)
            return
        top = pane.top_anchor().line
        reading = max((n for n, (line, _h) in enumerate(headings) if line <= top), default=0)

        def go(line: int | None) -> None:
            if line is not None:
                pane.go_to_line(line)
                pane.focus()

        self.app.push_screen(OutlineScreen(current.title, headings, reading), go)

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[KeyGroup]:
        """The bindings of every part of this screen, with the user's keys, for the help screen."""
        groups = [
            (t("help.everywhere"), [*self.BINDINGS, *self.app.BINDINGS]),
            (t("help.list"), ArticleList.BINDINGS),
            (t("help.search"), [*SearchBox.BINDINGS, key("enter", "", "search.open_first")]),
            (t("help.reading"), ReadingPane.BINDINGS),
            (t("help.sources"), SourcesSidebar.BINDINGS),
        ]
        return [(title, list(remapped(bindings, self._keymap))) for title, bindings in groups]

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # At narrow widths only one pane shows: the one that has the focus.
        self.set_class(not isinstance(event.widget, (ArticleList, SearchBox)), "-reading")
