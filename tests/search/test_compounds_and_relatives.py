"""Issue 15, round 2: a word only beginning a title's compound counts less than the word itself; words of the
same activity that share no stem (a curated family list) find each other, below the word itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search import SearchRequest
from bot.search.related import families, relatives
from bot.search.vocabulary import Vocabulary, is_inflection
from tests.factories.search import KASSEL, Listings, find, ids, near


def test_what_follows_a_stem_is_an_ending_a_derivation_or_the_head_of_a_compound() -> None:
    assert is_inflection("en") and is_inflection("innen") and not is_inflection("kurse")
    index = Vocabulary({"musik": 3, "musiker": 1, "musikalische": 1, "musikschule": 4, "schule": 6}, listings=40)
    music = index.group("musik")
    assert music is not None and music.matches("musikschule")
    # The school is what "Musikschule" is about; "alische" is no word of its own after the stem.
    assert music.whole is not None and set(music.whole) == {"musik", "musiker", "musikalische"}
    # Without a longer compound every term says the word: no second look at the title is needed.
    plain = Vocabulary({"schach": 3, "schachs": 1}, listings=40).group("schach")
    assert plain is not None and plain.whole is None


def test_a_word_of_a_family_finds_its_relatives_as_lesser_terms(tmp_path: Path) -> None:
    index = Vocabulary({"hospizdienst": 2, "sterbende": 1, "palliativstation": 1, "klinik": 5}, listings=40)
    group = index.group("sterbende")
    assert group is not None and group.matches("hospizdienst") and group.matches("palliativstation")
    assert group.whole is not None and "hospizdienst" not in group.whole and "sterbende" in group.whole
    # A word the listings never say is still found through its family, only as a lesser match.
    unsaid = Vocabulary({"hospizdienst": 2}, listings=40).group("palliativpflege")
    assert unsaid is not None and unsaid.matches("hospizdienst") and unsaid.whole == ()
    # A family's stem the word itself begins with is its own: listings write "Lesepat*in" as lesepat + in.
    sponsor = Vocabulary({"lesepat": 3, "vorlesen": 2}, listings=40).group("lesepatin")
    assert sponsor is not None and sponsor.whole == ("lesepat",) and sponsor.matches("vorlesen")
    assert relatives("klinik") == ()


def test_the_family_list_refuses_short_or_unfolded_stems(tmp_path: Path) -> None:
    short = tmp_path / "short.toml"
    short.write_text('[[family]]\nwhy = "x"\nstems = ["abc", "gartenbau"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        families(short)
    assert all(len(stem) >= 5 for family in families() for stem in family)


async def test_a_title_saying_the_word_ranks_above_one_where_it_only_begins_a_compound(listings: Listings) -> None:
    course = await listings.add("Fahrdienst zum Schachturnier", categories=["culture"], **near(KASSEL, 0.5, 0))
    chess = await listings.add("Schach spielen im Seniorentreff", categories=["culture"], **near(KASSEL, 9, 0))
    outcome = await find(listings.database, SearchRequest(text="Schach in Kassel"), categories=["culture"],
                         place=KASSEL, keywords=["schach"])
    assert ids(outcome) == [chess, course]


async def test_a_related_activity_ranks_above_an_unrelated_row_and_below_the_word_itself(
    listings: Listings,
) -> None:
    clinic = await listings.add("Begleitung im Krankenhaus", categories=["health_care"], **near(KASSEL, 5, 0))
    hospice = await listings.add("Ehrenamt im Hospizdienst", categories=["health_care"], **near(KASSEL, 6, 0))
    dying = await listings.add("Sterbende begleiten zu Hause", categories=["health_care"], **near(KASSEL, 9, 0))
    outcome = await find(listings.database, SearchRequest(text="Ich möchte Sterbende begleiten, Kassel"),
                         categories=["health_care"], place=KASSEL, keywords=["sterbende"])
    assert ids(outcome) == [dying, hospice, clinic]


async def test_a_verb_beside_only_a_category_word_says_what_and_weighs_fully(listings: Listings) -> None:
    exercise = await listings.add_many([
        {"title": f"Gymnastik für Senioren {n}", "categories": ["seniors"], **near(KASSEL, 0.3 * n, 0)}
        for n in range(3)
    ])
    visits = await listings.add("Besuchsdienst für Ältere", categories=["seniors"], **near(KASSEL, 12, 0))
    outcome = await find(listings.database, SearchRequest(text="Senioren besuchen in Kassel"),
                         categories=["seniors"], place=KASSEL)
    assert ids(outcome)[0] == visits and set(ids(outcome)[1:]) == set(exercise)
