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
    assert (config.get("theme"), config.get("reading_width"), config.get("language")) == (
        "nord",
        100,
        "fr",
    )
    assert config.get("content") == (tmp_path,) and config.get("keys") == {"main.next": "right"}
    assert config.problems == ()


def test_broken_yaml_names_the_line_and_falls_back(write_config: ConfigWriter) -> None:
    path = write_config("theme: nord\nreading_width: [80\n")
    config = load_config(path)
    assert config.get("theme") is None
    [problem] = map(str, config.problems)
    assert problem.startswith(f"{path}:2:") and "using the defaults" in problem  # the [ opens there


def test_yaml_the_parser_cannot_even_read_is_called_invalid(write_config: ConfigWriter) -> None:
    path = write_config("theme: a\x07b\n")
    [problem] = map(str, load_config(path).problems)
    assert problem == f"{path}: not valid YAML; using the defaults"


def test_a_wrong_value_is_ignored_and_the_rest_kept(write_config: ConfigWriter) -> None:
    path = write_config("theme: nord\nreading_width: 9000\ncolour: red\n")
    config = load_config(path)
    assert config.get("theme") == "nord" and config.get("reading_width") is None
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


def test_keys_that_cannot_work_are_reported_with_their_line(write_config: ConfigWriter) -> None:
    path = write_config(
        "keys:\n"
        "  main.next: n,right\n"
        "  main.nxet: x\n"
        "  reader.up: k,uparrow\n"
        "  main.previous: right\n"
        "  list.down: j,full_stop\n"
    )
    config = load_config(path)
    assert config.get("keys") == {"main.next": "n,right", "list.down": "j,full_stop"}
    problems = sorted(map(str, config.problems))
    assert problems == [
        f"{path}:3: keys: no binding has the id 'main.nxet' (the README lists them); ignored",
        f"{path}:4: keys: reader.up: 'uparrow' is not a key name "
        "(like j, ctrl+p, pagedown, full_stop); ignored",
        f"{path}:5: keys: right is given to both main.next and main.previous; ignored",
    ]


def test_the_same_key_in_two_panes_is_no_clash(write_config: ConfigWriter) -> None:
    path = write_config("keys:\n  list.down: x\n  reader.down: x\n")
    config = load_config(path)
    assert config.problems == () and config.get("keys") == {"list.down": "x", "reader.down": "x"}


def test_every_binding_id_in_the_readme_is_known() -> None:
    import re

    from reader.settings.keymap import binding_ids

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Binding ids:") : readme.index("## Language")]
    listed = set(re.findall(r"`([a-z]+\.[a-z_]+)`", section))
    assert listed and listed <= binding_ids()


def test_fetch_every_is_whole_minutes_or_it_is_said(write_config: ConfigWriter) -> None:
    assert load_config(write_config("fetch_every: 0\n")).get("fetch_every") == 0
    path = write_config("fetch_every: soon\n")
    config = load_config(path)
    assert "fetch_every" not in config.values
    assert f"{path}:1: fetch_every: minutes between fetches" in str(config.problems[0])


def test_every_key_of_the_example_is_read_back_as_its_example(
    write_config: ConfigWriter,
) -> None:
    """`config init`'s example, uncommented, is a valid file setting every key: the
    example and the loader are made from one table and cannot drift apart."""
    from reader.cli.config_command import commented_example
    from reader.settings.config_keys import CONFIG_KEYS

    text = "".join(
        line[2:] if line.startswith("# ") and not line.startswith("# reader") else line
        for line in commented_example().splitlines(keepends=True)
    )
    config = load_config(write_config(text))
    assert config.problems == ()
    assert set(config.values) == {key.name for key in CONFIG_KEYS}
    assert config.get("fetch_every") == 30 and config.get("keys") == {"main.next": "n,right"}
