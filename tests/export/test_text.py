"""Dates and certainty as the report prints them."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.export.text import certainty_note, format_date
from viewer.records import DateValue

D = date


@pytest.mark.parametrize(("value", "expected"), [
    (DateValue(D(2019, 11, 28), D(2019, 11, 28), "day", "stated"), "28 Nov 2019"),
    (DateValue(D(2019, 6, 3), D(2019, 6, 5), "day", "stated"), "3\u20135 Jun 2019"),
    (DateValue(D(2019, 5, 30), D(2019, 6, 2), "day", "stated"), "30 May \u2013 2 Jun 2019"),
    (DateValue(D(2019, 12, 30), D(2020, 1, 2), "day", "stated"),
     "30 Dec 2019 \u2013 2 Jan 2020"),
    (DateValue(D(2019, 11, 1), D(2019, 11, 30), "month", "stated"), "Nov 2019"),
    (DateValue(D(2019, 11, 1), D(2020, 2, 29), "month", "stated"), "Nov 2019 \u2013 Feb 2020"),
    (DateValue(D(2019, 10, 1), D(2019, 12, 31), "quarter", "stated"), "Q4 2019"),
    (DateValue(D(2020, 7, 1), D(2020, 12, 31), "half", "stated"), "H2 2020"),
    (DateValue(D(2020, 1, 1), D(2020, 12, 31), "year", "stated"), "2020"),
    (DateValue(D(2019, 1, 1), D(2020, 12, 31), "year", "stated"), "2019 \u2013 2020"),
])
def test_format_date(value: DateValue, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(("certainty", "reason", "expected"), [
    ("stated", "", "date stated"),
    ("inferred", "year of the release.", "date inferred: year of the release"),
    ("inferred", "", "date inferred"),
])
def test_certainty_note(certainty: str, reason: str, expected: str) -> None:
    value = DateValue(D(2019, 1, 1), D(2019, 1, 1), "day", certainty, reason)  # type: ignore[arg-type]
    assert certainty_note(value) == expected
