"""The command palette: every action by name (with its key), every filter, then articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any, Protocol

from textual.app import App
from textual.binding import BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from reader.index.filters import FACETS, Facet, facet_counts
from reader.library import Article, Library
from reader.library.article import Problem
from reader.library.vocabulary import kind_name, language_name
from reader.settings.i18n import plural, t
from reader.ui.keys import remapped
from reader.ui.messages import OpenArticle

Command = tuple[str, str, Callable[[], object]]
"""A palette entry: its label, its help (a key, a count), what it runs."""


class HasArticles(Protocol):
    """What the provider needs of the app: the articles, in list order."""

    @property
    def articles(self) -> Sequence[Article]: ...


class FilterScreen(Protocol):
    """What the filter provider needs of the screen it was opened on."""

    @property
    def library(self) -> Library: ...

    def apply_facet(self, facet: Facet, value: str | None) -> None: ...


def filter_commands(screen: FilterScreen) -> list[Command]:
    """Every language, tag, outlet and kind of the library, with how many articles have it."""
    commands: list[Command] = []
    names = {"language": language_name, "kind": kind_name}
    for facet in FACETS:
        for value, count in facet_counts(screen.library.articles, facet):
            shown = names[facet](value) if facet in names else value
            label = t(f"commands.filter.{facet}", value=shown)
            command = partial(screen.apply_facet, facet, value)
            commands.append((label, plural("commands.count", count), command))
    return commands


def system_commands(app: App[Any]) -> list[Command]:
    """What has no key: the theme, importing a reading list or feeds, the content problems,
    a screenshot."""
    commands: list[Command] = [
        (t("palette.theme"), t("palette.theme_help"), app.action_change_theme)
    ]
    lists = getattr(app, "lists", None)
    if lists is not None:
        commands.append((t("palette.import_list"), t("palette.import_list_help"), lists.ask))
    editor = getattr(app, "feed_editor", None)
    if editor is not None:
        opml = (t("palette.import_opml"), t("palette.import_opml_help"), editor.ask_opml)
        commands.append(opml)
    library = getattr(app, "library", None)
    if library is not None and library.problems:
        commands.append(
            (
                t("app.problems_title"),
                t("palette.problems_help"),
                partial(_show_problems, app, library.problems),
            )
        )
    screenshot = partial(app.set_timer, 0.1, app.deliver_screenshot)
    commands.append((t("palette.screenshot"), t("palette.screenshot_help"), screenshot))
    return commands


def _show_problems(app: App[Any], problems: Sequence[Problem]) -> None:
    from reader.ui.screens.problems import ProblemsScreen

    app.push_screen(ProblemsScreen(problems))


NOT_COMMANDS = frozenset(
    {"list.up", "list.down", "list.first", "list.last", "list.page_up", "list.page_down",
     "list.open", "reader.up", "reader.down", "reader.page_up", "reader.page_down",
     "reader.top", "reader.bottom", "reader.follow_link", "main.next_pane",
     "feeds.up", "feeds.down", "feeds.first", "feeds.last", "feeds.page_up",
     "feeds.page_down", "feeds.open",
     "main.previous_pane", "main.back", "app.palette"}
)  # fmt: skip
"""Bindings that move a cursor or the focus: keys to press, not commands to look up."""


def action_commands(app: App[Any], screen: Screen[Any]) -> list[Command]:
    """Every action a key does on this screen, worded as the footer words it, with its keys.

    Each runs where its key would (the app, the screen, or the pane that owns it),
    with the user's own keys shown.
    """
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.feeds_pane import FeedsPane
    from reader.ui.widgets.reading_pane import ReadingPane
    from reader.ui.widgets.search_box import SearchBox
    from reader.ui.widgets.sources_sidebar import SourcesSidebar

    keymap: Mapping[str, str] = getattr(screen, "keymap", {})
    owners: list[tuple[DOMNode, Iterable[BindingType]]] = [
        (screen, screen.BINDINGS),
        (app, app.BINDINGS),
    ]
    panes: tuple[type[Widget], ...] = (
        ArticleList,
        ReadingPane,
        SourcesSidebar,
        FeedsPane,
        SearchBox,
    )
    for pane in panes:  # the feeds pane and the search field once they have been shown
        found = screen.query(pane)
        if found:
            owners.append((found.first(), pane.BINDINGS))
    commands: list[Command] = []
    for node, bindings in owners:
        keys: dict[str, list[str]] = {}
        ids: dict[str, str] = {}
        for binding in remapped(bindings, keymap):
            if binding.id and binding.id not in NOT_COMMANDS:
                keys.setdefault(binding.action, []).append(app.get_key_display(binding))
                ids[binding.action] = binding.id
        for action, shown in keys.items():
            run = partial(app.call_later, app.run_action, action, node)
            label = t(f"key.{ids[action]}")
            commands.append((label, t("commands.key", key=" ".join(shown)), run))
    return commands


class ReaderCommands(Provider):
    """The palette: every command (what a key does, the filters, the rest), then articles.

    One provider, so that the order never depends on which provider answers
    first (it did, and differed from one language to the other). A command
    that matches ranks above any article title.
    """

    def _commands(self) -> list[Command]:
        app, screen = self.app, self.screen
        commands = action_commands(app, screen)
        if hasattr(screen, "apply_facet"):
            commands += filter_commands(screen)  # type: ignore[arg-type]
        return commands + system_commands(app)

    def _articles(self) -> Sequence[Article]:
        app: HasArticles = self.app  # type: ignore[assignment]
        return app.articles

    def _open(self, article: Article) -> None:
        self.app.post_message(OpenArticle(article.id))

    async def discover(self) -> Hits:
        for label, help_text, command in self._commands():
            yield DiscoveryHit(label, command, help=help_text)
        for article in self._articles()[:10]:
            label = t("commands.open", title=article.title)
            yield DiscoveryHit(label, partial(self._open, article), help=article.outlet)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, command in self._commands():
            score = matcher.match(label)
            if score > 0:  # above every title: scores are at most 1
                yield Hit(1 + score, matcher.highlight(label), command, help=help_text)
        for article in self._articles():
            label = t("commands.open", title=article.title)
            score = matcher.match(label)
            if score > 0:
                command = partial(self._open, article)
                yield Hit(score, matcher.highlight(label), command, help=article.outlet)
