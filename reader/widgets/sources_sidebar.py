"""The sources sidebar: what the current article cites, grouped by kind.

An `OptionList`, so each source can be reached with the keys: a few dozen
entries at most, so widgets-per-entry costs nothing here. Group headings are
disabled options, skipped by the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library.article import SOURCE_KINDS, Source

GROUP_TITLES = {"primary": "Primary", "secondary": "Secondary", "quoted": "Quoted"}


def describe(source: Source) -> Text:
    """One source as text: publisher, title, date, and the link when there is one."""
    text = Text()
    if source.publisher:
        text.append(source.publisher, style="bold")
    if source.title:
        if text:
            text.append("\n")
        text.append(source.title, style="italic")
    if source.date:
        text.append(f"\n{source.date}", style="dim")
    if source.url:
        text.append(f"\n{source.url}", style="underline")
    if source.note:
        text.append(f"\n{source.note}", style="dim")
    return text


class SourcesSidebar(OptionList):
    """Lists the sources of the article on display."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Sources"

    def on_mount(self) -> None:
        self.show(None)

    def show(self, sources: Sequence[Source] | None) -> None:
        """List these sources; None means no article is open."""
        self.clear_options()
        if sources is None:
            self.add_option(
                Option(Text("Open an article to see its sources.", "dim"), disabled=True)
            )
            return
        if not sources:
            self.add_option(Option(Text("No sources listed.", "dim"), disabled=True))
            return
        for kind in SOURCE_KINDS:
            group = [source for source in sources if source.kind == kind]
            if not group:
                continue
            if self.option_count:
                self.add_option(None)  # a rule between groups
            heading = Text(f"{GROUP_TITLES[kind]} ({len(group)})", style="bold underline")
            self.add_option(Option(heading, disabled=True))
            for source in group:
                self.add_option(Option(describe(source)))
