"""What the main screen looks like, in a dark and a light theme, in English and French.

The fixture library and a fixed terminal size keep the pictures the same from
run to run; the test extra pins the Textual and Rich versions they were made with.
Update them on purpose with `pytest tests/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.helpers import build_app, open_article

SIZE = (120, 32)


def _open_first_in(theme: str) -> Callable[[Pilot[None]], Any]:
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await open_article(pilot, "first")

    return run_before


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_main_screen(snap_compare: Any, library_dir: Path, theme: str, language: str) -> None:
    app = build_app(library_dir, language=language)
    app.read_after = 24 * 3600  # the open article stays unread while the picture is taken
    assert snap_compare(app, terminal_size=SIZE, run_before=_open_first_in(theme))
