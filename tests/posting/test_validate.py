"""Each answer of the posting chat is checked with a specific reason."""

from __future__ import annotations

from datetime import date

import pytest

from bot.posting import validate
from bot.posting.validate import Invalid

TODAY = date(2026, 11, 22)


def _problem(call, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(Invalid) as caught:
        call(*args, **kwargs)
    return caught.value.problem.key


def test_title_and_description_lengths() -> None:
    assert validate.title("  Lesepate für Grundschulkinder ") == "Lesepate für Grundschulkinder"
    assert _problem(validate.title, "Xy") == "posting.invalid.title"
    assert _problem(validate.description, "zu kurz") == "posting.invalid.description"
    assert _problem(validate.description, "x" * 2001) == "posting.invalid.description_long"  # shorten, not say more
    assert len(validate.description("Wir suchen Menschen, die gern vorlesen. " * 3)) >= 30


@pytest.mark.parametrize("signs", ["🐶🐱🐶🐱🐶", "…!!! ??", "👍" * 40])
def test_emoji_or_signs_alone_are_no_title_name_description_or_requirements(signs: str) -> None:
    assert _problem(validate.title, signs) == "posting.invalid.text_expected"
    assert _problem(validate.person_or_organisation_name, signs) == "posting.invalid.text_expected"
    assert _problem(validate.in_words, signs) == "posting.invalid.text_expected"
    assert _problem(validate.description, signs * 10) == "posting.invalid.text_expected"
    assert validate.title("🐾 Gassi gehen 🐶") == "🐾 Gassi gehen 🐶" and validate.in_words("Ü18") == "Ü18"


def test_the_first_part_of_a_too_long_description_ends_after_a_sentence_that_fits() -> None:
    sentence = "Unsere Hunde im Tierheim freuen sich über Spaziergänge rund um Kassel. "
    first = validate.first_part(sentence * 60)  # 4,260 characters
    assert 1000 <= len(first) <= 2000 and first.endswith("Kassel.") and validate.description(first) == first
    unbroken = validate.first_part("Wort " * 800)
    assert len(unbroken) <= 2002 and unbroken.endswith("Wort …")


def test_text_is_kept_verbatim_but_control_characters_are_dropped() -> None:
    injection = "'; DROP TABLE opportunities; -- <b>fett</b>"
    assert validate.title(injection) == injection
    assert validate.title("Gassi\x00gehen\x07 im Tierheim") == "Gassigehen im Tierheim"


@pytest.mark.parametrize("good", ["anna@example.org", "a.b-c@verein.example.com"])
def test_good_emails(good: str) -> None:
    assert validate.email(good) == good


@pytest.mark.parametrize(("bad", "what"), [
    ("anna", "email_at"), ("anna@@example.org", "email_at"), ("anna@", "email_ending"), ("@example.org", "email_local"),
    ("anna@example", "email_ending"), ("a b@example.org", "email_space"), ("anna@exa_mple.org", "email"),
])
def test_bad_emails_are_refused_saying_what_is_wrong(bad: str, what: str) -> None:
    assert _problem(validate.email, bad) == f"posting.invalid.{what}"


def test_contact_reach_reads_phone_and_email_from_one_message() -> None:
    assert validate.contact_reach("0151 0000 1234, anna@example.org") == {
        "phone": "0151 0000 1234", "email": "anna@example.org"}
    assert validate.contact_reach("anna@example.org") == {"phone": None, "email": "anna@example.org"}
    assert validate.contact_reach("+49 30 1234 5678") == {"phone": "+49 30 1234 5678", "email": None}
    assert _problem(validate.contact_reach, "12") == "posting.invalid.phone"


def test_contact_reach_reads_numbers_among_words_and_never_drops_one() -> None:
    # as people write it: a label before the number, a word between phone and email, a note after it
    assert validate.contact_reach("erreichbar unter 0561/1234567 oder jana@example.org") == {
        "phone": "0561/1234567", "email": "jana@example.org"}
    assert validate.contact_reach("Tel.: (0561) 12 34 56 (ab 18 Uhr)") == {"phone": "(0561) 12 34 56", "email": None}
    assert validate.contact_reach("Mail: jana@example.org, Tel. 0151 0000 1234") == {
        "phone": "0151 0000 1234", "email": "jana@example.org"}
    assert validate.contact_reach("0151 0000 1234, 0561 1234567")["phone"] == "0151 0000 1234"  # never run together
    # no digit at all: the text is no phone number the bot could not read, it is no contact
    assert _problem(validate.contact_reach, "ruf mich an") == "posting.invalid.contact"
    assert _problem(validate.contact_reach, "Trainerhelfer/in Kinderturnen") == "posting.invalid.contact"
    # a sentence whose digits are a school year and hours (the listing's text sent here) asks for a contact; a short
    # number, alone or among words, is a phone number that cannot be read
    assert _problem(validate.contact_reach, "Wir suchen Menschen, die mit Kindern der 2. Klasse lesen üben, "
                                            "dienstags zwischen 8 und 12 Uhr.") == "posting.invalid.contact"
    assert _problem(validate.contact_reach, "Tel. 12") == "posting.invalid.phone"
    assert _problem(validate.contact_reach, "ruf an unter 0561") == "posting.invalid.phone"


def test_dates_in_german_forms_and_range() -> None:
    assert validate.one_off_date("05.12.2026", today=TODAY) == "2026-12-05"
    assert validate.one_off_date("5.1.", today=TODAY) == "2027-01-05"
    assert validate.one_off_date("2027-03-01", today=TODAY) == "2027-03-01"
    assert _problem(validate.one_off_date, "gestern", today=TODAY) == "posting.invalid.date"
    assert _problem(validate.one_off_date, "01.01.2020", today=TODAY) == "posting.invalid.date_range"
    assert _problem(validate.one_off_date, "31.02.2027", today=TODAY) == "posting.invalid.date"


def test_hours_and_categories() -> None:
    assert validate.hours_per_month("ca. 8 Stunden") == 8
    assert _problem(validate.hours_per_month, "viel") == "posting.invalid.hours"
    assert _problem(validate.hours_per_month, "500") == "posting.invalid.hours"
    assert validate.categories(["animals", "animals", "nope"]) == ["animals"]
    assert _problem(validate.categories, []) == "posting.invalid.categories_none"
    too_many = ["animals", "sports", "culture", "digital"]
    assert _problem(validate.categories, too_many) == "posting.invalid.categories_many"


def test_hours_are_not_read_from_the_first_digits_of_a_negative_decimal_or_range() -> None:
    assert validate.hours_per_month("8h") == 8
    assert validate.hours_per_month("ca.8") == 8
    assert validate.hours_per_month("2,5") == 3
    assert validate.hours_per_month("2.5 Stunden") == 3
    for answer in ("-3", "- 3", "8-4", "4 und 8 Stunden", "1.000", "0,4"):
        assert _problem(validate.hours_per_month, answer) == "posting.invalid.hours", answer


def test_a_span_of_hours_is_its_middle_and_hours_a_week_count_per_month() -> None:
    assert validate.hours_per_month("so 3-4 stunden im monat") == 4
    assert validate.hours_per_month("4 bis 8 Stunden") == 6
    assert validate.hours_per_month("4–8") == 6
    assert validate.hours_per_month("2 Stunden pro Woche") == 9  # 2 × 52 / 12, not 2 a month
    assert validate.hours_per_month("wöchentlich 1,5 h") == 7
    assert validate.hours_per_month("3 hours a week") == 13
    assert validate.hours_per_month("ca. 2-3 Std./Woche") == 11


def test_website_gets_a_scheme() -> None:
    assert validate.website("tierheim.example.org") == "https://tierheim.example.org"
    assert validate.website("-") is None
    assert _problem(validate.website, "kein link") == "posting.invalid.website"
    assert _problem(validate.website, "kontakt@tierheim.example.org") == "posting.invalid.website_is_email"


@pytest.mark.parametrize("address", [
    "https://www.youtube.com/@tierheim.kassel",
    "www.tiktok.com/@foodsharing.leipzig",
    "medium.com/@verein.dresden",
    "http://example.org/team/@news.letter",
])
def test_a_website_holding_an_at_sign_is_a_website_not_an_email(address: str) -> None:
    assert validate.website(address) == (address if address.startswith("http") else f"https://{address}")


@pytest.mark.parametrize("address", ["info@verein-kassel.de", "mailto:info@verein.de", "a.b@tafel.example.org"])
def test_an_email_given_as_the_website_is_named_as_such(address: str) -> None:
    assert _problem(validate.website, address) == "posting.invalid.website_is_email"


@pytest.mark.parametrize("answer", ["weiter", "Weiter!", "ok", "okay 👍", "ja", "Ja, gerne", "next", "nein danke",
                                    "Hi"])
def test_a_word_said_to_the_bot_is_no_title_and_no_name(answer: str) -> None:
    assert _problem(validate.title, answer) == "posting.invalid.title_chat_word"
    assert _problem(validate.person_or_organisation_name, answer) == "posting.invalid.name_chat_word"


@pytest.mark.parametrize("answer", ["info@tierfreunde-kassel.de", "Maria Muster, maria@example.org",
                                    "0561 123456", "Tel. +49 561 98765", "www.tierfreunde-kassel.de",
                                    "https://tierheim.example.org", "(0561) 12 34 56", "Jana, 834567"])
def test_contact_details_are_no_name(answer: str) -> None:
    assert _problem(validate.person_or_organisation_name, answer) == "posting.invalid.name_contact"


@pytest.mark.parametrize("name", ["TSV 1860 München e.V.", "Tafel 24/7", "Jana Beispiel", "Freiwilligenagentur (FWA)",
                                  "Kassel-hilft.de Team", "Förderkreis 2010/2011", "Saison 2024/25",
                                  "Verein der Freunde (1990 - 2000)", "100 000 Bäume für Kassel"])
def test_names_with_digits_or_a_dot_stay_names(name: str) -> None:
    assert validate.person_or_organisation_name(name) == name


@pytest.mark.parametrize("title", ["Weiterbildung für Ehrenamtliche", "Ja-Wort-Café: Hochzeitsmesse helfen",
                                   "Okay-Kids Fußballtraining", "Mehrgenerationenhaus Kassel"])
def test_a_title_holding_such_words_among_others_is_a_title(title: str) -> None:
    assert validate.title(title) == title
    assert validate.person_or_organisation_name("Jana Weiter") == "Jana Weiter"


def test_hours_a_day_and_times_of_day_are_refused_with_their_own_question_and_equal_ends_are_a_number() -> None:
    for answer in ("1 bis 2 Stunden pro Tag", "2h täglich", "3 hours per day", "2 Std./Tag"):
        assert _problem(validate.hours_per_month, answer) == "posting.invalid.hours_per_day", answer
    for answer in ("8 bis 10 Uhr", "8-10 Uhr", "18:00", "9:30 - 11:00", "from 8 am"):
        assert _problem(validate.hours_per_month, answer) == "posting.invalid.hours_clock", answer
    assert validate.hours_per_month("4-4") == 4
    assert validate.hours_per_month("4 bis 4 Stunden") == 4


@pytest.mark.parametrize("address", ["www.hundefreunde", "http://www.tafel", "www.tafel/kontakt", "hundefreunde"])
def test_a_website_without_its_ending_is_refused(address: str) -> None:
    assert _problem(validate.website, address) == "posting.invalid.website"


@pytest.mark.parametrize("address", ["my_site.de", "-foo-.de", "tafel-.kassel.de", "https://_tafel.de/kontakt"])
def test_a_website_whose_name_is_no_host_name_is_refused(address: str) -> None:
    assert _problem(validate.website, address) == "posting.invalid.website"


@pytest.mark.parametrize("address", ["www.tierfreunde-müllheim.de", "bürgerhilfe-großenhain.de/mitmachen",
                                     "WWW.Tafel-Kassel.DE", "tafel.kassel.de"])
def test_a_website_with_umlauts_or_capitals_is_taken(address: str) -> None:
    assert validate.website(address) == f"https://{address}"
