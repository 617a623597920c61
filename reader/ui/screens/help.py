"""The help screen, generated from the bindings themselves so it cannot drift.

Whoever opens it passes the groups of bindings (a title and the bindings of
a widget, screen or the app); this screen only lays them out. Typing filters
the rows (by what a key does or by the key), accents and case aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Click
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from reader.index.search import folded
from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import describe, key, remapped, translate_bindings

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


def key_places(screen: Screen[Any]) -> list[tuple[str, Sequence[BindingType]]]:
    """The main screen's bindings by where they answer: everywhere, or one pane."""
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.feeds_pane import FeedsPane
    from reader.ui.widgets.reading_pane import ReadingPane
    from reader.ui.widgets.search_box import SearchBox
    from reader.ui.widgets.sources_sidebar import SourcesSidebar

    return [
        ("everywhere", [*screen.BINDINGS, *screen.app.BINDINGS]),
        ("list", ArticleList.BINDINGS),
        ("search", SearchBox.BINDINGS),
        ("reading", ReadingPane.BINDINGS),
        ("sources", SourcesSidebar.BINDINGS),
        ("feeds", FeedsPane.BINDINGS),
    ]


def key_groups(screen: Screen[Any], keymap: Mapping[str, str]) -> list[KeyGroup]:
    """The bindings of every part of the main screen, with the user's keys, by where they
    work (each place titled by the catalogue's `help.<place>`)."""
    return [
        (t(f"help.{place}"), list(remapped(bindings, keymap)))
        for place, bindings in key_places(screen)
    ]


class HelpScreen(ModalScreen[None]):
    """Every key reader answers to, by where it works."""

    CSS_PATH = [resources.styles_dir() / "help.tcss"]
    AUTO_FOCUS = "#help-filter"

    BINDINGS = [key("escape,q,question_mark", "dismiss", "help.close")]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        translate_bindings(self)
        self._groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = t("help.title")
            body.border_subtitle = t("help.close_hint")
            yield Input(placeholder=t("help.filter"), id="help-filter")
            for title, bindings in self._groups:
                yield Static(self._table(title, bindings), classes="help-group")

    def _table(self, title: str, bindings: Sequence[BindingType], typed: str = "") -> Table:
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        table.add_column("keys", no_wrap=True, width=16)
        table.add_column("what")
        for keys, description in merge_keys(bindings):
            shown = " ".join(self.app.get_key_display(binding) for binding in keys)
            if typed and typed not in folded(f"{shown} {description}"):
                continue
            table.add_row(Text(shown, style="bold"), description)
        return table

    @on(Input.Changed, "#help-filter")
    def _filter(self, event: Input.Changed) -> None:
        """Only the rows that say what was typed; a group with none hides."""
        typed = folded(event.value.strip())
        for widget, (title, bindings) in zip(self.query(".help-group"), self._groups, strict=True):
            table = self._table(title, bindings, typed)
            assert isinstance(widget, Static)
            widget.update(table)
            widget.display = table.row_count > 0

    def on_mount(self) -> None:
        self.call_after_refresh(self._keep_height)

    def _keep_height(self) -> None:
        """The box keeps the height it opened with: filtering hides rows, and the box
        shrinking and growing with every letter typed moved the field under the cursor."""
        body = self.query_one("#help-body")
        body.styles.height = body.outer_size.height

    def on_click(self, event: Click) -> None:
        """A click outside the box closes it (inside, it may be on the filter)."""
        body = self.query_one("#help-body")
        if not body.region.contains(event.screen_x, event.screen_y):
            self.dismiss()
