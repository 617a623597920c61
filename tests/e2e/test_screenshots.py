"""The README's pictures can be drawn again: the script draws a real screen."""

from __future__ import annotations

from pathlib import Path

from tests.screenshots import PICTURES, draw


async def test_the_screenshot_script_draws_the_screen(tmp_path: Path) -> None:
    name, theme, language, article_id = PICTURES[2]  # dark, French
    path = await draw(name, theme, language, article_id, out=tmp_path)
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Lire&#160;avec&#160;reader" in svg
    assert "Sources" in svg and "Articles&#160;(6)" in svg
