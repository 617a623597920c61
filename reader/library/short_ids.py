"""Short handles for article ids, as git has for commit hashes.

A feed item's id (`feeds/news-example-feed-xml-1a2b3c4d/city-council-approves-harbour-…-d381ba8d45`)
is long to type. The command line takes any part of an id that names one article alone: the
whole id, the last part of its path (the file's name), or the start of either. `reader list`
shows each article by the shortest such start of its file's name (at least `LEAST`
characters, to the end of a word), or by its whole id when its file's name is another
article's too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

LEAST = 8
"""Characters a short id has at least (fewer would be ambiguous as soon as articles arrive)."""
WORD_REST = 10
"""A short id that ends within a word goes on to the word's end if it is this near."""


def last_part(article_id: str) -> str:
    return article_id.rpartition("/")[2]


def resolve(ids: Iterable[str], given: str) -> list[str]:
    """The ids `given` may mean, best first: the id itself; else the one whose file's name
    it is; else every id whose whole or file's name starts with it."""
    ids = list(ids)
    if given in ids:
        return [given]
    named = [article_id for article_id in ids if last_part(article_id) == given]
    if len(named) == 1:
        return named
    return [
        article_id
        for article_id in ids
        if article_id.startswith(given) or last_part(article_id).startswith(given)
    ]


def short_ids(ids: Sequence[str], least: int = LEAST) -> dict[str, str]:
    """Each id's shortest handle that `resolve` takes back to it alone."""
    keys = sorted({(key, owner) for owner in ids for key in (owner, last_part(owner))})
    names: dict[str, int] = {}
    for owner in ids:
        names[last_part(owner)] = names.get(last_part(owner), 0) + 1
    place = {pair: index for index, pair in enumerate(keys)}
    shown = {}
    for owner in ids:
        name = last_part(owner)
        if names[name] > 1:  # another article's file has this name: only the whole id
            shown[owner] = owner
            continue
        index = place[(name, owner)]
        needed = max(
            _shared(name, _neighbour(keys, index, owner, -1)),
            _shared(name, _neighbour(keys, index, owner, +1)),
        )
        length = max(least, needed + 1)
        word_end = name.find("-", length)  # a whole word reads better than a cut one
        word_end = len(name) if word_end == -1 else word_end
        if word_end - length <= WORD_REST:
            length = word_end
        shown[owner] = name if length >= len(name) else name[:length]
    return shown


def _neighbour(keys: Sequence[tuple[str, str]], index: int, owner: str, step: int) -> str:
    """The nearest key, in sorted order, of another article than `owner` ("" if none)."""
    index += step
    while 0 <= index < len(keys):
        key, other = keys[index]
        if other != owner:
            return key
        index += step
    return ""


def _shared(one: str, other: str) -> int:
    """How many characters two texts start with in common."""
    count = 0
    for first, second in zip(one, other, strict=False):
        if first != second:
            break
        count += 1
    return count
