"""Bringing the catalogue up to date with the disk: what changed is parsed, what left goes.

Every file is checked by size and modification time; only new and changed
files are parsed again, by `reader.index.workers` (a process per core when
there are many). On a first run the list fills while files are parsed:
`partial` receives the library so far, at growing intervals (each one
costs a sort of what is there), so the first titles show within a second
even when 100,000 files wait.

The walk also records each folder's modification time: `is_fresh` compares
them again, which is how the command line knows, in a few milliseconds,
that nothing was added, removed or renamed since.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.index.catalogue_db import (
    ARTICLE_COLUMNS,
    file_path,
    folder_names,
    in_transactions,
    place_number,
    place_numbers,
    stored_path,
    writing_cache,
)
from reader.index.catalogue_rows import problems_from_json, problems_json, unpack
from reader.index.workers import ParsedRow, Workers, parse_rows
from reader.library import Library
from reader.library.article import ParseResult, Problem
from reader.library.loader import MISSING, FolderScan, assemble, first_files, scan_folder

Progress = Callable[[int, int], None]
Partial = Callable[[Library], None]

FIRST_HERE = 100
"""Files parsed in this thread before anything else on a first run, and shown at once
(more than a screen holds): the first titles wait neither for the walk nor for processes."""
PARTIAL_GROWTH = 4
"""Each partial library is this many times the last: the sorting stays linear overall."""

CHECK_EVERY = 2000
"""Files checked between two looks at whether the work was cancelled."""

_INSERT = (
    f"INSERT INTO files (folder, path, size, mtime_ns, indexed, sort_key, problems, "
    f"{ARTICLE_COLUMNS}) VALUES ({','.join('?' * 10)})"
)


class Sync:
    """One pass over the content folders, writing what changed to the catalogue."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self.db = db
        self.lock = lock
        self.parsed = 0
        self.removed = 0
        self.unchanged = 0
        self.folders_changed = False

    def run(
        self,
        folders: Sequence[Path],
        progress: Progress | None,
        cancelled: Callable[[], bool],
        partial: Partial | None,
        workers: Workers,
    ) -> bool:
        """Check every file and write the changes; False if it was cancelled on the way."""
        known = self._known(folders)
        first_run = partial is not None and not any(known.values())
        early = self._show_first_files(folders, partial) if first_run and partial else {}
        scans = [scan_folder(folder) for folder in folders]
        work: list[tuple[int, str, str]] = []
        done_early: list[ParsedRow] = []
        waiting: list[tuple[int, str, str]] = []
        replaced: list[tuple[str, str]] = []
        total = position = 0
        for found in scans:
            folder_text = str(found.folder)
            seen = known.get(folder_text, {})
            for number, path in enumerate(found.files):
                if number % CHECK_EVERY == 0 and cancelled():
                    return False  # quitting: 100,000 files take a second to check
                total += 1
                entry = seen.pop(path, None)  # what is left at the end has gone
                if entry is not None:
                    try:
                        stat = os.stat(path)
                    except OSError:
                        stat = None
                    if stat is not None and entry == signature(stat.st_size, stat.st_mtime_ns):
                        self.unchanged += 1
                        continue
                    replaced.append((folder_text, path))
                item = (position, path, folder_text)
                work.append(item)
                if early and (folder_text, path) in early:
                    done_early.append((position, *early[folder_text, path][1:]))
                else:
                    waiting.append(item)
                position += 1
        self._remove(replaced)
        results = [(row[0], _result(row, work)) for row in done_early]
        self._write(done_early, work)
        self.parsed = done = len(done_early)
        next_partial = max(len(results), FIRST_HERE) * PARTIAL_GROWTH
        with (
            writing_cache(self.db, self.lock, len(waiting)),
            in_transactions(functools.partial(self._write, work=work)) as write,
        ):
            for rows in workers.map(parse_rows, waiting, cancelled):
                write(rows)
                self.parsed += len(rows)
                done += len(rows)
                if progress is not None:
                    progress(done, total)
                # Rows are made into articles only while a partial library is to come:
                # past the last one (100,000 files: 25,600), the complete list follows.
                if first_run and partial is not None and next_partial < len(work):
                    results.extend((row[0], _result(row, work)) for row in rows)
                    if len(results) >= next_partial and len(results) < len(work):
                        results.sort(key=lambda pair: pair[0])
                        partial(assemble(result for _, result in results))
                        next_partial = len(results) * PARTIAL_GROWTH
        if cancelled():
            return False
        if progress is not None and not work:
            progress(total, total)
        gone = [(folder, path) for folder, files in known.items() for path in files]
        self._remove(gone)
        self.removed = len(gone)
        self._remember_folders(scans)
        return True

    def _show_first_files(
        self, folders: Sequence[Path], partial: Partial
    ) -> dict[tuple[str, str], ParsedRow]:
        """Parse the first files a walk meets, before the walk is over, and show them.

        On a first run of 100,000 files the walk alone takes half a second:
        the first titles need not wait for it.
        """
        firsts = first_files(folders, FIRST_HERE)
        items = [(number, path, str(folder)) for number, (path, folder) in enumerate(firsts)]
        rows = parse_rows(items)
        if rows:
            partial(assemble(_result(row, items) for row in rows))
        return {(item[2], item[1]): row for item, row in zip(items, rows, strict=True)}

    def _known(self, folders: Sequence[Path]) -> dict[str, dict[str, int]]:
        """Folder → path → `signature` of every file last seen.

        This is held through the whole check, at every start: by folder (not a
        (folder, path) key each), read row by row, and one number a file. At
        100,000 files the rows fetched at once and a tuple of four numbers for
        each were a hundred MB; now about thirty.
        """
        known: dict[str, dict[str, int]] = {}
        decode = os.fsdecode
        with self.lock:
            numbers = place_numbers(self.db, folder_names(folders))
            for folder in folders:
                name = os.fsencode(folder)
                rows = self.db.execute(
                    "SELECT path, size, mtime_ns FROM files WHERE folder = ?",
                    (numbers.get(name, -1),),
                )
                files = known.setdefault(str(folder), {})
                for path, size, mtime_ns in rows:
                    files[decode(file_path(name, path))] = signature(size, mtime_ns)
        return known

    def _remove(self, files: list[tuple[str, str]]) -> None:
        """Forget these (folder, path). Their words stay in the index, unreachable:
        counted as dead."""
        if not files:
            return
        with self.lock, self.db:
            numbers = place_numbers(self.db, list({os.fsencode(folder) for folder, _ in files}))
            found = [
                self.db.execute(
                    "SELECT id, indexed FROM files WHERE folder = ? AND path = ?",
                    (numbers.get(os.fsencode(folder), -1), stored_path(folder, path)),
                ).fetchone()
                for folder, path in files
            ]
            rows = [row for row in found if row is not None]
            self.db.executemany("DELETE FROM files WHERE id = ?", [(row[0],) for row in rows])
            add_dead(self.db, sum(1 for _id, indexed in rows if indexed))

    def _write(self, rows: list[ParsedRow], work: list[tuple[int, str, str]]) -> None:
        if not rows:
            return
        with self.lock, self.db:
            numbers: dict[str, int] = {}
            values = []
            for position, *rest in rows:
                _, path, folder = work[position]
                if folder not in numbers:
                    numbers[folder] = place_number(self.db, os.fsencode(folder))
                values.append((numbers[folder], stored_path(folder, path), *rest))
            self.db.executemany(_INSERT, values)

    def _remember_folders(self, scans: list[FolderScan]) -> None:
        """Each content folder's problems and its folders' times: the catalogue is current."""
        with self.lock, self.db:
            for found in scans:
                name = os.fsencode(found.folder)
                problems = problems_json(found.problems, own_paths=True)
                before = self.db.execute(
                    "SELECT problems FROM folders WHERE folder = ?", (name,)
                ).fetchone()
                if before is None or before[0] != problems:
                    self.folders_changed = True
                self.db.execute(
                    "INSERT OR REPLACE INTO folders (folder, problems) VALUES (?, ?)",
                    (name, problems),
                )
                self.db.execute("DELETE FROM dirs WHERE folder = ?", (name,))
                self.db.executemany(
                    "INSERT OR REPLACE INTO dirs (folder, path, mtime_ns) VALUES (?, ?, ?)",
                    [(name, os.fsencode(path), time) for path, time in found.times],
                )


def _result(row: ParsedRow, work: Sequence[tuple[int, str, str]]) -> ParseResult:
    position, _size, _mtime, _indexed, _sort_key, problems, article_id, packed, _listing = row
    _, path, folder = work[position]
    return ParseResult(
        unpack(article_id, packed, path, Path(folder)) if packed is not None else None,
        problems_from_json(problems, Path(path)) if problems else (),
    )


def signature(size: int, mtime_ns: int) -> int:
    """A file's size and modification time as one number (exact for sizes under 2**48):
    one int for each of 100,000 files is a third of the memory of a pair."""
    return (mtime_ns << 48) | (size & 0xFFFF_FFFF_FFFF)


def add_dead(db: sqlite3.Connection, count: int) -> None:
    if count:
        db.execute(
            "INSERT INTO counters (name, value) VALUES ('dead', ?) "
            "ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
            (count,),
        )


def folder_problems(db: sqlite3.Connection, names: Sequence[bytes]) -> list[Problem]:
    """What walking these content folders found wrong, as last recorded."""
    marks = ",".join("?" * len(names))
    rows = db.execute(
        f"SELECT problems FROM folders WHERE folder IN ({marks})", list(names)
    ).fetchall()
    return [problem for (text,) in rows for problem in problems_from_json(text, None)]


def is_fresh(db: sqlite3.Connection, folders: Sequence[Path]) -> bool:
    """True if no folder's modification time moved since the last complete check.

    Adding, removing or renaming a file changes its folder's time, and so does
    saving the way most editors do (a new file renamed over the old). A file
    rewritten in place does not: the next full check (the app's, at every
    start) sees it.
    """
    names = folder_names(folders)
    if not names:
        return True
    marks = ",".join("?" * len(names))
    rows: list[Any] = db.execute(
        f"SELECT folder, path, mtime_ns FROM dirs WHERE folder IN ({marks})", names
    ).fetchall()
    if {row[0] for row in rows} != set(names):
        return False  # a folder never checked
    for _folder, path, recorded in rows:
        try:
            now = os.stat(path).st_mtime_ns
        except OSError:
            now = MISSING
        if now != recorded:
            return False
    return True
