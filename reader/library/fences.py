"""Fenced code blocks, tracked line by line: what looks like a heading inside one is not."""

from __future__ import annotations

import re

_FENCE = re.compile(r"(?: {0,3}>[ ]?)* {0,3}(`{3,}|~{3,})")
"""A fence, after a quote's (or callout's) markers if any: a fence in a quote is one too.
One pattern: a second test for quotes on every line cost twice as much (a line is looked
at by this for every file parsed)."""


class FenceTracker:
    """Given a Markdown body's lines in order, it says which belong to fenced code."""

    def __init__(self) -> None:
        self._open: str | None = None

    def in_code(self, line: str) -> bool:
        """True if the line opens, is inside, or closes a fenced code block.

        A fence closes with the same character, at least as many times as it opened.
        """
        found = _FENCE.match(line)
        if self._open is not None:
            marker = found.group(1) if found else ""
            if marker[:1] == self._open[0] and len(marker) >= len(self._open):
                self._open = None
            return True
        if found:
            self._open = found.group(1)
            return True
        return False
