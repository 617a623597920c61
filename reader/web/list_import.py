"""Bringing a reading list in: each entry an article of the user's library.

Each page takes the path `reader add` takes (fetched within limits, its main
text extracted, saved under a name made from its address), with what the
export knew added: its title when the page gives none, its tags, the day it
was saved. An export that carries the article's text (Wallabag, Omnivore)
is used as it is, without a fetch.

Long lists are the normal case. A few pages are fetched at once
(`MAX_PARALLEL`); extraction goes to a process per core from
`PROCESSES_FROM` pages. Each page is saved whole as soon as it is ready, so
an import stopped at any point keeps everything done; run again, it skips
every page already in the library (no second fetch). A page that cannot be
fetched is kept all the same, as an article with its title, address, tags
and dates saying the text is missing (a `fetch_failed` field); `retry_failed`
fetches those again. Reading state is not written here (the store is
another layer): each `Outcome` says what the export said of it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from reader.library.processes import processes
from reader.settings.i18n import t
from reader.web.extract import ExtractError, WebArticle, extract, fragment_markdown
from reader.web.fetch import TOTAL_TIMEOUT, FetchError, fetch
from reader.web.reading_lists import ListEntry
from reader.web.saved import Saved, add_tags, address_key, save, saved_files

MAX_PARALLEL = 8
"""Pages fetched at once."""
PROCESSES_FROM = 20
"""From this many pages to bring in, extraction runs in a process per core."""
T = TypeVar("T")
FAILED_FIELD = "fetch_failed"
"""The front matter field of a page kept without its text: why it is missing."""


class Result(StrEnum):
    ADDED = "added"
    """Fetched (or taken from the export) and saved."""
    THERE = "there"
    """Already in the library: nothing fetched."""
    UNFETCHED = "unfetched"
    """Could not be fetched now: kept without its text."""
    FAILED_BEFORE = "failed_before"
    """Kept without its text by an earlier import; not tried again unless asked."""


@dataclass(frozen=True)
class Outcome:
    """What became of one entry, and the article that holds it."""

    entry: ListEntry
    result: Result
    article_id: str
    title: str
    created: bool = False
    """Its file was made by this import (so the export's reading state is the article's)."""
    reason: str | None = None

    def marks(self, has_state: bool) -> tuple[bool, bool]:
        """(mark read, bookmark) as the export says: archived is read, starred is bookmarked.

        Only for an article this import made, or one reader has no state for
        yet: what the user did in reader since is never undone by the export.
        """
        if has_state and not self.created:
            return False, False
        return self.entry.read, self.entry.starred


Progress = Callable[[Outcome, int, int], None]
"""Called with each outcome, how many are done and how many there are."""


def import_entries(
    entries: Iterable[ListEntry],
    library: Path,
    *,
    retry_failed: bool = False,
    timeout: float = TOTAL_TIMEOUT,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> list[Outcome]:
    """Bring every entry into `library`; `stop` (or Ctrl-C) ends it early, keeping what is done.

    Outcomes come in the order the work finishes. On Ctrl-C the pages being
    fetched are finished and saved, the rest left for the next run, and
    `KeyboardInterrupt` goes on up.
    """
    entries = list(entries)
    stop = stop or threading.Event()
    files = saved_files(library)
    outcomes: list[Outcome] = []

    def said(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome, len(outcomes), len(entries))

    to_bring: list[ListEntry] = []
    for entry in entries:
        path = files.get(address_key(entry.url))
        failed = path is not None and _failed(path)  # its head read once
        if path is None or (retry_failed and failed):
            to_bring.append(entry)
        else:
            if entry.tags:  # the export's tags join the article's own
                add_tags(path, entry.tags)
            result = Result.FAILED_BEFORE if failed else Result.THERE
            said(Outcome(entry, result, path.stem, entry.title or entry.url))
    if not to_bring:
        return outcomes
    lock = threading.Lock()
    with ExitStack() as stack:
        workers = stack.enter_context(processes()) if len(to_bring) >= PROCESSES_FROM else None
        pool = stack.enter_context(ThreadPoolExecutor(MAX_PARALLEL))
        pending: list[Future[Outcome | None]] = [
            pool.submit(_bring, entry, library, files, lock, timeout, workers, stop)
            for entry in to_bring
        ]
        seen: set[Future[Outcome | None]] = set()
        try:
            for future in as_completed(pending):
                seen.add(future)
                outcome = future.result()
                if outcome is not None:
                    said(outcome)
                if stop.is_set():
                    break
        except KeyboardInterrupt:
            # No new page starts; those under way are finished, saved and reported
            # (a second Ctrl-C stops waiting for them).
            stop.set()
            for future in pending:
                if future not in seen and not future.cancel():
                    outcome = future.result()
                    if outcome is not None:
                        said(outcome)
            raise
        finally:
            stop.set()
            for future in pending:
                future.cancel()
    return outcomes


def time_left(elapsed: float, fetched: int, remaining: int) -> str:
    """ "about 40 s left", from the pace of the pages fetched so far ("" until it can be told).

    Pages already in the library cost nothing, so only fetched ones set the pace.
    """
    if fetched < 5 or remaining <= 0:
        return ""
    seconds = elapsed / fetched * remaining
    words = f"{max(1, round(seconds))} s" if seconds < 90 else f"{round(seconds / 60)} min"
    return t("lists.left", time=words)


def _failed(path: Path) -> bool:
    """Whether the file is a page kept without its text (its front matter says why)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    header = head.split(b"\n---", 1)[0]
    return f"\n{FAILED_FIELD}:".encode() in header


def _bring(
    entry: ListEntry,
    library: Path,
    files: dict[str, Path],
    lock: threading.Lock,
    timeout: float,
    workers: Executor | None,
    stop: threading.Event,
) -> Outcome | None:
    """Fetch (or take from the export), extract and save one page; None if stopped first."""
    if stop.is_set():
        return None
    reason = None
    try:
        article = _article(entry, timeout, workers)
    except (FetchError, ExtractError) as error:
        reason = str(error)
        article = _without_text(entry, reason)
    more: dict[str, object] = {}
    if entry.tags:
        more["tags"] = list(entry.tags)
    if reason:
        more[FAILED_FIELD] = reason
    saved_on = entry.saved.date() if entry.saved else dt.date.today()
    with lock:  # two entries may lead to one page (see `save`): one file
        saved: Saved = save(article, library, entry.url, saved_on, more, files)
        if saved.written:
            files[address_key(entry.url)] = saved.path
    result = Result.UNFETCHED if reason else Result.ADDED if saved.written else Result.THERE
    return Outcome(entry, result, saved.article_id, article.title, saved.created, reason)


def _article(entry: ListEntry, timeout: float, workers: Executor | None) -> WebArticle:
    """The page's article: from the text the export carries, else fetched and extracted."""
    if entry.html:
        body = _run(workers, fragment_markdown, entry.html)
        if body:
            return _entry_article(entry, body)
    page = fetch(entry.url, timeout)
    article = _run(workers, extract, page.text, page.url)
    untitled = article.title in (page.url, entry.url, article.url)
    return dataclasses.replace(
        article,
        title=entry.title if untitled and entry.title else article.title,
        author=article.author or entry.author,
        published=article.published or entry.published,
    )


def _run(workers: Executor | None, function: Callable[..., T], *args: object) -> T:
    if workers is None:
        return function(*args)
    return workers.submit(function, *args).result()


def _without_text(entry: ListEntry, reason: str) -> WebArticle:
    """A page that could not be fetched: its article says so, with its address."""
    return _entry_article(entry, t("lists.unfetched_body", reason=reason, url=entry.url))


def _entry_article(entry: ListEntry, body: str) -> WebArticle:
    """An article made of what the export says of a page, and `body`."""
    return WebArticle(
        title=entry.title or entry.url,
        body=body + "\n",
        url=entry.url,
        author=entry.author,
        published=entry.published,
    )
