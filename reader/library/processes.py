"""Worker processes for work that holds the interpreter: parsing articles, feeds, pages.

Waiting on the network is done by threads; parsing YAML and turning HTML into
Markdown hold the interpreter, so they go to a process per core. The processes are started
fresh ("spawn": forking under running threads is unsafe) and ignore Ctrl-C:
the parent hears it, stops handing out work and lets the pool finish, rather
than every child printing its own traceback.

Inside the interface, `sys.stderr` is Textual's capture, whose file
descriptor is -1; multiprocessing hands that descriptor to the resource
tracker it starts, and the start fails ("bad value(s) in fds_to_keep"). The
tracker is therefore started with no stderr to inherit when there is none
to give: it only ever reports leaked semaphores.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

_STDERR_SWAP = threading.Lock()


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _has_descriptor(stream: object) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _start_resource_tracker() -> None:
    from multiprocessing import resource_tracker

    if _has_descriptor(sys.stderr):
        resource_tracker.ensure_running()
        return
    with _STDERR_SWAP:
        captured = sys.stderr
        sys.stderr = io.StringIO()  # no descriptor: multiprocessing passes none on
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


@contextmanager
def processes() -> Iterator[ProcessPoolExecutor]:
    """A pool of one process per core, shut down on leaving."""
    _start_resource_tracker()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        os.cpu_count() or 1, mp_context=context, initializer=_ignore_interrupts
    ) as pool:
        yield pool
