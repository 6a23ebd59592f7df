"""Contact details in an ad's text are found as written; ordinary numbers, places and club websites are not."""

from __future__ import annotations

import pytest

from bot.ads.personal_data import Kind, personal_data


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("Ruf mich an: 0151 2345 6789", Kind.PHONE, "0151 2345 6789"),
    ("Tel. +49 (561) 123456 ab 18 Uhr", Kind.PHONE, "+49 (561) 123456"),
    ("erreichbar unter 0561/123456", Kind.PHONE, "0561/123456"),
    ("oder 01512345678.", Kind.PHONE, "01512345678"),
    ("call 0049 30 1234567", Kind.PHONE, "0049 30 1234567"),
    ("Mail: anna.k@example.org", Kind.EMAIL, "anna.k@example.org"),
    ("schreib an anna (at) gmx.de bitte", Kind.EMAIL, "anna (at) gmx.de"),
    ("Schreib @anna_kassel", Kind.HANDLE, "@anna_kassel"),
    ("find me on https://t.me/annak", Kind.LINK, "https://t.me/annak"),
    ("instagram.com/anna.hilft", Kind.LINK, "instagram.com/anna.hilft"),
    ("www.facebook.com/anna.k", Kind.LINK, "www.facebook.com/anna.k"),
    ("wa.me/491512345678", Kind.LINK, "wa.me/491512345678"),
    ("mailto:anna@example.org", Kind.LINK, "mailto:anna@example.org"),
])
def test_contact_details_are_found_as_written(text: str, kind: Kind, found: str) -> None:
    findings = personal_data(text)
    assert [(finding.kind, finding.text) for finding in findings] == [(kind, found)]


@pytest.mark.parametrize("text", [
    "Ich helfe in 34117 Kassel nachmittags von 14-18 Uhr.",
    "Seit 2019 trainiere ich Kinder, 2 mal pro Woche, bis 10 km.",
    "Ich bin 65 Jahre alt und habe 3 Enkel.",
    "Unser Verein: https://tierschutz-kassel.de/mitmachen",
    "Ich kann Deutsch, Englisch und Arabisch (B2).",
    "E-Mails schreiben und mit dem Computer helfen",
    "Ich helfe bei Behördengängen @ Stadtverwaltung",
    "🐶" * 300,
])
def test_ordinary_text_holds_no_contact_details(text: str) -> None:
    assert personal_data(text) == ()


def test_several_details_come_in_the_order_written_each_once() -> None:
    findings = personal_data("Mail anna@example.org, Tel 0151 2345678, Insta https://instagram.com/anna")
    assert [finding.kind for finding in findings] == [Kind.EMAIL, Kind.PHONE, Kind.LINK]
