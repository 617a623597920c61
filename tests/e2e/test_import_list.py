"""`reader import-list`: exports of Pocket, Instapaper, Omnivore and Wallabag brought in.

Pages come from a real HTTP server on 127.0.0.1: some missing, one too slow,
one redirecting. What a user sees is asserted: the summary, the articles in
`reader list`, their text in `reader show`, their reading state.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main

PAGE = """<html lang="en"><head><title>{title}</title></head><body>
<nav>Home About Contact and a long navigation menu</nav><article><h1>{title}</h1>
<p>The text of {title}, long enough to be taken for the main text of the page by the
extractor, citing <a href="https://cited.example/{slug}">its source</a> as it goes.</p>
<p>A second paragraph, so there is no doubt that this is the article of the page.</p>
</article><footer>Footer, cookies and a newsletter</footer></body></html>"""

UNTITLED = """<html><body><article><p>A page whose author gave it no title at all, with
enough words in its one paragraph to be kept as the main text by the extractor.</p>
<p>And a second paragraph to be sure of it.</p></article></body></html>"""


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A server on 127.0.0.1 answering many requests at once (one may be held, slow)."""
    running = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    running.start()
    yield running
    running.clear()
    running.stop()


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def listed() -> dict[str, dict[str, object]]:
    code, out = run("list", "--json", "--no-bundled")
    assert code == 0
    return {record["title"]: record for record in json.loads(out)}


def serve_pages(server: HTTPServer, *names: str) -> dict[str, str]:
    for name in names:
        server.expect_request(f"/{name}").respond_with_data(
            PAGE.format(title=f"Page {name}", slug=name), content_type="text/html"
        )
    return {name: server.url_for(f"/{name}") for name in names}


def pocket(rows: list[tuple[str, str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "url", "time_added", "tags", "status"])
    writer.writerows(rows)
    return out.getvalue()


def test_a_pocket_export_becomes_articles_with_their_tags_and_state(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    urls = serve_pages(httpserver, "alpha", "beta")
    httpserver.expect_request("/untitled").respond_with_data(UNTITLED, content_type="text/html")
    untitled = httpserver.url_for("/untitled")
    export = tmp_path / "pocket.zip"
    rows = [
        ('Alpha, "quoted"', urls["alpha"], "1700000000", "défense|ue", "unread"),
        ("Beta\non two lines", urls["beta"], "1700000100", "", "archive"),
        ("The export's own title", untitled, "1700000200", "", "unread"),
        ("Alpha again", urls["alpha"], "1600000000", "later", "unread"),
    ]
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("part_000000.csv", pocket(rows))
    code, out = run("import-list", str(export))
    assert code == 0, out
    assert "Pocket export, 3 pages (1 listed twice, kept once)" in out
    assert "Added 3, already there 0, failed 0." in out
    articles = listed()
    assert set(articles) == {"Page alpha", "Page beta", "The export's own title"}
    alpha = articles["Page alpha"]
    assert alpha["tags"] == ["défense", "ue", "later"] and alpha["read"] is False
    assert articles["Page beta"]["read"] is True  # archived in Pocket
    code, shown = run("show", str(alpha["id"]), "--no-pager")
    assert "The text of Page alpha" in shown and "cited.example/alpha" in shown
    assert "Home About Contact" not in shown


def test_each_format_carries_what_it_knows(httpserver: HTTPServer, tmp_path: Path) -> None:
    urls = serve_pages(httpserver, "insta1", "insta2", "omni2")
    instapaper = tmp_path / "instapaper-export.csv"
    instapaper.write_text(
        "URL,Title,Selection,Folder,Timestamp,Tags\n"
        f'{urls["insta1"]},One,,Starred,1700000000,"[""sécurité""]"\n'
        f"{urls['insta2']},Two,,Archive,1700000001,[]\n",
        encoding="utf-8",
    )
    assert run("import-list", str(instapaper))[0] == 0
    articles = listed()
    assert articles["Page insta1"]["bookmarked"] is True
    assert articles["Page insta1"]["tags"] == ["sécurité"]
    assert articles["Page insta2"]["read"] is True

    # Omnivore and Wallabag carry the text itself: used as it is, nothing fetched.
    omnivore = tmp_path / "omnivore.zip"
    metadata = [
        {
            "id": "1",
            "slug": "kept",
            "title": "Omnivore kept",
            "state": "Archived",
            "url": "http://127.0.0.1:9/never-fetched",
            "labels": ["défense"],
            "savedAt": "2024-05-01T10:00:00.000Z",
        },
        {
            "id": "2",
            "slug": "none",
            "title": "Omnivore fetched",
            "state": "Succeeded",
            "url": urls["omni2"],
            "labels": [],
            "savedAt": "2024-05-02T10:00:00.000Z",
        },
    ]
    with zipfile.ZipFile(omnivore, "w") as archive:
        archive.writestr("metadata_0_to_2.json", json.dumps(metadata))
        archive.writestr(
            "content/kept.html",
            '<p>The text Omnivore kept, with a <a href="https://cited.example/o">link</a>.</p>',
        )
    code, out = run("import-list", str(omnivore))
    assert code == 0 and "Omnivore export, 2 pages" in out and "Added 2" in out
    wallabag = tmp_path / "wallabag.json"
    wallabag.write_text(
        json.dumps(
            [
                {
                    "is_archived": 0,
                    "is_starred": 1,
                    "title": "Wallabag kept",
                    "tags": [{"label": "ue"}],
                    "url": "http://127.0.0.1:9/never-either",
                    "content": "<p>Wallabag's copy.</p>",
                    "created_at": "2023-01-02T03:04:05+0100",
                },
            ]
        )
    )
    assert run("import-list", str(wallabag))[0] == 0
    articles = listed()
    assert articles["Omnivore kept"]["read"] is True
    assert articles["Page omni2"]["read"] is False
    assert articles["Wallabag kept"]["bookmarked"] is True
    assert articles["Wallabag kept"]["tags"] == ["ue"]
    code, shown = run("show", str(articles["Omnivore kept"]["id"]), "--no-pager")
    assert "The text Omnivore kept" in shown and "cited.example/o" in shown
    code, shown = run("bookmarks", "--json")
    assert {b["title"] for b in json.loads(shown)} == {"Page insta1", "Wallabag kept"}


def test_pages_that_cannot_be_fetched_are_kept_and_can_be_tried_again(
    server: HTTPServer, tmp_path: Path
) -> None:
    httpserver = server
    urls = serve_pages(httpserver, "fine", "target")
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    httpserver.expect_request("/moved").respond_with_response(
        Response(status=301, headers={"Location": urls["target"]})
    )
    released = threading.Event()

    def slow(request: Request) -> Response:
        released.wait(10)  # held until the client has given up on it
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    export = tmp_path / "urls.txt"
    missing, slow_url = httpserver.url_for("/missing"), httpserver.url_for("/slow")
    export.write_text(
        f"{urls['fine']}\n{missing}\n{httpserver.url_for('/moved')}\n{slow_url}\nftp://no\n"
    )
    try:
        code, out = run("import-list", str(export), "--timeout", "1")
    finally:
        released.set()
    assert code == 1
    assert "Added 2, already there 0, failed 2." in out
    assert f"{missing}: the server answered 404" in out
    assert f"{slow_url}: no answer within 1 s" in out
    articles = listed()
    assert "Page target" in articles  # the page the redirect led to
    kept = next(record for title, record in articles.items() if "missing" in title)
    code, shown = run("show", str(kept["id"]), "--no-pager")
    shown = " ".join(shown.split())
    assert "could not be fetched when it was imported: the server answered 404" in shown

    # Again: nothing is fetched twice; the failures are named, and tried on request.
    before = len(httpserver.log)
    code, out = run("import-list", str(export))
    assert len(httpserver.log) == before
    assert "Added 0, already there 4, failed 0." in out
    assert "2 could not be fetched by an earlier import: --retry-failed" in out
    httpserver.clear_all_handlers()
    serve_pages(httpserver, "missing")
    httpserver.expect_request("/slow").respond_with_data(
        PAGE.format(title="Slow at last", slug="slow"), content_type="text/html"
    )
    code, out = run("import-list", str(export), "--retry-failed")
    assert code == 0 and "Added 2, already there 2, failed 0." in out
    requested = Counter(entry[0].path for entry in httpserver.log[before:])
    assert requested == Counter({"/missing": 1, "/slow": 1})
    articles = listed()
    assert {"Page missing", "Slow at last"} <= set(articles)
    assert not any("missing" in title and title != "Page missing" for title in articles)


def _interruptible() -> None:
    """In the child before it runs reader: Ctrl-C's signal handled as by default, unblocked."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def test_an_interrupted_import_goes_on_where_it_stopped(
    server: HTTPServer, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    """Ctrl-C in a real process: what was done is kept; the next run fetches only the rest."""
    httpserver = server
    names = [f"p{number:02}" for number in range(40)]
    arrived = threading.Condition()
    held: list[str] = []
    go_on = threading.Event()

    def page(request: Request) -> Response:
        name = request.path.strip("/")
        with arrived:
            held.append(name)
            arrived.notify_all()
        go_on.wait(20)
        return Response(PAGE.format(title=f"Page {name}", slug=name), content_type="text/html")

    for name in names:
        httpserver.expect_request(f"/{name}").respond_with_handler(page)
    export = tmp_path / "urls.txt"
    export.write_text("".join(httpserver.url_for(f"/{name}") + "\n" for name in names))
    command = [sys.executable, "-m", "reader", "import-list", str(export)]
    # As from a shell where Ctrl-C works: what the test process may have ignored or
    # blocked (a child inherits both) is not the child's.
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
        preexec_fn=_interruptible,
    )
    try:
        with arrived:  # every fetcher is waiting on this server: the import is under way
            assert arrived.wait_for(lambda: len(held) >= 8, timeout=60)
        process.send_signal(signal.SIGINT)
        # The pages under way are let through only once the process is told to stop.
        go_on.set()
        out, err = process.communicate(timeout=60)
    finally:
        go_on.set()
        process.kill()
    inherited = (signal.getsignal(signal.SIGINT), signal.pthread_sigmask(signal.SIG_BLOCK, []))
    assert process.returncode == 130, (err, out[-400:], inherited)
    assert b"Traceback" not in err
    words = out.decode()
    assert "Interrupted after" in words and "The same command goes on" in words
    first = Counter(entry[0].path for entry in httpserver.log)
    kept = len(list((isolated_user_dirs / "data" / "library").glob("*.md")))
    assert 8 <= kept < len(names)  # those under way were finished and kept; the rest left

    go_on.set()
    code, out = run("import-list", str(export))
    assert code == 0 and f"Added {len(names) - kept}, already there {kept}, failed 0." in out
    total = Counter(entry[0].path for entry in httpserver.log)
    assert set(total) == {f"/{name}" for name in names}
    assert all(count == 1 for count in total.values()), total - first
    assert len(listed()) == len(names)


def test_a_hostile_or_broken_export_is_named_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("\x1b[2J just words\n")
    assert run("import-list", str(notes))[0] == 1
    err = capsys.readouterr().err
    assert f"{notes}: not a reading list reader knows" in err and "\x1b" not in err
    missing = tmp_path / "gone.csv"
    assert run("import-list", str(missing))[0] == 1
    assert "gone.csv" in capsys.readouterr().err
    assert run("import-list", str(notes), "--format", "pocket")[0] == 1


def test_a_second_import_adds_its_tags_to_an_article_already_there(
    httpserver: HTTPServer, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    urls = serve_pages(httpserver, "alpha")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(pocket([("A", urls["alpha"], "1700000000", "défense", "unread")]), "utf-8")
    assert run("import-list", str(first))[0] == 0
    [path] = (isolated_user_dirs / "data" / "library").glob("*.md")
    own = path.read_text("utf-8").replace("- défense\n", "- défense\n- mine\n")
    path.write_text(own, encoding="utf-8")  # a tag the user added by hand
    second.write_text(pocket([("A", urls["alpha"], "1700000000", "ue|défense", "unread")]), "utf-8")
    code, out = run("import-list", str(second))
    assert code == 0 and "already there 1" in out
    assert listed()["Page alpha"]["tags"] == ["défense", "mine", "ue"]
    assert "The text of Page alpha" in path.read_text("utf-8")  # the body as it was
