"""The web package's parts without a server: language choice, query reading, QR drawing, linked data."""

from __future__ import annotations

import re

import pytest
import qrcode
import qrcode.constants

from bot.web.jsonld import script_json, vds_times
from bot.web.lang import negotiate
from bot.web.qr import BORDER, qr_svg
from bot.web.query import read_query

VDS = "https://ns.volunteeringdata.io/"


@pytest.mark.parametrize(("asked", "header", "expected"), [
    (None, None, "de"),
    (None, "en-US,en;q=0.9,de;q=0.8", "en"),
    (None, "fr-FR, de;q=0.5, en;q=0.4", "de"),
    (None, "de;q=0.2, en;q=0.9", "en"),
    (None, "en;q=abc, de", "de"),
    ("en", "de-DE", "en"),
    ("fr", "en", "en"),
])
def test_language_is_chosen_from_lang_then_accept_language(asked: str | None, header: str | None,
                                                           expected: str) -> None:
    assert negotiate(asked, header) == expected


def test_query_keeps_known_values_and_names_the_rest() -> None:
    query = read_query({"text": ["  mit   Kindern "], "ort": ["Kassel"], "umkreis": ["7,5"],
                        "bereich": ["animals,nonsense", "children_youth"], "zeit": ["weekend"], "seite": ["3"]})
    assert (query.text, query.ort, query.umkreis) == ("mit Kindern", "Kassel", 7.5)
    assert query.bereich == ("animals", "children_youth") and query.zeit == ("weekend",) and query.seite == 3
    assert query.problems == ("web.problem_area",)
    assert query.url("/suche", seite=None) == ("/suche?text=mit+Kindern&ort=Kassel&umkreis=7.5&"
                                               "bereich=animals%2Cchildren_youth&zeit=weekend")


@pytest.mark.parametrize("odd", [{"umkreis": ["0"]}, {"umkreis": ["inf"]}, {"umkreis": ["500"]}])
def test_odd_radius_is_dropped_and_named(odd: dict[str, list[str]]) -> None:
    query = read_query(odd)
    assert query.umkreis is None and query.problems == ("web.problem_radius",)


def test_paging_and_counts_are_clamped() -> None:
    assert read_query({"seite": ["-4"]}).seite == 1 and read_query({"seite": ["99999"]}).seite == 1000
    assert read_query({"anzahl": ["500"]}).anzahl == 50 and read_query({"anzahl": ["0"]}).anzahl == 1


def test_qr_svg_draws_exactly_the_library_matrix() -> None:
    link = "https://t.me/TestEhrenamtBot?start=o4711"
    svg = qr_svg(link, title="QR <Test>")
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=BORDER)
    code.add_data(link)
    code.make(fit=True)
    expected = {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}
    drawn = set()
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        drawn |= {(int(x) + step, int(y)) for step in range(int(width))}
    assert drawn == expected
    assert "<title>QR &lt;Test&gt;</title>" in svg


def test_time_tags_map_to_the_standards_day_parts() -> None:
    assert vds_times(("weekend", "evening")) == [f"{VDS}SaturdayEvening", f"{VDS}SundayEvening"]
    assert len(vds_times(("weekday",))) == 15 and vds_times(("regular",)) == []
    assert f"{VDS}MondayMorning" in vds_times(("daytime",)) and f"{VDS}MondayEvening" not in vds_times(("daytime",))


def test_linked_data_cannot_end_its_script_element() -> None:
    text = script_json({"title": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
