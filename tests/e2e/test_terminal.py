"""reader in a real pseudo-terminal, read back as a person sees the screen."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal
from reader.cli import main
from reader.state.model import Bookmark
from reader.state.store import Store


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


def _stored(data_dir: Path, check: Callable[[Store], bool], timeout: float = 10.0) -> bool:
    """Whether the state file shows `check` within `timeout` (read as another process would)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        store = Store.open(data_dir)
        try:
            if check(store):
                return True
        finally:
            store.close()
        time.sleep(0.05)  # polling the file for a condition, not timing anything
    return False


def test_kill_9_keeps_what_was_saved_bookmark_note_and_place(
    terminal: Terminal, isolated_user_dirs: Path
) -> None:
    """What the README promises: changes are on disk within moments and survive a kill -9."""
    data = isolated_user_dirs / "data"
    assert terminal.wait_for(lambda text: "Alpha report" in text)
    terminal.send("\r")
    assert terminal.wait_for(lambda text: "The first paragraph" in text)
    terminal.send("b")
    assert _stored(data, lambda s: s.bookmark("first") is not None)
    terminal.send("B")
    assert terminal.wait_for(lambda text: "Ctrl+S saves" in text)
    # Typed and saved (Ctrl+S) in one burst, as fast typists and pastes do: the save
    # must come after the text (a priority binding overtook it and saved nothing).
    terminal.send("kept after a crash\x13")
    assert _stored(data, lambda s: (s.bookmark("first") or Bookmark("", "")).note != "")
    # The place and the open article are saved once scrolling pauses (0.4 s).
    assert _stored(data, lambda s: s.state("first").position is not None)
    assert _stored(data, lambda s: s.session("open_article") == "first")
    os.kill(terminal.pid, signal.SIGKILL)
    assert terminal.wait_exit() == -signal.SIGKILL
    store = Store.open(data)
    assert store.bookmark("first").note == "kept after a crash"  # type: ignore[union-attr]
    assert store.state("first").position is not None
    assert store.session("open_article") == "first"
    assert store.notices == ()  # the file is sound after the kill


def test_quitting_does_not_wait_for_a_feed_that_never_answers(
    library_dir: Path, isolated_user_dirs: Path
) -> None:
    """A fetch at launch stuck on a silent server (it would give up after ten seconds):
    `q` ends reader at once all the same, with the state saved."""
    data = isolated_user_dirs / "data"
    data.mkdir(parents=True)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(10)
        url = f"http://127.0.0.1:{server.getsockname()[1]}/feed.xml"
        feeds = [{"url": url, "name": "Silent", "fetched": None}]
        (data / "feeds.json").write_text(json.dumps(feeds), encoding="utf-8")
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="", LINES="")
        argv = [sys.executable, "-m", "reader", "--no-bundled", "--content", str(library_dir)]
        terminal = Terminal(argv, env, columns=120, lines=40)
        try:
            assert terminal.wait_for(lambda text: "Alpha report" in text)
            asking, _address = server.accept()  # the fetch has begun, and will hear nothing
            with asking:
                terminal.send("\r")
                assert terminal.wait_for(lambda text: "The first paragraph" in text)
                terminal.send("q")
                assert terminal.wait_exit(timeout=5) == 0
        finally:
            terminal.close()
    assert _stored(data, lambda s: s.session("open_article") == "first")


def test_worker_processes_end_with_reader(tmp_path: Path) -> None:
    """Left behind, a parsing process would finish its chunk, then print a traceback on
    the terminal reader has given back, on finding its parent gone."""
    script = tmp_path / "leave.py"
    script.write_text(
        "import multiprocessing, os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from reader.cli.interface import leave\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context('spawn'))\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    pool.submit(time.sleep, 60)\n"
        "    leave(0)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=30, check=True
    )
    child = int(done.stdout.split()[0])
    assert _ends(child, timeout=10)


def _ends(pid: int, timeout: float) -> bool:
    """Whether process `pid` is gone (or a zombie) within `timeout`."""
    deadline = time.monotonic() + timeout
    status = Path(f"/proc/{pid}/status")
    while time.monotonic() < deadline:
        try:
            if "\nState:\tZ" in status.read_text(encoding="utf-8"):
                return True
        except OSError:
            return True
        time.sleep(0.05)  # polling for the end, not timing anything
    return False
