"""Helpers for driving the interface in tests."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual.geometry import Region
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled

from reader.settings.config import resolve_settings
from reader.ui.app import ReaderApp, make_app
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane

LongArticleWriter = Callable[[Path, int], Path]
"""The `write_long_article` fixture: (folder, paragraphs) -> the file written."""


SIZES = [(40, 12), (80, 24), (120, 40), (200, 60)]
"""Terminal sizes from small to wide: what a layout must hold at each."""


def build_app(*folders: Path, bundled: bool = False, language: str | None = None) -> ReaderApp:
    settings = resolve_settings(content_dirs=folders, include_bundled=bundled)
    if language is not None:
        settings = replace(settings, language=language)
    return make_app(settings)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and the screen catch up (no sleeping)."""
    app = pilot.app
    for _ in range(3):
        # An exclusive worker (the library's) may make way for a newer one: wait again.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()


def visible_text(widget: Widget) -> str:
    """What the widget shows on screen right now, line by line."""
    width, height = widget.outer_size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "\n".join(strip.text for strip in strips)


def notices(messages: list[Message]) -> list[str]:
    """The text of every notification among recorded messages."""
    return [
        f"{m.notification.title}: {m.notification.message}"
        for m in messages
        if isinstance(m, Notify)
    ]


def on_screen(widget: Widget) -> bool:
    """Whether the user can see the widget (it, and every container of it, is displayed)."""
    return widget.region.area > 0


async def open_article(pilot: Pilot[None], article_id: str | None = None) -> ReadingPane:
    """Wait for the library, open an article (the highlighted one by default), wait again."""
    await settle(pilot)
    if article_id is not None:
        assert pilot.app.screen.query_one(ArticleList).move_to(article_id)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ReadingPane)
