"""Importing a reading list from the command palette, while the interface goes on answering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.message import Message

from reader.ui.widgets.article_list import ArticleList
from reader.web import list_import
from tests.ui.helpers import build_app, notices, settle

PAGE = """<html lang="en"><head><title>{title}</title></head><body>
<nav>Home About Contact</nav><article><h1>{title}</h1>
<p>The main text of {title}, long enough to be kept by the extractor as the article.</p>
<p>It cites <a href="https://cited.example/doc">a document</a> in its second paragraph.</p>
</article><footer>Footer text</footer></body></html>"""


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.title for article in app.main_screen.query_one(ArticleList).articles]


async def test_the_palette_imports_a_list_and_its_pages_join_the_library(
    httpserver: HTTPServer, library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Extraction in worker processes, as for any long list: they must start from
    # inside the interface too (where stderr is Textual's capture).
    monkeypatch.setattr(list_import, "PROCESSES_FROM", 2)
    for name in ("one", "two"):
        httpserver.expect_request(f"/{name}").respond_with_data(
            PAGE.format(title=f"Imported {name}"), content_type="text/html"
        )
    export = tmp_path / "wallabag.json"
    export.write_text(
        json.dumps(
            [
                {
                    "url": httpserver.url_for("/one"),
                    "title": "Imported one",
                    "is_archived": 1,
                    "is_starred": 0,
                    "tags": ["défense"],
                    "content": "",
                },
                {
                    "url": httpserver.url_for("/two"),
                    "title": "Imported two",
                    "is_archived": 0,
                    "is_starred": 1,
                    "tags": [],
                    "content": "",
                },
            ]
        ),
        encoding="utf-8",
    )
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Import a reading list")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*str(export), "enter")
        for _ in range(20):  # the import, then the reading of the library it starts
            await settle(pilot)
            if any("Added" in text for text in notices(messages)):
                break
        await settle(pilot)
        assert "Import a reading list: Added 2, already there 0, failed 0." in notices(messages)
        assert {"Imported one", "Imported two"} <= set(titles(app))
        states = app.session.states
        by_title = {article.title: article.id for article in app.library.articles}
        assert states[by_title["Imported one"]].read  # archived in Wallabag
        assert states[by_title["Imported two"]].bookmarked  # starred in Wallabag
    # What the import said of reading state was saved, not only shown.
    reopened = build_app(library_dir)
    async with reopened.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        states = reopened.session.states
        assert states[by_title["Imported one"]].read
        assert states[by_title["Imported two"]].bookmarked


async def test_a_file_that_is_no_reading_list_is_named_in_a_notice(
    library_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "shopping.txt"
    export.write_text("eggs\nmilk\n", encoding="utf-8")
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        app.lists.start(str(export))
        for _ in range(5):
            await settle(pilot)
        assert any(
            f"{export}: not a reading list reader knows" in text for text in notices(messages)
        )
