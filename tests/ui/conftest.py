"""Fixtures of the interface tests (helpers that drive a running app are in `helpers`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import LongArticleWriter


@pytest.fixture
def write_long_article() -> LongArticleWriter:
    """Writes `long.md` into a folder: a title, a first and a last paragraph, and
    `paragraphs` filler paragraphs between them (a heading every 50).
    2,000 paragraphs make a file over 1 MB."""

    def write(folder: Path, paragraphs: int) -> Path:
        parts = ["---\ntitle: Very long\npublished: 2026-02-01\n---\n", "First paragraph here.\n"]
        for number in range(paragraphs):
            if number % 50 == 0:
                parts.append(f"## Part {number // 50}\n")
            parts.append(f"Paragraph {number}: " + "words that fill the line " * 20 + "\n")
        parts.append("The very last paragraph.\n")
        path = folder / "long.md"
        path.write_text("\n".join(parts), encoding="utf-8")
        return path

    return write
