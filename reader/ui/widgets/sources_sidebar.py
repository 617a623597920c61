"""The sources sidebar: what the current article cites, grouped by kind.

An `OptionList`, so each source can be reached with the keys: a few dozen
entries at most, so widgets-per-entry costs nothing here. Group headings are
disabled options, skipped by the cursor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library.article import SOURCE_KINDS, Source
from reader.markdown.rendering import source_date
from reader.settings.i18n import t
from reader.ui.keys import key, translate_bindings

ADDRESS_WIDTH = 25
"""Columns an address is wrapped to: the sidebar's 30, less its border, its padding and
the scrollbar that a long list of sources brings (Rich cut again what was one too wide)."""
_BREAK_AFTER = "/?&=#"
_BREAK_BEFORE = ".-_"


def wrap_address(url: str, width: int = ADDRESS_WIDTH) -> str:
    """An address on lines of at most `width`, broken where a reader expects it.

    After a slash, `?`, `&`, `=` or `#`, or before a dot, a hyphen or an
    underscore; mid-word only when a part is longer than half a line
    (`textual.` / `textualize.io/`, never `textualiz` / `e.io/`).
    """
    lines = []
    rest = url
    while len(rest) > width:
        breaks = [
            cut
            for cut in range(1, width + 1)
            if rest[cut - 1] in _BREAK_AFTER or (cut < len(rest) and rest[cut] in _BREAK_BEFORE)
        ]
        cut = max(breaks, default=width)
        cut = cut if cut > width // 2 else width
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return "\n".join(lines)


def describe(source: Source, width: int = ADDRESS_WIDTH) -> Text:
    """One source as text: publisher, title, date, and the link when there is one."""
    text = Text()
    if source.publisher:
        text.append(source.publisher, style="bold")
    if source.title:
        if text:
            text.append("\n")
        text.append(source.title, style="italic")
    if source.date:
        text.append(f"\n{source_date(source.date)}", style="dim")
    if source.url and not source.url.startswith("reader:"):  # a note's title says enough
        text.append(f"\n{wrap_address(source.url, width)}", style="underline")
    if source.note:
        text.append(f"\n{source.note}", style="dim")
    return text


class SourcesSidebar(OptionList):
    """Lists the sources of the article on display; Enter asks to open one's link."""

    BINDINGS: ClassVar[list[BindingType]] = [
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
        self._shown: tuple[Sequence[Source] | None, Mapping[str, Sequence[Source]]] | None = None
        """What `show` was last given, to wrap again at a new width."""
        self._wrapped_at = 0

    def on_mount(self) -> None:
        self.show(None)

    def show(
        self, sources: Sequence[Source] | None, more: Mapping[str, Sequence[Source]] | None = None
    ) -> None:
        """List these sources by kind, then `more` groups (`links`, `library_links`,
        `linked_from`: a name of the catalogue's `sources.*`); None: no article is open."""
        self.clear_options()
        more = more or {}
        self._shown = (sources, more)
        self._wrapped_at = self.scrollable_content_region.width
        self._sources = [*(sources or ()), *(s for group in more.values() for s in group)]
        if sources is None:
            self.add_option(Option(Text(t("sources.none_open"), "dim"), disabled=True))
            return
        if not self._sources:
            self.add_option(Option(Text(t("sources.none"), "dim"), disabled=True))
            return
        numbered = list(enumerate(self._sources))
        own = numbered[: len(sources)]
        groups: list[tuple[str, list[tuple[int, Source]]]] = [
            (kind, [(n, s) for n, s in own if s.kind == kind]) for kind in SOURCE_KINDS
        ]
        start = len(sources)
        for name, group_sources in more.items():
            groups.append((name, numbered[start : start + len(group_sources)]))
            start += len(group_sources)
        # Before its first layout the sidebar has no width yet: never wrap narrower than 30's.
        width = max(ADDRESS_WIDTH, self.scrollable_content_region.width - 3)
        for name, group in groups:
            if not group:
                continue
            if self.option_count:
                self.add_option(None)  # a rule between groups
            # Bold, not underlined: a heading must not look like the links below it.
            heading = Text(t(f"sources.{name}", count=len(group)), style="bold")
            self.add_option(Option(heading, disabled=True))
            for number, source in group:
                self.add_option(Option(describe(source, width), id=str(number)))
        # The cursor starts on the first source (headings cannot be chosen).
        self.highlighted = next(
            (n for n in range(self.option_count) if not self.get_option_at_index(n).disabled),
            None,
        )

    def on_resize(self) -> None:
        """The width changed (the terminal did): addresses are wrapped again to fit it."""
        if self._shown is not None and self.scrollable_content_region.width != self._wrapped_at:
            highlighted = self.highlighted
            self.show(*self._shown)
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

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
