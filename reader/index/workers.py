"""Parsing and reading many files at once: a process per core for big jobs, this thread for small.

Parsing front matter and reading bodies hold the interpreter (PyYAML builds
Python objects, every line goes through Python code), so a first run over
100,000 files on one core would take minutes. A big job is cut into chunks
handed to a process per core; what comes back are catalogue rows, plain
tuples that cost little to send between processes. A small job (an edited
file, the bundled library, a test) stays in this thread: starting processes
costs a few tenths of a second.

The functions run in the worker processes take and give plain data only.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, nullcontext
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # multiprocessing loads only for a job big enough to use it
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK = 200
"""Files per piece of work handed to a process (a few tenths of a second of parsing)."""
PROCESSES_FROM = 1500
"""Files in one job from which processes pay for their start."""
IN_FLIGHT = 3
"""Chunks waiting per process: enough to keep it busy, few enough to keep memory flat."""

Item = TypeVar("Item")
Result = TypeVar("Result")

ParsedRow = tuple[Any, ...]
"""(position, size, mtime_ns, indexed, sort_key, problems JSON, *article values)."""


def parse_rows(items: Sequence[tuple[int, str, str]]) -> list[ParsedRow]:
    """Stat, then parse, each (position, path, folder): the rows the catalogue stores.

    Stat first: a file changed while it is read keeps the older time, and is
    read again by the next check.
    """
    from reader.index.catalogue_rows import article_values, problems_json
    from reader.library.loader import sort_key
    from reader.library.parse import parse_file

    rows = []
    folders: dict[str, Path] = {}  # one Path a folder, not one a file
    for position, path_text, folder_text in items:
        path = Path(path_text)
        folder = folders.get(folder_text) or folders.setdefault(folder_text, Path(folder_text))
        try:
            stat: os.stat_result | None = os.stat(path)
        except OSError:
            stat = None
        size, mtime_ns = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
        result = parse_file(path, folder)
        article = result.article
        rows.append(
            (
                position,
                size,
                mtime_ns,
                0 if article is not None else 1,
                sort_key(article) if article is not None else AFTER_EVERY_ARTICLE,
                problems_json(result.problems),
                *article_values(article),
            )
        )
    return rows


AFTER_EVERY_ARTICLE = "~"
"""The sort key of files that hold no article: their problems list after the articles."""


def index_rows(items: Sequence[tuple[int, bytes, bytes]]) -> list[tuple[Any, ...]]:
    """What the search index takes for each (row id, path, packed article): its fields as
    text, and its body (a body that cannot be read is indexed empty)."""
    from reader.index.catalogue_rows import indexed_text

    return [(row_id, *indexed_text(path, packed)) for row_id, path, packed in items]


def given_or_new(workers: Workers | None) -> AbstractContextManager[Workers]:
    """The caller's workers, left running for its next job; or new ones, ended after this one."""
    return Workers() if workers is None else nullcontext(workers)


class Workers:
    """Processes started the first time a job is big enough, and shared by later jobs.

    Use it as a context manager: leaving it drops the work not yet started and
    waits only for the chunks under way, so quitting stays quick.
    """

    def __init__(self, processes_from: int = PROCESSES_FROM) -> None:
        self.processes_from = processes_from
        self._stack = ExitStack()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._stack.close()

    def _processes(self) -> ProcessPoolExecutor:
        if self._pool is None:
            from reader.library.processes import processes

            self._pool = self._stack.enter_context(processes())
        return self._pool

    def map(
        self,
        function: Callable[[Sequence[Item]], list[Result]],
        items: Sequence[Item],
        cancelled: Callable[[], bool] = lambda: False,
        first: int = 0,
    ) -> Iterator[list[Result]]:
        """`function` over `items` a chunk at a time: each chunk's results, in order.

        `first` items are done here, before anything else, while the processes
        start: what a person waits to see comes at once.
        """
        chunks = [items[:first]] if first else []
        chunks += [items[start : start + CHUNK] for start in range(first, len(items), CHUNK)]
        if len(items) < self.processes_from:
            for chunk in chunks:
                if cancelled():
                    return
                yield function(chunk)
            return
        from concurrent.futures.process import BrokenProcessPool

        try:
            pool = self._processes()
        except OSError:  # no processes to be had here: this thread does it all
            yield from (function(chunk) for chunk in chunks if not cancelled())
            return
        width = (os.cpu_count() or 1) * IN_FLIGHT
        waiting: deque[tuple[Future[list[Result]], Sequence[Item]]] = deque()
        rest = iter(chunks[1:] if first else chunks)
        for chunk in rest:
            waiting.append((pool.submit(function, chunk), chunk))
            if len(waiting) >= width:
                break
        if first:
            yield function(chunks[0])
        while waiting:
            if cancelled():
                for future, _chunk in waiting:
                    future.cancel()
                return
            future, chunk = waiting.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A process died (killed, out of memory): what is left is done here.
                left = [chunk, *(pending for _future, pending in waiting), *rest]
                yield from (function(pending) for pending in left if not cancelled())
                return
            following = next(rest, None)
            if following is not None:
                waiting.append((pool.submit(function, following), following))
            yield results
