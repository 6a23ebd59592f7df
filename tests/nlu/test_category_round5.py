"""Category round 5 (t14-cat5): the circumstances a message states around the wish (where a duty is done, an access
one needs, one's own children, a bracket describing a person, one's workplace, repairs for a named group), each with
sentences written for these tests (none from a labelled set). Read with the rules alone, so a stale trained component
neither hides nor causes a failure."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> set[str]:
    return set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "Würde gern Sanitätsdienst bei Handballspielen und Konzerten machen, Raum Kassel",
        "first aid at football matches or at the theatre, anything in Bremen?",
        "Sanitätsdienst beim Theater oder auf dem Stadtfest, ab und zu",
    ],
)
def test_the_event_a_rescue_duty_serves_is_no_wish_for_culture_or_sport(text: str) -> None:
    assert _categories(text) == {"emergency_services"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ich würde gern bei Konzerten helfen, Einlass oder Garderobe", {"culture"}),
        ("Sanitätsdienst machen und Fußball mit Kindern trainieren",
         {"emergency_services", "sports", "children_youth"}),
    ],
)
def test_culture_or_sport_not_placed_after_a_duty_stays_the_field(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ich bin Rollstuhlfahrerin und suche was am Computer, der Raum sollte barrierefrei sein", {"digital"}),
        ("Seit einem Unfall sitze ich im Rollstuhl. Gibt es was mit Tieren, das barrierefrei erreichbar ist?",
         {"animals"}),
        ("I'm deaf and I'd like to help in a garden, somewhere deaf-friendly please", {"environment"}),
    ],
)
def test_an_access_need_beside_ones_own_disability_is_no_field(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte barrierefreie Stadtführungen anbieten",
        "Mir liegt Barrierefreiheit in unserer Stadt am Herzen, ich bin selbst im Rollstuhl",
        "Ich bin gehörlos und möchte anderen Gehörlosen bei Behördengängen helfen",
    ],
)
def test_access_as_the_cause_or_helping_others_stays_disability_inclusion(text: str) -> None:
    assert "disability_inclusion" in _categories(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mein Vater (70) ist gehörlos und möchte gern im Tierheim helfen", {"animals"}),
        ("My daughter (15, autistic) wants to help in a library", {"culture"}),
        ("Ich (41, Altenpflegerin im Nachtdienst) hätte Lust auf was mit Sport", {"sports"}),
    ],
)
def test_a_bracket_or_predicate_describing_a_person_is_who_they_are(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Kinder wohnen jetzt in Berlin und ich hab Zeit. Was mit Tieren?", {"animals"}),
        ("Seit einem Jahr geschieden, die Kinder sind bei ihrem Vater. Ich koche gern, vielleicht Tafel?",
         {"poverty_homelessness"}),
        ("We're new in Kassel, kids 4 and 7, and want to help in nature on Sundays", {"environment"}),
        ("The kids are at university now. Anything with old people?", {"seniors"}),
    ],
)
def test_children_described_where_they_are_or_by_age_are_ones_own(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte Kinder unterstützen, die Kinder sind oft allein zu Hause",
        "Jugendarbeit 34117",
        "Kinder, 8 bis 12 Jahre, Hausaufgabenhilfe",
    ],
)
def test_children_one_wants_to_help_stay_children(text: str) -> None:
    assert "children_youth" in _categories(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi, software developer here, working in IT in Munich. Something with animals on weekends?", {"animals"}),
        ("I'm a carer, working at a hospital in Kiel. I'd like to do something with sports", {"sports"}),
    ],
)
def test_working_in_a_field_names_ones_job(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Could I repair bicycles for refugees in Halle?", {"refugees_integration"}),
        ("Ich kann Reparaturen für Obdachlose machen", {"poverty_homelessness"}),
        ("kleine Reparaturen für die Nachbarn, Glühbirnen wechseln und so", {"neighbourhood"}),
        ("Ich würde gern im Repair Café mitmachen", {"neighbourhood", "environment"}),
        ("help old people with small repairs at home", {"seniors", "neighbourhood"}),
    ],
)
def test_repairs_for_a_named_group_are_that_groups_field(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hello, wheelchair user here. Could I help a food bank with the phone?", {"poverty_homelessness"}),
        ("retired nurse here, in Kassel. Looking for something with dogs", {"animals"}),
    ],
)
def test_an_english_introduction_says_who_one_is(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kinder hier, in Kassel? Nachmittags", {"children_youth"}),
        ("Is there anything for animals here? I'm in Kassel", {"animals"}),
    ],
)
def test_here_later_on_or_in_german_says_where(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ich wäre gern Mentorin für ein Kind, so eine Art große Schwester", {"children_youth"}),
        ("mentoring teenagers who had a rough start, once a week", {"children_youth"}),
    ],
)
def test_mentoring_a_young_person_alone_is_company(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mentoring für Schülerinnen in Mathe und Physik",
        "I'd like to mentor young people in coding, online",
        "Mentor für Jugendliche bei Bewerbungen, Lebenslauf und so",
    ],
)
def test_mentoring_for_a_subject_or_career_is_education(text: str) -> None:
    assert "education" in _categories(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bei uns im Dorf gibt es einen Naturschutzverein, da würde ich gern mitmachen", {"environment"}),
        ("Fußball trainieren im Stadtteil, abends", {"sports"}),
        ("Was gibt es hier im Viertel, wo man mithelfen kann?", {"neighbourhood"}),
        ("im Dorf älteren Leuten helfen", {"neighbourhood", "seniors"}),
    ],
)
def test_a_village_or_quarter_is_the_place_of_another_fields_work(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern Leute im Heim besuchen, die selten Besuch bekommen",
        "Darf man mit einem Hund im Hospiz zu Besuch kommen? Die Menschen dort freuen sich",
    ],
)
def test_a_visit_said_as_a_noun_is_neighbourly_help(text: str) -> None:
    assert "neighbourhood" in _categories(text)


def test_a_visit_to_a_place_without_people_is_no_neighbourly_help() -> None:
    assert "neighbourhood" not in _categories("Ich bin nur zu Besuch in Leipzig, gibt es was mit Tieren?")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sprachcafé mit Geflüchteten, donnerstags in Marburg", {"refugees_integration"}),
        ("Ich möchte im Sprachcafé Geflüchteten beim Deutschlernen helfen", {"refugees_integration", "education"}),
    ],
)
def test_a_language_cafe_is_meeting_newcomers_unless_teaching_is_named(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ich tanze gern und würde mit Senioren tanzen", {"culture", "seniors"}),
        ("I'd love to dance with kids in a youth centre", {"culture", "children_youth"}),
        ("Sitztanz im Seniorenheim anleiten", {"sports", "seniors"}),
    ],
)
def test_dancing_is_an_art_and_its_exercise_compounds_a_sport(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


def test_a_bracket_after_people_one_helps_names_them() -> None:
    assert "refugees_integration" in _categories("Ich möchte Frauen (Geflüchtete) im Alltag unterstützen")
