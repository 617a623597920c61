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
from tests.ui.helpers import build_app, notices, settle

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
