"""A Hugo site's internal links: site paths, relative paths, bundles, sections, ref."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library, load_library
from reader.markdown.notes import rewrite_notes


def page(root: Path, path: str, title: str, extra: str = "", body: str = "Text.") -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\ntitle: {title}\n{extra}---\n{body}\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Library:
    root = tmp_path / "site"
    page(root, "content/en/content-management/_index.md", "Content management")
    page(root, "content/en/content-management/shortcodes.md", "Shortcodes")
    page(root, "content/en/methods/page/date/index.md", "Date", "aliases: [/functions/date/]\n")
    page(root, "content/en/getting-started/usage.md", "Basic usage")
    page(root, "content/en/templates/shortcodes.md", "Shortcodes")  # the same title elsewhere
    page(root, "content/en/about/team.md", "Our team", "url: /people/\n")
    page(root, "content/en/news/2026-12-01-launch.md", "Launch", "slug: we-launched\n")
    page(root, "_posts/2026-01-05-welcome.md", "Welcome", "permalink: /hello/\n")
    page(root, "_posts/2026-01-06-second.md", "Second", "permalink: /:year/:title/\n")
    return load_library([root])


@pytest.mark.parametrize(
    ("target", "title", "section"),
    [
        ("/content-management/shortcodes/", "Shortcodes", "content-management"),
        ("/content-management/shortcodes/#positional", "Shortcodes", "content-management"),
        ("/content-management/", "Content management", None),
        ("../../methods/page/date/", "Date", None),  # from the page's own place
        ("/en/methods/page/date", "Date", None),  # with its language folder
        ("/functions/date/", "Date", None),  # an alias
        ("/templates/shortcodes/", "Shortcodes", "templates"),
        ("/people/", "Our team", None),  # Hugo's url:
        ("/news/we-launched/", "Launch", None),  # Hugo's slug: renames the last part
        ("/hello", "Welcome", None),  # Jekyll's permalink:
    ],
)
def test_a_site_path_finds_its_page(
    site: Library, target: str, title: str, section: str | None
) -> None:
    usage = site.get("content/en/getting-started/usage")
    assert usage is not None
    found = site.names.by_site_path(target, usage)
    assert found is not None and found.title == title
    if section:
        assert f"/{section}/" in found.id


def test_a_path_that_leads_nowhere_finds_nothing(site: Library) -> None:
    usage = site.get("content/en/getting-started/usage")
    team = site.get("content/en/about/team")
    assert team is not None and team.url is None  # a site's path is no web address
    assert site.names.by_site_path("/2026/second/", usage) is None  # a pattern, no path
    assert site.names.by_site_path("/no/such/page/", usage) is None
    assert site.names.by_site_path("https://gohugo.io/content-management/", usage) is None


def test_ref_and_relref_become_the_page_path_a_link_can_follow() -> None:
    body = (
        'See [shortcodes]({{< ref "shortcodes.md" >}}) and '
        '[dates]({{< relref "/methods/page/date" >}}).'
    )
    assert rewrite_notes(body) == "See [shortcodes](shortcodes.md) and [dates](/methods/page/date)."


def test_hugo_code_shortcodes_are_code_blocks_with_their_language() -> None:
    body = (
        "Intro.\n\n{{< code-toggle file=hugo >}}\n[frontmatter]\ndate = ['myDate']\n"
        '{{< /code-toggle >}}\n\n{{< highlight go "linenos=table" >}}\nfmt.Println(1)\n'
        "{{< /highlight >}}\n\n{{< code file=x.html lang=go-html-template >}}\n{{ .Title }}\n"
        "{{< /code >}}\n"
    )
    lines = rewrite_notes(body).split("\n")
    assert lines[2:6] == ["```toml", "[frontmatter]", "date = ['myDate']", "```"]
    assert lines[7:10] == ["```go", "fmt.Println(1)", "```"]
    assert lines[11:14] == ["```go-html-template", "{{ .Title }}", "```"]  # code, untouched


def test_one_function_says_where_any_link_leads(site: Library) -> None:
    usage = site.get("content/en/getting-started/usage")
    date = site.get("content/en/methods/page/date/index")
    assert usage is not None and date is not None
    assert site.link_target("reader:content/en/methods/page/date/index#use", usage) is date
    assert site.link_target("../../methods/page/date/index.md", usage) is date  # a file path
    assert site.link_target("/methods/page/date/", usage) is date  # a site path
    assert site.link_target("https://gohugo.io/methods/page/date/", usage) is None
    assert site.link_target("#use", usage) is None


def test_a_ref_to_a_section_s_index_from_another_section_finds_that_section(
    site: Library,
) -> None:
    """`{{< ref "content-management/_index.md" >}}` from getting-started/usage: Hugo looks
    from the page's place, then from the root; `_index` is no note's name to guess by."""
    usage = site.get("content/en/getting-started/usage")
    section = site.get("content/en/content-management/_index")
    assert usage is not None and section is not None
    assert site.link_target("content-management/_index.md", usage) is section
    assert site.link_target("no-such-section/_index.md", usage) is None


def test_a_shortcode_written_to_be_shown_is_shown_as_hugo_shows_it() -> None:
    body = (
        'Use {{</* figure src="a.jpg" */>}} in prose.\n\n'
        '```go-html-template\n{{</* figure src="/images/sunset.jpg" */>}}\n{{%/* note */%}}\n```\n'
    )
    lines = rewrite_notes(body).split("\n")
    assert lines[0] == 'Use {{< figure src="a.jpg" >}} in prose.'
    assert lines[3:5] == ['{{< figure src="/images/sunset.jpg" >}}', "{{% note %}}"]


def test_a_page_linked_by_site_path_or_ref_knows_who_links_to_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    page(root, "content/en/content-management/_index.md", "Content management")
    page(root, "content/en/content-management/shortcodes.md", "Shortcodes")
    page(root, "content/en/methods/page/date/index.md", "Date")
    body = (
        "See [shortcodes](/content-management/shortcodes/#use), [the section]"
        '({{< ref "content-management/_index.md" >}}) and [dates](../../methods/page/date/).'
    )
    page(root, "content/en/getting-started/usage.md", "Basic usage", body=body)
    site = load_library([root])
    usage = site.get("content/en/getting-started/usage")
    assert usage is not None
    for target in (
        "content/en/content-management/shortcodes",
        "content/en/content-management/_index",
        "content/en/methods/page/date/index",
    ):
        linked = site.get(target)
        assert linked is not None and site.names.backlinks(linked) == (usage,), target
