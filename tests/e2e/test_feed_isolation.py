"""Every feed on its own, in a home of its own: what one feed does touches no other.

Feeds served from 127.0.0.1: one whose JSON is of the wrong types, one whose
reading raises, one that renames itself on every fetch, two with one title;
`feeds.json` is written whatever happens, and keeps what another command
changed meanwhile. Items filed by title (the layout before homes) move home
with their read marks and bookmarks.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.state.store import Store
from reader.web import feed_fetch
from reader.web.feed_list import FeedList

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>
<item><title>Coalition meets in Paris</title><link>https://watch.example/paris</link>
<guid>watch-1</guid><description>The leaders met.</description></item>
<item><title>Drones for Kyiv</title><link>https://watch.example/drones</link>
<guid>watch-2</guid><description>A second item.</description></item>
</channel></rss>"""
BAD_TYPES = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": ["not", "text"],
        "authors": 5,
        "items": [
            {"id": 7, "url": "https://json.example/1", "title": {"x": 1}, "authors": 5,
             "content_html": ["a"], "content_text": "Text of an item whose fields are odd.",
             "date_published": 20260101},
            {"id": "j2", "url": None, "title": "A JSON item", "author": "someone",
             "content_html": "<p>Fine.</p>"},
            "not an item",
        ],
    }
)  # fmt: skip


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def feeds_file(home: Path) -> list[dict[str, object]]:
    return json.loads((home / "data" / "feeds.json").read_text("utf-8"))


def items(home: Path) -> list[Path]:
    return sorted((home / "data" / "library" / "feeds").rglob("*.md"))


def serve_rss(server: HTTPServer, path: str, title: str) -> str:
    """A feed of two items, linking to pages of its own (one page is one article, so feeds
    that link to the same pages share their articles)."""
    body = RSS.format(title=title).replace(
        "https://watch.example/", f"https://watch.example{path}/"
    )
    server.expect_request(path).respond_with_data(
        body, content_type="application/rss+xml", headers={"ETag": f'"{path}"'}
    )
    return server.url_for(path)


def test_a_json_feed_of_the_wrong_types_keeps_what_it_can(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/odd").respond_with_data(
        BAD_TYPES, content_type="application/feed+json"
    )
    good = serve_rss(httpserver, "/good", "Alliance Watch")
    assert run("feeds", "add", httpserver.url_for("/odd"))[0] == 0
    assert run("feeds", "add", good)[0] == 0
    code, out = run("fetch")
    assert code == 0, out
    assert "2 new" in out.splitlines()[0] and "2 new" in out.splitlines()[1]
    texts = "\n".join(path.read_text("utf-8") for path in items(isolated_user_dirs))
    assert "Text of an item whose fields are odd." in texts and "<p>" not in texts
    assert all(feed["fetched"] and not feed["error"] for feed in feeds_file(isolated_user_dirs))


def test_a_feed_whose_reading_fails_is_that_feed_s_error_and_the_others_are_kept(
    httpserver: HTTPServer, isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = serve_rss(httpserver, "/first", "First")
    broken = serve_rss(httpserver, "/broken", "Broken")
    last = serve_rss(httpserver, "/last", "Last")
    for url in (first, broken, last):
        assert run("feeds", "add", url)[0] == 0
    store_items = feed_fetch.store_items

    def failing(data: bytes, content_type: str, address: str, *rest: object) -> object:
        if address == broken:
            raise RuntimeError("a bug the feed's content found")
        return store_items(data, content_type, address, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(feed_fetch, "store_items", failing)
    code, out = run("fetch")
    assert code == 1
    # Named by the title the check found when it was followed.
    assert "Broken: failed: reader could not read this feed (RuntimeError: a bug" in out
    assert out.count(": 2 new") == 2 and "4 new articles from 3 feeds, 1 failed" in out
    by_url = {feed["url"]: feed for feed in feeds_file(isolated_user_dirs)}
    assert by_url[first]["etag"] == '"/first"' and by_url[last]["fetched"]
    assert "RuntimeError" in str(by_url[broken]["error"]) and not by_url[broken]["fetched"]
    assert len(items(isolated_user_dirs)) == 4


def test_a_feed_followed_while_a_fetch_runs_is_kept_by_it(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    from reader.web.feed_run import fetch_followed

    data = isolated_user_dirs / "data"
    first = serve_rss(httpserver, "/first", "First")
    added_meanwhile = httpserver.url_for("/later")
    assert run("feeds", "add", first)[0] == 0
    feeds = FeedList.load(data).feeds

    def progress(*_: object) -> None:  # another command follows a feed mid-fetch
        assert run("feeds", "add", added_meanwhile)[0] == 0

    fetch_followed(data, data / "library", feeds, lambda renamed: None, progress=progress)
    by_url = {feed["url"]: feed for feed in feeds_file(isolated_user_dirs)}
    assert set(by_url) == {first, added_meanwhile}
    assert by_url[first]["etag"] == '"/first"' and by_url[first]["title"] == "First"


def test_a_feed_that_renames_itself_on_every_fetch_files_each_item_once(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    fetches = []

    def renamed(request: Request) -> Response:
        fetches.append(request.path)
        return Response(RSS.format(title=f"Title {len(fetches)}"), content_type="text/xml")

    httpserver.expect_request("/shifty").respond_with_handler(renamed)
    assert run("feeds", "add", httpserver.url_for("/shifty"))[0] == 0  # checked: fetch 1
    for _ in range(3):
        assert run("fetch")[0] == 0
    assert len(fetches) == 4
    found = items(isolated_user_dirs)
    assert len(found) == 2 and len({path.parent for path in found}) == 1


def test_two_feeds_of_one_title_each_keep_their_own_items(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    one = serve_rss(httpserver, "/one", "The Coastal Courier")
    two = serve_rss(httpserver, "/two", "The Coastal Courier")
    for url in (one, two):
        assert run("feeds", "add", url)[0] == 0
    code, out = run("fetch")
    assert code == 0 and out.count(": 2 new") == 2
    homes = {path.parent for path in items(isolated_user_dirs)}
    assert len(items(isolated_user_dirs)) == 4 and len(homes) == 2


def test_items_filed_by_title_move_home_with_their_read_marks_and_bookmarks(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    data = isolated_user_dirs / "data"
    url = serve_rss(httpserver, "/watch", "Alliance Watch")
    assert run("feeds", "add", url)[0] == 0
    assert run("fetch")[0] == 0
    [paris, drones] = items(isolated_user_dirs)  # as a fetch files them now
    feeds_root = data / "library" / "feeds"
    # The layout before homes: the same items under the feed's titles, the first
    # item filed twice (the feed renamed itself once).
    old, renamed = feeds_root / "alliance-watch", feeds_root / "alliance-watch-daily"
    for folder in (old, renamed):
        folder.mkdir()
    (old / drones.name).write_text(drones.read_text("utf-8"), encoding="utf-8")
    (old / paris.name).write_text(paris.read_text("utf-8"), encoding="utf-8")
    (renamed / paris.name).write_text(paris.read_text("utf-8"), encoding="utf-8")
    for path in (paris, drones):
        path.unlink()
    paris.parent.rmdir()
    store = Store.open(data)
    store.set_read(f"feeds/alliance-watch-daily/{paris.stem}", True)
    store.add_bookmark(f"feeds/alliance-watch/{drones.stem}", note="read this again")
    store.set_session("open_article", f"feeds/alliance-watch/{drones.stem}")
    store.close()

    code, out = run("fetch")
    assert code == 0 and "0 new" in out
    assert items(isolated_user_dirs) == [paris, drones]
    assert not old.exists() and not renamed.exists()
    code, listed = run("list", "--json", "--no-bundled")
    records = {record["id"]: record for record in json.loads(listed)}
    home = paris.parent.name
    assert set(records) == {f"feeds/{home}/{paris.stem}", f"feeds/{home}/{drones.stem}"}
    assert records[f"feeds/{home}/{paris.stem}"]["read"] is True
    assert records[f"feeds/{home}/{drones.stem}"]["note"] == "read this again"
    store = Store.open(data)
    assert store.session("open_article") == f"feeds/{home}/{drones.stem}"
    store.close()
