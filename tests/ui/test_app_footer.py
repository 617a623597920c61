"""The footer shows the keys that fit, whole: fewer keys at a small size, never a cut one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.widgets.footer import WholeKeysFooter
from tests.ui.helpers import SIZES, build_app, open_article, settle


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", SIZES)
async def test_every_key_shown_is_whole(
    library_dir: Path, size: tuple[int, int], language: str
) -> None:
    app = build_app(library_dir, language=language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for _ in range(2):  # the list, then an article open in the reading pane
            await pilot.pause()
            footer = app.screen.query_one(WholeKeysFooter)
            keys = list(footer.query("FooterKey"))
            palette = next(key for key in keys if key.has_class("-command-palette"))
            shown = [key for key in keys if key.display and key is not palette]
            assert shown, "at least one key besides the palette's"
            for key in shown:
                assert key.region.width > 0
                assert key.region.right <= palette.region.x, (size, key.description)
            if size[0] >= 200:  # room for all: none is left out
                assert len(shown) == len(keys) - 1
            words = {"en": {"Help", "Quit"}, "fr": {"Aide", "Quitter"}}[language]
            assert words <= {str(key.description) for key in shown}, size  # always there
            await open_article(pilot)
