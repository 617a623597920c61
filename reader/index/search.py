"""Full-text search: query parsing, ranking and snippets over an FTS5 table.

The table itself lives in the catalogue (`reader.index.catalogue`), which keeps it
up to date. Queries are typed by people, not by SQL experts: words (all must match), a
"quoted phrase", a trailing * for a prefix. Everything else (FTS5 operators,
brackets, stray quotes) is taken as plain text, so no query can be an error.
Matching ignores case and accents on both sides (`securite` finds `sécurité`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

MARK_START, MARK_END = "\ue000", "\ue001"
"""Private-use characters around matched words in snippets (styled by the list)."""
MIN_PREFIX = 3
"""Letters a word being typed needs before it is searched as a prefix."""
SNIPPETS = 20
"""Hits that get a snippet with the results; `SearchIndex.snippets` makes more on demand."""
SNIPPET_WIDTH = 90
WEIGHTS = (10.0, 4.0, 4.0, 3.0, 2.0, 1.0)
"""bm25 weights of title, summary, tags, outlet, sources, body: title hits rank first."""
_PART = f"SELECT rowid, bm25(docs, {', '.join(map(str, WEIGHTS))}) AS rank FROM {{}}.docs "
RANKED = (
    f"SELECT rowid, rank FROM ({_PART.format('main')} WHERE docs MATCH ?1 UNION ALL "
    f"{_PART.format('part2')} WHERE docs MATCH ?1) ORDER BY rank LIMIT ?2"
)
"""Matching rows of the index, best first, from both of its parts (see
`reader.index.catalogue_db`; parameters: the MATCH expression, a limit or -1)."""

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


# ---------------------------------------------------------------------------
# queries


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search: every term must match."""

    terms: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def match_expression(self) -> str:
        """The FTS5 MATCH string: each term quoted, so no user text acts as syntax."""
        parts = []
        for term in self.terms:
            quoted = '"' + term.text.replace('"', '""') + '"'
            parts.append(quoted + ("*" if term.prefix else ""))
        return " ".join(parts)


MAX_QUERY_CHARS = 200
"""The longest query read; the rest is ignored (a query is typed, not pasted from a file)."""
MAX_TERMS = 12
"""Words and phrases used from one query: each one costs a pass over the index."""
MAX_TERM_CHARS = 64
"""The longest word searched (the index holds no longer word worth finding)."""


def parse_query(text: str, as_you_type: bool = False) -> Query:
    """Words, "phrases" and prefix* from what the user typed; nothing else is syntax.

    `as_you_type`: the last word, still being typed, is taken as a prefix from
    `MIN_PREFIX` letters (so the list narrows with every key); a space after it
    makes it a whole word.
    Only the first MAX_QUERY_CHARS characters and MAX_TERMS terms count, and a
    word is cut to MAX_TERM_CHARS: a hostile query costs what a long one does.
    """
    text = text[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    for found in _TOKEN.finditer(text):
        if len(terms) >= MAX_TERMS:
            break
        phrase, word = found.group(1), found.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                words = [word[:MAX_TERM_CHARS] for word in phrase.split()]
                terms.append(Term(" ".join(words), phrase=True))
            continue
        prefix = word.endswith("*")
        word = word.rstrip("*")[:MAX_TERM_CHARS]
        if _WORD.search(word):
            terms.append(Term(word, prefix=prefix))
    typing = as_you_type and terms and not terms[-1].phrase and text[-1:] not in ("", " ", '"')
    # From three letters the word being typed is a prefix; a shorter one is searched
    # whole (UK, EU, AI), since as a prefix it would match nearly every article.
    if typing and len(terms[-1].text) >= MIN_PREFIX:
        terms[-1] = Term(terms[-1].text, prefix=True)
    return Query(tuple(terms))


@cache
def _variants() -> dict[str, str]:
    """Each ASCII letter with every accented Latin letter that folds to it."""
    table: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha():
            table.setdefault(base.lower(), {base.lower()}).update({char, char.lower()})
    return {base: "".join(sorted(chars)) for base, chars in table.items()}


def _accent_free(word: str) -> str:
    """A regex for a word that ignores accents: `e` also matches é, è, ê, ë..."""
    parts = []
    for char in word:
        base = unicodedata.normalize("NFD", char)[0].lower()
        variants = _variants().get(base)
        parts.append(f"[{re.escape(variants)}]" if variants else re.escape(char))
    return "".join(parts)


def search_pattern(query: Query) -> re.Pattern[str] | None:
    """A regex that finds what the query matched in plain text, ignoring case and accents.

    Used for snippets and for highlighting in the reading pane; it follows the
    index's tokenizer (words are runs of letters and digits).
    """
    if query.is_empty:
        return None
    alternatives = []
    for term in query.terms:
        words = [_accent_free(word) for word in re.findall(r"\w+", term.text)]
        if not words:
            continue
        tail = r"\w*" if term.prefix else r"\b"
        alternatives.append(r"\b" + r"\W+".join(words) + tail)
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def make_snippet(text: str, pattern: re.Pattern[str], width: int = SNIPPET_WIDTH) -> str:
    """The text around the first match, as plain text (a snippet is prose, not Markdown),
    matched words between MARK_START and MARK_END."""
    from reader.markdown.plain import plain_text

    first = pattern.search(text)
    if first is None:  # hidden by markup (`_front matter_`: `_` is a letter to a regex)
        begin, stop, region = 0, -1, plain_text(text)
    else:
        # Whole lines around the match made plain, then cut: cut first, a link at the edge
        # of the window kept half of its markup (`…coverage](https://ex…`).
        begin = text.rfind("\n", 0, max(0, first.start() - 3 * width)) + 1
        stop = text.find("\n", first.end() + 3 * width)
        region = plain_text(text[begin : len(text) if stop == -1 else stop])
    found = pattern.search(region)
    if found is None:  # the match was in markup (an address): no snippet from here
        return ""
    start = max(0, found.start() - width // 3)
    end = min(len(region), start + width)
    marked = pattern.sub(lambda m: f"{MARK_START}{m.group()}{MARK_END}", region[start:end])
    marked = " ".join(marked.split())
    before = start > 0 or begin > 0
    after = end < len(region) or stop != -1
    return ("…" if before else "") + marked + ("…" if after else "")


# ---------------------------------------------------------------------------
# the index


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    score: float
    snippet: str
    """Text around the best match, matched words between MARK_START and MARK_END."""


@dataclass(frozen=True)
class Results:
    """A search's answer: every matching article, best first, and the best ones' snippets.

    Kept as parallel lists, not an object per hit: a common word matches
    thousands of articles, and objects were a measurable part of a keystroke.
    """

    ids: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    snippets: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def hits(self, limit: int | None = None) -> list[Hit]:
        """The first `limit` results as Hit objects (for printing them)."""
        count = len(self.ids) if limit is None else min(limit, len(self.ids))
        return [
            Hit(self.ids[n], self.scores[n], self.snippets.get(self.ids[n], ""))
            for n in range(count)
        ]


def snippet_parts(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A marked snippet as (text, matched) parts, for whoever styles it."""
    pieces = snippet.replace(MARK_END, MARK_START).split(MARK_START)
    return tuple((piece, bool(number % 2)) for number, piece in enumerate(pieces) if piece)


Texts = Callable[[Sequence[int]], Mapping[int, Sequence[str]]]
"""The text of some rows of `docs`, most telling first (the body): the index keeps none."""


def search(
    db: sqlite3.Connection,
    query: Query | str,
    article_ids: Mapping[int, str],
    texts: Texts,
    limit: int | None = None,
    snippets: int = SNIPPETS,
    titles: Titles | None = None,
) -> Results:
    """Articles matching every term, best first, from the `docs` FTS5 table of `db`.

    `article_ids` maps the table's rowids to article ids: reading the id
    column of every match from the table itself cost three times the ranking.
    A rowid it does not have is an entry left by a changed or removed file,
    and is skipped. Each article is listed once (a duplicate-id file may be
    indexed too). An empty query matches nothing. Every match is returned (or
    `limit`), and the best `snippets` of them come with a snippet;
    `make_snippets` makes the others when they are needed. With `titles`, an
    article of the first `TITLE_FIRST` whose title is the query, or starts with
    it, comes first (`title_closeness`).
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.is_empty:
        return Results()
    # Every term is quoted (quotes doubled), so no user input is FTS5 syntax; an
    # error here is a bug, and is left to surface rather than look like "no match".
    cursor = db.execute(RANKED, (parsed.match_expression(), -1))  # `limit` counts articles
    ids: list[str] = []
    scores: list[float] = []
    rowids: list[int] = []
    seen: set[str] = set()
    for rowid, rank in cursor:
        article_id = article_ids.get(rowid)
        if article_id is None or article_id in seen:
            continue
        seen.add(article_id)
        ids.append(article_id)
        scores.append(-rank)
        rowids.append(rowid)
        if limit is not None and len(ids) >= limit:
            break
    if titles is not None and rowids:
        named = titles(rowids[:TITLE_FIRST])
        head = sorted(
            range(min(TITLE_FIRST, len(rowids))),
            key=lambda n: title_closeness(parsed, named.get(rowids[n], "")),
        )  # stable: bm25's order among equals
        ids[: len(head)] = [ids[n] for n in head]
        scores[: len(head)] = [scores[n] for n in head]
        rowids[: len(head)] = [rowids[n] for n in head]
    marked = make_snippets(texts, parsed, rowids[:snippets])
    return Results(ids, scores, {article_ids[row]: text for row, text in marked.items()})


TITLE_FIRST = 50
"""Of the best matches, this many are looked at again: a title that is the query, or starts
with it, comes first (bm25 weighs a word in a long body against one in a title)."""
Titles = Callable[[Sequence[int]], Mapping[int, str]]


def folded(text: str) -> str:
    """Lower case without accents: `resume` finds `Résumé` (the help's filter too)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    """Lower case words without accents, as the index's tokenizer sees them."""
    return re.findall(r"\w+", folded(text))


def title_closeness(query: Query, title: str) -> int:
    """0: the title is the query's words; 1: it starts with them; 2: neither."""
    wanted = [word for term in query.terms for word in _words(term.text)]
    words = _words(title)
    if not wanted or len(words) < len(wanted):
        return 2
    if words == wanted:
        return 0
    head, last = words[: len(wanted) - 1], words[len(wanted) - 1]
    if head == wanted[:-1] and (last == wanted[-1] or last.startswith(wanted[-1])):
        return 1
    return 2


def make_snippets(texts: Texts, query: Query, rowids: Sequence[int]) -> dict[int, str]:
    """Snippets for these rows: the text around the first match.

    Made in Python from the text (a regex that ignores accents), not by
    FTS5's snippet(), which needs the text stored in the index and would
    evaluate the whole query again.
    """
    pattern = search_pattern(query)
    if pattern is None or not rowids:
        return {}
    result = {}
    for rowid, columns in texts(rowids).items():
        for text in columns:
            snippet = make_snippet(text or "", pattern)
            if snippet:
                result[rowid] = snippet
                break
    return result
