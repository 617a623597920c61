"""Cut a Markdown body into sections that can be rendered one at a time.

The reading pane renders only what is on screen. For that it needs the body in
pieces that render the same alone as they do together. Each section ends at a
blank line that no construct spans: outside fenced code, and where the next
line starts at the left margin (an indented line may continue a list item or
be indented code). A heading always starts a section, so an outline can point
at one. Splitting is a single pass over the lines, a few milliseconds for a
megabyte, unlike a full Markdown parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.fences import FenceTracker

if TYPE_CHECKING:
    from reader.markdown.body_links import BodyLink
    from reader.markdown.layout import Anchor
    from reader.markdown.notes import NoteContext

SECTION_TARGET = 1536
"""Characters gathered before a section may end: small enough that the first
screen renders in milliseconds, large enough that a long article has hundreds
of sections, not tens of thousands."""

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_REFERENCE = re.compile(r" {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S")


@dataclass(frozen=True, slots=True)
class Section:
    """A run of source lines that renders on its own."""

    line: int
    """0-based line of the body where the section starts: a width-independent anchor."""
    text: str
    heading: str | None = None
    """The heading that opens the section, if it opens with one."""
    level: int = 0
    """That heading's level (1 for `#`, 2 for `##`, …); 0 without a heading."""


def _heading_text(line: str) -> str:
    return line.lstrip("#").strip().rstrip("#").strip()


def split_sections(body: str, target: int = SECTION_TARGET) -> tuple[Section, ...]:
    """Split a Markdown body into renderable sections (see the module docstring)."""
    lines = body.split("\n")
    sections: list[Section] = []
    start = 0
    size = 0
    fences = FenceTracker()

    def close(end: int) -> None:
        nonlocal start, size
        chunk = "\n".join(lines[start:end]).strip("\n")
        if chunk.strip():
            first = chunk.lstrip("\n").split("\n", 1)[0]
            if _ATX.match(first):
                level = len(first) - len(first.lstrip("#"))
                sections.append(Section(start, chunk, _heading_text(first), level))
            else:
                sections.append(Section(start, chunk))
        start, size = end, 0

    for index, line in enumerate(lines):
        if fences.in_code(line):
            size += len(line) + 1
            continue
        if _ATX.match(line) and index > start:
            # ATX headings interrupt anything at the top level: a safe place to cut.
            close(index)
        elif not line.strip() and size >= target:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and not following[0].isspace():
                close(index + 1)
                continue
        size += len(line) + 1
    close(len(lines))
    return tuple(sections)


def reference_definitions(body: str) -> str:
    """All link reference definitions (`[label]: url`) of the body, one a line.

    A section rendered alone would lose a definition that lives in another
    section; appending these keeps `[text][label]` links working everywhere.
    Definitions render as nothing, so they change no section's height.
    """
    if "]:" not in body:
        return ""
    return "\n".join(line for line in body.split("\n") if _REFERENCE.match(line))


def strip_repeated_title(body: str, title: str) -> str:
    """Drop a leading `# Title` that only repeats the title shown in the header.

    Compared as links compare headings (case, punctuation and emphasis aside):
    a note titled "Project Ideas" that opens with `# **Project ideas**` would
    otherwise show its title twice.
    """
    from reader.markdown.notes import heading_key

    stripped = body.lstrip("\n \t")
    first, _, rest = stripped.partition("\n")
    if first.startswith("# ") and heading_key(_heading_text(first)) == heading_key(title):
        return rest
    return body


@dataclass(frozen=True)
class Document:
    """A body ready for the reading pane: cut into sections, with its link definitions."""

    sections: tuple[Section, ...] = ()
    references: str = ""
    links: tuple[BodyLink, ...] = ()
    """What the body links to (`reader.markdown.body_links`), for the sidebar."""

    def anchor_of(self, heading: str) -> Anchor | None:
        """Where the section under `heading` starts (matched as links match headings)."""
        from reader.markdown.layout import Anchor
        from reader.markdown.notes import heading_key

        if heading.startswith("^"):  # a block's id (`[[Note#^id]]`): where the block is
            mark = f'<x-block id="{heading[1:].strip()}">'
            return next((Anchor(s.line) for s in self.sections if mark in s.text), None)
        wanted = heading_key(heading)
        for section in self.sections:
            if section.heading is not None and heading_key(section.heading) == wanted:
                return Anchor(section.line)
        return None


def prepare_body(body: str, title: str, notes: NoteContext | None = None) -> str:
    """The body as reader renders it: without a repeated title, with notes syntaxes
    rewritten (wikilinks resolved against `notes`), within the limits."""
    from reader.markdown.limits import bound_markdown
    from reader.markdown.notes import rewrite_notes

    return bound_markdown(rewrite_notes(strip_repeated_title(body, title), notes))


def prepare_document(body: str, title: str, notes: NoteContext | None = None) -> Document:
    """Everything the reading pane needs of a body, done once, off the UI thread.

    Splitting a megabyte takes tens of milliseconds, and bounding it as much
    again: the caller runs this in a worker, not in a key's handler.
    """
    from reader.markdown.body_links import body_links

    body = prepare_body(body, title, notes)
    return Document(split_sections(body), reference_definitions(body), tuple(body_links(body)))
