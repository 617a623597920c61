"""A feed's document may be anything: the parser answers with items or a problem, never raises.

Hypothesis writes JSON Feeds with every field of any JSON type, and RSS/Atom
documents of any shape from their own element names, and holds `parse_feed`
to typed results.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.web.feed_fetch import Item, parse_feed

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
ITEM_KEYS = (
    "id url external_url title content_html content_text summary date_published "
    "date_modified author authors image tags"
).split()
ITEMS = st.dictionaries(st.sampled_from(ITEM_KEYS), JSON_VALUES, max_size=len(ITEM_KEYS))
JSON_FEEDS = st.fixed_dictionaries(
    {"version": JSON_VALUES, "title": JSON_VALUES, "authors": JSON_VALUES},
    optional={"items": st.lists(ITEMS | JSON_VALUES, max_size=5) | JSON_VALUES},
)

TAGS = (
    "rss channel item title link guid description pubDate author content:encoded "
    "feed entry id updated published summary content name rdf:RDF dc:date enclosure"
).split()
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["href", "rel", "type", "version", "isPermaLink", "xmlns", "url"]),
    st.text(max_size=20),
    max_size=3,
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, attributes: dict[str, str], inner: list[str], text: str) -> str:
        attrs = "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())
        return f"<{tag}{attrs}>{escape(text)}{''.join(inner)}</{tag}>"

    return st.builds(
        build,
        st.sampled_from(TAGS),
        ATTRIBUTES,
        st.lists(children, max_size=4),
        st.text(max_size=40),
    )


XML = st.recursive(st.text(max_size=30).map(escape), _element, max_leaves=20)


def _typed(result: tuple[str | None, list[Item], str | None]) -> None:
    title, items, problem = result
    assert title is None or isinstance(title, str)
    assert problem is None or isinstance(problem, str)
    for item in items:
        assert isinstance(item.key, str) and item.key
        assert isinstance(item.title, str) and isinstance(item.html, str)
        for optional in (item.link, item.published, item.author):
            assert optional is None or isinstance(optional, str)
        assert item.published is None or len(item.published) == 10


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_FEEDS | JSON_VALUES)
def test_any_json_feed_gives_items_or_a_problem(document: object) -> None:
    data = json.dumps(document).encode()
    _typed(parse_feed(data, "application/feed+json"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(XML, st.sampled_from(["rss", "feed", "rdf:RDF"]))
def test_any_rss_or_atom_shape_gives_items_or_a_problem(inner: str, root: str) -> None:
    document = f'<?xml version="1.0"?><{root} version="2.0">{inner}</{root}>'
    _typed(parse_feed(document.encode(), "application/xml"))


@given(st.binary(max_size=300))
def test_any_bytes_give_items_or_a_problem(data: bytes) -> None:
    _typed(parse_feed(data, ""))


def test_a_json_feed_whose_authors_is_a_number_keeps_its_items() -> None:
    document = {"title": "Desk", "items": [{"id": "1", "authors": 5, "content_text": "Hi."}]}
    title, [item], problem = parse_feed(json.dumps(document).encode(), "application/json")
    assert (title, item.key, item.author, problem) == ("Desk", "1", None, None)
    assert "Hi." in item.html


def test_a_namespace_that_breaks_the_xml_parser_is_the_feed_s_problem() -> None:
    """feedparser itself raised ValueError on this (found by the property test above)."""
    title, items, problem = parse_feed(b'<rss xmlns="0&#10;0&#10;0" />')
    assert (title, items) == (None, []) and problem is not None and "ValueError" in problem
