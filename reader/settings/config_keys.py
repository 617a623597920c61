"""Every key the config file takes, in one table: how it is read, its default, its words.

The loader (`config_file.load_config`), `reader config init`'s commented
example and `reader config show` are all made from `CONFIG_KEYS`, so a new
setting is one entry here (and the `Settings` field the code reads it from).
A key's own words (its comment in the example) sit beside it as an (English,
French) pair: they belong to the entry, not to the catalogue's prose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.settings.errors import ReaderError
from reader.settings.hide_rules import BadRule, HideRule, read_rule
from reader.settings.i18n import LANGUAGES, Msg, words

WIDTH_RANGE = (40, 160)
FETCH_EVERY_RANGE = (0, 100_000)


class Unusable(ReaderError):
    """A value the file gives that cannot be used; `reason` says why, for a person."""

    reason: Msg


Nested = list[tuple[str, Msg]]
"""Problems found inside a key's value (`keys:` entries), each with the entry's name."""


@dataclass(frozen=True)
class ConfigKey:
    name: str
    """As written in the file, and the `Settings` field it sets (but `content`)."""
    read: Callable[[Any], tuple[Any, Nested]]
    """The usable value, and problems in its entries; raises `Unusable` if there is none."""
    default: Any
    """What a run uses when the file says nothing (None: decided elsewhere, e.g. the theme
    last chosen)."""
    example: Callable[[str], str]
    """The example value for `config init`, in a language (YAML after `name:`)."""
    about: tuple[str, str]
    """The example's comment, in English and French."""
    unset: str = "cli.config.none"
    """The catalogue's words `config show` uses when the value is None."""


def expand(path: str) -> Path:
    """`~` and `~user` expanded; a user that does not exist leaves the path as written."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def _whole(low: int, high: int, bad: Msg) -> Callable[[Any], tuple[Any, Nested]]:
    def read(value: Any) -> tuple[int, Nested]:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value, []
        raise Unusable(bad)

    return read


def _theme(value: Any) -> tuple[str, Nested]:
    if isinstance(value, str) and value.strip():
        return value.strip(), []
    raise Unusable(Msg.of("config.bad_theme"))


def _folders(value: Any) -> tuple[tuple[Path, ...], Nested]:
    items = [value] if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        return tuple(expand(item) for item in items), []
    raise Unusable(Msg.of("config.bad_content"))


def _language(value: Any) -> tuple[str, Nested]:
    if value in LANGUAGES:
        return str(value), []
    raise Unusable(Msg.of("config.bad_language", languages=", ".join(LANGUAGES)))


def _keys(value: Any) -> tuple[dict[str, str], Nested]:
    if isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        from reader.settings.keymap import check_keymap

        keymap, wrong = check_keymap(value)
        nested = [(binding_id, Msg.of("config.ignored", reason=why)) for binding_id, why in wrong]
        return keymap, nested
    raise Unusable(Msg.of("config.bad_keys"))


def _hide(value: Any) -> tuple[tuple[HideRule, ...], Nested]:
    """`hide:` as a list of rules; `- Feed name: rule` (YAML reads a mapping there) is that
    feed's rule, as is a feed's list of them."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise Unusable(Msg.of("config.bad_hide"))
    lines: list[str] = []
    for item in items:
        if isinstance(item, str):
            lines.append(item)
        elif isinstance(item, dict) and all(isinstance(feed, str) for feed in item):
            for feed, rules in item.items():
                for rule in [rules] if isinstance(rules, str) else rules or []:
                    lines.append(f"{feed}: {rule}" if isinstance(rule, str) else "")
        else:
            raise Unusable(Msg.of("config.bad_hide"))
    found, nested = [], []
    for line in lines:
        try:
            found.append(read_rule(line))
        except BadRule as bad:
            nested.append((line.strip(), Msg.of("config.ignored", reason=bad.reason)))
    return tuple(found), nested


CONFIG_KEYS: tuple[ConfigKey, ...] = (
    ConfigKey(
        "theme",
        _theme,
        None,
        lambda language: "textual-dark",
        ("any theme name from the command palette", "un nom de thème de la palette de commandes"),
        unset="cli.config.last_theme",
    ),
    ConfigKey(
        "reading_width",
        _whole(*WIDTH_RANGE, Msg.of("config.bad_width", low=WIDTH_RANGE[0], high=WIDTH_RANGE[1])),
        None,
        lambda language: "80",
        ("text column, 40 to 160", "largeur du texte, de 40 à 160"),
        unset="cli.config.last_width",
    ),
    ConfigKey(
        "fetch_every",
        _whole(*FETCH_EVERY_RANGE, Msg.of("config.bad_fetch_every")),
        30,
        lambda language: "30",
        (
            "minutes between feed fetches at launch; 0: never",
            "minutes entre deux récupérations des flux ; 0 : jamais",
        ),
    ),
    ConfigKey(
        "content",
        _folders,
        (),
        lambda language: "\n  - ~/notes",
        (
            "extra article folders, read at every launch",
            "dossiers d'articles en plus, lus à chaque lancement",
        ),
    ),
    ConfigKey(
        "language",
        _language,
        None,
        lambda language: language,
        ("interface language: en or fr", "langue de l'interface : en ou fr"),
    ),
    ConfigKey(
        "hide",
        _hide,
        (),
        lambda language: '\n  - title contains "Sponsored"',
        (
            "feed items never kept; see the README",
            "articles de flux jamais gardés ; voir le README",
        ),
    ),
    ConfigKey(
        "keys",
        _keys,
        {},
        lambda language: '\n  main.next: "n,right"',
        (
            "binding id: key(s); the README lists the ids",
            "identifiant de raccourci : touche(s) ; voir le README",
        ),
    ),
)
BY_NAME = {key.name: key for key in CONFIG_KEYS}

COMMENT_COLUMN = 29
"""Where the example's comments start, lined up."""


def example_lines(language: str) -> list[str]:
    """The config file's example, a line each: every key with its example value and words."""
    lines = []
    for key in CONFIG_KEYS:
        first, *rest = f"{key.name}: {key.example(language)}".replace(": \n", ":\n").split("\n")
        lines.append(f"{first.ljust(COMMENT_COLUMN)}# {words(key.about)}")
        lines.extend(rest)
    return lines
