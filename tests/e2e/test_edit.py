"""`e` and `reader edit`: an article's file in the user's editor, read again on return.

The editor is a script that appends a line to the file it is given: the real
path (the terminal handed over and taken back), without anyone typing in vi.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.cli import main
from tests.e2e.conftest import Launch

pytestmark = pytest.mark.slow


def editor(tmp_path: Path) -> str:
    script = tmp_path / "editor.sh"
    script.write_text(
        '#!/bin/sh\nprintf "\\nWritten in the editor.\\n" >> "$1"\n', encoding="utf-8"
    )
    script.chmod(0o755)
    return str(script)


def note(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "draft.md"
    path.write_text("---\ntitle: A draft\n---\nThe first line of the draft.\n", encoding="utf-8")
    return path


def test_e_edits_the_open_note_and_shows_it_again(launch: Launch, tmp_path: Path) -> None:
    path = note(tmp_path / "notes")
    terminal = launch("--no-bundled", "--content", str(path.parent), EDITOR=editor(tmp_path))
    assert terminal.wait_for(lambda text: "A draft" in text)
    terminal.send("\r")
    assert terminal.wait_for(lambda text: "The first line of the draft." in text)
    terminal.send("e")
    assert terminal.wait_for(lambda text: "Written in the editor." in text), terminal.text()
    terminal.send("q")
    assert terminal.wait_exit() == 0
    assert path.read_text("utf-8").endswith("Written in the editor.\n")


def test_reader_edit_opens_the_file_and_refuses_the_bundled_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = note(tmp_path / "notes")
    monkeypatch.setenv("EDITOR", editor(tmp_path))
    out = io.StringIO()
    assert main(["edit", "draft", "--no-bundled", "--content", str(path.parent)], out=out) == 0
    assert path.read_text("utf-8").endswith("Written in the editor.\n")
    assert main(["edit", "reading-with-reader"], out=out) == 1
    assert "comes with reader" in capsys.readouterr().err
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    assert main(["edit", "draft", "--no-bundled", "--content", str(path.parent)], out=out) == 1
    assert "cannot start the editor" in capsys.readouterr().err
