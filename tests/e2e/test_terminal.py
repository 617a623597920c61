"""reader in a real pseudo-terminal, read back as a person sees the screen."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal
from reader.cli import main


@pytest.fixture
def terminal(library_dir: Path) -> Iterator[Terminal]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="", LINES="")
    argv = [sys.executable, "-m", "reader", "--no-bundled", "--content", str(library_dir)]
    term = Terminal(argv, env, columns=120, lines=40)
    yield term
    term.close()


def test_open_bookmark_and_quit_in_a_real_terminal(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    assert terminal.wait_for(lambda text: "Alpha report" in text and "Beta report" in text)
    terminal.send("j\r")
    assert terminal.wait_for(lambda text: "An English text that has a French version." in text)
    terminal.settle()
    terminal.send("b")
    assert terminal.wait_for(lambda text: "Bookmarked" in text)
    terminal.send("q")
    assert terminal.wait_exit() == 0
    assert main(["bookmarks", "--json"]) == 0
    [bookmark] = json.loads(capsys.readouterr().out)
    assert bookmark["id"] == "world/second-en"
