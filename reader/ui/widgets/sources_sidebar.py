"""The sources sidebar: what the current article cites, grouped by kind.

An `OptionList`, so each source can be reached with the keys: a few dozen
entries at most, so widgets-per-entry costs nothing here. Group headings are
disabled options, skipped by the cursor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library.article import SOURCE_KINDS, Source
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings


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
    if source.url and not source.url.startswith("reader:"):  # a note's title says enough
        text.append(f"\n{source.url}", style="underline")
    if source.note:
        text.append(f"\n{source.note}", style="dim")
    return text


class SourcesSidebar(OptionList):
    """Lists the sources of the article on display; Enter asks to open one's link."""

    BINDINGS: list[BindingType] = [
        key("c", "copy_link", "sources.copy"),
    ]

    @dataclass
    class OpenRequested(Message):
        """The user chose a source (Enter or a click): the screen asks before opening."""

        sidebar: SourcesSidebar
        source: Source

        @property
        def control(self) -> SourcesSidebar:
            return self.sidebar

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self.border_title = t("help.sources")
        self._sources: list[Source] = []

    def on_mount(self) -> None:
        self.show(None)

    def show(
        self, sources: Sequence[Source] | None, more: Mapping[str, Sequence[Source]] | None = None
    ) -> None:
        """List these sources by kind, then `more` groups (`links`, `library_links`,
        `linked_from`: a name of the catalogue's `sources.*`); None: no article is open."""
        self.clear_options()
        more = more or {}
        self._sources = [*(sources or ()), *(s for group in more.values() for s in group)]
        if sources is None:
            self.add_option(Option(Text(t("sources.none_open"), "dim"), disabled=True))
            return
        if not self._sources:
            self.add_option(Option(Text(t("sources.none"), "dim"), disabled=True))
            return
        numbered = list(enumerate(self._sources))
        own = numbered[: len(sources)]
        groups = [(kind, [(n, s) for n, s in own if s.kind == kind]) for kind in SOURCE_KINDS]
        start = len(sources)
        for name, group_sources in more.items():
            groups.append((name, numbered[start : start + len(group_sources)]))
            start += len(group_sources)
        for name, group in groups:
            if not group:
                continue
            if self.option_count:
                self.add_option(None)  # a rule between groups
            heading = Text(t(f"sources.{name}", count=len(group)), style="bold underline")
            self.add_option(Option(heading, disabled=True))
            for number, source in group:
                self.add_option(Option(describe(source), id=str(number)))
        # The cursor starts on the first source (headings cannot be chosen).
        self.highlighted = next(
            (n for n in range(self.option_count) if not self.get_option_at_index(n).disabled),
            None,
        )

    def _highlighted_source(self) -> Source | None:
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return self._sources[int(option_id)] if option_id is not None else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.OpenRequested(self, self._sources[int(event.option.id)]))

    def action_copy_link(self) -> None:
        """Copy the highlighted source's link to the clipboard (OSC 52, works over ssh)."""
        source = self._highlighted_source()
        if source is None or not source.url:
            self.notify(t("sources.no_link"), timeout=2)
            return
        self.app.copy_to_clipboard(source.url)
        self.notify(t("sources.copied", url=source.url), timeout=3, markup=False)
