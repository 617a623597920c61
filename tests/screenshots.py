"""Draw the README's pictures of reader: real screens, as Textual exports them (SVG).

    python -m tests.screenshots

Dark and light, English and French, 120x36, on the bundled library with the
guide open. Run it again after a change to the interface, look at the four
files in `tests/screenshots/`, and commit them. Nothing of the user's is
read or written: the data and cache folders are temporary.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from dataclasses import replace
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (120, 36)
PICTURES = [
    ("dark-en", "textual-dark", "en", "guide/reading-with-reader"),
    ("light-en", "textual-light", "en", "guide/reading-with-reader"),
    ("dark-fr", "textual-dark", "fr", "guide/lire-avec-reader"),
    ("light-fr", "textual-light", "fr", "guide/lire-avec-reader"),
]


async def draw(name: str, theme: str, language: str, article_id: str, out: Path = OUT) -> Path:
    from reader.settings.config import resolve_settings
    from reader.ui.app import make_app

    settings = replace(resolve_settings(), language=language)
    app = make_app(settings)
    app.read_after = 24 * 3600  # the open article stays unread while it is drawn
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.main_screen.open_by_id(article_id)
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        svg = app.export_screenshot(title=f"reader ({theme}, {language})")
    path = out / f"{name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        for variable, folder in [
            ("READER_DATA_DIR", "data"),
            ("READER_CACHE_DIR", "cache"),
            ("READER_CONFIG", "none.yaml"),
        ]:
            os.environ[variable] = str(Path(home, folder))
        OUT.mkdir(exist_ok=True)
        for picture in PICTURES:
            print(asyncio.run(draw(*picture)))


if __name__ == "__main__":
    main()
