"""A web page's main text, as Markdown with its links, and what it says about itself.

trafilatura does the work (boilerplate removal: menus, footers, sidebars and
comments go; links stay). Current trafilatura needs `lxml_html_clean` beside
it; both load only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg
from reader.settings.untrusted import clean
from reader.web.page_meta import byline, read_meta, strip_site

_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][\w-]+)?""", re.I)
MAX_TITLE = 300


class ExtractError(ReaderError):
    """The page has no main text to keep (an empty page, a login wall, a file)."""


@dataclass(frozen=True)
class WebArticle:
    """A page's main text and metadata, cleaned of control characters."""

    title: str
    body: str
    url: str
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    """Only a date the page states (see `page_meta`)."""
    date_source: str | None = None
    """Where `published` was read: `json-ld`, `meta`, `time` or `address`."""
    language: str | None = None


def _text(value: object, limit: int = MAX_TITLE) -> str | None:
    if not value:
        return None
    text = " ".join(clean(str(value)).split())
    return text[:limit] or None


def extract(html: str, url: str) -> WebArticle:
    """The main text of `html` (fetched from `url`) and its metadata.

    What the page states of itself (`page_meta`) comes first; trafilatura's
    metadata only fills what the page does not state, and never the date (it
    guesses one from copyright lines and file names). A byline at the top of
    the text becomes the author.
    """
    import trafilatura

    body = trafilatura.extract(
        _prepared(html),
        url=url,
        output_format="markdown",
        include_links=True,
        include_images=True,
        include_tables=True,
        include_formatting=True,
        include_comments=False,
    )
    if not body or not body.strip():
        raise ExtractError(Msg.of("extract.no_text"))
    stated = read_meta(html, url)
    body, signed = _without_byline(clean(_quoted(body)).strip())
    guessed = trafilatura.extract_metadata(html, default_url=url)
    lang = _HTML_LANG.search(html[:4096])
    sites = (
        stated.site_names | {guessed.sitename}
        if guessed and guessed.sitename
        else stated.site_names
    )
    guessed_title = strip_site(guessed.title, sites) if guessed and guessed.title else None
    title = _text(stated.title) or _text(guessed_title) or _text(url) or url
    return WebArticle(
        title=title,
        body=_without_title(body, title) + "\n",
        url=_text(guessed.url if guessed else None, 2000) or url,
        author=_text(stated.author) or _text(signed) or _guessed_author(guessed, sites),
        outlet=_text(stated.site) or _text(guessed.sitename if guessed else None),
        published=stated.date,
        date_source=stated.date_source,
        language=lang.group(1).lower() if lang else None,
    )


def _guessed_author(guessed: Any, sites: set[str]) -> str | None:
    """trafilatura's author, unless it is the site's name (a guess from its header)."""
    author = _text(guessed.author if guessed else None)
    folded = {site.casefold() for site in sites}
    return author if author and author.casefold() not in folded else None


_QUOTE = "READER-QUOTE-7F3E "
"""Marks a quoted paragraph through trafilatura, made a Markdown quote after it (`_quoted`):
trafilatura escapes a `>` it is given and drops characters no text uses."""


def _quoted(markdown: str) -> str:
    """Paragraphs marked in `_prepared` as Markdown quotes; no mark is left anywhere."""
    lines = [
        f"> {line.strip().removeprefix(_QUOTE).strip()}"
        if line.lstrip().startswith(_QUOTE)
        else line
        for line in markdown.split("\n")
    ]
    return "\n".join(lines).replace(_QUOTE.strip(), "")


def _prepared(html: str) -> str:
    """The page as trafilatura reads it best: a figure's caption is a paragraph (trafilatura
    drops captions, and a listing's is its name), each `<pre>` ends with a line break
    (one without was made inline code, run into the paragraph after it), and a quote's
    paragraphs are marked as Markdown quotes (its Markdown has none). lxml is what
    trafilatura parses with; a page it cannot parse is left as it is."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for link in list(tree.iter("a")):
        if "headerlink" in (link.get("class") or "").split():
            link.drop_tree()  # a heading's permalink mark (Sphinx, MkDocs): `¶`
        elif (link.get("href") or "").startswith("#") and _in_heading(link):
            link.drop_tag()  # a heading that links to itself (mdBook): its words alone
    for quote in tree.iter("blockquote"):
        # trafilatura's Markdown has no quotes: each paragraph of one is marked here.
        blocks = [block for block in quote.iter("p", "li") if block.getparent() is not None]
        for block in blocks or [quote]:
            block.text = _QUOTE + (block.text or "").lstrip()
    for caption in tree.iter("figcaption"):
        caption.tag = "p"
    for figure in list(tree.iter("figure")):
        figure.drop_tag()
    for pre in tree.iter("pre"):
        node = pre
        while len(node) and not (node[-1].tail or "").strip():
            node = node[-1]
        if len(node):
            node[-1].tail = (node[-1].tail or "") + "\n"
        elif not (node.text or "").endswith("\n"):
            node.text = (node.text or "") + "\n"
    return str(lxml_html.tostring(tree, encoding="unicode"))


def _in_heading(element: Any) -> bool:
    return any(parent.tag in _HEADINGS for parent in element.iterancestors())


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _without_title(body: str, title: str) -> str:
    """The text without a first heading that is the title (shown above the text already)."""
    first, _, rest = body.partition("\n")
    heading = first.lstrip("#").strip() if first.startswith("#") else None
    if heading is not None and " ".join(heading.split()).casefold() == title.casefold():
        return rest.strip()
    return body


def _without_byline(body: str) -> tuple[str, str | None]:
    """The text without a byline among its first lines (`— par Camille Berthier`), and the
    name it gave."""
    lines = body.split("\n")
    for index, line in enumerate(lines[:6]):
        name = byline(line.strip().strip("*_"))
        if name:
            rest = lines[:index] + lines[index + 1 :]
            return "\n".join(rest).strip(), name
    return body, None


def fragment_markdown(html: str) -> str:
    """A piece of article HTML (a feed item, an export's saved text) as Markdown with links.

    Unlike a whole page there is no boilerplate to find: everything is kept,
    short summaries too.
    """
    import trafilatura

    document = _prepared(f"<html><body><article>{html}</article></body></html>")
    markdown = trafilatura.extract(
        document,
        output_format="markdown",
        include_links=True,
        include_images=True,
        include_formatting=True,
        include_tables=True,
        fast=True,
        favor_recall=True,
        config=_fragment_config(),
    )
    return clean(_quoted(markdown or "")).strip()


_CONFIG: list[Any] = []


def _fragment_config() -> Any:
    if not _CONFIG:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")  # a one-line summary is still the text
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        _CONFIG.append(config)
    return _CONFIG[0]
