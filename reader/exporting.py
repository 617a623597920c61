"""Turn an export of reading state into a Markdown list people can read."""

from __future__ import annotations

from typing import Any

from reader.library import Library


def to_markdown(data: dict[str, Any], library: Library) -> str:
    """Bookmarked articles with titles, outlets, dates and notes, newest bookmark first."""
    lines = ["# Bookmarks", ""]
    bookmarks = data.get("bookmarks", [])
    if not bookmarks:
        lines.append("No bookmarks yet.")
    for bookmark in bookmarks:
        article = library.get(bookmark["id"])
        title = article.title if article else bookmark.get("title") or bookmark["id"]
        facts = []
        if article is not None:
            facts = [article.outlet or "", article.published_iso or ""]
        else:
            facts = ["no longer in the library"]
        details = ", ".join(fact for fact in facts if fact)
        lines.append(f"- **{title}**" + (f" — {details}" if details else ""))
        lines.append(f"  `{bookmark['id']}`, bookmarked {bookmark['created'][:10]}")
        if bookmark.get("note"):
            lines.append(f"  > {bookmark['note']}")
    read = [entry["id"] for entry in data.get("articles", []) if entry.get("read")]
    lines += ["", "# Read", ""]
    if not read:
        lines.append("Nothing marked read yet.")
    for article_id in read:
        article = library.get(article_id)
        lines.append(f"- {article.title if article else article_id} (`{article_id}`)")
    return "\n".join(lines) + "\n"
