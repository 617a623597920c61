"""In every theme Textual ships, the list's cursor row, a selected link and a search match stand
out from what is around them, and their text stays readable (WCAG contrast ratios)."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color
from rich.style import Style

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import build_app, open_article

MARKED_FROM_AROUND = 1.4
"""A marked row or word against the background around it: plainly tinted."""
CURSOR_FROM_AROUND = 2.5
"""The focused list's cursor row against the list: what the keys act on."""
READABLE = 3.0
"""Text on a marked background (WCAG's minimum for bold and large text)."""


def contrast(one: Color, other: Color) -> float:
    def luminance(color: Color) -> float:
        red, green, blue = (
            value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
            for value in (part / 255 for part in color.get_truecolor())
        )
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def measured(around: Style, marked: Style) -> tuple[float, float]:
    """(marked background against the one around, its text against it)."""
    assert around.bgcolor is not None and marked.bgcolor is not None
    text = marked.color or around.color
    assert text is not None
    return contrast(marked.bgcolor, around.bgcolor), contrast(text, marked.bgcolor)


def check(theme: str, what: str, around: Style, marked: Style, floor: float) -> list[str]:
    """What falls short of the floors, worded for the failure's message."""
    tint, text = measured(around, marked)
    if tint < floor or text < READABLE:
        return [f"{theme}: {what} {tint:.2f} from around, its text {text:.2f}"]
    return []


async def test_cursor_rows_links_and_matches_stand_out_in_every_theme(library_dir: Path) -> None:
    app = build_app(library_dir)
    low: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot)
        article_list = app.screen.query_one(ArticleList)
        themes = [name for name in sorted(app.available_themes) if not name.startswith("ansi")]
        assert len(themes) >= 15
        assert isinstance(pane, ReadingPane)
        for name in themes:
            app.theme = name
            # (the widget with the focus, what the cursor row is then, its floor)
            for focused, what, floor in (
                (article_list, "cursor", CURSOR_FROM_AROUND),
                (pane, "unfocused cursor", MARKED_FROM_AROUND),
            ):
                focused.focus()
                await pilot.pause()
                cursor = article_list.get_component_rich_style("article-list--cursor")
                low += check(name, what, article_list.rich_style, cursor, floor)
            for part in ("reading-pane--link-selected", "reading-pane--match"):
                marked = pane.get_component_rich_style(part)
                low += check(name, part, pane.rich_style, marked, MARKED_FROM_AROUND)
    assert not low, "\n".join(low)
