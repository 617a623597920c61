"""Saved pages kept right: each page of the evaluation set (tests/data/pages) gets its own
title, the date it states or none, its author, and its text without the site's furniture."""

from __future__ import annotations

import pytest

from benchmarks.pages import PAGES, expected_pages, page_address
from reader.web.extract import extract
from reader.web.fetch import decode
from reader.web.page_meta import read_meta, strip_site

CASES = expected_pages()


def flat(text: str) -> str:
    """Text with Markdown's emphasis and line breaks out of the way of a sentence search."""
    return " ".join(text.replace("*", "").replace("`", "").split())


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_page_is_kept_as_it_should_be(name: str) -> None:
    expected = CASES[name]
    article = extract(
        decode((PAGES / f"{name}.html").read_bytes(), None), page_address(name, expected)
    )
    assert article.title == expected["title"]
    assert article.published == expected["date"]  # a stated date, or none: never a guess
    assert article.author == expected["author"]
    if "outlet" in expected:
        assert article.outlet == expected["outlet"]
    body = flat(article.body)
    for sentence in expected["must"]:
        assert flat(sentence) in body, sentence
    for sentence in expected["must_not"]:
        assert flat(sentence) not in body, sentence


def test_the_set_is_large_and_varied_enough() -> None:
    assert len(CASES) >= 30
    assert sum(case["date"] is None for case in CASES.values()) >= 8  # undated pages too
    assert any(not (PAGES / f"{name}.html").read_bytes().isascii() for name in CASES)


def test_a_date_says_where_it_was_read() -> None:
    sources = {
        name: read_meta(decode((PAGES / f"{name}.html").read_bytes(), None),
                        page_address(name, CASES[name])).date_source
        for name in ("ghost-ledger", "hugo-papermod", "jekyll-swifts", "dated-url", "debian-doc")
    }  # fmt: skip
    assert sources == {
        "ghost-ledger": "json-ld",
        "hugo-papermod": "meta",
        "jekyll-swifts": "time",
        "dated-url": "address",
        "debian-doc": None,
    }


@pytest.mark.parametrize(
    ("title", "sites", "kept"),
    [
        ("What Is Ownership? - The Tide Book", {"The Tide Book"}, "What Is Ownership?"),
        ("Field Notes | Swifts under the roof", {"field notes"}, "Swifts under the roof"),
        ("Part 1 - Introduction", {"Field Notes"}, "Part 1 - Introduction"),
        ("Just a title", set(), "Just a title"),
    ],
)
def test_the_site_name_comes_off_a_title_and_nothing_else(
    title: str, sites: set[str], kept: str
) -> None:
    assert strip_site(title, sites) == kept


def test_a_feed_item_keeps_its_quotes_code_and_images() -> None:
    from reader.web.extract import fragment_markdown

    markdown = fragment_markdown(
        "<p>The council met.</p><blockquote><p>We will fix it, said the mayor.</p></blockquote>"
        "<pre><code>make build</code></pre><p>&gt; typed as is</p>"
        '<img src="https://x.example/rain.png" alt="A chart of rainfall"><p>End.</p>'
    )
    lines = markdown.splitlines()
    assert "> We will fix it, said the mayor." in lines  # a quote, as Markdown
    assert "```" in lines and "make build" in lines  # a block, not inline code
    assert "![A chart of rainfall](https://x.example/rain.png)" in lines
    assert not any(line.startswith("> typed") for line in lines)  # a literal `>` stays one
    assert "READER-QUOTE" not in markdown
