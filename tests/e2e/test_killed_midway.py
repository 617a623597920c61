"""`reader fetch` and `reader import-list` killed half way (SIGKILL), then run again.

A server on 127.0.0.1 answers half of the addresses at once and holds the
other half until the test lets them go: the command is killed while it waits
for them, with half of its work on disk. Run again, it finishes: no item or
page twice, none lost, feeds.json whole, and the reading state as it was.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main

HELD_FOR_AT_MOST = 60.0
"""Seconds a held answer waits to be let go (the test lets it go long before)."""

pytestmark = pytest.mark.slow


class Site:
    """Feeds at /feed/N and pages at /page/N; from `held_from` on, answers wait for `release`."""

    def __init__(self, held_from: int) -> None:
        self.held_from = held_from
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                kind, _, number = self.path.strip("/").partition("/")
                if int(number) >= site.held_from:
                    site.release.wait(HELD_FOR_AT_MOST)
                body, kind_type = site.answer(kind, int(number))
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", kind_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def answer(self, kind: str, number: int) -> tuple[str, str]:
        if kind == "feed":
            entries = "".join(
                f"<item><title>Item {number}.{n}</title><link>{self.url(f'/item/{number}-{n}')}"
                f"</link><guid>feed{number}-item{n}</guid>"
                f"<description>Text of item {number}.{n}.</description></item>"
                for n in range(3)
            )
            rss = (
                f"<rss version='2.0'><channel><title>Feed {number}</title>{entries}</channel></rss>"
            )
            return rss, "application/rss+xml"
        page = (
            f"<html><head><title>Page {number}</title></head><body><article>"
            f"<h1>Page {number}</h1><p>The text of page {number}, long enough to be the main "
            "text of the page for any extractor, with a few more words.</p>"
            "<p>A second paragraph so that the article has a body.</p></article></body></html>"
        )
        return page, "text/html"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site(held_from=5)
    yield served
    served.close()


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def killed_when(argv: list[str], ready: Callable[[], bool]) -> None:
    """Run `reader ARGV` and SIGKILL it (and its worker processes) once `ready()`."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + HELD_FOR_AT_MOST
    try:
        while not ready():
            assert process.poll() is None, "the command ended before it was killed"
            assert time.monotonic() < deadline, "the command never got half way"
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def front_matter_values(paths: list[Path], key: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip().strip("'")
        for path in paths
        for line in path.read_text("utf-8").split("\n---", 1)[0].splitlines()
        if line.startswith(f"{key}:")
    ]


def state(data: Path) -> list[dict[str, object]]:
    code, out = run("list", "--json", "--no-bundled")
    assert code == 0
    return [r for r in json.loads(out) if r["read"] or r["bookmarked"]]


def test_fetch_killed_half_way_then_run_again(site: Site, isolated_user_dirs: Path) -> None:
    data = isolated_user_dirs / "data"
    feeds = [site.url(f"/feed/{n}") for n in range(10)]
    assert run("feeds", "add", feeds[0])[0] == 0
    assert run("fetch")[0] == 0
    first = sorted((data / "library" / "feeds").rglob("*.md"))[0].relative_to(data / "library")
    first_id = first.with_suffix("").as_posix()
    assert run("bookmarks", "add", first_id, "--note", "mine")[0] == 0
    before = state(data)
    for url in feeds[1:]:
        assert run("feeds", "add", url)[0] == 0

    def items() -> list[Path]:
        return sorted((data / "library" / "feeds").rglob("*.md"))

    killed_when(["fetch"], lambda: len(items()) >= 15)  # feeds 0-4 saved, 5-9 held
    assert len(items()) == 15
    site.release.set()
    code, out = run("fetch")
    assert code == 0, out
    guids = front_matter_values(items(), "url")
    assert len(guids) == 30 and len(set(guids)) == 30
    listed = json.loads((data / "feeds.json").read_text("utf-8"))
    assert [feed["url"] for feed in listed] == feeds and all(f["fetched"] for f in listed)
    assert state(data) == before


def test_import_list_killed_half_way_then_run_again(
    site: Site, isolated_user_dirs: Path, tmp_path: Path
) -> None:
    data = isolated_user_dirs / "data"
    pages = [site.url(f"/page/{n}") for n in range(10)]
    listed = tmp_path / "list.txt"
    listed.write_text("\n".join(pages[:1]) + "\n", encoding="utf-8")
    assert run("import-list", str(listed))[0] == 0
    [kept] = (data / "library").glob("*.md")
    assert run("bookmarks", "add", kept.stem, "--note", "mine")[0] == 0
    before = state(data)
    listed.write_text("\n".join(pages) + "\n", encoding="utf-8")

    def saved() -> list[Path]:
        return sorted((data / "library").glob("*.md"))

    killed_when(["import-list", str(listed)], lambda: len(saved()) >= 5)
    assert len(saved()) == 5
    site.release.set()
    code, out = run("import-list", str(listed))
    assert code == 0, out
    addresses = front_matter_values(saved(), "url")
    assert sorted(addresses) == sorted(pages)
    assert state(data) == before
