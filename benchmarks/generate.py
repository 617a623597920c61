"""Generate a synthetic library of realistic articles, the same for the same seed.

    python -m benchmarks.generate OUT_DIR --count 1000 [--seed 7] [--big]

Articles mix English and French (with accents), headings, paragraphs, lists,
tables, quotations and links, with front matter carrying tags, outlets,
languages and sources. Sizes spread from about 1 KB to 50 KB. `--big` adds
one 100 KB and one 1 MB article (`big/100k.md`, `big/1m.md`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

EN_WORDS = (
    "alliance security europe defence coalition ukraine drones army industry strategy "
    "deterrence nuclear treaty summit leaders advisers trust partners capitals budget "
    "spending production ammunition air defence logistics training sanctions energy "
    "resilience cooperation autonomy agreement border continent guarantee crisis policy"
).split()
FR_WORDS = (
    "sécurité défense européenne alliance coalition ukraine armée industrie stratégie "
    "dissuasion nucléaire traité sommet dirigeants conseillers confiance partenaires "
    "capitales budget dépenses production munitions aérienne logistique formation "
    "sanctions énergie résilience coopération autonomie accord frontière continent "
    "garantie crise politique élément pôle réalité été forêt"
).split()
OUTLETS = ("Northern Review", "Le Quotidien", "Atlas Weekly", "Revue Stratégique", "Policy Desk")
TAGS = ("security", "ukraine", "nato", "budget", "industry", "drones", "energy", "diplomacy")
KINDS = ("report", "opinion", "analysis", "guide", "interview")
PUBLISHERS = ("Bruegel", "Centre for European Reform", "Militarnyi", "Al Jazeera", "Politico")


def _sentence(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(8, 18))]
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def _paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 7)))


def _block(rng: random.Random, words: list[str], number: int) -> str:
    roll = rng.random()
    if roll < 0.08:
        return f"## {_sentence(rng, words)[:-1]}"
    if roll < 0.16:
        return "\n".join(f"- {_sentence(rng, words)}" for _ in range(rng.randint(2, 5)))
    if roll < 0.20:
        rows = [f"| {rng.choice(words)} | {rng.randint(1, 999)} | {rng.choice(words)} |"]
        rows += [f"| {rng.choice(words)} | {rng.randint(1, 999)} | {rng.choice(words)} |"]
        return "| item | value | note |\n|---|---|---|\n" + "\n".join(rows)
    if roll < 0.25:
        return "> " + _sentence(rng, words)
    if roll < 0.30:
        return f"See [the source {number}](https://example.org/source/{number}) for details."
    return _paragraph(rng, words)


BIG_OPENING = "This is the start of a long article."
"""The first line of the big articles' bodies, so a benchmark can see it appear."""


def article_text(rng: random.Random, number: int, target_size: int, opening: str = "") -> str:
    """One article's Markdown, front matter included, of about `target_size` bytes."""
    french = rng.random() < 0.4
    words = FR_WORDS if french else EN_WORDS
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
    tags = rng.sample(TAGS, rng.randint(1, 3))
    sources = "\n".join(
        f"  - publisher: {rng.choice(PUBLISHERS)}\n"
        f'    title: "{_sentence(rng, EN_WORDS)[:-1]}"\n'
        f"    kind: {rng.choice(('primary', 'secondary', 'quoted'))}"
        for _ in range(rng.randint(0, 4))
    )
    title = _sentence(rng, words)[:-1][:70]
    front = (
        "---\n"
        f'title: "{title} {number}"\n'
        f"published: {day.isoformat()}\n"
        f"language: {'fr' if french else 'en'}\n"
        f"outlet: {rng.choice(OUTLETS)}\n"
        f"kind: {rng.choice(KINDS)}\n"
        f"tags: [{', '.join(tags)}]\n"
        f'summary: "{_sentence(rng, words)}"\n'
        + (f"sources:\n{sources}\n" if sources else "")
        + "---\n\n"
    )
    blocks = [front, f"{opening}\n\n" if opening else ""]
    size = len(front)
    while size < target_size:
        block = _block(rng, list(words), number)
        blocks.append(block + "\n\n")
        size += len(block.encode("utf-8")) + 2
    return "".join(blocks)


def generate(out: Path, count: int, seed: int = 7, big: bool = False) -> list[Path]:
    """Write `count` articles (and the two big ones with `big`) below `out`."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        size = int(1024 * (50 ** rng.random()))  # 1 KB to 50 KB, most of them small
        folder = out / f"section-{number % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"article-{number:05d}.md"
        path.write_text(article_text(rng, number, size), encoding="utf-8")
        paths.append(path)
    if big:
        (out / "big").mkdir(parents=True, exist_ok=True)
        for name, size in (("100k", 100 * 1024), ("1m", 1024 * 1024)):
            path = out / "big" / f"{name}.md"
            text = article_text(rng, 900_000 + size, size, opening=BIG_OPENING)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--big", action="store_true", help="add a 100 KB and a 1 MB article")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.big)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
