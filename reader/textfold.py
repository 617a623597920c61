"""Case- and accent-folding that keeps character offsets, for highlighting matches.

Search ignores case and accents (the index folds both). To show where a match
is, the reading pane folds the rendered text the same way and maps positions
straight back: one character in, one character out.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets still line up."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)
