"""Every command and the interface over a hostile library: no traceback, no hang,
no runaway memory, and no escape sequence from content in any output."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal
from tests.hostile import ESCAPES, build_hostile_library

TIME_LIMIT = 60.0
"""A generous bound: anything near it is a hang, not a slow machine."""
MEMORY_LIMIT = 1536 * 1024 * 1024
"""Address space for one command; the 50 MB line once took 870 MB of it."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        capture_output=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory,
        input=stdin.encode() if stdin is not None else None,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def assert_clean(result: subprocess.CompletedProcess[bytes]) -> str:
    """No traceback, and no raw escape of the corpus on stdout or stderr."""
    for stream in (result.stdout, result.stderr):
        assert b"Traceback" not in stream, stream.decode(errors="replace")[-3000:]
        assert b"\x1b" not in stream and b"\x07" not in stream
        assert "\x9b" not in stream.decode("utf-8", errors="replace")
    return result.stdout.decode("utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return build_hostile_library(tmp_path / "hostile")


def test_check_reports_each_bad_file_by_name_and_reason(hostile: Path) -> None:
    result = run("check", str(hostile))
    out = assert_clean(result)
    assert result.returncode == 1
    expectations = {
        "impossible-date.md:3: warning: ": "not a date",
        "year-zero.md:3: warning: ": "not a date",
        "unclosed-quote.md:2: error: ": "not valid YAML",
        "raw-escape-in-yaml.md:2: error: ": "control characters are not allowed",
        "yaml-bomb.md:2: error: ": "nested more than 64 levels",
        "binary.md: error: ": "binary",
        "too-large.md: error: ": "too large to read",
        "fifo.md: warning: ": "not a regular file",
    }
    for where, why in expectations.items():
        [line] = [line for line in out.splitlines() if where in line]
        assert why in line, line


def test_every_listing_command_stays_clean(hostile: Path) -> None:
    base = ["--no-bundled", "--content", str(hostile)]
    listing = run(*base, "list", "--json")
    records = json.loads(assert_clean(listing))
    ids = {record["id"] for record in records}
    assert {"impossible-date", "nested-list", "wide-table", "one-long-line"} <= ids
    assert "bad\ufffd-name" in ids and "␛[2Jclear" in ids
    dated = {record["id"]: record["published"] for record in records}
    assert dated["impossible-date"] is None  # kept, undated, with a warning
    for command in (["list"], ["search", "word"], ["search", "a* " * 3000], ["bookmarks"]):
        result = run(*base, *command)
        assert_clean(result)
        assert result.returncode == 0, result.stderr[-2000:]
    assert_clean(run(*base, "search", "q" * 100_000))


@pytest.mark.parametrize(
    ("article_id", "last_words"),
    [
        ("escapes-everywhere", "end of escapes."),
        ("nested-list", "After nested list."),
        ("nested-quotes", "After quotes."),
        ("wide-table", "After table."),
        ("one-long-line", "last-word"),
        ("␛[2Jclear", "Its name is the point."),
    ],
)
def test_show_renders_every_hostile_article_to_its_end(
    hostile: Path, article_id: str, last_words: str
) -> None:
    result = run("--no-bundled", "--content", str(hostile), "show", article_id)
    out = assert_clean(result)
    assert result.returncode == 0, result.stderr[-2000:]
    assert last_words in out


def test_hostile_import_and_markdown_export_stay_clean(hostile: Path, tmp_path: Path) -> None:
    export = tmp_path / "state.json"
    export.write_text(
        json.dumps(
            {
                "format": "reader-state",
                "bookmarks": [
                    {"id": f"x{ESCAPES[0]}", "title": ESCAPES[1], "note": ESCAPES[2]},
                ],
            }
        ),
        encoding="utf-8",
    )
    assert run("import", str(export)).returncode == 0
    for command in (["bookmarks"], ["bookmarks", "--json"], ["export", "--format", "markdown"]):
        out = assert_clean(run("--no-bundled", "--content", str(hostile), *command))
        assert "␛" in out or "\\u241b" in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[" * 100_000, "nested too deeply"),
        (
            '{"format": "reader-state", "articles": [{"id": "a", "position": {"line": 1e999}}]}',
            "position.line must be a whole number",
        ),
        (
            '{"format": "reader-state", "articles": [{"id": "a", "position": {"line": 1,'
            ' "progress": Infinity}}]}',
            "Infinity is not a number JSON allows",
        ),
    ],
)
def test_a_hostile_import_file_is_refused_clearly(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    result = run("import", str(path))
    assert_clean(result)
    assert result.returncode == 1
    assert words in result.stderr.decode()


def test_a_fifo_or_dev_zero_as_config_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)
    for config in (fifo, Path("/dev/zero")):
        env = dict(os.environ, READER_CONFIG=str(config))
        result = subprocess.run(
            [sys.executable, "-m", "reader", "--no-bundled", "list"],
            capture_output=True,
            timeout=TIME_LIMIT,
            env=env,
            preexec_fn=_limit_memory,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0
        assert b"not a regular file" in result.stderr


def test_missing_content_and_bad_widths_are_errors_naming_them(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    for path in (str(missing), "~nosuchuser-reader/notes"):
        result = run("--content", path, "list")
        assert_clean(result)
        assert (
            result.returncode == 1 and f"{path}: no such file or folder" in result.stderr.decode()
        )
    for width in ("0", "-5", "100000000"):
        result = run("show", "guide/reading-with-reader", "--width", width)
        assert result.returncode == 1 and b"give a width from 20 to 1000" in result.stderr


def test_a_single_markdown_file_given_as_content_is_read(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# A single note\n\nHello.\n", encoding="utf-8")
    out = assert_clean(run("--no-bundled", "--content", str(note), "list"))
    assert "A single note" in out


def list_focused(text: str) -> bool:
    """The footer offers `⏎ Open`: the article list has the focus."""
    return "⏎ Open" in text.rstrip().splitlines()[-1]


def test_the_interface_opens_every_hostile_article(hostile: Path) -> None:
    env = dict(os.environ, TERM="xterm-256color")
    argv = [sys.executable, "-m", "reader", "--no-bundled", "--content", str(hostile)]
    term = Terminal(argv, env, columns=120, lines=40)
    raw = bytearray()
    original_feed = term.stream.feed

    def feed(data: bytes) -> None:
        raw.extend(data)
        original_feed(data)

    term.stream.feed = feed  # type: ignore[method-assign]
    try:
        assert term.wait_for(lambda text: "Wide table" in text, timeout=TIME_LIMIT)
        term.settle()
        count = sum(1 for line in term.text().splitlines() if "2026-01-05" in line)
        assert count >= 8
        screens = [term.text()]
        for _ in range(count):
            # Each step waits for what it shows, not for a pause in the output: on a
            # busy machine the body is read off the UI thread for longer than any
            # pause, and `G` sent meanwhile went to the list (the race once seen).
            # The footer says where the focus is: "⏎ Open" while the list has it.
            term.send("\r")  # open the highlighted article...
            assert term.wait_for(lambda text: not list_focused(text), TIME_LIMIT)
            term.settle(quiet=0.3, timeout=TIME_LIMIT)
            screens.append(term.text())
            assert "Traceback" not in screens[-1]
            term.send("G")  # ...go to its end...
            term.settle(quiet=0.3, timeout=TIME_LIMIT)
            screens.append(term.text())
            term.send("\x1b")  # ...and back to the list, one down
            assert term.wait_for(list_focused, TIME_LIMIT)
            term.send("j")
            term.settle()
        seen = "\n".join(screens)
        assert "␛[2J" in seen and "␛]52;c;" in seen  # shown as symbols, not obeyed
        assert "After table." in seen or "⚠ reader shows this article differently" in seen
        term.send("q")
        assert term.wait_exit(timeout=TIME_LIMIT) == 0
    finally:
        term.close()
    assert b"\x1b]52" not in raw  # no clipboard write from a file name or a body
    assert "\x9b" not in raw.decode("utf-8", errors="replace")
