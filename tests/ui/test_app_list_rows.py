"""The article list: whole rows at the top whatever scrolls it, and a cursor bar without holes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import SIZES, build_app, settle, visible_text


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


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_a_long_title_goes_on_to_the_second_line_before_the_facts(
    tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    title = "Europe weighs a security alliance of its own, with Ukraine and without the US"
    (tmp_path / "long.md").write_text(
        f"---\ntitle: {title}\npublished: 2026-01-19\nlanguage: en\n---\nText.\n", encoding="utf-8"
    )
    app = build_app(tmp_path, language=language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        first, second = [
            row.strip("│").strip().lstrip("●").strip()
            for row in visible_text(article_list).splitlines()[1:3]
        ]
        if size[0] <= 80:  # no room for the title's end beside the facts: cut, as before
            assert first.endswith("…") and second.startswith("2026-01-19 · EN")
            return
        assert not first.endswith("…") and title.startswith(first)  # cut between words
        assert second.startswith(title[len(first) + 1 :][:10])  # the title goes on
        assert "· 2026-01-19 · EN" in second  # and the date and language still show
        if size[0] >= 200:  # room for all of it
            assert f"{first} {second}".startswith(f"{title} · 2026-01-19")


async def test_a_long_title_leaves_the_second_line_to_the_user_s_note(tmp_path: Path) -> None:
    title = "Europe weighs a security alliance of its own, with Ukraine and without the US"
    (tmp_path / "long.md").write_text(
        f"---\ntitle: {title}\npublished: 2026-01-19\n---\nText.\n", encoding="utf-8"
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("B", *"my own words", "ctrl+s")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        first, second = visible_text(article_list).splitlines()[1:3]
        assert "✎ my own words · 2026-01-19" in second  # the note, not the title's end
        assert first.rstrip(" │").endswith("…")
