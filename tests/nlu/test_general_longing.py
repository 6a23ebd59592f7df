"""A longing for activity or for being of use names no old job to go back to, and "used to be" says who one was
(data/nlu/interests.toml general_longing, self_cues; branch nlu22). Every sentence here is written for this test;
the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Bin Erzieherin, nach der Reha möchte ich wieder was machen, gern im Tierheim in Jena", "children_youth"),
        ("Ich war Lehrer und will jetzt endlich wieder etwas tun. Gartenarbeit in Gera?", "education"),
        ("I'm a nurse, at home for months now, and I miss being useful. Something with dogs in Halle?", "health_care"),
        ("Retired librarian here. What I miss is feeling needed. Anything outdoors near Kassel?", "culture"),
        ("Ich war Krankenpfleger und vermisse es, gebraucht zu werden. Tierheim in Fulda?", "health_care"),
    ],
)
def test_a_longing_for_activity_leaves_the_old_job_a_description(text: str, field: str) -> None:
    assert field not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # the longing names the work: the job is wanted, as before
        ("Ich war Erzieherin und würde gern wieder was mit Kindern machen, Marburg", "children_youth"),
        ("Ich war Krankenschwester und vermisse meinen Beruf. Gießen", "health_care"),
        ("I was a nurse for thirty years and I miss it. Erfurt", "health_care"),
        ("I used to be a nurse and I miss my job. Dresden", "health_care"),
    ],
)
def test_a_longing_for_the_work_still_wants_the_job(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("I used to be a primary school teacher, now I'd like to help at a food bank in Bonn", "education"),
        ("My dad lives in Jena, used to be a kindergarten teacher, loves birds. What could he do?", "children_youth"),
    ],
)
def test_used_to_be_says_who_one_was(text: str, field: str) -> None:
    assert field not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Vermisse es, gebraucht zu werden. Tierheim in Fulda?",
        "Ich vermisse das Gefühl, Tafel in Gera",
        "I miss being useful, maybe something with dogs in Halle",
    ],
)
def test_a_longing_for_activity_is_no_search_word(text: str) -> None:
    # said of the writer as the longing for one's work is: "vermisse" and "miss" are nothing a listing holds
    keywords = parse_with_rules(text).keywords
    assert not {"vermisse", "gefuehl", "miss", "useful"} & set(keywords)
