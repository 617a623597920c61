"""Saved pages: ordinary Markdown articles in the user's own library folder.

The folder is `library/` in the data directory; reader always reads it. A
page's file is named after its title and a short hash of the address it was
asked for (by the user, a reading list or a feed): adding that address again
updates that file, never a second copy. What a page says of itself never
decides which article it is: the address it calls canonical is recorded, and
finds an earlier save only when it is on the same site and that save came from
the canonical address itself; the page is then that article, left as it is. So
no page can write over an article saved from another address. Files are
written whole under a temporary name and then renamed, so a crash never leaves
half a page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from reader.settings.config import SAVED_FOLDER
from reader.settings.i18n import t
from reader.web.extract import WebArticle

if TYPE_CHECKING:
    from reader.library.frontmatter import Split


@dataclass(frozen=True)
class Saved:
    """Where a page was saved, its article id, and whether the file is new."""

    path: Path
    article_id: str
    created: bool
    written: bool = True
    """False: the page is an article saved before from its canonical address, left as is."""
    title: str | None = None
    """That article's own title, when it was left as is (not the page's)."""

    def said(self, title: str) -> str:
        """What to tell the user: added, updated, or already there (by its own title)."""
        key = "add.added" if self.created else "add.updated" if self.written else "add.same"
        return t(key, title=self.title or title, id=self.article_id)


def saved_folder(data_dir: Path) -> Path:
    return data_dir / SAVED_FOLDER


TRACKING = re.compile(
    r"(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|"
    r"mkt_tok|ref_src|oly_enc_id|oly_anon_id|vero_id|wt_mc|__s)",
    re.IGNORECASE,
)
"""Query parameters that say who sent the reader, not which page it is."""


def canonical_address(url: str) -> str:
    """The address as compared: scheme and host in lower case, no default port, no
    fragment, no tracking parameters, no trailing slash (`https://Site.example:443/a/?
    utm_source=rss#top` is `https://site.example/a`)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    scheme = parts.scheme.lower()
    for default in (":80",) if scheme == "http" else (":443",) if scheme == "https" else ():
        host = host.removesuffix(default)
    path = parts.path.rstrip("/") or "/"
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not TRACKING.fullmatch(pair.split("=")[0])
    )
    return urlunsplit((scheme, host, path, query, ""))


def address_key(url: str) -> str:
    """A short name for an address: the same page however its address is spelled."""
    return hashlib.sha256(canonical_address(url).encode("utf-8")).hexdigest()[:10]


def slug(title: str) -> str:
    """`A Title, with Accents é` → `a-title-with-accents-e` (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "page"


def _site(url: str) -> tuple[str, int | None] | None:
    """(host without `www.`, port) of an address; None for one that cannot be read
    (a page may give any text as its canonical address)."""
    try:
        parts = urlsplit(url.strip())
        return (parts.hostname or "").removeprefix("www."), parts.port
    except ValueError:  # a port that is no number, a broken IPv6 host
        return None


def same_site(one: str, other: str) -> bool:
    """Whether two web addresses are on one site (scheme aside, `www.` aside)."""
    first, second = _site(one), _site(other)
    return first is not None and bool(first[0]) and first == second


def is_web_address(url: str | None) -> bool:
    if not url:
        return False
    try:
        return urlsplit(str(url)).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def twin(files: Mapping[str, Path], requested: str, canonical: str) -> Path | None:
    """The article saved from `canonical`, if the page at `requested` may be it: same site."""
    if not is_web_address(canonical) or not same_site(requested, canonical):
        return None
    return files.get(address_key(canonical))


def front_matter(
    article: WebArticle,
    saved_on: dt.date,
    requested: str = "",
    more: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """The page's metadata as reader's front matter; the page is its own first source.

    Its address is the one it was asked for (else the one it gives, for a file);
    the address it calls canonical is kept beside, as `canonical`. `more` adds
    fields (an imported page's tags, why its text is missing).
    """
    fields: dict[str, object] = {"title": article.title}
    for key in ("author", "outlet", "published", "date_source", "language"):
        value = getattr(article, key)
        if value and (key != "date_source" or article.published):
            fields[key] = value
    url = requested if is_web_address(requested) else article.url
    if is_web_address(url):
        fields["url"] = url
        if is_web_address(article.url) and article.url != url:
            fields["canonical"] = article.url
    fields["saved"] = saved_on.isoformat()
    fields.update(more or {})
    source: dict[str, object] = {
        "publisher": article.outlet or (_site(url) or ("",))[0] or None,
        "title": article.title,
        "url": url if is_web_address(url) else None,
        "kind": "primary",
        "note": "The page this article was saved from.",
    }
    fields["sources"] = [{key: value for key, value in source.items() if value}]
    return fields


HEAD_BYTES = 16384
"""What is read of a file to find a field of its front matter (which comes first)."""


def saved_field(path: Path, key: str) -> str | None:
    """A text field of a file's front matter (the title of a saved page, the feed of an
    item), read from the file's head; None if it has none, or cannot be read."""
    from reader.library.frontmatter import Rejected, split

    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            value = split(handle.read(HEAD_BYTES)).meta.get(key)
    except (OSError, Rejected):
        return None
    return value if isinstance(value, str) else None


def readers_file(path: Path) -> Split | None:
    """A file's front matter and body, when reader wrote it (front matter it can read);
    None otherwise: a file that is the user's now is never written over."""
    from reader.library.frontmatter import Rejected, split

    try:
        parts = split(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, Rejected):
        return None
    return parts if parts.raw else None


def add_tags(path: Path, tags: Sequence[str]) -> bool:
    """Add `tags` to a saved page's own (kept, in their order); True if the file changed.

    A file whose front matter is not as reader writes it is left as it is: it may be
    the user's now, and nothing of theirs is ever lost to an import.
    """
    parts = readers_file(path)
    own = parts.meta.get("tags", []) if parts else None
    if parts is None or not isinstance(own, list) or not all(isinstance(t, str) for t in own):
        return False
    merged = list(dict.fromkeys([*own, *tags]))
    if merged == own:
        return False
    write_article(path, {**parts.meta, "tags": merged}, parts.body.removeprefix("\n"), ".saving-")
    return True


class AddressBook:
    """Every article of the user's library by the address key in its file's name: the
    pages saved at the top and every feed's items, so one page is one article however
    it came (`reader add`, this feed or another). Made from file names alone (50,000
    in about a tenth of a second), once per fetch or add; safe to share between threads.
    """

    def __init__(self, library: Path) -> None:
        import threading

        self.lock = threading.Lock()
        self._paths: dict[str, Path] = {}
        folders = [library]
        feeds = library / "feeds"
        if feeds.is_dir():
            folders += sorted(home for home in feeds.iterdir() if home.is_dir())
        for folder in folders:
            for key, path in saved_files(folder).items():
                self._paths.setdefault(key, path)

    def find(self, url: str) -> Path | None:
        """The article saved for this address (any spelling of it), if any."""
        return self._paths.get(address_key(url))

    def add(self, url_or_key: str, path: Path, *, is_key: bool = False) -> None:
        self._paths[url_or_key if is_key else address_key(url_or_key)] = path


def also_from(path: Path, source: Mapping[str, object]) -> bool:
    """Name another place a page came from (a second feed) among its file's sources;
    True if the file changed. A file not as reader writes it is left as it is."""
    parts = readers_file(path)
    sources = parts.meta.get("sources", []) if parts else None
    if parts is None or not isinstance(sources, list):
        return False
    named = {(s.get("publisher"), s.get("url")) for s in sources if isinstance(s, dict)}
    if (source.get("publisher"), source.get("url")) in named:
        return False
    fields = {**parts.meta, "sources": [*sources, dict(source)]}
    write_article(path, fields, parts.body.removeprefix("\n"), ".saving-")
    return True


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
    """Write `article`, asked for at `requested`, into `folder`: into the file of an earlier
    save of that address, else a new one; or, when the page is the same-site article
    saved from its canonical address (`twin`), into nothing: that article is the answer.

    `known` (from `saved_files`) spares a look through the folder for each of many
    pages saved in a row.
    """
    files = saved_files(folder) if known is None else known
    path = files.get(address_key(requested))
    if path is None:
        same = twin(files, requested, article.url)
        if same is not None:
            return Saved(
                same, same.stem, created=False, written=False, title=saved_field(same, "title")
            )
        item = AddressBook(folder).find(requested) if known is None else None
        if item is not None and into_item(item, article, saved_on):
            # A feed brought this page first: the page's text goes into that article.
            return Saved(item, item.relative_to(folder).with_suffix("").as_posix(), False)
        path = folder / f"{slug(article.title)}-{address_key(requested)}.md"
        created = True
    else:
        created = False
    write_article(path, front_matter(article, saved_on, requested, more), article.body, ".saving-")
    return Saved(path, path.stem, created)


def into_item(path: Path, article: WebArticle, saved_on: dt.date) -> bool:
    """A page's text into the feed item that is that page (its front matter, and so its
    id and reading state, kept); False if the file is not as reader writes it."""
    parts = readers_file(path)
    if parts is None:
        return False
    fields = {**parts.meta, "whole_page": saved_on.isoformat()}
    write_article(path, fields, article.body, ".saving-")
    return True


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
