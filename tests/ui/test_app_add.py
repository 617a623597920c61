"""`a` in the interface: a web page added in the background, reading going on meanwhile."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.message import Message

from reader.ui.widgets.article_list import ArticleList
from tests.ui.helpers import build_app, notices, settle

PAGE = """<html lang="en"><head><title>A page from the web</title></head><body>
<nav>Home About Contact</nav><article><h1>A page from the web</h1>
<p>The main text of the page, long enough to be kept by the extractor as the article.</p>
<p>It cites <a href="https://cited.example/doc">a document</a> in its second paragraph.</p>
</article><footer>Footer text</footer></body></html>"""


async def test_a_asks_for_an_address_and_the_page_joins_the_library(
    httpserver: HTTPServer, library_dir: Path, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/page")
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        before = len(app.screen.query_one(ArticleList).articles)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*url, "enter")
        await settle(pilot)
        await settle(pilot)
        said = notices(messages)
        assert any("Added: A page from the web" in text for text in said), said
        titles = [a.title for a in app.main_screen.query_one(ArticleList).articles]
        assert "A page from the web" in titles and len(titles) == before + 1
        [saved] = (isolated_user_dirs / "data" / "library").glob("*.md")
        assert "It cites [a document](https://cited.example/doc)" in saved.read_text("utf-8")


async def test_a_page_that_cannot_be_fetched_is_a_notice(
    httpserver: HTTPServer, library_dir: Path
) -> None:
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*httpserver.url_for("/missing"), "enter")
        await settle(pilot)
        said = notices(messages)
        assert any("Could not add the page" in text and "404" in text for text in said), said
