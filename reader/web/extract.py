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
    language: str | None = None


def _text(value: object, limit: int = MAX_TITLE) -> str | None:
    if not value:
        return None
    text = " ".join(clean(str(value)).split())
    return text[:limit] or None


def extract(html: str, url: str) -> WebArticle:
    """The main text of `html` (fetched from `url`) and its metadata."""
    import trafilatura

    body = trafilatura.extract(
        html, url=url, output_format="markdown", include_links=True, include_images=False
    )
    if not body or not body.strip():
        raise ExtractError(Msg.of("extract.no_text"))
    meta = trafilatura.extract_metadata(html, default_url=url)
    lang = _HTML_LANG.search(html[:4096])
    title = _text(meta.title if meta else None) or _text(url)
    return WebArticle(
        title=title or url,
        body=clean(body).strip() + "\n",
        url=_text(meta.url if meta else None, 2000) or url,
        author=_text(meta.author if meta else None),
        outlet=_text(meta.sitename if meta else None),
        published=_text(meta.date if meta else None, 10),
        language=lang.group(1).lower() if lang else None,
    )


def fragment_markdown(html: str) -> str:
    """A piece of article HTML (a feed item, an export's saved text) as Markdown with links.

    Unlike a whole page there is no boilerplate to find: everything is kept,
    short summaries too.
    """
    import trafilatura

    document = f"<html><body><article>{html}</article></body></html>"
    markdown = trafilatura.extract(
        document,
        output_format="markdown",
        include_links=True,
        fast=True,
        favor_recall=True,
        config=_fragment_config(),
    )
    return clean(markdown or "").strip()


_CONFIG: list[Any] = []


def _fragment_config() -> Any:
    if not _CONFIG:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")  # a one-line summary is still the text
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
        _CONFIG.append(config)
    return _CONFIG[0]
