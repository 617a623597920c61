"""The reading pane's progress label: honest while text remains, the same at any width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.helpers import LongArticleWriter, build_app, open_article, settle


def label(pane) -> str:  # type: ignore[no-untyped-def]
    return str(pane.border_subtitle)


async def test_time_left_stays_the_same_when_the_window_changes_width(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 120)  # about 12 minutes of reading
    app = build_app(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        pane = await open_article(pilot, "long")
        await pilot.press("tab")  # to the reading pane (the list had the focus)
        pane.go_to_line(pane.sections[len(pane.sections) // 2].line)
        await settle(pilot)
        wide = label(pane)
        assert re.fullmatch(r"\d+% · \d+ min left", wide), wide
        await pilot.resize_terminal(100, 40)
        await settle(pilot)
        assert label(pane) == wide


async def test_the_label_says_end_only_at_the_end(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 12)  # a little over a minute
    app = build_app(tmp_path)
    async with app.run_test(size=(60, 12)) as pilot:
        pane = await open_article(pilot, "long")
        pane.scroll_to(y=pane.max_scroll_y - 1, animate=False, immediate=True)
        await settle(pilot)
        # One line of text still below: not the end (it used to say "78% · end").
        assert re.fullmatch(r"\d+% · under a minute left", label(pane)), label(pane)
        pane.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        assert label(pane) == "100% · end"


async def test_the_first_frame_lists_the_top_of_the_library_from_the_catalogue(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start with a catalogue from an earlier run lists articles before the worker runs."""
    from reader.index.catalogue import Catalogue
    from reader.ui.widgets.article_list import ArticleList

    app = build_app(library_dir)
    earlier = Catalogue.open(app.settings.cache_dir)
    cached = earlier.sync(app.folders).library
    earlier.close()
    monkeypatch.setattr("reader.ui.app.update_library", lambda *args: None)  # no worker
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = app.main_screen.query_one(ArticleList).articles
        assert [a.id for a in listed] == [a.id for a in cached.articles]
        assert f"Articles ({len(cached)})" in str(
            app.main_screen.query_one(ArticleList).border_title
        )


def test_progress_is_posted_a_few_times_a_second_and_always_at_the_end() -> None:
    """500 chunks of work at 100,000 articles: the status line needs far fewer repaints."""
    from reader.ui.library_update import _every
    from reader.ui.messages import LibraryProgress

    class Target:
        def __init__(self) -> None:
            self.posted: list[LibraryProgress] = []

        def post_message(self, message: LibraryProgress) -> bool:
            self.posted.append(message)
            return True

    target = Target()
    report = _every(60.0, LibraryProgress, target)  # type: ignore[arg-type]
    for done in range(1, 501):
        report(done * 200, 100_000)
    assert [(m.done, m.total) for m in target.posted] == [(200, 100_000), (100_000, 100_000)]
