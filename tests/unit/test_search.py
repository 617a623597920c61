"""Search: query syntax, accents, ranking, incremental re-indexing and a damaged index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.index.catalogue import CATALOGUE_NAME, Catalogue
from reader.index.search import (
    MARK_END,
    MARK_START,
    make_snippet,
    parse_query,
    search_pattern,
)


def _write(folder: Path, name: str, title: str, body: str, **fields: str) -> Path:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    path = folder / f"{name}.md"
    path.write_text(f"---\ntitle: {title}\n{extra}---\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _write(folder, "securite", "La sécurité européenne", "Une alliance de défense sans Washington.")
    _write(folder, "defence", "Defence spending", "Europe spends more on security and defense.")
    _write(
        folder, "drones", "Drone industry", "Ukraine builds drones; the coalition of the willing."
    )
    _write(
        folder,
        "tagged",
        "Unrelated title",
        "Nothing to see.",
        tags="[greenland]",
        outlet="Nordic Post",
        sources="[{publisher: Bruegel, title: Estimates}]",
    )
    return folder


def _index(corpus: Path, cache: Path) -> Catalogue:
    index = Catalogue.open(cache)
    index.sync([corpus])
    index.index()
    return index


def ids(index: Catalogue, query: str) -> list[str]:
    return index.search(query).ids


def test_accents_do_not_matter_either_way(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert ids(index, "securite") == ["securite"]
    assert set(ids(index, "défense")) == {"securite", "defence"}
    assert set(ids(index, "DEFENSE")) == {"securite", "defence"}


def test_all_words_must_match(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert ids(index, "europe defense") == ["defence"]
    assert ids(index, "europe greenland") == []


def test_phrases_and_prefixes(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert ids(index, '"coalition of the willing"') == ["drones"]
    assert ids(index, '"willing coalition"') == []
    assert ids(index, "dron*") == ["drones"]
    assert ids(index, "dron") == []


def test_title_hits_rank_first(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert ids(index, "defence")[0] == "defence"
    assert ids(index, "drone")[0] == "drones"


def test_an_alias_that_is_a_path_does_not_rank_as_a_title(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _write(folder, "syntax", "Advanced formatting syntax", "How to write tables. " * 20)
    _write(
        folder,
        "html",
        "HTML content",
        "Advanced formatting in HTML: more advanced formatting than the syntax allows.",
        aliases="[/advanced-formatting-syntax/html/, Raw HTML]",
    )
    index = _index(folder, tmp_path / "cache")
    assert ids(index, "advanced formatting") == ["syntax", "html"]
    assert ids(index, "raw html")[0] == "html"  # an alias that is a name still counts


def test_a_title_that_is_the_query_or_starts_with_it_comes_first(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _write(folder, "guide", "Formatting your notes", "Advanced formatting. " * 30)
    _write(folder, "syntax", "Advanced formatting syntax", "How to write tables. " * 20)
    _write(folder, "exact", "Advanced formatting", "A short page.")
    index = _index(folder, tmp_path / "cache")
    assert ids(index, "advanced formatting") == ["exact", "syntax", "guide"]
    assert ids(index, "advanced form*")[:2] == ["exact", "syntax"]  # a prefix, as typed
    hits = [hit.article_id for hit, _title in index.best(parse_query("advanced formatting"),
                                                          [folder], 3)]  # fmt: skip
    assert hits == ["exact", "syntax", "guide"]


def test_tags_outlets_and_sources_are_searched(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert ids(index, "greenland") == ["tagged"]
    assert ids(index, "nordic") == ["tagged"]
    assert ids(index, "bruegel") == ["tagged"]


def test_snippets_mark_the_matched_words(corpus: Path, tmp_path: Path) -> None:
    index = _index(corpus, tmp_path / "cache")
    [hit] = index.search("washington").hits()
    assert f"{MARK_START}Washington{MARK_END}" in hit.snippet
    [accented] = index.search("defense").hits(1)
    assert MARK_START in accented.snippet


GARBAGE = {
    '"': [],
    "*": [],
    "AND OR (": [],
    "NOT": [],
    ")(": [],
    '"""': [],
    "^:": [],
    "   ": [],
    "": [],
    'une"alliance': ["securite"],  # a quote inside a word is a character, not syntax
    "(ukraine": ["drones"],
    "drones)": ["drones"],
    "AND defence": ["defence"],  # operators are words
    "-security": ["defence"],
    "NEAR(drones willing": [],  # "near(drones" is a phrase of two words; no text has it
    "secu*": ["defence", "securite"],
}


@pytest.mark.parametrize("garbage", sorted(GARBAGE))
def test_fts_syntax_in_a_query_is_only_text(corpus: Path, tmp_path: Path, garbage: str) -> None:
    index = _index(corpus, tmp_path / "cache")
    assert sorted(index.search(garbage).ids) == GARBAGE[garbage]


def test_operators_are_plain_words() -> None:
    query = parse_query('ukraine OR "a b" pre* (x')
    assert query.match_expression() == '"ukraine" "OR" "a b" "pre"* "(x"'
    assert parse_query('*  ( ) "').is_empty


def test_search_pattern_ignores_case_and_accents_in_plain_text() -> None:
    pattern = search_pattern(parse_query('securite "coalition of" dron* defense'))
    assert pattern is not None
    text = "La SÉCURITÉ, the Coalition  of the willing, drones, la défense; insecurity."
    assert [m.group() for m in pattern.finditer(text)] == [
        "SÉCURITÉ",
        "Coalition  of",
        "drones",
        "défense",
    ]


def test_snippets_are_prose_without_markdown_signs() -> None:
    pattern = search_pattern(parse_query("willing"))
    assert pattern is not None
    snippet = make_snippet(
        "the *coalition of the willing* and [a link](http://x) **bold**", pattern
    )
    assert "*" not in snippet and "](" not in snippet and "[" not in snippet
    assert f"{MARK_START}willing{MARK_END}" in snippet and "a link" in snippet


@pytest.mark.parametrize(
    ("text", "words", "kept"),
    [
        ("hay " * 30 + "the [coverage report](https://example.org/a/very/long/address) says",
         "coverage", "coverage report says"),
        ("Read " + "more " * 25 + "about [[Callouts|call outs]] and _front matter_ here",
         "front", "call outs and front matter here"),
        ("> [!tip] In _Live Preview_, you can see it", "preview", "In Live Preview, you can"),
        ("| **Engine** | `fts5` |\n|---|---|\n| ![[Engelbart.jpg\\|100]] | the engine |",
         "engine", "Engine fts5"),
        ("A block of its own. ^b15695\n\nThe next one says block again.", "block",
         "A block of its own. The next"),
    ],
)  # fmt: skip
def test_snippets_are_the_words_a_reader_sees(text: str, words: str, kept: str) -> None:
    pattern = search_pattern(parse_query(words))
    assert pattern is not None
    snippet = make_snippet(text, pattern).replace(MARK_START, "").replace(MARK_END, "")
    assert kept in snippet, snippet
    for markup in ("](", "[[", "]]", "[!", "^b1", "**", "`", "|", "http", "100", "_"):
        assert markup not in snippet, (markup, snippet)


def test_snippets_start_near_the_match_and_mark_it() -> None:
    pattern = search_pattern(parse_query("needle"))
    assert pattern is not None
    text = "hay " * 100 + "the Needle here " + "hay " * 100
    snippet = make_snippet(text, pattern)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{MARK_START}Needle{MARK_END}" in snippet
    assert len(snippet) < 120


def test_reindexing_is_incremental(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index = _index(corpus, cache)
    report = index.sync([corpus])
    assert (report.parsed, report.unchanged) == (0, 4)
    assert index.index() == 0

    changed = corpus / "drones.md"
    changed.write_text("---\ntitle: Drone industry\n---\n\nNow about tanks.\n", encoding="utf-8")
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    _write(corpus, "new", "Brand new", "Greenland tariffs.")
    (corpus / "securite.md").unlink()

    report = index.sync([corpus])
    assert (report.parsed, report.removed, report.unchanged) == (2, 1, 2)
    assert index.index() == 2
    assert ids(index, "tanks") == ["drones"]
    assert ids(index, "willing") == []
    assert set(ids(index, "greenland")) == {"tagged", "new"}
    assert ids(index, "securite") == []
    index.close()
    reopened = Catalogue.open(cache)
    assert len(reopened.cached_library([corpus])) == 4 and ids(reopened, "tanks") == ["drones"]


def test_a_damaged_index_is_rebuilt_silently(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CATALOGUE_NAME).write_bytes(b"not sqlite" * 500)
    index = _index(corpus, cache)
    assert ids(index, "drone") == ["drones"]
    assert index.path == cache / CATALOGUE_NAME


def test_an_unwritable_cache_still_searches(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    index = _index(corpus, blocker)
    assert index.path is None
    assert ids(index, "drone") == ["drones"]


def test_as_you_type_the_last_word_is_a_prefix_until_a_space() -> None:
    assert parse_query("coalition dro", as_you_type=True).match_expression() == (
        '"coalition" "dro"*'
    )
    assert parse_query("coalition dro ", as_you_type=True).match_expression() == (
        '"coalition" "dro"'
    )
    assert parse_query('"a phrase"', as_you_type=True).match_expression() == '"a phrase"'
    assert parse_query("dro").match_expression() == '"dro"'
    # One or two letters are searched as a whole word (UK, EU, AI), never dropped.
    assert parse_query("coalition dr", as_you_type=True).match_expression() == ('"coalition" "dr"')
    assert parse_query("UK", as_you_type=True).match_expression() == '"UK"'


def test_a_two_letter_word_finds_what_the_command_line_finds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "uk.md").write_text("---\ntitle: Britain\n---\nThe UK joins the coalition.\n")
    (corpus / "other.md").write_text("---\ntitle: Ukraine\n---\nUkraine and the coalition.\n")
    index = _index(corpus, tmp_path / "cache")
    typed = index.search(parse_query("uk", as_you_type=True))
    assert typed.ids == ids(index, "uk")
    assert list(typed.ids) == ["uk"]  # the word, not every word starting with it


def test_every_match_is_returned_but_only_the_best_get_snippets(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        _write(folder, f"a{number}", f"Article {number}", "common word " * (number + 1))
    index = _index(folder, tmp_path / "cache")
    hits = index.search("common").hits()
    assert len(hits) == 30
    assert all(hit.snippet for hit in hits[:20]) and not any(hit.snippet for hit in hits[20:])
    assert len(index.search("common", limit=3)) == 3
    more = index.snippets(parse_query("common"), [hit.article_id for hit in hits[20:]])
    assert len(more) == 10 and all(MARK_START in snippet for snippet in more.values())
