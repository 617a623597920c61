"""Which articles the list shows, and in what order. Pure: no Textual, no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.library.article import Article
from reader.store import ArticleState

View = Literal["all", "unread", "bookmarked"]
VIEW_TITLES: dict[View, str] = {"all": "Articles", "unread": "Unread", "bookmarked": "Bookmarks"}
_NO_STATE = ArticleState()


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What the list is narrowed to."""

    view: View = "all"

    @property
    def title(self) -> str:
        return VIEW_TITLES[self.view]


def apply_filter(
    articles: Sequence[Article], states: Mapping[str, ArticleState], chosen: ListFilter
) -> list[Article]:
    """The articles to list: all newest first, unread only, or bookmarks newest bookmark first."""
    if chosen.view == "unread":
        return [a for a in articles if not states.get(a.id, _NO_STATE).read]
    if chosen.view == "bookmarked":
        marked = [a for a in articles if states.get(a.id, _NO_STATE).bookmark is not None]

        def created(article: Article) -> str:
            bookmark = states[article.id].bookmark
            return bookmark.created if bookmark else ""

        return sorted(marked, key=created, reverse=True)
    return list(articles)
