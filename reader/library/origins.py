"""Where articles come from, as the feeds pane shows it, and the filter for one place.

Every article comes from one place: a feed (its items live in the saved
library's `feeds/<home>/`), the pages saved with `reader add` (the rest of the
saved library), the user's own folders (notes, a docs site) or the bundled
library. The pane lists "All feeds", the feeds' folders (OPML's, nested as
`News/Local`) with their feeds, the feeds' tags, then the other places, each
with its unread count; choosing one narrows the list to it (`Origin`).

Pure: no Textual, no I/O; below the interface and the feeds alike, which
hand it their states and feeds (`ReadOrNot`, `FollowedFeed`). Counting 50,000
articles is one pass over them (`count_origins`); the rows are made from those
counts and the feeds list without looking at an article again (`origin_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from reader.library.article import Article
from reader.settings.i18n import t


class ReadOrNot(Protocol):
    """An article's reading state, as far as counting goes."""

    @property
    def read(self) -> bool: ...


class FollowedFeed(Protocol):
    """A feed as the pane lists it (`reader.web.feed_list.Feed` is one)."""

    @property
    def url(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def home(self) -> str: ...
    @property
    def folder(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def error(self) -> str | None: ...


FEEDS_PREFIX = "feeds/"
"""Feed items' ids start so (their homes are folders of the saved library's `feeds/`)."""

OriginKind = Literal["feeds", "folder", "feed", "tag", "saved", "notes", "bundled", "search"]


@dataclass(frozen=True)
class Places:
    """The folders that tell origins apart: the saved library, and the bundled one."""

    saved: Path
    bundled: Path | None = None


@dataclass(frozen=True)
class Origin:
    """One place articles come from; `select` keeps the articles that do.

    `homes` are the feed homes a feed, a folder or a tag stands for ("All
    feeds": none, meaning every feed item). A saved search is an origin too,
    though what it holds is the search's to say (`query`).
    """

    kind: OriginKind
    label: str
    places: Places
    homes: frozenset[str] = frozenset()
    key: str = ""
    """What tells it from its siblings: a folder's path, a feed's home, a tag, a query."""

    @property
    def query(self) -> str:
        return self.key if self.kind == "search" else ""

    def select(self, articles: Iterable[Article]) -> list[Article]:
        """The articles that come from this place, in their order: one pass, the test
        for each as cheap as a prefix (50,000 in a few milliseconds)."""
        kind = self.kind
        if kind == "search":
            return list(articles)
        where = FolderKinds(self.places)
        if kind in ("saved", "notes", "bundled"):
            place = "saved" if kind == "saved" else kind
            chosen = [a for a in articles if where(a.folder) == place]
            if kind == "saved":
                return [a for a in chosen if not a.id.startswith(FEEDS_PREFIX)]
            return chosen
        prefixes = (FEEDS_PREFIX,) if kind == "feeds" else home_prefixes(self.homes)
        if not prefixes:
            return []
        return [a for a in articles if a.id.startswith(prefixes) and where(a.folder) == "saved"]


class FolderKinds:
    """Which place a content folder is (`saved`, `bundled` or `notes`), worked out once
    per folder: the articles of one folder share its Path, and comparing Paths 50,000
    times cost more than the rest of a count."""

    def __init__(self, places: Places) -> None:
        self._places = places
        self._known: dict[int, tuple[Path, str]] = {}

    def __call__(self, folder: Path) -> str:
        known = self._known.get(id(folder))
        if known is not None and known[0] is folder:  # the very object, not a reused id
            return known[1]
        places = self._places
        if folder == places.saved:
            kind = "saved"
        elif places.bundled is not None and folder == places.bundled:
            kind = "bundled"
        else:
            kind = "notes"
        self._known[id(folder)] = (folder, kind)
        return kind


def in_folder(folder: str | None, path: str) -> bool:
    """Whether a feed filed in `folder` is in the folder `path` or one within it."""
    return bool(folder) and f"{folder}/".startswith(f"{path}/")


def home_prefixes(homes: Iterable[str]) -> tuple[str, ...]:
    """How the ids of the items of these feed homes start."""
    return tuple(f"{FEEDS_PREFIX}{home}/" for home in sorted(homes))


def home_of(article_id: str) -> str:
    """The feed home of a feed item's id (`feeds/<home>/<file>`)."""
    return article_id.split("/", 2)[1]


@dataclass
class Tally:
    """How many articles a place has, and how many of them are unread."""

    total: int = 0
    unread: int = 0

    def add(self, other: Tally) -> None:
        self.total += other.total
        self.unread += other.unread


@dataclass
class OriginCounts:
    """Each place's tally, from one pass over the library (`count_origins`)."""

    homes: dict[str, Tally] = field(default_factory=dict)
    feeds: Tally = field(default_factory=Tally)
    saved: Tally = field(default_factory=Tally)
    notes: Tally = field(default_factory=Tally)
    bundled: Tally = field(default_factory=Tally)


def count_origins(
    articles: Iterable[Article], states: Mapping[str, ReadOrNot], places: Places
) -> OriginCounts:
    """Every place's articles and unread ones."""
    counts = OriginCounts()
    homes = counts.homes
    feeds = counts.feeds
    others = {"saved": counts.saved, "bundled": counts.bundled, "notes": counts.notes}
    where = FolderKinds(places)
    state_of = states.get
    start = len(FEEDS_PREFIX)
    for article in articles:
        article_id = article.id
        state = state_of(article_id)
        unread = 0 if state is not None and state.read else 1
        place = where(article.folder)
        tally = others[place]
        if place == "saved" and article_id.startswith(FEEDS_PREFIX):
            slash = article_id.find("/", start)
            if slash > start:
                home = article_id[start:slash]
                tally = homes.get(home) or homes.setdefault(home, Tally())
                feeds.total += 1
                feeds.unread += unread
        tally.total += 1
        tally.unread += unread
    return counts


@dataclass(frozen=True)
class OriginRow:
    """A line of the feeds pane: a place, how deep it is filed, its tally, its feed."""

    origin: Origin
    depth: int
    total: int | None
    unread: int | None
    """None for a saved search: what it finds is the search's, counted when chosen."""
    error: str | None = None
    feed_url: str | None = None
    """The address of the feed a row stands for (None for any other place)."""


@dataclass(frozen=True)
class SavedSearch:
    """A search kept as a feed (newsboat's query feeds): a name and its words."""

    name: str
    query: str


def origin_rows(
    feeds: Sequence[FollowedFeed],
    counts: OriginCounts,
    places: Places,
    searches: Sequence[SavedSearch] = (),
) -> list[OriginRow]:
    """The pane's rows, in order: All feeds; its folders, each with its feeds (folders
    first, by name); the feeds filed in none; the tags; saved pages, notes and the
    bundled library when they have articles; the saved searches."""
    rows: list[OriginRow] = []
    empty = Tally()
    if feeds or counts.feeds.total:
        label = t("origins.all_feeds")
        rows.append(_row(Origin("feeds", label, places), 0, counts.feeds))
    ordered = sorted(feeds, key=lambda feed: feed.label.casefold())
    folders = sorted({path for feed in feeds for path in _folder_paths(feed.folder)}, key=_sort)
    for path in folders:
        inside = [feed for feed in ordered if in_folder(feed.folder, path)]
        tally = Tally()
        for feed in inside:
            tally.add(counts.homes.get(feed.home, empty))
        name = path.rpartition("/")[2]
        homes = frozenset(feed.home for feed in inside)
        depth = path.count("/") + 1
        rows.append(_row(Origin("folder", name, places, homes, path), depth, tally))
        rows += [
            _feed_row(feed, depth + 1, counts, places) for feed in inside if feed.folder == path
        ]
    rows += [_feed_row(feed, 1, counts, places) for feed in ordered if not feed.folder]
    tags = sorted({tag for feed in feeds for tag in feed.tags}, key=str.casefold)
    for tag in tags:
        tagged = frozenset(feed.home for feed in feeds if tag in feed.tags)
        tally = Tally()
        for home in tagged:
            tally.add(counts.homes.get(home, empty))
        rows.append(_row(Origin("tag", f"#{tag}", places, tagged, tag), 0, tally))
    others: tuple[tuple[OriginKind, Tally], ...] = (
        ("saved", counts.saved),
        ("notes", counts.notes),
        ("bundled", counts.bundled),
    )
    for kind, tally in others:
        if tally.total:
            rows.append(_row(Origin(kind, t(f"origins.{kind}"), places), 0, tally))
    for search in searches:
        origin = Origin("search", search.name, places, key=search.query)
        rows.append(OriginRow(origin, 0, None, None))
    return rows


def _row(origin: Origin, depth: int, tally: Tally) -> OriginRow:
    return OriginRow(origin, depth, tally.total, tally.unread)


def _feed_row(feed: FollowedFeed, depth: int, counts: OriginCounts, places: Places) -> OriginRow:
    tally = counts.homes.get(feed.home, Tally())
    origin = Origin("feed", feed.label, places, frozenset({feed.home}), feed.home)
    return OriginRow(origin, depth, tally.total, tally.unread, feed.error, feed.url)


def _folder_paths(folder: str | None) -> list[str]:
    """A folder and every folder around it: `News/Local` is in `News`."""
    if not folder:
        return []
    parts = folder.split("/")
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _sort(path: str) -> list[str]:
    return [part.casefold() for part in path.split("/")]
