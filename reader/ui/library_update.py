"""Bringing the app's library up to date, on a worker thread: cache, disk, then index.

Everything it learns goes to the app as messages (`LibraryLoaded`,
`LibraryProgress`, `IndexProgress`, `IndexReady`); it never touches a widget.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker

from reader.index.catalogue import Catalogue
from reader.index.workers import Workers
from reader.library import Library
from reader.ui.messages import IndexProgress, IndexReady, LibraryLoaded, LibraryProgress

PROGRESS_EVERY = 0.25
"""Seconds between two progress messages: a status line needs no more, and each one
is a repaint (500 of them at 100,000 articles, one per chunk of work)."""


def _every(
    seconds: float, message: Callable[[int, int], Message], target: MessagePump
) -> Callable[[int, int], None]:
    """A progress callback that posts at most one message per `seconds`, and the last."""
    last = -seconds

    def report(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= seconds or done >= total:
            last = now
            target.post_message(message(done, total))

    return report


def update_library(
    target: MessagePump, catalogue: Catalogue, folders: Sequence[Path], worker: Worker[None]
) -> None:
    """The cached library at once, then the disk's changes, then the index.

    A catalogue closed under it (the app quitting) ends it quietly: what was
    written is kept, and the next start goes on from there.
    """
    try:
        _update(target, catalogue, folders, worker)
    except sqlite3.Error:  # closed (ProgrammingError), or interrupted by closing
        if not catalogue.closed:
            raise


def _update(
    target: MessagePump, catalogue: Catalogue, folders: Sequence[Path], worker: Worker[None]
) -> None:
    def cancelled() -> bool:
        return worker.is_cancelled

    cached = catalogue.cached_library(folders)
    if len(cached) and not cancelled():
        target.post_message(LibraryLoaded(cached, final=False))

    loading = _every(PROGRESS_EVERY, LibraryProgress, target)
    indexing = _every(PROGRESS_EVERY, IndexProgress, target)

    def partial(library: Library) -> None:
        target.post_message(LibraryLoaded(library, final=False))

    with Workers() as workers:  # processes, if the work is big enough, for both passes
        report = catalogue.sync(folders, loading, cancelled, partial, workers)
        if cancelled():
            return
        library = report.library if report.changed or not len(cached) else cached
        target.post_message(LibraryLoaded(library, final=True))
        catalogue.index(indexing, cancelled, workers)
    if not cancelled():
        catalogue.warm_up()
        target.post_message(IndexReady())
