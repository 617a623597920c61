"""`hide:` rules: read from their words, and hiding exactly what they say."""

from __future__ import annotations

import pytest

from reader.settings.hide_rules import BadRule, read_rule

ITEM = {
    "title": "Sponsored: a better kettle",
    "author": "Ad Desk",
    "link": "https://news.example/video/12",
    "text": "<p>Buy it.</p>",
}


@pytest.mark.parametrize(
    ("rule", "hidden"),
    [
        ('title contains "sponsored"', True),  # any case
        ('title starts with "SPONSORED:"', True),
        ('title is "a better kettle"', False),
        ('author is "ad desk"', True),
        ('link matches "/video/\\d+$"', True),
        ('text contains "free"', False),
    ],
)
def test_a_rule_hides_what_it_says(rule: str, hidden: bool) -> None:
    assert read_rule(rule).hides(ITEM) is hidden  # type: ignore[arg-type]


def test_a_rule_for_one_feed_is_that_feed_s_alone() -> None:
    rule = read_rule('Harbour Talk: title starts with "Trailer"')
    assert rule.feed == "Harbour Talk" and rule.field == "title"
    assert rule.applies_to(None, "harbour talk", "https://talk.example/feed")
    assert not rule.applies_to("Other", "Other title", "https://other.example/feed")
    assert read_rule('title contains "x"').applies_to(None, None, "https://any.example/")


@pytest.mark.parametrize(
    "text", ['title has "x"', "title contains x", 'colour contains "red"', 'link matches "("']
)
def test_what_is_no_rule_says_why(text: str) -> None:
    with pytest.raises(BadRule):
        read_rule(text)
