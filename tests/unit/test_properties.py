"""Properties that must hold for any input: the loader and the renderer never raise.

Hypothesis generates front matter (YAML of any shape, with dates, lists,
mappings and control characters) and Markdown bodies (made of the characters
Markdown gives meaning to). Whatever comes in, parsing gives an article or a
`Problem`, and rendering gives lines with no control character in them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.library.article import ParseResult
from reader.library.frontmatter import decode
from reader.library.parse import parse_text, word_count
from reader.markdown.document import prepare_document
from reader.markdown.rendering import markdown_lines, offscreen_console

KEYS = st.sampled_from(
    ["title", "id", "summary", "author", "authors", "outlet", "published", "date", "language",
     "lang", "kind", "tags", "translation_of", "sources", "description", "other"]
)  # fmt: skip
SCALARS = (
    st.text(max_size=40)
    | st.integers()
    | st.floats(allow_nan=True)
    | st.booleans()
    | st.none()
    | st.dates()
    | st.datetimes()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
MARKDOWN = st.text(
    alphabet=st.sampled_from(list("ab #>-*+_`~|[]()!:.1\\n\t <>&;\x1b\x07\x9b\u200bé")),
    max_size=400,
)
RAW_FRONT = st.text(
    alphabet=st.sampled_from(list("ab:-[]{}'\"#\n 2026-01T&*!|>\x1b")), max_size=120
)


def _check(result: ParseResult) -> None:
    assert (result.article is None) == any(p.severity == "error" for p in result.problems)
    for problem in result.problems:
        assert problem.message and problem.format()
    if result.article is not None:
        article = result.article
        for text in (article.id, article.title, article.summary or "", article.author or ""):
            assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=8), MARKDOWN)
def test_any_yaml_front_matter_loads_or_is_a_problem(meta: dict[str, object], body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    _check(parse_text(f"---\n{front}---\n{body}", Path("x.md"), Path(".")))


@settings(max_examples=150, deadline=None)
@given(RAW_FRONT, MARKDOWN, st.sampled_from(["---", "+++", ""]))
def test_any_text_at_all_loads_or_is_a_problem(front: str, body: str, fence: str) -> None:
    text = f"{fence}\n{front}\n{fence}\n{body}" if fence else f"{front}\n{body}"
    _check(parse_text(text, Path("x.md"), Path(".")))


@settings(max_examples=150, deadline=None)
@given(RAW_FRONT, MARKDOWN, st.sampled_from(["---", "+++", "..."]))
def test_the_body_alone_is_the_body_the_whole_parse_finds(
    front: str, body: str, closer: str
) -> None:
    from reader.library.frontmatter import body_of, split

    opener = "+++" if closer == "+++" else "---"
    closers = ("+++",) if opener == "+++" else ("---", "...")
    if any(line.rstrip() in closers for line in front.split("\n")):
        return  # the front matter would end earlier
    text = f"{opener}\n{front}\n{closer}\n{body}"
    assert body_of(text) == body  # as written, front matter unparsed (even if it is wrong)
    try:
        assert split(text).body == body
    except Exception as error:  # Rejected: bad YAML or TOML, said with a line
        assert getattr(error, "line", None) != 1


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_rejected_with_a_reason(data: bytes) -> None:
    from reader.library.frontmatter import Rejected

    try:
        text = decode(data)
    except Rejected as rejected:
        assert str(rejected.message)
        return
    _check(parse_text(text, Path("x.md"), Path(".")))


@settings(max_examples=80, deadline=None)
@given(MARKDOWN, st.integers(min_value=20, max_value=120))
def test_any_body_renders_to_lines_without_control_characters(body: str, width: int) -> None:
    console = offscreen_console(width)
    document = prepare_document(body, "Title")
    for section in document.sections:
        for line in markdown_lines(section.text, console, width, document.references, links=True):
            for segment in line:
                assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in segment.text)


SPACED = st.text(
    alphabet=st.sampled_from(list("ab é\t\n\r\x0b\x0c\u00a0\u3000\U0001f600")), max_size=60
)


@settings(max_examples=200, deadline=None)
@given(SPACED)
def test_words_are_what_ascii_whitespace_separates(body: str) -> None:
    assert word_count(body) == len(body.encode().split())


PLAIN = st.sampled_from(
    ["yes", "No", "on", "OFF", "~", "null", "", "true", "1_000", "0x1F", "0o17", "1:20", ".inf",
     "-.INF", ".nan", "2026-01-05", "2026-01-05 10:00:00", "+1", "-1.5e3", "=", "é", "text",
     "'quoted'", '"2026-01-05"', "!!str 12", "!!int '7'", "[a, 1, no]", "{a: 1}", "!!map [a]",
     "{'<<': {a: 1}, b: 2}", "{<<: {a: 1}, b: 2}", "{=: x}", "{a: 1, a: 2}", "{[a]: 1}"]
)  # fmt: skip
YAML_LINES = st.lists(
    st.tuples(st.sampled_from(["a", "b", "<<", "1", "on", "x"]), PLAIN, st.booleans()), max_size=6
)


@settings(max_examples=200, deadline=None)
@given(YAML_LINES)
def test_front_matter_loads_as_pyyaml_loads_it(lines: list[tuple[str, str, bool]]) -> None:
    """`load_yaml` answers faster than PyYAML's safe loader, never differently (impossible
    dates aside, which it keeps as text)."""
    from reader.settings.untrusted import YamlError, load_yaml

    text = "\n".join(
        f"{key}: &n{number} {value}" if anchored else f"{key}: {value}"
        for number, (key, value, anchored) in enumerate(lines)
    )
    if lines and lines[0][2]:
        text += "\nlast: [*n0]"  # an alias: the same value again
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        expected = repr(yaml.load(text, Loader=loader))
    except yaml.YAMLError:
        with pytest.raises(YamlError):
            load_yaml(text)
        return
    assert repr(load_yaml(text)) == expected


EVERY_KIND = st.text(
    alphabet=st.sampled_from(list("a\t\n \x00\x1b\x7f\x85\x9b\x9f\xa0éÿ\u2019\ud800\U0001f600")),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(EVERY_KIND, st.integers(min_value=0, max_value=2100), st.sampled_from(["a", "é"]))
def test_long_text_is_made_visible_like_short_text(piece: str, at: int, pad: str) -> None:
    """Text of any length shows no control character, C1 code or lone surrogate."""
    from reader.settings.untrusted import _TABLE, clean, display_text, has_controls

    for text in (piece, pad * at + piece + pad * (2100 - at)):
        controls = any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in text)
        assert has_controls(text) == controls
        assert clean(text) == text.translate(_TABLE)
        shown = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
        assert display_text(text) == shown.translate(_TABLE)


LINK_PIECES = ["[", "[[", "]", "]]", "(", ")", "](", ".md", ".markdown", ".m", "d", "note", " ",
               "\n", "!", "|", "#h", "`", "<", ">", "://", "[a](b)"]  # fmt: skip
LINKY = st.lists(st.sampled_from(LINK_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINKY)
def test_the_quick_look_for_links_never_misses_one(body: str) -> None:
    from unittest import mock

    from reader.library import links

    with mock.patch.object(links, "may_link", lambda _body: True):
        everything = links.linked_names(body)
    assert links.linked_names(body) == everything
