"""`reader show` on notes: clean text, links listed at the end, JSON, and a pager."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

from benchmarks.terminal import Terminal
from reader.cli import main
from tests.vault import build_vault


def show(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["show", *argv], out=out)
    return code, out.getvalue()


def test_a_note_shows_once_titled_with_no_raw_syntax_and_its_links_at_the_end(
    tmp_path: Path,
) -> None:
    vault = build_vault(tmp_path)
    code, text = show("Project ideas", "--no-bundled", "--content", str(vault), "--width", "80")
    assert code == 0
    # The header, and the [[#Second part]] link: named by its note, and by its address.
    assert text.count("Project ideas") == 3
    assert not re.search(r"\[\[(?!not a link)|\[!|\{%|\{\{[<%]", text), text
    tail = text[text.rindex("Links") :].splitlines()
    assert tail[1:] == [
        "  1. Reading list — reader:Reading list",
        "  2. Reading list › Books — reader:Reading list#Books",
        "  3. Project ideas › Second part — reader:Project ideas#Second part",
        "  4. https://example.org/page — https://example.org/page",
    ]


def test_show_json_has_the_links_and_the_notes_that_link_here(tmp_path: Path) -> None:
    vault = build_vault(tmp_path)
    code, text = show("Reading list", "--no-bundled", "--content", str(vault), "--json")
    record = json.loads(text)
    assert code == 0 and record["title"] == "Reading list"
    assert record["backlinks"] == ["Project ideas", "_posts/2026-01-05-welcome-to-jekyll"]
    code, text = show("Project ideas", "--no-bundled", "--content", str(vault), "--json")
    record = json.loads(text)
    assert record["aliases"] == ["Brainstorm"] and record["updated"] == "2026-03-04"
    assert {"text": "Reading list › Books", "url": "reader:Reading list#Books"} in record["links"]
    assert record["tags"] == ["planning", "idea", "nested/tag"]


def test_in_a_terminal_the_article_goes_through_the_pager(tmp_path: Path) -> None:
    vault = build_vault(tmp_path)
    paged = tmp_path / "paged.txt"
    env = dict(os.environ, TERM="xterm-256color", PAGER=f"tee {paged}")
    argv = [sys.executable, "-m", "reader", "show", "Reading list", "--no-bundled"]
    terminal = Terminal([*argv, "--content", str(vault)], env, columns=100, lines=30)
    try:
        assert terminal.wait_exit(timeout=30) == 0
    finally:
        terminal.close()
    received = paged.read_text(encoding="utf-8")
    assert "Intro paragraph 39." in received and "\x1b[" in received  # styled, for less -R
