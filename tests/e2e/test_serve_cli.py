"""`reader serve` from the command line: its checks and messages, without a browser."""

from __future__ import annotations

import argparse
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.serve_command import app_command, is_loopback


def test_each_tab_runs_this_reader_on_the_same_library_whatever_the_folder_is_called(
    tmp_path: Path,
) -> None:
    odd = tmp_path / "notes; rm -rf ~ $(id) 'quoted'"
    args = argparse.Namespace(content=[str(odd)], data_dir=str(tmp_path / "data"), no_bundled=True)
    argv = shlex.split(app_command(args))  # what the shell textual-serve starts will see
    assert argv[:3] == [sys.executable, "-m", "reader"]
    assert argv[3:] == ["--data-dir", str(tmp_path / "data"), "--content", str(odd), "--no-bundled"]


def test_only_loopback_addresses_count_as_private() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.3.2.1", "::1", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.10", "::", "example.org"]))


def test_listening_beyond_this_machine_warns_that_there_is_no_login(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from textual_serve.server import Server

    served: list[tuple[str, int, str]] = []

    def pretend(self: Server, debug: bool = False) -> None:
        served.append((self.host, self.port, self.public_url))

    monkeypatch.setattr(Server, "serve", pretend)
    assert main(["serve", "--no-bundled"]) == 0
    assert "anyone" not in capsys.readouterr().err
    assert main(["serve", "--no-bundled", "--host", "0.0.0.0", "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "0.0.0.0:8123 with no login: anyone who can reach this port" in err
    proxied = ["serve", "--no-bundled", "--public-url", "https://reader.example.net/"]
    assert main(proxied) == 0  # pages then point browsers at the proxy, not at 127.0.0.1
    assert served == [
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("0.0.0.0", 8123, "http://0.0.0.0:8123"),
        ("127.0.0.1", 8000, "https://reader.example.net"),
    ]
    assert main(["serve", "--public-url", "reader.example.net"]) == 1
    assert "starting with https://" in capsys.readouterr().err


def test_a_bad_port_or_a_missing_folder_is_said_before_serving(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["serve", "--port", "0"]) == 1
    assert "a port is a number from 1 to 65535" in capsys.readouterr().err
    assert main(["serve", "--content", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err


def test_a_port_in_use_is_a_message_not_a_traceback() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "reader", "serve", "--no-bundled", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_without_the_extra_the_message_says_what_to_install() -> None:
    script = (
        "import sys\n"
        "sys.modules['textual_serve'] = None  # as if the extra were not installed\n"
        "from reader.cli import main\n"
        "sys.exit(main(['serve', '--no-bundled']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 1
    assert "pip install 'textual-serve>=1.1'" in result.stderr  # never reader[serve]: not ours
    assert "Traceback" not in result.stderr


def test_the_terminal_interface_never_loads_the_web_libraries() -> None:
    script = (
        "import sys\n"
        "from reader.cli import interface\n"
        "from reader.settings.config import resolve_settings\n"
        "from reader.ui.app import make_app\n"
        "make_app(resolve_settings())\n"
        "web = ('textual_serve', 'aiohttp', 'httpx', 'trafilatura', 'feedparser')\n"
        "loaded = [m for m in web if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
