"""Short ids: every one `reader list` shows is taken back to its article alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library.short_ids import resolve, short_ids

PART = st.text(alphabet="abc-1", min_size=1, max_size=12)
IDS = st.lists(st.lists(PART, min_size=1, max_size=3).map("/".join), min_size=1, max_size=30)


@settings(max_examples=300)
@given(IDS, st.sampled_from([1, 3, 8]))
def test_every_short_id_resolves_to_its_article_alone(ids: list[str], least: int) -> None:
    ids = list(dict.fromkeys(ids))
    for article_id, short in short_ids(ids, least).items():
        assert resolve(ids, short) == [article_id], (ids, short)
        assert resolve(ids, article_id) == [article_id]


def test_a_feed_item_s_long_id_becomes_the_start_of_its_name() -> None:
    ids = [
        "feeds/news-example-feed-xml-1a2b3c4d/city-council-approves-harbour-bridge-d381ba8d45",
        "feeds/news-example-feed-xml-1a2b3c4d/city-cycling-plan-5e2f1a0b9c",
        "notes/readme",
        "other/readme",
    ]
    short = short_ids(ids)
    assert short[ids[0]] == "city-council" and short[ids[1]] == "city-cycling"
    assert short["notes/readme"] == "notes/readme"  # a name two files have: the whole id
    assert resolve(ids, "city") == ids[:2]  # ambiguous: both, for the message
    assert resolve(ids, "readme") == ["notes/readme", "other/readme"]
