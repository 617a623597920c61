"""Measure reader against its budgets, in one run, on this machine.

    python -m benchmarks.run [--runs 5] [--sizes 1000,10000] [--quick]

Cases are interleaved (each round runs every case once) so that a noisy
machine affects them alike; every figure is a median with its min and max,
and startup is compared with a bare Textual app measured in the same run.
Results print as a table and are written as JSON (and Markdown) to
benchmarks/results/.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import BIG_OPENING, generate
from benchmarks.report import report
from benchmarks.terminal import Terminal
from benchmarks.tiers import (
    kept_library,
    markdown_bytes,
    run_busy_quit,
    run_cold,
    run_command,
    run_warm_list,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
TIMEOUT = 60.0
KEPT_FROM = 10_000
"""Generated libraries from this size are kept between runs (benchmarks/.libraries)."""
STANDARD = 10_000
"""The size the first budgets speak of; larger libraries have budgets of their own."""


@dataclass
class Samples:
    values: list[float] = field(default_factory=list)

    def add(self, value: float | None) -> None:
        if value is not None:
            self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def percentile(self, fraction: float) -> float:
        if not self.values:
            return float("nan")
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

    def summary(self) -> dict[str, float | int]:
        if not self.values:
            return {"n": 0}
        return {
            "n": len(self.values),
            "median": self.median,
            "min": min(self.values),
            "max": max(self.values),
            "p95": self.percentile(0.95),
        }


# ---------------------------------------------------------------------------
# libraries


@dataclass
class Library:
    name: str
    folder: Path | None  # None: the bundled library
    first_title: str
    count: int


def newest_title(folder: Path | None) -> tuple[str, int]:
    """The title the list shows first, and how many articles there are (parsed here)."""
    from reader.index.catalogue import Catalogue
    from reader.settings.config import library_folders, resolve_settings

    settings = resolve_settings(
        content_dirs=[folder] if folder else [], include_bundled=folder is None
    )
    with tempfile.TemporaryDirectory() as scratch:
        catalogue = Catalogue.open(Path(scratch))
        library = catalogue.sync(library_folders(settings)).library
        catalogue.close()
    return library.articles[0].title, len(library)


def make_libraries(work: Path, sizes: list[int], notes: int = 0) -> list[Library]:
    """The bundled library, then one generated library per size (from 10,000: kept),
    then `notes` short notes (none if 0)."""
    libraries = []
    title, count = newest_title(None)
    libraries.append(Library("bundled", None, title, count))
    tiers = [(size, False) for size in sizes] + ([(notes, True)] if notes else [])
    for size, short in tiers:
        if size >= KEPT_FROM:
            folder = kept_library(size, notes=short)
        else:
            folder = work / f"{'notes' if short else 'lib'}{size}"
            generate(folder, size, seed=7, notes=short)
        title, count = newest_title(folder)
        name = f"{size:,} notes" if short else f"{size:,}"
        libraries.append(Library(name, folder, title, count))
    return libraries


def reader_argv(library: Library) -> list[str]:
    argv = [sys.executable, "-m", "reader"]
    if library.folder is not None:
        argv += ["--no-bundled", "--content", str(library.folder)]
    return argv


def environment(data: Path, cache: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("READER_", "TEXTUAL")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        READER_DATA_DIR=str(data),
        READER_CACHE_DIR=str(cache),
    )
    return env


def warm_cache(library: Library, cache: Path) -> None:
    """Build the catalogue and index as a previous run of reader would have."""
    from reader.index.catalogue import Catalogue
    from reader.settings.config import library_folders, resolve_settings

    settings = resolve_settings(
        content_dirs=[library.folder] if library.folder else [],
        include_bundled=library.folder is None,
        cache_dir=cache,
    )
    catalogue = Catalogue.open(cache)
    catalogue.sync(library_folders(settings))
    catalogue.index()
    catalogue.close()


def visible(title: str) -> Callable[[str], bool]:
    probe = title[:24]
    return lambda text: probe in text


# ---------------------------------------------------------------------------
# (a) startup and (e) memory


def run_bare(env: dict[str, str]) -> tuple[float | None, int]:
    terminal = Terminal([sys.executable, "-m", "benchmarks.bare_app"], env)
    try:
        seen = terminal.wait_for(lambda text: "bare app ready" in text, TIMEOUT)
        terminal.settle(0.3)
        return (seen - terminal.started if seen else None), terminal.rss_peak()
    finally:
        terminal.close()


def run_warm(library: Library, env: dict[str, str]) -> tuple[float | None, int]:
    terminal = Terminal(reader_argv(library), env)
    try:
        seen = terminal.wait_for(visible(library.first_title), TIMEOUT)
        terminal.settle(0.5)  # the check of every file runs after the first frame
        return (seen - terminal.started if seen else None), terminal.rss_peak()
    finally:
        terminal.close()


def index_complete(cache: Path, expected: int) -> bool:
    """Whether every file of the cold run is indexed, asked through the catalogue's own
    indexes: a scan of its rows took 50 ms at 100,000, every 50 ms, on a core the
    indexing it measures needs."""
    path = cache / "catalogue.sqlite3"
    if not path.exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2) as db:
            (total,) = db.execute("SELECT count(*) FROM files").fetchone()
            (waiting,) = db.execute(
                "SELECT EXISTS (SELECT 1 FROM files WHERE indexed = 0)"
            ).fetchone()
    except sqlite3.Error:
        return False
    return total >= expected and not waiting


# ---------------------------------------------------------------------------
# (b) opening a big article


def run_open(folder: Path, env: dict[str, str], title: str) -> dict[str, float | None]:
    terminal = Terminal(
        [sys.executable, "-m", "reader", "--no-bundled", "--content", str(folder)], env
    )
    try:
        terminal.wait_for(visible(title), TIMEOUT)
        terminal.settle(0.2)
        pressed = terminal.send("\r")
        shown = terminal.wait_for(lambda text: BIG_OPENING[:30] in text, TIMEOUT)
        latencies = Samples()
        # Keys while the rest of the article is measured in the background.
        for _ in range(8):
            before = terminal.text()
            sent = terminal.send("j")
            changed = terminal.wait_for(lambda text, before=before: text != before, 5.0)
            latencies.add(changed - sent if changed else None)
            terminal.settle(0.05, timeout=0.3)
        return {
            "first_screen": shown - pressed if shown else None,
            "key_max": max(latencies.values) if latencies.values else None,
        }
    finally:
        terminal.close()


# ---------------------------------------------------------------------------
# (c) search


QUERIES = [
    "security",
    "sécurité",
    "securite",
    "defense",
    "défense",
    '"air defence"',
    '"coalition ukraine"',
    "drone*",
    "resil*",
    "coalition ukraine",
    "énergie",
    "energie budget",
    "treaty summit",
    "garantie crise",
    "ammunition production",
    "nucl*",
    '"la défense"',
    "logistics training",
    "stratégie",
    "zzznothing",
]


def search_layer(cache: Path) -> Samples:
    from reader.index.catalogue import Catalogue

    catalogue = Catalogue.open(cache)
    samples = Samples()
    for _ in range(5):
        for query in QUERIES:
            started = time.perf_counter()
            catalogue.search(query)
            samples.add(time.perf_counter() - started)
    catalogue.close()
    return samples


def search_keystrokes(
    library: Library, env: dict[str, str], word: str, settle: float = 3.0
) -> Samples:
    terminal = Terminal(reader_argv(library), env)
    samples = Samples()
    try:
        terminal.wait_for(visible(library.first_title), TIMEOUT)
        # Typing starts once start-up is over: the check of every file and the
        # index update run in the background first (about a second at 10,000).
        deadline = time.perf_counter() + settle
        while time.perf_counter() < deadline:
            terminal.pump(0.05)
        terminal.send("/")
        terminal.settle(0.1)
        for end in range(1, len(word) + 1):
            typed = word[:end]
            sent = terminal.send(word[end - 1])
            shown = terminal.wait_for(lambda text, typed=typed: f"“{typed.strip()}” (" in text, 5)
            samples.add(shown - sent if shown else None)
            terminal.settle(0.05, timeout=0.5)
        return samples
    finally:
        terminal.close()


# ---------------------------------------------------------------------------
# (d) state


def state_writes(work: Path) -> dict[str, Samples]:
    from reader.state.model import Position
    from reader.state.store import Store

    store = Store.open(work / "state-bench")
    toggles, positions = Samples(), Samples()
    for number in range(200):
        article = f"article-{number % 20}"
        started = time.perf_counter()
        if store.bookmark(article) is None:  # a toggle, as `b` asks the store for one
            store.add_bookmark(article, "title")
        else:
            store.remove_bookmark(article)
        toggles.add(time.perf_counter() - started)
        started = time.perf_counter()
        store.save_position(f"article-{number % 20}", Position(number, 0.5, 0.5))
        positions.add(time.perf_counter() - started)
    store.close()
    return {"bookmark_toggle": toggles, "position_save": positions}


# ---------------------------------------------------------------------------
# the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument(
        "--notes", type=int, default=30_000, help="short notes (2-4 KB) in their own tier; 0: none"
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny libraries, one run (a smoke test)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = [20, 60] if args.quick else [int(size) for size in args.sizes.split(",")]
    notes = 40 if args.quick and args.notes else args.notes
    started = time.perf_counter()
    # As an installer would: compiled modules, so no run pays for compiling them.
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    compileall.compile_dir(str(ROOT / "benchmarks"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        results = run_all(work, sizes, runs, args.quick, notes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["seconds"] = round(time.perf_counter() - started, 1)
    report(results, args.out)


def run_all(work: Path, sizes: list[int], runs: int, quick: bool, notes: int = 0) -> dict:
    libraries = make_libraries(work, sizes, notes)
    generated = libraries[1:]
    articles = [lib for lib in generated if not lib.name.endswith("notes")]
    standard = ([lib for lib in articles if lib.count <= STANDARD] or articles)[-1]
    big = work / "big"
    generate(big, 0, seed=11, big=True)
    bigs = {}
    for name in ("100k", "1m"):
        folder = work / f"open-{name}"
        folder.mkdir()
        shutil.copy(big / "big" / f"{name}.md", folder / f"{name}.md")
        bigs[name] = (folder, newest_title(folder)[0])

    caches = {library.name: work / f"cache-{library.name}" for library in libraries}
    for library in libraries:
        warm_cache(library, caches[library.name])
    cold_cache = work / "cache-cold"
    data = work / "data"

    startup: dict[str, Samples] = {"bare": Samples()}
    memory: dict[str, Samples] = {"bare": Samples()}
    cold_keys = ("first_frame", "first_titles", "list_complete", "index_complete", "rss_kb")
    tier_keys = (
        "list_complete", "rss_kb", "quit", "quit_busy", "cli_search", "cli_list", "cache_ratio"
    )  # fmt: skip
    cold = {lib.name: {key: Samples() for key in cold_keys} for lib in generated}
    tiers = {lib.name: {key: Samples() for key in tier_keys} for lib in generated}
    opening: dict[str, dict[str, Samples]] = {
        name: {"first_screen": Samples(), "key_max": Samples()} for name in bigs
    }
    for library in libraries:
        startup[library.name] = Samples()
        memory[library.name] = Samples()

    for _round in range(runs):
        seconds, rss = run_bare(environment(data, caches["bundled"]))
        startup["bare"].add(seconds)
        memory["bare"].add(rss)
        for library in libraries:
            seconds, rss = run_warm(library, environment(data, caches[library.name]))
            startup[library.name].add(seconds)
            memory[library.name].add(rss)
        for library in generated:
            measure_tier(library, work, data, caches[library.name], cold_cache, cold, tiers)
        for name, (folder, title) in bigs.items():
            measured = run_open(folder, environment(data, work / f"cache-open-{name}"), title)
            for key, value in measured.items():
                opening[name][key].add(value)

    search = search_layer(caches[standard.name])
    keystrokes = Samples()
    for _round in range(max(1, runs // 2)):
        keystrokes.values += search_keystrokes(
            standard, environment(data, caches[standard.name]), "coalition dro"
        ).values
    state = state_writes(work)

    return {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "runs": runs,
        "quick": quick,
        "sizes": [library.count for library in libraries],
        "standard": standard.name,
        "counts": {library.name: library.count for library in libraries},
        "notes": [lib.name for lib in generated if lib.name.endswith("notes")],
        "startup": {name: samples.summary() for name, samples in startup.items()},
        "memory_kb": {name: samples.summary() for name, samples in memory.items()},
        "cold": {
            name: {key: samples.summary() for key, samples in cases.items()}
            for name, cases in cold.items()
        },
        "tiers": {
            name: {key: samples.summary() for key, samples in cases.items()}
            for name, cases in tiers.items()
        },
        "cold_size": standard.count,
        "opening": {
            name: {key: samples.summary() for key, samples in cases.items()}
            for name, cases in opening.items()
        },
        "search_layer": search.summary(),
        "search_keystroke": keystrokes.summary(),
        "state": {key: samples.summary() for key, samples in state.items()},
    }


def measure_tier(
    library: Library,
    work: Path,
    data: Path,
    cache: Path,
    cold_cache: Path,
    cold: dict[str, dict[str, Samples]],
    tiers: dict[str, dict[str, Samples]],
) -> None:
    """One round at one size: a cold start, a warm start to the whole list and `q`, the CLI."""
    assert library.folder is not None
    argv = reader_argv(library)
    measured = run_cold(
        argv, environment(data, cold_cache), cold_cache, library.count, index_complete
    )
    size = measured.pop("cache_bytes")
    for key, value in measured.items():
        cold[library.name][key].add(value)
    tier = tiers[library.name]
    if measured["index_complete"] is not None and size:
        tier["cache_ratio"].add(size / markdown_bytes(library.folder))
    warm = run_warm_list(argv, environment(data, cache), library.count)
    for key, value in warm.items():
        tier[key].add(value)
    env = environment(data, cache)
    tier["quit_busy"].add(run_busy_quit(argv, env, library.count))
    tier["cli_search"].add(run_command([*argv, "search", "--json", "security"], env))
    tier["cli_list"].add(run_command([*argv, "list", "--json"], env))


if __name__ == "__main__":
    main()
