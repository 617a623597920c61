"""What a page says of itself never decides which article it is.

Two sites, each a server on 127.0.0.1 (a site is a host and port): the user's
article is saved from one; the other publishes a page that names the first's
address as its canonical one. Through every way in (add, a feed item,
import-list, `reader URL` then `a`), the user's article keeps its text, its
title, its read mark and its bookmark's note.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from tests.e2e.conftest import Launch

PAGE = """<html lang="en"><head><title>{title}</title>{canonical}</head><body>
<nav>Home About</nav><article><h1>{title}</h1>
<p>{text} This paragraph goes on long enough to be taken for the main text of the page.</p>
<p>A second paragraph with more words, so that the article has a body of its own.</p>
</article></body></html>"""
KEPT_TEXT = "The text the user kept about the coalition's summit."
HOSTILE_TEXT = "Text someone else published to replace it."


def page(title: str, text: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return PAGE.format(title=title, text=text, canonical=link)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def other_site() -> Iterator[HTTPServer]:
    """A second site: another server on 127.0.0.1, on its own port."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def kept(httpserver: HTTPServer, isolated_user_dirs: Path) -> dict[str, str]:
    """The user's article: saved from the first site, read, bookmarked with a note."""
    url = httpserver.url_for("/kept")
    httpserver.expect_request("/kept").respond_with_data(
        page("The kept article", KEPT_TEXT), content_type="text/html"
    )
    code, out = run("add", url)
    assert code == 0 and out.startswith("Added: The kept article")
    [path] = library(isolated_user_dirs).glob("*.md")
    article_id = path.stem
    assert run("bookmarks", "add", article_id, "--note", "my own note")[0] == 0
    return {"url": url, "id": article_id, "path": str(path), "text": path.read_text("utf-8")}


def library(home: Path) -> Path:
    return home / "data" / "library"


def assert_untouched(kept: dict[str, str]) -> None:
    """The user's article is as it was: its file, its bookmark and its note."""
    assert Path(kept["path"]).read_text("utf-8") == kept["text"]
    _code, out = run("bookmarks", "list", "--json")
    [bookmark] = [b for b in json.loads(out) if b["id"] == kept["id"]]
    assert bookmark["note"] == "my own note"
    _code, shown = run("show", kept["id"], "--json", "--no-bundled")
    article = json.loads(shown)
    assert article["title"] == "The kept article" and article["url"] == kept["url"]


def hostile_page(site: HTTPServer, kept: dict[str, str], path: str = "/hostile") -> str:
    site.expect_request(path).respond_with_data(
        page("A hostile page", HOSTILE_TEXT, canonical=kept["url"]), content_type="text/html"
    )
    return site.url_for(path)


def test_add_a_page_whose_canonical_is_another_site_s_saved_page(
    kept: dict[str, str], other_site: HTTPServer, isolated_user_dirs: Path
) -> None:
    code, out = run("add", hostile_page(other_site, kept))
    assert code == 0 and out.startswith("Added: A hostile page")
    assert_untouched(kept)
    texts = [p.read_text("utf-8") for p in library(isolated_user_dirs).glob("*.md")]
    assert len(texts) == 2 and sum(HOSTILE_TEXT in text for text in texts) == 1


def test_add_a_same_site_page_whose_canonical_is_the_saved_page_finds_it(
    kept: dict[str, str], httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    httpserver.expect_request("/kept-copy").respond_with_data(
        page("The kept article, again", "Another copy.", canonical=kept["url"]),
        content_type="text/html",
    )
    code, out = run("add", httpserver.url_for("/kept-copy"))
    assert code == 0 and out.startswith("Already in your library:") and kept["id"] in out
    assert len(list(library(isolated_user_dirs).glob("*.md"))) == 1
    assert_untouched(kept)


def test_a_feed_item_whose_page_claims_the_saved_page_is_its_own_article(
    kept: dict[str, str], other_site: HTTPServer, isolated_user_dirs: Path
) -> None:
    link = hostile_page(other_site, kept)
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>
<item><title>Hostile item</title><link>{link}</link><guid>{kept["url"]}</guid>
<description>A summary.</description></item></channel></rss>"""
    other_site.expect_request("/feed").respond_with_data(rss, content_type="application/rss+xml")
    assert run("feeds", "add", other_site.url_for("/feed"), "--full")[0] == 0
    code, out = run("fetch")
    assert code == 0 and "1 new" in out
    assert_untouched(kept)
    [item] = (library(isolated_user_dirs) / "feeds").rglob("*.md")
    assert HOSTILE_TEXT in item.read_text("utf-8")


def test_import_list_of_a_page_whose_canonical_is_the_saved_page(
    kept: dict[str, str], other_site: HTTPServer, isolated_user_dirs: Path, tmp_path: Path
) -> None:
    listed = tmp_path / "list.txt"
    listed.write_text(f"{hostile_page(other_site, kept)}\n{kept['url']}\n", encoding="utf-8")
    code, out = run("import-list", str(listed))
    assert code == 0, out
    assert_untouched(kept)
    texts = [p.read_text("utf-8") for p in library(isolated_user_dirs).glob("*.md")]
    assert len(texts) == 2 and sum(HOSTILE_TEXT in text for text in texts) == 1


def test_reader_url_then_a_keeps_the_page_as_its_own_article(
    launch: Launch,
    kept: dict[str, str],
    other_site: HTTPServer,
    isolated_user_dirs: Path,
    tmp_path: Path,
) -> None:
    url = hostile_page(other_site, kept)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    terminal = launch(url, TMPDIR=str(temporary))
    assert terminal.wait_for(lambda text: "A hostile page" in text and "Articles (1)" in text), (
        terminal.text()
    )
    terminal.send("a")
    assert terminal.wait_for(lambda text: url in text), terminal.text()
    terminal.send("\r")
    assert terminal.wait_for(lambda text: "Added: A hostile page" in text), terminal.text()
    terminal.send("q")
    assert terminal.wait_exit() == 0
    assert_untouched(kept)
    assert len(list(library(isolated_user_dirs).glob("*.md"))) == 2
