"""The reading pane with long and hostile articles."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events

from reader.markdown import rendering
from reader.markdown.layout import LONG_SECTION
from reader.markdown.rendering import Line
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


async def test_a_passage_too_long_for_one_frame_is_laid_out_while_keys_are_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A list nested 2,000 deep is one block of about 90 KB: rendering it took
    # about a second, which on the UI thread froze every key. 800 deep is enough
    # to be a long passage (one block over LONG_SECTION).
    deep = "\n".join("  " * level + f"- level {level}" for level in range(800))
    body = f"# Before\n\nBefore the list.\n\n## Deep\n\n{deep}\n\n## After\n\nAfter the list.\n"
    (tmp_path / "deep.md").write_text(f"---\ntitle: Deep\n---\n{body}", encoding="utf-8")
    gate = threading.Event()
    on_ui_thread: list[bool] = []
    real = rendering.markdown_lines

    def held_back(text: str, *args: Any, **kwargs: Any) -> list[Line]:
        if len(text) > LONG_SECTION:
            on_ui_thread.append(threading.current_thread() is threading.main_thread())
            gate.wait(10)  # released below, once the test has looked at the screen
        return real(text, *args, **kwargs)

    monkeypatch.setattr(rendering, "markdown_lines", held_back)
    app = build_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        for worker in [w for w in app.workers if w.group == "open"]:
            await worker.wait()  # the article is read; its long passage is still held
        pane = app.screen.query_one(ReadingPane)
        await pilot.pause()
        screen = visible_text(pane)
        assert "Before the list." in screen
        assert "Laying out a long passage…" in screen
        assert on_ui_thread and not any(on_ui_thread)
        await pilot.press("j", "j")  # keys are answered while the list is laid out
        await pilot.pause()
        assert pane.scroll_y == 2
        gate.set()
        await settle(pilot)
        screen = visible_text(pane)
        assert "level 1" in screen and "Laying out" not in screen
        await pilot.press("G")
        await settle(pilot)
        assert "After the list." in visible_text(pane)
        await pilot.press("g", "slash", *"level")  # highlighting lays it out once more
        await settle(pilot)
        screen = visible_text(pane)
        assert "level 1" in screen and "Laying out" not in screen
        assert len(on_ui_thread) >= 2 and not any(on_ui_thread)


async def test_the_reading_pane_says_what_is_being_read_mid_article(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    path = write_long_article(tmp_path, 60)
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Very long", "title: '[b]Very[/b] long'"),
        encoding="utf-8",
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        pane = await open_article(pilot, "long")
        pane.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        top_line = visible_text(pane).splitlines()[0]
        assert "[b]Very[/b] long" in top_line  # in the border, as written: never markup
