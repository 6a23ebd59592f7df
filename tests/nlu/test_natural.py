"""How the NLU reads chatty, natural messages: filler, short forms, language needs (issue 14)."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.lexicon import filler_words


@pytest.mark.parametrize("word", ["hab", "wuerd", "gibts", "irgendwie", "soziales", "speak", "bisschen"])
def test_filler_list_built_from_data_holds_words_without_content(word: str) -> None:
    assert word in filler_words()


@pytest.mark.parametrize("word", ["feuerwehr", "schach", "mathe", "gitarre", "basteln", "handwerklich", "chess"])
def test_filler_list_keeps_words_that_carry_content(word: str) -> None:
    assert word not in filler_words()


def test_filler_never_becomes_a_keyword_but_a_subject_does() -> None:
    assert parse("hab zeit, würd gern irgendwie was soziales machen, gibts da was?").keywords == ()
    assert "schach" in parse("Schach mit Senioren in Dresden").keywords
    assert "feuerwehr" in parse("was bei der Feuerwehr in Marburg").keywords
    assert "mathe" in parse("ich kann Mathe erklären").keywords


def test_english_interest_words_are_carried_by_their_category_not_searched_as_words() -> None:
    query = parse("I speak a little German and would like to help at a shelter in Leipzig")
    assert "shelter" not in query.keywords and "speak" not in query.keywords


@pytest.mark.parametrize("text", ["hab am WE zeit", "jedes WE in Kassel", "übers Wo-Ende was mit Tieren"])
def test_weekend_abbreviations(text: str) -> None:
    query = parse(text)
    assert "weekend" in query.time and query.lang == "de"


def test_english_we_is_still_the_pronoun() -> None:
    assert parse("we would like to help together").time == ()


@pytest.mark.parametrize(
    "text",
    [
        "mein Deutsch ist noch nicht so gut, suche was mit Tieren",
        "ich spreche kein Deutsch, nur Arabisch",
        "Deutsch kann ich nicht so gut",
        "I don't speak German",
        "my German isn't great yet",
        "I'm still learning German, want to help in a garden",
        "I speak only English",
    ],
)
def test_speaking_little_german_sets_the_need(text: str) -> None:
    query = parse(text)
    assert query.needs_little_german
    assert query.to_dict()["needs_little_german"] is True
    assert not {"deutsch", "german", "learning"} & set(query.keywords)


@pytest.mark.parametrize(
    "text",
    ["Ich möchte Geflüchteten beim Deutsch lernen helfen", "ich spreche gut Deutsch und Englisch", "I teach German"],
)
def test_teaching_or_speaking_german_is_no_need(text: str) -> None:
    assert not parse(text).needs_little_german


def test_learning_german_oneself_is_not_an_interest_in_teaching_it() -> None:
    assert parse("I'm still learning German, want to help in a garden").categories == ("environment",)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Frankfurt oder Hanau, egal", "Frankfurt am Main"),
        ("Frankfurt (Oder)", "Frankfurt (Oder)"),
        ("Kassel ist mir zu weit, lieber Baunatal", "Baunatal"),
        ("bin gerade in Köln, wohne aber in Marburg", "Marburg"),
        ("war Ingenieur bei VW in Baunatal, wohne in Kassel", "Kassel"),
        ("meine Oma wohnt in Bautzen, ich würde gern hier in Görlitz Senioren besuchen", "Görlitz"),
    ],
)
def test_several_places_the_sentence_decides(text: str, town: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == town


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("ich will nix mit Kindern, sonst bin ich offen. MR", "Marburg"),
        ("isch wohn in DD-Neustadt un würd gern was mit Katzen machen", "Dresden"),
        ("was mit Tieren in OF", "Offenbach am Main"),
        ("Raum KS, am liebsten Sport", "Kassel"),
    ],
)
def test_licence_plate_letters_name_towns_where_the_message_makes_them_a_place(text: str, town: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == town


@pytest.mark.parametrize(
    "text", ["OF course I want to help with animals", "Trainer für die F-Jugend", "Kleidung in Größe L sortieren"]
)
def test_licence_plate_letters_elsewhere_are_no_place(text: str) -> None:
    assert parse(text).place is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich bin 16 und brauch für die Schule ein Sozialpraktikum, egal was, in Fulda", ()),
        ("My daughter needs volunteer hours for school, something with animals", ("animals",)),
        ("brauche was für den Lebenslauf, am besten mit Kindern", ("children_youth",)),
    ],
)
def test_a_placement_requirement_is_why_someone_asks_not_what_they_want(text: str, wanted: tuple[str, ...]) -> None:
    query = parse(text)
    assert query.categories == wanted
    assert not {"schule", "school", "sozialpraktikum", "lebenslauf"} & set(query.keywords)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("würd gern was mit de Viecher machen", "animals"),
        ("was mit den Knirpsen im Hort", "children_youth"),
        ("Menschen helfen, die sich mit Behördenbriefen schwer tun", "neighbourhood"),
        ("Leuten mit Geldsorgen helfen", "poverty_homelessness"),
        ("help people who just arrived settle in", "refugees_integration"),
        ("in der Stadtbibliothek Bücher sortieren", "culture"),
        ("can students volunteer at the Marburg Tafel?", "poverty_homelessness"),
    ],
)
def test_colloquial_and_indirect_interests(text: str, category: str) -> None:
    assert category in parse(text).categories


def test_only_another_language_means_little_german() -> None:
    query = parse("Where can I volunteer in Frankfurt if I only speak English and Farsi?")
    assert query.needs_little_german and query.languages == ("en", "fa")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Neustadt Dresden, was mit Kindern", "Dresden"),
        ("in der Dresdner Neustadt", "Dresden"),
        ("Leipzig-Gohlis, am Wochenende", "Leipzig"),
        ("Hamburg Nord, Tierheim", "Hamburg"),
        ("würd gern in hamburg-bergedorf im museum helfen", "Hamburg"),
    ],
)
def test_quarters_with_their_city_are_that_city(text: str, town: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == town and not query.place_candidates


@pytest.mark.parametrize("text", ["ick such wat mit viechern in berlin", "isch will mit de kinner was mache, Offebach"])
def test_dialect_function_words_say_german_and_are_no_keywords(text: str) -> None:
    query = parse(text)
    assert query.lang == "de"
    assert not {"ick", "wat", "isch"} & set(query.keywords)


@pytest.mark.parametrize(
    "text",
    ["unter der Woche bin ich voll eingespannt, sonntags geht es. Kassel", "werktags ausgelastet, samstags frei"],
)
def test_being_busy_on_weekdays_leaves_the_weekend(text: str) -> None:
    assert parse(text).time == ("weekend",)


def test_a_home_country_is_no_helping_from_home() -> None:
    assert not parse("I have hospice experience from my home country, anything in Hamburg?").remote


def test_online_or_on_site_leaves_the_way_open() -> None:
    assert not parse("Texte schreiben für einen Naturschutzverein, online oder vor Ort, Jena").remote
    assert parse("Texte schreiben für einen Naturschutzverein, von zu Hause aus").remote


def test_a_compound_of_two_known_words_is_no_typo_of_an_interest_word() -> None:
    assert parse("jetzt im Vorruhestand, eher Zahlenmensch, Finanzen für einen Verein").categories == ()
    assert "seniors" in parse("Senoiren besuchen in Offenbach").categories  # a real typo still is one


@pytest.mark.parametrize(("text", "category"), [
    ("würde gern bei der Bahnhofesmission mithelfen", "poverty_homelessness"),
    ("Sterbeenbegleitung, am liebsten abends", "health_care"),
    ("in einer Fahrradeswerkstatt schrauben", "environment"),
])
def test_a_doubled_letter_before_a_joint_is_a_typo_not_a_compound(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize(
    ("text", "role", "kept"),
    [
        ("ich arbeite als Elektriker und würde gern Fahrräder reparieren, Kassel", "elektriker", "fahrraeder"),
        ("Bin gelernte Schneiderin, kann gut nähen. Leipzig", "schneiderin", "naehen"),
        ("ich bin Tischler und kann Hochbeete bauen", "tischler", "hochbeete"),
        ("I'm a retired accountant and could help a club with its books", "accountant", None),
    ],
)
def test_ones_own_job_is_no_search_word(text: str, role: str, kept: str | None) -> None:
    keywords = parse(text).keywords
    assert role not in keywords
    assert kept is None or kept in keywords


def test_ich_bin_with_an_adjective_is_no_role() -> None:
    assert "handwerklich" in parse("ich bin handwerklich begabt, Fulda").keywords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich würde gern kranke Nachbarn besuchen, Kassel", {"health_care", "neighbourhood"}),
        ("könnte Patienten im Krankenhaus besuchen", {"health_care", "neighbourhood"}),
        ("I'd like to visit old people who live alone", {"seniors", "neighbourhood"}),
        ("would love to visit the elderly and keep them company in Fulda", {"seniors", "neighbourhood"}),
        ("Ich besuche gern Museen und würde dort helfen", {"culture"}),  # a visit to a thing
        ("Ich besuche gerade einen Nähkurs", set()),
    ],
)
def test_visiting_people_is_neighbourly_help(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Würde gern Alleinerziehende im Alltag entlasten, Marburg", {"neighbourhood"}),
        ("helping single mums with shopping and the kids", {"neighbourhood", "children_youth"}),
        ("Ich möchte pflegende Angehörige stundenweise entlasten", {"health_care", "neighbourhood"}),
        ("Einen Nachmittag für Jung und Alt organisieren", {"neighbourhood"}),
    ],
)
def test_relieving_households_and_bringing_generations_together_is_neighbourhood(
    text: str, expected: set[str]
) -> None:
    assert expected <= set(parse(text).categories)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("hedgehog rescue or a bird sanctuary near Gießen", {"animals"}, {"emergency_services"}),
        ("Wildbienen und Schmetterlinge zählen im Sommer", {"animals", "environment"}, set()),
        ("looking after beehives with a local beekeeper", {"animals", "environment"}, set()),
        ("Ich will zur Wasserrettung", {"emergency_services"}, {"animals"}),
    ],
)
def test_animals_of_the_wild_are_animals_and_nature(text: str, expected: set[str], absent: set[str]) -> None:
    categories = set(parse(text).categories)
    assert expected <= categories and not absent & categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich bin 52, drei Kinder, alle erwachsen. Suche was mit Tieren in Fulda", {"animals"}),
        ("I'm 40, two dogs, one husband, and I'd like to help refugees", {"refugees_integration"}),
    ],
)
def test_a_counted_fact_after_a_self_description_is_the_writers(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hausaufgabenhilfe gesucht? Ich kann, 2 Kinder",  # no self-description before the count
        "Ich bin Erzieherin und würde gern zwei Kinder beim Lesen begleiten",  # the count is in a wish
    ],
)
def test_a_count_without_a_self_description_stays_an_interest(text: str) -> None:
    assert "children_youth" in parse(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Würde gern syrischen Familien beim Ankommen helfen, Gießen", True),
        ("I'd like to tutor Eritrean teenagers in maths", True),
        ("könnte irakischen Frauen die Stadt zeigen", True),
        ("Ich bin Syrer und möchte im Tierheim helfen", False),  # who one is
        ("I'm Afghan and would like to play football with kids", False),
    ],
)
def test_people_of_the_countries_newcomers_fled_from_are_refugees_integration(text: str, wanted: bool) -> None:
    assert ("refugees_integration" in parse(text).categories) is wanted


@pytest.mark.parametrize(
    "text",
    [
        "Würde gern Leuten bei der Stellensuche unter die Arme greifen, Kassel",
        "Jugendliche bei der Berufsorientierung begleiten",
        "I could help job seekers with their applications",
        "Einem Azubi-Anwärter bei der Ausbildungsplatzsuche helfen",
    ],
)
def test_help_with_finding_work_is_education(text: str) -> None:
    assert "education" in parse(text).categories


def test_being_in_an_apprenticeship_is_no_interest() -> None:
    assert parse("Ich bin in der Ausbildung zur Bankkauffrau und suche was mit Tieren").categories == ("animals",)


@pytest.mark.parametrize(
    ("text", "expected", "ruled_out"),
    [
        ("Sachen reparieren, damit weniger weggeschmissen wird, Kassel", {"environment"}, set()),
        ("mending clothes so that nothing is thrown away", {"environment"}, set()),
        ("Keine Kinder bitte, damit ist alles gesagt. Tiere gern", {"animals"}, {"children_youth"}),
    ],
)
def test_a_purpose_to_prevent_waste_is_an_interest(text: str, expected: set[str], ruled_out: set[str]) -> None:
    query = parse(text)
    assert set(query.categories) == expected and set(query.exclude_categories) == ruled_out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich schraube gern, Fahrräder reparieren wäre was", set()),  # repairing alone names no field
        # a repair café is neighbourly help and environment (README convention "Repair cafés", t14-cat3)
        ("Hilfe beim Repair-Café in Marburg", {"neighbourhood", "environment"}),
        # the district says where; reading aloud with no children named is no education (README "Reading aloud")
        ("Vorlesen in der Stadtteilbücherei, Kassel-Wehlheiden", {"culture"}),
    ],
)
def test_repairing_and_district_compounds(text: str, expected: set[str]) -> None:
    assert set(parse(text).categories) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd like to help old Turkish ladies with their shopping", {"seniors", "neighbourhood"}),
        ("ältere alleinstehende Herren zum Kaffee treffen", {"seniors"}),
        ("help elderly disabled residents get around", {"seniors", "disability_inclusion"}),
    ],
)
def test_old_people_named_with_a_word_between_are_seniors(text: str, expected: set[str]) -> None:
    assert expected <= set(parse(text).categories)


def test_an_old_writer_is_no_interest() -> None:
    assert parse("Ich bin eine ältere Frau und suche was mit Tieren").categories == ("animals",)


@pytest.mark.parametrize(
    "text", ["Hilfe im Wochenbett für Familien, Kassel", "Familien nach der Geburt im Alltag unter die Arme greifen"]
)
def test_help_for_families_after_a_birth_is_children_and_neighbourhood(text: str) -> None:
    assert {"children_youth", "neighbourhood"} <= set(parse(text).categories)


def test_school_classes_are_there_to_learn() -> None:
    assert {"children_youth", "education"} <= set(parse("Mit Schulklassen die Streuobstwiese erkunden").categories)


@pytest.mark.parametrize(
    "text", ["Skateboard-Workshop für Kids betreuen", "Bouldern mit Jugendlichen, Dresden", "parkour group"]
)
def test_board_and_street_sports_are_sports(text: str) -> None:
    assert "sports" in parse(text).categories


@pytest.mark.parametrize("text", ["Ältere zum Wochenmarkt begleiten", "mit Rollstuhlfahrern einen Stadtbummel machen"])
def test_errands_and_strolls_in_town_are_neighbourly_help(text: str) -> None:
    assert "neighbourhood" in parse(text).categories


def test_accompanying_a_pupil_is_children_and_education() -> None:
    assert {"children_youth", "education"} <= set(parse("Könnte ich als Schulbegleiter helfen? Kassel").categories)


def test_an_english_word_german_writes_only_in_names_is_filler() -> None:
    # "New" is frequent in German text only as part of names ("New York"), "Open" of "Open Air".
    assert {"new", "open"} <= filler_words()
    assert parse("I'm new in Frankfurt").keywords == ()
