"""Typed dates: a year, a month or a day, read as the first or last day of what they name."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.ui.date_box import read_date


@pytest.mark.parametrize("text, end, expected", [
    ("", False, None),
    ("   ", True, None),
    ("2019", False, date(2019, 1, 1)),
    ("2019", True, date(2019, 12, 31)),
    ("2019-11", False, date(2019, 11, 1)),
    ("2019-11", True, date(2019, 11, 30)),
    ("2020-2", True, date(2020, 2, 29)),
    ("2019-11-28", False, date(2019, 11, 28)),
    ("2019-11-28", True, date(2019, 11, 28)),
    (" 2019-1-5 ", False, date(2019, 1, 5)),
])
def test_read_date(text, end, expected):
    assert read_date(text, end) == expected


@pytest.mark.parametrize("text", ["19", "2019-13", "2019-02-30", "28.11.2019", "yesterday"])
def test_not_a_date(text):
    with pytest.raises(ValueError):
        read_date(text, False)
