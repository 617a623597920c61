"""The config file: what it can set, and what happens when it is broken."""

from __future__ import annotations

from pathlib import Path

from reader.settings.config import locale_language, resolve_settings
from reader.settings.config_file import load_config
from tests.support import ConfigWriter


def test_a_good_config_sets_everything(tmp_path: Path, write_config: ConfigWriter) -> None:
    path = write_config(
        f"theme: nord\nreading_width: 100\ncontent: [{tmp_path}]\nlanguage: fr\n"
        "keys:\n  main.next: right\n"
    )
    config = load_config(path)
    assert (config.theme, config.reading_width, config.language) == ("nord", 100, "fr")
    assert config.content == (tmp_path,) and config.keys == {"main.next": "right"}
    assert config.problems == ()


def test_broken_yaml_names_the_line_and_falls_back(write_config: ConfigWriter) -> None:
    path = write_config("theme: nord\nreading_width: [80\n")
    config = load_config(path)
    assert config.theme is None
    [problem] = map(str, config.problems)
    assert problem.startswith(f"{path}:2:") and "using the defaults" in problem  # the [ opens there


def test_yaml_the_parser_cannot_even_read_is_called_invalid(write_config: ConfigWriter) -> None:
    path = write_config("theme: a\x07b\n")
    [problem] = map(str, load_config(path).problems)
    assert problem == f"{path}: not valid YAML; using the defaults"


def test_a_wrong_value_is_ignored_and_the_rest_kept(write_config: ConfigWriter) -> None:
    path = write_config("theme: nord\nreading_width: 9000\ncolour: red\n")
    config = load_config(path)
    assert config.theme == "nord" and config.reading_width is None
    assert f"{path}:2: 'reading_width' must be" in str(config.problems[0])
    assert f"{path}:3: unknown setting 'colour'" in str(config.problems[1])


def test_a_missing_config_is_no_problem(config_file: Path) -> None:
    assert load_config(config_file).problems == ()


def test_language_comes_from_config_then_locale(write_config: ConfigWriter) -> None:
    assert locale_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert locale_language({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert locale_language({}) == "en"
    path = write_config("language: en\n")
    assert resolve_settings(config_file=path, environ={"LANG": "fr_FR"}).language == "en"


def test_config_folders_are_read_with_the_command_line_ones(
    library_dir: Path, tmp_path: Path, write_config: ConfigWriter
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "extra.md").write_text("# Extra\n", encoding="utf-8")
    path = write_config(f"content: [{library_dir}]\n")
    settings = resolve_settings(config_file=path, content_dirs=[other], include_bundled=False)
    assert settings.content_dirs == (library_dir, other)
