"""`reader add URL|FILE.html|-`: keep a web page as an article of your own library.

The page is fetched (or read from a file, or from standard input), its main
text kept as Markdown with its links, and saved in the `library/` folder of
the data directory, where every command and the interface find it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from reader.cli.common import EXIT_OK, UserError, settings_for


def cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    from reader.web.adding import AddError, add_page
    from reader.web.fetch import MAX_PAGE_BYTES

    settings = settings_for(args)
    source: str | bytes = args.source
    if source == "-":
        source = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
    try:
        article, saved = add_page(source, settings.data_dir, args.timeout)
    except AddError as error:
        raise UserError(str(error)) from None
    out.write(saved.said(article.title) + "\n")
    return EXIT_OK
