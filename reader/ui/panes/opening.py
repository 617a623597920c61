"""Opening an article for the main screen: its body read and prepared off the UI thread.

Also its translation (`t`, at about the same place) and a heading from its
outline (`o`).

Reading a megabyte, resolving its wikilinks, embedding the notes it embeds,
bounding and cutting it into sections, and finding the notes that link to it
all happen on a worker; the screen only displays the result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from reader.library import Article, Source
from reader.settings.i18n import t
from reader.ui.panes.links import linking_source
from reader.ui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.markdown.layout import Anchor
    from reader.ui.screens.main import MainScreen

BodyLoader = Callable[[Article], str]
"""Reads an article's Markdown body (raises `BodyError`)."""


def read_article_body(article: Article) -> str:
    """The body from the article's file (tests may hand the screen another loader)."""
    from reader.library.parse import read_body  # yaml and friends: not at start-up

    return read_body(article.path)


class ArticleOpener:
    """Runs the main screen's "open" worker: one at a time, the newest wins."""

    def __init__(self, screen: MainScreen, load_body: BodyLoader) -> None:
        self._screen = screen
        self._load_body = load_body

    def open(
        self,
        article: Article,
        anchor: Anchor | None,
        at_fraction: float | None,
        heading: str | None,
    ) -> None:
        work = partial(self._read, article, anchor, at_fraction, heading)
        self._screen.run_worker(
            work, thread=True, exclusive=True, group="open", exit_on_error=False
        )

    def _read(
        self,
        article: Article,
        anchor: Anchor | None,
        at_fraction: float | None,
        heading: str | None,
    ) -> None:
        from reader.library.parse import BodyError
        from reader.markdown.body_links import named_links
        from reader.markdown.document import prepare_document
        from reader.markdown.notes import NoteContext

        screen = self._screen
        library = screen.library
        try:
            notes = NoteContext.of(library, article)
            document = prepare_document(self._load_body(article), article.title, notes)
        except BodyError as error:
            text, title = str(error), t("main.cannot_open")
            screen.app.call_from_thread(
                screen.notify, text, title=title, severity="error", markup=False
            )
            return
        if heading is not None:  # a link to a heading opens there
            anchor = document.anchor_of(heading) or anchor
        links = named_links(article, document.links, library)
        outside = [Source(None, link.text, url=link.url) for link in links if not link.leads_to]
        inside = [Source(None, link.text, url=link.url) for link in links if link.leads_to]
        more = {
            "links": outside,
            "library_links": inside,
            "linked_from": [linking_source(other) for other in library.names.backlinks(article)],
        }
        where = article.id.rpartition("/")[0] if library.names.shares_title(article) else ""
        screen.app.call_from_thread(
            screen.show_article, article, document, anchor, at_fraction, more, where
        )

    def translation(self, current: Article | None) -> None:
        """Switch to the article's translation, at about the same place."""
        screen = self._screen
        if current is None:
            screen.notify(t("main.open_first"), timeout=2)
            return
        translations = screen.library.translations(current)
        others = [a for a in translations if a.language != current.language]
        if not others:
            screen.notify(t("main.no_translation"), timeout=2)
            return
        fraction = screen.query_one(ReadingPane).section_fraction()
        screen.open_article(others[0], at_fraction=fraction)

    def outline(self, current: Article | None) -> None:
        """Show the open article's headings; going to one scrolls there."""
        from reader.ui.screens.outline import OutlineScreen

        screen = self._screen
        pane = screen.query_one(ReadingPane)
        headings = [(s.line, s.heading, s.level) for s in pane.sections if s.heading]
        if current is None or not headings:
            screen.notify(t("main.no_headings" if current else "main.open_first"), timeout=2)
            return
        top = pane.top_anchor().line
        reading = max((n for n, (line, *_) in enumerate(headings) if line <= top), default=0)

        def go(line: int | None) -> None:
            if line is not None:
                pane.go_to_line(line)
                pane.focus()

        place = _place(current)
        screen.app.push_screen(OutlineScreen(current.title, headings, reading, place), go)


def _place(article: Article) -> str:
    """The article's file in its content folder, as a person would find it there."""
    try:
        return article.path.relative_to(article.folder).as_posix()
    except ValueError:  # an article made elsewhere (a test's): its file's name
        return article.path.name
