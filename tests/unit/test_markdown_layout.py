"""Section layout and marks: the arithmetic behind the reading pane, without a terminal."""

from __future__ import annotations

import re

from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from reader.markdown.document import Section, split_sections
from reader.markdown.layout import LONG_SECTION, Anchor, SectionLayout, is_long, measure
from reader.markdown.marks import LinkMarks, MatchMarks, next_target
from reader.markdown.rendering import markdown_lines, offscreen_console

SECTIONS = (Section(0, "a\nb"), Section(3, "c"), Section(5, "d\ne\nf"))


def test_estimates_then_measurements_move_every_later_section() -> None:
    layout = SectionLayout(SECTIONS, width=40, header=4)
    assert layout.heights == [3, 2, 3]  # two lines + separator, one + separator, three (last)
    assert layout.total == 4 + 8
    assert layout.set_height(0, 10) is True
    assert layout.set_height(0, 10) is False  # the same again changes nothing
    assert layout.measured == [True, False, False]
    layout.recompute()
    assert layout.start_of(1) == 4 + 10 and layout.total == 4 + 15


def test_anchors_survive_a_change_of_width() -> None:
    narrow = SectionLayout(SECTIONS, width=40, header=2)
    for index, height in enumerate([6, 4, 9]):
        narrow.set_height(index, height)
    narrow.recompute()
    y = narrow.start_of(2) + 3  # a third of the way into the last section
    anchor = narrow.anchor_at(y)
    assert anchor == Anchor(5, round(3 / 9, 4))
    wide = SectionLayout(SECTIONS, width=80, header=2)
    for index, height in enumerate([3, 2, 3]):
        wide.set_height(index, height)
    wide.recompute()
    assert wide.y_of(anchor) == wide.start_of(2) + 1  # the same place, a third of 3 lines in
    assert wide.y_of(Anchor(0, 0.0)) == 0  # the very top keeps the header in view
    assert narrow.anchor_at(0) == Anchor(0, 0.0)  # in the header


def test_fraction_is_a_share_of_sections_not_of_lines() -> None:
    layout = SectionLayout(SECTIONS, width=40)
    assert layout.fraction_at(0) == 0.0
    assert layout.fraction_at(layout.start_of(1)) == 1 / 3
    assert layout.anchor_at_fraction(0.7) == Anchor(5, 0.0)
    assert layout.anchor_at_fraction(0.1) is None  # the first section: the top


def test_sections_in_view() -> None:
    layout = SectionLayout(SECTIONS, width=40, header=1)  # offsets 0, 3, 5; total 9
    assert list(layout.sections_in(0, 2)) == [0]
    assert list(layout.sections_in(3, 3)) == [0, 1]  # body lines 2..4
    assert list(layout.sections_in(3, 4)) == [0, 1, 2]
    assert list(layout.sections_in(7, 10)) == [2]


def test_measuring_gives_the_rendered_height_of_every_section() -> None:
    body = "\n\n".join(f"## Part {n}\n\n" + "word " * 300 for n in range(6))
    sections = split_sections(body, target=200)
    assert len(sections) > 3
    batches = list(measure(sections, 60, "", cancelled=lambda: False, pause=0))
    heights = [h for _start, part, _done in batches for h in part]
    assert batches[-1][2] is True
    console = offscreen_console(60)
    for index, section in enumerate(sections):
        rendered = len(markdown_lines(section.text, console, 60, "", links=True))
        assert heights[index] == rendered + (index < len(sections) - 1)
    assert list(measure(sections, 60, "", cancelled=lambda: True, pause=0)) == []


def test_a_long_section_is_rendered_by_whoever_claims_it_and_its_lines_kept() -> None:
    long_table = "| a | b |\n|---|---|\n" + "| cell | cell |\n" * (LONG_SECTION // 15)
    sections = (Section(0, "Short."), Section(2, long_table), Section(9, "Also short."))
    assert [is_long(section) for section in sections] == [False, True, False]
    kept: dict[int, int] = {}

    def heights(claim: bool) -> list[int]:
        batches = measure(
            sections,
            40,
            "",
            cancelled=lambda: False,
            pause=0,
            claim=lambda index: claim,
            keep=lambda index, lines: kept.__setitem__(index, len(lines)),
        )
        return [h for _start, part, _done in batches for h in part]

    refused = heights(claim=False)
    assert refused[1] == -1 and refused[0] > 0 and not kept
    claimed = heights(claim=True)
    assert claimed[1] == kept[1] + 1 > LONG_SECTION // 15
    assert claimed[0] == refused[0] and list(kept) == [1]


def _line(*parts: tuple[str, Style | None]) -> list[Segment]:
    return [Segment(text, style) for text, style in parts]


def test_matches_are_styled_and_their_lines_remembered() -> None:
    marks = MatchMarks()
    sections = (Section(0, "nothing here"), Section(2, "la sécurité d'abord"))
    marks.find(sections, re.compile("sécurité"))
    assert marks.sections == [1]
    lines = [_line(("intro", None)), _line(("la sécurité d'abord", None))]
    hit = Style(bold=True)
    marked = marks.mark(1, lines, hit, Console(width=80))
    assert marks.lines[1] == [1]
    styled = [s for s in marked[1] if s.style is not None and s.style.bold]
    assert "".join(s.text for s in styled) == "sécurité"
    assert marks.mark(0, lines, hit, Console(width=80)) is lines  # no match: untouched


def test_links_lose_their_terminal_hyperlink_and_become_actions() -> None:
    marks = LinkMarks()
    link = Style(link="https://example.org/x")
    lines = [_line(("see ", None), ("the page", link)), _line(("and ", None), ("more", link))]
    marked = marks.mark(3, lines, Style(underline=True), Style(reverse=True))
    assert marks.found[3] == [("https://example.org/x", 0), ("https://example.org/x", 1)]
    for line in marked:
        for segment in line:
            assert segment.style is None or not segment.style.link  # no OSC 8 left
    clickable = [s for line in marked for s in line if s.style and s.style.meta]
    assert clickable[0].style.meta["@click"] == "follow_link_at(3,0)"
    assert marks.target(3, 1) == "https://example.org/x" and marks.target(3, 5) is None


def test_choosing_the_next_link_and_the_next_match() -> None:
    marks = LinkMarks()
    places = [(5, 0, 0), (12, 0, 1), (40, 2, 0)]
    assert marks.next_place(places, top=10, forward=True) == (12, 0, 1)
    assert marks.next_place(places, top=10, forward=False) == (40, 2, 0)
    marks.selected = (0, 1)
    assert marks.next_place(places, top=0, forward=True) == (40, 2, 0)
    assert marks.next_place(places, top=0, forward=False) == (5, 0, 0)
    marks.selected = (2, 0)
    assert marks.next_place(places, top=0, forward=True) is None
    assert next_target([3, 9, 20], current=9, forward=True) == 20
    assert next_target([3, 9, 20], current=9, forward=False) == 3
    assert next_target([3, 9, 20], current=20, forward=True) is None


def test_a_callout_title_is_its_whole_first_line_with_its_emphasis() -> None:
    console = offscreen_console(60)
    lines = markdown_lines(
        "> [!tip] In _Live Preview_, you can `edit` here\n> The body of the callout.\n",
        console,
        60,
    )
    texts = ["".join(segment.text for segment in line).rstrip() for line in lines]
    assert texts[0] == "▌ In Live Preview, you can edit here"  # not "In", the rest in the body
    assert texts[1] == "▌ The body of the callout."
    italic = [s.text for s in lines[0] if s.style is not None and s.style.italic]
    assert "Live Preview" in "".join(italic)  # the emphasis kept, as in the text
