"""Rendered lines made into the reading view's strips: placed in the column, padded.

Kept apart from `article_view` so the view holds the logic of what to draw,
and this the few lines of Rich and Textual arithmetic of how.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style

    from reader.markdown.rendering import Line


def in_column(line: Line, margin: int, width: int, base: Style) -> Strip:
    """`line` after `margin` blank cells, on the `base` style, exactly `width` cells wide."""
    segments = [Segment(" " * margin), *line]
    return Strip(segments).apply_style(base).adjust_cell_length(width, base)


def centred(message: str, width: int, style: Style, console: Console) -> Strip:
    """One line of `message`, centred in `width` cells (cut with an ellipsis if too long)."""
    text = Text(message, style=style, no_wrap=True)
    text.truncate(width, overflow="ellipsis")
    text.align("center", width)
    return Strip(list(text.render(console)), width).adjust_cell_length(width, style)
