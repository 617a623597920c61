"""The config file: what it can set, and what happens when it is broken."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.settings.config import locale_language, resolve_settings
from reader.settings.config_file import load_config
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui import settle


def config_file() -> Path:
    return Path(os.environ["READER_CONFIG"])


def write_config(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_config_sets_everything(tmp_path: Path) -> None:
    path = write_config(
        f"theme: nord\nreading_width: 100\ncontent: [{tmp_path}]\nlanguage: fr\n"
        "keys:\n  main.next: right\n"
    )
    config = load_config(path)
    assert (config.theme, config.reading_width, config.language) == ("nord", 100, "fr")
    assert config.content == (tmp_path,) and config.keys == {"main.next": "right"}
    assert config.problems == ()


def test_broken_yaml_names_the_line_and_falls_back() -> None:
    path = write_config("theme: nord\nreading_width: [80\n")
    config = load_config(path)
    assert config.theme is None
    [problem] = map(str, config.problems)
    assert problem.startswith(f"{path}:3:") and "using the defaults" in problem


def test_yaml_the_parser_cannot_even_read_is_called_invalid() -> None:
    path = write_config("theme: a\x07b\n")
    [problem] = map(str, load_config(path).problems)
    assert problem == f"{path}: not valid YAML; using the defaults"


def test_a_wrong_value_is_ignored_and_the_rest_kept() -> None:
    path = write_config("theme: nord\nreading_width: 9000\ncolour: red\n")
    config = load_config(path)
    assert config.theme == "nord" and config.reading_width is None
    assert f"{path}:2: 'reading_width' must be" in str(config.problems[0])
    assert f"{path}:3: unknown setting 'colour'" in str(config.problems[1])


def test_a_missing_config_is_no_problem() -> None:
    assert load_config(config_file()).problems == ()


def test_language_comes_from_config_then_locale() -> None:
    assert locale_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert locale_language({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert locale_language({}) == "en"
    path = write_config("language: en\n")
    assert resolve_settings(config_file=path, environ={"LANG": "fr_FR"}).language == "en"


def test_config_folders_are_read_with_the_command_line_ones(
    library_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "extra.md").write_text("# Extra\n", encoding="utf-8")
    path = write_config(f"content: [{library_dir}]\n")
    settings = resolve_settings(config_file=path, content_dirs=[other], include_bundled=False)
    assert settings.content_dirs == (library_dir, other)


def test_config_command_prints_path_and_settings(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["config", "path"], out=out) == 0
    assert out.getvalue().startswith(f"{config_file()}\n")
    write_config("reading_width: 96\ntheme: 7\n")
    out = io.StringIO()
    assert main(["config", "show"], out=out) == 1
    assert "reading width: 96" in out.getvalue()
    assert "'theme' must be a theme name" in capsys.readouterr().err


async def test_the_app_uses_the_config(library_dir: Path) -> None:
    write_config("theme: textual-light\nreading_width: 60\nkeys:\n  main.next: right\n")
    from reader.settings.config_file import config_path
    from reader.ui.app import make_app

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


async def test_a_broken_config_still_starts_with_a_notice(library_dir: Path) -> None:
    from textual.message import Message

    from reader.settings.config_file import config_path
    from reader.ui.app import make_app
    from tests.ui import notices

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
