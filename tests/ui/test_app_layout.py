"""How the panes share the width at 40x12, 80x24, 120x40 and 200x60, and what is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import SIZES, build_app, on_screen, open_article, settle, visible_text


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_text_keeps_40_columns_whatever_is_shown(
    library_dir: Path, size: tuple[int, int], language: str
) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=size) as pilot:
        pane = await open_article(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        for _ in range(2):  # the sidebar as it starts, then toggled with s
            await pilot.pause()
            if size[0] < 64:  # one pane at a time: the article, or its sources
                assert on_screen(pane) != on_screen(sidebar), size
            else:
                assert on_screen(pane), size
            if on_screen(pane):
                assert pane.region.width >= min(42, size[0]), (size, pane.region.width)
            await pilot.press("s")
            await settle(pilot)


async def test_at_80_columns_the_sidebar_makes_the_list_give_way(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_article(pilot)
        screen = app.screen
        assert on_screen(screen.query_one(ArticleList))
        await pilot.press("s")
        await settle(pilot)
        assert on_screen(screen.query_one(SourcesSidebar))
        assert not on_screen(screen.query_one(ArticleList))
        assert pane.region.width >= 42  # it was squeezed to 10 columns
        await pilot.press("s")
        await settle(pilot)
        assert on_screen(screen.query_one(ArticleList))


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_escape_where_the_list_gave_way_brings_the_list_back_with_the_focus(
    library_dir: Path, language: str
) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        screen = app.screen
        await pilot.press("s")
        await settle(pilot)
        article_list = screen.query_one(ArticleList)
        assert not on_screen(article_list)
        await pilot.press("escape")
        await settle(pilot)
        assert article_list.has_focus and on_screen(article_list)
        assert not on_screen(screen.query_one(SourcesSidebar))
        await pilot.press("j")
        highlighted = article_list.highlighted
        await pilot.press("enter")  # what is highlighted, and seen, is what opens
        await settle(pilot)
        assert highlighted is not None and screen.current == highlighted  # type: ignore[attr-defined]


async def test_the_sidebar_grows_with_the_terminal_and_keeps_its_width(tmp_path: Path) -> None:
    url = "https://textual.textualize.io/guide/reactivity/#smart-refresh"
    (tmp_path / "cited.md").write_text(
        f"---\ntitle: Cited\npublished: 2026-01-02\nsources:\n  - publisher: Docs\n"
        f"    url: {url}\n---\nText.\n",
        encoding="utf-8",
    )
    (tmp_path / "plain.md").write_text(
        "---\ntitle: Plain\npublished: 2026-01-01\n---\nNo sources here.\n", encoding="utf-8"
    )
    widths = {}
    for size in [(120, 40), (200, 60)]:
        app = build_app(tmp_path)
        async with app.run_test(size=size) as pilot:
            await open_article(pilot, "cited")
            sidebar = app.screen.query_one(SourcesSidebar)
            cited_width = sidebar.region.width
            text = visible_text(sidebar)
            await open_article(pilot, "plain")
            assert sidebar.region.width == cited_width  # steady from one article to the next
            widths[size[0]] = (cited_width, text)
    assert widths[120][0] == 30 and widths[200][0] >= 38
    assert "https://textual.textualize.io/" not in widths[120][1]  # broken at 30 columns
    assert "https://textual.textualize.io/" in widths[200][1]  # whole on a wider line


async def test_the_sidebar_is_widened_with_its_keys_and_remembered(
    library_dir: Path,
) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await open_article(pilot, "first")
        sidebar = app.screen.query_one(SourcesSidebar)
        article_list = app.screen.query_one(ArticleList)
        start, list_width = sidebar.region.width, article_list.region.width
        sidebar.focus()
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert sidebar.region.width == start + 8  # the focused pane grows, not the list
        assert article_list.region.width == list_width
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert sidebar.region.width == start + 4
        article_list.focus()
        await pilot.press("greater_than_sign")  # the list's keys again once it has the focus
        await settle(pilot)
        assert article_list.region.width == list_width + 4
        assert sidebar.region.width == start + 4
    again = build_app(library_dir)
    async with again.run_test(size=(160, 40)) as pilot:
        await open_article(pilot, "first")
        assert again.screen.query_one(SourcesSidebar).region.width == start + 4


async def test_the_list_grows_with_the_terminal(library_dir: Path) -> None:
    widths = []
    for size in SIZES[1:]:
        app = build_app(library_dir)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            widths.append(app.screen.query_one(ArticleList).region.width)
    assert widths[0] < widths[1] < widths[2], widths
    assert widths[2] >= 60  # at 200 columns titles are no longer cut at 30 characters


async def test_list_width_and_sidebar_are_adjustable_and_remembered(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        before = article_list.region.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        wider = article_list.region.width
        assert wider == before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert article_list.region.width == wider - 4
        await pilot.press("s")  # hide the sidebar
        await settle(pilot)
        assert not on_screen(app.screen.query_one(SourcesSidebar))
    again = build_app(library_dir)
    async with again.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert again.screen.query_one(ArticleList).region.width == wider - 4
        assert not on_screen(again.screen.query_one(SourcesSidebar))
        assert on_screen(again.screen.query_one(ReadingPane))


async def test_the_list_border_can_be_dragged_and_the_width_is_remembered(
    library_dir: Path,
) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        border = article_list.region.right - 1
        start = article_list.region.width
        await pilot.mouse_down(offset=(border, 10))
        await pilot.hover(offset=(border + 10, 10))
        await pilot.mouse_up(offset=(border + 10, 10))
        await settle(pilot)
        assert article_list.region.width == start + 10
        dragged = article_list.region.width
    again = build_app(library_dir)
    async with again.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert again.screen.query_one(ArticleList).region.width == dragged


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_empty_list_says_its_whole_message(
    library_dir: Path, size: tuple[int, int], language: str
) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzqx")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.articles == ()
        shown = " ".join(visible_text(article_list).replace("│", " ").split())
        whole = {"en": "Nothing matches. Esc clears the search.", "fr": "Aucun résultat."}
        assert whole[language] in shown  # wrapped, never cut


async def test_addresses_stay_whole_words_beside_a_scrollbar(tmp_path: Path) -> None:
    sources = "".join(
        f"  - publisher: Source {n}\n    url: https://textual.textualize.io/\n" for n in range(8)
    )
    (tmp_path / "many.md").write_text(
        f"---\ntitle: Many\nsources:\n{sources}---\nText.\n", encoding="utf-8"
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot)
        await pilot.press("s")
        await settle(pilot)
        sidebar = app.screen.query_one(SourcesSidebar)
        assert sidebar.max_scroll_y > 0  # long enough for a scrollbar
        text = visible_text(sidebar)
        assert "textualize.io/" in text and "textualiz│" not in text.replace(" ", "")
