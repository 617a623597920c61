"""Which file a saved page is written to: the address it was asked for decides, never the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.web.extract import WebArticle
from reader.web.saved import save

DAY = dt.date(2026, 12, 7)


def page(url: str, text: str = "Its text.", title: str = "A page") -> WebArticle:
    return WebArticle(title=title, body=f"{text}\n", url=url)


@pytest.mark.parametrize(
    "canonical",
    [
        "http://site.example:port/kept",
        "http://[::1/kept",
        "javascript:alert(1)",
        "/kept",
        "",
        "http://other.example/kept",
    ],
)
def test_a_canonical_address_that_is_odd_or_elsewhere_never_finds_the_kept_page(
    tmp_path: Path, canonical: str
) -> None:
    kept = save(
        page("https://site.example/kept", "Kept."), tmp_path, "https://site.example/kept", DAY
    )
    before = kept.path.read_text("utf-8")
    added = save(page(canonical, "Other."), tmp_path, "https://site.example/other", DAY)
    assert added.created and added.path != kept.path
    assert kept.path.read_text("utf-8") == before
    assert "Other." in added.path.read_text("utf-8")


def test_the_same_site_s_page_naming_the_kept_one_as_canonical_is_that_article(
    tmp_path: Path,
) -> None:
    kept = save(
        page("https://site.example/kept", "Kept."), tmp_path, "https://site.example/kept", DAY
    )
    before = kept.path.read_text("utf-8")
    again = save(
        page("https://site.example/kept", "Copy.", title="Another title"),
        tmp_path,
        "https://www.site.example/kept?ref=1",
        DAY,
    )
    assert (again.path, again.created, again.written) == (kept.path, False, False)
    assert kept.path.read_text("utf-8") == before
    # Named by its own title, not the one the other page gives itself.
    assert again.said("Another title").startswith("Already in your library: A page (")


def test_a_file_or_standard_input_gets_no_address_it_does_not_have(tmp_path: Path) -> None:
    saved = save(page("about:blank"), tmp_path, "about:A page", DAY)
    text = saved.path.read_text("utf-8")
    assert "url:" not in text and "about:" not in text and "publisher" not in text
