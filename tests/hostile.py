"""A hostile library, made at test time: everything a folder from elsewhere may hold.

Nothing binary is committed; each test that needs the corpus builds its own copy.
"""

from __future__ import annotations

import os
from pathlib import Path

ESCAPES = ("\x1b]52;c;aGVsbG8=\x07", "\x1b[2J", "\x9b2J")
"""A clipboard write (OSC 52), a screen clear, and the 8-bit CSI form of it."""
HOSTILE_NAMES = (
    os.fsdecode(b"bad\xff-name.md"),
    "\x1b]52;c;aGVsbG8=\x07clip.md",
    "\x1b[2Jclear.md",
)


def _article(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\npublished: 2026-01-05\n{extra}---\n\n{body}\n"


def build_hostile_library(folder: Path) -> Path:
    """Write the corpus into `folder`; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "impossible-date.md": "---\ntitle: Impossible date\npublished: 2026-02-30\n---\n\nText.\n",
        "year-zero.md": "---\ntitle: Year zero\ndate: 0000-01-01\n---\n\nText.\n",
        "unclosed-quote.md": '---\ntitle: "Unclosed\nsummary: x\nkind: report\n---\n\nText.\n',
        "yaml-bomb.md": "---\ntitle: " + "[" * 100_000 + "\n---\n\nText.\n",
        # YAML itself refuses raw control characters; its escapes (\e, \x9b) let them in.
        "escapes-everywhere.md": _article(
            '"Title \\e]52;c;aGVsbG8=\\a \\e[2J"',
            f"Body {ESCAPES[0]} and {ESCAPES[1]} and {ESCAPES[2]} end of escapes.",
            'summary: "sum \\x9b2J"\nauthor: "a\\e[31mred"\n',
        ),
        "raw-escape-in-yaml.md": _article(f"Title {ESCAPES[1]}", "Refused by YAML."),
        "nested-list.md": _article(
            "Nested list",
            "\n".join("  " * level + f"- level{level}" for level in range(2000))
            + "\n\nAfter nested list.",
        ),
        "nested-quotes.md": _article("Nested quotes", ">" * 10_000 + " deep\n\nAfter quotes."),
        "wide-table.md": _article(
            "Wide table",
            "|" + "|".join(f"c{n}" for n in range(5000)) + "|\n"
            "|" + "|".join("-" for _ in range(5000)) + "|\n"
            "|" + "|".join(f"v{n}" for n in range(5000)) + "|\n\nAfter table.",
        ),
        "one-long-line.md": _article("One long line", "word " * 600_000 + "last-word"),
        "binary.md": None,
    }
    for name, text in files.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    with (folder / "too-large.md").open("wb") as big:
        big.write(b"---\ntitle: Too large\n---\n\n")
        big.write(b"x" * (9 * 1024 * 1024))
    for name in HOSTILE_NAMES:
        (folder / name).write_text(_article("Hostile name", "Its name is the point."), "utf-8")
    (folder / "untitled \x1b[2J note.md").write_text("No front matter, no heading.\n", "utf-8")
    os.mkfifo(folder / "fifo.md")
    os.symlink(".", folder / "loop")
    (folder / "dangling.md").symlink_to(folder / "nowhere.md")
    return folder
