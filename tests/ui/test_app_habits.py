"""Feed-reader habits: mark all read with undo, next unread, sort orders (remembered)."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from reader.state.store import Store
from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import build_app, notices, open_article, settle, visible_text


def listed(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.id for article in app.screen.query_one(ArticleList).articles]


def data_dir(home: Path) -> Path:
    return home / "data"


async def test_mark_all_listed_read_then_undo(library_dir: Path, isolated_user_dirs: Path) -> None:
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("l")  # English only: two articles
        await settle(pilot)
        english = listed(app)
        assert len(english) == 2
        await pilot.press("M")
        await settle(pilot)
        assert any("2 marked read · u undoes" in text for text in notices(messages))
        states = app.session.states
        assert all(states[article_id].read for article_id in english)
        assert "2 unread" in visible_text(app.screen.query_one(ArticleList))  # the others
        await pilot.press("u")
        await settle(pilot)
        states = app.session.states
        assert not any(states[article_id].read for article_id in english if article_id in states)
        await pilot.press("u")
        await pilot.pause()
        assert any("Nothing to undo" in text for text in notices(messages))
        await pilot.press("M")
        await settle(pilot)
    stored = Store.open(data_dir(isolated_user_dirs)).states()
    assert all(stored[article_id].read for article_id in english)  # saved, not only shown


async def test_next_unread_skips_what_was_read(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "first")
        order = listed(app)
        await pilot.press("m")  # the open one read; so is the next, as another window did
        app.session.carry(order[1], "", read=True, bookmark=False)
        await pilot.press("N")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == order[2]
        app.tracker.mark_all_read(app.screen.query_one(ArticleList).articles)
        await pilot.press("N")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == order[2]  # nothing left: stays


async def test_sort_orders_cycle_and_are_remembered(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        newest = listed(app)
        await pilot.press("S")  # oldest first
        await settle(pilot)
        assert listed(app) == newest[::-1]
        assert "oldest first" in visible_text(app.screen.query_one(ArticleList))
        await pilot.press("S")  # by title
        await settle(pilot)
        titles = [a.title.casefold() for a in app.screen.query_one(ArticleList).articles]
        assert titles == sorted(titles)
    again = build_app(library_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [a.title.casefold() for a in again.screen.query_one(ArticleList).articles]
        assert titles == sorted(titles)
        assert "by title" in visible_text(again.screen.query_one(ArticleList))


async def test_marked_unread_stays_unread_while_it_stays_open(library_dir: Path) -> None:
    app = build_app(library_dir)
    app.read_after = 0  # read as soon as it opens
    async with app.run_test(size=(80, 14)) as pilot:
        pane = await open_article(pilot, "first")
        await settle(pilot)
        assert app.session.state("first").read
        assert pane.max_scroll_y > 0  # the article scrolls: its end can be reached
        await pilot.press("m")  # unread again, on purpose
        await settle(pilot)
        await pilot.press("end")  # reading on to the end does not read it again
        await settle(pilot)
        assert pane.scroll_y == pane.max_scroll_y
        assert not app.session.state("first").read
        await pilot.press("n", "p")  # away and back: now it is read as any article is
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "first"
        assert app.session.state("first").read


async def test_next_unread_goes_on_past_the_filter(library_dir: Path) -> None:
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("l")  # English only
        await settle(pilot)
        english = listed(app)
        app.tracker.mark_all_read(app.screen.query_one(ArticleList).articles)
        await pilot.press("N")  # none left in English: on to the rest of the library
        await settle(pilot)
        pane = app.screen.query_one("#reading")
        assert pane.article is not None and pane.article.id not in english
        assert set(english) < set(listed(app))  # the filter went: the article is listed
        assert any("No unread article left here: on to" in text for text in notices(messages))
