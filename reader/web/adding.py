"""Adding a page: fetched (or read), its main text extracted, saved. For `reader add` and `a`;
and `w`: a feed item's whole page, into the item's own file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg
from reader.settings.untrusted import read_failure, read_regular_file
from reader.web.extract import ExtractError, WebArticle, extract
from reader.web.fetch import MAX_PAGE_BYTES, TOTAL_TIMEOUT, FetchError, decode, fetch, too_large
from reader.web.saved import Saved, into_item, readers_file, save, saved_folder


class AddError(ReaderError):
    """The page could not be added; the message names it and says why."""


def read_html(source: str | bytes, timeout: float) -> tuple[str, str]:
    """(html, address) of a URL, an HTML file's path, or HTML bytes (standard input)."""
    if isinstance(source, bytes):
        if len(source) > MAX_PAGE_BYTES:
            raise AddError(too_large(), "-")
        return decode(source, None), ""
    if "://" in source:
        page = fetch(source, timeout)
        return page.text, page.url
    path = Path(source).expanduser()
    try:
        data = read_regular_file(path, MAX_PAGE_BYTES)
    except OSError as error:
        raise AddError(read_failure(error), source) from None
    return decode(data, None), path.absolute().as_uri()


def add_page(
    source: str | bytes, data_dir: Path, timeout: float = TOTAL_TIMEOUT
) -> tuple[WebArticle, Saved]:
    """Fetch, extract and save one page into the data directory's library."""
    shown = "-" if isinstance(source, bytes) else source
    try:
        html, address = read_html(source, timeout)
        article = extract(html, address or "about:blank")
    except (FetchError, ExtractError) as error:
        raise AddError(error.reason, shown) from None
    if isinstance(source, str) and "://" in source:
        requested = source
    else:
        requested = address or (article.url if article.url != "about:blank" else "")
        requested = requested or f"about:{article.title}"
    return article, save(article, saved_folder(data_dir), requested, dt.date.today())


def whole_item(path: Path, timeout: float = TOTAL_TIMEOUT) -> WebArticle:
    """A feed item's linked page fetched and extracted (as `add_page` does) into the item's
    own file: its text replaces the feed's summary; its front matter, and so its id and
    the reading state kept under it, stay. `AddError` if the file is no feed item with a
    web address, or the page cannot be had."""
    parts = readers_file(path)
    url = parts.meta.get("url") if parts else None
    if parts is None or "feed" not in parts.meta or not isinstance(url, str) or "://" not in url:
        raise AddError(Msg.of("add.not_an_item"), str(path))
    try:
        html, address = read_html(url, timeout)
        article = extract(html, address or url)
    except (FetchError, ExtractError) as error:
        raise AddError(error.reason, url) from None
    if not into_item(path, article, dt.date.today()):
        raise AddError(Msg.of("add.not_an_item"), str(path))  # changed meanwhile
    return article
