"""Command palette providers: open any article by typing part of its title."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Protocol

from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from reader.index.filters import FACETS, Facet, View, facet_counts
from reader.library import Article, Library
from reader.library.vocabulary import kind_name, language_name
from reader.settings.i18n import plural, t
from reader.ui.messages import OpenArticle


class HasArticles(Protocol):
    """What the provider needs of the app: the articles, in list order."""

    @property
    def articles(self) -> Sequence[Article]: ...


class ArticleCommands(Provider):
    """Fuzzy-matches article titles; choosing one opens it."""

    def _articles(self) -> Sequence[Article]:
        app: HasArticles = self.app  # type: ignore[assignment]
        return app.articles

    def _open(self, article: Article) -> None:
        self.app.post_message(OpenArticle(article.id))

    async def discover(self) -> Hits:
        for article in self._articles()[:10]:
            command = partial(self._open, article)
            label = t("commands.open", title=article.title)
            yield DiscoveryHit(label, command, help=article.outlet)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            label = t("commands.open", title=article.title)
            score = matcher.match(label)
            if score > 0:
                command = partial(self._open, article)
                yield Hit(score, matcher.highlight(label), command, help=article.outlet)


class FilterScreen(Protocol):
    """What the filter provider needs of the screen it was opened on."""

    @property
    def library(self) -> Library: ...

    def apply_facet(self, facet: Facet, value: str | None) -> None: ...

    def action_show_view(self, view: View) -> None: ...

    def action_clear_filters(self) -> None: ...


class FilterCommands(Provider):
    """Every filter the list offers, by name: language, tag, outlet, kind, view."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        screen: FilterScreen = self.screen  # type: ignore[assignment]
        articles = screen.library.articles
        commands: list[tuple[str, Callable[[], None], str]] = [
            (t("commands.all"), partial(screen.action_show_view, "all"), t("commands.key", key=1)),
            (
                t("commands.unread"),
                partial(screen.action_show_view, "unread"),
                t("commands.key", key=2),
            ),
            (
                t("commands.bookmarked"),
                partial(screen.action_show_view, "bookmarked"),
                t("commands.key", key=3),
            ),
            (t("commands.clear"), screen.action_clear_filters, t("commands.key", key="x")),
        ]
        names = {"language": language_name, "kind": kind_name}
        for facet in FACETS:
            for value, count in facet_counts(articles, facet):
                shown = names[facet](value) if facet in names else value
                label = t(f"commands.filter.{facet}", value=shown)
                command = partial(screen.apply_facet, facet, value)
                commands.append((label, command, plural("commands.count", count)))
        return commands

    async def discover(self) -> Hits:
        for label, command, help_text in self._commands():
            yield DiscoveryHit(label, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), command, help=help_text)


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's own palette commands, worded from the catalogue, plus fetching feeds.

    Textual's Keys panel gives way to reader's own help (`?`).
    """
    yield SystemCommand(t("palette.theme"), t("palette.theme_help"), app.action_change_theme)
    help_action = getattr(screen, "action_help", None)
    if help_action is not None:
        yield SystemCommand(t("palette.keys"), t("palette.keys_help"), help_action)
    fetch = getattr(app, "action_fetch_feeds", None)
    if fetch is not None:
        yield SystemCommand(t("key.app.fetch"), t("palette.fetch_help"), fetch)
    add = getattr(app, "action_add_page", None)
    if add is not None:
        yield SystemCommand(t("key.app.add"), t("palette.add_help"), add)
    lists = getattr(app, "lists", None)
    if lists is not None:
        yield SystemCommand(t("palette.import_list"), t("palette.import_list_help"), lists.ask)
    yield SystemCommand(
        t("palette.screenshot"),
        t("palette.screenshot_help"),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )
    yield SystemCommand(t("palette.quit"), t("palette.quit_help"), app.action_quit)
