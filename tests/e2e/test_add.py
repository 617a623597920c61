"""`reader add`: web pages served by a real HTTP server on 127.0.0.1, saved as articles."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main

ARTICLE = """<html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>
<meta name="author" content="Ann Author"><meta property="og:site_name" content="The Site">
<meta property="article:published_time" content="2026-01-19">
<link rel="canonical" href="{canonical}"></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> Navigation menu text</nav>
<article><h1>{title}</h1>
<p>{text} The first paragraph cites <a href="https://cited.example/report">the report</a>
and goes on long enough to be taken for the main text of the page by any extractor.</p>
<p>A second paragraph with more words, so that the article clearly has a body of its own.</p>
</article><footer>Copyright footer text, cookie banner, newsletter sign-up.</footer>
</body></html>"""


def page(title: str = "Europe weighs an alliance", text: str = "", **extra: str) -> str:
    values = {"lang": "en", "charset": "utf-8", "canonical": "", "title": title, "text": text}
    return ARTICLE.format(**{**values, **extra})


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_a_page_is_saved_with_its_metadata_and_only_its_main_text(
    httpserver: HTTPServer, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = httpserver.url_for("/news/alliance")
    canonical = httpserver.url_for("/canonical/alliance")
    httpserver.expect_request("/news/alliance").respond_with_data(
        page(canonical=canonical), content_type="text/html"
    )
    code, out = run("add", url)
    assert code == 0 and out.startswith("Added: Europe weighs an alliance (")
    [saved] = (isolated_user_dirs / "data" / "library").glob("*.md")
    text = saved.read_text(encoding="utf-8")
    assert "The first paragraph cites [the report](https://cited.example/report)" in text
    assert "Navigation menu" not in text and "Copyright footer" not in text
    code, listed = run("list", "--json", "--no-bundled")
    [record] = json.loads(listed)
    assert (record["title"], record["outlet"], record["author"]) == (
        "Europe weighs an alliance",
        "The Site",
        "Ann Author",
    )
    assert record["published"] == "2026-01-19" and record["language"] == "en"
    code, shown = run("show", record["id"], "--json", "--no-bundled")
    article = json.loads(shown)
    assert article["date_source"] == "meta"  # the page's article:published_time
    assert "date_source: meta" in text
    # Known by the address it was added from; what the page calls canonical is kept beside.
    assert article["url"] == url and f"canonical: {canonical}" in text
    assert article["sources"][0]["url"] == url and article["sources"][0]["kind"] == "primary"
    assert {"text": "the report", "url": "https://cited.example/report"} in article["links"]


def test_adding_the_same_address_again_updates_the_article(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    url = httpserver.url_for("/a")
    httpserver.expect_ordered_request("/a").respond_with_data(
        page(text="First version."), content_type="text/html"
    )
    httpserver.expect_ordered_request("/a").respond_with_data(
        page(text="Second version."), content_type="text/html"
    )
    assert run("add", url)[1].startswith("Added:")
    assert run("add", url)[1].startswith("Updated:")
    [saved] = (isolated_user_dirs / "data" / "library").glob("*.md")
    assert "Second version." in saved.read_text(encoding="utf-8")


def test_a_latin_1_page_keeps_its_accents(httpserver: HTTPServer, isolated_user_dirs: Path) -> None:
    html = page(
        title="Défense européenne", text="Sécurité et défense.", lang="fr", charset="iso-8859-1"
    )
    httpserver.expect_request("/fr").respond_with_data(
        html.encode("latin-1"), content_type="text/html; charset=iso-8859-1"
    )
    code, out = run("add", httpserver.url_for("/fr"))
    assert code == 0 and "Défense européenne" in out
    [saved] = (isolated_user_dirs / "data" / "library").glob("*.md")
    assert "Sécurité et défense." in saved.read_text(encoding="utf-8")


def test_escape_sequences_in_a_page_never_reach_the_terminal_or_the_file(
    httpserver: HTTPServer, isolated_user_dirs: Path
) -> None:
    html = page(title="Clear \x1b[2J screen", text="Clipboard \x1b]52;c;aGk=\x07 write.")
    httpserver.expect_request("/evil").respond_with_data(html, content_type="text/html")
    code, out = run("add", httpserver.url_for("/evil"))
    assert code == 0 and "\x1b" not in out
    [saved] = (isolated_user_dirs / "data" / "library").glob("*.md")
    assert "\x1b" not in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("status", "words"),
    [(404, "answered 404 NOT FOUND"), (500, "answered 500 INTERNAL SERVER ERROR")],
)
def test_an_error_page_is_a_message(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], status: int, words: str
) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    assert run("add", httpserver.url_for("/gone"))[0] == 1
    assert words in capsys.readouterr().err


def test_a_redirect_loop_a_slow_server_and_a_huge_page_are_messages(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": "/loop"})
    )
    assert run("add", httpserver.url_for("/loop"))[0] == 1
    assert "redirect loop" in capsys.readouterr().err

    def slow(request: Request) -> Response:
        time.sleep(3)
        return Response(page(), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    assert run("add", httpserver.url_for("/slow"), "--timeout", "0.5")[0] == 1
    assert time.monotonic() - started < 2.5
    assert "within 0.5 s" in capsys.readouterr().err

    huge = b"<html><body><p>" + b"x" * (11 * 1024 * 1024) + b"</p></body></html>"
    httpserver.expect_request("/huge").respond_with_data(huge, content_type="text/html")
    assert run("add", httpserver.url_for("/huge"))[0] == 1
    assert "larger than 10 MB" in capsys.readouterr().err


def test_only_web_addresses_files_and_stdin(
    tmp_path: Path, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("add", "ftp://example.org/file")[0] == 1
    assert "only http and https" in capsys.readouterr().err
    saved_file = tmp_path / "page.html"
    saved_file.write_text(page(title="From a file"), encoding="utf-8")
    assert run("add", str(saved_file))[1].startswith("Added: From a file")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "add", "-"],
        input=page(title="From standard input").encode(),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0 and b"Added: From standard input" in result.stdout
    assert len(list((isolated_user_dirs / "data" / "library").glob("*.md"))) == 2
