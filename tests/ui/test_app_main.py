"""The three-pane interface, driven with the keyboard and the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer

from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import build_app, on_screen, open_article, settle, visible_text


async def test_three_panes_and_a_footer_with_the_list_filled(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        article_list = screen.query_one(ArticleList)
        assert screen.query_one(ReadingPane).display
        assert screen.query_one(SourcesSidebar).display
        assert screen.query_one(Footer)
        assert article_list.has_focus
        text = visible_text(article_list)
        assert "Alpha report" in text and "2026-01-19 · EN · 1 min · Fixtu" in text
        assert text.index("Alpha report") < text.index("Beta report") < text.index("Gamma notes")
        assert "Articles (4)" in text and "4 unread" in text
        assert "●" in text


async def test_keys_move_the_cursor_and_enter_opens(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "down")
        assert article_list.highlighted is not None
        assert article_list.highlighted.id == "world/second-fr"
        await pilot.press("k")
        assert article_list.highlighted.id == "world/second-en"
        await pilot.press("G")
        assert article_list.highlighted.id == "undated"
        await pilot.press("g", "enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.has_focus
        assert pane.article is not None and pane.article.id == "first"
        shown = visible_text(pane)
        assert "Alpha report" in shown
        flat = " ".join(shown.replace("│", " ").split())
        assert "By Ann Author · Fixture Times · 19 January 2026 · Report · English" in flat
        assert "The first paragraph of the alpha report" in shown
        body = "\n".join(shown.splitlines()[1:])  # below the border, which names the article
        assert body.count("Alpha report") == 1  # the repeated '# Alpha report' is not shown twice


async def test_sources_are_grouped_by_kind(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        assert "Open an article" in " ".join(visible_text(sidebar).replace("│", " ").split())
        await pilot.press("enter")
        await settle(pilot)
        text = visible_text(sidebar)
        assert "Sources" in text
        assert text.index("Primary (1)") < text.index("Primary House")
        assert text.index("Secondary (1)") < text.index("Secondary Press")
        assert text.index("Quoted (1)") < text.index("Quoted Daily")
        prompts = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert "https://example.org/\nprimary" in prompts[1]  # broken after the slash
        await pilot.press("n")
        await settle(pilot)
        assert "No sources listed." in visible_text(sidebar)


async def test_s_toggles_the_sidebar(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        await pilot.press("s")
        assert not sidebar.display
        await pilot.press("s")
        assert sidebar.display


async def test_next_previous_escape_and_tab(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "world/second-en"
        assert article_list.highlighted is not None
        assert article_list.highlighted.id == "world/second-en"
        await pilot.press("p")
        await settle(pilot)
        assert pane.article.id == "first"
        await pilot.press("escape")
        assert article_list.has_focus
        await pilot.press("tab")
        assert pane.has_focus
        await pilot.press("tab")
        assert app.screen.query_one(SourcesSidebar).has_focus
        await pilot.press("shift+tab", "shift+tab")
        assert article_list.has_focus


async def test_translation_link_in_the_header_opens_the_other_language(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "world/second-en")
        lines = visible_text(pane).splitlines()
        [row] = [n for n, line in enumerate(lines) if "Also in French: Rapport bêta" in line]
        column = lines[row].index("French")
        await pilot.click(ReadingPane, offset=(column, row))
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "world/second-fr"


async def test_clicking_a_row_opens_it(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Rows are two lines tall, below the top border: row 2 ("Beta report") starts at y=3.
        await pilot.click(ArticleList, offset=(5, 3))
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "world/second-en"
        # Its second line (the date) is the same row: it opened the next one.
        await pilot.click(ArticleList, offset=(5, 2))
        await settle(pilot)
        assert pane.article is not None and pane.article.id != "world/second-en"
        first = pane.article.id
        await pilot.click(ArticleList, offset=(5, 4))
        await settle(pilot)
        assert pane.article.id == "world/second-en" and first != "world/second-en"


async def test_help_lists_keys_from_the_bindings(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(visible_text(w) for w in app.screen.query(".help-group"))
        for binding in (*ReadingPane.BINDINGS, *ArticleList.BINDINGS):
            assert binding.description in text  # type: ignore[union-attr]
        assert "Next article" in text and "Show/hide sources" in text and "Quit" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_narrow_terminal_hides_sidebar_then_collapses_list(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not on_screen(screen.query_one(SourcesSidebar))
        assert on_screen(screen.query_one(ArticleList))
        assert on_screen(screen.query_one(ReadingPane))
        await pilot.press("s")
        await pilot.pause()
        assert on_screen(screen.query_one(SourcesSidebar))
    app = build_app(library_dir)
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert on_screen(screen.query_one(ArticleList))
        assert not on_screen(screen.query_one(ReadingPane))
        await pilot.press("enter")
        await settle(pilot)
        assert not on_screen(screen.query_one(ArticleList))
        assert on_screen(screen.query_one(ReadingPane))
        assert "Alpha report" in visible_text(screen.query_one(ReadingPane))
        await pilot.press("escape")
        await pilot.pause()
        assert on_screen(screen.query_one(ArticleList))


async def test_runs_at_tiny_and_huge_sizes(library_dir: Path) -> None:
    for size in ((40, 12), (250, 70)):
        app = build_app(library_dir)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("space", "G", "g", "escape", "s", "question_mark")
            await settle(pilot)
            await pilot.press("escape", "q")
        assert app.return_code == 0


async def test_bundled_library_opens(tmp_path: Path) -> None:
    app = build_app(bundled=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert len(article_list.articles) == 6
        assert article_list.move_to("alliance/coalition-opinion-en")
        await pilot.press("enter")
        await settle(pilot)
        shown = visible_text(app.screen.query_one(ReadingPane))
        assert "Not NATO" in shown and "Opinion" in shown
        sidebar = app.screen.query_one(SourcesSidebar)
        prompts = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert prompts[0] == "Primary (2)" and prompts[1].startswith("Militarnyi")
        assert any(p.startswith("Politico") for p in prompts)


@pytest.mark.parametrize(
    ("language", "guide"),
    [("en", "guide/reading-with-reader"), ("fr", "guide/lire-avec-reader")],
)
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_first_article_at_a_first_launch_is_in_the_interface_s_language(
    language: str, guide: str, size: tuple[int, int]
) -> None:
    app = build_app(bundled=True, language=language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        highlighted = app.screen.query_one(ArticleList).highlighted
        assert highlighted is not None and highlighted.id == guide
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current.id == guide  # type: ignore[attr-defined]


def test_addresses_break_where_a_reader_expects() -> None:
    from reader.ui.widgets.sources_sidebar import wrap_address

    assert (
        wrap_address("https://www.sqlite.org/fts5.html", 26) == "https://www.sqlite.org/\nfts5.html"
    )
    assert wrap_address("https://textual.textualize.io/", 26) == "https://textual.textualize\n.io/"
    long = "https://example.org/" + "x" * 60
    assert all(len(line) <= 26 for line in wrap_address(long, 26).splitlines())
    assert wrap_address(long, 26).replace("\n", "") == long  # nothing lost, nothing added


async def test_sidebar_headings_are_not_drawn_like_links(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        headings = [
            sidebar.get_option_at_index(n).prompt
            for n in range(sidebar.option_count)
            if sidebar.get_option_at_index(n).disabled
        ]
        assert headings
        assert all("underline" not in str(heading.style) for heading in headings)


async def test_an_address_among_the_sources_is_not_listed_again_as_a_link(tmp_path: Path) -> None:
    (tmp_path / "cited.md").write_text(
        "---\ntitle: Cited\nsources:\n  - publisher: SQLite\n    title: FTS5\n"
        "    url: https://www.sqlite.org/fts5.html\n---\n"
        "Built on [FTS5](https://www.sqlite.org/fts5.html) and [Textual](https://textual.example/).\n",
        encoding="utf-8",
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        prompts = [str(sidebar.get_option_at_index(n).prompt) for n in range(sidebar.option_count)]
        joined = "\n".join(prompts).replace("\n", "")
        assert joined.count("https://www.sqlite.org/fts5.html") == 1
        assert "Links (1)" in prompts and "https://textual.example/" in joined


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_typing_in_the_help_finds_a_key(library_dir: Path, size: tuple[int, int]) -> None:
    app = build_app(library_dir, language="fr")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        opened = app.screen.query_one("#help-body").region
        await pilot.press(*"signet")  # q, ? and the rest are text here, not commands
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = [w for w in app.screen.query(".help-group") if w.display]
        text = "\n".join(visible_text(w) for w in shown)
        assert "Signet" in text and "Article suivant" not in text
        assert app.screen.query_one("#help-body").region == opened  # the box keeps its size
        await pilot.press(*"zzz")
        await settle(pilot)
        assert not any(w.display for w in app.screen.query(".help-group"))
        assert app.screen.query_one("#help-body").region == opened
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
