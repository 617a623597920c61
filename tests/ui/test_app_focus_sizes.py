"""At every size and in both languages: the focus is always on a pane the user can see,
and the footer always offers a way out: Help and Quit, or, in the search field (where
they are letters to type), leaving the search."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.search_box import SearchBox
from tests.ui.helpers import SIZES, build_app, on_screen, open_article, settle

KEYS = ["s", "escape", "tab", "s", "tab", "tab", "escape", "s", "escape", "slash", "escape"]
"""Showing and hiding the sources, moving between panes, searching and leaving it."""
ALWAYS = {"en": ("Help", "Quit"), "fr": ("Aide", "Quitter")}
IN_SEARCH = {"en": ("Leave the search",), "fr": ("Quitter la recherche",)}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_focus_stays_on_what_is_shown_and_help_stays_offered(
    library_dir: Path, size: tuple[int, int], language: str
) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=size) as pilot:
        await open_article(pilot, "first")
        for done, key in enumerate(KEYS, start=1):
            await pilot.press(key)
            await settle(pilot)
            focused = app.focused
            assert focused is not None and on_screen(focused), (size, done, focused)
            footer = " ".join(
                str(getattr(key_widget, "description", ""))
                for key_widget in app.screen.query("FooterKey")
                if on_screen(key_widget)
            )
            searching = isinstance(focused, SearchBox)
            for word in (IN_SEARCH if searching else ALWAYS)[language]:
                assert word in footer, (size, done, focused, footer)
        assert isinstance(app.focused, ArticleList)  # Escape always ends in the list
