"""What the end-to-end tests share: reader started in a real (pseudo) terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

import pytest

from benchmarks.terminal import Terminal

Launch = Callable[..., Terminal]
"""`launch(*argv, **environment)`: reader in a 120x30 terminal, closed after the test."""


@pytest.fixture
def launch() -> Iterator[Launch]:
    started: list[Terminal] = []

    def start(*argv: str, **more: str) -> Terminal:
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="", LINES="", **more)
        terminal = Terminal([sys.executable, "-m", "reader", *argv], env, columns=120, lines=30)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.close()
