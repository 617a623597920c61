"""Saved pages: ordinary Markdown articles in the user's own library folder.

The folder is `library/` in the data directory; reader always reads it. A
page's file is named after its title and a short hash of its address, so
adding the same address again (or the address the page calls canonical)
finds and updates that file: never a second copy. Files are written whole
under a temporary name and then renamed, so a crash never leaves half a page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from reader.settings.config import SAVED_FOLDER
from reader.web.extract import WebArticle


@dataclass(frozen=True)
class Saved:
    """Where a page was saved, its article id, and whether the file is new."""

    path: Path
    article_id: str
    created: bool


def saved_folder(data_dir: Path) -> Path:
    return data_dir / SAVED_FOLDER


def address_key(url: str) -> str:
    """A short name for an address: the same page however its address is spelled."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    normal = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


def slug(title: str) -> str:
    """`A Title, with Accents é` → `a-title-with-accents-e` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "page"


def find_saved(folder: Path, *addresses: str) -> Path | None:
    """The file a page from any of `addresses` was saved in, if there is one."""
    keys = {address_key(address) for address in addresses if address}
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.glob("*.md")) if p.stem.rsplit("-", 1)[-1] in keys), None)


def front_matter(article: WebArticle, saved_on: dt.date) -> dict[str, object]:
    """The page's metadata as reader's front matter; the page is its own first source."""
    fields: dict[str, object] = {"title": article.title}
    for key in ("author", "outlet", "published", "language"):
        value = getattr(article, key)
        if value:
            fields[key] = value
    fields["url"] = article.url
    fields["saved"] = saved_on.isoformat()
    fields["sources"] = [
        {
            "publisher": article.outlet or urlsplit(article.url).netloc,
            "title": article.title,
            "url": article.url,
            "kind": "primary",
            "note": "The page this article was saved from.",
        }
    ]
    return fields


def save(article: WebArticle, folder: Path, requested: str, saved_on: dt.date) -> Saved:
    """Write `article` into `folder`, updating the file of an earlier save of the page."""
    import yaml

    existing = find_saved(folder, requested, article.url)
    path = existing or folder / f"{slug(article.title)}-{address_key(requested)}.md"
    header = yaml.safe_dump(front_matter(article, saved_on), allow_unicode=True, sort_keys=False)
    text = f"---\n{header}---\n\n{article.body}"
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Saved(path, path.stem, existing is None)
