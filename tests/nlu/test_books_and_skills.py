"""Books as a wish (branch nlu23): books as such are culture (reading, libraries), books read aloud are the listeners'
and books kept are accounts. The rules alone are tested (`parse_with_rules`); every sentence is written for this test,
none is taken from a labelled set."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> set[str]:
    return set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "Am liebsten etwas mit Büchern, Marburg",
        "Ich liebe Bücher. Gibt es da was in Gotha?",
        "honestly I just love books, anything near Erfurt?",
        "Etwas Stilles wäre schön, Bücher vielleicht. Bautzen",
    ],
)
def test_books_as_such_are_culture(text: str) -> None:
    assert _categories(text) == {"culture"}


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern im Kindergarten aus Bilderbüchern vorlesen, Gießen",
        "Could I read books to children in a Kita? Chemnitz",
        "I like books, maybe reading stories to kids in Plauen?",
    ],
)
def test_books_read_aloud_are_the_listeners(text: str) -> None:
    found = _categories(text)
    assert "children_youth" in found
    assert "culture" not in found


# Reading by oneself is the reader's own sense of books: only reading *to* someone makes them the listeners'.
@pytest.mark.parametrize(
    "text",
    [
        "I read a lot and love books, something in Weimar?",
        "I love reading books, anything in Suhl?",
        "Books are my thing, I read every evening. Gera",
    ],
)
def test_books_read_by_oneself_stay_culture(text: str) -> None:
    assert "culture" in _categories(text)


def test_books_kept_are_accounts() -> None:
    assert "culture" not in _categories("I work in accounting and could keep the books for a small club in Kassel")


def test_a_book_word_inside_another_word_is_no_book() -> None:
    assert "culture" not in _categories("Ich kann Buchhaltung für einen Sportverein übernehmen, Fulda")


# Pupils named by their school or its stage are young people, as "Schüler" are.
@pytest.mark.parametrize(
    "text",
    [
        "Ich könnte Gymnasiastinnen in Chemie helfen, Erfurt",
        "Lernhilfe Latein für die Mittelstufe, Kassel",
        "Oberstufenschülern bei Bewerbungen helfen, Jena",
    ],
)
def test_pupils_named_by_their_school_are_young(text: str) -> None:
    assert "children_youth" in _categories(text)


# Being good at a field offers it, as being good with it does; beside another wished field it is what one brings.
@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("I'm really good at websites and newsletters, anything from home? Gera", "digital"),
        ("Ich bin ziemlich gut in Social Media und würde einem Verein helfen, Zwickau", "digital"),
    ],
)
def test_a_field_one_is_good_at_is_offered(text: str, field: str) -> None:
    assert field in _categories(text)


def test_a_newcomers_cuisine_is_no_newcomer() -> None:
    found = _categories("I'm good at baking Afghan bread and would bake for the homeless in Halle")
    assert "refugees_integration" not in found
    assert "poverty_homelessness" in found
    assert "refugees_integration" in _categories("Ich würde gern mit syrischen Familien kochen, Gießen")


# The writer's own Jobcenter is where they stand; helping others with it is the wish.
@pytest.mark.parametrize(
    "text",
    [
        "Das Jobcenter macht mir Druck, aber ich will was Schönes tun, vielleicht im Tierheim. Gotha",
        "Mein Sachbearbeiter im Jobcenter meinte, ich soll mich engagieren. Naturschutz wäre gut, Suhl",
    ],
)
def test_the_writers_own_jobcenter_is_no_wish(text: str) -> None:
    assert "poverty_homelessness" not in _categories(text)


def test_helping_with_the_jobcenter_is_the_wish() -> None:
    text = "Ich kenne das Jobcenter von innen und würde gern anderen bei ihren Anträgen helfen, Gera"
    assert "poverty_homelessness" in _categories(text)


# Minding children while their parents attend a course is childcare: the course is the parents'.
@pytest.mark.parametrize(
    "text",
    [
        "Ich könnte die Kinder betreuen, Kinderbetreuung während der Integrationskurse, Fulda",
        "childcare during the German courses for mothers, Leipzig",
    ],
)
def test_childcare_during_a_course_is_no_teaching(text: str) -> None:
    found = _categories(text)
    assert "children_youth" in found
    assert "education" not in found


def test_a_course_given_with_childcare_is_teaching() -> None:
    assert "education" in _categories("Ich würde gern einen Nähkurs mit Kinderbetreuung für Mütter geben, Gera")


# Showing children something about one's field is teaching, however long the place said before it.
@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Försterin und würde gern Kindern in Horten und Grundschulen etwas über den Wald zeigen, Suhl",
        "Als Schäfer könnte ich Schulklassen aus der ganzen Gegend einiges über Schafe erzählen, Rhön",
    ],
)
def test_showing_children_about_a_field_is_teaching(text: str) -> None:
    assert "education" in _categories(text)


def test_showing_children_care_is_no_lesson() -> None:
    assert "education" not in _categories("Ich möchte Kindern in der Kita zeigen, dass jemand für sie da ist, Gera")
