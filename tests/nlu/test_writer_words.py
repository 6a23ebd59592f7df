"""Words that say who the writer is (life stage, job, family, name, origin, where they live), why they ask and when
they started are no search keywords; what they want to do stays one. A message without a category is searched with
its keywords as a filter, so one such word spoils the answer (issue 14). Every sentence here is written for this test.
"""

from __future__ import annotations

import pytest

from nlu import parse


def _keywords(text: str) -> tuple[str, ...]:
    return parse(text).keywords


@pytest.mark.parametrize(
    ("text", "self_words"),
    [
        ("Bin seit Juli in Rente und wohne in Kassel, was kann ich tun?", {"rente", "juli", "wohne"}),
        ("Seit April bin ich im Ruhestand. Hospiz wäre schön.", {"april", "ruhestand"}),
        ("grad in Elternzeit, Erfurt, gern Vorlesepatin", {"elternzeit"}),
        ("Ich bin arbeitslos und krankgeschrieben, suche was mit Hunden in Gera", {"arbeitslos", "krankgeschrieben"}),
        ("bin im Mutterschutz und danach Kurzarbeit, Leipzig", {"mutterschutz", "kurzarbeit"}),
        ("mache eine Ausbildung zur Pflegefachfrau, abends hätte ich Zeit in Jena", {"ausbildung", "pflegefachfrau"}),
        ("studiere Maschinenbau im 5. Semester in Ilmenau", {"maschinenbau", "semester"}),
        ("I'm retired and on parental leave twice a year, anything in Bonn?", {"retired", "parental", "leave"}),
        ("arbeite Teilzeit im Schichtdienst, Zwickau, gern Tafel", {"teilzeit", "schichtdienst"}),
    ],
)
def test_a_stage_of_life_is_no_keyword(text: str, self_words: set[str]) -> None:
    assert not self_words & set(_keywords(text))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Beruflich bin ich Dachdecker. In Fulda würde ich gern Fahrräder reparieren.", "dachdecker"),
        ("Früher war ich Steuerberaterin, jetzt suche ich was in Hanau.", "steuerberaterin"),
        ("Ich war 30 Jahre Zimmermann bei einer Firma in Suhl.", "zimmermann"),
        ("ich bin Gabelstapler-Fahrer und hab samstags frei, Riesa", "gabelstapler"),
        ("Ich bin 41, Glaser, Eisenach. Was gibt es da?", "glaser"),
        ("Bin 58, Witwe, Ex-Floristin, Weimar. Irgendwas Sinnvolles?", "floristin"),
        ("Ich bin 29 und Tontechniker. Gibt es was in Halle?", "tontechniker"),
    ],
)
def test_one_s_job_is_no_keyword_also_with_the_verb_first_or_years_between(text: str, role: str) -> None:
    assert not any(role in word for word in _keywords(text))


def test_where_one_works_is_no_keyword_unless_one_misses_it() -> None:
    assert not {"einzelhandel", "baumarkt"} & set(_keywords("Ich arbeite Vollzeit im Baumarkt in Gotha, gern Tierheim"))
    assert "tierheim" in _keywords("Ich arbeite Vollzeit im Baumarkt in Gotha, gern Tierheim")
    missed = parse("Ich war Bäckerin in einer Großbäckerei und vermisse das. Backen für die Tafel in Gotha?")
    assert "poverty_homelessness" in missed.categories
    assert "baeckerin" in missed.keywords  # missing one's old job and wanting to do it for others is a wish


@pytest.mark.parametrize(
    ("text", "self_words"),
    [
        ("Mein Sohn (15) sucht was mit Tieren in Bautzen", {"sohn"}),
        ("meine Frau sagt, ich soll mal raus. Chor in Plauen?", {"frau"}),
        ("Unsere Tochter will zur Feuerwehr, gibt es eine in Pirna?", {"tochter"}),
        ("My husband and I would like to help at a food bank in Kiel", {"husband"}),
        ("Mama sagt, ich darf im Tierheim helfen. Ich bin 13, Greiz", {"mama"}),
    ],
)
def test_one_s_family_is_no_keyword(text: str, self_words: set[str]) -> None:
    assert not self_words & set(_keywords(text))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mein Sohn (16) braucht Sozialstunden, geht was im Tierheim Gotha?", "sozialstunden"),
        ("brauche 60 Praxisstunden für mein Studium, gern mit Jugendlichen in Halle", "praxisstunden"),
        ("I need hours for my school report, anything with animals in Bonn?", "report"),
    ],
)
def test_a_requirement_is_why_one_asks_not_a_keyword(text: str, reason: str) -> None:
    assert reason not in _keywords(text)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Seit Februar hab ich Zeit, Naturschutz in Cottbus", {"februar"}),
        ("Im Oktober hab ich Urlaub, dann gern beim Krötenzaun in Görlitz", {"oktober", "urlaub"}),
        ("zwischen Ostern und Pfingsten, sonst den ganzen Sommer, Tafel Gera", {"ostern", "pfingsten", "sommer"}),
        ("seit letztem Herbst allein, seit 4 Monaten ohne Job", {"letztem", "herbst", "monaten"}),
        ("Seit Corona bin ich viel zuhause, gern Telefonseelsorge", {"corona"}),
    ],
)
def test_months_seasons_holidays_and_when_one_started_are_no_keywords(text: str, when: set[str]) -> None:
    assert not when & set(_keywords(text))


@pytest.mark.parametrize(
    ("text", "self_words"),
    [
        ("Hello, my name is Tariq, I come from Jordan and live in Fulda.", {"tariq", "jordan"}),
        ("I'm Svetla from Plovdiv, now in Görlitz. Any animal shelter?", {"svetla", "plovdiv"}),
        ("Nu, isch bin de Rosi aus Meerane. Was mit Senioren?", {"rosi"}),
        ("Ich heiße Amira, komme aus Tunesien. Ich helfe gern bei der Tafel in Marburg.", {"amira", "tunesien"}),
        ("I'm a chemistry student from Peru in Jena, any tutoring?", {"student", "peru", "chemistry"}),
    ],
)
def test_one_s_name_and_origin_are_no_keywords(text: str, self_words: set[str]) -> None:
    assert not self_words & set(_keywords(text))


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("Ich bin Rentnerin und würde gern im Tierheim Gassi gehen, Gotha", "tierheim"),
        ("Seit März im Ruhestand, jetzt Lesepate in der Grundschule in Suhl", "lesepate"),
        ("Nachhilfe für Schüler in Mathe, Erfurt", "schueler"),  # a status word after "für" is whom to help
        ("Ich möchte Familien aus der Ukraine bei Behördengängen helfen, Gera", "ukraine"),
    ],
)
def test_what_one_wants_to_do_stays_a_keyword(text: str, wish: str) -> None:
    assert wish in _keywords(text)


def test_self_descriptions_leave_the_categories_alone() -> None:
    assert parse("Beruflich bin ich Schreiner und würde gern mit Jugendlichen basteln, Gera").categories == (
        "children_youth",
    )
    assert parse("Seit März im Ruhestand. Naturschutz bei Suhl?").categories == ("environment",)


def test_a_message_of_self_description_only_has_no_keywords_and_does_not_crash() -> None:
    assert _keywords("Ich bin 67, frisch in Rente und wohne in Gießen. Früher war ich Buchhalter.") == ()
    long = "Ich bin seit März in Rente, mein Sohn braucht Sozialstunden, ich heiße Bernd 🙂. " * 60
    assert parse(long).keywords == ()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Hab 25 Jahre als Fliesenleger gearbeitet, jetzt Zeit. Repaircafé in Hof?", "fliesenleger"),
        ("my husband and I live in Jena. He is a plumber, I like gardening.", "plumber"),
        ("bin grad ohne Arbeit, Sport mit Kindern in Zeitz?", "arbeit"),
    ],
)
def test_years_in_a_job_a_partner_s_job_and_being_out_of_work_are_no_keywords(text: str, role: str) -> None:
    assert role not in _keywords(text)


def test_a_group_of_one_s_community_is_no_relative() -> None:
    assert "mannschaft" in _keywords("Ich möchte unsere Mannschaft im Fußballverein Gera unterstützen")
    assert "sohn" not in _keywords("Unser Sohn möchte im Tierheim Gera helfen")
