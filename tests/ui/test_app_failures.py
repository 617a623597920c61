"""When something fails underneath, the interface says so and keeps what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

from reader.index.catalogue import Catalogue
from reader.state.store import Store
from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import build_app, notices, settle


async def test_a_failing_background_job_is_reported_and_the_app_goes_on(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_sync(self: Catalogue, *args: object, **kwargs: object) -> object:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(Catalogue, "sync", broken_sync)
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        # (settle() waits on the workers, and waiting on a failed one raises)
        for _ in range(50):
            await pilot.pause()
            if any("Something went wrong" in n for n in notices(seen)):
                break
        assert app.is_running
        await pilot.press("j")  # keys are still answered
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)
    [notice] = [n for n in notices(seen) if "Something went wrong" in n]
    assert "'library'" in notice and "RuntimeError: the disk went away" in notice


async def test_a_full_disk_is_reported_and_the_change_saved_once_there_is_room(
    library_dir: Path, full_disk: dict[str, bool], isolated_user_dirs: Path
) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("b")  # the first article
        app.keeper.writer.flush()
        await settle(pilot)
        assert any("not saved" in n.lower() and "disk is full" in n for n in notices(seen))
        full_disk["on"] = False
        await pilot.press("j", "b")
        app.keeper.writer.flush()
        await settle(pilot)
        assert any("saved now" in n for n in notices(seen))
        assert app.screen.query_one(ArticleList).highlighted is not None
    bookmarks = {b.article_id for b in Store.open(isolated_user_dirs / "data").bookmarks()}
    assert bookmarks == {"first", "world/second-en"}
    assert app.unsaved == 0


async def test_a_state_file_emptied_while_reading_is_said_and_nothing_is_lost(
    library_dir: Path, isolated_user_dirs: Path
) -> None:
    import os

    from reader.state.schema import DB_NAME

    data = isolated_user_dirs / "data"
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("b")  # bookmark the first article
        app.keeper.sync()
        app.store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        os.truncate(data / DB_NAME, 0)  # another program empties the file
        await pilot.press("r")  # refresh: read the state back
        await settle(pilot)
        assert any("emptied or deleted" in n for n in notices(seen))
        article_list = app.screen.query_one(ArticleList)
        assert article_list.highlighted is not None
        assert app.session.state("first").bookmarked  # the window still knows
        await pilot.press("j", "b")  # and goes on saving
        app.keeper.sync()
    bookmarks = {b.article_id for b in Store.open(data).bookmarks()}
    assert bookmarks == {"first", "world/second-en"}


async def test_a_catalogue_closed_under_the_update_is_not_a_failure(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app closes the catalogue on its way out, maybe while the update still runs."""
    real_sync = Catalogue.sync

    def closed_on_the_way(self: Catalogue, *args: object, **kwargs: object) -> object:
        self.close()
        return real_sync(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Catalogue, "sync", closed_on_the_way)
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        for _ in range(30):
            await pilot.pause()
        assert app.is_running
        assert not [n for n in notices(seen) if "Something went wrong" in n]
