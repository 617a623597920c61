"""Command palette providers: open any article by typing part of its title."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.library import Article
from reader.messages import OpenArticle


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
            yield DiscoveryHit(f"Open: {article.title}", command, help=article.outlet)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            label = f"Open: {article.title}"
            score = matcher.match(label)
            if score > 0:
                command = partial(self._open, article)
                yield Hit(score, matcher.highlight(label), command, help=article.outlet)
