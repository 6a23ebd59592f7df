"""Helping adults out of work find a job is work against poverty, not schooling; an application course is teaching,
and young people are schooled into work (issue 14, branch lists23). Texts of their own, not from the labelled sets."""

from __future__ import annotations

from nlu import categorize
from nlu.listing_rules import listing_rules


def test_mentoring_unemployed_adults_is_no_education() -> None:
    text = (
        "<p>Unser Arbeitslosenzentrum berät Erwerbslose und Menschen im Bürgergeld.</p>"
        "<p><strong>Deine Aufgaben:</strong></p><ul><li>Du triffst dich mit einer arbeitsuchenden Person</li>"
        "<li>Ihr geht gemeinsam Stellenanzeigen durch und überarbeitet den Lebenslauf</li>"
        "<li>Du übst Vorstellungsgespräche mit ihr</li></ul>"
    )
    categories = categorize("Ehrenamtliches Job-Mentoring für Arbeitsuchende", text).categories
    assert "poverty_homelessness" in categories
    assert "education" not in categories


def test_help_with_applications_for_the_jobcenters_clients_is_no_education() -> None:
    text = (
        "Viele Menschen, die vom Jobcenter betreut werden, schreiben seit Jahren keine Bewerbung mehr.\n"
        "Aufgaben:\n- Bewerbungsschreiben am PC gemeinsam aufsetzen\n- Mut machen vor dem Vorstellungsgespräch\n"
        "Zeit: dienstags 10-12 Uhr"
    )
    categories = categorize("Bewerbungshilfe für Arbeitsuchende", text).categories
    assert "education" not in categories
    assert "poverty_homelessness" in categories


def test_an_application_course_for_the_unemployed_is_teaching() -> None:
    text = (
        "<p>In unserem Kurs lernen langzeitarbeitslose Frauen, wie eine gute Bewerbung aussieht.</p>"
        "<p>Sie leiten die Kursabende und üben Vorstellungsgespräche in Rollenspielen.</p>"
    )
    categories = categorize("Bewerbungstraining für Langzeitarbeitslose leiten", text).categories
    assert {"education", "poverty_homelessness"} <= set(categories)


def test_young_job_seekers_are_schooled_into_work() -> None:
    text = (
        "<p>Jugendliche ohne Ausbildungsplatz, die vom Jobcenter betreut werden, begleiten Sie bei der Suche nach "
        "einer Lehrstelle: Bewerbungsunterlagen, Vorstellungsgespräche, Praktika.</p>"
    )
    categories = categorize("Mentor*in für Jugendliche auf Jobsuche", text).categories
    assert {"children_youth", "education"} <= set(categories)


def test_job_mentoring_without_poverty_keeps_its_education() -> None:
    text = "<p>Du begleitest Studierende aus Familien ohne Studienerfahrung bei Bewerbungen um Praktika.</p>"
    assert "education" in categorize("Online-Mentoring für Studierende", text).categories


def test_the_course_words_are_not_job_search_words() -> None:
    rules = listing_rules()
    assert not set(rules.job_search) & set(rules.job_search_taught)
    assert not any(word.startswith(rules.job_search) for word in rules.job_search_taught)
