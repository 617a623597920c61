"""Feeds in the interface: fetched at launch when due, or with `f`, while the list answers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.message import Message

from reader.settings.config import resolve_settings
from reader.ui.app import make_app
from reader.ui.widgets.article_list import ArticleList
from reader.web import feed_fetch
from tests.ui.helpers import build_app, notices, settle, visible_text

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Fresh from the feed</title><id>urn:atom:fresh</id>
<updated>2026-02-03T08:00:00Z</updated><link href="https://atom.example/1"/>
<summary>The Atom summary text.</summary></entry></feed>"""


def follow(data: Path, url: str, fetched: str | None = None) -> None:
    data.mkdir(parents=True, exist_ok=True)
    feeds = [{"url": url, "name": "Desk", "fetched": fetched}]
    (data / "feeds.json").write_text(json.dumps(feeds), encoding="utf-8")


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.title for article in app.main_screen.query_one(ArticleList).articles]


async def settle_until_listed(pilot, title: str) -> None:  # type: ignore[no-untyped-def]
    """Let the fetch, then the reading of the library it starts, finish (a bounded wait)."""
    for _ in range(10):
        await settle(pilot)
        if title in titles(pilot.app):
            return


async def test_feeds_due_are_fetched_at_launch_and_their_items_listed(
    httpserver: HTTPServer,
    library_dir: Path,
    isolated_user_dirs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Parsing in worker processes, as with many feeds: they must start from inside
    # the interface too, where stderr is Textual's capture.
    monkeypatch.setattr(feed_fetch, "PROCESSES_FROM", 1)
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    follow(isolated_user_dirs / "data", httpserver.url_for("/atom"))  # never fetched: due
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle_until_listed(pilot, "Fresh from the feed")
        assert "Fresh from the feed" in titles(app)
        assert any("Feeds: 1 new articles" in text for text in notices(messages))


async def test_a_feed_fetched_recently_waits_until_f_is_pressed(
    httpserver: HTTPServer, library_dir: Path, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    recently = dt.datetime.now(dt.UTC).isoformat()
    follow(isolated_user_dirs / "data", httpserver.url_for("/atom"), fetched=recently)
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Fresh from the feed" not in titles(app)
        assert len(httpserver.log) == 0  # not due: nothing was asked of the server
        await pilot.press("f")
        await settle_until_listed(pilot, "Fresh from the feed")
        assert "Fresh from the feed" in titles(app)


async def test_fetch_every_0_never_fetches_at_launch(
    httpserver: HTTPServer, library_dir: Path, isolated_user_dirs: Path, write_config
) -> None:  # type: ignore[no-untyped-def]
    config = write_config("fetch_every: 0\n")
    httpserver.expect_request("/atom").respond_with_data(ATOM, content_type="application/atom+xml")
    follow(isolated_user_dirs / "data", httpserver.url_for("/atom"))  # never fetched, yet not due
    settings = resolve_settings(
        content_dirs=[library_dir], include_bundled=False, config_file=config
    )
    assert settings.fetch_every == 0 and not settings.config_problems
    app = make_app(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(httpserver.log) == 0 and "Fresh from the feed" not in titles(app)


async def test_each_feed_is_fetched_when_its_own_interval_has_passed(
    httpserver: HTTPServer, library_dir: Path, isolated_user_dirs: Path
) -> None:
    for name in ("often", "daily"):
        httpserver.expect_request(f"/{name}").respond_with_data(
            ATOM.replace("Fresh from the feed", f"From {name}").replace("fresh", name),
            content_type="application/atom+xml",
        )
    ten_minutes_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)).isoformat()
    data = isolated_user_dirs / "data"
    data.mkdir(parents=True)
    feeds = [  # both fetched ten minutes ago: one wants it every 5, the other every day
        {"url": httpserver.url_for("/often"), "fetched": ten_minutes_ago, "fetch_every": 5},
        {"url": httpserver.url_for("/daily"), "fetched": ten_minutes_ago, "fetch_every": 1440},
    ]
    (data / "feeds.json").write_text(json.dumps(feeds), encoding="utf-8")
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_until_listed(pilot, "From often")
        assert "From often" in titles(app) and "From daily" not in titles(app)
        assert [request.path for request, _response in httpserver.log] == ["/often"]


async def test_w_brings_a_summary_only_item_s_whole_page_into_the_same_article(
    httpserver: HTTPServer, library_dir: Path, isolated_user_dirs: Path
) -> None:
    page = httpserver.url_for("/story")
    httpserver.expect_request("/atom").respond_with_data(
        ATOM.replace("https://atom.example/1", page), content_type="application/atom+xml"
    )
    httpserver.expect_request("/story").respond_with_data(
        "<html><head><title>Fresh from the feed</title></head><body><article>"
        "<h1>Fresh from the feed</h1><p>The whole story, told at length on the page, with the"
        " details the summary left out.</p><p>A second paragraph only the page has.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    follow(isolated_user_dirs / "data", httpserver.url_for("/atom"))
    messages: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle_until_listed(pilot, "Fresh from the feed")
        article_list = app.main_screen.query_one(ArticleList)
        item = next(a for a in article_list.articles if a.title == "Fresh from the feed")
        article_list.move_to(item.id)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b")  # the reader's own mark, which must stay with the article
        await pilot.press("w")
        await settle_until_listed(pilot, "Fresh from the feed")
        await settle(pilot)
        pane = app.main_screen.query_one("#reading")
        assert "A second paragraph only the page has." in visible_text(pane)  # shown now
        saved = item.path.read_text(encoding="utf-8")
        assert "The Atom summary text." not in saved and "whole_page:" in saved
        assert pane.article is not None and pane.article.id == item.id  # the same article
        assert app.session.state(item.id).bookmarked
        assert any("The whole page is in: Fresh from the feed" in n for n in notices(messages))
        assert len([a for a in article_list.articles if a.title == "Fresh from the feed"]) == 1
