"""The benchmark tools keep working: the generator and one quick run of the runner.

No timing is asserted here; the budgets are checked by the runner itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import BIG_OPENING, generate
from reader.library import load_library

ROOT = Path(__file__).resolve().parents[2]


def test_generator_is_deterministic_and_realistic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 40, seed=3)
    second = generate(tmp_path / "b", 40, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    library = load_library([tmp_path / "a"])
    assert len(library) == 40 and library.problems == ()
    sizes = [p.stat().st_size for p in first]
    assert min(sizes) >= 1000 and max(sizes) <= 60_000
    languages = {a.language for a in library.articles}
    assert languages == {"en", "fr"}
    text = "".join(p.read_text(encoding="utf-8") for p in first)
    for construct in ("\n## ", "\n- ", "| item |", "\n> ", "](https://"):
        assert construct in text
    assert any(ch in text for ch in "éèê")
    assert any(a.sources for a in library.articles) and all(a.tags for a in library.articles)


def test_short_notes_are_shaped_as_a_vault_s_and_a_feed_s(tmp_path: Path) -> None:
    paths = generate(tmp_path, 60, seed=5, notes=True)
    library = load_library([tmp_path])
    assert len(library) == 60 and library.problems == ()
    sizes = [p.stat().st_size for p in paths]
    assert min(sizes) >= 2000 and max(sizes) <= 6000
    fed = [a for a in library.articles if a.url]
    assert 5 <= len(fed) <= 35 and all(len(a.sources) == 1 and a.outlet for a in fed)
    notes = [a for a in library.articles if not a.url]
    assert all(not a.sources and not a.summary for a in notes)
    assert sum(bool(a.links) for a in notes) >= len(notes) // 2  # [[links]] between notes


def test_big_articles_have_the_sizes_asked_for(tmp_path: Path) -> None:
    paths = generate(tmp_path, 0, seed=1, big=True)
    sizes = {p.name: p.stat().st_size for p in paths}
    assert 100_000 <= sizes["100k.md"] < 110_000
    assert 1_000_000 <= sizes["1m.md"] < 1_100_000
    assert BIG_OPENING in paths[-1].read_text(encoding="utf-8")[:2000]


@pytest.mark.benchmark
def test_runner_quick_run_prints_every_budget() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for budget in (
        "(a) bundled",
        "(b) 1 MB first screen",
        "(c) search p95",
        "(d) bookmark",
        "(f) 60: quit",
        "(f) 60: quit while opening",
    ):
        assert budget in result.stdout
    assert "| size | cold: first titles |" in result.stdout
    assert "| bare |" in result.stdout and "nan" not in result.stdout


@pytest.mark.benchmark
def test_the_feeds_pane_benchmark_runs_and_prints_its_budgets() -> None:
    small = ["--runs", "1", "--feeds", "20", "--items", "400"]
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.feeds_pane", *small],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "| open ≤ 100 ms |" in result.stdout and "| choose ≤ 100 ms |" in result.stdout
