"""The command line in French, and the config file's language over the locale's."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.support import ConfigWriter


def _run(*argv: str) -> str:
    out = io.StringIO()
    main(list(argv), out=out)
    return out.getvalue()


def test_cli_speaks_french_under_a_french_locale(
    monkeypatch: pytest.MonkeyPatch, library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    output = _run("check", str(library_dir))
    assert re.search(r"4 article\(s\) chargé\(s\), 0 erreur\(s\), \d+ avertissement\(s\)", output)
    assert "Aucun article ne correspond." in _run("--no-bundled", "search", "zzzzqqq")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Lire des articles dans le terminal." in capsys.readouterr().out


def test_the_config_files_language_wins_over_the_locale(
    monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path, library_dir: Path
) -> None:
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    (isolated_user_dirs / "config.yaml").write_text("language: fr\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "chargé(s)" in _run("check", str(library_dir))
    shown = _run("config", "show").splitlines()
    assert "language: fr" in shown  # the file's own key, as written in it
    assert "keys: (aucun)" in shown  # the words around it in French


def test_a_broken_config_is_reported_in_the_language_it_could_not_set(
    monkeypatch: pytest.MonkeyPatch,
    isolated_user_dirs: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    isolated_user_dirs.mkdir(parents=True, exist_ok=True)
    config = isolated_user_dirs / "config.yaml"
    config.write_text("language: fr\ncolour: blue\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _run("config", "show")
    assert f"{config}:2 : réglage inconnu 'colour' ; ignoré" in capsys.readouterr().err


def test_config_command_prints_path_and_settings(
    capsys: pytest.CaptureFixture[str], write_config: ConfigWriter, config_file: Path
) -> None:
    out = io.StringIO()
    assert main(["config", "path"], out=out) == 0
    assert out.getvalue() == f"{config_file}\n"  # the path alone: $EDITOR "$(reader config path)"
    assert "reader config init" in capsys.readouterr().err
    write_config("reading_width: 96\ntheme: 7\n")
    out = io.StringIO()
    assert main(["config", "show"], out=out) == 1
    assert "reading_width: 96" in out.getvalue()
    assert "'theme' must be a theme name" in capsys.readouterr().err


def test_config_init_writes_every_setting_commented_and_never_over_a_file(
    capsys: pytest.CaptureFixture[str], config_file: Path
) -> None:
    out = io.StringIO()
    assert main(["config", "init"], out=out) == 0
    text = config_file.read_text(encoding="utf-8")
    assert "# reading_width: 80" in text and "# fetch_every: 30" in text
    assert all(line.startswith("#") for line in text.splitlines() if line.strip())
    out = io.StringIO()
    assert main(["config", "show"], out=out) == 0  # all commented: nothing changes
    assert "reading_width: (the last one chosen" in out.getvalue()
    config_file.write_text("reading_width: 70\n", encoding="utf-8")
    assert main(["config", "init"], out=io.StringIO()) == 1
    assert "exists already" in capsys.readouterr().err
    assert config_file.read_text(encoding="utf-8") == "reading_width: 70\n"


def test_config_edit_opens_the_file_in_the_users_editor(
    config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "my editor.py"  # a space in its path: the command is split as a shell would
    editor.write_text(
        "import sys\nwith open(sys.argv[-1], 'a') as f:\n    f.write('reading_width: 72\\n')\n"
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} '{editor}'")
    assert main(["config", "edit"], out=io.StringIO()) == 0
    out = io.StringIO()
    main(["config", "show"], out=out)
    assert "reading_width: 72" in out.getvalue()
