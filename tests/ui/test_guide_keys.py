"""The bundled guide's key tables (English and French) say what the bindings do.

Each binding of the main screen (the app's, the screen's, the list's, the
reading pane's, the sidebar's, the feeds pane's, the search field's) is named
in exactly one row of each table whose "Where" includes the binding's place,
with all of its keys; and every key a row names is bound there. A key added,
moved or given another job without the guide following fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from textual.binding import Binding, BindingType

from reader.settings.resources import content_dir
from reader.ui.app import ReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feeds_pane import FeedsPane
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_box import SearchBox
from reader.ui.widgets.sources_sidebar import SourcesSidebar

PLACES: dict[str, Iterable[BindingType]] = {
    "anywhere": [*ReaderApp.BINDINGS, *MainScreen.BINDINGS],
    "list": ArticleList.BINDINGS,
    "reading pane": ReadingPane.BINDINGS,
    "sources": SourcesSidebar.BINDINGS,
    "feeds pane": FeedsPane.BINDINGS,
    "search field": SearchBox.BINDINGS,
}
WHERE = {
    "en": {"anywhere": {"anywhere"}, "list": {"list"}, "reading pane": {"reading pane"},
           "sources": {"sources"}, "list or reading pane": {"list", "reading pane", "anywhere"},
           "feeds pane": {"feeds pane"}, "search field": {"search field"}},
    "fr": {"partout": {"anywhere"}, "liste": {"list"}, "lecture": {"reading pane"},
           "sources": {"sources"}, "liste ou lecture": {"list", "reading pane", "anywhere"},
           "volet des flux": {"feeds pane"}, "champ de recherche": {"search field"}},
}  # fmt: skip
"""A row's "Where", and the places whose bindings it may name."""
NAMES = {
    "question_mark": "?", "slash": "/", "less_than_sign": "<", "greater_than_sign": ">",
    "full_stop": ".", "comma": ",", "plus": "+", "minus": "-", "right_square_bracket": "]",
    "left_square_bracket": "[", "up": "↑", "down": "↓", "home": "Home", "end": "End",
    "space": "Space", "pagedown": "PageDown", "pageup": "PageUp", "enter": "Enter",
    "escape": "Escape", "tab": "Tab", "shift+tab": "Shift+Tab", "backspace": "Backspace",
    "ctrl+p": "Ctrl+P", "ctrl+f": "Ctrl+F", "ctrl+s": "Ctrl+S", "delete": "Delete",
}  # fmt: skip
FRENCH = {
    "Début": "Home", "Fin": "End", "Entrée": "Enter", "Espace": "Space", "PageSuiv": "PageDown",
    "PagePréc": "PageUp", "Maj+Tab": "Shift+Tab", "Échap": "Escape", "Retour arrière": "Backspace",
}  # fmt: skip
BUILT_IN = {("sources", "Enter")}
"""A key Textual's own widget answers (the sidebar's option list)."""
NOT_IN_THE_GUIDE = {"alt+left"}
"""A second key for one the guide names (Backspace)."""
GUIDES = {"en": "guide/reading-with-reader.md", "fr": "guide/lire-avec-reader.md"}


def key_names(binding: Binding) -> set[str]:
    keys = {part.strip() for part in binding.key.split(",")} - NOT_IN_THE_GUIDE
    return {NAMES.get(name, name) for name in keys}


def table(language: str) -> list[tuple[int, set[str], set[str]]]:
    """(line, keys named, places) of each row of the guide's key table."""
    text = (content_dir() / GUIDES[language]).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1] in WHERE[language]:
            named = {FRENCH.get(name, name) for name in re.findall(r"`([^`]+)`", cells[0])}
            rows.append((number, named, WHERE[language][cells[1]]))
    return rows


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_binding_is_in_one_row_with_all_its_keys(language: str) -> None:
    rows = table(language)
    assert len(rows) > 20
    for place, bindings in PLACES.items():
        for binding in Binding.make_bindings(bindings):
            names = key_names(binding)
            if not names:  # a second key the guide leaves out
                continue
            rows_naming = [
                line for line, named, places in rows if place in places and names <= named
            ]
            assert len(rows_naming) == 1, (language, place, binding.id, names, rows_naming)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_key_a_row_names_is_bound_where_the_row_says(language: str) -> None:
    bound = {
        (place, name)
        for place, bindings in PLACES.items()
        for binding in Binding.make_bindings(bindings)
        for name in key_names(binding)
    } | BUILT_IN
    for line, named, places in table(language):
        for name in named:
            assert any((place, name) in bound for place in places), (language, line, name)


def test_the_guides_are_read_from_the_bundled_library() -> None:
    assert all((content_dir() / path).is_file() for path in GUIDES.values())
    assert Path(GUIDES["en"]).suffix == ".md"
