"""Any input gives a sensible result and never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlu import categorize, parse
from nlu.api import clean

EMPTY_SLOTS: dict[str, object] = {
    "categories": [], "exclude_categories": [], "place": None, "place_candidates": [], "radius_km": None,
    "time": [], "languages": [], "remote": False, "keywords": [],
}


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "\n\n\t", "😀🙈😅", "12345678901234567890", "0", "Привет, как дела?", "مرحبا كيف حالك",
        "\x00\x01\x02\x1b[31m\x7f", "<script>alert(1)</script>", "&amp;&lt;&gt;", "?!?!...,,,", "\u200b\u200d\ufeff",
    ],
)
def test_odd_input_gives_an_empty_result(text: str) -> None:
    data = parse(text).to_dict()
    assert {key: data[key] for key in EMPTY_SLOTS} == EMPTY_SLOTS
    assert data["lang"] in ("de", "en") and data["text"] == text


def test_html_around_a_request_is_ignored() -> None:
    query = parse("<p><b>Tierheim</b> in <i>Kassel</i> &amp; Umgebung</p>")
    assert query.categories == ("animals",) and query.place is not None and query.place.name == "Kassel"


def test_four_thousand_characters_are_parsed() -> None:
    text = ("Ich suche was mit Tieren in Kassel am Wochenende, gerne auch mit Kindern. " * 60)[:4000]
    query = parse(text)
    assert query.categories == ("children_youth", "animals") and query.place is not None


def test_far_longer_input_is_cut_not_refused() -> None:
    assert parse("Tiere " * 20_000).categories == ("animals",)


def test_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse(None)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_parses_into_valid_slots(text: str) -> None:
    data = parse(text).to_dict()
    assert set(data["time"]) <= {"weekday", "weekend", "daytime", "evening", "one_off", "regular"}
    assert not set(data["categories"]) & set(data["exclude_categories"])
    assert data["radius_km"] is None or 0 < data["radius_km"] <= 300
    assert all(len(code) == 2 for code in data["languages"])


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=200), st.text(max_size=400))
def test_any_listing_text_categorizes(title: str, description: str) -> None:
    tags = categorize(title, description)
    assert len(tags.categories) == len(set(tags.categories)) <= 4


def test_full_width_letters_read_like_normal_ones() -> None:
    assert parse("ｔｉｅｒｈｅｉｍ ｋａｓｓｅｌ").categories == ("animals",)


def test_endless_runs_without_spaces_are_broken_up_before_tokenising() -> None:
    assert max(len(run) for run in clean("🐶" * 4000).split()) == 64
    # a dog's emoji reads as "Tiere" (data/nlu/emoji.toml), however many there are
    assert parse("🐶" * 4000).categories == ("animals",) and parse("!" * 4000).to_dict()["place"] is None
    assert parse("Tierheim" + "🐶" * 3000 + " Kassel").place is not None  # the words around it still count


def test_words_links_and_addresses_stay_whole() -> None:
    text = "Donaudampfschifffahrtsgesellschaftskapitänsmütze https://www.tierheim-kassel.example.org/mitmachen"
    assert clean(text) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")), min_size=65, max_size=400))
def test_no_run_without_spaces_reaches_the_tokenizer_longer_than_64(text: str) -> None:
    assert all(len(run) <= 64 for run in clean(text).split())
