"""The command palette: every action by name with its key, above article titles, in a fixed
order whatever the language."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from reader.ui.widgets.reading_pane import ReadingPane
from tests.ui.helpers import build_app, open_article, settle


async def palette_entries(pilot, typed: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """The palette's lines (label and help) after typing `typed`."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    if typed:
        await pilot.press(*typed)
        await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    options = pilot.app.screen.query_one(CommandList)
    entries = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return entries


async def test_every_action_is_in_the_palette_with_its_key(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot)
        entries = "\n".join(await palette_entries(pilot))
        for label, keys in [
            ("Bookmark", "key b"),
            ("Mark read/unread", "key m"),
            ("Outline", "key o"),
            ("Translation", "key t"),
            ("Show/hide sources", "key s"),
            ("Refresh", "key r"),
            ("Wider list (or sidebar)", "key >"),
            ("Next match", "key ]"),
            ("Unread only", "key 2"),
        ]:
            assert label in entries, label
            assert f"{label}\n{keys}" in entries, (label, keys)


async def test_a_matching_command_ranks_above_article_titles(tmp_path: Path) -> None:
    (tmp_path / "outline.md").write_text(
        "---\ntitle: An outline of the alliance\n---\nText.\n", encoding="utf-8"
    )
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot)
        entries = await palette_entries(pilot, "outline")
        assert entries[0].startswith("Outline")
        assert any("An outline of the alliance" in entry for entry in entries[1:])
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"wider text", "enter")  # a pane's action runs on that pane
        await settle(pilot)
        assert app.screen.query_one(ReadingPane).column_width > 80
        assert pane.article is not None


async def test_the_palette_lists_the_same_commands_in_the_same_order_in_french(
    library_dir: Path,
) -> None:
    orders = []
    for language in ("en", "fr"):
        app = build_app(library_dir, language=language)
        async with app.run_test(size=(120, 40)) as pilot:
            await open_article(pilot)
            entries = await palette_entries(pilot)
            # The keys name each command whatever the language.
            orders.append([entry.split("\n")[-1].split()[-1] for entry in entries[:25]])
    assert orders[0] == orders[1]


async def test_content_problems_are_listed_in_the_app(tmp_path: Path) -> None:
    from textual.message import Message

    from reader.ui.screens.problems import ProblemsScreen
    from tests.ui.helpers import notices, visible_text

    (tmp_path / "good.md").write_text("---\ntitle: Good\n---\nText.\n", encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    messages: list[Message] = []
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert any("Content problems" in text and "Ctrl+P" in text for text in notices(messages))
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Content problems", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        text = visible_text(app.screen.query_one("#problems"))
        assert "broken.md:2: error:" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)
