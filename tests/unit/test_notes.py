"""Notes folders: how their notes parse, link to each other and render (no Textual)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.library import load_library
from reader.library.parse import read_body
from reader.markdown.document import prepare_body, prepare_document
from reader.markdown.layout import Anchor
from reader.markdown.notes import MAX_EMBED_DEPTH, NoteContext
from reader.markdown.rendering import markdown_lines, offscreen_console
from tests.vault import build_vault

RAW = re.compile(r"\[\[|\[!|\{%|\{\{[<%]|\[\^")


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return build_vault(tmp_path)


def rendered(vault: Path, article_id: str, width: int = 70) -> list[str]:
    library = load_library([vault])
    article = library.get(article_id)
    assert article is not None, [a.id for a in library.articles]
    body = prepare_body(read_body(article.path), article.title, NoteContext.of(library, article))
    console = offscreen_console(width)
    lines = markdown_lines(body, console, width, links=True)
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


def test_obsidian_fields_jekyll_names_and_inline_tags(vault: Path) -> None:
    library = load_library([vault])
    ideas = library.get("Project ideas")
    assert ideas is not None
    assert ideas.published == dt.date(2026, 2, 3) and ideas.updated == dt.date(2026, 3, 4)
    assert ideas.aliases == ("Brainstorm",)
    assert ideas.tags == ("planning", "idea", "nested/tag")  # not #1, not in code
    post = library.get("_posts/2026-01-05-welcome-to-jekyll")
    assert post is not None
    assert post.title == "Welcome to jekyll" and post.published == dt.date(2026, 1, 5)
    hugo = library.get("docs/hugo")
    assert hugo is not None and hugo.updated == dt.date(2026, 5, 6)


def test_links_resolve_by_file_name_title_alias_and_relative_path(vault: Path) -> None:
    library = load_library([vault])
    names = library.names
    post = library.get("_posts/2026-01-05-welcome-to-jekyll")
    assert names.resolve("reading list") is library.get("Reading list")
    assert names.resolve("Brainstorm") is library.get("Project ideas")  # an alias
    assert names.resolve("Hugo page") is library.get("docs/hugo")  # a title
    assert names.resolve("../Reading%20list.md", post) is library.get("Reading list")
    assert names.resolve("Nowhere note") is None
    assert names.resolve("hugo") is library.get("docs/hugo")  # the file's name alone


def test_a_relative_path_picks_the_file_where_two_share_a_name(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text(f"# Notes of {folder}\n", encoding="utf-8")
    (tmp_path / "one" / "index.md").write_text("# Index\n", encoding="utf-8")
    library = load_library([tmp_path])
    index = library.get("one/index")
    assert library.names.resolve("../one/notes.md", index) is library.get("one/notes")
    assert library.names.resolve("../two/notes.md", index) is library.get("two/notes")


def test_backlinks_are_the_notes_that_link_here(vault: Path) -> None:
    library = load_library([vault])
    linking = library.names.backlinks(library.get("Project ideas"))  # type: ignore[arg-type]
    assert {a.id for a in linking} == {"_posts/2026-01-05-welcome-to-jekyll", "docs/hugo"}
    to_list = library.names.backlinks(library.get("Reading list"))  # type: ignore[arg-type]
    assert {a.id for a in to_list} == {"Project ideas", "_posts/2026-01-05-welcome-to-jekyll"}


def test_a_note_renders_with_no_raw_syntax_and_its_words_in_order(vault: Path) -> None:
    lines = rendered(vault, "Project ideas")
    text = "\n".join(lines)
    code = next(i for i, line in enumerate(lines) if "def function(" in line)
    outside_code = lines[:code] + lines[code + 4 :]  # the Python block keeps its [[ and #
    assert not [line for line in outside_code if RAW.search(line)], text
    assert "Before text [image: pic] after text." in text  # the image stays in its place
    assert "☐ write the plan" in text and "☑ pick a name important" in text
    assert "▌ Folded tip" in text and "▌ Shown open." in text
    assert "Its definition." in text and "Bare link https://example.org/page here." in text
    flowing = " ".join(text.split())
    assert "‹new-in 0.160.0› mid-sentence, inner text too." in flowing
    assert "‹include footer.html›" in flowing and "[image: diagram.png]" in text
    assert re.search(r"def hello; puts \"hi\"; end", text)
    assert "A fact¹ and another²." in text
    notes = lines.index("Notes")
    assert lines[notes + 2 :] == [" 1 The first note.", " 2 A longer note with a second line."]
    assert text.count("The first note.") == 1


def test_wikilinks_become_links_to_the_note_and_its_heading(vault: Path) -> None:
    library = load_library([vault])
    ideas = library.get("Project ideas")
    assert ideas is not None
    body = prepare_body(read_body(ideas.path), ideas.title, NoteContext.of(library, ideas))
    assert "[Reading list](<reader:Reading list>)" in body
    assert "[the books](<reader:Reading list#Books>)" in body
    assert "[Second part](<reader:Project ideas#Second part>)" in body
    assert "<x-missing>Nowhere note</x-missing>" in body
    document = prepare_document(read_body(ideas.path), ideas.title)
    [second] = [section for section in document.sections if section.heading == "Second part"]
    assert document.anchor_of("second-part") == Anchor(second.line)  # as a web anchor writes it
    assert document.anchor_of("Second Part") == Anchor(second.line)
    assert document.anchor_of("Third part") is None


def test_an_embed_shows_that_section_only_and_embeds_stop_at_a_depth(tmp_path: Path) -> None:
    vault = build_vault(tmp_path)
    text = "\n".join(rendered(vault, "Project ideas"))
    assert "A book about alliances." in text and "No film yet." not in text
    (vault / "Loop.md").write_text("# Loop\n\nLoop text.\n\n![[Loop]]\n", encoding="utf-8")
    looped = "\n".join(rendered(vault, "Loop"))
    assert looped.count("Loop text.") == MAX_EMBED_DEPTH + 1
    assert "embedded too deep" in looped


def test_long_code_lines_wrap_after_their_indentation_with_a_mark(vault: Path) -> None:
    lines = rendered(vault, "Project ideas", width=60)
    start = next(i for i, line in enumerate(lines) if "def function(" in line)
    assert lines[start + 1].lstrip().startswith("↪ argument_four")
    assert any(line.startswith("     ↪ ") for line in lines[start + 2 : start + 4])
    assert "argum\n" not in "\n".join(lines)


def test_a_table_too_wide_for_the_pane_becomes_records_not_ellipses() -> None:
    columns = 12
    header = "| " + " | ".join(f"column {i}" for i in range(columns)) + " |"
    row = "| " + " | ".join(f"value number {i}" for i in range(columns)) + " |"
    table = f"{header}\n|{'---|' * columns}\n{row}\n"
    console = offscreen_console(40)
    wide = ["".join(s.text for s in line).rstrip() for line in markdown_lines(table, console, 40)]
    assert wide[0] == "column 0: value number 0" and "column 11: value number 11" in wide
    narrow = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    small = ["".join(s.text for s in line) for line in markdown_lines(narrow, console, 40)]
    assert "a  b" in small[0] and "1  2" in small[2]  # a table that fits stays a table


@pytest.mark.parametrize(
    "first", ["# Project ideas", "# Project Ideas", "# **Project ideas**", "\n\n# project ideas #"]
)
def test_a_heading_that_repeats_the_title_is_not_shown_twice(first: str) -> None:
    body = f"{first}\n\nThe text.\n"
    assert prepare_body(body, "Project ideas").strip() == "The text."
    assert "Other" in prepare_body("# Other heading\n\nThe text.\n", "Project ideas")


def test_aliases_are_searched_like_titles(tmp_path: Path) -> None:
    from reader.index.catalogue import Catalogue

    vault = build_vault(tmp_path)
    catalogue = Catalogue.open(tmp_path / "cache")
    catalogue.sync([vault])
    catalogue.index()
    assert catalogue.search("brainstorm").ids[0] == "Project ideas"  # there, only an alias


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("Read [[Note]].", ("Note",)),
        ("x [a[[Note]] y", ("Note",)),
        ("[x] and ![[Embedded|a label]]", ("Embedded",)),
        ("[a](one) then [b](two.md#part)", ("two.md",)),
        ("See [the list](<reading-list.markdown>).", ("reading-list.markdown",)),
        ("[a] ] ( [b](far/away.md) [c](https://x.org/c.md)", ("far/away.md",)),
        ("Nothing here: [a](https://x.org) (see .m) and ]( plain.", ()),
    ],
)
def test_every_link_to_a_note_is_found(body: str, names: tuple[str, ...]) -> None:
    from reader.library.links import linked_names

    assert linked_names(body) == names


def test_block_ids_are_hidden_and_a_block_embed_embeds_that_block_alone(tmp_path: Path) -> None:
    (tmp_path / "Source.md").write_text(
        "# Source\n\nA first paragraph that is not wanted.\n\n"
        "The quoted paragraph that is wanted. ^b15695\n\n"
        "- item one\n- item two ^item-two\n  - its child\n- item three\n\n"
        "> a quote\n> in two lines\n\n^quote-of-the-day\n\nArea is r ^2\n",
        encoding="utf-8",
    )
    (tmp_path / "Embedder.md").write_text(
        "# Embedder\n\n![[Source#^b15695]]\n\n![[Source#^item-two]]\n\n"
        "![[Source#^quote-of-the-day]]\n\n| Picture |\n|---|\n| ![[Engelbart.jpg\\|100]] |\n\n"
        "![[Engelbart.jpg|100x200]]\n",
        encoding="utf-8",
    )
    source = rendered(tmp_path, "Source")
    assert not any("^b15695" in line or "^item-two" in line or "^quote" in line for line in source)
    assert not any("x-block" in line for line in source)  # the anchor is never drawn
    assert "The quoted paragraph that is wanted." in source
    library = load_library([tmp_path])
    article = library.get("Source")
    assert article is not None
    document = prepare_document(read_body(article.path), article.title)
    anchor = document.anchor_of("^b15695")  # where [[Source#^b15695]] opens
    assert anchor is not None
    section = next(s for s in document.sections if s.line == anchor.line)
    assert "The quoted paragraph that is wanted." in section.text
    assert "Area is r ^2" in source  # arithmetic, not a block id
    embedder = "\n".join(rendered(tmp_path, "Embedder"))
    assert "The quoted paragraph that is wanted." in embedder
    assert "A first paragraph that is not wanted." not in embedder  # the block, not the note
    assert "item two" in embedder and "its child" in embedder
    assert "item one" not in embedder and "item three" not in embedder
    assert "a quote" in embedder and "in two lines" in embedder
    assert "Engelbart.jpg" in embedder and "100" not in embedder  # a size, not words


def test_a_block_is_named_by_its_words_inline_never_by_its_id(tmp_path: Path) -> None:
    (tmp_path / "Source.md").write_text(
        "# Source\n\nA block is a unit of text in your note, such as a paragraph. ^b15695\n\n"
        "> Quote of the day: links are the heart of a vault. ^quote-of-the-day\n",
        encoding="utf-8",
    )
    (tmp_path / "Linker.md").write_text(
        "# Linker\n\nInline: ![[Source#^quote-of-the-day]] and see [[Source#^b15695]], or"
        " [[Source#^b15695|this one]].\n",
        encoding="utf-8",
    )
    text = " ".join(" ".join(rendered(tmp_path, "Linker", width=200)).split())
    assert "Inline: “Quote of the day: links are the heart of a vault.” and see" in text
    assert "see Source › A block is a unit of text in your note,…, or this one." in text
    assert "^" not in text


def test_code_in_a_callout_is_code_and_nothing_in_it_is_rewritten(tmp_path: Path) -> None:
    (tmp_path / "Syntax.md").write_text(
        "# Syntax\n\n> [!example] Written as\n> ```md\n> [[Markdown syntax]] and ![[x.png|100]]\n"
        "> ```\n\n> Quoted [[Syntax]] text.\n",
        encoding="utf-8",
    )
    lines = rendered(tmp_path, "Syntax")
    assert any("[[Markdown syntax]] and ![[x.png|100]]" in line for line in lines)  # as written
    assert not any("x-missing" in line for line in lines)  # no element name on the page
    assert any("Quoted Syntax text." in line for line in lines)  # outside code: a link
