"""What `reader list --json` prints of each article, encoded once, when the article is catalogued.

Building and encoding 100,000 records anew took most of the command's four
seconds. An article's own fields cannot change without its file changing, so
they are encoded when the file is parsed (in the worker processes) and kept
with its row (`article_part`, without the id, which the row has already); the
command adds the id, and what can change without the file: where it is, its
reading state, and its sources (already JSON in the packed article). One line
per article (`record_line`).
"""

from __future__ import annotations

import json

from reader.library import Article
from reader.state.model import ArticleState

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""The json module's C encoder, as every command prints JSON (non-ASCII kept)."""

_NO_STATE = ArticleState()


def article_part(article: Article) -> str:
    """The article's own fields but its id, as the inside of a JSON object, for `record_line`."""
    record = {
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
    }
    return _ENCODE(record)[1:-1]


def _state_part(state: ArticleState) -> str:
    return (
        f'"read": {_ENCODE(state.read)}, "bookmarked": {_ENCODE(state.bookmarked)}, '
        f'"note": {_ENCODE(state.bookmark.note if state.bookmark else None)}, '
        f'"progress": {_ENCODE(state.position.progress if state.position else None)}'
    )


_UNTOUCHED = _state_part(_NO_STATE)
"""Most articles of a big library were never opened: their state is encoded once."""


def record_line(
    article_id: str, part: str, path: str, state: ArticleState | None, sources: str | None
) -> str:
    """One article's record: its id, its own fields (`part`), its file, its state, its
    sources (JSON, or None for none)."""
    state_text = _UNTOUCHED if state is None else _state_part(state)
    return (
        f'{{"id": {_ENCODE(article_id)}, {part}, "path": {_ENCODE(path)}, {state_text}, '
        f'"sources": {sources or "[]"}}}'
    )
