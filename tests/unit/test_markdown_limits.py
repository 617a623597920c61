"""Bodies past reader's limits are drawn in full, changed visibly, never dropped."""

from __future__ import annotations

import pytest

from reader.markdown.document import prepare_document
from reader.markdown.limits import (
    MAX_LINE_CHARS,
    MAX_NESTING,
    MAX_PARAGRAPH_CHARS,
    MAX_TABLE_COLUMNS,
    bound_markdown,
)
from reader.markdown.rendering import markdown_lines, offscreen_console


def rendered(body: str, width: int = 80) -> str:
    console = offscreen_console(width)
    document = prepare_document(body, "Title")
    lines = [
        "".join(segment.text for segment in line)
        for section in document.sections
        for line in markdown_lines(section.text, console, width, document.references)
    ]
    return "\n".join(lines)


def words(text: str) -> list[str]:
    return text.replace("│", " ").replace("▌", " ").split()


@pytest.mark.parametrize("indent", ["  ", "    ", "\t"])
def test_a_deep_list_shows_every_item_and_what_follows_it(indent: str) -> None:
    body = "\n".join(indent * level + f"- item{level}" for level in range(40))
    text = rendered(body + "\n\nAfter the list.\n")
    found = [w for w in words(text) if w.startswith("item")]
    assert found == [f"item{level}" for level in range(40)]
    assert "After the list." in text
    assert "nested deeper than" in text


def test_ten_levels_are_not_dropped_by_the_parser() -> None:
    """markdown-it's default limit lost everything after a list ten deep, silently."""
    body = "\n".join("  " * level + f"- item{level}" for level in range(10)) + "\n\nThe end."
    text = rendered(body)
    assert "item9" in text and "The end." in text
    assert "⚠" not in text  # within the limits: drawn as written


def test_ten_thousand_quotes_keep_their_text() -> None:
    text = rendered(">" * 10_000 + " deep words\n\nAfter.")
    assert "deep words" in text and "After." in text
    assert f"nested deeper than {MAX_NESTING} levels" in text


def test_a_table_too_wide_to_draw_becomes_text_with_every_cell() -> None:
    columns = 5000
    body = "\n".join(
        [
            "|" + "|".join(f"h{n}" for n in range(columns)) + "|",
            "|" + "|".join("-" for _ in range(columns)) + "|",
            "|" + "|".join(f"v{n}" for n in range(columns)) + "|",
            "",
            "Below the table.",
        ]
    )
    text = rendered(body)
    assert "h4999" in text and "v4999" in text and "Below the table." in text
    assert f"more than {MAX_TABLE_COLUMNS} columns" in text


def test_a_narrow_table_is_still_a_table() -> None:
    text = rendered("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "⚠" not in text and "────" in text  # Rich's table rule, not a code block
    assert words(text) == ["a", "b", "────", "1", "2"]


def test_one_enormous_line_becomes_paragraphs_of_bounded_size() -> None:
    body = " ".join(f"w{n}" for n in range(400_000))
    bounded = bound_markdown(body)
    assert max(len(line) for line in bounded.split("\n")) <= MAX_LINE_CHARS
    paragraphs = [p for p in bounded.split("\n\n") if p.strip()]
    assert max(len(p) for p in paragraphs[1:]) <= MAX_PARAGRAPH_CHARS + MAX_LINE_CHARS
    assert words(bounded)[-1] == "w399999"
    kept = [w for w in words(bounded) if w.startswith("w") and w[1:].isdigit()]
    assert kept == [f"w{n}" for n in range(400_000)]  # every word, in order
    assert "lines longer than" in bounded and "paragraphs longer than" in bounded


def test_an_ordinary_body_is_left_exactly_as_it_is() -> None:
    body = "# Heading\n\n" + "A sentence of ordinary length. " * 30 + "\n\n- a\n  - b\n"
    assert bound_markdown(body) is body


def test_code_keeps_its_lines_even_past_the_limit() -> None:
    body = (
        "```\n" + "x" * (MAX_LINE_CHARS * 2 + 5) + "\n- - - - - - - - - - - - - - - - - - -\n```\n"
    )
    bounded = bound_markdown(body)
    assert "x" * MAX_LINE_CHARS in bounded
    assert "- - - - - - - - - - - - - - - - - - -" in bounded  # code is not flattened


def test_the_last_guard_keeps_control_characters_from_the_terminal() -> None:
    """Bodies are cleaned when read; rendering raw text must still not emit controls."""
    console = offscreen_console(60)
    for raw in ("a\x1b[2Jb", "`\x1b]52;c;aGk=\x07`", "```\n\x1b[31mred\n```", "x\x9bq"):
        lines = markdown_lines(raw, console, 60)
        text = "".join(segment.text for line in lines for segment in line)
        assert not any(ord(char) < 32 and char not in "\n\t" for char in text), repr(text)
        assert "\x9b" not in text and "\x7f" not in text


def test_the_note_speaks_the_interface_language_with_its_numbers() -> None:
    from reader.settings.i18n import set_language

    body = "y" * (MAX_LINE_CHARS * 3)
    assert "longer than 10,000 characters" in bound_markdown(body)
    set_language("fr")
    note = bound_markdown(body).split("\n", 1)[0]
    assert "de plus de 10\u202f000 caractères sont coupées ; les paragraphes" in note
