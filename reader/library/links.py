"""The links between notes: wikilinks, what they point at, and who links to whom.

Notes folders (Obsidian and the like) link with `[[Note]]`, `[[Note|label]]`,
`[[Note#Heading]]` and embed with `![[Note]]`. A name resolves, in this order,
to the article with that id, the file with that name (without `.md`), the
article with that title, or one of that article's `aliases`, ignoring case.
Relative links to Markdown files (`[text](other.md)`) count as links too.

Each article keeps the names it links to (`Article.links`, found when it is
parsed, so the catalogue caches them); `NoteNames` resolves them against the
whole library, which gives backlinks: the notes that link to this one.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from reader.library.fences import FenceTracker

if TYPE_CHECKING:
    from reader.library.article import Article

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n|#]*)(#[^\[\]\n|]*)?(?:\|([^\[\]\n]*))?\]\]")
"""`[[name#heading|label]]`, `!` first for an embed: groups embed, name, #heading, label."""
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+\.(?:md|markdown))(?:#[^)\s]*)?>?(?:\s[^)]*)?\)")
_SITE_LINK = re.compile(r"\]\(\s*<?((?:/|\.\.?/)[^)\s>#?]*)")
"""A link by a site's path (`/section/page/`, `../page/`): a Hugo or Jekyll page's."""
_REF_LINK = re.compile(r"\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+\"([^\"]+)\"")
"""Hugo's `[text]({{< ref "page.md" >}})`: the page it names."""
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_TAG = re.compile(r"(?:^|(?<=[\s(,;]))#([^\W\d_][\w/-]*|\d+[^\W\d][\w/-]*)", re.UNICODE)
_TAG_HINT = re.compile(r"#(?:[^\W\d_]|\d+[^\W\d])", re.UNICODE)
"""What every inline tag holds (a '#' then a letter): a quick test before reading line by line."""
MAX_LINKS = 1000
"""Links kept per article: a generated index page must not bloat the catalogue."""


def prose_lines(body: str) -> Iterable[str]:
    """The body's lines outside fenced code, with inline code spans blanked out."""
    fences = FenceTracker()
    for line in body.split("\n"):
        if fences.in_code(line) or line.startswith(("    ", "\t")):
            continue
        yield _CODE_SPAN.sub(" ", line) if "`" in line else line


def may_link(body: str) -> bool:
    """False if the body surely holds no wikilink and no link to a Markdown file.

    Looked for a character at a time: finding one character is a `memchr`,
    while `"[[" in body` took a microsecond a kilobyte (a tenth of a first
    run's parsing went to looking for links in bodies that had none). A
    wikilink has `[[`; a link to a note has `](`, then `.md` or `.markdown`
    before its `)`, or a site's path (`/`, `./`, `../`) or Hugo's `{{< ref >}}`.
    """
    at = body.find("[")
    while at != -1:
        if body.startswith("[", at + 1):
            return True
        at = body.find("[", at + 2)
    at = body.find("]")
    while at != -1:
        if body.startswith("(", at + 1):
            end = body.find(")", at + 2)
            target = body[at + 2 : end if end != -1 else len(body)]
            if ".m" in target or target.lstrip("< ")[:1] in ("/", ".", "{"):
                return True
        at = body.find("]", at + 1)
    return False


def linked_names(body: str) -> tuple[str, ...]:
    """Every note the body links to or embeds, by name as written, in order, once each."""
    if not may_link(body):
        return ()
    seen: dict[str, None] = {}
    for line in prose_lines(body):
        for match in WIKILINK.finditer(line):
            name = match.group(2).strip()
            if name:
                seen.setdefault(name, None)
        for match in _MARKDOWN_LINK.finditer(line):
            target = match.group(1)
            if "://" not in target:
                seen.setdefault(target, None)
        if "](" in line:
            for match in _SITE_LINK.finditer(line):  # a path to a `.md` file is found above
                target = match.group(1)
                if target.strip("/.") and not target.lower().endswith((".md", ".markdown")):
                    seen.setdefault(target, None)
            for match in _REF_LINK.finditer(line):
                seen.setdefault(match.group(1), None)
        if len(seen) >= MAX_LINKS:
            break
    return tuple(seen)[:MAX_LINKS]


def inline_tags(body: str) -> tuple[str, ...]:
    """`#tag` and `#nested/tag` in the text (not in code, not headings, not `#1`)."""
    if _TAG_HINT.search(body) is None:
        return ()  # headings and `#1` never match: most bodies end here, unread line by line
    seen: dict[str, None] = {}
    for line in prose_lines(body):
        if "#" not in line or (line.lstrip().startswith("#") and _is_heading(line)):
            continue
        for match in _INLINE_TAG.finditer(line):
            seen.setdefault(match.group(1).rstrip("/-"), None)
    return tuple(seen)


def _is_heading(line: str) -> bool:
    stripped = line.lstrip()
    return len(line) - len(stripped) < 4 and re.match(r"#{1,6}(?:[ \t]|$)", stripped) is not None


def name_key(name: str) -> str:
    """How names are compared: case, surrounding space and a `.md` ending ignored."""
    key = " ".join(name.lower().split())
    if key.endswith(_NOTE_ENDINGS):  # rarely: `[[Note.md]]`
        for suffix in _NOTE_ENDINGS:
            if key.endswith(suffix):
                key = key[: -len(suffix)]
    return key


_NOTE_ENDINGS = (".md", ".markdown")


class NoteNames:
    """Every name an article answers to, for resolving links across a library.

    Made once for a library, on a worker, when the first article is opened:
    at 100,000 articles it is made from the files' text (no Path objects),
    in a quarter of a second rather than most of one.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        articles = tuple(articles)
        names: dict[str, Article] = {}
        # Weakest first, so a stronger kind of name overwrites a weaker one.
        for article in articles:
            for alias in article.aliases:
                names[name_key(alias)] = article
        for article in articles:
            names[name_key(article.title)] = article
        for article in articles:
            names[name_key(_stem(article.file))] = article
        for article in articles:
            names[name_key(article.id)] = article
        self._names = names
        self._paths = {article.file: article for article in articles}
        self._backlinks: dict[str, list[Article]] | None = None
        self._articles = articles
        self._site: dict[str, Article] | None = None
        """Site path → article (made on the first site link followed)."""
        self._titles: dict[str, int] | None = None
        """How many articles have each title (made when first asked, on a worker)."""

    def resolve(self, name: str, source: Article | None = None) -> Article | None:
        """The article `name` points at (a relative path is taken from `source`'s folder)."""
        found = self._names.get(name_key(name))
        if found is not None or source is None:
            return found
        if name.lower().endswith((".md", ".markdown")):
            name = unquote(name)  # `../Reading%20list.md`
            folder = PurePosixPath(source.path.parent.as_posix())
            joined = str(_normalise(folder / name))
            found = self._paths.get(joined)
            stem = PurePosixPath(name).stem
            if found is None and stem.lower() not in _PAGE_FILES:  # `_index` names no note
                found = self._names.get(name_key(stem))
        return found

    def by_site_path(self, target: str, source: Article | None = None) -> Article | None:
        """The article a site generator's link points at: `/section/page/` (a Hugo or
        Jekyll site's path), `../other/page/` from `source`'s own place, `page.md` (as
        Hugo's `ref` names a page); `#anchor` and `?query` aside. None if no page is there.
        """
        path = target.split("#", 1)[0].split("?", 1)[0].strip()
        if not path or "://" in path or path.startswith("mailto:"):
            return None
        path = unquote(path)
        rooted = path
        if not path.startswith("/") and source is not None:
            base = "/" + site_path(source.id) + "/"
            path = posixpath.normpath(posixpath.join(base, path))
        if self._site is None:
            self._site = {}
            for article in self._articles:  # weakest first, as for names
                for alias in article.aliases:
                    if alias.startswith("/"):
                        self._site.setdefault(site_key(alias), article)
            for article in self._articles:
                for key in site_keys(article.id):
                    self._site[key] = article
        # From the page's place first, then from the site's root (as Hugo's `ref` looks).
        found = self._site.get(site_key(path)) or self._site.get(site_key(rooted))
        name = posixpath.basename(path)
        if found is None and site_key(name):  # a page's own name (not `_index.md`: any section's)
            found = self.resolve(name, source)
        return found

    def shares_title(self, article: Article) -> bool:
        """Whether another article has the same title (two "Shortcodes" pages in two
        sections): then where each lives is what tells them apart."""
        if self._titles is None:
            counts: dict[str, int] = {}
            for other in self._articles:
                key = name_key(other.title)
                counts[key] = counts.get(key, 0) + 1
            self._titles = counts
        return self._titles.get(name_key(article.title), 0) > 1

    def _target(self, name: str, source: Article) -> Article | None:
        """What a name a note links by leads to: a note, else a site's page."""
        found = self.resolve(name, source)
        if found is None and (name.startswith(".") or "/" in name):
            found = self.by_site_path(name, source)
        return found

    def backlinks(self, article: Article) -> tuple[Article, ...]:
        """The articles whose links resolve to `article`, in library order."""
        if self._backlinks is None:
            index: dict[str, list[Article]] = {}
            for source in self._articles:
                targets = {self._target(name, source) for name in source.links}
                for target in targets:
                    if target is not None and target.id != source.id:
                        index.setdefault(target.id, []).append(source)
            self._backlinks = index
        return tuple(self._backlinks.get(article.id, ()))


_PAGE_FILES = ("index", "_index")
"""A page bundle's `index.md` and a section's `_index.md` are their folder's page."""
SITE_LANGUAGES = frozenset(
    "en fr de es it pt nl sv da no nb fi pl cs sk hu ro bg el ru uk tr ar he fa hi bn zh "
    "ja ko vi th id ms".split()
)
"""Language folders a multilingual site keeps its pages in (`content/en/...`)."""


def site_key(path: str) -> str:
    """A site path as compared: case, slashes, `.md`/`.html` and `index` pages aside."""
    key = path.strip().lower().strip("/")
    for suffix in (".md", ".markdown", ".html", ".htm"):
        key = key.removesuffix(suffix)
    parts = [part for part in key.split("/") if part and part != "."]
    if parts and parts[-1] in _PAGE_FILES:
        parts.pop()
    return "/".join(parts)


def site_path(article_id: str) -> str:
    """The site path of an article's page, from its place in the folder (`content/`
    and a language folder aside): `en/docs/shortcodes` is `docs/shortcodes`."""
    parts = site_key(article_id).split("/")
    if parts and parts[0] == "content":
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in SITE_LANGUAGES:
        parts = parts[1:]
    return "/".join(parts)


def site_keys(article_id: str) -> set[str]:
    """Every site path a page answers to: with and without `content/` and its language."""
    whole = site_key(article_id)
    parts = whole.split("/")
    keys = {whole, site_path(article_id)}
    if parts and parts[0] == "content":
        keys.add("/".join(parts[1:]))
    return {key for key in keys if key}


def declared_site_paths(
    article_id: str, url: str | None, slug: str | None, permalink: str | None
) -> tuple[str, ...]:
    """The site paths a page's front matter gives it, beside the one its place gives:
    Hugo's `url: /about/` (a path, not an address), Hugo's `slug:` (the last part of
    the path renamed: `posts/my-post` with `slug: hello` is `/posts/hello/`) and
    Jekyll's `permalink: /about/` (one with `:placeholders` names no one page)."""
    paths: list[str] = []
    if url and "://" not in url and not url.lower().startswith("mailto:"):
        paths.append("/" + url.strip().strip("/") + "/")
    if slug and "/" not in slug.strip("/"):
        section = site_path(article_id).rpartition("/")[0]
        paths.append("/" + "/".join(part for part in (section, slug.strip("/")) if part) + "/")
    if permalink and ":" not in permalink:
        paths.append("/" + permalink.strip().strip("/") + "/")
    return tuple(dict.fromkeys(path for path in paths if path.strip("/")))


def _stem(file: str) -> str:
    """`Path(file).stem`, without making a Path (100,000 of them took a third of a second)."""
    name = file.rpartition(os.sep)[2]
    base, _dot, _suffix = name.rpartition(".")
    return base or name


def _normalise(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts) if parts else path
