"""Feeds: followed, fetched from a server on 127.0.0.1, their items kept as articles."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from tests.support import ConfigWriter

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Alliance Watch</title><link>https://watch.example/</link>
<item><title>Coalition meets in Paris</title><link>https://watch.example/paris</link>
<guid>watch-1</guid><pubDate>Mon, 19 Jan 2026 10:00:00 GMT</pubDate><author>Ann Author</author>
<content:encoded><![CDATA[<p>The full text of the item, citing
<a href="https://cited.example/a">a report</a>.</p>]]></content:encoded>
<description>Only a summary.</description></item>
<item><title>Second \x1b[2J item</title><link>https://watch.example/second</link>
<description>A summary with an escape \x1b]52;c;aGk=\x07 inside.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>An Atom entry</title><id>urn:atom:1</id><updated>2026-02-03T08:00:00Z</updated>
<link href="https://atom.example/1"/><summary>The Atom summary text.</summary></entry>
</feed>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Desk",
        "items": [
            {
                "id": "j1",
                "url": "https://json.example/1",
                "title": "A JSON item",
                "content_html": "<p>JSON content with <em>emphasis</em>.</p>",
                "date_published": "2026-03-04T10:00:00Z",
            }
        ],
    }
)

BROKEN = """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>
<item><title>Readable item</title><link>https://broken.example/1</link>
<description>Still here.</description></item>
<item><title>Unclosed"""

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>newsboat - Exported feeds</title></head><body>
<outline type="rss" xmlUrl="{rss}" htmlUrl="https://watch.example/" title="Alliance Watch"/>
<outline title="Folder"><outline type="rss" xmlUrl="{atom}" title="Atom Desk"/></outline>
</body></opml>"""


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def serve_feeds(server: HTTPServer) -> dict[str, str]:
    served = {"rss": RSS, "atom": ATOM, "broken": BROKEN}
    for name, body in served.items():
        server.expect_request(f"/{name}").respond_with_data(body, content_type="application/xml")
    server.expect_request("/json").respond_with_data(
        JSON_FEED, content_type="application/feed+json"
    )
    server.expect_request("/gone").respond_with_data("no", status=500)
    return {name: server.url_for(f"/{name}") for name in [*served, "json", "gone"]}


def articles(data: Path) -> dict[str, str]:
    return {p.stem: p.read_text("utf-8") for p in (data / "library" / "feeds").rglob("*.md")}


def test_rss_atom_and_json_feed_items_become_articles_once(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    urls = serve_feeds(httpserver)
    for name in ("rss", "atom", "json"):
        assert run("feeds", "add", urls[name])[0] == 0
    code, out = run("fetch")
    assert code == 0 and "4 new articles from 3 feeds, 0 failed" in out
    saved = articles(isolated_user_dirs / "data")
    assert len(saved) == 4 and not any("\x1b" in text for text in saved.values())
    paris = next(text for text in saved.values() if "Coalition meets in Paris" in text)
    flowing = " ".join(paris.split())
    assert "citing [a report](https://cited.example/a)" in flowing  # the full text, not the summary
    assert "outlet: Alliance Watch" in paris and "published: '2026-01-19'" in paris
    code, listed = run("list", "--json", "--no-bundled")
    titles = {record["title"] for record in json.loads(listed)}
    assert {"Coalition meets in Paris", "An Atom entry", "A JSON item"} <= titles
    assert "0 new articles" in run("fetch")[1]  # nothing twice
    assert len(articles(isolated_user_dirs / "data")) == 4


def test_feeds_list_counts_each_feed_s_items_and_unread(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    from reader.state.store import Store

    urls = serve_feeds(httpserver)
    for name in ("rss", "atom"):
        assert run("feeds", "add", urls[name])[0] == 0
    assert run("fetch")[0] == 0
    records = json.loads(run("list", "--json", "--no-bundled")[1])
    paris = next(r["id"] for r in records if r["title"] == "Coalition meets in Paris")
    store = Store.open(isolated_user_dirs / "data")
    store.set_read(paris, True)
    store.close()
    counted = {f["url"]: (f["items"], f["unread"]) for f in json.loads(run("feeds", "--json")[1])}
    assert counted == {urls["rss"]: (2, 1), urls["atom"]: (1, 1)}
    assert "Alliance Watch  1 unread  " in run("feeds")[1]


def test_a_failing_or_broken_feed_is_reported_and_the_others_go_on(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    urls = serve_feeds(httpserver)
    for name in ("gone", "broken", "rss"):
        run("feeds", "add", urls[name])
    code, out = run("fetch")
    assert code == 1
    assert "failed: the server answered 500" in out
    assert "not well-formed" in out and "what could be read was kept" in out
    assert "3 new articles from 3 feeds, 1 failed" in out
    record = {r["url"]: r for r in json.loads(run("feeds", "--json")[1])}
    assert record[urls["gone"]]["error"] and record[urls["rss"]]["fetched"]


def test_conditional_requests_cost_nothing_when_a_feed_has_not_changed(
    httpserver: HTTPServer,
) -> None:
    seen: list[str | None] = []

    def feed(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(ATOM, content_type="application/atom+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/etag").respond_with_handler(feed)
    run("feeds", "add", httpserver.url_for("/etag"))  # checked once: no ETag kept from it
    assert "1 new" in run("fetch")[1]
    assert "0 new" in run("fetch")[1]
    assert seen == [None, None, '"v1"']


def test_opml_import_as_newsboat_writes_it_and_export_that_reads_back(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    urls = serve_feeds(httpserver)
    opml = tmp_path / "newsboat.opml"
    opml.write_text(OPML.format(rss=urls["rss"], atom=urls["atom"]), encoding="utf-8")
    code, out = run("feeds", "import", str(opml))
    assert code == 0 and "2 feeds added (2 in the file)" in out
    assert run("feeds", "import", str(opml))[1].startswith("0 feeds added")
    code, exported = run("feeds", "export")
    again = tmp_path / "again.opml"
    again.write_text(exported, encoding="utf-8")
    assert 'xmlUrl="' + urls["atom"] + '"' in exported
    assert run("feeds", "remove", "Atom Desk")[0] == 0
    assert run("feeds", "import", str(again))[1].startswith("1 feeds added")


def test_opml_folders_are_kept_in_and_written_back_out(
    httpserver: HTTPServer, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    urls = serve_feeds(httpserver)
    opml = tmp_path / "folders.opml"
    opml.write_text(
        f"""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="News"><outline text="Local">
  <outline type="rss" text="Alliance Watch" xmlUrl="{urls["rss"]}"/></outline>
  <outline type="rss" text="Atom Desk" xmlUrl="{urls["atom"]}"/></outline>
<outline type="rss" text="JSON Desk" xmlUrl="{urls["json"]}"/>
</body></opml>""",
        encoding="utf-8",
    )
    assert run("feeds", "import", str(opml))[0] == 0
    listed = {feed["url"]: feed["folder"] for feed in json.loads(run("feeds", "--json")[1])}
    assert listed == {urls["rss"]: "News/Local", urls["atom"]: "News", urls["json"]: None}
    assert "News/Local/Alliance Watch" in run("feeds")[1]
    exported = run("feeds", "export")[1]
    again = tmp_path / "again.opml"
    again.write_text(exported, encoding="utf-8")
    (isolated_user_dirs / "data" / "feeds.json").unlink()
    assert run("feeds", "import", str(again))[1].startswith("3 feeds added")
    assert {f["url"]: f["folder"] for f in json.loads(run("feeds", "--json")[1])} == listed


def test_bad_input_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("feeds", "add", "file:///etc/passwd")[0] == 1
    assert "only http and https" in capsys.readouterr().err
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline", encoding="utf-8")
    assert run("feeds", "import", str(broken))[0] == 1
    assert "not OPML" in capsys.readouterr().err
    assert run("feeds", "remove", "nothing")[0] == 1


def test_many_feeds_are_parsed_in_other_processes_and_all_items_kept(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    from reader.web.feed_fetch import PROCESSES_FROM

    for number in range(PROCESSES_FROM):
        body = (
            ATOM.replace("urn:atom:1", f"urn:atom:{number}")
            .replace("Atom Desk", f"Desk {number}")
            .replace("https://atom.example/1", f"https://atom.example/{number}")  # its own page
        )
        httpserver.expect_request(f"/many{number}").respond_with_data(
            body, content_type="application/atom+xml"
        )
        run("feeds", "add", httpserver.url_for(f"/many{number}"))
    code, out = run("fetch")
    assert code == 0 and f"{PROCESSES_FROM} new articles from {PROCESSES_FROM} feeds" in out
    names = {r["title"] for r in json.loads(run("feeds", "--json")[1])}
    assert names == {f"Desk {number}" for number in range(PROCESSES_FROM)}  # learned there too


def test_full_keeps_each_item_s_linked_page(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    page = (
        "<html><head><title>Linked</title></head><body><nav>Menu</nav><article><h1>Linked</h1>"
        "<p>The whole linked page, much longer than the feed's one-line summary of it.</p>"
        "<p>A second paragraph that only the page itself has.</p></article></body></html>"
    )
    httpserver.expect_request("/article").respond_with_data(page, content_type="text/html")
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Short</title><item>'
        f"<title>Linked</title><link>{httpserver.url_for('/article')}</link>"
        "<description>One line.</description></item></channel></rss>"
    )
    httpserver.expect_request("/short").respond_with_data(rss, content_type="application/rss+xml")
    run("feeds", "add", httpserver.url_for("/short"), "--full")
    assert run("fetch")[0] == 0
    [text] = articles(isolated_user_dirs / "data").values()
    assert "A second paragraph that only the page itself has." in text and "Menu" not in text


def test_requests_name_reader_and_gzip_is_understood(httpserver: HTTPServer) -> None:
    import gzip

    agents: list[str] = []

    def zipped(request: Request) -> Response:
        agents.append(request.headers.get("User-Agent", ""))
        body = gzip.compress(ATOM.encode())
        return Response(
            body, content_type="application/atom+xml", headers={"Content-Encoding": "gzip"}
        )

    httpserver.expect_request("/zipped").respond_with_handler(zipped)
    run("feeds", "add", httpserver.url_for("/zipped"))
    assert "1 new" in run("fetch")[1]
    assert agents and agents[0].startswith("reader/")


def followed(home: Path) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(
        (home / "data" / "feeds.json").read_text(encoding="utf-8")
    )
    return data


def test_a_feed_is_checked_when_followed_and_says_what_it_found(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    code, out = run("feeds", "add", httpserver.url_for("/rss"))
    assert code == 0 and out.strip() == "Following Alliance Watch · 2 items now"
    assert [feed["title"] for feed in followed(isolated_user_dirs)] == ["Alliance Watch"]


def test_a_page_that_advertises_its_feed_is_followed_by_that_feed(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    page = (
        '<html><head><title>Atom Desk</title><link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/atom+xml" title="Atom" href="/feeds/atom.xml">'
        "</head><body><p>The desk's home page.</p></body></html>"
    )
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/feeds/atom.xml").respond_with_data(
        ATOM, content_type="application/atom+xml"
    )
    code, out = run("feeds", "add", httpserver.url_for("/"))
    feed_url = httpserver.url_for("/feeds/atom.xml")
    assert code == 0 and f"the feed the page advertises: {feed_url}" in out
    assert [feed["url"] for feed in followed(isolated_user_dirs)] == [feed_url]
    assert "1 new" in run("fetch")[1]


def test_a_page_with_no_feed_is_refused_and_nothing_is_followed(
    httpserver: HTTPServer, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/plain").respond_with_data(
        "<html><body><p>Just a page.</p></body></html>", content_type="text/html"
    )
    code, _out = run("feeds", "add", httpserver.url_for("/plain"))
    assert code == 1
    assert "not a feed, and no feed is advertised there" in capsys.readouterr().err
    assert not (isolated_user_dirs / "data" / "feeds.json").exists() or not followed(
        isolated_user_dirs
    )


def test_a_moved_feed_is_followed_where_it_lives_now(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data(ATOM, content_type="application/atom+xml")
    assert run("feeds", "add", httpserver.url_for("/old"))[0] == 0
    assert [feed["url"] for feed in followed(isolated_user_dirs)] == [httpserver.url_for("/new")]


def test_a_feed_that_cannot_be_reached_now_is_followed_unchecked(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/down").respond_with_data("", status=503)
    code, out = run("feeds", "add", httpserver.url_for("/down"))
    assert code == 0 and "not checked now (the server answered 503" in out
    assert [feed["url"] for feed in followed(isolated_user_dirs)] == [httpserver.url_for("/down")]


def test_a_feed_moved_for_good_later_is_followed_at_its_new_address(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    served = {"moved": False}

    def old(request: Request) -> Response:
        if served["moved"]:
            return Response(status=301, headers={"Location": httpserver.url_for("/new")})
        return Response(ATOM, content_type="application/atom+xml")

    httpserver.expect_request("/old").respond_with_handler(old)
    httpserver.expect_request("/new").respond_with_data(ATOM, content_type="application/atom+xml")
    assert run("feeds", "add", httpserver.url_for("/old"))[0] == 0
    assert "1 new" in run("fetch")[1]
    [before] = followed(isolated_user_dirs)
    served["moved"] = True
    assert "0 new" in run("fetch")[1]  # the same item, where it was filed
    [after] = followed(isolated_user_dirs)
    assert after["url"] == httpserver.url_for("/new") and after["home"] == before["home"]


def test_the_list_by_origin_a_feed_a_folder_saved_pages_or_notes(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = serve_feeds(httpserver)
    opml = tmp_path / "newsboat.opml"
    opml.write_text(OPML.format(rss=urls["rss"], atom=urls["atom"]), encoding="utf-8")
    assert run("feeds", "import", str(opml))[0] == 0
    assert run("fetch")[0] == 0
    httpserver.expect_request("/page").respond_with_data(
        "<html><head><title>A kept page</title></head><body><article><h1>A kept page</h1>"
        "<p>Its one paragraph is long enough to be the main text of the page.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    assert run("add", httpserver.url_for("/page"))[0] == 0
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.md").write_text("# My own note\n\nWritten here.\n", encoding="utf-8")
    where = ("--no-bundled", "--content", str(notes))

    def titles(*how: str) -> set[str]:
        code, out = run("list", "--json", *where, *how)
        assert code == 0
        return {record["title"] for record in json.loads(out)}

    everything = titles()
    assert {"Coalition meets in Paris", "An Atom entry", "A kept page", "My own note"} <= everything
    assert titles("--feed", "Alliance Watch") == {"Coalition meets in Paris", "Second ␛[2J item"}
    assert titles("--folder", "Folder") == {"An Atom entry"}
    assert titles("--saved") == {"A kept page"}
    assert titles("--notes") == {"My own note"}
    code, out = run("list", *where, "--feed", urls["rss"], "--unread")  # by address, unread
    assert code == 0 and "Coalition meets in Paris" in out and "A kept page" not in out
    assert run("list", *where, "--feed", "Nothing such")[0] == 1
    assert "no feed called Nothing such" in capsys.readouterr().err


PODCAST = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Talk</title>
<item><title>Episode 12: the bridge</title><link>https://talk.example/12</link><guid>ep12</guid>
<description>Show notes.</description>
<enclosure url="https://talk.example/ep12.mp3" type="audio/mpeg" length="24100000"/>
<enclosure url="file:///etc/passwd" type="text/plain" length="9"/></item>
</channel></rss>"""


def test_a_podcast_s_audio_is_listed_among_the_item_s_sources(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/podcast").respond_with_data(PODCAST, content_type="text/xml")
    attached = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Clips",
        "items": [{"id": "c1", "url": "https://clips.example/1", "title": "A clip",
                   "content_text": "Watch it.",
                   "attachments": [{"url": "https://clips.example/1.mp4",
                                    "mime_type": "video/mp4", "size_in_bytes": "many"}]}],
    }  # fmt: skip
    httpserver.expect_request("/clips").respond_with_json(attached)
    for path in ("/podcast", "/clips"):
        assert run("feeds", "add", httpserver.url_for(path))[0] == 0
    assert run("fetch")[0] == 0
    _code, out = run("list", "--json", "--no-bundled")
    by_title = {record["title"]: record["id"] for record in json.loads(out)}
    sources = json.loads(run("show", by_title["Episode 12: the bridge"], "--json")[1])["sources"]
    audio = [source for source in sources if source["url"].endswith(".mp3")]
    assert audio and audio[0]["title"] == "audio/mpeg, 24.1 MB"
    assert not any("passwd" in str(source["url"]) for source in sources)  # web addresses only
    clip = json.loads(run("show", by_title["A clip"], "--json")[1])["sources"]
    assert any(
        s["url"] == "https://clips.example/1.mp4" and s["title"] == "video/mp4" for s in clip
    )


SPONSORED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Talk</title>
<item><title>Sponsored: a better kettle</title><link>https://talk.example/ad</link>
<guid>ad1</guid><description>Buy it.</description></item>
<item><title>Trailer for season two</title><link>https://talk.example/trailer</link>
<guid>tr1</guid><description>Soon.</description></item>
<item><title>Episode 13: the ferry</title><link>https://talk.example/13</link>
<guid>ep13</guid><description>Show notes.</description></item>
</channel></rss>"""


def test_hide_rules_keep_items_out_and_say_so(
    httpserver: HTTPServer, write_config: ConfigWriter, isolated_user_dirs: Path
) -> None:
    write_config(
        'hide:\n  - title contains "sponsored"\n  - Harbour Talk: title starts with "Trailer"\n'
        '  - Elsewhere: title contains "ferry"\n'
    )
    httpserver.expect_request("/talk").respond_with_data(SPONSORED, content_type="text/xml")
    assert run("feeds", "add", httpserver.url_for("/talk"))[0] == 0
    code, out = run("fetch")
    assert code == 0 and "Harbour Talk: 1 new · 2 hidden by a rule" in out
    code, out = run("list", "--json", "--no-bundled")
    assert [record["title"] for record in json.loads(out)] == ["Episode 13: the ferry"]
    code, out = run("feeds", "list")
    assert 'hides: title contains "sponsored"' in out
    assert 'hides: Harbour Talk: title starts with "Trailer"' in out
    assert "Elsewhere" not in out  # another feed's rule


def test_a_rule_that_is_none_is_named_with_its_line(
    write_config: ConfigWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('theme: nord\nhide:\n  - title has "Sponsored"\n')
    run("config", "show")
    err = capsys.readouterr().err
    assert f"{path}:3" in err and 'not a rule: title has "Sponsored"' in err


def test_one_page_is_one_article_however_it_comes(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    story = httpserver.url_for("/story")
    httpserver.expect_request("/story").respond_with_data(
        "<html><head><title>Harbour bridge repairs approved</title></head><body><article>"
        "<h1>Harbour bridge repairs approved</h1><p>The council voted on Tuesday to fund the"
        " repairs after ten years of delays and many meetings.</p></article></body></html>",
        content_type="text/html",
    )
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Courier</title>'
        f"<item><title>Harbour bridge repairs approved</title><link>{story}?utm_source=rss"
        "</link><guid>cc-1</guid><description>Summary one.</description></item>"
        "</channel></rss>"
    )
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Bay Digest</title><entry><title>Bridge repairs: approved</title>"
        f'<id>urn:bay:1</id><updated>2026-02-03T08:00:00Z</updated><link href="{story}/#top"/>'
        "<summary>Summary two.</summary></entry></feed>"
    )
    httpserver.expect_request("/rss").respond_with_data(rss, content_type="text/xml")
    httpserver.expect_request("/atom").respond_with_data(atom, content_type="application/atom+xml")
    assert run("feeds", "add", httpserver.url_for("/rss"))[0] == 0
    assert run("feeds", "add", httpserver.url_for("/atom"))[0] == 0
    assert "1 new articles from 2 feeds" in run("fetch")[1]  # the second feed's is the same
    code, out = run("add", story)  # and the page itself, added: still that article
    assert code == 0 and out.startswith("Updated: ")
    [record] = json.loads(run("list", "--json", "--no-bundled")[1])
    shown = json.loads(run("show", record["id"], "--json", "--no-bundled")[1])
    publishers = {source["publisher"] for source in shown["sources"]}
    assert {"Coastal Courier", "Bay Digest"} <= publishers  # every feed it came from
    assert "many meetings" in run("show", record["id"], "--no-pager", "--no-bundled")[1]
    assert run("add", f"{story}#again")[1].startswith("Updated: ")
    assert len(json.loads(run("list", "--json", "--no-bundled")[1])) == 1


def test_a_page_added_first_is_the_article_a_feed_item_of_it_joins(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    page = httpserver.url_for("/page")
    httpserver.expect_request("/page").respond_with_data(
        "<html><head><title>A kept page</title></head><body><article><h1>A kept page</h1>"
        "<p>Its one paragraph is long enough to be the main text of the page.</p>"
        "</article></body></html>",
        content_type="text/html",
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<item><title>A kept page</title><link>{page}/</link><guid>k1</guid>"
        "<description>Summary.</description></item></channel></rss>"
    )
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="text/xml")
    assert run("add", page)[0] == 0
    assert run("feeds", "add", httpserver.url_for("/feed"))[0] == 0
    assert "0 new" in run("fetch")[1]
    [record] = json.loads(run("list", "--json", "--no-bundled")[1])
    shown = json.loads(run("show", record["id"], "--json", "--no-bundled")[1])
    assert "Courier" in {source["publisher"] for source in shown["sources"]}
    assert "0 new" in run("fetch")[1]  # named once, not again at every fetch
    shown = json.loads(run("show", record["id"], "--json", "--no-bundled")[1])
    assert [s["publisher"] for s in shown["sources"]].count("Courier") == 1


def test_a_feed_s_folder_tags_and_interval_are_set_listed_and_kept_in_opml(
    httpserver: HTTPServer, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    urls = serve_feeds(httpserver)
    code, said = run(
        "feeds", "add", urls["rss"], "--folder", "News/Europe", "--tag", "defence", "--every", "30"
    )
    assert code == 0 and said.startswith("Following Alliance Watch")
    code, said = run("feeds", "set", "Alliance Watch", "--tag", "defence", "--tag", "eu")
    assert code == 0 and "#defence #eu" in said
    [feed] = json.loads(run("feeds", "--json")[1])
    assert (feed["folder"], feed["tags"], feed["fetch_every"]) == (
        "News/Europe",
        ["defence", "eu"],
        30,
    )
    assert "#defence #eu every 30 min" in run("feeds")[1]
    exported = run("feeds", "export")[1]
    assert 'category="defence,eu"' in exported
    again = tmp_path / "again.opml"
    again.write_text(exported, encoding="utf-8")
    (isolated_user_dirs / "data" / "feeds.json").unlink()
    run("feeds", "import", str(again))
    [feed] = json.loads(run("feeds", "--json")[1])
    assert (feed["folder"], feed["tags"]) == ("News/Europe", ["defence", "eu"])
    assert run("feeds", "set", "Alliance Watch", "--every", "0", "--tag", "")[0] == 0
    [feed] = json.loads(run("feeds", "--json")[1])
    assert (feed["tags"], feed["fetch_every"]) == ([], None)
    assert run("feeds", "set", "Alliance Watch")[0] == 1  # nothing to change: said so
    assert run("feeds", "set", "No such feed", "--every", "5")[0] == 1
