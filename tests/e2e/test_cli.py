"""The `reader` command: help, version, list, show and check, as a script would use them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_version_and_help_list_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for command in ("list", "show", "check", "search", "bookmarks", "export", "import"):
        assert f"    {command} " in text


def test_list_prints_one_line_per_article_newest_first(library_dir: Path) -> None:
    code, out = run("list", "--no-bundled", "--content", str(library_dir))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("●   first ") and "Alpha report" in lines[0]
    assert lines[-1].startswith("●   undated ")


def test_list_json_has_the_documented_fields(library_dir: Path) -> None:
    code, out = run("--no-bundled", "--content", str(library_dir), "list", "--json")
    assert code == 0
    records = json.loads(out)
    first = records[0]
    for key in ("id", "title", "language", "published", "outlet", "tags", "path", "read"):
        assert key in first
    assert first["bookmarked"] is False
    assert first["id"] == "first" and first["published"] == "2026-01-19"
    assert first["tags"] == ["alpha", "security"]
    assert Path(first["path"]) == library_dir / "first.md"


def test_list_includes_the_bundled_library_by_default() -> None:
    code, out = run("list", "--json")
    ids = {record["id"] for record in json.loads(out)}
    assert code == 0
    assert "guide/reading-with-reader" in ids
    assert "alliance/coalition-opinion-en" in ids


def test_show_prints_plain_text_when_piped(library_dir: Path) -> None:
    code, out = run("show", "first", "--no-bundled", "--content", str(library_dir))
    assert code == 0
    assert "\x1b" not in out
    assert out.splitlines()[0] == "Alpha report"
    assert "Ann Author" in out and "sécurité" in out and "• one" in out


def test_show_unknown_id_is_a_clear_error(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run("show", "nope", "--no-bundled", "--content", str(library_dir))
    assert code == 1 and out == ""
    assert "no article with id 'nope'" in capsys.readouterr().err


def test_check_reports_path_line_severity_and_exits_1_on_error(cases_dir: Path) -> None:
    code, out = run("check", str(cases_dir))
    lines = out.splitlines()
    assert code == 1
    assert f"{cases_dir / 'broken-yaml.md'}:3: error: " in out
    assert f"{cases_dir / 'bad-date.md'}:3: warning: " in out
    assert lines[-1].endswith("error(s), 4 warning(s)")  # a missing title is none
    assert lines[-1].startswith("12 article(s) loaded, 8 error(s)")


def test_check_passes_on_clean_content(library_dir: Path) -> None:
    code, out = run("check", str(library_dir))
    assert code == 0
    assert out.strip() == "4 article(s) loaded, 0 error(s), 0 warning(s)"


def test_bundled_library_has_no_problems() -> None:
    code, out = run("check")
    assert code == 0, out
    assert "0 error(s), 0 warning(s)" in out


def test_interface_refuses_to_start_without_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 1
    assert "needs a terminal" in result.stderr and "Traceback" not in result.stderr


def test_cli_commands_do_not_import_textual(library_dir: Path) -> None:
    script = (
        "import io, sys\n"
        "from reader.cli import main\n"
        f"main(['list', '--content', {str(library_dir)!r}], out=io.StringIO())\n"
        f"main(['check', {str(library_dir)!r}], out=io.StringIO())\n"
        "main(['show', 'first', '--no-bundled', '--content', "
        f"{str(library_dir)!r}], out=io.StringIO())\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_bookmarks_add_list_remove(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    assert run("bookmarks", "add", "first", "--note", "keep this", *where)[0] == 0
    code, out = run("bookmarks", "--json", *where)
    [record] = json.loads(out)
    assert code == 0
    assert (record["id"], record["title"], record["note"]) == ("first", "Alpha report", "keep this")
    assert record["created"].endswith("Z")
    assert "keep this" in run("bookmarks", "list", *where)[1]
    listed = json.loads(run("list", "--json", *where)[1])
    assert [r["bookmarked"] for r in listed] == [True, False, False, False]
    only = run("list", "--bookmarked", *where)[1].splitlines()
    assert len(only) == 1 and "first" in only[0] and "★" in only[0]
    assert run("bookmarks", "remove", "first", *where)[0] == 0
    assert json.loads(run("bookmarks", "--json", *where)[1]) == []


def test_an_article_is_named_by_the_start_of_its_id_when_that_is_its_alone(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    for name in ("fi", "second"):
        (library_dir / "world" / f"{name}-extra.md").write_text(
            f"---\ntitle: {name} extra\n---\nText.\n", encoding="utf-8"
        )
    listed = run("list", *where)[1]
    assert "second-fr " in listed or "second-fr\n" in listed  # a short id, not world/second-fr
    code, shown = run("show", "second-f", *where)  # the start of world/second-fr's name
    assert code == 0 and "Rapport bêta" in shown
    assert run("show", "world/second-en", *where)[0] == 0  # the whole id still works
    assert run("bookmarks", "add", "undat", *where)[0] == 0
    assert "undated" in run("bookmarks", "list", *where)[1]
    capsys.readouterr()
    assert run("show", "second", *where)[0] == 1  # second-en, second-fr, second-extra
    error = capsys.readouterr().err
    assert "'second' could be 3 articles" in error and "world/second-fr" in error


def test_bookmarks_unknown_id_is_an_error(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    assert run("bookmarks", "add", "missing", *where)[0] == 1
    assert "no article with id 'missing'" in capsys.readouterr().err
    assert run("bookmarks", "remove", "first", *where)[0] == 1
    assert "'first' is not bookmarked" in capsys.readouterr().err


def test_list_unread_reflects_real_state(library_dir: Path) -> None:
    from reader.state.store import Store

    store = Store.open(Path(os.environ["READER_DATA_DIR"]))
    store.set_read("first", True)
    store.close()
    where = ("--no-bundled", "--content", str(library_dir))
    records = json.loads(run("list", "--json", *where)[1])
    assert {r["id"]: r["read"] for r in records}["first"] is True
    unread = run("list", "--unread", *where)[1]
    assert "first" not in unread and "undated" in unread


def test_export_and_import_round_trip(library_dir: Path, tmp_path: Path) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    run("bookmarks", "add", "first", "--note", "why it matters", *where)
    exported = tmp_path / "state.json"
    code, out = run("export", "-o", str(exported), *where)
    assert code == 0 and "1 bookmark(s)" in out
    markdown = run("export", "--format", "markdown", *where)[1]
    assert "**Alpha report** — Fixture Times, 2026-01-19" in markdown
    assert "> why it matters" in markdown
    run("bookmarks", "remove", "first", *where)
    assert "1 new bookmark(s)" in run("import", str(exported), *where)[1]
    assert "0 new bookmark(s)" in run("import", str(exported), *where)[1]
    [record] = json.loads(run("bookmarks", "--json", *where)[1])
    assert record["note"] == "why it matters"


def test_import_of_a_bad_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run("import", str(bad))[0] == 1
    assert f"{bad}: not a JSON file (" in capsys.readouterr().err
    assert run("import", str(tmp_path / "missing.json"))[0] == 1
    assert "missing.json: cannot be read (No such file" in capsys.readouterr().err


def test_search_from_the_command_line(library_dir: Path) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    code, out = run("search", "securite", "--json", *where)
    records = json.loads(out)
    assert code == 0
    assert {r["id"] for r in records} == {"first", "world/second-fr"}
    for record in records:
        assert set(record) >= {"id", "title", "snippet", "score"}
        assert "sécurité" in record["snippet"]
    code, out = run("search", "AND", "OR", "(", *where)
    assert code == 0 and out == "No article matches.\n"
    plain = run("search", "english", *where)[1]
    assert plain.startswith("world/second-en  Beta report")


def test_commands_answer_from_the_catalogue_and_see_what_was_added_or_removed(
    library_dir: Path, tmp_path: Path
) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    other = tmp_path / "other"
    other.mkdir()
    (other / "elsewhere.md").write_text("# Securite elsewhere\n\nsecurite\n", encoding="utf-8")
    run("list", "--no-bundled", "--content", str(other))  # the same catalogue, another folder
    ids = {record["id"] for record in json.loads(run("list", "--json", *where)[1])}
    assert "added" not in ids and "first" in ids
    (library_dir / "added.md").write_text("# Added\n\nsecurite too\n", encoding="utf-8")
    (library_dir / "undated.md").unlink()
    ids_now = {record["id"] for record in json.loads(run("list", "--json", *where)[1])}
    assert ids_now == (ids - {"undated"}) | {"added"}
    found = {record["id"] for record in json.loads(run("search", "securite", "--json", *where)[1])}
    assert found == {"first", "world/second-fr", "added"}  # not the other folder's article


def test_bookmarking_fails_clearly_when_nothing_can_be_saved(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    code, out = run("bookmarks", "add", "first", "--no-bundled", "--content", str(library_dir))
    assert code == 1 and "Bookmarked" not in out
    assert "cannot be saved" in capsys.readouterr().err


def test_a_note_of_several_lines_keeps_its_lines_in_bookmarks_and_export(
    library_dir: Path,
) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    assert run("bookmarks", "add", "first", "--note", "line one\nline two", *where)[0] == 0
    code, out = run("bookmarks", *where)
    assert code == 0 and "\n    line one\n    line two\n" in out
    code, out = run("export", "--format", "markdown", *where)
    assert code == 0 and "  > line one\n  > line two" in out


def test_import_counts_the_notes_it_brings(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ("--no-bundled", "--content", str(library_dir))
    run("bookmarks", "add", "first", "--note", "one", *where)
    run("bookmarks", "add", "undated", "--note", "two", *where)
    export = tmp_path / "state.json"
    assert run("export", "-o", str(export), *where)[0] == 0
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "elsewhere"))
    code, out = run("import", str(export), *where)
    assert code == 0 and "2 new bookmark(s), 2 note(s)" in out


def test_list_json_says_what_the_files_and_the_reading_state_say(library_dir: Path) -> None:
    """`list --json` prints from what the catalogue keeps encoded: every field must still be
    the article's as a fresh parse reads it, with its state, in the list's order."""
    from reader.index.filters import ListFilter, apply_filter
    from reader.library.loader import load_library
    from reader.state.model import Bookmark, Position
    from reader.state.store import Store

    (library_dir / "monthly.md").write_text(
        '---\ntitle: "Mois « spécial »"\npublished: 2025-03\ntags: [a, b]\n'
        "translation_of: first\n---\n\nCorps.\n",
        encoding="utf-8",
    )
    second = library_dir.parent / "second"
    second.mkdir()
    (second / "first.md").write_text("# Same id, second folder\n", encoding="utf-8")
    store = Store.open(Path(os.environ["READER_DATA_DIR"]))
    store.set_read("undated", True)
    store.save_position("world/second-fr", Position(line=3, fraction=0.5, progress=0.25))
    store.add_bookmark("first", note="older")
    store.add_bookmark("monthly", note="a « note »")
    newer = Bookmark("monthly", "2099-01-01T00:00:00Z", "a « note »")  # listed before "first"
    store.restore({"monthly": replace(store.state("monthly"), bookmark=newer)})
    states = store.states()
    store.close()
    folders = [library_dir, second]
    where = ("--no-bundled", "--content", str(library_dir), "--content", str(second))

    def expected(article_id: str) -> dict[str, object]:
        article = library.get(article_id)
        assert article is not None
        state = states.get(article_id)
        return {
            "id": article.id,
            "title": article.title,
            "language": article.language,
            "published": article.published_iso,
            "outlet": article.outlet,
            "author": article.author,
            "url": article.url,
            "kind": article.kind,
            "summary": article.summary,
            "tags": list(article.tags),
            "translation_of": article.translation_of,
            "reading_minutes": article.reading_minutes,
            "word_count": article.word_count,
            "path": str(article.path),
            "read": bool(state and state.read),
            "bookmarked": bool(state and state.bookmark),
            "note": state.bookmark.note if state and state.bookmark else None,
            "progress": state.position.progress if state and state.position else None,
            "sources": [
                {
                    "publisher": s.publisher,
                    "title": s.title,
                    "date": s.date,
                    "url": s.url,
                    "kind": s.kind,
                    "note": s.note,
                }
                for s in article.sources
            ],
        }

    library = load_library(folders)
    for _ in range(2):  # the first run fills the catalogue; the second answers from it
        records = json.loads(run("list", "--json", *where)[1])
        assert records == [expected(article.id) for article in library.articles]
    assert records[0]["sources"][2]["note"] == "quoted once"  # spot-check the fixture
    assert next(r for r in records if r["id"] == "monthly")["published"] == "2025-03"
    unread = json.loads(run("list", "--json", "--unread", *where)[1])
    assert [r["id"] for r in unread] == [a.id for a in library.articles if a.id != "undated"]
    marked = json.loads(run("list", "--json", "--bookmarked", *where)[1])
    as_the_app_lists = apply_filter(library, states, ListFilter(view="bookmarked"))
    assert [r["id"] for r in marked] == [article.id for article in as_the_app_lists]
    assert [r["id"] for r in marked] == ["monthly", "first"]  # newest bookmark first
    assert {r["id"]: r["note"] for r in marked} == {"monthly": "a « note »", "first": "older"}


def test_long_json_lists_are_written_a_piece_at_a_time_and_stay_one_list() -> None:
    from reader.cli.common import json_lines, write_json_lines

    items = [json.dumps({"n": n}) for n in range(2500)]  # past two pieces of 1000
    out = io.StringIO()
    write_json_lines(out, iter(items))
    assert out.getvalue() == json_lines(items)
    assert json.loads(out.getvalue()) == [{"n": n} for n in range(2500)]
    assert out.getvalue().count("\n") == 2502  # "[", one line each, "]"
    assert json_lines([]) == "[]\n"
