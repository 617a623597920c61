"""Turn an export of reading state into a Markdown list people can read."""

from __future__ import annotations

from typing import Any

from reader.library import Library
from reader.settings.i18n import t


def to_markdown(data: dict[str, Any], library: Library) -> str:
    """Bookmarked articles with titles, outlets, dates and notes, newest bookmark first."""
    lines = [f"# {t('export.bookmarks')}", ""]
    bookmarks = data.get("bookmarks", [])
    if not bookmarks:
        lines.append(t("export.no_bookmarks"))
    for bookmark in bookmarks:
        article = library.get(bookmark["id"])
        title = article.title if article else bookmark.get("title") or bookmark["id"]
        facts = []
        if article is not None:
            facts = [article.outlet or "", article.published_iso or ""]
        else:
            facts = [t("export.gone")]
        details = ", ".join(fact for fact in facts if fact)
        lines.append(f"- **{title}**" + (f" — {details}" if details else ""))
        lines.append(t("export.bookmarked", id=bookmark["id"], date=bookmark["created"][:10]))
        if bookmark.get("note"):
            lines += [f"  > {line}" for line in bookmark["note"].splitlines()]
    read = [entry["id"] for entry in data.get("articles", []) if entry.get("read")]
    lines += ["", f"# {t('export.read')}", ""]
    if not read:
        lines.append(t("export.nothing_read"))
    for article_id in read:
        article = library.get(article_id)
        lines.append(f"- {article.title if article else article_id} (`{article_id}`)")
    return "\n".join(lines) + "\n"
