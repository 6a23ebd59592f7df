"""Query words map onto index words: as written, by stem, inside compounds, and through typo corrections."""

from __future__ import annotations

from bot.search.vocabulary import Vocabulary
from bot.search.word_forms import allowed_edits, stem_of

WORDS = {
    "telefonseelsorge": 4, "notfallseelsorge": 2, "seelsorger": 1, "vorlesepaten": 6, "vorleserin": 2,
    "vorlesen": 9, "repair": 5, "cafe": 30, "tierheim": 12, "tierheimhunde": 3, "hundert": 2, "kassel": 40,
    "sport": 50, "transport": 3, "und": 95, "helfen": 60, "alesheim": 1, "kinderbibliothek": 2,
}


def vocabulary() -> Vocabulary:
    return Vocabulary(WORDS, listings=100)


def test_a_word_as_written_also_finds_its_inflections_and_compounds_by_stem() -> None:
    group = vocabulary().group("vorlesen")
    assert group is not None and not group.fuzzy
    assert group.terms == ("vorlesen",) and group.prefixes == ("vorles",)
    assert group.matches("vorlesepaten") and group.matches("vorleserin") and not group.matches("lesen")


def test_a_long_word_is_found_at_the_end_of_compounds() -> None:
    group = vocabulary().group("seelsorge")
    assert group is not None and set(group.terms) == {"telefonseelsorge", "notfallseelsorge"}
    assert group.prefixes == ("seelsorg",) and group.matches("seelsorger")


def test_short_words_are_not_looked_for_inside_other_words() -> None:
    group = vocabulary().group("sport")
    assert group is not None and group.terms == ("sport",) and not group.matches("transport")


def test_misspelt_words_are_corrected_within_a_few_edits() -> None:
    words = vocabulary()
    for typo, meant in [("telefonselsorge", "telefonseelsorge"), ("tierhiem", "tierheim"), ("repiar", "repair"),
                        ("caffe", "cafe")]:
        group = words.group(typo)
        assert group is not None and group.fuzzy and group.terms == (meant,), typo


def test_a_misspelt_beginning_of_a_compound_becomes_a_prefix() -> None:
    assert vocabulary().group("vorlsen").terms == ("vorlesen",)  # type: ignore[union-attr]
    only_compounds = Vocabulary({word: n for word, n in WORDS.items() if word != "vorlesen"}, listings=100)
    group = only_compounds.group("vorlsen")
    assert group is not None and group.fuzzy and group.prefixes == ("vorles",) and group.matches("vorlesepaten")


def test_corrections_that_need_too_many_edits_are_refused() -> None:
    assert vocabulary().group("altenheim") is None  # three edits from "alesheim": a different word
    assert vocabulary().group("quantenphysik") is None
    assert vocabulary().group("kasl") is None  # four letters: too short to guess


def test_stop_words_and_odd_tokens_are_ignored() -> None:
    words = vocabulary()
    assert words.group("helfen") is None and words.group("und") is None
    assert words.group("x" * 80) is None and words.group("ça") is None


def test_telling_words_come_first_and_very_common_ones_are_let_go() -> None:
    words = Vocabulary({**WORDS, "ehrenamtsboerse": 800, "gemeinde": 450}, listings=5000)
    groups = words.groups(["gemeinde", "repair", "ehrenamtsboerse", "tierheim"])
    assert [group.word for group in groups] == ["repair", "tierheim", "gemeinde"]  # 800 > a tenth of 5000
    assert words.groups(["ehrenamtsboerse"]) == ()
    assert len(words.groups(["repair", "cafe", "tierheim", "kassel", "vorlesen", "sport"])) == 4
    small = Vocabulary(WORDS, listings=120)  # a small collection keeps every word, however common
    assert [group.word for group in small.groups(["und", "sport"])] == ["sport"]  # "und" is a stop word


def test_stems_and_edit_budgets() -> None:
    assert [stem_of(word) for word in ("kindern", "tieren", "cafe", "senioren", "hilfe")] == [
        "kind", "tier", "cafe", "senior", "hilf"]
    assert [allowed_edits("x" * n) for n in (4, 5, 8, 12)] == [0, 1, 2, 3]


def test_a_participle_used_as_a_noun_also_finds_the_words_of_its_verb() -> None:
    index = Vocabulary({"pflegeheim": 3, "pflegekurs": 2, "lernpaten": 4, "jugendtreff": 5}, listings=20)
    caring = index.group("pflegenden")
    assert caring is not None and "pflege" in caring.prefixes and caring.matches("pflegeheim")
    assert index.group("lernende") is None  # "lerne" begins no index word: nothing to add
    youth = index.group("jugend")
    assert youth is not None and youth.prefixes == ("jugend",)  # a short word ending in -end is no participle


def test_a_particle_verb_also_finds_its_noun_of_the_action_whose_vowel_changes() -> None:
    index = Vocabulary({"lebensmittelausgabe": 3, "ausgabestelle": 2, "umzug": 4, "umzugshilfe": 2, "beistand": 1,
                        "gabentisch": 2, "zugang": 5, "ausgaben": 1}, listings=40)
    handing_out = index.group("ausgeben")
    assert handing_out is not None and not handing_out.fuzzy
    assert handing_out.matches("lebensmittelausgabe") and handing_out.matches("ausgabestelle")
    moving = index.group("umziehen")
    assert moving is not None and moving.matches("umzug") and moving.matches("umzugshilfe")
    assert not moving.matches("zugang")  # the noun root alone names other things
    standing_by = index.group("beistehen")
    assert standing_by is not None and standing_by.matches("beistand")
    assert index.group("geben") is None  # no particle: "Gabe" is no action of giving out


def test_the_noun_of_the_action_needs_one_of_the_listed_particles() -> None:
    from bot.search.action_nouns import action_noun

    assert action_noun("ausgeben") == "ausgabe" and action_noun("teilnehmen") == "teilnahme"
    assert action_noun("umziehen") == "umzug" and action_noun("mitfahren") == "mitfahrt"
    assert action_noun("geben") is None and action_noun("ziehen") is None and action_noun("begleiten") is None
    # Other particles make nouns that mean something else: a task, a lift.
    assert action_noun("aufgeben") is None and action_noun("aufziehen") is None


def test_a_short_stem_that_is_no_word_stands_for_its_word_not_for_other_words_beginning_alike() -> None:
    index = Vocabulary({"sachen": 9, "sache": 4, "sachkunde": 5, "sachsen": 3, "sachspenden": 2, "spenden": 8,
                        "tier": 6, "tierheim": 7, "tiere": 5, "fahren": 4, "fahrtkosten": 9, "fahrdienst": 3,
                        "dienst": 5}, listings=200)
    things = index.group("sachen")
    assert things is not None
    assert not any(things.matches(word) for word in ("sachkunde", "sachsen"))  # a word of its own; no compound
    assert all(things.matches(word) for word in ("sachen", "sache", "sachspenden"))
    driving = index.group("fahren")
    assert driving is not None and driving.matches("fahrdienst") and not driving.matches("fahrtkosten")
    # A stem the listings write as a word ("Tier") begins its compounds as before.
    animals = index.group("tiere")
    assert animals is not None and animals.matches("tierheim")


def test_a_verb_with_a_short_stem_still_finds_the_nouns_of_its_stem() -> None:
    index = Vocabulary({"malen": 3, "maler": 4, "malerei": 2, "malerin": 1, "mallorca": 2, "fahren": 4,
                        "fahrer": 5, "fahrtkosten": 9}, listings=200)
    painting = index.group("malen")
    assert painting is not None
    assert all(painting.matches(word) for word in ("malen", "maler", "malerei", "malerin"))
    assert not painting.matches("mallorca")
    driving = index.group("fahren")
    assert driving is not None and driving.matches("fahrer") and not driving.matches("fahrtkosten")


def test_a_short_word_finds_its_forms_and_compounds_but_not_words_that_merely_begin_alike() -> None:
    words = {"hund": 3, "hunde": 4, "hundes": 1, "hundeschule": 2, "hundebesitzer": 1, "hundert": 9, "hunderte": 5,
             "schule": 20, "besitzer": 3}
    group = Vocabulary(words, listings=50).group("hund")
    assert group is not None
    found = {word for word in words if group.matches(word)}
    assert found == {"hund", "hunde", "hundes", "hundeschule", "hundebesitzer"}


def test_a_short_word_whose_beginnings_are_all_its_own_stays_one_beginning() -> None:
    group = Vocabulary({"tier": 3, "tiere": 4, "tierheim": 2, "heim": 5}, listings=20).group("tier")
    assert group is not None and group.prefixes == ("tier",)
