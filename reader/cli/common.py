"""What every subcommand shares: errors for people, settings, the library, the store, JSON.

Heavy modules (the catalogue, the store) are imported inside the helpers, so a
command pays only for what it uses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TextIO

from reader.settings.config import Settings, resolve_settings
from reader.settings.config_keys import expand
from reader.settings.errors import ReaderError
from reader.settings.i18n import t
from reader.settings.untrusted import display_text

if TYPE_CHECKING:
    from reader.index.catalogue import Catalogue
    from reader.library import Article, Library
    from reader.settings.config_file import FileConfig
    from reader.state.store import Store

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
MIN_WIDTH, MAX_WIDTH = 20, 1000
"""Widths `reader show --width` accepts."""


class UserError(ReaderError):
    """Something the user can fix; printed as `reader: message`, exit status 1."""


class SafeStream:
    """A text stream that writes nothing a terminal would obey.

    Everything the commands print passes through here: ids, titles, paths and
    notes come from files and import files that anyone may have written. Control
    characters become visible symbols and undecodable bytes U+FFFD. `raw` is the
    stream itself, for Rich's own styling of `reader show` on a terminal (whose
    text is made safe line by line before Rich sees it).
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(display_text(text))

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()


def warn(text: object) -> None:
    """`reader: text` on stderr, made safe like everything printed."""
    sys.stderr.write(display_text(f"reader: {text}") + "\n")


def read_config() -> FileConfig:
    """The user's config file, read once per run (it may choose the language)."""
    from reader.settings.config_file import config_path, load_config

    return load_config(config_path())


def settings_for(args: argparse.Namespace, report: bool = True) -> Settings:
    """The settings in force for this run; config problems go to stderr unless `report` is off."""
    content = getattr(args, "content", None) or ()
    for path in content:
        if not expand(path).exists():
            raise UserError(t("cli.no_such_content", path=path))
    settings = resolve_settings(
        data_dir=getattr(args, "data_dir", None),
        content_dirs=content,
        include_bundled=not getattr(args, "no_bundled", False),
        config=args.config,
    )
    if report:
        for problem in settings.config_problems:
            warn(problem)
    return settings


def open_catalogue(settings: Settings) -> Catalogue:
    from reader.index.catalogue import Catalogue

    return Catalogue.open(settings.cache_dir)


def current_library(settings: Settings, every_file: bool = False) -> Library:
    """The library, from the catalogue while no folder changed (see README, "How fresh").

    `every_file`: check each file's size and time first, as `reader check` does.
    """
    from reader.settings.config import library_folders

    catalogue = open_catalogue(settings)
    folders = library_folders(settings)
    if every_file:
        return catalogue.sync(folders).library
    return catalogue.current_library(folders)


def find_article(library: Library, given: str) -> Article:
    """The article `given` names: its id, its file's name, or the start of either when
    that is one article's alone (`reader.library.short_ids`); else a `UserError`."""
    from reader.library.short_ids import resolve

    found = resolve((article.id for article in library.articles), given)
    if not found:
        raise UserError(t("cli.no_article", id=given))
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
        raise UserError(t("cli.ambiguous_id", id=given, count=len(found), ids=shown))
    article = library.get(found[0])
    assert article is not None
    return article


def open_store(settings: Settings) -> Store:
    """The state store; its notices (a file moved aside, nothing saved) go to stderr."""
    from reader.state.store import Store

    store = Store.open(settings.data_dir)
    for notice in store.notices:
        warn(notice)
    return store


def json_text(data: Any) -> str:
    """JSON as every command prints it: non-ASCII kept, one final newline.

    A list is printed one item a line (easy to read, to grep and to diff); an
    object indented. Items are written by the json module's C encoder, which
    an indent turns off: encoding `list --json` of 100,000 articles took 13 s
    indented, about 1 s this way.
    """
    if isinstance(data, list):
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every item
        return json_lines(map(encode, data))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_lines(items: Iterable[str]) -> str:
    """A JSON list of items already encoded, one a line, as `json_text` prints lists."""
    return "".join(_json_pieces(items))


def write_json_lines(out: TextIO, items: Iterable[str]) -> None:
    """`json_lines`, written as it is made: `list --json` of 100,000 articles is 95 MB
    of text, which held whole (and copied to be cleaned and encoded) took 400 MB."""
    for piece in _json_pieces(items):
        out.write(piece)


def _json_pieces(items: Iterable[str], batch: int = 1000) -> Iterator[str]:
    rest = iter(items)
    first = list(islice(rest, batch))
    if not first:
        yield "[]\n"
        return
    yield "[\n" + ",\n".join(first)
    while more := list(islice(rest, batch)):
        yield ",\n" + ",\n".join(more)
    yield "\n]\n"
