"""Sections render alone exactly as they render together."""

from __future__ import annotations

import pytest
from rich.console import Console

from reader.markdown.document import (
    reference_definitions,
    split_sections,
    strip_repeated_title,
)
from reader.markdown.rendering import markdown_lines, offscreen_console

SAMPLE = (
    """Intro paragraph that is long enough to matter. """ * 12
    + """

## First heading

A paragraph with a [reference link][ref] in it.

```python
def f():

    return 1


# not a heading: inside a fence
```

1. one
2. two

3. three after a blank line

> a quotation
> on two lines

| a | b |
|---|---|
| 1 | 2 |

- item

      indented code in a list item

# Second heading

Last words.

[ref]: https://example.org/ref
"""
)


def _text(lines: list) -> list[str]:
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


def test_fenced_code_is_never_cut() -> None:
    for section in split_sections(SAMPLE, target=1):
        assert section.text.count("```") % 2 == 0


def test_every_heading_starts_a_section() -> None:
    headings = [s.heading for s in split_sections(SAMPLE) if s.heading]
    assert headings == ["First heading", "Second heading"]


def test_sections_cover_the_whole_body_in_order() -> None:
    sections = split_sections(SAMPLE, target=1)
    lines = SAMPLE.split("\n")
    for section in sections:
        assert lines[section.line] == section.text.split("\n")[0]
    joined = "".join(s.text for s in sections).replace("\n", "")
    assert joined == SAMPLE.replace("\n", "")


def test_rendering_section_by_section_matches_rendering_the_whole() -> None:
    console = offscreen_console(60)
    whole = [line for line in _text(markdown_lines(SAMPLE, console, 60)) if line.strip()]
    references = reference_definitions(SAMPLE)
    pieces: list[str] = []
    for section in split_sections(SAMPLE, target=1):
        rendered = _text(markdown_lines(section.text, console, 60, references))
        pieces.extend(line for line in rendered if line.strip())
    assert pieces == whole
    assert any("https://example.org/ref" in line for line in pieces)


def test_ordered_list_numbering_survives_a_cut() -> None:
    console = offscreen_console(40)
    sections = split_sections("1. one\n2. two\n\n3. three\n", target=1)
    rendered = [_text(markdown_lines(s.text, console, 40)) for s in sections]
    assert any(line.strip().startswith("3") for lines in rendered for line in lines)


def test_a_megabyte_splits_into_hundreds_of_sections_not_thousands() -> None:
    body = ("A paragraph of plain words that goes on for a while. " * 8 + "\n\n") * 2400
    sections = split_sections(body)
    assert len(body) > 1_000_000
    assert 100 < len(sections) < 2000


def test_repeated_title_heading_is_dropped() -> None:
    assert strip_repeated_title("# Title\n\nText", "Title") == "\nText"
    assert strip_repeated_title("# Other\n\nText", "Title") == "# Other\n\nText"


def test_headings_look_like_headings_not_links() -> None:
    """Each level distinct, none underlined or coloured like the links."""
    console = Console(width=60, color_system="truecolor")
    text = "## Two\n\n### Three\n\n#### Four\n\nA [link](https://example.org) here."
    styles = {}
    for line in markdown_lines(text, console, 60, links=True):
        for segment in line:
            if segment.text.strip() and segment.style is not None:
                styles[segment.text.strip()] = segment.style
    levels = [styles["Two"], styles["Three"], styles["Four"]]
    assert len({str(style) for style in levels}) == 3
    assert not any(style.underline or style.color is not None for style in levels)
    assert styles["link"].underline  # links stay links


@pytest.mark.parametrize(
    ("given", "english", "french"),
    [
        ("2026-01-19", "19 January 2026", "19 janvier 2026"),
        ("19 January 2026", "19 January 2026", "19 janvier 2026"),
        ("1er mars 2025", "1 March 2025", "1er mars 2025"),
        ("janvier 2026", "January 2026", "janvier 2026"),
        ("2026-02", "February 2026", "février 2026"),
        ("2025", "2025", "2025"),
        ("Spring 2026", "Spring 2026", "Spring 2026"),
        ("31 February 2026", "31 February 2026", "31 February 2026"),
    ],
)
def test_a_source_s_date_is_written_as_the_interface_writes_dates(
    given: str, english: str, french: str
) -> None:
    from reader.markdown.rendering import source_date
    from reader.settings.i18n import set_language

    assert source_date(given) == english
    set_language("fr")
    try:
        assert source_date(given) == french
    finally:
        set_language("en")


def test_a_code_block_is_set_off_by_one_blank_line_on_each_side() -> None:
    console = offscreen_console(60)
    text = "Before the code.\n\n```python\nprint('hello')\nx = 1\n```\n\nAfter the code.\n"
    lines = [line.rstrip() for line in _text(markdown_lines(text, console, 60))]
    assert lines == ["Before the code.", "", " print('hello')", " x = 1", "", "After the code."]
