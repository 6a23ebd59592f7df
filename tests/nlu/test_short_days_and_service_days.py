"""Days shortened before the part of the day ("Mi abends", "Tues/Thurs afternoons") and a company's or school's day
of service ("Social Day", "Sozialer Tag") as people write them (issue 14, messages)."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Mi abends hätte ich Zeit, Kassel", {"weekday", "evening"}),
        ("Kann nur Do nachmittags, Raum Fulda", {"weekday", "daytime"}),
        ("Lesepatin in Gera, gern Fr abends", {"weekday", "evening"}),
        ("Tue and Thu evenings would work for me", {"weekday", "evening"}),
        ("I'm free Mon/Thu mornings in Halle", {"weekday", "daytime"}),
        ("Sa vormittags im Tierheim Jena?", {"weekend", "daytime"}),
    ],
)
def test_a_short_day_before_the_part_of_the_day_is_that_day(text: str, slots: set[str]) -> None:
    assert slots <= set(parse(text).time)


@pytest.mark.parametrize(
    "text",
    [
        "ich hab so nachmittags Zeit, was mit Kindern?",  # "so" is "about", not Sunday
        "Wenn meine Frau abends zu Hause ist, hätte ich Zeit",
    ],
)
def test_words_like_short_days_name_no_day(text: str) -> None:
    assert not {"weekday", "weekend"} & set(parse(text).time)


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind 8 Leute aus einer Kanzlei und suchen einen Social Day im Herbst, Marburg",
        "Our office wants to do a social day in September near Darmstadt",
        "Unsere Schule macht im Juli einen Sozialen Tag, wer braucht Hilfe in Plauen?",
    ],
)
def test_a_day_of_service_is_one_off(text: str) -> None:
    assert "one_off" in parse(text).time
