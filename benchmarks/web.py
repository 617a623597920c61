"""Measure `reader fetch`, `reader add` and `reader import-list` against a server on 127.0.0.1.

    python -m benchmarks.web [--runs 5] [--feeds 50] [--items 50] [--list 2000]

The server (the standard library's, in a thread) serves generated RSS feeds
with full content and one article page; nothing leaves this machine. Each
run starts from an empty data directory, so every item is new: the worst
case. Budgets: 50 feeds of 50 items within 10 s, one page within 1 s, a
reading list of 2,000 addresses (each a page of its own) within 60 s. Each
figure is a median with its min and max; `python -m reader --version` is
timed in the same rounds as the floor a run of the command cannot go below.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
FEEDS_BUDGET = 10.0
ADD_BUDGET = 1.0
LIST_BUDGET = 60.0

PARAGRAPH = (
    "European capitals weigh a security alliance of their own, with Ukraine at its centre; "
    "ministers met again this week and compared what each could bring to it. "
)


def feed(number: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Feed {number} item {i}</title>"
        f"<link>http://127.0.0.1/feed{number}/{i}</link><guid>f{number}-{i}</guid>"
        f"<pubDate>Mon, 19 Jan 2026 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{PARAGRAPH * 4}</p><p>See "
        f'<a href="https://cited.example/{i}">the source</a>.</p>]]></content:encoded></item>'
        for i in range(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Feed {number}</title>{entries}</channel></rss>"
    ).encode()


PAGE = (
    "<html lang='en'><head><title>A page to keep</title></head><body><nav>Home About</nav>"
    f"<article><h1>A page to keep</h1>{('<p>' + PARAGRAPH * 3 + '</p>') * 12}</article>"
    "<footer>Footer</footer></body></html>"
).encode()


def listed_page(number: int) -> bytes:
    """One page of a reading list: like a saved article, a few paragraphs and a link."""
    return (
        f"<html lang='en'><head><title>Saved page {number}</title></head><body>"
        f"<nav>Home About</nav><article><h1>Saved page {number}</h1>"
        f"{('<p>' + PARAGRAPH * 3 + '</p>') * 4}"
        f"<p>See <a href='https://cited.example/{number}'>the source</a>.</p></article>"
        "<footer>Footer</footer></body></html>"
    ).encode()


def serve(feeds: int, items: int) -> tuple[ThreadingHTTPServer, str]:
    documents = {f"/feed{n}": feed(n, items) for n in range(feeds)} | {"/page": PAGE}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = documents.get(self.path)
            if self.path.startswith("/saved/") and self.path[7:].isdigit():
                body = listed_page(int(self.path[7:]))
            self.send_response(200 if body else 404)
            self.send_header(
                "Content-Type", "application/rss+xml" if "feed" in self.path else "text/html"
            )
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv[2:])} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--list", type=int, default=2000, help="addresses in the reading list")
    args = parser.parse_args()
    server, base = serve(args.feeds, args.items)
    reader = [sys.executable, "-m", "reader"]
    samples: dict[str, list[float]] = {"floor": [], "fetch": [], "add": [], "list": []}
    try:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as work:
                env = dict(
                    os.environ,
                    READER_DATA_DIR=f"{work}/data",
                    READER_CACHE_DIR=f"{work}/cache",
                    READER_CONFIG=f"{work}/none.yaml",
                    NO_PROXY="127.0.0.1",
                )
                feeds = [{"url": f"{base}/feed{n}"} for n in range(args.feeds)]
                Path(work, "data").mkdir()
                Path(work, "data", "feeds.json").write_text(json.dumps(feeds), encoding="utf-8")
                samples["floor"].append(timed([*reader, "--version"], env))
                samples["fetch"].append(timed([*reader, "fetch"], env))
                samples["add"].append(timed([*reader, "add", f"{base}/page"], env))
                saved = list(Path(work, "data", "library", "feeds").rglob("*.md"))
                if len(saved) != args.feeds * args.items:
                    raise SystemExit(
                        f"fetch kept {len(saved)} items, not {args.feeds * args.items}"
                    )
                addresses = Path(work, "list.txt")
                addresses.write_text("".join(f"{base}/saved/{n}\n" for n in range(args.list)))
                samples["list"].append(timed([*reader, "import-list", str(addresses)], env))
                kept = len(list(Path(work, "data", "library").glob("*.md")))
                if kept != args.list + 1:  # the list's pages and the one `add` kept
                    raise SystemExit(f"import-list kept {kept - 1} pages, not {args.list}")
    finally:
        server.shutdown()
    report(samples, args)


def met(held: bool) -> str:
    return "yes" if held else "**NO**"


def report(samples: dict[str, list[float]], args: argparse.Namespace) -> None:
    def cell(name: str) -> str:
        values = samples[name]
        return f"{statistics.median(values):.2f} s | {min(values):.2f} – {max(values):.2f} s"

    fetch, add = statistics.median(samples["fetch"]), statistics.median(samples["add"])
    listed = statistics.median(samples["list"])
    lines = [
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs; {args.runs} runs, server on 127.0.0.1.",
        "",
        "| command | median | min – max |",
        "|---|---|---|",
        f"| `reader --version` (the floor) | {cell('floor')} |",
        f"| `reader fetch`: {args.feeds} feeds × {args.items} items, all new | {cell('fetch')} |",
        f"| `reader add` one page | {cell('add')} |",
        f"| `reader import-list`: {args.list:,} addresses, all new | {cell('list')} |",
        "",
        "| budget | measured | met |",
        "|---|---|---|",
        f"| fetch 50 × 50 ≤ {FEEDS_BUDGET:g} s | {fetch:.2f} s | {met(fetch <= FEEDS_BUDGET)} |",
        f"| add a page ≤ {ADD_BUDGET:g} s | {add:.2f} s | {met(add <= ADD_BUDGET)} |",
        f"| import-list 2,000 ≤ {LIST_BUDGET:g} s | {listed:.2f} s "
        f"| {met(listed <= LIST_BUDGET)} |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "web-latest.md").write_text(text, encoding="utf-8")
    (RESULTS / "web-latest.json").write_text(json.dumps(samples, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
