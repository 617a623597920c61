"""`reader FILE.md`, `reader DIR`, `reader URL`: the interface on that alone, in a real terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

PAGE = """<html lang="en"><head><title>Shown, not kept</title></head><body>
<nav>Home About Contact</nav><article><h1>Shown, not kept</h1>
<p>The text of a page opened straight from its address, long enough to be the main text.</p>
<p>A second paragraph, so the extractor is sure this is the article of the page.</p>
</article></body></html>"""


def test_a_file_opens_alone_and_at_once(launch, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = launch(str(library_dir / "world" / "second-en.md"))
    assert terminal.wait_for(lambda text: "An English text that has a French version." in text)
    assert "Articles (1)" in terminal.text() and "Alpha report" not in terminal.text()
    terminal.send("q")
    assert terminal.wait_exit() == 0


def test_a_folder_opens_alone(launch, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = launch(str(library_dir / "world"))
    assert terminal.wait_for(lambda text: "Beta report" in text and "Articles (2)" in text)
    assert "Reading with reader" not in terminal.text()  # the bundled library stays out
    terminal.send("q")
    assert terminal.wait_exit() == 0


def test_an_address_is_shown_without_being_kept_until_a_keeps_it(  # type: ignore[no-untyped-def]
    launch, httpserver: HTTPServer, isolated_user_dirs: Path, tmp_path: Path
) -> None:
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    terminal = launch(httpserver.url_for("/page"), TMPDIR=str(temporary))
    assert terminal.wait_for(lambda text: "Shown, not kept" in text and "Articles (1)" in text)
    saved = isolated_user_dirs / "data" / "library"
    assert not saved.exists()
    terminal.send("a")
    assert terminal.wait_for(lambda text: httpserver.url_for("/page") in text), terminal.text()
    terminal.send("\r")
    assert terminal.wait_for(lambda text: "Added: Shown, not kept" in text)
    assert len(list(saved.glob("*.md"))) == 1
    terminal.send("q")
    assert terminal.wait_exit() == 0
    assert list(temporary.iterdir()) == []  # the page shown was a temporary folder, gone


def test_a_missing_file_is_an_error_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main(["no-such-note.md"]) == 1
    assert "no-such-note.md" in capsys.readouterr().err
