"""Articles added, changed or deleted on disk appear in the list without pressing r."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import build_app, settle


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.title for article in app.screen.query_one(ArticleList).articles]


async def until(pilot, done: Callable[[], bool]) -> bool:  # type: ignore[no-untyped-def]
    """Wait for the watcher's report and the reload it starts (at most 10 s)."""
    for _ in range(100):
        await pilot.pause(0.1)
        await settle(pilot)
        if done():
            return True
    return False


async def test_the_list_follows_the_folder(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("---\ntitle: One\n---\nText.\n", encoding="utf-8")
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(app) == ["One"]
        (tmp_path / "two.md").write_text("---\ntitle: Two\n---\nText.\n", encoding="utf-8")
        assert await until(pilot, lambda: "Two" in titles(app)), titles(app)
        (tmp_path / "one.md").write_text("---\ntitle: One, edited\n---\nText.\n")
        assert await until(pilot, lambda: "One, edited" in titles(app)), titles(app)
        (tmp_path / "two.md").unlink()
        assert await until(pilot, lambda: "Two" not in titles(app)), titles(app)
        (tmp_path / "notes.txt").write_text("not an article")  # no reload needed, none shown
        assert titles(app) == ["One, edited"]
