"""Where a link leads: another article in reader, or (after a yes) the browser.

Links in an article and the sources in the sidebar both end here. A link to
another article (`reader:ID`, or a relative path to a Markdown file of the
library) opens it in the reading pane and remembers where the reader was, for
Backspace. Anything else leaves reader only after the user has seen the full
address and said yes; the browser is started off the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

from reader.library import Article, Source
from reader.markdown.body_links import is_internal
from reader.markdown.layout import Anchor
from reader.settings.i18n import t

if TYPE_CHECKING:
    from reader.ui.screens.main import MainScreen

WEB_SCHEMES = ("http://", "https://", "mailto:")
"""Addresses handed to the browser (after confirmation); any other is not followed."""


def linking_source(article: Article) -> Source:
    """A note that links to the open one, as the sidebar lists it (Enter opens it)."""
    return Source(publisher=None, title=article.title, url=f"reader:{article.id}")


class LinkRouter:
    """Follows links for the main screen and keeps the way back."""

    def __init__(self, screen: MainScreen) -> None:
        self._screen = screen
        self._history: list[tuple[Article, Anchor]] = []
        """Where followed links were, for Backspace."""

    def follow(self, target: str) -> None:
        """Links to other articles open here (Backspace comes back); others are asked about."""
        screen = self._screen
        target = target.strip()
        if target.lower().startswith("reader:"):  # markdown-it writes `Reading%20list`
            target = unquote(target)
        article = screen.library.link_target(target, screen.current)
        heading = target.split("#", 1)[1] if "#" in target and article is not None else None
        if article is not None:
            current = screen.current
            if current is not None:
                self._history.append((current, screen.reading_anchor()))
            screen.open_article(article, heading=heading or None)
        elif target.lower().startswith(WEB_SCHEMES):
            self.confirm_and_open(target)
        else:
            text = t("main.no_link_target", target=target)
            screen.notify(text, severity="warning", timeout=4, markup=False)

    def go_back(self) -> None:
        """Back to where the last followed link was."""
        if not self._history:
            self._screen.notify(t("main.no_history"), timeout=2)
            return
        article, anchor = self._history.pop()
        self._screen.open_article(article, anchor=anchor)

    def open_source(self, source: Source) -> None:
        """Nothing leaves reader without the user's yes, after seeing the full address."""
        if not source.url:
            self._screen.notify(t("main.source_no_link"), timeout=2)
        elif is_internal(source.url):  # another article of the library: no need to ask
            self.follow(source.url)
        else:
            self.confirm_and_open(source.url)

    def confirm_and_open(self, url: str) -> None:
        from reader.ui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            app = self._screen.app
            if yes and app.is_web:  # served to a browser (`reader serve`): a new tab there
                app.open_url(url, new_tab=True)
            elif yes:
                self._screen.run_worker(
                    lambda: self._open_in_browser(url),
                    thread=True,
                    group="browser",
                    exit_on_error=False,
                )

        self._screen.app.push_screen(ConfirmScreen(t("main.confirm_open"), url), answered)

    def _open_in_browser(self, url: str) -> None:
        """Runs on a worker thread: the browser may start a program and wait for it."""
        import webbrowser

        if not webbrowser.open(url):
            text = t("main.no_browser", url=url)
            self._screen.app.call_from_thread(
                self._screen.notify, text, severity="warning", markup=False
            )
