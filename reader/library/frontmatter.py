"""Bytes to text, and text to front matter (parsed) and body.

The first steps of reading a file: decoding (rejecting what cannot be an
article), then separating a YAML (`---`) or TOML (`+++`) front matter from the
Markdown body. Whatever is wrong raises `Rejected` with the line and reason;
`reader.library.parse` turns it into a `Problem`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg

_BINARY_SNIFF = 8192
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True, slots=True)
class Split:
    meta: dict[str, Any]
    body: str
    raw: str = ""
    """The front matter as written, to find the line a key is on."""

    def key_line(self, key: str) -> int | None:
        """The file line of a top-level front-matter key, for messages."""
        pattern = re.compile(rf"{re.escape(key)}\s*[:=]", re.IGNORECASE)
        for number, line in enumerate(self.raw.split("\n"), start=2):
            if pattern.match(line):
                return number
        return None


class Rejected(ReaderError):
    """The file cannot be loaded; carries the line and the reason (made a `Problem`)."""

    def __init__(self, line: int | None, message: Msg) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# ---------------------------------------------------------------------------
# bytes -> text


def decode(data: bytes) -> str:
    """Bytes to text with normalised newlines; raises `Rejected` with a reason.

    Rejects what cannot be an article: an empty file, a binary file (a NUL byte
    near the start), bytes that are not UTF-8 (naming the line of the first bad
    byte so the user can find it).
    """
    if not data.strip():
        raise Rejected(None, Msg.of("problem.empty"))
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise Rejected(None, Msg.of("problem.binary"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise Rejected(
            line,
            Msg.of("problem.not_utf8", byte=f"{data[error.start]:02x}", offset=error.start),
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# ---------------------------------------------------------------------------
# text -> front matter + body


def _parse_yaml(raw: str, first_line: int) -> Any:
    from reader.settings.untrusted import YamlError, load_yaml  # yaml: not at start-up

    try:
        return load_yaml(raw)
    except YamlError as error:
        line = first_line + error.line if error.line is not None else first_line
        raise Rejected(line, Msg.of("problem.bad_yaml", reason=error.detail)) from None


def _parse_toml(raw: str, first_line: int) -> Any:
    import tomllib

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = first_line + int(found.group(1)) - 1 if found else first_line
        reason = str(error).split(" (at ")[0]
        raise Rejected(line, Msg.of("problem.bad_toml", reason=reason)) from None


_CLOSERS = {
    "---": re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[^\S\n]*$", re.MULTILINE),
}
"""The line that ends front matter opened by `---` (or `...`, as YAML allows) or `+++`."""


def _divide(text: str) -> tuple[str | None, str, str]:
    """(fence, raw front matter, body); fence None when the text has no front matter.

    Found with one search, not by splitting the text into lines: the body is
    most of the file, and is read again for every article opened and indexed.
    """
    first, _, rest = text.partition("\n")
    fence = first.rstrip()
    if fence not in _CLOSERS:
        return None, "", text
    closing = _CLOSERS[fence].search(rest)
    if closing is None:
        raise Rejected(1, Msg.of("problem.unclosed", fence=fence))
    raw = rest[: closing.start()].removesuffix("\n")
    body = rest[closing.end() + 1 :]
    return fence, raw, body


def body_of(text: str) -> str:
    """The body alone, its front matter left unparsed; raises `Rejected` if unclosed."""
    return _divide(text)[2]


def split(text: str) -> Split:
    """Separate the front matter (parsed) from the body; raises `Rejected`."""
    fence, raw, body = _divide(text)
    if fence is None:
        return Split({}, text)
    meta = _parse_toml(raw, 2) if fence == "+++" else _parse_yaml(raw, 2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise Rejected(2, Msg.of("problem.not_mapping", what=describe(meta)))
    return Split(meta, body, raw)


def describe(value: Any) -> Msg:
    """What a value is, for a message: "a list", "a mapping"..."""
    if isinstance(value, list):
        return Msg.of("value.list")
    if isinstance(value, dict):
        return Msg.of("value.mapping")
    if isinstance(value, str):
        return Msg.of("value.text")
    return Msg.of("value.other", type=type(value).__name__)
