"""A notes folder in the interface: wikilinks followed to their heading, and backlinks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.sources_sidebar import SourcesSidebar
from tests.ui.helpers import build_app, notices, open_article, settle, visible_text
from tests.vault import build_vault


async def test_a_wikilink_opens_the_note_at_its_heading_and_backspace_comes_back(
    tmp_path: Path,
) -> None:
    vault = build_vault(tmp_path)
    app = build_app(vault)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_article(pilot, "Project ideas")
        text = visible_text(pane).split("Folded tip")[0]  # code further down shows [[ as is
        flat = " ".join(text.replace("│", " ").split())
        assert "[[Reading" not in text and "See Reading list, the books" in flat
        await pilot.press("full_stop", "full_stop")  # the second link: [[Reading list#Books|…]]
        await pilot.press("enter")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "Reading list"
        top = visible_text(pane).split("\n")
        assert "Books" in top[1], top[:3]  # opened at the heading, not at the top
        await pilot.press("backspace")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "Project ideas"


async def test_the_sidebar_lists_the_notes_that_link_here_and_opens_them(tmp_path: Path) -> None:
    vault = build_vault(tmp_path)
    app = build_app(vault)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_article(pilot, "Project ideas")
        sidebar = app.screen.query_one(SourcesSidebar)
        shown = visible_text(sidebar)
        assert "Linked from (2)" in shown
        assert "Hugo page" in shown and "Welcome to jekyll" in shown
        assert "No sources listed." not in shown
        assert "Links (1)" in shown and "https://example.org/page" in shown  # the body cites
        assert "In this library (3)" in shown  # named by the notes' titles, not the link words
        assert "Reading list › Books" in shown and "the books" not in shown
        sidebar.focus()
        await pilot.pause()
        await pilot.press("end", "enter")  # the last note linking here; no confirmation needed
        await settle(pilot)
        assert pane.article is not None and pane.article.title in ("Hugo page", "Welcome to jekyll")


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_a_vault_whose_notes_are_named_by_their_files_opens_without_a_notice(
    tmp_path: Path, language: str
) -> None:
    (tmp_path / "Daily plan.md").write_text("Call [[Tabs]] back.\n", encoding="utf-8")
    (tmp_path / "Tabs.md").write_text("tags: none here, just text\n", encoding="utf-8")
    (tmp_path / "Ideas").mkdir()
    (tmp_path / "Ideas" / "Reading list.md").write_text("- one\n- two\n", encoding="utf-8")
    app = build_app(tmp_path, language=language)
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await settle(pilot)
        titles = {article.title for article in app.screen.query_one(ArticleList).articles}
        assert titles == {"Daily plan", "Tabs", "Reading list"}
        assert notices(seen) == []  # a file's name as its title is how notes are written


async def test_a_hugo_site_s_links_by_site_path_ref_and_relative_path_open_their_pages(
    tmp_path: Path,
) -> None:
    root = tmp_path / "site"
    pages = {
        "content/en/content-management/shortcodes.md": "Shortcodes",
        "content/en/methods/page/date/index.md": "Date",
        "content/en/templates/shortcodes.md": "Shortcodes",  # the same title elsewhere
    }
    for path, title in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(f"---\ntitle: {title}\n---\n## Use\n\nText.\n", "utf-8")
    usage = root / "content/en/getting-started/usage.md"
    usage.parent.mkdir(parents=True)
    usage.write_text(
        "---\ntitle: Basic usage\n---\nSee [the shortcodes](/content-management/shortcodes/#use),"
        ' [them again]({{< ref "shortcodes.md" >}}) and [dates](../../methods/page/date/).\n',
        "utf-8",
    )
    app = build_app(root)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_article(pilot, "content/en/getting-started/usage")
        assert "{{<" not in visible_text(pane)
        listed = visible_text(app.screen.query_one(SourcesSidebar))
        assert "In this library (3)" in listed and "Shortcodes › use" in listed
        assert "Date" in listed and "Links (" not in listed  # none taken for the web
        assert str(pane.border_title) == "Basic usage"  # a title of its own: no folder
        expected = ["Shortcodes", "Shortcodes", "Date"]
        for number, title in enumerate(expected, start=1):
            await pilot.press(*["full_stop"] * number, "enter")
            await settle(pilot)
            assert pane.article is not None and pane.article.title == title, number
            if number == 1:  # two pages are called Shortcodes: the border says which
                assert str(pane.border_title) == "Shortcodes · content/en/content-management/"
            await pilot.press("backspace")
            await settle(pilot)
            assert pane.article is not None and pane.article.title == "Basic usage"


async def test_a_note_that_arrives_makes_the_open_note_s_link_to_it_live(tmp_path: Path) -> None:
    (tmp_path / "Plans.md").write_text("# Plans\n\nCall [[Later note]] back.\n", encoding="utf-8")
    app = build_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await open_article(pilot, "Plans")
        sidebar = app.screen.query_one(SourcesSidebar)
        assert "In this library" not in visible_text(sidebar)  # it leads nowhere yet
        (tmp_path / "Later note.md").write_text("# Later note\n\nHere now.\n", encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "Plans"  # still open, redrawn
        assert "In this library (1)" in visible_text(sidebar)
        await pilot.press("full_stop", "enter")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "Later note"


async def test_the_sidebar_lists_every_link_of_the_body_as_reader_show_does(
    tmp_path: Path,
) -> None:
    import io
    import json

    from reader.cli import main

    root = tmp_path / "site"
    (root / "content/methods").mkdir(parents=True)
    (root / "content/methods/date.md").write_text("---\ntitle: Date\n---\nA date.\n", "utf-8")
    page = root / "content/front-matter.md"
    page.write_text(
        "---\ntitle: Configure front matter\n---\n"
        "| Field | Meaning |\n|---|---|\n| date | see [the date method](/methods/date/) |\n"
        "| lastmod | [Git info](https://gohugo.io/methods/page/gitinfo/) |\n\n"
        "Term\n:   Defined by [the spec][toml], and <https://yaml.org/spec/>.\n\n"
        "Also https://json.org/ and [TOML](https://toml.io/) once more: [TOML][toml].\n\n"
        "[toml]: https://toml.io/\n",
        "utf-8",
    )
    out = io.StringIO()
    code = main(
        ["show", "content/front-matter", "--json", "--no-bundled", "--content", str(root)], out
    )
    assert code == 0
    links = json.loads(out.getvalue())["links"]
    assert [link["url"] for link in links] == [
        "reader:content/methods/date",
        "https://gohugo.io/methods/page/gitinfo/",
        "https://toml.io/",
        "https://yaml.org/spec/",
        "https://json.org/",
    ]
    assert links[0]["text"] == "Date" and links[2]["text"] == "the spec"
    app = build_app(root)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, "content/front-matter")
        listed = visible_text(app.screen.query_one(SourcesSidebar))
        assert "Links (4)" in listed and "In this library (1)" in listed
        for link in links:  # the same links, named alike
            assert link["text"] in listed, link
