"""Questions about volunteering itself are told apart from searches by their form and their topic words."""

from __future__ import annotations

import pytest

from bot.conversation.questions import questions_asked
from bot.texts import t


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Wie funktioniert das eigentlich mit Ehrenamt, bin ich da versichert?", ("insurance",)),
        ("Braucht man ein Führungszeugnis?", ("police_certificate",)),
        ("was ist ein ehrenamt", ("what_is",)),
        ("Do I get paid for volunteering?", ("money",)),
        ("Bekommt man eine Bescheinigung? Und ist man unfallversichert?", ("insurance", "certificate")),
        ("Wie viel Zeit muss man so einplanen?", ("commitment",)),
        ("kann man sich da eigentlich auch versichern lassen?", ("insurance",)),
        ("wie melde ich mich an?", ("joining",)),
        ("Muss ich mich irgendwo bewerben?", ("joining",)),
        ("Muss ich mich da bewerben oder kann ich einfach hingehen?", ("joining",)),
        ("How do I sign up?", ("joining",)),
        ("Wer versichert mich beim Ehrenamt?", ("insurance",)),
        ("Do I need a police certificate?", ("police_certificate",)),
        ("Do I need a police check?", ("police_certificate",)),
        ("Do I get a certificate for school?", ("certificate",)),
        ("Does it cost anything?", ("money",)),
        ("Bekommt man dafür Geld?", ("money",)),
        ("Muss ich gut Deutsch sprechen können?", ("german",)),
        ("Geht das auch mit wenig Deutsch?", ("german",)),
        ("Braucht man Deutschkenntnisse?", ("german",)),
        ("Do I have to speak German?", ("german",)),
        ("Is it possible without German?", ("german",)),
    ],
)
def test_questions_about_volunteering(text: str, topics: tuple[str, ...]) -> None:
    assert questions_asked(text).topics == topics


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Am I insured?", True),
        ("Is it paid?", True),
        ("What is Ehrenamt?", True),
        ("Bin ich da versichert?", False),
        ("Was ist ein Ehrenamt?", False),
        ("Do I need German for this?", True),
        ("Muss man Deutsch sprechen?", False),
    ],
)
def test_a_question_asked_in_english_words_is_answered_in_english(text: str, english: bool) -> None:
    asked = questions_asked(text)
    assert asked.topics and asked.english is english


@pytest.mark.parametrize(
    "text",
    [
        "Tierheim in Kassel",
        "Versicherungsbüro Kassel sucht Hilfe",  # no question
        "Bewerbungstraining für Jugendliche in Kassel?",  # a search for a kind of help, not how to join
        "Gibt es was mit Tieren in Kassel?",  # a question, but about no topic: a search
        "I need volunteering time at weekends",
        "Wo kann ich Kleidung kostenlos abgeben?",  # "kostenlos" asks nothing about money
        "Kann ich beim Geld zählen helfen?",  # counting money is a task, not pay
        "Kann ich Deutsch unterrichten?",  # teaching German is a search
        "Hausaufgabenhilfe für Kinder, die kein Deutsch sprechen?",  # the children's German, not the helper's
        "Can I teach German to adults?",
        "Ich spreche nur Englisch. Gibt es was mit Kindern in Leipzig?",  # said, not asked: the search reads it
        "I only speak English, anything with kids?",
        "",
    ],
)
def test_searches_are_no_questions_about_volunteering(text: str) -> None:
    assert questions_asked(text).topics == ()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_topic_has_an_answer_in_both_languages(lang: str) -> None:
    from bot.conversation.questions import _lexicon

    for topic in _lexicon().topics:
        assert len(t(lang, f"questions.{topic.key}")) > 40
    assert t(lang, "questions.invite")


@pytest.mark.parametrize(
    "text",
    [
        "Is German required?",
        "Kann ich mitmachen, wenn ich kein Deutsch spreche?",
        "Reicht Englisch?",
        "Is English enough?",
        "Do I need to speak fluent German?",
        "Ist Deutsch eine Voraussetzung?",
        "Can I join if I don't speak German?",
        "Muss ich fließend Deutsch sprechen?",
    ],
)
def test_the_askers_own_german_asked_in_other_words(text: str) -> None:
    assert questions_asked(text).topics == ("german",)


@pytest.mark.parametrize(
    "text",
    [
        "Wo kann ich Menschen ohne Deutsch helfen?",
        "Gibt es Angebote für Kinder ohne Deutschkenntnisse in Kassel?",
        "Are there projects in Leipzig for refugees without German skills?",
        "Kann ich Familien mit wenig Deutsch beim Amt begleiten?",
        "Can I help people with little German fill in forms?",
        "Suche was mit Jugendlichen ohne Deutschkenntnisse?",
        "Where can I support newcomers without German?",
        "Is there anything for kids with no German at all?",
    ],
)
def test_the_german_of_the_people_one_helps_is_no_question_about_the_asker(text: str) -> None:
    assert "german" not in questions_asked(text).topics
