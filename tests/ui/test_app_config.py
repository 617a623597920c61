"""The interface under a config file: its settings apply, and a broken file only warns."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from reader.settings.config import resolve_settings
from reader.settings.config_file import config_path
from reader.ui.app import make_app
from reader.ui.widgets.reading_pane import ReadingPane
from tests.support import ConfigWriter
from tests.ui.helpers import notices, settle


async def test_the_app_uses_the_config(library_dir: Path, write_config: ConfigWriter) -> None:
    write_config("theme: textual-light\nreading_width: 60\nkeys:\n  main.next: right\n")

    settings = resolve_settings(
        content_dirs=[library_dir], include_bundled=False, config_file=config_path()
    )
    app = make_app(settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        assert app.screen.query_one(ReadingPane).column_width == 60
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right")  # remapped "next article"
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "world/second-en"


async def test_a_broken_config_still_starts_with_a_notice(
    library_dir: Path, write_config: ConfigWriter
) -> None:
    write_config("reading_width: [\n")
    settings = resolve_settings(
        content_dirs=[library_dir], include_bundled=False, config_file=config_path()
    )
    seen: list[Message] = []
    app = make_app(settings)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ReadingPane).column_width == 80
    assert any("Config file" in n and str(config_path()) in n for n in notices(seen))


async def test_a_key_taken_from_another_binding_is_said(library_dir: Path) -> None:
    from dataclasses import replace

    from reader.settings.config import resolve_settings
    from reader.ui.app import make_app
    from tests.ui.helpers import notices

    settings = resolve_settings(content_dirs=[library_dir], include_bundled=False)
    for keys, expected in [
        ({"reader.page_up": "pageup,b"}, "keys: b, given to reader.page_up, is app.bookmark's"),
        ({"main.next": "right,n"}, None),  # its own key again: nothing taken
    ]:
        messages: list[Message] = []
        app = make_app(replace(settings, keys=keys))
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await settle(pilot)
            said = [text for text in notices(messages) if "keys:" in text]
            if expected is None:
                assert said == []
            else:
                assert any(expected in text for text in said), said
