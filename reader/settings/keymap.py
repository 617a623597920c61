"""Checking the `keys:` of a config file before the interface is built from them.

A typo there used to be ignored without a word: an id no binding has, a key
name no terminal sends, or one key given to two actions in the same place (the
second silently wins). Each is reported with the file and line; only the
entries that make sense are used. No Textual here: the binding ids are the
catalogue's (`key.<id>`, the words of every binding), and key names are
checked the way Textual names keys (special keys, or a character's Unicode
name in lower case with underscores: `full_stop`, `question_mark`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from reader.settings.i18n import Msg
from reader.settings.strings import STRINGS

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
SPECIAL_KEYS = frozenset(
    {"escape", "enter", "tab", "backspace", "delete", "insert", "home", "end", "pageup",
     "pagedown", "up", "down", "left", "right", "space"}
    | {f"f{number}" for number in range(1, 25)}
)  # fmt: skip
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def binding_ids() -> frozenset[str]:
    """Every id a binding has (the README's list), from the catalogue that words them."""
    return frozenset(
        key[4:] for key in STRINGS if key.startswith("key.") and not key.endswith(".long")
    )


def place(binding_id: str) -> str:
    """Where a binding acts: app and main-screen keys work everywhere, the rest in one pane."""
    group = binding_id.split(".", 1)[0]
    return "everywhere" if group in ("app", "main") else group


def is_key(key: str) -> bool:
    """Whether a terminal can send this key, as Textual names it (`ctrl+p`, `j`, `full_stop`)."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if any(modifier not in MODIFIERS for modifier in modifiers) or not name:
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in SPECIAL_KEYS:
        return True
    if not _NAME.fullmatch(name):
        return False
    try:
        unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def check_keymap(keys: Mapping[str, str]) -> tuple[dict[str, str], list[tuple[str, Msg]]]:
    """The usable entries of a keymap, and (binding id, reason) for each one set aside."""
    known = binding_ids()
    usable: dict[str, str] = {}
    problems: list[tuple[str, Msg]] = []
    taken: dict[tuple[str, str], str] = {}
    for binding_id, value in keys.items():
        if binding_id not in known:
            problems.append((binding_id, Msg.of("config.unknown_binding", id=binding_id)))
            continue
        names = [name.strip() for name in value.split(",")]
        wrong = [name for name in names if not is_key(name)]
        if wrong:
            message = Msg.of("config.bad_key", id=binding_id, key=", ".join(wrong))
            problems.append((binding_id, message))
            continue
        where = place(binding_id)
        key = next((name for name in names if (where, name) in taken), None)
        if key is not None:
            other = taken[(where, key)]
            message = Msg.of("config.key_twice", key=key, id=binding_id, other=other)
            problems.append((binding_id, message))
            continue
        for name in names:
            taken[(where, name)] = binding_id
        usable[binding_id] = ",".join(names)
    return usable, problems
