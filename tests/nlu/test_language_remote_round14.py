"""Little German and remote, issue 14 (branch t14-slots): German being learnt said turned round, little German of the
people one visits, German lessons ruled out, a remote job, phoning as help. Sentences written for these tests."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    "text",
    [
        "Ich komme aus Syrien. Deutsch lerne ich (A2). Ich will Kindern helfen in Gießen",
        "Deutsch lerne ich, A1, und will bei der Tafel in Kassel helfen",
        "Ich bin aus Eritrea, Deutsch lerne ich jetzt, will im Garten helfen",
    ],
)
def test_german_one_is_learning_said_turned_round_is_little_german(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte alte Männer aus Polen besuchen, sie sprechen kaum Deutsch. Ich spreche Polnisch.",
        "I want to visit elderly Russians, they don't speak German well. I speak Russian",
        "Ich würde gern Familien aus Afghanistan helfen, sie können noch nicht gut Deutsch",
    ],
)
def test_little_german_of_the_people_one_visits_or_helps_is_theirs(text: str) -> None:
    assert not parse(text).needs_little_german


def test_little_german_of_the_writer_beside_a_they_stays() -> None:
    assert parse("Ich spreche kaum Deutsch, sie sagen mir das immer").needs_little_german


def test_german_lessons_ruled_out_are_no_german_level() -> None:
    query = parse("Kinder in der Flüchtlingshilfe, aber kein Deutschunterricht bitte, lieber Fußball. Kassel")
    assert not query.needs_little_german
    assert "education" in query.exclude_categories
    assert not parse("keine Deutschkurse, lieber was mit Tieren").needs_little_german
    assert parse("wenig Deutschkenntnisse, will helfen").needs_little_german


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("I'm a remote worker from Canada, living in Jena, would love to help at a food bank on Saturdays", False),
        ("I have a remote job, so mornings are free for the animal shelter", False),
        ("Ich bin 80 und komme kaum raus. Ich telefoniere gern, vielleicht mit anderen Senioren?", True),
        ("telefonieren gerne mit einsamen Menschen, das könnte ich", True),
    ],
)
def test_a_remote_job_is_who_one_is_and_phoning_is_from_home(text: str, remote: bool) -> None:
    assert parse(text).remote is remote
