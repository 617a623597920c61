"""The one root of reader's errors: something went wrong that a person is told about.

Every layer's own errors (a page that cannot be fetched, a reading list that
cannot be read, a state file that cannot be written...) are `ReaderError`s,
so the command line and the interface catch one class, and what they show is
worded by the string catalogue in the interface's language. A `reason` is a
`Msg` (worded when shown) or, where a lower layer already worded it, text.
"""

from __future__ import annotations

import os

from reader.settings.i18n import Msg


class ReaderError(Exception):
    """`where` (a file, an address; None: nothing to name) and why, for a person."""

    def __init__(self, reason: Msg | str, where: str | os.PathLike[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where

    def __str__(self) -> str:
        text = str(self.reason)
        return f"{os.fspath(self.where)}: {text}" if self.where else text
