"""Libraries of every size: generated once and kept, and what is measured at each size.

A library of 100,000 articles takes minutes to write, so generated libraries
are kept in `benchmarks/.libraries/` (not committed), under a name that
holds the size, the seed and a fingerprint of the generator: a changed
generator writes them again. Measured here, for each size:

- a cold start (no catalogue): first titles, complete list, index complete,
  the catalogue's size against the Markdown's (the short-notes tier is there for
  this: what a catalogue costs a row shows most on small files);
- the command line, warm: `reader search --json` and `reader list --json`;
- quitting: `q` to the process's end, once all is quiet, and right after opening an
  article as soon as the list is whole (the check of every file, the links between
  notes and the article's rendering all under way).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.terminal import Terminal

LIBRARIES = Path(__file__).resolve().parent / ".libraries"
COLD_TIMEOUT = 300.0
_COUNT = re.compile(r"Articles \((\d+)\)")


def kept_library(size: int, seed: int = 7, notes: bool = False) -> Path:
    """The generated library of this size (of short notes, with `notes`): written the
    first time, then reused."""
    source = Path(__file__).with_name("generate.py").read_bytes()
    fingerprint = hashlib.sha256(source).hexdigest()[:10]
    kind = "notes" if notes else "lib"
    folder = LIBRARIES / f"{kind}-{size}-seed{seed}-{fingerprint}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {size:,} {kind} in {folder} (once)", file=sys.stderr)
        generate(folder, size, seed=seed, notes=notes)
        done.write_text("generated\n", encoding="utf-8")
    return folder


def markdown_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.md"))


def cache_bytes(cache: Path) -> int:
    return sum(path.stat().st_size for path in cache.glob("catalogue*.sqlite3*"))


def listed_count(text: str) -> int:
    """The count in the list's title ("Articles (1234)"), or 0 before there is one."""
    found = _COUNT.search(text)
    return int(found.group(1)) if found else 0


def run_cold(
    argv: list[str], env: dict[str, str], cache: Path, expected: int, indexed: object
) -> dict[str, float | None]:
    """A first run: the moment titles show, the list is whole, the index is complete."""
    shutil.rmtree(cache, ignore_errors=True)
    terminal = Terminal(argv, env)
    try:
        frame = terminal.wait_for(lambda text: "Articles" in text, COLD_TIMEOUT)
        first = terminal.wait_for(lambda text: listed_count(text) > 0, COLD_TIMEOUT)
        whole = terminal.wait_for(lambda text: listed_count(text) >= expected, COLD_TIMEOUT)
        done = None
        deadline = time.perf_counter() + COLD_TIMEOUT
        while time.perf_counter() < deadline:
            terminal.pump(0.05)
            if indexed(cache, expected):  # type: ignore[operator]
                done = time.perf_counter()
                break
        terminal.settle(1.0, timeout=15)  # the index's last write folds the log into the file
        size = cache_bytes(cache)
        started = terminal.started
        return {
            "first_frame": frame - started if frame else None,
            "first_titles": first - started if first else None,
            "list_complete": whole - started if whole else None,
            "index_complete": done - started if done else None,
            "rss_kb": terminal.rss_peak(),
            "cache_bytes": size,
        }
    finally:
        terminal.close()


def run_warm_list(
    argv: list[str], env: dict[str, str], expected: int
) -> dict[str, float | int | None]:
    """A start with the catalogue built: the whole list, memory, and `q` to the end."""
    terminal = Terminal(argv, env)
    try:
        whole = terminal.wait_for(lambda text: listed_count(text) >= expected, 60)
        terminal.settle(0.5, timeout=30)  # the check of every file, in the background
        rss = terminal.rss_peak()
        sent = terminal.send("q")
        ended = terminal.wait_exit(10)
        quit_seconds = time.perf_counter() - sent if ended is not None else None
        return {
            "list_complete": whole - terminal.started if whole else None,
            "rss_kb": rss,
            "quit": quit_seconds,
        }
    finally:
        terminal.close()


def run_busy_quit(argv: list[str], env: dict[str, str], expected: int) -> float | None:
    """`Enter` then `q` the moment the list is whole: seconds from `q` to the end."""
    terminal = Terminal(argv, env)
    try:
        if terminal.wait_for(lambda text: listed_count(text) >= expected, 60) is None:
            return None
        terminal.send("\r")
        sent = terminal.send("q")
        ended = terminal.wait_exit(10)
        return time.perf_counter() - sent if ended is not None else None
    finally:
        terminal.close()


def run_command(argv: list[str], env: dict[str, str]) -> float | None:
    """Wall time of one command, or None if it failed."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    return elapsed if done.returncode == 0 and done.stdout else None
