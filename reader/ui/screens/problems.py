"""The content problems, in the interface: each file that did not load, or loaded with
something assumed, with its line and the reason.

`reader check` only sees the folders of the config and the bundled library;
a folder given with `--content` or opened with `reader DIR` has its problems
listed here, where they were found.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library.article import Problem
from reader.settings import resources
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


class ProblemsScreen(ModalScreen[None]):
    """Every problem of the library, errors first; Esc closes."""

    CSS_PATH = [resources.styles_dir() / "problems.tcss"]
    BINDINGS = [key("escape", "dismiss", "problems.close")]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        translate_bindings(self)
        self._problems = sorted(problems, key=lambda p: (p.severity != "error", str(p.path)))

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(problem.format(), style="bold" if problem.severity == "error" else ""))
            for problem in self._problems
        ] or [Option(Text(t("problems.none"), style="dim"), disabled=True)]
        listing = OptionList(*options, id="problems")
        listing.border_title = t("app.problems_title")
        listing.border_subtitle = t("help.close_hint")
        yield listing

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
