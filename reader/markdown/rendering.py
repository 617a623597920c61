"""Article parts to lines of rich Segments at a given width.

Rich only, no Textual: the reading pane turns these lines into strips, the
`show` command prints them, and a worker thread measures heights with them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from reader.library.article import Article, DatePrecision
from reader.library.sanitize import clean, has_controls
from reader.library.vocabulary import kind_name, language_name
from reader.settings.i18n import t

Line = list[Segment]
CODE_THEME = "ansi_dark"
"""Code blocks use the terminal's own palette, so they follow the user's colours."""


def format_date(date: dt.date | None, precision: DatePrecision = "day") -> str:
    """`19 January 2026` / `19 janvier 2026` (or the month, or the year), in the interface's
    language and independent of the process locale."""
    if date is None:
        return ""
    if precision == "year":
        return str(date.year)
    month = t(f"date.month.{date.month}")
    if precision == "month":
        return t("date.month_year", month=month, year=date.year)
    day = t("date.first_day") if date.day == 1 else str(date.day)
    return t("date.full", day=day, month=month, year=date.year)


_LOOSE_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})(?:er)?\s+)?(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})", re.IGNORECASE
)
_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@functools.cache
def _month_numbers() -> dict[str, int]:
    """Month names of every language the interface speaks, to their numbers."""
    from reader.settings.strings import STRINGS

    return {
        name.casefold(): number
        for number in range(1, 13)
        for name in STRINGS[f"date.month.{number}"]
    }


def source_date(text: str) -> str:
    """A source's date as the material gave it (`2026-01-19`, `19 January 2026`,
    `janvier 2026`), written as the interface writes dates; text that is no date
    such as these is shown as it is."""
    stripped = text.strip()
    iso = _ISO.fullmatch(stripped)
    loose = None if iso else _LOOSE_DATE.fullmatch(stripped)
    if iso is not None:
        year, month, day = iso.group("year", "month", "day")
        number = int(month) if month else None
    elif loose is not None:
        year, day = loose.group("year", "day")
        number = _month_numbers().get(loose.group("month").casefold())
        if number is None:
            return text
    else:
        return text
    precision: DatePrecision = "day" if day else "month" if number else "year"
    try:
        date = dt.date(int(year), number or 1, int(day) if day else 1)
    except ValueError:
        return text
    return format_date(date, precision)


def offscreen_console(width: int) -> Console:
    """A console that renders into memory: for measuring in a worker thread."""
    return Console(
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )


def _is_blank(line: Line) -> bool:
    return all(not segment.text.strip() for segment in line)


def _trim(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and _is_blank(lines[start]):
        start += 1
    while end > start and _is_blank(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _safe(lines: list[Line]) -> list[Line]:
    # Bodies are cleaned when read; this is the last line of defence in case a
    # renderer ever produces a control character (from an entity, say).
    return [
        [
            Segment(clean(seg.text), seg.style) if has_controls(seg.text) else seg
            for seg in line
            if not seg.control
        ]
        for line in lines
    ]


def markdown_lines(
    text: str, console: Console, width: int, references: str = "", links: bool = False
) -> list[Line]:
    """Render one section of Markdown to lines, without leading or trailing blank lines.

    `links`: link texts carry their target in the style (for a widget to make
    them actionable) instead of showing the address after the text.
    """
    source = f"{text}\n\n{references}" if references else text
    from reader.markdown.extensions import THEME, markdown_class

    renderable = markdown_class()(source, hyperlinks=links, code_theme=CODE_THEME)
    options = console.options.update(width=width, max_width=width, height=None)
    with console.use_theme(THEME):  # per thread: the measuring worker has its own
        lines = console.render_lines(renderable, options, pad=False)
    return _safe(_trim(lines))


@dataclass(frozen=True, slots=True)
class HeaderStyles:
    """How the article header looks; the widget fills these from its CSS."""

    title: Style = Style(bold=True)
    meta: Style = Style(dim=True)
    summary: Style = Style(italic=True)
    link: Style = Style(underline=True)
    rule: Style = Style(dim=True)

    @classmethod
    def named(cls, style: Callable[[str], Style], prefix: str) -> HeaderStyles:
        """Each style looked up as `prefix` + its name (a widget's component classes)."""
        return cls(*(style(prefix + field.name) for field in dataclasses.fields(cls)))


def byline(article: Article) -> str:
    """Author, outlet, date, kind, language and reading time, as one line of text."""
    kind = kind_name(article.kind) if article.kind else ""
    name = language_name(article.language)
    # A name gets a capital (French ones are lower case mid-sentence); a bare code does not.
    language = _initial_capital(name) if name != article.language else name
    parts = [
        t("header.by", author=article.author) if article.author else "",
        article.outlet or "",
        format_date(article.published, article.date_precision),
        _initial_capital(kind),
        language,
        t("header.minutes", minutes=article.reading_minutes),
    ]
    return " · ".join(part for part in parts if part)


def _initial_capital(text: str) -> str:
    """`Rapport`, `Anglais`: the first letter only (`capitalize` would lower the rest)."""
    return text[:1].upper() + text[1:]


def header_lines(
    article: Article,
    translations: Sequence[Article],
    console: Console,
    width: int,
    styles: HeaderStyles = HeaderStyles(),
) -> list[Line]:
    """The article's header: title, byline, summary, links to its translations, a rule.

    A translation link carries a click action (`open_translation(N)`) for the
    widget that shows it.
    """
    groups: list[list[Text]] = [[Text(article.title, style=styles.title)]]
    groups[0].append(Text(byline(article), style=styles.meta))
    if article.summary:
        groups.append([Text(article.summary, style=styles.summary)])
    links = []
    for number, other in enumerate(translations):
        language = language_name(other.language) or other.id
        action = Style(meta={"@click": f"open_translation({number})"})
        links.append(
            Text.assemble(
                (t("header.also_in"), styles.meta),
                (
                    t("header.translation", language=language, title=other.title),
                    styles.link + action,
                ),
            )
        )
    if links:
        groups.append(links)
    groups.append([Text("─" * width, style=styles.rule)])
    options = console.options.update(width=width, max_width=width, height=None)
    lines: list[Line] = []
    for index, group in enumerate(groups):
        if index:
            lines.append([])
        for text in group:
            lines.extend(console.render_lines(text, options, pad=False))
    return _safe(lines)
