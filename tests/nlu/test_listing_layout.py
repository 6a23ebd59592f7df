"""How a listing's layout weighs its words (issue 14): the title, sections, bracketed examples, and compounds
whose head is a time word."""

from __future__ import annotations

import pytest

from nlu import categorize, parse
from nlu.api import analysed
from nlu.listing_layout import layout_rules, listing_layout, without_addresses
from nlu.listing_evidence import Evidence, ranked_categories
from nlu.listing_rules import listing_rules
from nlu.listings import listing_mentions


def test_a_word_in_brackets_weighs_as_an_example() -> None:
    text = "Spielplatzpate.\nFreizeit gestalten (Malen, Fußball) und Streit schlichten.\nWir bieten: Fortbildungen."
    layout = listing_layout(text, len("Spielplatzpate"))
    rules = layout_rules()
    assert layout.weight(text.index("Fußball")) == rules.example_weight
    assert layout.weight(text.index("Streit")) == 1.0
    assert layout.weight(text.index("Fortbildungen")) == rules.aside_weight
    assert layout.weight(0) == rules.title_weight


def test_examples_in_brackets_do_not_add_a_field_of_their_own() -> None:
    tags = categorize(
        "Betreuung in der Grundschule",
        "<p>Du unterstützt Kinder beim Lesen.</p><ul><li>Angebote (Theater, Chor) begleiten</li></ul>",
    )
    assert "culture" not in tags.categories
    assert {"education", "children_youth"} <= set(tags.categories)


def test_ranked_categories_keep_a_share_of_the_strongest() -> None:
    share = listing_rules().share
    order = ("sports", "culture", "animals")
    scores = {"sports": 10.0, "culture": 10.0 * share, "animals": 10.0 * share - 0.1}
    assert ranked_categories(Evidence(scores, frozenset()), order) == ["sports", "culture"]
    assert ranked_categories(Evidence(scores, frozenset({"animals"})), order) == ["sports", "culture", "animals"]
    assert ranked_categories(Evidence({}, frozenset()), order) == []


def test_a_field_the_title_names_stays_however_long_the_text_on_another() -> None:
    description = (
        "<p>Unser Turnverein bietet Turnen, Handball, Tischtennis und Gymnastik.</p>"
        "<ul><li>Aufwärmen und Dehnen anleiten</li><li>Übungen an Geräten in der Turnhalle zeigen</li>"
        "<li>das Sportfest mit vorbereiten</li></ul>"
    )
    categories = categorize("Übungsleitung Inklusionssport", description).categories
    assert {"sports", "disability_inclusion"} <= set(categories)


@pytest.mark.parametrize(
    ("title", "wanted"),
    [("Kaffeenachmittag für Senioren gestalten", "seniors"), ("Seniorennachmittag im Pfarrsaal", "seniors"),
     ("Helfer*innen für den Konzertabend", "culture")],
)
def test_a_compound_ending_in_a_time_word_keeps_its_field(title: str, wanted: str) -> None:
    assert wanted in categorize(title, "<p>Tische eindecken und abräumen.</p>").categories


def test_a_time_phrase_around_a_field_word_still_says_only_when() -> None:
    assert "education" not in parse("ich hätte nach der Schule Zeit, gern was mit Tieren").categories
    assert "culture" in parse("ich helfe gern beim Konzertabend im Gemeindehaus").categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        ("Spielenachmittag in der Unterkunft", "<p>In der Gemeinschaftsunterkunft am Stadtrand wohnen Familien.</p>",
         "refugees_integration"),
        ("Streckenposten beim Stadtmarathon", "<p>Du feuerst die Läuferinnen an und reichst Wasser.</p>", "sports"),
        ("Schriftführung im Verein", "<p>Unsere Kleingärtner bewirtschaften 80 Parzellen am Fluss.</p>",
         "environment"),
        ("Morgens anrufen", "<p>Unsere Telefonkette meldet sich täglich bei Menschen, die allein leben.</p>",
         "neighbourhood"),
    ],
)
def test_listing_vocabulary_of_shelters_runners_allotments_and_phone_visits(
    title: str, description: str, wanted: str
) -> None:
    assert wanted in categorize(title, description).categories


def test_a_do_it_yourself_workshop_is_no_self_help_group() -> None:
    tags = categorize("Werkstattdienst", "<p>In unserer Selbsthilfewerkstatt reparieren Gäste ihre Räder.</p>")
    assert "health_care" not in tags.categories


def test_mail_and_web_addresses_name_no_field() -> None:
    description = (
        "<p>Du sortierst Bücher für den Bücherflohmarkt.</p><p>Schreib an info@jugendfeuerwehr-ost.example.org</p>"
    )
    tags = categorize("Helfer*in gesucht", description)
    assert tags.categories == ["culture"]
    assert "example.org" not in without_addresses("Mehr unter www.beispiel.de/mitmachen oder info@beispiel.example.org")


def test_a_sentence_naming_many_fields_is_the_organisations_catalogue() -> None:
    description = (
        "<p>Im Bürgerhaus gibt es eine Krabbelgruppe, einen Seniorentanz, einen Computerkurs und eine Tafel.</p>"
        "<ul><li>Kaffee kochen</li><li>Gäste im Nachbarschaftscafé begrüßen</li></ul>"
    )
    tags = categorize("Thekendienst im Bürgerhaus", description)
    assert tags.categories == ["neighbourhood"]


def test_a_verb_in_ieren_before_a_compound_head_hides_no_animal() -> None:
    assert "animals" not in categorize("Kleiderladen sucht Sortierhilfen", "<p>Spenden annehmen.</p>").categories


def test_a_hyphenated_care_of_a_thing_is_no_health_care() -> None:
    tags = categorize("Homepage-Pflege im Sportverein", "<p>Ergebnisse und Termine einstellen.</p>")
    assert "health_care" not in tags.categories and "digital" in tags.categories


def test_the_thank_you_party_for_volunteers_is_no_festival() -> None:
    tags = categorize("Kassenprüfer*in gesucht", "<p>Zum Dank gibt es jährlich ein Dankeschön-Fest.</p>")
    assert tags.categories == []


@pytest.mark.parametrize(
    ("title", "wanted", "wrong"),
    [("Tabletkurs für Senior*innen geben", "education", None), ("Nähkurse im Stadtteiltreff leiten", "education", None),
     ("Helfer*in für Schwimmkurse", None, "education")],
)
def test_a_course_in_the_title_is_teaching_unless_it_is_a_sport(
    title: str, wanted: str | None, wrong: str | None
) -> None:
    categories = categorize(title, "<p>Vorbereitung des Raums, Begleitung der Teilnehmenden.</p>").categories
    assert wanted is None or wanted in categories
    assert wrong is None or wrong not in categories


def test_a_course_volunteers_attend_is_no_teaching() -> None:
    description = "<p>Besuche bei Sterbenden.</p><p>Vorab besuchen Sie unseren Vorbereitungskurs.</p>"
    assert "education" not in categorize("Hospizbegleitung", description).categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        ("Beratung zu Hause", "<p>Du berätst Haushalte mit geringem Einkommen.</p>", "poverty_homelessness"),
        ("Beratung zum Energiesparen", "<p>Tipps für die Nebenkosten.</p>", "environment"),
        ("Rundbrief gestalten", "<p>Du schreibst unseren monatlichen Newsletter.</p>", "digital"),
        ("Stadtrundgang für Neubürger*innen", "<p>Du zeigst Zugezogenen Rathaus und Vereine.</p>", "neighbourhood"),
        ("Kirchenbücher entziffern", "<p>Unser Verein für Familienforschung sucht Hilfe.</p>", "culture"),
        ("Sitztanz im Pflegeheim anleiten", "<p>Bewegung zu Musik.</p>", "sports"),
        ("Zuhören im Krisenchat", "<p>Junge Menschen schreiben uns in schweren Zeiten.</p>", "health_care"),
    ],
)
def test_listing_vocabulary_of_energy_income_letters_newcomers_history_dance_and_crises(
    title: str, description: str, wanted: str
) -> None:
    assert wanted in categorize(title, description).categories


def test_words_in_the_offer_alone_name_no_field() -> None:
    description = (
        "<p>Unsere Tafel gibt jeden Samstag Lebensmittel aus.</p>"
        "<p><strong>Wir bieten:</strong> Ehrenamtsnachweis für Bewerbungen, Schulungen, Fahrtkosten</p>"
        "<p><strong>Das wünschen wir uns:</strong> Führerschein, Freude an Musik</p>"
    )
    assert categorize("Kassierer*in gesucht", description).categories == ["poverty_homelessness"]


def test_a_listing_that_says_little_keeps_what_it_says() -> None:
    description = "<p>Über uns: Wir sind ein kleiner Heimatverein.</p><p>Was Sie tun: Protokoll führen.</p>"
    assert categorize("Schriftführer*in", description).categories == ["culture"]


def test_the_people_the_blurb_names_are_those_the_volunteer_works_with() -> None:
    description = (
        "<p><strong>Über uns</strong><br>Die Lebenshilfe begleitet Menschen mit Behinderung im eigenen Wohnen.</p>"
        "<p><strong>Ihre Aufgaben</strong><br>Gemeinsam einkaufen gehen, Wäsche machen, Fenster putzen.</p>"
    )
    assert "disability_inclusion" in categorize("Alltagshelfer*in in der Wohngemeinschaft", description).categories


@pytest.mark.parametrize(
    ("title", "wanted"),
    [("Mentor*in für Azubis im Handwerk", {"education", "children_youth"}),
     ("Beete im Schulgarten pflegen", {"education", "children_youth", "environment"})],
)
def test_apprentices_and_school_gardens(title: str, wanted: set[str]) -> None:
    assert wanted <= set(categorize(title, "<p>Einmal pro Woche.</p>").categories)


@pytest.mark.parametrize(
    ("title", "wanted", "wrong"),
    [("Assistenz der Probenleitung im Jugendorchester", "culture", "disability_inclusion"),
     ("Freizeitassistenz für einen jungen Mann im Rollstuhl", "disability_inclusion", None),
     ("Persönliche Assistenz im Studium", "disability_inclusion", None)],
)
def test_an_assistant_is_a_role_personal_assistance_is_inclusion(title: str, wanted: str, wrong: str | None) -> None:
    categories = categorize(title, "<p>Zwei Nachmittage pro Woche.</p>").categories
    assert wanted in categories and (wrong is None or wrong not in categories)


@pytest.mark.parametrize(
    ("title", "description"),
    [("Begleiter*in gesucht", "<p>Du erledigst Einkäufe mit Menschen, die nicht mehr gut laufen können.</p>"),
     ("Ehrenamtliche Richter*innen gesucht", "<p>Als Schöffin oder Schöffe urteilen Sie am Amtsgericht mit.</p>"),
     ("Beratungsdienst", "<p>In der Freiwilligenagentur berätst du Menschen, die sich engagieren wollen.</p>"),
     ("Behördenbegleitung", "<p>Du gehst mit Ratsuchenden zu Ämtern.</p>")],
)
def test_errands_civic_duties_and_accompanying_to_offices_are_neighbourhood(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


def test_what_awaits_the_volunteer_is_the_task_section() -> None:
    text = "Helfer*in gesucht.\nÜber uns:\nWir sind ein Tierschutzverein.\nDas erwartet Sie:\n- Hunde ausführen\n"
    layout = listing_layout(text, len("Helfer*in gesucht"))
    assert layout.weight(text.index("Tierschutzverein")) == layout_rules().aside_weight
    assert layout.weight(text.index("Hunde")) == 1.0


def test_a_heading_asked_as_a_question_ends_the_section_before() -> None:
    text = "Helfer*in gesucht.\nWir bieten:\nFortbildungen\nWann?:\nsamstags im Tierheim\n"
    layout = listing_layout(text, len("Helfer*in gesucht"))
    assert layout.weight(text.index("Fortbildungen")) == layout_rules().aside_weight
    assert layout.weight(text.index("Tierheim")) == 1.0


def test_a_club_looking_for_new_members_names_no_children() -> None:
    tags = categorize("Chor sucht Nachwuchs", "<p>Wir proben donnerstags und singen bei Gemeindefesten.</p>")
    assert "children_youth" not in tags.categories
    assert "children_youth" in categorize("Nachwuchsarbeit im Ruderverein", "<p>Training am Steg.</p>").categories


def test_a_course_the_taxonomy_already_names_counts_once() -> None:
    with analysed("Sprachkurs für Frauen begleiten.\nDu hilfst der Kursleiterin.", listing=True) as doc:
        mentions = listing_mentions(doc, 4)
        assert [span.text for span in mentions if span.label_ == "education"] == ["Sprachkurs"]


def test_a_listing_gets_at_most_three_fields() -> None:
    order = ("sports", "culture", "animals", "digital")
    scores = {"sports": 6.0, "culture": 5.0, "animals": 4.0, "digital": 3.0}
    assert ranked_categories(Evidence(scores, frozenset()), order) == ["sports", "culture", "animals"]
    tags = categorize(
        "Hoffest vorbereiten",
        "<ul><li>Ponys und Ziegen füttern</li><li>Ponys striegeln</li><li>Bühne für die Blaskapelle aufbauen</li>"
        "<li>Musik für den Abend aussuchen</li><li>Fotos für die Homepage machen</li><li>Homepage aktualisieren</li>"
        "<li>Staffellauf für die Gäste aufbauen</li><li>Sackhüpfen und Laufspiele anleiten</li></ul>",
    )
    assert len(tags.categories) <= 3


@pytest.mark.parametrize(
    ("title", "description", "absent"),
    [
        ("Umzugshelfer*innen für Familien", "<p>Kartons schleppen, Möbel aufbauen und Lampen anschließen.</p>",
         "children_youth"),
        ("Bienenvölker an der Schule betreuen", "<p>Waben kontrollieren, Honig schleudern, Imkeranzüge pflegen.</p>",
         "education"),
    ],
)
def test_families_and_schools_alone_name_no_field(title: str, description: str, absent: str) -> None:
    assert absent not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "present"),
    [
        ("Ausflüge mit Familien", "<p>Mit den Kindern in den Zoo gehen und Picknick machen.</p>", "children_youth"),
        ("Lernhilfe in der Schule", "<p>Mit Schüler*innen Mathe üben und Hausaufgaben besprechen.</p>", "education"),
    ],
)
def test_families_and_schools_count_beside_a_plainer_word(title: str, description: str, present: str) -> None:
    assert present in categorize(title, description).categories


def test_the_title_counts_once_for_each_field_it_names() -> None:
    tags = categorize(
        "Zirkus: Jonglage und Akrobatik",
        "<p>Bei uns üben Kinder und Jugendliche zweimal die Woche.</p><p>Die Kinder zeigen im Sommer eine Show.</p>",
    )
    assert set(tags.categories[:2]) == {"culture", "sports"}  # circus is both (t14-list6), each titled once
    assert "children_youth" in tags.categories
