"""The string catalogue, the language choice, and the French of the data layer and CLI."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from dataclasses import replace
from pathlib import Path

import pytest

import reader
from reader.index.catalogue import Catalogue
from reader.library.article import Article
from reader.library.parse import parse_text
from reader.markdown.rendering import byline, format_date
from reader.settings.config import resolve_settings
from reader.settings.i18n import Msg, plural, set_language, t
from reader.settings.strings import STRINGS

PACKAGE = Path(reader.__file__).parent
LOOKUPS = {"t", "plural", "of", "key"}
"""Functions whose string argument names a catalogue entry (`key`: a binding id)."""


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _references() -> tuple[set[str], set[str], set[str]]:
    """What the code names: keys passed to a lookup, fixed starts of f-string keys, and
    every string constant (keys are sometimes chosen first, then looked up)."""
    looked_up: set[str] = set()
    prefixes: set[str] = set()
    constants: set[str] = set()

    def argument(node: ast.expr, prefix: str) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            looked_up.add(prefix + node.value)
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant):
                prefixes.add(prefix + str(first.value))
        elif isinstance(node, ast.IfExp):
            argument(node.body, prefix)
            argument(node.orelse, prefix)

    for path in PACKAGE.rglob("*.py"):
        if path.name == "strings.py":
            continue  # the catalogue itself names every key
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                start = str(node.values[0].value)
                if start.endswith(".") and " " not in start:
                    prefixes.add(start)  # a key built first, looked up later
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            index = 2 if name == "key" else 0
            if name in LOOKUPS and len(node.args) > index:
                argument(node.args[index], "key." if name == "key" else "")
    return looked_up, prefixes, constants


def test_every_string_has_english_and_french_with_the_same_parameters() -> None:
    for key, (english, french) in STRINGS.items():
        assert english.strip() and french.strip(), key
        assert _fields(english) == _fields(french), key


def test_the_catalogue_names_each_key_once() -> None:
    tree = ast.parse((PACKAGE / "settings" / "strings.py").read_text(encoding="utf-8"))
    keys = [
        node.value
        for assign in ast.walk(tree)
        if isinstance(assign, ast.Dict)
        for node in assign.keys
        if isinstance(node, ast.Constant)
    ]
    assert len(keys) == len(set(keys)) == len(STRINGS)


def test_every_key_the_code_names_is_in_the_catalogue_and_every_entry_is_used() -> None:
    looked_up, prefixes, constants = _references()
    plural_keys = {k.rsplit(".", 1)[0] for k in STRINGS if k.endswith((".one", ".other"))}
    missing = {k for k in looked_up if k not in STRINGS and k not in plural_keys}
    assert not missing, f"named in the code but not in the catalogue: {sorted(missing)}"
    named = looked_up | constants
    unused = {
        k
        for k in STRINGS
        if k not in named
        and not (k.endswith((".one", ".other", ".long")) and k.rsplit(".", 1)[0] in named)
        and not any(k.startswith(p) for p in prefixes)
    }
    assert not unused, f"in the catalogue but never used: {sorted(unused)}"


def test_no_user_visible_english_left_in_notices_and_titles() -> None:
    """Literal text handed to notify(), border titles or placeholders bypasses the catalogue."""
    offenders = []
    pattern = re.compile(
        r'(notify\(\s*f?"[A-Za-z]|border_(sub)?title = f?"[A-Za-z]|placeholder=f?"[A-Za-z])'
    )
    for path in PACKAGE.rglob("*.py"):
        if path.name == "strings.py":
            continue  # the catalogue itself names every key
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_language_comes_from_config_then_lc_all_lc_messages_lang(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("language: fr\n", encoding="utf-8")
    english = {"LANG": "en_US.UTF-8"}
    assert resolve_settings(config_file=config, environ=english).language == "fr"
    none = tmp_path / "none.yaml"
    assert resolve_settings(config_file=none, environ={"LANG": "fr_FR.UTF-8"}).language == "fr"
    both = {"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}
    assert resolve_settings(config_file=none, environ=both).language == "fr"
    assert resolve_settings(config_file=none, environ={"LANG": "de_DE"}).language == "en"
    assert resolve_settings(config_file=none, environ={}).language == "en"


def test_set_language_accepts_locale_names_and_falls_back_to_english() -> None:
    assert set_language("fr_FR.UTF-8") == "fr" and t("key.app.quit") == "Quitter"
    assert set_language("pt_BR") == "en" and t("key.app.quit") == "Quit"


def test_plural_follows_each_languages_rule() -> None:
    assert plural("main.unread", 1) == "1 unread" and plural("main.unread", 0) == "0 unread"
    set_language("fr")
    assert plural("main.unread", 0) == "0 non lu"
    assert plural("main.unread", 1) == "1 non lu"
    assert plural("main.unread", 2) == "2 non lus"


def test_dates_are_written_in_the_interface_language() -> None:
    day = dt.date(2026, 1, 19)
    assert format_date(day) == "19 January 2026"
    set_language("fr")
    assert format_date(day) == "19 janvier 2026"
    assert format_date(dt.date(2026, 3, 1)) == "1er mars 2026"
    assert format_date(dt.date(2026, 8, 1), "month") == "août 2026"
    assert format_date(dt.date(2026, 8, 1), "year") == "2026"


def test_the_byline_capitalises_names_but_leaves_unknown_codes_as_written() -> None:
    article = Article(id="a", file="a.md", title="A", language="fr", kind="report", word_count=460)
    assert byline(article) == "Report · French · 2 min read"
    set_language("fr")
    assert byline(article) == "Rapport · Français · 2 min de lecture"
    other = replace(article, language="sr-Latn", kind="Q&A")
    assert byline(other) == "Q&A · sr-Latn · 2 min de lecture"


def test_a_problem_is_worded_when_shown_in_the_language_then_in_force(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    result = parse_text("---\ntitle: [unclosed\n---\nbody\n", path, tmp_path)
    [problem] = result.problems
    assert "not valid YAML" in problem.format()
    set_language("fr")
    assert "n'est pas du YAML valide" in problem.format()
    assert re.match(rf"{re.escape(str(path))}:\d+: erreur: ", problem.format())


def test_cached_problems_read_in_the_language_of_the_next_run(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "typo.md").write_text("---\ntitle: T\nkind: raport\n---\nx\n", encoding="utf-8")
    first_run = Catalogue.open(tmp_path / "cache")
    first_run.sync([folder])
    first_run.close()
    set_language("fr")
    next_run = Catalogue.open(tmp_path / "cache")
    [problem] = next_run.cached_library([folder]).problems
    next_run.close()
    assert "genre inconnu 'raport'" in problem.message


def test_messages_nest_and_survive_a_round_trip_through_json() -> None:
    message = Msg.of("config.ignored", reason=Msg.of("config.unknown", key="colour"))
    assert str(message) == "unknown setting 'colour'; ignored"
    again = Msg.from_json(message.to_json())
    set_language("fr")
    assert str(again) == "réglage inconnu 'colour' ; ignoré"
    with pytest.raises(KeyError):
        Msg.of("no.such.string")
