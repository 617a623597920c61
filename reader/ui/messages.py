"""App-wide messages, posted by workers to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.worker import Worker, WorkerState

from reader.library import Library


@dataclass
class LibraryLoaded(Message):
    """A library to show: first as cached (final=False), then as found on disk."""

    library: Library
    final: bool = True


@dataclass
class LibraryProgress(Message):
    """Files parsed so far while the library loads; a newer one replaces an older."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LibraryProgress)


@dataclass
class OpenArticle(Message):
    """Someone (the command palette, a link) asks for an article by id."""

    article_id: str


@dataclass
class IndexProgress(Message):
    """Articles indexed so far; a newer one replaces an older."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexReady(Message):
    """The search index is complete and up to date."""


@dataclass
class StatesChanged(Message):
    """The reading session changed these articles' states (None: any of them): redraw."""

    article_ids: frozenset[str] | None


@dataclass
class StoreFailed(Message):
    """A background write failed; posted from the writer thread."""

    text: str


@dataclass
class StoreReplaced(Message):
    """The state file was emptied or deleted under us and started again."""

    notice: str


@dataclass
class StoreSavedAgain(Message):
    """Writes that had failed are saved now (the disk has room again)."""

    count: int


@dataclass
class WorkerFailed(Message):
    """A background job raised: the app says so (and the state stays as it was)."""

    job: str
    error: BaseException


class ForwardsWorkerFailures:
    """Mixed into every node that runs workers: a failed one becomes a `WorkerFailed`.

    Textual's own state messages do not bubble, so each such node forwards the
    failures, and the app alone reports them.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR and worker.error is not None:
            failure = WorkerFailed(worker.group or worker.name, worker.error)
            self.post_message(failure)  # type: ignore[attr-defined]
