"""Worker processes for the work of a processor: parsing feeds, extracting pages.

Waiting on the network is done by threads; turning HTML into Markdown holds
the interpreter, so it goes to a process per core. The processes are started
fresh ("spawn": forking under running threads is unsafe) and ignore Ctrl-C:
the parent hears it, stops handing out work and lets the pool finish, rather
than every child printing its own traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def processes() -> Iterator[ProcessPoolExecutor]:
    """A pool of one process per core, shut down on leaving."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        os.cpu_count() or 1, mp_context=context, initializer=_ignore_interrupts
    ) as pool:
        yield pool
