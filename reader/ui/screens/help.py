"""The help screen, generated from the bindings themselves so it cannot drift.

Whoever opens it passes the groups of bindings (a title and the bindings of
a widget, screen or the app); this screen only lays them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import describe, key, translate_bindings

KeyGroup = tuple[str, Sequence[BindingType]]


def merge_keys(bindings: Iterable[BindingType]) -> list[tuple[list[Binding], str]]:
    """Bindings that share an action are shown on one row: `↑ k  Previous article`."""
    rows: dict[tuple[str, str], list[Binding]] = {}
    for binding in Binding.make_bindings(bindings):
        description = describe(binding, long=True)
        if not description or binding.system:
            continue
        rows.setdefault((binding.action, description), []).append(binding)
    return [(keys, description) for (_action, description), keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Every key reader answers to, by where it works."""

    CSS_PATH = [resources.styles_dir() / "help.tcss"]

    BINDINGS = [key("escape,q,question_mark", "dismiss", "help.close")]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        translate_bindings(self)
        self._groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = t("help.title")
            body.border_subtitle = t("help.close_hint")
            for title, bindings in self._groups:
                yield Static(self._table(title, bindings), classes="help-group")

    def _table(self, title: str, bindings: Sequence[BindingType]) -> Table:
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        table.add_column("keys", no_wrap=True, width=16)
        table.add_column("what")
        for keys, description in merge_keys(bindings):
            shown = " ".join(self.app.get_key_display(binding) for binding in keys)
            table.add_row(Text(shown, style="bold"), description)
        return table

    def on_click(self) -> None:
        self.dismiss()
