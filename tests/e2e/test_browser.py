"""`reader serve` in a real browser: Debian's Chromium driven by Playwright.

Everything runs on 127.0.0.1: the reader server, and a page the test article
cites. The browser is kept from every other address (textual-serve's page asks
for a web font; that request is refused here), so no test reaches the network.

What the browser shows is drawn by xterm.js on a canvas, so the screen is read
from what reaches it: the terminal output carried by the websocket, with its
escape sequences taken out. A screenshot of the page is kept in `.artifacts/`.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from reader.cli import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route, WebSocket

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium on this machine: install Debian's package (apt-get install chromium)",
    ),
]
ARTIFACTS = Path(__file__).parents[2] / ".artifacts"
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
CITED = "<html><head><title>The cited page</title></head><body>Cited on 127.0.0.1</body></html>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _CitedPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = CITED.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def cited_url() -> Iterator[str]:
    """The address of a page on 127.0.0.1 that the test article cites."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CitedPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/cited"
    server.shutdown()
    server.server_close()


@dataclass
class Served:
    url: str
    process: subprocess.Popen[str]
    said: list[str] = field(default_factory=list)

    def children(self) -> list[int]:
        """Every process started under the server (the readers of the open tabs)."""
        found, frontier = [], [self.process.pid]
        while frontier:
            parent = frontier.pop()
            path = Path(f"/proc/{parent}/task/{parent}/children")
            kids = [int(pid) for pid in path.read_text().split()] if path.exists() else []
            found += kids
            frontier += kids
        return found

    def stop(self) -> int:
        """Ctrl+C as a terminal sends it: SIGINT to the server's whole process group."""
        os.killpg(self.process.pid, signal.SIGINT)
        status = self.process.wait(timeout=30)
        self.said += self.process.stdout.read().splitlines() if self.process.stdout else []
        return status


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return ""
    return process.stdout.readline()


@pytest.fixture
def served(tmp_path: Path, cited_url: str) -> Iterator[Served]:
    library = tmp_path / "library"
    library.mkdir()
    (library / "alpha.md").write_text(
        "---\ntitle: Alpha in a browser\npublished: 2026-03-02\nsources:\n"
        f"  - title: The cited page\n    url: {cited_url}\n---\n"
        "The alpha body, read in a browser tab.\n",
        encoding="utf-8",
    )
    (library / "beta.md").write_text(
        "---\ntitle: Beta in a browser\npublished: 2026-03-01\n---\nThe beta body.\n",
        encoding="utf-8",
    )
    port = free_port()
    argv = [sys.executable, "-m", "reader", "serve", "--port", str(port), "--no-bundled"]
    process = subprocess.Popen(
        [*argv, "--content", str(library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group of its own, as a shell's job is
    )
    line = _first_line(process, timeout=30)
    served = Served(f"http://127.0.0.1:{port}", process, [line])
    try:
        assert f"served on http://127.0.0.1:{port}" in line, line
        yield served
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Screen:
    """What one browser tab's terminal was sent, as text."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._raw: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, socket_: WebSocket) -> None:
        socket_.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        self._raw.append(
            payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        )

    @property
    def text(self) -> str:
        return ESCAPES.sub("", "".join(self._raw))

    def mark(self) -> int:
        """Where the text ends now: `shows(..., since=mark)` looks only at what comes after."""
        return len(self.text)

    def shows(self, *words: str, since: int = 0, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(word in self.text[since:] for word in words):
                return True
            self.page.wait_for_timeout(50)  # lets Playwright deliver frames; waits for a condition
        return False

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)


@pytest.fixture
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--use-gl=swiftshader"]
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser, served: Served) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1400, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url)

    def local_only(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        route.continue_() if host in ("127.0.0.1", "localhost") else route.abort()

    context.route("**/*", local_only)
    yield context
    context.close()


def open_tab(context: BrowserContext, served: Served) -> Screen:
    page = context.new_page()
    screen = Screen(page)
    page.goto(served.url)
    assert screen.shows("Alpha in a browser", "Beta in a browser"), screen.text[-2000:]
    page.locator(".xterm-helper-textarea").focus()
    return screen


def test_read_and_bookmark_in_two_tabs_and_the_state_file_has_both(
    context: BrowserContext, served: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    first = open_tab(context, served)
    first.press("Enter")
    assert first.shows("The alpha body, read in a browser tab.")
    mark = first.mark()
    first.press("b")
    assert first.shows("Bookmarked", since=mark)
    ARTIFACTS.mkdir(exist_ok=True)
    first.page.screenshot(path=ARTIFACTS / "reader-serve.png")

    second = open_tab(context, served)  # a second reader, on the same state file
    second.press("/", *"beta", "Enter")
    second.page.wait_for_timeout(3000)
    second.page.screenshot(path="/tmp/second.png")
    assert second.shows("The beta body.")
    mark = second.mark()
    second.press("b")
    assert second.shows("Bookmarked", since=mark)

    assert main(["bookmarks", "--json"]) == 0
    saved = {bookmark["id"] for bookmark in json.loads(capsys.readouterr().out)}
    assert saved == {"alpha", "beta"}


def test_a_source_opens_in_a_new_tab_after_a_yes_and_copies_through_the_browser(
    context: BrowserContext, served: Served, cited_url: str
) -> None:
    screen = open_tab(context, served)
    screen.press("Enter")
    assert screen.shows("The alpha body")
    screen.press("Tab")  # to the sources
    mark = screen.mark()
    screen.press("Enter")
    assert screen.shows(cited_url, since=mark)  # the confirmation shows the whole address
    with context.expect_page(timeout=30_000) as opened:
        screen.press("y")
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == cited_url and "Cited on 127.0.0.1" in tab.content()

    screen.page.bring_to_front()
    screen.page.locator(".xterm-helper-textarea").focus()
    screen.press("c")
    copied = ""
    deadline = time.monotonic() + 10
    while copied != cited_url and time.monotonic() < deadline:
        screen.page.wait_for_timeout(50)
        copied = screen.page.evaluate("navigator.clipboard.readText()")
    assert copied == cited_url


def test_ctrl_c_stops_the_server_and_every_reader_it_started(
    context: BrowserContext, served: Served
) -> None:
    open_tab(context, served)
    open_tab(context, served)
    readers = served.children()
    assert readers, "each tab runs a reader under the server"
    assert served.stop() in (0, -signal.SIGINT, 130)
    assert any("stopped" in line for line in served.said), served.said
    alive = [pid for pid in readers if Path(f"/proc/{pid}").exists()]
    assert alive == []
