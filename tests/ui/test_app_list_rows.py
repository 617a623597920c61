"""The article list: whole rows at the top whatever scrolls it, and a cursor bar without holes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import SIZES, build_app, settle


def many(folder: Path, count: int) -> Path:
    for number in range(count):
        day = 1 + number % 28
        text = f"---\ntitle: Article {number:02}\npublished: 2026-01-{day:02}\n---\nText.\n"
        (folder / f"a{number:02}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("size", SIZES)
async def test_the_list_never_stops_on_half_an_article(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = build_app(many(tmp_path, 40))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        article_list.focus()
        moves = [("j",) * 9, ("G",), ("k",) * 7, ("pagedown",), ("g",)]
        for keys in moves:
            await pilot.press(*keys)
            await pilot.pause()
            assert article_list.scroll_y % 2 == 0, (size, keys, article_list.scroll_y)
        for _ in range(5):  # the wheel: one line at a time
            article_list.scroll_down(animate=False)
            await pilot.pause()
            assert article_list.scroll_y % 2 == 0 and article_list.scroll_y > 0
        article_list.scroll_end(animate=False)
        await pilot.pause()
        assert article_list.scroll_y % 2 == 0
        first_line = article_list.render_line(0).text
        assert "Article" in first_line  # a title at the top, not a date line


async def test_the_cursor_bar_has_no_holes(tmp_path: Path) -> None:
    app = build_app(many(tmp_path, 3))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        cursor = article_list.get_component_rich_style("article-list--cursor").bgcolor
        for y in (0, 1):  # the title line (with the unread marker) and the date line
            segments = [seg for seg in article_list.render_line(y) if seg.text]
            assert all(seg.style is not None and seg.style.bgcolor == cursor for seg in segments), [
                (seg.text, seg.style) for seg in segments
            ]
