"""`reader add URL|FILE.html|-`: keep a web page as an article of your own library.

The page is fetched (or read from a file, or from standard input), its main
text kept as Markdown with its links, and saved in the `library/` folder of
the data directory, where every command and the interface find it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from reader.cli.common import EXIT_OK, UserError, settings_for
from reader.settings.i18n import t


def read_html(source: str, timeout: float) -> tuple[str, str]:
    """(html, address) of a URL, an HTML file, or `-` (standard input)."""
    from reader.settings.untrusted import read_failure, read_regular_file
    from reader.web.fetch import MAX_PAGE_BYTES, decode, fetch

    if source == "-":
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise UserError(t("add.too_large", source="-"))
        return decode(data, None), ""
    if "://" in source:
        page = fetch(source, timeout)
        return page.text, page.url
    path = Path(source).expanduser()
    try:
        data = read_regular_file(path, MAX_PAGE_BYTES)
    except OSError as error:
        raise UserError(f"{source}: {read_failure(error)}") from None
    return decode(data, None), path.absolute().as_uri()


def add_page(source: str, data_dir: Path, timeout: float) -> tuple[str, str, bool]:
    """Fetch, extract and save one page: (title, article id, whether it is new)."""
    from reader.web.extract import ExtractError, extract
    from reader.web.fetch import FetchError
    from reader.web.saved import save, saved_folder

    try:
        html, address = read_html(source, timeout)
        article = extract(html, address or "about:blank")
    except (FetchError, ExtractError) as error:
        raise UserError(t("add.failed", source=source, reason=error)) from None
    requested = source if "://" in source else (address or article.url)
    if requested == "about:blank":
        requested = f"about:{article.title}"
    saved = save(article, saved_folder(data_dir), requested, dt.date.today())
    return article.title, saved.article_id, saved.created


def cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    settings = settings_for(args)
    title, article_id, created = add_page(args.source, settings.data_dir, args.timeout)
    key = "add.added" if created else "add.updated"
    out.write(t(key, title=title, id=article_id) + "\n")
    return EXIT_OK
