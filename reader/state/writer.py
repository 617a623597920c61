"""Store writes off the UI thread, one after another, never dropped silently."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.settings.i18n import t
from reader.state.model import StoreError

Write = Callable[[], object]
MAX_RETAINED = 10_000
"""Failed writes kept for another try (a full disk, a locked file); past this the
oldest are given up, and said to be."""


@dataclass
class BackgroundWriter:
    """Runs store writes one after another on a thread of their own.

    The UI changes what it shows at once and queues the write here, so a slow
    disk never freezes a keystroke. Writes keep their order. A write that fails
    (the disk is full) is reported through `on_error` and kept: it is tried
    again, before anything newer, each time another write comes, so nothing is
    lost once the disk has room again. Any other exception is reported too,
    and the thread goes on, so `flush` and `close` can never wait forever.
    `close` drains the queue and returns how many changes could not be saved.
    """

    on_error: Callable[[str], object]
    on_saved_again: Callable[[int], object] = lambda count: None
    _queue: queue.Queue[Write | threading.Event | None] = field(default_factory=queue.Queue)
    _thread: threading.Thread | None = None
    _failed: list[Write] = field(default_factory=list)
    _given_up: int = 0

    def submit(self, write: Write) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-store", daemon=True)
            self._thread.start()
        self._queue.put(write)

    @property
    def unsaved(self) -> int:
        """Changes that failed and are waiting for another try, or were given up."""
        return len(self._failed) + self._given_up

    def _run(self) -> None:
        while True:
            write = self._queue.get()
            if write is None:
                return
            if isinstance(write, threading.Event):  # a flush: everything before it was tried
                write.set()
                continue
            if self._failed:
                still = self._retry()
                if still is not None:  # the disk is still full: this one waits too, and says so
                    self._keep(write)
                    self.on_error(still)
                    continue
            try:
                write()
            except StoreError as error:
                self._keep(write)
                self.on_error(str(error))
            except Exception as error:  # a bug: say so, and keep the thread alive
                self._lost(error)

    def _keep(self, write: Write) -> None:
        self._failed.append(write)
        if len(self._failed) > MAX_RETAINED:
            self._failed.pop(0)
            self._given_up += 1

    def _lost(self, error: Exception) -> None:
        """A write that raised something else than a store error: a bug, which another
        try would only repeat. It is not retried, but it is said, and counted unsaved."""
        self._given_up += 1
        self.on_error(t("store.unexpected", reason=f"{type(error).__name__}: {error}"))

    def _retry(self) -> str | None:
        """Try the failed writes again, in order; None once all are saved, else why not."""
        saved = 0
        while self._failed:
            try:
                self._failed[0]()
            except StoreError as error:
                return str(error)
            except Exception as error:
                self._lost(error)
            self._failed.pop(0)
            saved += 1
        if saved:
            self.on_saved_again(saved)
        return None

    def flush(self) -> None:
        """Wait until every queued write has been tried."""
        if self._thread is not None and self._thread.is_alive():
            done = threading.Event()
            self._queue.put(done)
            while not done.wait(0.5):
                if not self._thread.is_alive():
                    return

    def close(self) -> int:
        """Drain the queue, try the failed writes once more; how many remain unsaved."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        if self._failed:
            self._retry()
        return self.unsaved
