"""The reading pane with long and hostile articles."""

from __future__ import annotations

from pathlib import Path

from textual import events

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import LongArticleWriter, build_app, open_article, settle, visible_text


async def test_a_megabyte_article_opens_and_reaches_its_end(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    path = write_long_article(tmp_path, 2000)
    assert path.stat().st_size > 1_000_000
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot)
        assert "First paragraph here." in visible_text(pane)
        assert len(pane.sections) > 100
        await pilot.press("G")
        await settle(pilot)
        assert "The very last paragraph." in visible_text(pane)
        await pilot.press("g")
        await pilot.pause()
        assert "First paragraph here." in visible_text(pane)


async def test_paging_shows_the_next_part_of_the_text(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 60)
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot)
        before = visible_text(pane)
        await pilot.press("space")
        await pilot.pause()
        after = visible_text(pane)
        assert pane.scroll_y > 0 and before != after
        assert "First paragraph here." not in after
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.scroll_y == 2


async def test_wheel_scrolls_the_reading_pane(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 60)
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot)
        # Pilot has no public wheel method; this is the one its clicks use.
        await pilot._post_mouse_events([events.MouseScrollDown], ReadingPane, offset=(10, 10))
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot._post_mouse_events([events.MouseScrollUp], ReadingPane, offset=(10, 10))
        await pilot.pause()
        assert pane.scroll_y == 0


async def test_escape_sequences_in_content_never_reach_the_screen(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        '---\ntitle: "Evil \\e]0;owned\\a title"\noutlet: "\\e[2J"\n---\n'
        "Body \x1b[31mred\x1b[0m and &#27;[5m entity.\n",
        encoding="utf-8",
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for widget in (app.screen.query_one(ArticleList), app.screen.query_one(ReadingPane)):
            text = visible_text(widget)
            assert "\x1b" not in text and "\x07" not in text
        assert "␛]0;owned␇" in visible_text(app.screen.query_one(ArticleList))
