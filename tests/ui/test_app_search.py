"""Search and filters in the interface, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.message import Message

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.footer import WholeKeysFooter
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_box import SearchBox
from tests.ui.helpers import build_app, notices, on_screen, open_article, settle, visible_text


def footer_keys(app) -> set[str]:  # type: ignore[no-untyped-def]
    """The descriptions of the keys the footer shows."""
    keys = app.screen.query_one(WholeKeysFooter).query("FooterKey")
    return {str(key.description) for key in keys if key.display}


def list_title(app) -> str:  # type: ignore[no-untyped-def]
    """The top line of the list's box: its title, or the filters and counts."""
    return visible_text(app.screen.query_one(ArticleList)).splitlines()[0]


def listed(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.id for a in app.screen.query_one(ArticleList).articles]


async def test_typing_narrows_the_list_as_you_type(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not any(on_screen(box) for box in app.screen.query(SearchBox))
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one(SearchBox).has_focus
        await pilot.press("s", "e", "c")
        await settle(pilot)
        # The word being typed is a prefix: 'sec' already finds 'sécurité'.
        assert set(listed(app)) == {"first", "world/second-fr"}
        await pilot.press(*"urite")
        await settle(pilot)
        assert set(listed(app)) == {"first", "world/second-fr"}
        text = visible_text(app.screen.query_one(ArticleList))
        assert "sécurité" in text  # the snippet, not the date line
        assert "2 of 4 · “securite”" in list_title(app)


async def test_escape_clears_and_enter_opens_the_first_hit(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"english")
        await settle(pilot)
        assert listed(app) == ["world/second-en"]
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "world/second-en"
        await pilot.press("escape", "slash", "escape")
        await settle(pilot)
        assert len(listed(app)) == 4
        assert app.screen.query_one(SearchBox).value == ""
        assert app.screen.query_one(ArticleList).has_focus


async def test_garbage_queries_show_no_error(library_dir: Path) -> None:
    seen: list[Message] = []
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'( " * ) : ^ -')
        await settle(pilot)
        # Nothing searchable was typed: the whole list stays, and nothing went wrong.
        assert len(listed(app)) == 4
        await pilot.press(*" zzzz ")
        await settle(pilot)
        assert listed(app) == []
        assert "Nothing matches" in visible_text(app.screen.query_one(ArticleList))
    assert not [n for n in notices(seen) if "rror" in n]


async def test_matches_are_highlighted_and_brackets_jump_between_them(tmp_path: Path) -> None:
    body = "\n\n".join(
        f"Paragraph {n}: " + ("the needle is here. " if n in (5, 40, 80) else "") + "filler " * 60
        for n in range(100)
    )
    (tmp_path / "hay.md").write_text(f"---\ntitle: Haystack\n---\n{body}\n", encoding="utf-8")
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"needle", "enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.match_count == 3
        assert {"Next match", "Previous match"} <= footer_keys(app)
        seen = []
        for number in (1, 2, 3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            text = visible_text(pane)
            assert "needle" in text
            assert f"match {number} of 3 · " in str(pane.border_subtitle)
            seen.append(text.split("Paragraph ")[1].split(":")[0])
        assert [int(n) for n in seen] == sorted(int(n) for n in seen)
        assert int(seen[-1]) >= 79
        top = pane.scroll_y
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert pane.scroll_y < top and "needle" in visible_text(pane)
        assert "match 2 of 3 · " in str(pane.border_subtitle)
        match_style = pane.get_component_rich_style("reading-pane--match")
        strips = pane.render_lines(pane.region.reset_offset)
        styled = [seg for strip in strips for seg in strip if "needle" in seg.text]
        assert any(seg.style and seg.style.bgcolor == match_style.bgcolor for seg in styled)
        await pilot.press("escape", "x")  # the search cleared: no match keys
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert "Next match" not in footer_keys(app)
        assert "match" not in str(pane.border_subtitle)  # nor a match in the border
        assert "%" in str(pane.border_subtitle)


async def test_filters_combine_show_counts_and_clear(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")  # most common language first: English
        assert listed(app) == ["first", "world/second-en"]
        assert "2 of 4 · English" in list_title(app)
        # In the box's own border: its top stays in line with the other panes'.
        tops = {pane.region.y for pane in app.screen.query("ArticleList, ReadingPane")}
        assert len(tops) == 1
        await pilot.press("m", "2")  # mark Alpha read, then unread only
        assert listed(app) == ["world/second-en"]
        await pilot.press("slash", *"report")
        await settle(pilot)
        assert listed(app) == ["world/second-en"]
        await pilot.press("escape", "x")
        await settle(pilot)
        assert len(listed(app)) == 4
        assert "Articles (4) ─" in list_title(app)


async def test_palette_opens_articles_and_applies_filters(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"open gamma")
        pane = await open_article(pilot)
        assert pane.article is not None and pane.article.id == "undated"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tag: alpha")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == ["first"]
        assert "#alpha" in list_title(app)


async def test_letters_typed_in_the_search_field_are_text_not_commands(library_dir: Path) -> None:
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"quit bsm")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one(SearchBox).value == "quit bsm"
        assert app.session.state("first").bookmark is None
        assert not app.session.state("first").read


async def test_a_query_typed_in_one_burst_lands_in_the_field_not_in_the_list(
    library_dir: Path,
) -> None:
    # A fast typist, or a paste: every key is queued before the first is handled.
    # The list treats letters as commands (`n` opens the next article).
    app = build_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for name, character in [("slash", "/"), *((c, c) for c in "beta"), ("enter", "\r")]:
            app.post_message(events.Key(name, character))
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "beta"
        assert set(listed(app)) == {"world/second-en", "world/second-fr"}  # bêta too
        pane = app.screen.query_one(ReadingPane)  # nothing was open: Enter opened the first hit
        assert pane.article is not None and pane.article.id == listed(app)[0]
        await pilot.press("slash", "escape")  # `/` typed in the field is text, not a command
        await pilot.press("slash", *"a/b")
        assert app.screen.query_one(SearchBox).value == "a/b"


async def test_a_two_letter_search_searches(tmp_path: Path) -> None:
    """UK, EU, AI: a short word is searched whole, and the bar counts what it found."""
    (tmp_path / "uk.md").write_text("---\ntitle: Britain\n---\nThe UK joins the coalition.\n")
    (tmp_path / "ukraine.md").write_text("---\ntitle: Kyiv\n---\nUkraine and the coalition.\n")
    (tmp_path / "other.md").write_text("---\ntitle: Other\n---\nNothing of the kind.\n")
    app = build_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "u", "k")
        await settle(pilot)
        assert listed(app) == ["uk"]
        assert "1 of 3 · “uk”" in list_title(app)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_ctrl_f_finds_in_the_open_article_alone(
    tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    body = "\n\n".join(
        f"Paragraph {n}: " + ("the needle is here. " if n in (30, 60) else "") + "filler " * 40
        for n in range(80)
    )
    (tmp_path / "hay.md").write_text(f"---\ntitle: Haystack\n---\n{body}\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("---\ntitle: Other\n---\nNo such word.\n", "utf-8")
    app = build_app(tmp_path, language=language)
    seen: list[Message] = []
    async with app.run_test(size=size, message_hook=seen.append) as pilot:
        pane = await open_article(pilot, "hay")
        listed = len(app.screen.query_one(ArticleList).articles)
        await pilot.press("ctrl+f", *"needle", "enter")
        await settle(pilot)
        assert pane.match_count == 2 and "needle" in visible_text(pane)
        word = {"en": "match", "fr": "résultat"}[language]
        assert f"{word} 1" in str(pane.border_subtitle).lower()
        assert len(app.screen.query_one(ArticleList).articles) == listed  # the list as it was
        await pilot.press("ctrl+f", *"absent", "enter")
        await settle(pilot)
        assert any("absent" in text for text in notices(seen))
