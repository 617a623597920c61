"""Folders of Markdown files in, a `Library` out.

Walks each content folder recursively, parses every Markdown file, settles
duplicate ids (the first folder wins, and both files are named), and sorts
the articles newest first. Bad files become problems; the rest still load.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from reader.library.article import Article, ParseResult, Problem
from reader.library.links import NoteNames
from reader.settings.i18n import Msg
from reader.settings.untrusted import read_failure

MARKDOWN_SUFFIXES = (".md", ".markdown")
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})

ProgressCallback = Callable[[int, int], None]
"""Called with (files done, files in all) while a library loads."""


@dataclass(frozen=True)
class Library:
    """The loaded articles, newest first, and the problems met on the way."""

    articles: tuple[Article, ...] = ()
    problems: tuple[Problem, ...] = ()
    _by_id: dict[str, Article] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {article.id: article for article in self.articles})

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        return self._by_id.get(article_id)

    def __len__(self) -> int:
        return len(self.articles)

    def translations(self, article: Article) -> tuple[Article, ...]:
        """Every other version of this article, whichever side names `translation_of`."""
        root = article.translation_of or article.id
        family = [
            other
            for other in self.articles
            if other.id != article.id and (other.id == root or other.translation_of == root)
        ]
        return tuple(family)

    @functools.cached_property
    def names(self) -> NoteNames:
        """Every name each article answers to: links between notes resolve against it."""
        return NoteNames(self.articles)

    def link_target(self, url: str, source: Article | None = None) -> Article | None:
        """The article a link in `source` leads to: `reader:ID`, a path to a note (relative
        to `source`'s folder), or a site generator's path; None for anything else (the
        web, a page of the article itself, a note that is not there)."""
        if url.lower().startswith("reader:"):
            return self.get(url[len("reader:") :].split("#", 1)[0])
        if "://" in url or url.startswith(("mailto:", "#")):
            return None
        path = url.split("#", 1)[0]
        if path.lower().endswith((".md", ".markdown")):
            found = self.names.resolve(unquote(path), source)
            if found is not None:
                return found
        return self.names.by_site_path(url, source)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Problems that kept a file out of the library."""
        return tuple(problem for problem in self.problems if problem.severity == "error")


def is_markdown_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith(".")


def iter_markdown(
    folder: str, problems: list[Problem], times: list[tuple[str, int]] | None = None
) -> Iterator[str]:
    """Every Markdown file below `folder`, in a stable order, met as the walk goes.

    The order is os.walk's: a folder's own files (by name), then each of its
    folders in turn. Hidden folders (`.git`, `.obsidian`) and dependency folders
    hold no articles. Symbolic links are followed, to files and to folders
    alike; a folder met twice (a link loop, or two links to one place) is read
    once. Only regular files are articles: a FIFO, a device or a socket with a
    Markdown name is reported and never opened. A folder that cannot be listed
    is reported too (in `problems`). A loop, not recursion: folders nested
    thousands deep end nowhere near Python's stack limit. `times` receives each
    folder read and its modification time, taken before it is listed (so a
    file added during the walk changes it again). Paths are text: 100,000
    Path objects cost a third of a second the walk does not need.
    """
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        directory = pending.pop()
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            if times is not None:
                times.append((directory, info.st_mtime_ns))
            with os.scandir(directory) as entries:
                children = sorted(entries, key=lambda entry: entry.name)
        except OSError as error:
            problems.append(_unreadable_folder(Path(directory), error))
            continue
        folders: list[str] = []
        for entry in children:
            try:
                is_dir = entry.is_dir()  # follows links
                is_file = not is_dir and entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                if not entry.name.startswith(".") and entry.name not in _SKIPPED_DIRS:
                    folders.append(entry.path)
            elif is_markdown_name(entry.name):
                if is_file:
                    yield entry.path
                elif not _dangling(Path(entry.path)):
                    reason = Msg.of("problem.not_regular")
                    problems.append(Problem(Path(entry.path), None, "warning", reason))
        pending.extend(reversed(folders))  # the first folder is read next


def _dangling(path: Path) -> bool:
    """A link to nothing: not worth a warning (editors leave them behind)."""
    return path.is_symlink() and not path.exists()


def _unreadable_folder(folder: Path, error: OSError) -> Problem:
    reason = Msg.of("problem.folder_unreadable", reason=read_failure(error))
    return Problem(folder, None, "warning", reason)


def sort_key(article: Article) -> str:
    """The list order as one string: newest first, undated last, then by title.

    A string so that a database can sort by it too (byte order of UTF-8 is
    code point order, which is Python's string order).
    """
    ordinal = article.published.toordinal() if article.published else 0
    return f"{0 if article.published else 1}{9_999_999 - ordinal:07d}{article.title.casefold()}"


@dataclass(frozen=True)
class FolderScan:
    """One content folder walked: its files, what could not be read, each folder's time."""

    folder: Path
    files: list[str]
    problems: list[Problem]
    times: list[tuple[str, int]]


MISSING = -1
"""The time kept for a content folder that is not there (so its arrival is a change)."""


def scan_folder(folder: Path) -> FolderScan:
    """Walk one content folder. It may also be a single Markdown file, read as one
    article (its folder is the file's own; its time is the file's)."""
    name = str(folder)
    try:
        if folder.is_file() and is_markdown_name(folder.name):
            return FolderScan(folder, [name], [], [(name, folder.stat().st_mtime_ns)])
        if not folder.is_dir():
            key = "problem.folder_missing" if not folder.exists() else "problem.folder_not_dir"
            problem = Problem(folder, None, "error", Msg.of(key))
            return FolderScan(folder, [], [problem], [(name, MISSING)])
    except OSError as error:
        return FolderScan(folder, [], [_unreadable_folder(folder, error)], [(name, MISSING)])
    times: list[tuple[str, int]] = []
    problems: list[Problem] = []
    files = list(iter_markdown(name, problems, times))
    return FolderScan(folder, files, problems, times or [(name, MISSING)])


def first_files(folders: Sequence[Path], count: int) -> list[tuple[str, Path]]:
    """The first `count` files a walk meets, found without walking everything: on a
    first run they are parsed and shown while the rest of the walk goes on."""
    found: list[tuple[str, Path]] = []
    for folder in folders:
        if len(found) >= count:
            break
        if folder.is_file():
            if is_markdown_name(folder.name):
                found.append((str(folder), folder))
            continue
        walk = iter_markdown(str(folder), [])
        found += [(path, folder) for path in itertools.islice(walk, count - len(found))]
    return found


def scan(folders: Sequence[Path]) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """Every (file, its content folder) to read, in order; and what could not be read."""
    problems: list[Problem] = []
    work: list[tuple[Path, Path]] = []
    for folder in folders:
        found = scan_folder(folder)
        work.extend((Path(path), folder) for path in found.files)
        problems.extend(found.problems)
    return work, problems


def walk_order(path: str, folder: str) -> tuple[str, ...]:
    """Where `iter_markdown` meets this file among its folder's, as a sortable key.

    A folder's own files come before its subfolders, each by name: marking
    files "0" and folders "1" gives that order from the path alone. The
    catalogue uses it to settle duplicate ids as a fresh walk would.
    """
    parts = Path(path).relative_to(folder).parts if path != folder else (Path(path).name,)
    return (*("1" + part for part in parts[:-1]), "0" + parts[-1])


def duplicate_problem(loser: Article, winner: Article) -> Problem:
    """The error for a file whose id another file already has."""
    reason = Msg.of("problem.duplicate", id=loser.id, other=winner.path)
    return Problem(loser.path, None, "error", reason)


def assemble(
    results: Iterable[ParseResult], problems: Sequence[Problem] = (), *, presorted: bool = False
) -> Library:
    """Parse results (in folder, then path order) to a library: duplicates settled, newest first.

    `presorted`: the results already come in list order (from the catalogue),
    and duplicates are settled by the first one met.
    """
    found = list(problems)
    owners: dict[str, Article] = {}
    for result in results:
        found.extend(result.problems)
        article = result.article
        if article is None:
            continue
        first = owners.get(article.id)
        if first is None:
            owners[article.id] = article
        else:
            found.append(duplicate_problem(article, first))
    articles = owners.values() if presorted else sorted(owners.values(), key=sort_key)
    return Library(tuple(articles), tuple(found))


def load_library(
    folders: Sequence[Path],
    *,
    progress: ProgressCallback | None = None,
    parse: Callable[[Path, Path], ParseResult] | None = None,
) -> Library:
    """Load every article below the given folders, parsing every file."""
    from reader.library.parse import parse_file

    parse_one = parse or parse_file
    work, problems = scan(folders)
    total = len(work)

    def results() -> Iterator[ParseResult]:
        for done, (path, folder) in enumerate(work, start=1):
            yield parse_one(path, folder)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)

    return assemble(results(), problems)


def count_by_severity(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) among the problems."""
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = sum(1 for problem in problems if problem.severity == "warning")
    return errors, warnings
