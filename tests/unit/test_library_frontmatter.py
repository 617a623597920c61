"""One file in, an article or a problem out: every good and bad case the loader meets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.library.parse import parse_file, read_body, title_from_path

# file -> (loads?, severity of the one problem or None, words the message must contain, line)
CASES: dict[str, tuple[bool, str | None, str, int | None]] = {
    "good.md": (True, None, "", None),
    "bom-crlf.md": (True, None, "", None),
    "no-front-matter.md": (True, None, "", None),
    "hugo-toml.md": (True, None, "", None),
    "jekyll.md": (True, None, "", None),
    "obsidian.md": (True, None, "", None),
    "escapes.md": (True, None, "", None),
    "no-title.md": (True, None, "", None),  # its file name is its title, as in Obsidian
    "bad-date.md": (True, "warning", "not a date", 3),
    "unknown-kind.md": (True, "warning", "unknown kind 'rant'", 3),
    "unknown-language.md": (True, "warning", "unknown language 'xx'", 3),
    "source-without-name.md": (True, "warning", "source 1 has neither a publisher nor a title", 3),
    "broken-yaml.md": (False, "error", "not valid YAML", 3),  # where the unclosed [ opens
    "not-mapping.md": (False, "error", "must be a mapping", 2),
    "unclosed.md": (False, "error", "never closed", 1),
    "title-list.md": (False, "error", "'title' must be text, but it is a list", 2),
    "empty.md": (False, "error", "empty", None),
    "binary.md": (False, "error", "binary", None),
    "latin1.md": (False, "error", "not UTF-8", 2),
    "python-tag.md": (False, "error", "not valid YAML", 3),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_loads_or_reports_a_clear_problem(cases_dir: Path, name: str) -> None:
    loads, severity, words, line = CASES[name]
    result = parse_file(cases_dir / name, cases_dir)
    assert (result.article is not None) == loads
    if severity is None:
        assert result.problems == ()
        return
    assert len(result.problems) == 1, result.problems
    problem = result.problems[0]
    assert problem.severity == severity
    assert words in problem.message
    assert problem.line == line
    assert problem.path == cases_dir / name
    formatted = problem.format()
    where = f"{cases_dir / name}:{line}" if line else f"{cases_dir / name}"
    assert formatted.startswith(f"{where}: {severity}: ")


def test_every_case_file_is_covered(cases_dir: Path) -> None:
    assert {p.name for p in cases_dir.glob("*.md")} == set(CASES)


def test_fields_of_a_complete_article(library_dir: Path) -> None:
    article = parse_file(library_dir / "first.md", library_dir).article
    assert article is not None
    assert article.id == "first"
    assert article.title == "Alpha report"
    assert article.author == "Ann Author"
    assert article.outlet == "Fixture Times"
    assert article.published == dt.date(2026, 1, 19)
    assert (article.language, article.kind) == ("en", "report")
    assert article.tags == ("alpha", "security")
    kinds = [(s.publisher, s.kind) for s in article.sources]
    assert kinds == [
        ("Primary House", "primary"),
        ("Secondary Press", "secondary"),
        ("Quoted Daily", "quoted"),
    ]
    assert article.sources[0].url == "https://example.org/primary"
    assert article.sources[0].date == "2026-01-02"
    assert article.sources[2].note == "quoted once"


def test_id_defaults_to_the_path_inside_the_folder(library_dir: Path) -> None:
    article = parse_file(library_dir / "world" / "second-fr.md", library_dir).article
    assert article is not None
    assert article.id == "world/second-fr"
    assert article.translation_of == "world/second-en"


@pytest.mark.parametrize(
    ("inside", "expected"),
    [
        ("note.md", "note"),
        ("a/b/notes.v2.markdown", "a/b/notes.v2"),
        (".hidden.md", ".hidden"),
        ("dots./x.", "dots./x."),
        ("sub/.md", "sub/.md"),
    ],
)
def test_an_id_is_the_path_inside_the_folder_without_its_suffix(
    tmp_path: Path, inside: str, expected: str
) -> None:
    from reader.library.parse import default_id

    assert default_id(tmp_path / inside, tmp_path) == expected
    assert default_id(tmp_path / inside, tmp_path / "elsewhere") == Path(expected).name
    assert default_id(Path("/") / inside, Path("/")) == expected
    assert default_id(Path(inside), Path(".")) == expected  # `reader --content .`
    assert default_id(Path("a") / inside, Path("a")) == expected


def test_bom_and_crlf_are_invisible(cases_dir: Path) -> None:
    article = parse_file(cases_dir / "bom-crlf.md", cases_dir).article
    assert article is not None and article.title == "With BOM and CRLF"
    assert read_body(cases_dir / "bom-crlf.md") == "Body.\n"


def test_title_falls_back_to_heading_then_file_name(cases_dir: Path) -> None:
    by_heading = parse_file(cases_dir / "no-front-matter.md", cases_dir).article
    by_name = parse_file(cases_dir / "no-title.md", cases_dir).article
    assert by_heading is not None and by_heading.title == "Heading title"
    assert by_name is not None and by_name.title == "No title"
    assert title_from_path(Path("docs/getting-started/index.md")) == "Getting started"


def test_tags_as_a_string_are_split(cases_dir: Path) -> None:
    article = parse_file(cases_dir / "good.md", cases_dir).article
    assert article is not None and article.tags == ("a", "b")


def test_static_site_front_matter_loads(cases_dir: Path) -> None:
    hugo = parse_file(cases_dir / "hugo-toml.md", cases_dir).article
    jekyll = parse_file(cases_dir / "jekyll.md", cases_dir).article
    obsidian = parse_file(cases_dir / "obsidian.md", cases_dir).article
    assert hugo is not None and hugo.published == dt.date(2026, 1, 5) and hugo.tags == ("x", "y")
    assert jekyll is not None and jekyll.author == "Jay Kyll"
    assert jekyll.published == dt.date(2026, 1, 6)
    assert obsidian is not None and obsidian.title == "Obsidian note"


def test_unknown_values_still_load(cases_dir: Path) -> None:
    odd_kind = parse_file(cases_dir / "unknown-kind.md", cases_dir).article
    odd_language = parse_file(cases_dir / "unknown-language.md", cases_dir).article
    assert odd_kind is not None and odd_kind.kind == "rant"
    assert odd_language is not None and odd_language.language == "xx"


def test_a_nameless_source_is_dropped_and_the_rest_kept(cases_dir: Path) -> None:
    article = parse_file(cases_dir / "source-without-name.md", cases_dir).article
    assert article is not None
    assert [s.publisher for s in article.sources] == ["Kept"]


def test_partial_dates_keep_their_precision(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\npublished: 2026-01\n---\nbody\n", encoding="utf-8")
    article = parse_file(path, tmp_path).article
    assert article is not None
    assert article.published_iso == "2026-01"


def test_escape_sequences_never_survive_parsing(cases_dir: Path) -> None:
    article = parse_file(cases_dir / "escapes.md", cases_dir).article
    assert article is not None
    body = read_body(cases_dir / "escapes.md")
    for text in (article.title, body):
        assert "\x1b" not in text and "\x07" not in text
    assert "␛[31mred" in article.title  # made visible, not silently dropped


def test_escape_sequences_in_a_body_never_reach_its_title_tags_or_links(
    tmp_path: Path,
) -> None:
    """The body is not kept, and not cleaned whole: what is taken from it is."""
    path = tmp_path / "note.md"
    text = "# Heading \x1b[31mred\n\nSee [[Other\x1bX\x07 note]] and #tag\x1b[2J.\n"
    path.write_text(text, encoding="utf-8")
    article = parse_file(path, tmp_path).article
    assert article is not None
    assert article.title == "Heading \u241b[31mred"
    assert article.links == ("Other\u241bX\u2407 note",)
    for text in (article.title, *article.links, *article.tags):
        assert "\x1b" not in text and "\x07" not in text


def test_unreadable_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    result = parse_file(tmp_path / "missing.md", tmp_path)
    assert result.article is None
    assert "cannot be read" in result.problems[0].message


def test_reading_time_is_derived_from_the_words(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("---\ntitle: Long\n---\n" + "word " * 690, encoding="utf-8")
    article = parse_file(path, tmp_path).article
    assert article is not None
    assert article.word_count == 690
    assert article.reading_minutes == 3
    path.write_text("---\ntitle: Short\n---\nfew words\n", encoding="utf-8")
    short = parse_file(path, tmp_path).article
    assert short is not None and short.reading_minutes == 1


def test_words_are_counted_in_the_body_alone(tmp_path: Path) -> None:
    path = tmp_path / "spaced.md"
    body = "\tUn  mot,\r\ndeux\u00a0!\n\n  «\u00a0trois\u00a0» quatre\tcinq "
    path.write_bytes(f"---\ntitle: Many words in the title\n---\n{body}".encode())
    article = parse_file(path, tmp_path).article
    assert article is not None
    assert article.word_count == 6  # a no-break space joins: "deux !" is one word
