"""The interface in French: panes, footer, header, notices, dialogs and the palette."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandPalette
from textual.message import Message
from textual.widgets import Footer

from reader.settings.config import resolve_settings
from reader.ui.app import make_app
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import build_app, notices, open_article, settle, visible_text


def footer_text(app: object) -> str:
    """The footer as the user reads it: every key and its description."""
    screen = app.screen  # type: ignore[attr-defined]
    keys = screen.query_one(Footer).query("FooterKey")
    return "  ".join(visible_text(key).strip() for key in keys)


async def test_french_interface_names_panes_keys_and_placeholders(library_dir: Path) -> None:
    app = build_app(library_dir, language="fr")
    async with app.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        footer = footer_text(app)
        for words in ("Chercher", "Suivant", "Précédent", "Aide", "Signet", "Quitter", "Commandes"):
            assert words in footer
        assert "Search" not in footer and "Next article" not in footer
        article_list = app.screen.query_one(ArticleList)
        assert article_list.border_title == "Articles (4)"
        assert article_list.border_subtitle == "4 non lus"
        assert "sans date" in visible_text(article_list)
        pane = app.screen.query_one(ReadingPane)
        assert "Choisissez un article" in visible_text(pane)
        sources = app.screen.query_one(SourcesSidebar)
        assert "Ouvrez un article pour" in " ".join(visible_text(sources).replace("│", " ").split())


async def test_french_article_header_dates_progress_and_sources(library_dir: Path) -> None:
    app = build_app(library_dir, language="fr")
    async with app.run_test(size=(140, 36)) as pilot:
        pane = await open_article(pilot, "first")
        shown = visible_text(pane)
        assert "Par Ann Author · Fixture Times · 19 janvier 2026 · Rapport" in shown
        assert "1 min de lecture" in shown
        assert pane.border_subtitle == "100 % · fin"
        sidebar = visible_text(app.screen.query_one(SourcesSidebar))
        assert "Primaires (1)" in sidebar and "Citées (1)" in sidebar
        assert "2 janvier 2026" in sidebar  # a source's date as the interface writes dates
        await pilot.press("escape", "2")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).border_title.startswith("Non lus")


async def test_french_notices_help_and_filter_bar(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir, language="fr")
    async with app.run_test(size=(140, 36), message_hook=seen.append) as pilot:
        await open_article(pilot, "first")
        await pilot.press("b")
        await settle(pilot)
        assert any(n.endswith("En signet : Alpha report") for n in notices(seen))
        await pilot.press("escape", "l")
        await settle(pilot)
        box = visible_text(app.screen.query_one(ArticleList))
        assert "anglais" in box.splitlines()[0] and "x efface" in box.splitlines()[-1]
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        help_text = "\n".join(visible_text(group) for group in app.screen.query(".help-group"))
        assert "Partout" in help_text and "Liste des articles" in help_text
        assert "Article suivant" in help_text and "Palette de commandes" in help_text
        assert "Quitter" in help_text and "Ouvrir le premier résultat" in help_text
        assert "Quit" not in help_text.replace("Quitter", "")


async def test_french_command_palette(library_dir: Path) -> None:
    app = build_app(library_dir, language="fr")
    async with app.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Chercher une commande…"
        await pilot.press(*"Thème")
        await settle(pilot)
        assert "Changer de thème" in "\n".join(
            visible_text(w) for w in app.screen.query("CommandList")
        )


async def test_an_english_app_after_a_french_one_speaks_english(library_dir: Path) -> None:
    french = build_app(library_dir, language="fr")
    async with french.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        assert "Quitter" in footer_text(french)
    english = build_app(library_dir, language="en")
    async with english.run_test(size=(140, 36)) as pilot:
        await settle(pilot)
        footer = footer_text(english)
        assert "Quit" in footer and "Quitter" not in footer


async def test_a_remapped_key_keeps_its_french_description(library_dir: Path) -> None:
    settings = resolve_settings(content_dirs=[library_dir], include_bundled=False)
    app = make_app(replace(settings, language="fr", keys={"app.bookmark": "f"}))
    async with app.run_test(size=(140, 36)) as pilot:
        await open_article(pilot, "first")
        assert "f Signet" in footer_text(app)
        await pilot.press("f")
        await settle(pilot)
        assert app.session.state("first").bookmarked


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_footer_fits_in_120_columns(library_dir: Path, language: str) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_article(pilot, "first")
        keys = list(app.screen.query_one(Footer).query("FooterKey"))
        [palette] = [k for k in keys if k.has_class("-command-palette")]
        others = [k for k in keys if k is not palette]
        assert len(others) >= 6
        assert max(k.region.right for k in others) <= palette.region.x
