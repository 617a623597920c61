"""Adding a page: fetched (or read), its main text extracted, saved. For `reader add` and `a`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.settings.errors import ReaderError
from reader.settings.untrusted import read_failure, read_regular_file
from reader.web.extract import ExtractError, WebArticle, extract
from reader.web.fetch import MAX_PAGE_BYTES, TOTAL_TIMEOUT, FetchError, decode, fetch, too_large
from reader.web.saved import Saved, save, saved_folder


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
