"""Folders in, a library out: ids, duplicates, order, and real-world folders."""

from __future__ import annotations

import os
from pathlib import Path

from reader.library import load_library
from reader.library.sanitize import clean


def test_articles_are_sorted_newest_first_undated_last(library_dir: Path) -> None:
    library = load_library([library_dir])
    assert [a.id for a in library.articles] == [
        "first",
        "world/second-en",
        "world/second-fr",
        "undated",
    ]
    assert library.problems == ()


def test_translations_are_found_from_either_side(library_dir: Path) -> None:
    library = load_library([library_dir])
    english, french = library.get("world/second-en"), library.get("world/second-fr")
    assert english is not None and french is not None
    assert library.translations(english) == (french,)
    assert library.translations(french) == (english,)


def test_duplicate_id_keeps_the_first_folder_and_names_both(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        folder.mkdir()
        (folder / "same.md").write_text(f"# From {folder.name}\n", encoding="utf-8")
    library = load_library([first, second])
    article = library.get("same")
    assert article is not None and article.title == "From one"
    [problem] = library.problems
    assert problem.severity == "error"
    assert problem.path == second / "same.md"
    assert str(first / "same.md") in problem.message and "duplicate id 'same'" in problem.message


def test_a_missing_folder_is_reported_and_the_rest_loads(library_dir: Path, tmp_path: Path) -> None:
    library = load_library([tmp_path / "nowhere", library_dir])
    assert len(library) == 4
    [problem] = library.problems
    assert problem.path == tmp_path / "nowhere" and "does not exist" in problem.message


def test_bad_files_do_not_stop_the_others(library_dir: Path) -> None:
    (library_dir / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (library_dir / "binary.md").write_bytes(b"\x00\x01\x02")
    library = load_library([library_dir])
    assert len(library) == 4
    assert {p.path.name for p in library.errors} == {"broken.md", "binary.md"}


def test_hidden_folders_are_skipped(library_dir: Path) -> None:
    (library_dir / ".obsidian").mkdir()
    (library_dir / ".obsidian" / "workspace.md").write_text("# hidden\n", encoding="utf-8")
    assert load_library([library_dir]).get(".obsidian/workspace") is None


def _static_site(root: Path, sections: int = 60) -> int:
    """A folder shaped like a Hugo/Jekyll/Obsidian documentation site; returns the file count."""
    count = 0
    for number in range(sections):
        folder = root / f"section-{number}" / "page"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Section {number}\ndate: 2025-02-{number % 28 + 1:02d}T09:00:00+01:00\n"
            f"draft: false\nweight: {number}\ncategories: [docs]\ntags: docs, guide\n---\n\n"
            f'Welcome to section {number}. {{{{< ref "other" >}}}}\n',
            encoding="utf-8",
        )
        (root / f"section-{number}" / "_index.md").write_text(
            f'+++\ntitle = "Section {number} overview"\nweight = {number}\n+++\n\nOverview.\n',
            encoding="utf-8",
        )
        (root / f"section-{number}" / "README.md").write_text(
            "Plain notes with no front matter and no heading.\n", encoding="utf-8"
        )
        (root / f"section-{number}" / "post.markdown").write_text(
            '---\nlayout: post\ntitle: "A post: with colon"\nauthor:\n  name: Someone\n---\n'
            "Text with [[wiki link]] and #tag.\n",
            encoding="utf-8",
        )
        count += 4
    return count


def test_a_real_documentation_folder_loads_nearly_every_file(tmp_path: Path) -> None:
    total = _static_site(tmp_path)
    library = load_library([tmp_path])
    assert len(library) == total
    assert library.errors == ()
    ids = {a.id for a in library.articles}
    assert "section-3/page/index" in ids and "section-3/README" in ids
    readme = library.get("section-3/README")
    assert readme is not None and readme.title == "Section 3"


def test_clean_makes_every_control_visible_but_newline_and_tab() -> None:
    raw = "a\x1b[2Jb\x07c\x9bd\x7fe\tf\ng\r"
    cleaned = clean(raw)
    assert cleaned == "a␛[2Jb␇c\ufffdd␡e\tf\ng␍"
    assert all(ch in "\t\n" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    text = "plain text"
    assert clean(text) is text


def test_files_come_in_os_walk_order_a_folders_own_files_first(tmp_path: Path) -> None:
    from reader.library.loader import scan_folder

    for relative in ("b.md", "a/x.md", "a/c/y.md", "a/z.md", "d/w.md"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# T\n", encoding="utf-8")
    walked = scan_folder(tmp_path)
    found = [Path(path).relative_to(tmp_path).as_posix() for path in walked.files]
    expected = []
    for root, dirs, names in os.walk(tmp_path):
        dirs.sort()
        expected += [(Path(root) / n).relative_to(tmp_path).as_posix() for n in sorted(names)]
    assert found == expected == ["b.md", "a/x.md", "a/z.md", "a/c/y.md", "d/w.md"]
    assert walked.problems == []


def test_folders_nested_past_the_stack_limit_are_read(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1100):  # past the default limit of 1,000 nested calls
        deep = deep / "d"
        deep.mkdir()  # one at a time: mkdir(parents=True) itself recurses
    (deep / "bottom.md").write_text("# Bottom\n", encoding="utf-8")
    try:
        library = load_library([tmp_path])
        assert [article.title for article in library.articles] == ["Bottom"]
    finally:  # pytest's own clean-up of old temporary folders recurses, and would fail
        (deep / "bottom.md").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent
