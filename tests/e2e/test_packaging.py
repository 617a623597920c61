"""The wheel carries the bundled library and the styles (a wheel without them is broken)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_content_and_styles(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("reader_tui-*.whl")  # `reader` on PyPI is another project
    names = zipfile.ZipFile(wheel).namelist()
    metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
    assert "\nName: reader-tui\n" in zipfile.ZipFile(wheel).read(metadata).decode()
    assert "reader/__init__.py" in names  # the import package keeps its name
    bundled = {p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*.md")}
    for name in bundled:
        assert f"reader/{name}" in names
    assert "reader/styles/reader.tcss" in names
    extra = [
        n
        for n in names
        if n.startswith(("reader/content/", "reader/styles/")) and not n.endswith((".md", ".tcss"))
    ]
    assert extra == []


def test_reader_runs_from_any_directory_with_its_bundled_library(tmp_path: Path) -> None:
    # Run from elsewhere so that the installed package is what gets imported.
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert result.returncode == 0, result.stderr
    assert '"id": "guide/reading-with-reader"' in result.stdout
