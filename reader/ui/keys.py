"""Key bindings whose descriptions come from the string catalogue.

A binding's description is the catalogue entry `key.<binding id>`, so the
footer, the help screen and the keymap all name one thing. Descriptions are
looked up when a class is defined (in the language of that moment) and again
for every instance (`translate_bindings`), so an app made in French after the
classes were imported in English still speaks French.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from reader.settings.i18n import has, t


def key(keys: str, action: str, binding_id: str, *, show: bool = True, **options: Any) -> Binding:
    """A `Binding` with a stable id (for keymaps) and the catalogue's description for it."""
    return Binding(keys, action, t(f"key.{binding_id}"), show=show, id=binding_id, **options)


def describe(binding: Binding, *, long: bool = False) -> str:
    """What a binding does, in the interface's language.

    `long`: the wording for the help screen, where there is room; the footer's
    short one (`key.<id>`) must leave room for every key on one line.
    """
    if not binding.id:
        return binding.description
    if long and has(f"key.{binding.id}.long"):
        return t(f"key.{binding.id}.long")
    return t(f"key.{binding.id}")


def translate_bindings(node: DOMNode) -> None:
    """Word the descriptions of `node`'s bindings in the current language.

    Call at the end of `__init__`: Textual copies the class's bindings into
    each instance there, and the footer reads them from the instance. Textual
    offers no public way to change a description (Textualize/textual#1410 asked
    for one; none came), so this changes `_bindings`, that copy: private API,
    pinned by the test extra's Textual and covered by the French UI tests.
    """
    key_to_bindings = node._bindings.key_to_bindings
    for keys, bindings in key_to_bindings.items():
        # A new list: the instance's map is a shallow copy sharing the class's lists.
        key_to_bindings[keys] = [
            replace(binding, description=describe(binding)) if binding.id else binding
            for binding in bindings
        ]


def remapped(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> Iterator[Binding]:
    """The bindings with the user's keymap applied, as the help screen must show them."""
    for binding in Binding.make_bindings(bindings):
        if binding.id and binding.id in keymap:
            for keys in keymap[binding.id].split(","):
                yield binding.with_key(keys.strip())
        else:
            yield binding


def key_clashes(
    places: Iterable[tuple[str, Iterable[BindingType]]], keymap: Mapping[str, str]
) -> list[str]:
    """What a keymap takes from another binding, worded for a notice.

    `places`: ("everywhere" or a pane, its bindings). A key the user gave to
    one binding that another one already answers in the same pane, or
    everywhere, silently wins there (the footer then drops the other), so it
    is said. The config file's own check sees only the keys it sets; this one
    knows the defaults too.
    """
    if not keymap:
        return []  # the defaults take nothing from each other
    answered: dict[tuple[str, str], str] = {}  # (place, key) -> binding id
    for place, bindings in places:
        for binding in remapped(bindings, keymap):
            if binding.id:
                answered.setdefault((place, binding.key), binding.id)
    said: list[str] = []
    for (place, name), owner in answered.items():
        for (other_place, other_name), other in answered.items():
            if name != other_name or owner == other or (owner not in keymap):
                continue
            if place == other_place or "everywhere" in (place, other_place):
                text = t("config.key_taken", key=name, id=owner, other=other)
                if text not in said:
                    said.append(text)
    return said
