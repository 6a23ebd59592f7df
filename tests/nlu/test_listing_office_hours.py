"""A listing's office hours ("Erreichbar Mo-Fr 9-12 Uhr", "Sie erreichen uns ...") set no time tag; the task's hours,
a consultation hour the volunteers hold, and a coordinator's own reachability do."""

from __future__ import annotations

from nlu.api import categorize, categorize_many
from nlu.listing_office_hours import office_hours

_TASK = "Wir suchen Ehrenamtliche für die Hausaufgabenhilfe"


def test_office_hours_on_their_own_line_set_no_time() -> None:
    assert categorize("Hausaufgabenhilfe", f"{_TASK}.\nErreichbar Mo-Fr 9-12 Uhr").time == []
    assert categorize("Hausaufgabenhilfe", f"{_TASK}.\nTelefonisch erreichbar Mo-Do 14-16 Uhr").time == []


def test_office_hours_said_in_a_sentence_set_no_time() -> None:
    text = f"{_TASK}. Sie erreichen uns montags bis freitags von 9 bis 12 Uhr."
    assert categorize("Hausaufgabenhilfe", text).time == []


def test_the_tasks_own_time_stays_beside_office_hours() -> None:
    text = f"{_TASK} am Wochenende.\nErreichbar Mo-Fr 9-12 Uhr"
    assert categorize("Hausaufgabenhilfe", text).time == ["weekend"]
    text = "Die Hausaufgabenhilfe findet montags von 15 bis 17 Uhr statt. Telefonisch erreichbar Di 9-12 Uhr"
    assert set(categorize_many([("Hausaufgabenhilfe", text)])[0].time) == {"weekday", "daytime"}


def test_a_heading_with_a_colon_covers_the_next_line() -> None:
    text = "Telefonisch erreichbar:\nDi 9-12 Uhr\nWir treffen uns samstags."
    (start, end), = office_hours(text)
    assert text[start:end] == "Telefonisch erreichbar:\nDi 9-12 Uhr"


def test_reachability_said_late_in_a_sentence_is_no_office() -> None:
    assert office_hours("Wir schulen an einem Online-Abend und sind bei Fragen erreichbar.") == []
    assert office_hours("Zeit: Mo-Fr 9-12 Uhr telefonisch erreichbar, gern geteilt") == []


def test_consultation_and_opening_hours_are_the_tasks() -> None:
    assert office_hours("Sprechstunde: montags 10-12 Uhr im Pfarrzentrum") == []
    assert office_hours("Öffnungszeiten der Tafel: Mo-Fr 9-12 Uhr") == []
