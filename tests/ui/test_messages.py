"""The messages the panes post are their contract with the screen and the app.

Widgets never reach into their siblings: they post a message and the screen
or the app acts on it. These tests record every message (`message_hook`) and
check that the right one, with the right content, is posted for what the user
did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.message import Message

from reader.ui.panes.list_column import ListColumn
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import LongArticleWriter, build_app, open_article, settle

M = TypeVar("M", bound=Message)


def of_type(seen: list[Message], kind: type[M]) -> list[M]:
    """The messages of a kind, once each (the hook sees a bubbling message at every node)."""
    found: dict[int, M] = {}
    for message in seen:
        if isinstance(message, kind):
            found.setdefault(id(message), message)
    return list(found.values())


async def test_enter_posts_selected_then_the_screen_says_opened(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
    [selected] = of_type(seen, ArticleList.Selected)
    assert selected.article.id == "world/second-en"
    [opened] = of_type(seen, MainScreen.ArticleOpened)
    assert opened.article == selected.article
    assert seen.index(selected) < seen.index(opened)
    moves = of_type(seen, ArticleList.Highlighted)
    assert moves and moves[-1].article.id == "world/second-en"


async def test_scrolling_posts_positions_that_name_the_article(
    tmp_path: Path, write_long_article: LongArticleWriter
) -> None:
    write_long_article(tmp_path, 200)
    seen: list[Message] = []
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_article(pilot)
        seen.clear()
        await pilot.press("space", "space")
        await settle(pilot)
    positions = of_type(seen, ReadingPane.PositionChanged)
    assert positions, "paging down must report where the view is"
    last = positions[-1]
    assert last.article.id == "long"
    assert last.anchor.line > 0 and 0 < last.progress < 1
    assert last.can_replace(positions[0])  # a flood of them coalesces


async def test_searching_tells_the_screen_what_to_highlight(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"securite")
        await settle(pilot)
        changes = of_type(seen, ListColumn.HighlightChanged)
        assert changes and changes[-1].pattern is not None
        assert changes[-1].pattern.search("la sécurité")
        await pilot.press("escape")
        await settle(pilot)
    assert of_type(seen, ListColumn.HighlightChanged)[-1].pattern is None


async def test_following_a_link_posts_its_target(library_dir: Path) -> None:
    (library_dir / "links.md").write_text(
        "---\ntitle: Links\npublished: 2026-02-01\n---\n\nSee [beta](reader:world/second-en).\n",
        encoding="utf-8",
    )
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_article(pilot, "links")
        await pilot.press(".", "enter")
        await settle(pilot)
    [followed] = of_type(seen, ReadingPane.LinkFollowed)
    assert followed.target == "reader:world/second-en"


async def test_width_keys_post_the_width_to_remember(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(160, 40), message_hook=seen.append) as pilot:
        await open_article(pilot)
        await pilot.press("plus", "plus", "minus")
        await pilot.pause()
    assert [m.width for m in of_type(seen, ReadingPane.ColumnWidthChanged)] == [84, 88, 84]


async def test_enter_on_a_source_asks_to_open_that_source(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_article(pilot, "first")
        await pilot.press("tab", "enter")
        await pilot.pause()
    [request] = of_type(seen, SourcesSidebar.OpenRequested)
    assert request.source.url == "https://example.org/primary"
