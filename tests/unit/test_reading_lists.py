"""Reading lists from other services: each export format read into entries, untrusted."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from reader.web.reading_lists import LIST_FORMATS, ListEntry, ListError, read_list


def pocket_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "url", "time_added", "tags", "status"])
    writer.writerows(rows)
    return out.getvalue()


def by_url(entries: list[ListEntry]) -> dict[str, ListEntry]:
    return {entry.url: entry for entry in entries}


def test_a_pocket_csv_keeps_titles_tags_times_and_what_was_archived(tmp_path: Path) -> None:
    path = tmp_path / "part_000000.csv"
    path.write_text(
        pocket_csv(
            [
                [
                    'Defence, the budget and "us"',
                    "https://a.example/1",
                    "1700000000",
                    "défense|ue",
                    "unread",
                ],
                ["Two\nlines", "https://a.example/2", "1700000100", "", "archive"],
            ]
        ),
        encoding="utf-8",
    )
    listing = read_list(path)
    assert listing.format.name == "pocket"
    first, second = listing.entries
    assert first.title == 'Defence, the budget and "us"'
    assert first.tags == ("défense", "ue")
    assert first.saved == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    assert (first.read, second.read) == (False, True)
    assert second.title == "Two lines" and second.tags == ()


def test_the_same_page_twice_is_one_entry_with_what_both_said(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        pocket_csv(
            [
                ["First", "https://a.example/page/", "1700000000", "a", "unread"],
                ["", "HTTPS://A.EXAMPLE/page", "1600000000", "b", "archive"],
            ]
        )
    )
    listing = read_list(path)
    [entry] = listing.entries
    assert listing.repeated == 1
    assert entry.title == "First" and entry.tags == ("a", "b") and entry.read
    assert entry.saved is not None and entry.saved.year == 2020  # the earlier save


def test_a_pocket_zip_reads_every_part(tmp_path: Path) -> None:
    path = tmp_path / "pocket.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "part_000000.csv", pocket_csv([["One", "https://a.example/1", "1", "", "unread"]])
        )
        archive.writestr(
            "part_000001.csv", pocket_csv([["Two", "https://a.example/2", "2", "", "archive"]])
        )
        archive.writestr("annotations/part_000000.json", "[]")
    listing = read_list(path)
    assert listing.format.name == "pocket"
    assert [entry.title for entry in listing.entries] == ["One", "Two"]


def test_instapaper_folders_become_read_starred_or_a_tag(tmp_path: Path) -> None:
    path = tmp_path / "instapaper-export.csv"
    path.write_text(
        "URL,Title,Selection,Folder,Timestamp,Tags\n"
        'https://i.example/1,"Unread one",,Unread,1700000000,[]\n'
        'https://i.example/2,Archived,,Archive,1700000001,"[""sécurité"",""ukraine""]"\n'
        "https://i.example/3,Starred,,Starred,1700000002,\n"
        "https://i.example/4,Mine,,Long reads,1700000003,\n"
    )
    entries = by_url(read_list(path).entries)
    assert not entries["https://i.example/1"].read
    assert entries["https://i.example/2"].read
    assert entries["https://i.example/2"].tags == ("sécurité", "ukraine")
    assert entries["https://i.example/3"].starred
    assert entries["https://i.example/4"].tags == ("Long reads",)


def test_an_omnivore_zip_carries_labels_state_and_the_saved_text(tmp_path: Path) -> None:
    path = tmp_path / "omnivore.zip"
    metadata = [
        {
            "id": "x1",
            "slug": "the-slug",
            "title": "Omnivore page",
            "url": "https://o.example/1",
            "state": "Archived",
            "labels": ["Newsletter", {"name": "défense"}],
            "savedAt": "2024-05-01T10:00:00.000Z",
            "publishedAt": "2024-04-30T08:00:00.000Z",
            "author": "Ann Author",
        },
        {
            "id": "x2",
            "slug": "other",
            "title": "Still unread",
            "url": "https://o.example/2",
            "state": "Succeeded",
            "labels": [],
            "savedAt": "2024-05-02T10:00:00Z",
        },
    ]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata_0_to_2.json", json.dumps(metadata))
        archive.writestr("content/the-slug.html", "<p>The saved text.</p>")
    listing = read_list(path)
    assert listing.format.name == "omnivore"
    first, second = listing.entries
    assert first.read and not second.read
    assert first.tags == ("Newsletter", "défense")
    assert first.html == "<p>The saved text.</p>" and second.html is None
    assert first.published == "2024-04-30" and first.author == "Ann Author"
    assert first.saved == dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC)


def test_a_wallabag_export_carries_starred_archived_tags_and_content(tmp_path: Path) -> None:
    path = tmp_path / "wallabag.json"
    path.write_text(
        json.dumps(
            [
                {
                    "is_archived": 1,
                    "is_starred": 1,
                    "title": "Wallabag page",
                    "url": "https://w.example/1",
                    "tags": ["eu", {"label": "défense"}],
                    "content": "<p>Kept text.</p>",
                    "created_at": "2023-01-02T03:04:05+0100",
                    "published_by": ["A. Writer"],
                },
                {
                    "is_archived": 0,
                    "is_starred": 0,
                    "title": "Other",
                    "url": "https://w.example/2",
                    "tags": [],
                    "content": "",
                    "created_at": "not a date",
                },
            ]
        )
    )
    first, second = read_list(path).entries
    assert (first.read, first.starred, second.read, second.starred) == (True, True, False, False)
    assert first.tags == ("eu", "défense") and first.author == "A. Writer"
    assert first.html == "<p>Kept text.</p>" and second.html is None
    assert first.saved is not None and first.saved.utcoffset() == dt.timedelta(hours=1)
    assert second.saved is None  # a date that is no date is none, never an error


def test_a_text_file_of_addresses_skips_comments_and_says_which_lines_it_skipped(
    tmp_path: Path,
) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(
        "# my list\nhttps://t.example/1\n\nnot an address\njavascript:alert(1)\nhttp://t.example/2\n"
    )
    listing = read_list(path)
    assert listing.format.name == "urls"
    assert [entry.url for entry in listing.entries] == ["https://t.example/1", "http://t.example/2"]
    assert listing.skipped == [
        "line 4: not a web address (not an address)",
        "line 5: not a web address (javascript:alert(1))",
    ]


def test_escapes_in_an_export_never_survive(tmp_path: Path) -> None:
    path = tmp_path / "evil.csv"
    path.write_text(
        pocket_csv(
            [
                [
                    "\x1b]52;c;aGk=\x07Title\x1b[2J",
                    "https://e.example/1",
                    "1",
                    "\x1b[31mred",
                    "unread",
                ]
            ]
        )
    )
    [entry] = read_list(path).entries
    assert "\x1b" not in (entry.title or "") and "\x07" not in (entry.title or "")
    assert all("\x1b" not in tag for tag in entry.tags)
    path.write_text("https://e.example/\x1b[2J\n")
    listing = read_list(path, "urls")
    assert listing.entries == [] and "\x1b" not in listing.skipped[0]


def test_what_is_no_reading_list_is_named_plainly(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n")
    with pytest.raises(ListError, match="not a reading list reader knows"):
        read_list(path)
    broken = tmp_path / "broken.json"
    broken.write_text('[{"is_starred": 1, ' + "[" * 100_000)
    with pytest.raises(ListError, match=r"broken\.json: JSON that cannot be read"):
        read_list(broken)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(ListError, match="not a regular file"):
        read_list(fifo)


def test_a_zip_that_would_unpack_too_far_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.web.reading_lists as reading_lists

    monkeypatch.setattr(reading_lists, "MAX_UNPACKED_BYTES", 1000)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("part_000000.csv", "title,url,time_added,tags,status\n" + "x" * 5000)
    with pytest.raises(ListError, match="unpacks to more than"):
        read_list(path)


def test_the_command_line_takes_every_format_of_the_table_and_no_other(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.cli.parser import build_parser

    parser = build_parser()
    for entry in LIST_FORMATS:
        args = parser.parse_args(["import-list", "export.csv", "--format", entry.name])
        assert args.format == entry.name
    with pytest.raises(SystemExit):
        parser.parse_args(["import-list", "export.csv", "--format", "delicious"])
    said = capsys.readouterr().err
    assert all(entry.name in said for entry in LIST_FORMATS)
