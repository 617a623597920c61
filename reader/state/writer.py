"""Store writes off the UI thread, one after another, never dropped."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.state.model import StoreError


@dataclass
class BackgroundWriter:
    """Runs store writes one after another on a thread of their own.

    The UI changes what it shows at once and queues the write here, so a slow
    disk never freezes a keystroke. Writes keep their order. `close` waits for
    the queue to drain: quitting never drops a queued change.
    """

    on_error: Callable[[str], None]
    _queue: queue.Queue[Callable[[], object] | None] = field(default_factory=queue.Queue)
    _thread: threading.Thread | None = None

    def submit(self, write: Callable[[], object]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-store", daemon=True)
            self._thread.start()
        self._queue.put(write)

    def _run(self) -> None:
        while True:
            write = self._queue.get()
            if write is None:
                return
            try:
                write()
            except StoreError as error:
                self.on_error(str(error))

    def flush(self) -> None:
        """Wait until every queued write is done."""
        if self._thread is not None:
            done = threading.Event()
            self._queue.put(done.set)
            done.wait()

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
