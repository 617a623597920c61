"""The catalogue at scale: processes, a list that fills, freshness, an index without text."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.index import catalogue as catalogue_module
from reader.index import catalogue_index
from reader.index.catalogue import Catalogue
from reader.index.catalogue_db import CATALOGUE_NAME, damaged, part2_path
from reader.index.search import parse_query
from reader.index.workers import Workers
from reader.library import Library, load_library
from reader.library.loader import scan_folder, walk_order


def _articles(folder: Path, count: int, words: str = "plain words") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"a{number:04d}.md").write_text(
            f"---\ntitle: Article {number}\ndate: 2026-01-{number % 28 + 1:02d}\n"
            f"sources:\n  - publisher: P{number}\n    title: T{number}\n---\n\n"
            f"{words} number{number}\n",
            encoding="utf-8",
        )


def kill_in_a_child(items: list[int]) -> list[int]:
    """Stand-in for a parser that dies: any process but the test's own ends at once."""
    if os.getpid() != int(os.environ["READER_TEST_PARENT"]):
        os._exit(1)
    return [item * 2 for item in items]


def test_a_job_done_by_processes_gives_the_library_a_fresh_parse_gives(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "many"
    _articles(folder / "one", 150)
    _articles(folder / "two", 150)
    catalogue = Catalogue.open(tmp_path / "cache")
    with Workers(processes_from=10) as workers:
        report = catalogue.sync([folder], workers=workers)
        assert catalogue.index(workers=workers) == 300
    assert report.library.articles == load_library([folder]).articles
    assert sorted(catalogue.search("number123").ids) == ["one/a0123", "two/a0123"]


def test_a_process_that_dies_leaves_its_work_to_this_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("READER_TEST_PARENT", str(os.getpid()))
    items = list(range(700))
    with Workers(processes_from=10) as workers:
        results = [n for chunk in workers.map(kill_in_a_child, items) for n in chunk]
    assert results == [item * 2 for item in items]


def test_a_first_run_shows_the_library_as_it_fills(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _articles(folder, 2000)
    shown: list[Library] = []
    catalogue = Catalogue.open(tmp_path / "cache")
    with Workers(processes_from=10**9) as workers:  # in this thread: the order is certain
        report = catalogue.sync([folder], partial=shown.append, workers=workers)
    sizes = [len(library) for library in shown]
    assert sizes[0] == 100 and sizes == sorted(sizes) and sizes[-1] < 2000
    walked = [Path(path).stem for path in sorted(scan_folder(folder).files)][:100]
    assert sorted(article.id for article in shown[0].articles) == walked
    dates = [article.published for article in shown[1].articles]
    assert dates == sorted(dates, reverse=True)  # newest first, as far as it is known
    assert len(report.library) == 2000
    for library in shown:  # each is the whole list's order, as far as it goes, field for field
        ids = {article.id for article in library.articles}
        assert list(library.articles) == [a for a in report.library.articles if a.id in ids]
    shown.clear()
    catalogue.sync([folder], partial=shown.append)
    assert shown == []  # a second run has the whole list from the cache


def test_the_folders_times_tell_whether_anything_was_added_removed_or_renamed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lib"
    _articles(folder / "sub", 3)
    catalogue = Catalogue.open(tmp_path / "cache")
    assert not catalogue.is_fresh([folder])  # never checked
    catalogue.sync([folder])
    assert catalogue.is_fresh([folder])
    (folder / "sub" / "a0001.md").rename(folder / "sub" / "renamed.md")
    assert not catalogue.is_fresh([folder])
    library = catalogue.current_library([folder])
    assert {a.id for a in library.articles} == {"sub/a0000", "sub/renamed", "sub/a0002"}
    assert catalogue.is_fresh([folder])
    (folder / "sub" / "deeper").mkdir()
    assert not catalogue.is_fresh([folder])


def test_an_edit_in_place_is_seen_by_a_full_check_not_by_the_folder_times(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lib"
    _articles(folder, 2)
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    before = folder.stat()
    edited = folder / "a0000.md"
    edited.write_text("---\ntitle: Edited\n---\n\nNew text.\n", encoding="utf-8")
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert catalogue.current_library([folder]).get("a0000").title == "Article 0"  # type: ignore[union-attr]
    assert catalogue.sync([folder]).library.get("a0000").title == "Edited"  # type: ignore[union-attr]


def test_entries_left_by_changed_files_are_dropped_once_they_are_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue_module, "DEAD_MIN", 5)
    _big_jobs_from(2, monkeypatch)  # in both parts
    folder = tmp_path / "lib"
    _articles(folder, 10, words="before")
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    catalogue.index()
    for path in sorted(folder.glob("*.md"))[:6]:
        path.write_text(path.read_text().replace("before", "after"), encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    catalogue.sync([folder])
    assert catalogue.index() == 10  # six dead entries of ten: the index starts again
    assert _entries(catalogue) == (5, 5)
    assert len(catalogue.search("before").ids) == 4
    assert len(catalogue.search("after").ids) == 6
    assert catalogue.search("number3").ids == ["a0003"]


def test_a_closed_catalogue_is_not_taken_for_a_damaged_one(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _articles(folder, 3)
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    catalogue.close()  # the app quitting while its worker still runs
    with pytest.raises(sqlite3.ProgrammingError):
        catalogue.cached_library([folder])
    assert len(Catalogue.open(tmp_path / "cache").cached_library([folder])) == 3


def test_only_damage_rebuilds_the_catalogue() -> None:
    assert damaged(sqlite3.DatabaseError("file is not a database"))
    assert damaged(sqlite3.OperationalError("no such table: files"))
    assert not damaged(sqlite3.OperationalError("database is locked"))
    assert not damaged(sqlite3.ProgrammingError("Cannot operate on a closed database."))


def test_duplicate_ids_in_nested_folders_settle_as_a_walk_would(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    for place in ("b", "a/z", "a"):
        (folder / place).mkdir(parents=True, exist_ok=True)
        (folder / place / "note.md").write_text(
            f"---\nid: same\ntitle: In {place}\n---\n", encoding="utf-8"
        )
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    fresh = load_library([folder])
    assert fresh.get("same").title == "In a"  # type: ignore[union-attr]
    assert catalogue.cached_library([folder]).get("same").title == "In a"  # type: ignore[union-attr]
    assert walk_order(str(folder / "a/note.md"), str(folder)) < walk_order(
        str(folder / "a/z/note.md"), str(folder)
    )


def test_what_a_walk_met_is_named_by_its_own_path_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    _articles(folder, 2)
    (folder / "deeper").mkdir()
    os.mkfifo(folder / "deeper" / "pipe.md")  # a warning of the walk, not of a file read
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    cached = [p.format() for p in catalogue.cached_library([folder]).problems]
    fresh = [p.format() for p in load_library([folder]).problems]
    assert any(str(folder / "deeper" / "pipe.md") in text for text in cached)
    assert sorted(cached) == sorted(fresh)


def test_work_stopped_half_way_is_kept_and_the_next_run_goes_on_from_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are written a few thousand at a time: quitting must still keep what was done."""
    from reader.index import workers as workers_module

    monkeypatch.setattr(workers_module, "CHUNK", 10)
    folder = tmp_path / "many"
    _articles(folder, 60)
    done: list[int] = []

    def progress(count: int, total: int) -> None:
        done.append(count)

    def after_two_chunks() -> bool:
        return len(done) >= 2

    Catalogue.open(tmp_path / "cache").sync([folder], progress, after_two_chunks)
    report = Catalogue.open(tmp_path / "cache").sync([folder])
    assert (report.unchanged, report.parsed) == (20, 40)
    assert report.library.articles == load_library([folder]).articles

    done.clear()
    assert Catalogue.open(tmp_path / "cache").index(progress, after_two_chunks) == 20
    again = Catalogue.open(tmp_path / "cache")
    assert again.unindexed == 40
    assert again.index() == 40 and again.search("number7").ids == ["a0007"]


def test_closing_does_not_wait_for_a_long_query_on_another_thread(tmp_path: Path) -> None:
    """Quitting closes the catalogue while the worker may be deep in a query."""
    import threading

    catalogue = Catalogue.open(tmp_path / "cache")
    running, failed = threading.Event(), threading.Event()

    def long_query() -> None:
        endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        catalogue._db.set_progress_handler(lambda: running.set() or 0, 1000)
        try:
            with catalogue._lock:  # as every catalogue method holds it
                catalogue._db.execute(endless + "SELECT count(*) FROM n").fetchone()
        except sqlite3.Error:
            failed.set()

    threading.Thread(target=long_query, daemon=True).start()
    assert running.wait(5)  # the query is under way
    closer = threading.Thread(target=catalogue.close, daemon=True)
    closer.start()
    closer.join(5)
    assert not closer.is_alive() and failed.wait(5) and catalogue.closed


def _entries(catalogue: Catalogue) -> tuple[int, int]:
    """How many bodies each part of the index holds (entries of changed files included)."""
    db = catalogue._db
    return (
        db.execute("SELECT count(*) FROM main.docs_docsize").fetchone()[0],
        db.execute("SELECT count(*) FROM part2.docs_docsize").fetchone()[0],
    )


def _big_jobs_from(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_index, "TWO_PARTS_FROM", count)


def _indexed(tmp_path: Path, count: int) -> tuple[Path, Catalogue]:
    """`count` articles in a folder, parsed by processes and indexed."""
    folder = tmp_path / "lib"
    _articles(folder, count)
    catalogue = Catalogue.open(tmp_path / "cache")
    with Workers(processes_from=10) as workers:
        catalogue.sync([folder], workers=workers)
        assert catalogue.index(workers=workers) == count
    return folder, catalogue


def test_a_big_job_indexes_half_in_each_part_and_search_sees_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _big_jobs_from(100, monkeypatch)
    folder, catalogue = _indexed(tmp_path, 300)
    assert _entries(catalogue) == (150, 150)
    assert len(catalogue.search("plain words").ids) == 300
    assert catalogue.search("number124").ids == ["a0124"]
    assert catalogue.search("number123").ids == ["a0123"]
    [(hit, title)] = catalogue.best(parse_query("number123"), [folder], 5)
    assert (hit.article_id, title) == ("a0123", "Article 123")
    (folder / "a0001.md").write_text("# Added later\n\nnumber123 again\n", encoding="utf-8")
    catalogue.sync([folder])
    assert catalogue.index() == 1  # a small job: the first part alone
    assert _entries(catalogue) == (151, 150)
    assert sorted(catalogue.search("number123").ids) == ["a0001", "a0123"]


def _two_parts_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """40 articles indexed in both parts, the catalogue closed: their folder, and the
    second part's file."""
    _big_jobs_from(10, monkeypatch)
    folder, catalogue = _indexed(tmp_path, 40)
    catalogue.close()
    return folder, part2_path(tmp_path / "cache" / CATALOGUE_NAME)


def test_a_lost_second_part_is_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder, part2 = _two_parts_closed(tmp_path, monkeypatch)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{part2}{suffix}").unlink(missing_ok=True)
    reopened = Catalogue.open(tmp_path / "cache")
    assert reopened.unindexed == 40
    assert reopened.index() == 40
    assert _entries(reopened) == (20, 20)
    assert len(reopened.search("number3").ids) == 1


def test_a_damaged_second_part_starts_the_catalogue_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, part2 = _two_parts_closed(tmp_path, monkeypatch)
    part2.write_bytes(b"not sqlite" * 500)
    reopened = Catalogue.open(tmp_path / "cache")
    assert reopened.path == tmp_path / "cache" / CATALOGUE_NAME  # a file still, not memory
    assert len(reopened.cached_library([folder])) == 0  # a new catalogue
    reopened.sync([folder])
    assert reopened.index() == 40
    assert reopened.search("number3").ids == ["a0003"]


def test_closing_after_a_failed_index_job_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second part's writer is forgotten with its job, however the job ended."""
    _big_jobs_from(10, monkeypatch)
    folder = tmp_path / "lib"
    _articles(folder, 40)
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])

    def unreadable(items: list[object]) -> list[object]:
        raise OSError("the disk went away")

    monkeypatch.setattr(catalogue_module, "index_rows", unreadable)
    with pytest.raises(OSError, match="went away"):
        catalogue.index()
    catalogue.close()
    assert catalogue.closed
