"""The interface's words in the reader's language: lookup, plurals and deferred messages.

Every user-visible string lives in one table, `reader.settings.strings.STRINGS`, in
English and French; code names a string by its key. The few words that belong to
one entry of another table (a config key's comment, a reading-list format's name)
sit in that entry as an (English, French) pair, picked by `words`. The language is chosen once
per run (the CLI sets it from the config file or the locale, the app from its
settings) and is process-wide, as gettext's is: the data layer, the CLI and the
widgets all speak it without passing it around.

Some messages are made before the language is known or outlive a change of it
(a problem found while loading the config file that names the language; problems
cached in the catalogue). Those are `Msg` values: a key and its parameters,
turned into text only when shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reader.settings.strings import STRINGS

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""The interface languages, in the order of the catalogue's columns."""

_column = 0


def set_language(code: str) -> str:
    """Speak `code` from now on (`fr`, `fr_FR`, `en-GB`...); anything else means English.

    Returns the language in force.
    """
    global _column
    primary = code.replace("_", "-").split("-", 1)[0].lower()
    _column = LANGUAGES.index(primary) if primary in LANGUAGES else 0
    return LANGUAGES[_column]


def language() -> str:
    """The language the interface speaks now."""
    return LANGUAGES[_column]


def t(key: str, /, **params: Any) -> str:
    """The string `key` in the current language, with `{name}` parameters filled in.

    A `Msg` among the parameters is rendered in the same language.
    """
    template = STRINGS[key][_column]
    if not params:
        return template
    return template.format_map({name: _text(value) for name, value in params.items()})


def words(pair: tuple[str, str]) -> str:
    """Words that live beside their table entry (a config key's comment, a list format's
    name) as an (English, French) pair: the current language's."""
    return pair[_column]


def number(value: int) -> str:
    """A whole number as the language writes it: 10,000 in English, 10 000 in French."""
    grouped = f"{value:,}"
    return grouped.replace(",", "\u202f") if _column == 1 else grouped


def has(key: str) -> bool:
    """Whether the catalogue has `key` (for entries that exist only for some values)."""
    return key in STRINGS


def plural(key: str, count: int, /, **params: Any) -> str:
    """`key.one` or `key.other` by the language's rule, with `{count}` filled in.

    English uses the singular for 1 only; French for 0 and 1. The count is
    written as the language writes numbers (10,000 or 10 000).
    """
    one = count == 1 if _column == 0 else count in (0, 1)
    return t(f"{key}.{'one' if one else 'other'}", count=number(count), **params)


def _text(value: Any) -> Any:
    return str(value) if isinstance(value, Msg) else value


@dataclass(frozen=True, slots=True)
class Msg:
    """A message to be worded later: a catalogue key and its parameters.

    Hashable and storable (`to_json`): problems are kept in the catalogue cache
    and shown again in whatever language the next run speaks.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Msg:
        """`Msg.of("key", name=value)`; paths and numbers are kept as text or numbers."""
        if key not in STRINGS:
            raise KeyError(f"no string '{key}' in the catalogue")
        return cls(key, tuple((name, _plain(value)) for name, value in params.items()))

    def __str__(self) -> str:
        return t(self.key, **dict(self.params))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form; `from_json` reads it back."""
        return {
            "key": self.key,
            "params": {
                name: value.to_json() if isinstance(value, Msg) else value
                for name, value in self.params
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Msg:
        """Read back `to_json`; an unknown key (an older or newer reader) raises KeyError."""
        params = {
            name: cls.from_json(value) if isinstance(value, dict) else value
            for name, value in data.get("params", {}).items()
        }
        return cls.of(str(data["key"]), **params)


def _plain(value: Any) -> Any:
    if isinstance(value, (Msg, str, int, float)) or value is None:
        return value
    return str(value)
