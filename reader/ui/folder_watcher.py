"""New, changed and deleted articles appear without `r`: the library folders are watched.

watchfiles (inotify and its kin, polling where there is none) reports changes
in a worker thread, a batch at a time (`DEBOUNCE_MS`); a batch that touches a
Markdown file or a folder reads the library again, which parses only what
changed. Started once the library has loaded (watchfiles is not imported at
start-up), followed again when the folders change (the first page added makes
`library/`), stopped when the app closes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

DEBOUNCE_MS = 400
"""Changes closer together than this are one batch (an editor's save is several)."""
MARKDOWN = (".md", ".markdown")


def _worth_reading(change: object, path: str) -> bool:
    """A Markdown file, or what may be a folder (no suffix); never a temporary file."""
    name = Path(path).name
    if name.startswith((".saving-", ".item-", ".")):
        return False
    return name.endswith(MARKDOWN) or "." not in name


class FolderWatcher:
    """Watches the app's folders and reads the library again when articles change."""

    def __init__(self, app: ReaderApp) -> None:
        self._app = app
        self._folders: tuple[Path, ...] = ()
        self._stop: threading.Event | None = None

    def follow(self, folders: Sequence[Path]) -> None:
        """Watch these folders (those that exist), unless they are watched already."""
        existing = tuple(folder for folder in folders if folder.is_dir())
        if existing == self._folders:
            return
        self.stop()
        self._folders = existing
        if not existing:
            return
        stop = self._stop = threading.Event()
        # A thread of its own, not a Textual worker: it never finishes, and whoever
        # waits for the workers (the tests' settle, for one) must not wait for it.
        thread = threading.Thread(target=self._watch, args=(existing, stop), daemon=True)
        thread.start()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None
        self._folders = ()

    def _watch(self, folders: tuple[Path, ...], stop: threading.Event) -> None:
        import watchfiles

        app = self._app
        try:
            self._loop(watchfiles, folders, stop)
        except Exception as error:  # a folder gone, a watch limit reached: say so, go on
            if not stop.is_set():
                text = t("app.watch_failed", reason=f"{type(error).__name__}: {error}")
                app.call_from_thread(app.notify, text, severity="warning", markup=False)

    def _loop(self, watchfiles: Any, folders: tuple[Path, ...], stop: threading.Event) -> None:
        app = self._app
        for _changes in watchfiles.watch(
            *folders,
            watch_filter=_worth_reading,
            debounce=DEBOUNCE_MS,
            stop_event=stop,
            raise_interrupt=False,
            ignore_permission_denied=True,
        ):
            if stop.is_set():
                return
            app.call_from_thread(app.load_library)
