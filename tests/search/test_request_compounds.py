"""A request's compound that no listing writes is searched as its parts ("Schachtraining": Schach, Training); a
plural that changes its vowel also finds the singular ("Bücher": Buch), and the singular that plural ("Fahrrad":
Fahrräder)."""

from __future__ import annotations

from bot.search import SearchRequest
from nlu.kernel.compounds import split_compound
from bot.search.related import relatives
from bot.search.vocabulary import Vocabulary
from bot.search.word_forms import umlaut_plurals, umlaut_singular
from tests.factories.search import KASSEL, Listings, answer_and_similar, near

KNOWN = frozenset("schach training verein blumen wiese tier heim garten arbeit migration geschichte laien "
                  "theater gruppe wander".split())


def known(word: str) -> bool:
    return word in KNOWN


def test_a_compound_splits_into_the_fewest_known_words_with_linking_letters_between() -> None:
    assert split_compound("schachtraining", known) == ("schach", "training")
    assert split_compound("blumenwiese", known) == ("blumen", "wiese")
    assert split_compound("migrationsgeschichte", known) == ("migration", "geschichte")
    assert split_compound("laientheatergruppe", known) == ("laien", "theater", "gruppe")
    assert split_compound("gartenarbeit", known) == ("garten", "arbeit")


def test_words_not_made_of_known_words_and_short_ones_stay_whole() -> None:
    assert split_compound("schachtrainign", known) == ()  # a typo: corrected elsewhere, not split
    assert split_compound("tierheim", known) == ("tier", "heim")
    assert split_compound("training", known) == ()  # one word is no compound
    assert split_compound("tierei", known) == ()  # too short to hold two parts


def test_a_function_word_ends_no_compound_but_a_particle_may_begin_one() -> None:
    words = KNOWN | {"stan", "dort", "nach", "hilfe", "frei", "zeit", "wochen", "ende", "hier"}
    assert split_compound("standort", words.__contains__) == ()  # no "stan" + "dort" ("there")
    assert split_compound("tierhier", words.__contains__) == ()
    assert split_compound("nachhilfe", words.__contains__) == ("nach", "hilfe")
    # spaCy counts some nouns among its stop words: they still end compounds
    assert split_compound("freizeit", words.__contains__) == ("frei", "zeit")
    assert split_compound("wochenende", words.__contains__) == ("wochen", "ende")
    # also in their plural forms: "Menschenrechte" was left whole, and a request for it lost the word
    assert split_compound("menschenrechte", (words | {"menschen", "rechte"}).__contains__) == ("menschen", "rechte")
    rights = Vocabulary({"menschen": 10, "rechte": 5}, listings=100)
    assert [group.word for group in rights.groups(["kinderrechten"])] != []
    # the search's own vocabulary splits no request word so either
    vocabulary = Vocabulary({"stan": 1, "dort": 40, "hilfe": 30}, listings=100)
    assert [group.word for group in vocabulary.groups(["standort"])] == []


def test_the_index_holding_the_compound_keeps_it_whole() -> None:
    words = Vocabulary({"schachtraining": 2, "schach": 3, "training": 20}, listings=100)
    assert [group.word for group in words.groups(["schachtraining"])] == ["schachtraining"]


def test_a_compound_no_listing_writes_is_searched_by_its_parts_but_a_common_head() -> None:
    words = Vocabulary({"schach": 2, "schachverein": 1, "training": 300, "fussballtraining": 4}, listings=1000)
    groups = words.groups(["schachtraining"])
    assert [group.word for group in groups] == ["schach"]  # "Training" alone would bring up any other training
    assert groups[0].matches("schachverein") and not groups[0].matches("fussballtraining")
    # A part says less than the compound would: every term of it is a lesser one (a modifier's share in a title).
    whole = groups[0].whole
    assert whole is not None and not whole.terms and not whole.prefixes
    assert groups[0].part_of == "schachtraining"  # a part names less than was asked: no search farther for it


def test_a_specific_head_is_searched_beside_the_modifier_as_a_lesser_word() -> None:
    words = Vocabulary({"buecher": 9, "buecherei": 5, "flohmarkt": 3, "flohmarktes": 1}, listings=1000)
    groups = words.groups(["buecherflohmarkt"])
    assert [group.word for group in groups] == ["flohmarkt", "buecher"]
    assert all(group.part_of == "buecherflohmarkt" for group in groups)
    assert all(group.whole is not None and not group.whole.prefixes for group in groups)  # lesser, both
    assert groups[0].matches("flohmarktes") and not groups[0].matches("buecherei")
    # A choir of any church: the head alone is what the listings hold.
    assert [group.word for group in Vocabulary({"chor": 4}, listings=1000).groups(["kirchenchor"])] == ["chor"]


def test_a_head_is_found_as_a_word_or_the_end_of_a_compound_never_as_a_beginning() -> None:
    words = Vocabulary({"demenz": 3, "kranke": 2, "krankenhaus": 5, "kinderflohmarkt": 2, "flohmarktstand": 1},
                       listings=1000)
    sick = next(group for group in words.groups(["demenzkranken"]) if group.word == "kranken")
    assert sick.matches("kranke") and not sick.matches("krankenhaus")  # a hospital is no sick person
    (market,) = words.groups(["buecherflohmarkt"])
    assert market.matches("kinderflohmarkt") and not market.matches("flohmarktstand")


def test_a_generic_head_is_let_go_however_rare() -> None:
    words = Vocabulary({"wandern": 2, "treff": 3, "gruppe": 2}, listings=1000)
    assert [group.word for group in words.groups(["wandertreff"])] == ["wander"]
    assert [group.word for group in words.groups(["wandergruppe"])] == ["wander"]


def test_a_part_is_looked_up_as_written_not_by_a_shorter_stem() -> None:
    groups = Vocabulary({"noten": 3, "notendruck": 2, "notebook": 4}, listings=1000).groups(["notenlesen"])
    assert [group.word for group in groups] == ["noten"]
    assert groups[0].matches("notendruck") and not groups[0].matches("notebook")
    words = Vocabulary({"wandern": 2, "wandbild": 5, "freunde": 300}, listings=1000)
    hikers = words.groups(["wanderfreunde"])
    assert [group.word for group in hikers] == ["wander"] and not hikers[0].matches("wandbild")
    assert Vocabulary({"wandbild": 5}, listings=1000).groups(["wanderfreunde"]) == ()


def test_a_mere_beginning_of_listing_words_is_no_part_of_a_compound() -> None:
    # "kirch" begins the towns Kirchberg and Kirchhain but is no word: "Kirchenchor" is "Kirchen" + "Chor".
    groups = Vocabulary({"kirchberg": 16, "kirchhain": 6, "chor": 5}, listings=1000).groups(["kirchenchor"])
    assert [group.word for group in groups] == ["chor"]
    assert not any(group.matches("kirchberg") for group in groups)
    church = Vocabulary({"kirchengemeinde": 4, "chor": 5}, listings=1000).groups(["kirchenchor"])
    assert [group.word for group in church] == ["kirchen", "chor"]


def test_a_word_said_alone_wins_over_the_same_word_inside_a_compound_in_either_order() -> None:
    words = Vocabulary({"klavier": 3, "unterricht": 300}, listings=1000)
    for said in (["klavier", "klavierunterricht"], ["klavierunterricht", "klavier"]):
        (group,) = words.groups(said)
        assert group.word == "klavier" and group.part_of is None and group.whole is None
    (part,) = words.groups(["klavierunterricht"])
    assert part.part_of == "klavierunterricht"


def test_a_part_the_listings_do_not_hold_is_split_again_and_a_head_alone_finds_nothing() -> None:
    words = Vocabulary({"theater": 4, "gruppe": 30}, listings=100)
    assert [group.word for group in words.groups(["laientheatergruppe"])] == ["theater"]
    assert words.groups(["wandergruppe"]) == ()  # only the head is held: no other group stands for a hike


def test_an_umlaut_plural_in_er_also_finds_the_singular() -> None:
    assert umlaut_singular("buecher") == "buch"
    assert umlaut_singular("waeldern") == "wald"
    assert umlaut_singular("haeuser") == "haus"
    assert umlaut_singular("kueche") is None  # not a plural in -er: no "Kuchen" for a kitchen
    assert umlaut_singular("lehrer") is None  # no umlaut
    group = Vocabulary({"buch": 3, "buches": 1, "buchhandlung": 1, "buecher": 1}, listings=100).group("buecher")
    assert group is not None and group.matches("buch") and group.matches("buches") and group.matches("buecher")


def test_the_singular_of_an_umlaut_plural_is_a_word_of_its_own_never_a_beginning() -> None:
    # "Männer", "Länder", "Wälder": the singular's letters also begin towns and other words (Mannheim, Landkreis,
    # Waldbronn); only the singular itself and its genitive say the same thing.
    words = Vocabulary({"mann": 2, "mannes": 1, "mannheim": 40, "mannschaft": 9, "land": 3, "landkreis": 30,
                        "wald": 4, "waldbronn": 6}, listings=1000)
    men = words.group("maenner")
    assert men is not None and men.matches("mann") and men.matches("mannes")
    assert not men.matches("mannheim") and not men.matches("mannschaft")
    countries = words.group("laendern")
    assert countries is not None and countries.matches("land") and not countries.matches("landkreis")
    woods = words.group("waelder")
    assert woods is not None and woods.matches("wald") and not woods.matches("waldbronn")
    assert Vocabulary({"mannheim": 40}, listings=1000).group("maenner") is None  # only the town: nothing to find


def test_a_singular_also_finds_its_umlaut_plural_in_er_as_a_word_of_its_own() -> None:
    assert umlaut_plurals("fahrrad") == ("fahrraeder", "fahrraedern")
    assert umlaut_plurals("haus") == ("haeuser", "haeusern")
    assert all(umlaut_singular(plural) == "buch" for plural in umlaut_plurals("buch"))
    assert umlaut_plurals("garten") == ()  # Gärten takes no -er
    assert umlaut_plurals("kind") == ()  # no vowel to change: Kinder is found by its stem
    assert umlaut_plurals("rad") == ()  # too short to stand alone
    words = Vocabulary({"fahrrad": 2, "fahrraeder": 1, "fahrraederladen": 1, "maenner": 3}, listings=100)
    bikes = words.group("fahrrad")
    assert bikes is not None and bikes.matches("fahrraeder") and not bikes.matches("fahrraederladen")
    # a compound beginning with the plural is no plural of the word: it finds nothing
    assert Vocabulary({"fahrraederladen": 1}, listings=100).group("fahrrad") is None


async def test_a_listing_naming_the_rare_part_of_a_compound_ranks_first(listings: Listings) -> None:
    common = await listings.add("Training für Kinder im Sportverein", categories=["sports"], **near(KASSEL, 0.5, 0))
    chess = await listings.add("Schachpatin für den Jugendclub", categories=["sports"], **near(KASSEL, 3, 0))
    other = await listings.add("Fußballtraining am Wochenende", categories=["sports"], **near(KASSEL, 1, 0))
    # "Training" is the kind, "Schach" says which: the trainings of other sports are the related ones.
    answer, similar = await answer_and_similar(listings.database, SearchRequest(text="Schachtraining in Kassel geben"),
                                               categories=["sports"], place=KASSEL, keywords=["schachtraining"])
    assert answer == [chess] and set(similar) == {common, other}


def test_a_quarters_meeting_place_finds_the_other_names_towns_give_it() -> None:
    found = relatives("quartierstreff")
    assert {"stadtteiltreff", "buergertreff", "begegnungsstaett"} <= set(found)
    assert relatives("treffpunkt") == ()  # a meeting point of anything is no such house


def test_a_typo_is_corrected_rather_than_split() -> None:
    words = Vocabulary({"lesepatin": 3, "lese": 5, "pate": 4}, listings=100)
    assert [group.word for group in words.groups(["lesepatni"])] == ["lesepatni"]
    group = words.group("lesepatni")
    assert group is not None and group.part_of is None and group.matches("lesepatin")
