"""Merging an exported state file into the store: the newer side wins, nothing is lost.

Runs inside the store's import transaction, on entries already checked by
`reader.state.import_file`; each function merges one entry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from reader.state.import_file import ArticleEntry, BookmarkEntry
from reader.state.model import ImportResult, now


def merge_article(
    db: sqlite3.Connection, entry: ArticleEntry, result: ImportResult
) -> ImportResult:
    article_id = entry.article_id
    current = db.execute(
        "SELECT read, read_changed, position_changed FROM article_state WHERE article_id = ?",
        (article_id,),
    ).fetchone()
    read, read_changed = entry.read, entry.read_changed
    if current is None:
        db.execute(
            "INSERT INTO article_state (article_id, read, read_changed) VALUES (?, ?, ?)",
            (article_id, int(read), read_changed or None),
        )
        result = replace(result, read=result.read + read)
    elif bool(current[0]) != read and read_changed > (current[1] or ""):
        db.execute(
            "UPDATE article_state SET read = ?, read_changed = ? WHERE article_id = ?",
            (int(read), read_changed, article_id),
        )
        result = replace(result, read=result.read + 1)
    if entry.line is not None:
        changed = entry.position_changed
        mine = current[2] if current is not None else None
        if mine is None or changed > mine:
            db.execute(
                "UPDATE article_state SET position_line = ?, position_fraction = ?, "
                "progress = ?, position_changed = ? WHERE article_id = ?",
                (entry.line, entry.fraction, entry.progress, changed or None, article_id),
            )
            result = replace(result, positions=result.positions + 1)
    return result


def merge_bookmark(
    db: sqlite3.Connection, entry: BookmarkEntry, result: ImportResult
) -> ImportResult:
    article_id, note, created = entry.article_id, entry.note, entry.created or now()
    current = db.execute(
        "SELECT created, note FROM bookmark WHERE article_id = ?", (article_id,)
    ).fetchone()
    if current is None:
        db.execute(
            "INSERT INTO bookmark (article_id, created, note, title) VALUES (?, ?, ?, ?)",
            (article_id, created, note, entry.title),
        )
        return replace(result, bookmarks=result.bookmarks + 1, notes=result.notes + bool(note))
    if created < current[0]:
        db.execute("UPDATE bookmark SET created = ? WHERE article_id = ?", (created, article_id))
    if note and not current[1]:
        db.execute("UPDATE bookmark SET note = ? WHERE article_id = ?", (note, article_id))
        return replace(result, notes=result.notes + 1)
    return result
