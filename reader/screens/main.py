"""The main screen: article list, reading pane and sources sidebar.

It coordinates the panes (an article chosen in the list is shown in the
reading pane and its sources in the sidebar) and owns the keys that move
between them. It reads no files itself: the app hands it a body loader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import DescendantFocus
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from reader.library import Article, Library
from reader.library.frontmatter import BodyError
from reader.screens.help import HelpScreen, KeyGroup
from reader.widgets.article_list import ArticleList, Marks
from reader.widgets.reading_pane import Anchor, ReadingPane
from reader.widgets.sources_sidebar import SourcesSidebar

BodyLoader = Callable[[Article], str]


class MainScreen(Screen[None]):
    """Three panes side by side; at narrow widths the sidebar, then the list, give way."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-medium"), (110, "-wide")]
    """Below 64 columns one pane at a time; below 110 the sidebar only on demand."""

    BINDINGS: list[BindingType] = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="main.next_pane"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False, id="main.previous_pane"
        ),
        Binding("escape", "focus_list", "Back to the list", show=False, id="main.list"),
        Binding("n", "next_article", "Next article", id="main.next"),
        Binding("p", "previous_article", "Previous article", id="main.previous"),
        Binding("s", "toggle_sources", "Show/hide sources", id="main.sources"),
        Binding("question_mark", "help", "Help", id="main.help"),
    ]

    @dataclass
    class ArticleOpened(Message):
        """An article is now on display in the reading pane."""

        article: Article

    def __init__(self, load_body: BodyLoader) -> None:
        super().__init__()
        self._load_body = load_body
        self._library = Library()
        self._current: Article | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="list")
            yield ReadingPane(id="reading")
            yield SourcesSidebar(id="sources")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).border_title = "Articles"
        self.query_one(ArticleList).focus()

    # -- data in -------------------------------------------------------------

    def show_library(self, library: Library, marks: Mapping[str, Marks] | None = None) -> None:
        """Fill the list; the open article, if still there, stays open."""
        self._library = library
        article_list = self.query_one(ArticleList)
        keep = self._current.id if self._current else None
        article_list.show(library.articles, marks, keep=keep)
        self._update_counts(marks or {})

    def _update_counts(self, marks: Mapping[str, Marks]) -> None:
        article_list = self.query_one(ArticleList)
        total = len(article_list.articles)
        unread = sum(1 for a in article_list.articles if not marks.get(a.id, Marks()).read)
        article_list.border_title = f"Articles ({total})"
        article_list.border_subtitle = f"{unread} unread" if total else ""

    @property
    def current(self) -> Article | None:
        """The article in the reading pane."""
        return self._current

    # -- opening -------------------------------------------------------------

    def open_article(self, article: Article, anchor: Anchor | None = None) -> None:
        """Read the body off the UI thread, then show it."""
        self._read_body(article, anchor)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _read_body(self, article: Article, anchor: Anchor | None) -> None:
        try:
            body = self._load_body(article)
        except BodyError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Cannot open", severity="error"
            )
            return
        self.app.call_from_thread(self._display, article, body, anchor)

    def _display(self, article: Article, body: str, anchor: Anchor | None) -> None:
        self._current = article
        pane = self.query_one(ReadingPane)
        pane.show(article, body, self._library.translations(article), anchor)
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

    def open_by_id(self, article_id: str) -> bool:
        """Open an article by id; False if the library has no such article."""
        article = self._library.get(article_id)
        if article is None:
            return False
        self.open_article(article)
        return True

    # -- keys ----------------------------------------------------------------

    def action_focus_list(self) -> None:
        self.query_one(ArticleList).focus()

    def _step(self, delta: int) -> None:
        article_list = self.query_one(ArticleList)
        if not article_list.articles:
            return
        index = article_list.index_of(self._current.id) if self._current else None
        target = article_list.cursor if index is None else index + delta
        if 0 <= target < len(article_list.articles):
            self.open_article(article_list.articles[target])
        else:
            edge = "last" if delta > 0 else "first"
            self.notify(f"This is the {edge} article.", timeout=2)

    def action_next_article(self) -> None:
        self._step(+1)

    def action_previous_article(self) -> None:
        self._step(-1)

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

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[KeyGroup]:
        """The bindings of every part of this screen, for the help screen."""
        palette = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
        return [
            ("Everywhere", [*self.BINDINGS, *self.app.BINDINGS, palette]),
            ("Article list", ArticleList.BINDINGS),
            ("Reading pane", ReadingPane.BINDINGS),
            ("Sources", SourcesSidebar.BINDINGS),
        ]

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # At narrow widths only one pane shows: the one that has the focus.
        self.set_class(not isinstance(event.widget, ArticleList), "-reading")
