"""The links a body cites, as the sources sidebar lists them."""

from __future__ import annotations

from reader.markdown.body_links import MAX_BODY_LINKS, BodyLink, body_links, is_internal

BODY = """\
See [the *report*](https://a.org/r "its title") and [a reference][r], <https://b.org>,
and a bare https://c.org/x. An image is no citation: ![chart](https://img.org/i.png).
Code is not a link: `https://code.org` and

    https://indented.org

```
https://fenced.org
```

[Again](https://a.org/r) with other words, [a note](other.md#part), [[kept]](<reader:Some id>).

[r]: https://d.org/ref
"""


def test_links_of_every_kind_in_order_once_each_with_their_first_words() -> None:
    assert body_links(BODY) == [
        BodyLink("the report", "https://a.org/r"),
        BodyLink("a reference", "https://d.org/ref"),
        BodyLink("https://b.org", "https://b.org"),
        BodyLink("https://c.org/x", "https://c.org/x"),
        BodyLink("a note", "other.md#part"),
        BodyLink("[kept]", "reader:Some id"),
    ]


def test_links_to_other_articles_are_told_apart() -> None:
    internal = {link.url: is_internal(link.url) for link in body_links(BODY)}
    assert internal["other.md#part"] and internal["reader:Some id"]
    assert not internal["https://a.org/r"] and not internal["https://c.org/x"]


def test_a_link_directory_is_cut_to_a_sidebar_s_worth() -> None:
    body = "\n".join(f"[site {n}](https://site{n}.org)" for n in range(MAX_BODY_LINKS + 50))
    assert len(body_links(body)) == MAX_BODY_LINKS
    assert body_links("No links at all.") == []
