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
from collections.abc import Mapping
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


def find_saved(
    folder: Path, *addresses: str, known: Mapping[str, Path] | None = None
) -> Path | None:
    """The file a page from any of `addresses` was saved in, if there is one.

    `known` (from `saved_files`) spares a look through the folder for each of
    many pages saved in a row.
    """
    files = saved_files(folder) if known is None else known
    keys = [address_key(address) for address in addresses if address]
    return next((files[key] for key in keys if key in files), None)


def front_matter(
    article: WebArticle, saved_on: dt.date, more: Mapping[str, object] | None = None
) -> dict[str, object]:
    """The page's metadata as reader's front matter; the page is its own first source.

    `more` adds fields (an imported page's tags, why its text is missing).
    """
    fields: dict[str, object] = {"title": article.title}
    for key in ("author", "outlet", "published", "language"):
        value = getattr(article, key)
        if value:
            fields[key] = value
    fields["url"] = article.url
    fields["saved"] = saved_on.isoformat()
    fields.update(more or {})
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


def saved_files(folder: Path) -> dict[str, Path]:
    """Every saved page's file in `folder`, by the address key in its name."""
    if not folder.is_dir():
        return {}
    return {path.stem.rsplit("-", 1)[-1]: path for path in sorted(folder.glob("*.md"))}


def save(
    article: WebArticle,
    folder: Path,
    requested: str,
    saved_on: dt.date,
    more: Mapping[str, object] | None = None,
    known: Mapping[str, Path] | None = None,
) -> Saved:
    """Write `article` into `folder`, updating the file of an earlier save of the page.

    `known`: as for `find_saved`.
    """
    existing = find_saved(folder, requested, article.url, known=known)
    path = existing or folder / f"{slug(article.title)}-{address_key(requested)}.md"
    write_article(path, front_matter(article, saved_on, more), article.body, ".saving-")
    return Saved(path, path.stem, existing is None)


def write_article(path: Path, fields: Mapping[str, object], body: str, prefix: str) -> None:
    """A Markdown file with `fields` as its front matter, written whole: under a temporary
    name (starting with `prefix`, which the folder watcher ignores) and then renamed,
    so a crash never leaves half an article."""
    import yaml

    header = yaml.safe_dump(dict(fields), allow_unicode=True, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"---\n{header}---\n\n{body}")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
