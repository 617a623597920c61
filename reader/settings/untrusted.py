"""Reading what comes from outside without trusting it: files, YAML, names.

Every file reader opens (articles, the config file, import files) comes
through `read_regular_file`: it never blocks (a FIFO or a device named `x.md`
is refused, not waited on), and never reads more than a stated limit, so
`READER_CONFIG=/dev/zero` costs nothing. YAML goes through `load_yaml`: the safe
loader, with an impossible date (`2026-02-30`) kept as the text it was instead
of raising, and nesting deep enough to exhaust Python's stack reported like any
other YAML error. `display_text` makes a file name printable: bytes that are not
UTF-8 become U+FFFD and control characters visible symbols.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from pathlib import Path
from typing import Any

from reader.settings.i18n import Msg

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"  # SYMBOL FOR DELETE
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
del _TABLE[0x09], _TABLE[0x0A]
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Either of the above: most text has neither, and is looked through once (95 MB of
`list --json` took 0.4 s to look through twice)."""
_LATIN1_VISIBLE = bytes(
    code for code in range(256) if code in (0x09, 0x0A) or 0x20 <= code < 0x7F or code > 0x9F
)
"""The code points below 256 that are neither controls nor C1: see `_only_visible`."""
_LONG = 2048
"""Characters from which `_only_visible` tries the bytes first."""


def _only_visible(text: str, unsafe: re.Pattern[str]) -> bool:
    """True if `unsafe` (controls, and perhaps surrogates) is nowhere in the text.

    Long text of code points below 256 (English, French, the JSON of `list --json`)
    is looked through as bytes, which is six times faster than a regular expression:
    its Latin-1 bytes are a copy of its memory, and deleting every visible byte leaves
    nothing. Anything else (or a short text) is searched.
    """
    if len(text) >= _LONG:
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:  # a character above 255: searched instead
            pass
        else:
            return not data.translate(None, _LATIN1_VISIBLE)
    return unsafe.search(text) is None


class TooLarge(OSError):
    """A file is over the size limit given for it."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, over the limit of {limit}")
        self.size = size
        self.limit = limit


class NotRegular(OSError):
    """Not a regular file (a FIFO, a device, a socket, a folder): never read."""


def clean(text: str) -> str:
    """Replace every control character but newline and tab with a visible symbol.

    ESC becomes '␛' (U+241B), other C0 controls their Control Pictures, DEL '␡',
    and C1 controls the replacement character. Text without controls is
    returned as it is, without copying (the common case, and a 1 MB body is
    checked in well under a millisecond).
    """
    if _only_visible(text, _CONTROL):
        return text
    return text.translate(_TABLE)


def has_controls(text: str) -> bool:
    """True if `clean` would change the text."""
    return not _only_visible(text, _CONTROL)


def display_text(text: str) -> str:
    """Text from the operating system (a file name), safe to print and to store.

    Python keeps undecodable bytes of a file name as lone surrogates, which
    neither a terminal nor SQLite accepts: they become U+FFFD. Controls become
    visible symbols, as with `clean`.
    """
    if _only_visible(text, _UNSAFE):
        return text
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    return clean(text)


def display_path(path: Path | str) -> str:
    return display_text(str(path))


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises `NotRegular` for anything else (opened without blocking, so a FIFO
    cannot hang the caller), `TooLarge` past the limit (checked on the open
    file, and again while reading, in case it grows), or `OSError`.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(f"{display_path(path)} is not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TooLarge(size, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


MAX_YAML_DEPTH = 64
"""Deepest nesting of YAML collections read. libyaml recurses in C: 100,000 `[`
crash the interpreter outright, so depth is checked before the parser runs."""
_BLOCK_ITEM = re.compile(r"(?:-[ \t]+)+")


def yaml_depth(text: str) -> int:
    """An upper bound of how deeply a YAML text nests (brackets, indentation, `- - -`)."""
    brackets = text.count("[") + text.count("{")
    widest = max(map(len, text.split("\n")), default=0)
    if brackets <= MAX_YAML_DEPTH and widest // 2 <= MAX_YAML_DEPTH:
        # Fewer brackets than the limit, and lines too short to indent past it
        # (two spaces or a `- ` a level): the common case, without a pass per character.
        return max(brackets, widest // 2)
    deepest = depth = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        items = _BLOCK_ITEM.match(stripped)
        dashes = items.group(0).count("-") if items else 0
        deepest = max(deepest, indent // 2 + dashes)
    return deepest


def read_failure(error: OSError) -> Msg:
    """Why a file could not be read, for people: too large, not a regular file, or the OS's word."""
    if isinstance(error, TooLarge):
        return Msg.of(
            "problem.too_large", size=_megabytes(error.size), limit=_megabytes(error.limit)
        )
    if isinstance(error, NotRegular):
        return Msg.of("problem.not_regular")
    return Msg.of("problem.unreadable", reason=error.strerror or error)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class YamlError(ValueError):
    """YAML that cannot be read: `line` (0-based, None if unknown) and why.

    `reason` is the parser's short statement of the problem, when it has one;
    `detail` always says something (the first line of the error).
    """

    def __init__(self, line: int | None, reason: str | None, detail: str = "") -> None:
        super().__init__(reason or detail)
        self.line = line
        self.reason = reason
        self.detail = reason or detail


@functools.cache
def _loader() -> Any:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    scalar, mapping, text = yaml.nodes.ScalarNode, yaml.nodes.MappingNode, "tag:yaml.org,2002:str"
    starts = frozenset(base.yaml_implicit_resolvers)
    """The first characters of a plain value that may be other than text (`yes`, `12`...)."""

    class LenientLoader(base):  # type: ignore[misc, valid-type]
        """The safe loader, but a timestamp that is no calendar date stays text.

        Front matter is mostly text, and PyYAML asks Python, for every value,
        which type it is and how to make it: a tenth of a file's parsing at
        100,000 files. Text is answered here at once (quoted, or plain and
        starting with no character that could begin anything else), and so
        is a mapping whose keys are all text; the rest as PyYAML would.
        """

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is scalar and not (implicit[0] and value[:1] in starts):
                return text
            return super().resolve(kind, value, implicit)

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node.tag == text and node.__class__ is scalar:
                return node.value
            return super().construct_object(node, deep)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            pairs = node.value
            if node.__class__ is mapping and all(
                key.tag == text and key.__class__ is scalar for key, _value in pairs
            ):  # text keys only: no merge (`<<`), nothing to check they can be keys
                make = self.construct_object
                return {key.value: make(value, deep) for key, value in pairs}
            return super().construct_mapping(node, deep)

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    LenientLoader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return LenientLoader


def load_yaml(text: str) -> Any:
    """Parse YAML safely; every failure is a `YamlError` with the line it starts at.

    The line is where the broken value begins (an unclosed quote is reported on
    the line that opens it, not where the file ends).
    """
    import yaml

    if yaml_depth(text) > MAX_YAML_DEPTH:
        raise YamlError(None, f"nested more than {MAX_YAML_DEPTH} levels deep")
    try:
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None)
        context = getattr(error, "context", None)
        if reason and context and getattr(error, "context_mark", None) is not None:
            reason = f"{reason} ({context})"
        line = mark.line if mark is not None else None
        raise YamlError(line, reason, str(error).splitlines()[0]) from None
    except RecursionError:
        raise YamlError(None, "nested too deeply") from None
