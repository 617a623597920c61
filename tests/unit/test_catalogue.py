"""The catalogue caches parsed articles: the same library, without parsing again."""

from __future__ import annotations

import dataclasses
import os
import pickle
import sys
import threading
from pathlib import Path

from reader.index.catalogue import Catalogue
from reader.library import Article, load_library


def test_cached_library_equals_a_fresh_parse(
    library_dir: Path, cases_dir: Path, tmp_path: Path
) -> None:
    folders = [library_dir, cases_dir]
    catalogue = Catalogue.open(tmp_path / "cache")
    synced = catalogue.sync(folders).library
    fresh = load_library(folders)
    assert synced.articles == fresh.articles
    assert sorted(p.format() for p in synced.problems) == sorted(p.format() for p in fresh.problems)
    catalogue.close()
    cached = Catalogue.open(tmp_path / "cache").cached_library(folders)
    assert cached.articles == fresh.articles
    assert [a.sources for a in cached.articles] == [a.sources for a in fresh.articles]
    assert sorted(p.format() for p in cached.problems) == sorted(
        p.format() for p in fresh.problems if "content folder" not in p.message
    )


def test_cached_articles_are_whole_when_used_from_many_threads_at_once(
    library_dir: Path, cases_dir: Path, tmp_path: Path
) -> None:
    """Articles are read from the catalogue by id and filled when first used: whichever
    thread gets there first, every field is the parsed one."""
    many = tmp_path / "many"
    many.mkdir()
    for number in range(1000):
        front = f"---\ntitle: Note {number}\ntags: [t{number % 7}]\n---\n"
        text = f"{front}See [[Note {number + 1}]].\n"
        (many / f"n{number}.md").write_text(text, encoding="utf-8")
    folders = [library_dir, cases_dir, many]
    Catalogue.open(tmp_path / "cache").sync(folders)
    fresh = load_library(folders).articles
    cached = Catalogue.open(tmp_path / "cache").cached_library(folders).articles
    names = [item.name for item in dataclasses.fields(Article)]
    seen: list[list[tuple[object, ...]]] = [[] for _ in range(4)]

    def read_all(into: list[tuple[object, ...]]) -> None:
        into.extend(tuple(getattr(article, name) for name in names) for article in cached)

    threads = [threading.Thread(target=read_all, args=(into,)) for into in seen]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns within a fill, not only between them
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    expected = [tuple(getattr(article, name) for name in names) for article in fresh]
    assert all(into == expected for into in seen)
    assert set(cached) == set(fresh) and {hash(a) for a in cached} == {hash(a) for a in fresh}
    copied = pickle.loads(pickle.dumps(cached[0]))
    assert type(copied) is Article and copied == fresh[0]


def test_an_unchanged_library_is_not_parsed_again(library_dir: Path, tmp_path: Path) -> None:
    catalogue = Catalogue.open(tmp_path / "cache")
    first = catalogue.sync([library_dir])
    second = catalogue.sync([library_dir])
    assert (first.parsed, second.parsed, second.unchanged) == (4, 0, 4)
    assert not second.changed


def test_duplicate_ids_resolve_the_same_way_from_the_cache(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        (folder / "same.md").write_text(f"# From {folder.name}\n", encoding="utf-8")
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([one, two])
    cached = catalogue.cached_library([one, two])
    assert cached.get("same").title == "From one"  # type: ignore[union-attr]
    assert any("duplicate id" in p.message for p in cached.problems)
    assert catalogue.cached_library([two, one]).get("same").title == "From two"  # type: ignore[union-attr]
    first_screen = catalogue.cached_library([one, two], limit=10)  # the app's first frame
    assert [a.title for a in first_screen.articles] == ["From one"]
    # A screen of one row: whichever file sorts first, the other one's folder decides.
    for order, kept in (([one, two], "From one"), ([two, one], "From two")):
        top = catalogue.cached_library(order, limit=1).articles
        assert [a.title for a in top] in ([kept], [])


def test_the_cache_shows_the_last_library_until_the_sync_says_otherwise(
    library_dir: Path, tmp_path: Path
) -> None:
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([library_dir])
    (library_dir / "undated.md").unlink()
    assert len(catalogue.cached_library([library_dir])) == 4  # no disk access: still there
    report = catalogue.sync([library_dir])
    assert report.removed == 1 and len(report.library) == 3
    assert len(catalogue.cached_library([library_dir])) == 3


def test_progress_is_reported_while_syncing(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(600):
        (folder / f"a{number}.md").write_text(f"# Article {number}\n\nText.\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (600, 600) and len(seen) >= 3
    indexed: list[tuple[int, int]] = []
    assert catalogue.index(lambda done, total: indexed.append((done, total))) == 600
    assert indexed[-1] == (600, 600) and catalogue.unindexed == 0


def test_a_file_rewritten_to_another_size_with_its_old_time_is_read_again(
    tmp_path: Path,
) -> None:
    """Copying tools keep times (rsync -t, cp -p): the size alone tells the file changed."""
    folder = tmp_path / "notes"
    folder.mkdir()
    note = folder / "note.md"
    note.write_text("# Before\n", encoding="utf-8")
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([folder])
    kept = note.stat().st_mtime_ns
    note.write_text("# After, and longer\n", encoding="utf-8")
    os.utime(note, ns=(kept, kept))
    report = catalogue.sync([folder])
    assert report.parsed == 1
    assert [a.title for a in report.library.articles] == ["After, and longer"]
