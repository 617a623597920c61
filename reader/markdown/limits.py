"""How much structure reader renders as written, and what it does past that.

A file anyone could write may nest 10,000 lists, hold a table of 5,000
columns, or put 8 MB on one line. Rendered as written, such a body took half
a minute and hundreds of MB, froze the interface, or came out empty. Before a
body is cut into sections it goes through `bound_markdown`, which keeps it
within these limits by plain text changes, and says what it changed in a note
at the top of the article, so nothing is dropped silently:

- blockquotes and lists nest at most MAX_NESTING levels (deeper ones are
  drawn at that level);
- a table of more than MAX_TABLE_COLUMNS columns is shown as preformatted text;
- a line longer than MAX_LINE_CHARS is broken (at a space where there is one);
- a paragraph longer than MAX_PARAGRAPH_CHARS is cut into paragraphs, so that
  no section takes long to draw.
"""

from __future__ import annotations

import re

from reader.library.fences import FenceTracker
from reader.settings.i18n import number, t

MAX_NESTING = 16
MAX_TABLE_COLUMNS = 32
MAX_LINE_CHARS = 10_000
MAX_PARAGRAPH_CHARS = 20_000

_QUOTES = re.compile(r"^((?: {0,3}>[ \t]?)+)")
_INDENT = re.compile(r"^[ \t]+")
_MARKERS = re.compile(r"^([ \t]*+(?:(?:[-*+]|\d{1,9}[.)])[ \t]+){2,})")
_DELIMITER_ROW = re.compile(
    r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)++\|?[ \t]*+$"
)
_INDENT_STEP = 4
MAX_INDENT = 2 * MAX_NESTING
"""Indentation kept: 16 levels of two-space lists (eight of four-space ones)."""


def _break_line(line: str) -> list[str]:
    """A line cut into pieces of at most MAX_LINE_CHARS, at spaces where possible."""
    pieces = []
    while len(line) > MAX_LINE_CHARS:
        cut = line.rfind(" ", MAX_LINE_CHARS // 2, MAX_LINE_CHARS)
        cut = cut if cut > 0 else MAX_LINE_CHARS
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def _flatten(line: str) -> str | None:
    """The line with its nesting cut to MAX_NESTING levels; None when it is within."""
    changed = False
    quotes = _QUOTES.match(line)
    if quotes and quotes.group(1).count(">") > MAX_NESTING:
        line = "> " * MAX_NESTING + line[quotes.end() :]
        changed = True
    indent = _INDENT.match(line)
    if indent:
        width = len(indent.group(0).expandtabs(_INDENT_STEP))
        if width > MAX_INDENT:
            line = " " * MAX_INDENT + line[indent.end() :]
            changed = True
    markers = _MARKERS.match(line)
    if markers:
        found = markers.group(1).split()
        if len(found) > MAX_NESTING:
            line = " ".join(found[:MAX_NESTING]) + " " + line[markers.end() :]
            changed = True
    return line if changed else None


def _columns(row: str) -> int:
    return row.strip().strip("|").count("|") + 1


def bound_markdown(body: str) -> str:
    """The body within the limits above, with a note at the top if anything was changed."""
    lines = body.split("\n")
    out: list[str] = []
    done: set[str] = set()
    fences = FenceTracker()
    paragraph = 0
    in_table = False
    for index, line in enumerate(lines):
        if fences.in_code(line):
            pieces = _break_line(line)
            if len(pieces) > 1:
                done.add("lines")
            out.extend(pieces)
            paragraph = 0
            continue
        if not line.strip():
            paragraph = 0
            if in_table:
                out.append("```")
                in_table = False
            out.append(line)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            not in_table
            and _DELIMITER_ROW.match(following)
            and _columns(following) > MAX_TABLE_COLUMNS
        ):
            out.append("```")
            in_table = True
            done.add("table")
        if not in_table:
            flat = _flatten(line)
            if flat is not None:
                line = flat
                done.add("nesting")
        pieces = _break_line(line)
        if len(pieces) > 1:
            done.add("lines")
        for piece in pieces:
            if paragraph + len(piece) > MAX_PARAGRAPH_CHARS and paragraph and not in_table:
                out.append("")
                paragraph = 0
                done.add("paragraph")
            out.append(piece)
            paragraph += len(piece) + 1
    if in_table:
        out.append("```")
    if not done:
        return body
    changes = [t(f"limits.{change}", limit=number(_LIMITS[change])) for change in sorted(done)]
    note = "> " + t("limits.note", changes=t("limits.separator").join(changes))
    return note + "\n\n" + "\n".join(out)


_LIMITS = {
    "nesting": MAX_NESTING,
    "table": MAX_TABLE_COLUMNS,
    "lines": MAX_LINE_CHARS,
    "paragraph": MAX_PARAGRAPH_CHARS,
}
