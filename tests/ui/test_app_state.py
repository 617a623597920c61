"""Reading state in the interface: it is shown, changed with keys, and survives restarts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import TextArea

from reader.state.schema import DB_NAME
from reader.state.store import Store
from reader.ui.screens.prompts import TextPrompt
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import LongArticleWriter, build_app, notices, settle, visible_text


def _paragraphs(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"Paragraph (\d+):", text)]


def data_dir() -> Path:
    return Path(os.environ["READER_DATA_DIR"])


async def test_bookmark_survives_restart(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "b")
        text = visible_text(app.screen.query_one(ArticleList))
        assert "●★ Beta report" in text
    again = build_app(library_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "●★ Beta report" in visible_text(again.screen.query_one(ArticleList))
        await pilot.press("b")  # the cursor is restored on Beta: b removes the bookmark
        assert "★" not in visible_text(again.screen.query_one(ArticleList))
    assert Store.open(data_dir()).bookmarks() == []


async def test_bookmark_from_the_reading_pane_targets_the_open_article(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b")
    [bookmark] = Store.open(data_dir()).bookmarks()
    assert bookmark.article_id == "first" and bookmark.title == "Alpha report"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_filter_that_hides_the_highlighted_row_puts_the_cursor_on_the_open_article(
    library_dir: Path, size: tuple[int, int]
) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "enter", "b")  # the third opened and bookmarked
        await settle(pilot)
        opened = app.screen.current  # type: ignore[attr-defined]
        await pilot.press("escape", "g", "b", "j")  # the first bookmarked, the second chosen
        await settle(pilot)
        first = article_list.articles[0]
        assert article_list.highlighted not in (first, opened)
        await pilot.press("3")  # bookmarks, newest first: the highlighted row is gone
        await settle(pilot)
        assert [a.id for a in article_list.articles] == [first.id, opened.id]
        assert article_list.highlighted == opened  # not the first row


async def test_position_is_restored_after_restart_and_a_width_change(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 200)
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("space", "space", "space", "j", "j")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        saved = pane.top_anchor()
        assert saved.line > 0
        progress = pane.progress
        assert 0 < progress < 1
        assert f"{round(progress * 100)}%" in pane.border_subtitle
        top_paragraph = _paragraphs(visible_text(pane))[0]
    again = build_app(tmp_path)
    async with again.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        pane = again.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "long"
        assert pane.top_anchor().line == saved.line
        # The text at the top is the same (the reading position), whatever the width.
        assert _paragraphs(visible_text(pane))[0] in (top_paragraph, top_paragraph + 1)


async def test_an_article_open_long_enough_becomes_read(library_dir: Path) -> None:
    app = build_app(library_dir)
    app.read_after = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "●  Alpha report" in visible_text(app.screen.query_one(ArticleList))
        await pilot.press("enter")
        await settle(pilot)
        assert "   Alpha report" in visible_text(app.screen.query_one(ArticleList))
        assert "3 unread" in visible_text(app.screen.query_one(ArticleList))
    assert Store.open(data_dir()).state("first").read


async def test_a_glance_does_not_mark_read_but_reaching_the_end_does(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 60)
    app = build_app(tmp_path)
    app.read_after = 3600
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not app.session.state("long").read
        await pilot.press("G")
        await settle(pilot)
        assert app.session.state("long").read
    assert Store.open(data_dir()).state("long").read


async def test_articles_read_elsewhere_do_not_count_against_this_library(
    library_dir: Path,
) -> None:
    """Reading state outlives files (and covers other folders): the unread count is of
    the articles listed."""
    store = Store.open(data_dir())
    store.set_read("first", True)
    store.set_read("a/file/since/deleted", True)
    store.close()
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "3 unread" in visible_text(app.screen.query_one(ArticleList))


async def test_m_toggles_read_by_hand(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert app.session.state("first").read
        assert "3 unread" in visible_text(app.screen.query_one(ArticleList))
        await pilot.press("j", "m", "k", "m")
    store = Store.open(data_dir())
    assert not store.state("first").read and store.state("world/second-en").read


async def test_note_dialog_writes_and_edits_a_note(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        # Enter starts a new line (q, b and the rest are text); Ctrl+S saves.
        await pilot.press(*"read again", "enter", *"quote the bit on ports", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt)
        shown = visible_text(app.screen.query_one(ArticleList))
        assert "✎ read again ⏎ quote the bit on" in shown  # one line in the list
        await pilot.press("B")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "read again\nquote the bit on ports"
        await pilot.press(*" (p. 3)", "escape")  # cancelled: the note stays as it was
        await pilot.pause()
        assert not isinstance(app.screen, TextPrompt)
    bookmark = Store.open(data_dir()).bookmark("first")
    assert bookmark is not None and bookmark.note == "read again\nquote the bit on ports"


async def test_list_filters_all_unread_and_bookmarks(library_dir: Path) -> None:
    store = Store.open(data_dir())
    store.set_read("first", True)
    store.add_bookmark("undated")
    store.add_bookmark("world/second-fr")
    store.close()
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("2")
        assert [a.id for a in article_list.articles] == [
            "world/second-en",
            "world/second-fr",
            "undated",
        ]
        assert "Unread (3)" in visible_text(article_list)
        await pilot.press("m")  # read now: still listed, no longer counted as unread
        await pilot.pause()
        assert len(article_list.articles) == 3
        assert "Unread (2)" in visible_text(article_list)
        assert "2 unread" in visible_text(article_list)
        await pilot.press("m")
        await pilot.pause()
        assert "Unread (3)" in visible_text(article_list)
        await pilot.press("3")
        assert [a.id for a in article_list.articles] == ["world/second-fr", "undated"]
        assert "Bookmarks (2)" in visible_text(article_list)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ReadingPane).article is not None
        await pilot.press("escape", "1")
        assert len(article_list.articles) == 4


async def test_session_reopens_the_last_article(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        await pilot.press("escape", "j")
    again = build_app(library_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = again.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "world/second-fr"
        highlighted = again.screen.query_one(ArticleList).highlighted
        assert highlighted is not None and highlighted.id == "world/second-fr"


async def test_refresh_shows_another_instances_bookmarks(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        other = Store.open(data_dir())
        other.add_bookmark("undated", title="Gamma notes")
        assert "★" not in visible_text(app.screen.query_one(ArticleList))
        await pilot.press("r")
        await settle(pilot)
        assert "●★ Gamma notes" in visible_text(app.screen.query_one(ArticleList))


async def test_a_corrupt_store_is_replaced_with_a_notice(library_dir: Path) -> None:
    data_dir().mkdir(parents=True)
    (data_dir() / DB_NAME).write_bytes(b"garbage" * 1000)
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("b")
    [notice] = [n for n in notices(seen) if "Reading state" in n]
    assert "moved to" in notice and ".corrupt-" in notice
    assert Store.open(data_dir()).bookmark("first") is not None


async def test_an_unwritable_data_dir_still_runs_with_a_notice(
    library_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("b", "enter")
        await settle(pilot)
        assert "●★ Alpha report" in visible_text(app.screen.query_one(ArticleList))
    assert any("will not be saved" in n for n in notices(seen))
