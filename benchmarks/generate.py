"""Generate a synthetic library of realistic articles, the same for the same seed.

    python -m benchmarks.generate OUT_DIR --count 1000 [--seed 7] [--big] [--notes]

Articles mix English and French (with accents), headings, paragraphs, lists,
tables, quotations and links, with front matter carrying tags, outlets,
languages and sources. Sizes spread from about 1 KB to 50 KB. `--big` adds
one 100 KB and one 1 MB article (`big/100k.md`, `big/1m.md`). `--notes` writes
short notes instead (2 to 4 KB), shaped as real ones are: seven in ten as in a
notes vault (little or no front matter, a heading, links to other notes), three
in ten as reader files a feed's items (title, outlet, author, date, address,
the feed, the item as the one source).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

EN_TOPICS = (
    "alliance security europe defence coalition ukraine drones army industry strategy "
    "deterrence nuclear treaty summit leaders advisers trust partners capitals budget "
    "spending production ammunition air logistics training sanctions energy "
    "resilience cooperation autonomy agreement border continent guarantee crisis policy"
).split()
FR_TOPICS = (
    "sécurité défense européenne alliance coalition ukraine armée industrie stratégie "
    "dissuasion nucléaire traité sommet dirigeants conseillers confiance partenaires "
    "capitales budget dépenses production munitions aérienne logistique formation "
    "sanctions énergie résilience coopération autonomie accord frontière continent "
    "garantie crise politique élément pôle réalité été forêt"
).split()
EN_FUNCTION = (
    "the of and to in a is that for on with as by it was be are from at this which have "
    "has not but an their more its they were been also would will can than other about "
    "into after over new first two most some such only could these may"
).split()
FR_FUNCTION = (
    "le la les de des du et à en un une est que pour dans qui sur par au aux avec plus "
    "ne pas ce cette ses son leur sont été être a ont mais comme tout entre deux après "
    "sans aussi très dont où lors depuis selon encore"
).split()
_SYLLABLES = (
    "ka ri to ma ne lo vi sa de pa re mo ti la co ve du fe ga bi no su ta me ro li "
    "an el in on ar er or ul es is"
).split()
_FR_SYLLABLES = ("é è ê ré dé ché pré tè gé mé ç").split()


def _filler(rng: random.Random, count: int, french: bool) -> list[str]:
    """Made-up content words: the long tail that makes real vocabularies large."""
    words = set()
    while len(words) < count:
        parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))]
        if french and rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts)), rng.choice(_FR_SYLLABLES))
        words.add("".join(parts))
    return sorted(words)


def _vocabulary(french: bool) -> tuple[list[str], list[float]]:
    """Words in Zipf order (function words, topic words, then the long tail)."""
    rng = random.Random(99 + french)
    words = (FR_FUNCTION if french else EN_FUNCTION) + (FR_TOPICS if french else EN_TOPICS)
    words = words + _filler(rng, 3000, french)
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


_VOCABULARIES = {False: _vocabulary(False), True: _vocabulary(True)}
FOCUS = 0.12
"""Share of an article's words drawn from its own few topics: articles are about something."""


class _Writer:
    """Draws words for one article: Zipf-distributed, leaning on the article's topics."""

    def __init__(self, rng: random.Random, french: bool) -> None:
        self.rng = rng
        self.words, self.cumulative = _VOCABULARIES[french]
        self.focus = rng.sample(FR_TOPICS if french else EN_TOPICS, 5)

    def word(self) -> str:
        return self.run(1)[0]

    def run(self, count: int) -> list[str]:
        """`count` words at once (drawing them together is what keeps generation quick)."""
        rng = self.rng
        words = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        for index in range(count):
            if rng.random() < FOCUS:
                words[index] = rng.choice(self.focus)
        return words


OUTLETS = ("Northern Review", "Le Quotidien", "Atlas Weekly", "Revue Stratégique", "Policy Desk")
TAGS = ("security", "ukraine", "nato", "budget", "industry", "drones", "energy", "diplomacy")
KINDS = ("report", "opinion", "analysis", "guide", "interview")
PUBLISHERS = ("Bruegel", "Centre for European Reform", "Militarnyi", "Al Jazeera", "Politico")


def _sentence(writer: _Writer) -> str:
    chosen = writer.run(writer.rng.randint(8, 18))
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def _paragraph(writer: _Writer) -> str:
    return " ".join(_sentence(writer) for _ in range(writer.rng.randint(3, 7)))


def _block(writer: _Writer, number: int) -> str:
    rng = writer.rng
    roll = rng.random()
    if roll < 0.08:
        return f"## {_sentence(writer)[:-1]}"
    if roll < 0.16:
        return "\n".join(f"- {_sentence(writer)}" for _ in range(rng.randint(2, 5)))
    if roll < 0.20:
        rows = [f"| {writer.word()} | {rng.randint(1, 999)} | {writer.word()} |" for _ in "ab"]
        return "| item | value | note |\n|---|---|---|\n" + "\n".join(rows)
    if roll < 0.25:
        return "> " + _sentence(writer)
    if roll < 0.30:
        return f"See [the source {number}](https://example.org/source/{number}) for details."
    return _paragraph(writer)


BIG_OPENING = "This is the start of a long article."
"""The first line of the big articles' bodies, so a benchmark can see it appear."""


def article_text(rng: random.Random, number: int, target_size: int, opening: str = "") -> str:
    """One article's Markdown, front matter included, of about `target_size` bytes."""
    french = rng.random() < 0.4
    writer = _Writer(rng, french)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
    tags = rng.sample(TAGS, rng.randint(1, 3))
    sources = "\n".join(
        f"  - publisher: {rng.choice(PUBLISHERS)}\n"
        f'    title: "{_sentence(_Writer(rng, False))[:-1]}"\n'
        f"    kind: {rng.choice(('primary', 'secondary', 'quoted'))}"
        for _ in range(rng.randint(0, 4))
    )
    title = " ".join([*writer.focus[:2], *_sentence(writer)[:-1].split()[:6]]).capitalize()[:70]
    front = (
        "---\n"
        f'title: "{title} {number}"\n'
        f"published: {day.isoformat()}\n"
        f"language: {'fr' if french else 'en'}\n"
        f"outlet: {rng.choice(OUTLETS)}\n"
        f"kind: {rng.choice(KINDS)}\n"
        f"tags: [{', '.join(tags)}]\n"
        f'summary: "{_sentence(writer)}"\n'
        + (f"sources:\n{sources}\n" if sources else "")
        + "---\n\n"
    )
    blocks = [front, f"{opening}\n\n" if opening else ""]
    size = len(front)
    while size < target_size:
        block = _block(writer, number)
        blocks.append(block + "\n\n")
        size += len(block.encode("utf-8")) + 2
    return "".join(blocks)


def note_text(rng: random.Random, number: int, count: int, target_size: int) -> str:
    """A short note of about `target_size` bytes: a vault's note or a feed's item."""
    french = rng.random() < 0.3
    writer = _Writer(rng, french)
    title = " ".join([*writer.focus[:2], *_sentence(writer)[:-1].split()[:5]]).capitalize()[:60]
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))
    if rng.random() < 0.3:
        outlet = rng.choice(OUTLETS)
        url = f"https://{outlet.lower().replace(' ', '-')}.example/{day.year}/item-{number}"
        front = (
            "---\n"
            f'title: "{title} {number}"\n'
            f"outlet: {outlet}\n"
            f"author: {writer.word().capitalize()} {writer.word().capitalize()}\n"
            f"published: '{day.isoformat()}'\n"
            f"url: {url}\n"
            f"feed: https://{outlet.lower().replace(' ', '-')}.example/feed.xml\n"
            "sources:\n"
            f"- publisher: {outlet}\n"
            f'  title: "{title} {number}"\n'
            f"  url: {url}\n"
            "  kind: primary\n"
            "---\n\n"
        )
    else:
        tags = ", ".join(rng.sample(TAGS, rng.randint(0, 2)))
        front = f"---\ntags: [{tags}]\ncreated: {day.isoformat()}\n---\n\n" if tags else ""
        front += f"# {title} {number}\n\n"
    blocks, size = [front], len(front.encode("utf-8"))
    while size < target_size:
        block = _block(writer, number)
        if rng.random() < 0.3:
            block += f" See [[note-{rng.randrange(count):05d}]]."
        blocks.append(block + "\n\n")
        size += len(block.encode("utf-8")) + 2
    return "".join(blocks)


def generate(
    out: Path, count: int, seed: int = 7, big: bool = False, notes: bool = False
) -> list[Path]:
    """Write `count` articles (short notes with `notes`; and the two big ones with `big`)
    below `out`."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        folder = out / f"section-{number % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if notes:
            path = folder / f"note-{number:05d}.md"
            text = note_text(rng, number, count, rng.randint(2048, 4096))
        else:
            size = int(1024 * (50 ** rng.random()))  # 1 KB to 50 KB, most of them small
            path = folder / f"article-{number:05d}.md"
            text = article_text(rng, number, size)
        path.write_text(text, encoding="utf-8")
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
    parser.add_argument("--notes", action="store_true", help="short notes (2-4 KB) instead")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.big, args.notes)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
