"""What the state store tells the app, and the app tells the user about it.

A write that failed, a state file started again (what this window knows is
written back), changes saved after all, and another window's changes shown
when reader gets the focus back. A mixin of `ReaderApp`: these handlers need
the app's store, keeper and reading session, and nothing else of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from reader.settings.i18n import plural, t
from reader.ui.messages import StoreFailed, StoreReplaced, StoreSavedAgain

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from reader.state.keeper import StateKeeper
    from reader.state.session import ReadingSession
    from reader.state.store import Store


class StoreEvents:
    """The app's handlers for the store's messages (see the module docstring)."""

    keeper: StateKeeper
    store: Store
    session: ReadingSession

    if TYPE_CHECKING:

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            severity: SeverityLevel = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None: ...

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Back from another window (perhaps another reader): show its changes.
        self.reload_states()

    def on_store_failed(self, message: StoreFailed) -> None:
        title = t("store.not_saved")
        self.notify(message.text, title=title, severity="error", timeout=10, markup=False)

    def on_store_replaced(self, message: StoreReplaced) -> None:
        self.session.replay()
        title = t("store.title")
        self.notify(message.notice, title=title, severity="warning", timeout=20, markup=False)

    def reload_states(self) -> None:
        """Show the states as stored (another window's changes), unless the file was
        just started again: then what this window shows is what is right."""
        self.keeper.sync()
        generation = self.store.generation
        states = self.store.states()
        if self.store.generation == generation:
            self.session.reload(states)

    def on_store_saved_again(self, message: StoreSavedAgain) -> None:
        self.notify(plural("store.saved_again", message.count), timeout=5, markup=False)
