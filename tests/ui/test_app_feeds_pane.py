"""The feeds pane (`F`): folders and feeds with their unread counts, choosing one filters
the list, and the feeds managed from it: reload one, mark it read, add, rename, remove."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Button

from reader.cli import main
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.feeds_pane import FeedsPane
from tests.ui.helpers import build_app, notices, settle, visible_text


def rss(title: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{name}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Tue, 03 Feb 2026 08:00:00 GMT</pubDate>"
        f"<description>About {name}.</description></item>"
        for name, link in items
    )
    channel = f"<channel><title>{title}</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def serve_feeds(server: HTTPServer) -> None:
    """Three feeds in two folders, as a newsboat user's OPML files them."""
    site = server.url_for("/")
    feeds = {
        "/courier.xml": ("The Coastal Courier", ["Harbour vote", "Ferry times", "Storm"]),
        "/gazette.xml": ("Valley Gazette", ["Mill reopens"]),
        "/tech.xml": ("Kernel Weekly", ["New scheduler", "Rust drivers"]),
    }
    for path, (title, names) in feeds.items():
        items = [(name, f"{site}{path[1:-4]}/{n}") for n, name in enumerate(names)]
        server.expect_request(path).respond_with_data(
            rss(title, items), content_type="application/rss+xml"
        )


def opml(server: HTTPServer, folder: Path) -> Path:
    path = folder / "subscriptions.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="News"><outline text="Local">'
        f'<outline text="Courier" xmlUrl="{server.url_for("/courier.xml")}"/>'
        f'<outline text="Gazette" xmlUrl="{server.url_for("/gazette.xml")}"/>'
        "</outline></outline>"
        f'<outline text="Kernel" xmlUrl="{server.url_for("/tech.xml")}" category="tech"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    return path


def reader(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0, out.getvalue()
    return out.getvalue()


@pytest.fixture
def subscribed(httpserver: HTTPServer, tmp_path: Path, isolated_user_dirs: Path) -> Path:
    """An OPML file with folders imported and fetched once, as from the shell; no notes."""
    serve_feeds(httpserver)
    reader("feeds", "import", str(opml(httpserver, tmp_path)))
    reader("fetch")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "Plans.md").write_text("# Plans\n\nA note.\n", encoding="utf-8")
    return notes


def pane_of(app: ReaderApp) -> FeedsPane:
    return app.main_screen.query_one(FeedsPane)


def listed(app: ReaderApp) -> list[str]:
    return [article.title for article in app.main_screen.query_one(ArticleList).articles]


async def show_pane(pilot: Pilot[None]) -> FeedsPane:
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    await settle(pilot)
    return pane_of(pilot.app)  # type: ignore[arg-type]


async def choose(pilot: Pilot[None], label: str) -> None:
    pane = pane_of(pilot.app)  # type: ignore[arg-type]
    pane.focus()
    await pilot.pause()
    index = next(n for n, row in enumerate(pane.rows) if row.origin.label == label)
    pane.highlighted = index
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_pane_shows_folders_feeds_and_unread_counts_and_filters_the_list(
    subscribed: Path, size: tuple[int, int]
) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=size) as pilot:
        pane = await show_pane(pilot)
        assert pane.has_focus
        lines = [line.strip("│ ") for line in visible_text(pane).splitlines()]
        shown = "\n".join(lines)
        for name in ("All feeds", "News", "Local", "Courier", "Gazette", "Kernel", "#tech"):
            assert name in shown, (name, shown)
        courier = next(line for line in lines if "Courier" in line)
        assert courier.split()[-1] == "3"  # three unread, right-aligned
        assert next(line for line in lines if "All feeds" in line).split()[-1] == "6"
        local = next(line for line in lines if line.split()[0] == "Local")
        assert local.split()[-1] == "4"  # a folder counts its feeds
        assert lines.index(local) < lines.index(courier)  # filed below its folder
        await choose(pilot, "Courier")
        assert sorted(listed(app)) == ["Ferry times", "Harbour vote", "Storm"]
        article_list = app.main_screen.query_one(ArticleList)
        assert article_list.has_focus  # on to the articles
        assert str(article_list.border_title) == "3 of 3 · Courier"  # the feed's count
        assert "3 unread" in str(article_list.border_subtitle)  # the feed's, not everyone's
        await choose(pilot, "Local")
        assert sorted(listed(app)) == ["Ferry times", "Harbour vote", "Mill reopens", "Storm"]
        await choose(pilot, "Notes and folders")
        assert listed(app) == ["Plans"]
        await pilot.press("x")  # clears the place with the other filters
        await settle(pilot)
        assert len(listed(app)) == 7


async def test_mark_a_feed_read_from_the_pane_and_undo(subscribed: Path) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        pane.highlighted = next(n for n, r in enumerate(pane.rows) if r.origin.label == "Courier")
        await pilot.press("M")
        await settle(pilot)
        row = pane.highlighted_row
        assert row is not None and row.origin.label == "Courier" and row.unread == 0
        all_feeds = next(r for r in pane.rows if r.origin.kind == "feeds")
        assert all_feeds.unread == 3
        read = [a.title for a in app.library.articles if app.session.states.get(a.id)]
        assert sorted(read) == ["Ferry times", "Harbour vote", "Storm"]
        await pilot.press("u")
        await settle(pilot)
        assert next(r for r in pane.rows if r.origin.label == "Courier").unread == 3


async def test_reload_fetches_only_the_feed_under_the_cursor(
    subscribed: Path, httpserver: HTTPServer
) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        httpserver.clear_log()
        pane.highlighted = next(n for n, r in enumerate(pane.rows) if r.origin.label == "Kernel")
        await pilot.press("r")
        await settle(pilot)
        assert [request.path for request, _response in httpserver.log] == ["/tech.xml"]


async def test_add_rename_and_remove_a_feed_from_the_pane(
    subscribed: Path, httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    feed = rss("Harbour Radio", [("Tide tables", httpserver.url_for("/radio/1"))])
    radio = httpserver.expect_request("/radio.xml")
    radio.respond_with_data(feed, content_type="application/rss+xml")
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/radio.xml">'
        "</head><body>Radio</body></html>"
    )
    httpserver.expect_request("/radio").respond_with_data(page, content_type="text/html")
    feeds_file = isolated_user_dirs / "data" / "feeds.json"
    messages: list[Message] = []
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await show_pane(pilot)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press(*httpserver.url_for("/radio"), "enter")
        for _ in range(4):
            await settle(pilot)
        followed = json.loads(feeds_file.read_text(encoding="utf-8"))
        assert any(f["url"] == httpserver.url_for("/radio.xml") for f in followed)
        assert "Tide tables" in listed(app)  # fetched at once
        pane = pane_of(app)
        assert any(row.origin.label == "Harbour Radio" for row in pane.rows)
        assert any("Following Harbour Radio" in text for text in notices(messages))

        pane.highlighted = next(n for n, r in enumerate(pane.rows) if r.origin.label == "Kernel")
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Kernel news", "enter")
        await settle(pilot)
        await settle(pilot)
        names = {f["url"]: f["name"] for f in json.loads(feeds_file.read_text(encoding="utf-8"))}
        assert names[httpserver.url_for("/tech.xml")] == "Kernel news"
        assert any(row.origin.label == "Kernel news" for row in pane.rows)

        pane.highlighted = next(n for n, r in enumerate(pane.rows) if r.origin.label == "Gazette")
        await pilot.press("d")
        await pilot.pause()
        assert "Stop following (y)" in str(app.screen.query_one("#yes", Button).label)
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        urls = [f["url"] for f in json.loads(feeds_file.read_text(encoding="utf-8"))]
        assert httpserver.url_for("/gazette.xml") not in urls and len(urls) == 3
        assert not any(row.origin.label == "Gazette" for row in pane.rows)
        assert "Mill reopens" in listed(app)  # its articles stay


async def test_a_search_saved_as_a_feed_lists_what_it_finds(subscribed: Path) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        await pilot.press("slash", *"ferry", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Boats", "enter")
        await settle(pilot)
        assert any(r.origin.kind == "search" and r.origin.label == "Boats" for r in pane.rows)
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed(app)) == 7
        pane.focus()
        await choose(pilot, "Boats")
        for _ in range(3):
            await settle(pilot)
        assert listed(app) == ["Ferry times"]
        await pilot.press("escape")  # the search cleared: the saved search is no longer chosen
        await settle(pilot)
        assert pane.chosen is None and len(listed(app)) == 7
    again = build_app(subscribed)  # kept across a restart
    async with again.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        saved = [r.origin for r in pane.rows if r.origin.kind == "search"]
        assert [(origin.label, origin.query) for origin in saved] == [("Boats", "ferry")]


async def test_next_unread_feed_moves_to_a_feed_with_unread_items(subscribed: Path) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        await pilot.press("N")
        await settle(pilot)
        row = pane.highlighted_row
        assert row is not None and row.origin.kind == "feed" and row.unread
        assert sorted(listed(app)) == sorted(
            a.title for a in row.origin.select(app.library.articles)
        )


async def test_a_feed_that_failed_says_why_its_list_is_empty(
    subscribed: Path, httpserver: HTTPServer
) -> None:
    # Unchecked (the server answers nothing there): fetched at launch, and failing.
    reader("feeds", "add", httpserver.url_for("/gone.xml"), "--name", "Gone")
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        gone = next(row for row in pane.rows if row.origin.label == "Gone")
        assert gone.error and "! Gone" in visible_text(pane)
        await choose(pilot, "Gone")
        drawn = visible_text(app.main_screen.query_one(ArticleList)).replace("│", " ")
        shown = " ".join(drawn.split())
        assert "Nothing from Gone yet: its last fetch failed (the server answered 500" in shown


async def test_an_opml_file_is_imported_from_the_pane_folders_and_all(
    httpserver: HTTPServer, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    """A newsboat user's first minute, without leaving the interface: import, fetch, see."""
    serve_feeds(httpserver)
    subscriptions = opml(httpserver, tmp_path)
    notes = tmp_path / "notes"
    notes.mkdir()
    messages: list[Message] = []
    app = build_app(notes)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        pane = await show_pane(pilot)
        assert not any(row.origin.kind == "feed" for row in pane.rows)
        await pilot.press("I")
        await pilot.pause()
        await pilot.press(*str(subscriptions), "enter")
        for _ in range(4):
            await settle(pilot)
        assert any("3 feeds added (3 in the file)" in text for text in notices(messages))
        labels = [row.origin.label for row in pane.rows]
        for label in ("News", "Local", "Courier", "Gazette", "Kernel", "#tech"):
            assert label in labels
        assert next(r for r in pane.rows if r.origin.label == "Courier").unread == 3  # fetched


async def test_a_click_on_a_feed_lists_its_articles(subscribed: Path) -> None:
    app = build_app(subscribed)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await show_pane(pilot)
        row = next(n for n, r in enumerate(pane.rows) if r.origin.label == "Gazette")
        await pilot.click(FeedsPane, offset=(4, row + 1))  # below the pane's top border
        await settle(pilot)
        assert listed(app) == ["Mill reopens"]
        assert pane.chosen is not None and pane.chosen.startswith("feed:")
