"""How well saved pages are kept: titles, dates, authors and the text, on an evaluation set.

    python -m benchmarks.pages [--each]

Every page of `tests/data/pages/` (modelled on the templates people meet:
mdBook, Sphinx, MkDocs, Hugo, Jekyll, WordPress, Ghost, Substack, Medium,
news sites, a forum, pages with JSON-LD and with no metadata, French and
windows-1252 pages) is extracted as `reader add` extracts it, offline, and
compared with `expected.json`: the share of titles, dates and authors right,
and the mean word-level F1 of the text against the expected text. Printed so
that a later change can be compared with this one.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "pages"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Scored:
    """One page's result against what was expected of it."""

    name: str
    title: bool
    date: bool
    author: bool
    f1: float


def words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def f1(found: str, expected: str) -> float:
    """Word-level F1: how much of the text kept is the expected text, and of it was kept."""
    got, wanted = words(found), words(expected)
    common = sum((got & wanted).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(wanted.values())
    return 2 * precision * recall / (precision + recall)


def expected_pages() -> dict[str, dict[str, object]]:
    loaded: dict[str, dict[str, object]] = json.loads(
        (PAGES / "expected.json").read_text(encoding="utf-8")
    )
    return loaded


def page_address(name: str, expected: dict[str, object]) -> str:
    """Where the page is said to come from (a dated address when the case needs one)."""
    return str(expected.get("url") or f"https://pages.example/{name}.html")


def score_all() -> list[Scored]:
    from reader.web.extract import extract
    from reader.web.fetch import decode

    scored = []
    for name, expected in expected_pages().items():
        data = (PAGES / f"{name}.html").read_bytes()
        article = extract(decode(data, None), page_address(name, expected))
        scored.append(
            Scored(
                name,
                article.title == expected["title"],
                article.published == expected["date"],
                article.author == expected["author"],
                f1(article.body, str(expected["text"])),
            )
        )
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--each", action="store_true", help="a line for every page")
    args = parser.parse_args()
    scored = score_all()
    if args.each:
        for page in scored:
            marks = "".join("✓" if ok else "✗" for ok in (page.title, page.date, page.author))
            print(f"{page.name:<22} title/date/author {marks}  F1 {page.f1:.3f}")
    count = len(scored)
    for label in ("title", "date", "author"):
        right = sum(getattr(page, label) for page in scored)
        print(f"{label + 's':<8} right: {right}/{count} ({right / count:.0%})")
    print(
        f"text F1: mean {statistics.mean(p.f1 for p in scored):.3f}, "
        f"lowest {min(p.f1 for p in scored):.3f}"
    )


if __name__ == "__main__":
    main()
