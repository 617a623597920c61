"""Reading comfort: translation switch, outline, text width and theme that persist."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.settings.config import resolve_settings
from reader.state.store import Store
from reader.ui.app import make_app
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.outline import OutlineScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import build_app, notices, open_article, settle, visible_text


def _write_pair(folder: Path) -> None:
    for language, word in (("en", "Part"), ("fr", "Partie")):
        body = "\n\n".join(f"## {word} {n}\n\n" + f"{word} {n} text. " * 120 for n in range(1, 13))
        translation = "translation_of: long-en\n" if language == "fr" else ""
        (folder / f"long-{language}.md").write_text(
            f"---\ntitle: Long {language}\npublished: 2026-01-0{1 if language == 'en' else 2}\n"
            f"language: {language}\n{translation}---\n\n{body}\n",
            encoding="utf-8",
        )


async def test_t_switches_to_the_translation_at_the_same_place(tmp_path: Path) -> None:
    _write_pair(tmp_path)
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "long-en")
        for _ in range(40):
            await pilot.press("space")
        await settle(pilot)
        english = visible_text(pane)
        part = next(n for n in range(12, 0, -1) if f"Part {n} text" in english)
        assert part > 4
        await pilot.press("t")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "long-fr"
        french = visible_text(pane)
        assert any(f"Partie {n} text" in french for n in (part - 1, part, part + 1))
        await pilot.press("t")
        await settle(pilot)
        assert pane.article.id == "long-en"


async def test_outline_lists_headings_and_goes_to_one(tmp_path: Path) -> None:
    _write_pair(tmp_path)
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(ArticleList).move_to("long-en")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
        outline = app.screen.query_one(OptionList)
        labels = [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]
        assert labels == ["In long-en.md"] + [f"Part {n}" for n in range(1, 13)]
        for _ in range(8):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert not isinstance(app.screen, OutlineScreen)
        assert visible_text(pane).splitlines()[1].strip("│ ").startswith("Part 9")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_outline_indents_each_level_below_the_highest(
    tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    (tmp_path / "nested.md").write_text(
        "---\ntitle: Nested\n---\n## Part one\n\nText.\n\n### A detail\n\nMore.\n\n"
        "#### A finer one\n\nEven more.\n\n## Part two\n\nThe end.\n",
        encoding="utf-8",
    )
    app = build_app(tmp_path, language=language)
    async with app.run_test(size=size) as pilot:
        await open_article(pilot)
        await pilot.press("o")
        await pilot.pause()
        outline = app.screen.query_one(OptionList)
        labels = [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]
        assert labels[1:] == ["Part one", "  A detail", "    A finer one", "Part two"]
        assert "  A detail" in visible_text(outline)  # as drawn, not only as given
        where = {"en": "In nested.md", "fr": "Dans nested.md"}[language]
        assert labels[0] == where and where in visible_text(outline)  # where the page lives


async def test_text_width_changes_and_persists(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(200, 40)) as pilot:
        pane = await open_article(pilot)
        assert pane.column_width == 80
        await pilot.press("-", "-")
        await settle(pilot)
        assert pane.column_width == 72
        inner = [line.strip("│").strip() for line in visible_text(pane).splitlines()[1:-1]]
        assert max(len(line) for line in inner) <= 72
    again = build_app(library_dir)
    async with again.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        assert again.screen.query_one(ReadingPane).column_width == 72


async def test_chosen_theme_is_kept_across_launches(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
    store = Store.open(Path(os.environ["READER_DATA_DIR"]))
    assert store.session("theme") == "textual-light"
    store.close()
    again = build_app(library_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_a_source_link_opens_only_after_a_yes(library_dir: Path, monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    seen: list = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")  # to the sources; the cursor is on the first source
        sidebar = app.screen.query_one(SourcesSidebar)
        assert sidebar.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "https://example.org/primary" in visible_text(
            app.screen.query_one("#confirm-detail")
        )
        await pilot.press("n")
        await settle(pilot)
        assert opened == []
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert opened == ["https://example.org/primary"]
        await pilot.press("down", "enter")  # a source without a link
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
    assert any("has no link" in n for n in notices(seen))


async def test_c_copies_a_source_link(library_dir: Path) -> None:
    app = build_app(library_dir)
    copied: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "c")
        await pilot.pause()
    assert copied == ["https://example.org/primary"]


def _write_links(folder: Path) -> None:
    (folder / "links.md").write_text(
        "---\ntitle: Links\npublished: 2026-02-01\n---\n\n"
        "See [the beta report](reader:world/second-en) first.\n\n"
        "Then [the French one](world/second-fr.md) and [the web](https://example.org/x).\n",
        encoding="utf-8",
    )


async def test_links_are_selected_followed_and_come_back(library_dir: Path, monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    _write_links(library_dir)
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "links")
        text = visible_text(pane)
        assert "the beta report" in text and "reader:world" not in text  # no raw address
        await pilot.press(".", "enter")  # the real characters, as a terminal sends them
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "world/second-en"
        await pilot.press("backspace")
        await settle(pilot)
        assert pane.article.id == "links"
        await pilot.press(".", ".", "enter")
        await settle(pilot)
        assert pane.article.id == "world/second-fr"
        await pilot.press("alt+left")
        await settle(pilot)
        await pilot.press(".", ".", ",", ".", ".", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "https://example.org/x" in visible_text(app.screen.query_one("#confirm-detail"))
        await pilot.press("y")
        await settle(pilot)
    assert opened == ["https://example.org/x"]


async def test_clicking_a_link_follows_it(library_dir: Path) -> None:
    _write_links(library_dir)
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_article(pilot, "links")
        lines = visible_text(pane).splitlines()
        [row] = [n for n, line in enumerate(lines) if "the beta report" in line]
        await pilot.click(ReadingPane, offset=(lines[row].index("beta"), row))
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "world/second-en"


async def test_help_shows_the_keys_the_user_chose(library_dir: Path) -> None:
    settings = resolve_settings(content_dirs=[library_dir], include_bundled=False)
    app = make_app(replace(settings, keys={"main.next": "right,N"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = "\n".join(visible_text(w) for w in app.screen.query(".help-group"))
        [row] = [line for line in text.splitlines() if "Next article" in line and "→" in line]
        assert "N" in row and " n " not in row
