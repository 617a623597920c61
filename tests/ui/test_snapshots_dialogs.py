"""What the dialogs look like at 80x24 and 120x40: the help screen, a bookmark's note,
the problems screen and the outline, in English and French.

As for the main screen (test_snapshots.py): update on purpose with
`--snapshot-update`, and look at the pictures before committing.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reader.ui.screens.problems import ProblemsScreen
from tests.ui.helpers import build_app, open_article, settle

SIZES = [(80, 24), (120, 40)]


async def _help(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")


async def _note(pilot: Pilot[None]) -> None:
    await open_article(pilot, "first")
    await pilot.press("B", *"Read again before the summit.")


async def _outline(pilot: Pilot[None]) -> None:
    await open_article(pilot, "first")
    await pilot.press("o")


async def _problems(pilot: Pilot[None]) -> None:
    await settle(pilot)
    app: Any = pilot.app
    app.push_screen(ProblemsScreen(app.main_screen.library.problems))


DIALOGS: dict[str, Callable[[Pilot[None]], Any]] = {
    "help": _help,
    "note": _note,
    "outline": _outline,
    "problems": _problems,
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog(
    snap_compare: Any,
    library_dir: Path,
    cases_dir: Path,
    dialog: str,
    size: tuple[int, int],
    language: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Folders named relative to a folder of the test's own: the problems screen shows
    # paths, and they must be the same wherever the tests run.
    shutil.copytree(cases_dir, library_dir.parent / "cases")
    monkeypatch.chdir(library_dir.parent)
    folders = (Path(library_dir.name), Path("cases"))
    app = build_app(*folders[: 2 if dialog == "problems" else 1], language=language)
    app.read_after = 24 * 3600  # nothing becomes read while the picture is taken
    assert snap_compare(app, terminal_size=size, run_before=DIALOGS[dialog])
