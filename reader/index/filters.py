"""Which articles the list shows, and in what order. Pure: no Textual, no I/O.

Filters combine: a view (all, unread, bookmarks), a place the articles come
from (a feed, a folder of feeds, saved pages, notes: `reader.library.origins`),
facets (language, tag, outlet, kind) and a search. With a search the order is the search's ranking;
without one, newest first (bookmarks: newest bookmark first) or the order the
user chose (`ORDERS`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from reader.library.article import Article
from reader.library.loader import Library
from reader.library.origins import Origin
from reader.library.vocabulary import kind_name, language_name
from reader.settings.i18n import t
from reader.state.model import ArticleState

View = Literal["all", "unread", "bookmarked"]
Order = Literal["newest", "oldest", "title", "unread", "time"]
ORDERS: tuple[Order, ...] = ("newest", "oldest", "title", "unread", "time")
"""How the list can be sorted (without a search): newest first, oldest first, by title,
unread first (newest within), shortest reading time first."""
Facet = Literal["language", "tag", "outlet", "kind"]
FACETS: tuple[Facet, ...] = ("language", "tag", "outlet", "kind")
_NO_STATE = ArticleState()
Item = TypeVar("Item")


@dataclass(frozen=True)
class ListFilter:
    """What the list is narrowed to."""

    view: View = "all"
    language: str | None = None
    tag: str | None = None
    outlet: str | None = None
    kind: str | None = None
    query: str = ""
    origin: Origin | None = None
    """The place chosen in the feeds pane (None: every place)."""

    @property
    def title(self) -> str:
        """The list's title for the view, in the interface's language."""
        return t(f"view.{self.view}")

    @property
    def active(self) -> bool:
        return self != ListFilter()

    def with_facet(self, facet: Facet, value: str | None) -> ListFilter:
        return replace(self, **{facet: value})  # type: ignore[arg-type]  # facets are str | None

    def describe(self, with_view: bool = True) -> list[str]:
        """The active filters, in words (the view too, unless `with_view` is off)."""
        parts = []
        if self.origin is not None and self.origin.kind != "search":
            parts.append(self.origin.label)  # first: a narrow title keeps its start
        if self.query.strip():
            parts.append(f"“{self.query.strip()}”")
        if self.view != "all" and with_view:
            parts.append(self.title.lower())
        if self.language:
            parts.append(language_name(self.language))
        if self.tag:
            parts.append(f"#{self.tag}")
        if self.outlet:
            parts.append(self.outlet)
        if self.kind:
            parts.append(kind_name(self.kind))
        return parts


def facet_values(article: Article, facet: Facet) -> tuple[str, ...]:
    """The values an article has for a facet (tags can be several)."""
    if facet == "tag":
        return article.tags
    value = {"language": article.language, "outlet": article.outlet, "kind": article.kind}[facet]
    return (value,) if value else ()


def facet_counts(articles: Iterable[Article], facet: Facet) -> list[tuple[str, int]]:
    """Each value of a facet with how many articles have it, most common first."""
    counts = Counter(value for a in articles for value in facet_values(a, facet))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def in_view(state: ArticleState, view: View) -> bool:
    """Whether an article in this state belongs to the view."""
    if view == "unread":
        return not state.read
    if view == "bookmarked":
        return state.bookmark is not None
    return True


def bookmark_time(state: ArticleState) -> str:
    """The bookmarks view lists newest bookmark first: sort by this, reversed."""
    return state.bookmark.created if state.bookmark else ""


def in_view_order(
    items: Sequence[Item],
    states: Mapping[str, ArticleState],
    view: View,
    id_of: Callable[[Item], str],
) -> list[Item]:
    """The items (in list order) of articles in the view, as the list shows them: for
    `reader list`, which lists from the catalogue's rows rather than articles."""
    if view == "all":
        return list(items)
    shown = [item for item in items if in_view(states.get(id_of(item), _NO_STATE), view)]
    if view == "bookmarked":
        shown.sort(key=lambda item: bookmark_time(states[id_of(item)]), reverse=True)
    return shown


def _matches(article: Article, state: ArticleState, chosen: ListFilter) -> bool:
    if not in_view(state, chosen.view):
        return False
    for facet in FACETS:
        wanted = getattr(chosen, facet)
        if wanted is not None and wanted not in facet_values(article, facet):
            return False
    return True


def apply_filter(
    library: Library,
    states: Mapping[str, ArticleState],
    chosen: ListFilter,
    ranking: Sequence[str] | None = None,
    order: Order = "newest",
) -> list[Article]:
    """The articles to list, in order.

    `ranking` is the search's result (ids, best first): when given, only
    those articles are listed, in that order. Otherwise `order` sorts them.
    """
    shown = _narrowed(library, states, chosen, ranking)
    if ranking is not None or order == "newest":
        return shown
    return sort_articles(shown, states, order)


def sort_articles(
    articles: list[Article], states: Mapping[str, ArticleState], order: Order
) -> list[Article]:
    """`articles` (newest first, as listed) in another order; ties keep the listed order."""
    if order == "oldest":
        return articles[::-1]
    if order == "title":
        return sorted(articles, key=lambda article: article.title.casefold())
    if order == "unread":
        return sorted(articles, key=lambda a: states.get(a.id, _NO_STATE).read)
    if order == "time":
        return sorted(articles, key=lambda article: article.word_count)
    return articles


def _narrowed(
    library: Library,
    states: Mapping[str, ArticleState],
    chosen: ListFilter,
    ranking: Sequence[str] | None,
) -> list[Article]:
    if ranking is not None:
        found = (library.get(article_id) for article_id in ranking)
        candidates = [article for article in found if article is not None]
    else:
        candidates = list(library.articles)
    if chosen.origin is not None:  # first, and all at once: a place is a prefix of ids
        candidates = chosen.origin.select(candidates)
        chosen = replace(chosen, origin=None)
    narrowed = replace(chosen, query="")
    if narrowed == ListFilter():
        return candidates  # nothing to narrow: 10,000 articles need no test each
    if narrowed == ListFilter(view=chosen.view):  # the view alone: no facet to look up
        view = chosen.view
        get = states.get
        shown = [a for a in candidates if in_view(get(a.id, _NO_STATE), view)]
    else:
        shown = [a for a in candidates if _matches(a, states.get(a.id, _NO_STATE), chosen)]
    if chosen.view == "bookmarked" and ranking is None:
        shown.sort(key=lambda article: bookmark_time(states[article.id]), reverse=True)
    return shown
