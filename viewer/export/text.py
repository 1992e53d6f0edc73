"""Words the report prints: dates at their precision, certainty notes, joined lists."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from viewer.records import DateValue

# Fixed English abbreviations: strftime's would follow the machine's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DASH = "\u2013"


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _month(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def _unit(d: date, precision: str) -> str:
    if precision == "year":
        return str(d.year)
    if precision == "half":
        return f"H{1 if d.month <= 6 else 2} {d.year}"
    if precision == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if precision == "month":
        return _month(d)
    return _day(d)


def format_date(value: DateValue) -> str:
    """'28 Nov 2019', '3–5 Jun 2019', 'Nov 2019', 'Q4 2019', 'H2 2020', '2019', or a range of these."""
    start, end, precision = value.start, value.end, value.precision
    first, last = _unit(start, precision), _unit(end, precision)
    if first == last:
        return first
    if precision == "day":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{DASH}{end.day} {MONTHS[end.month - 1]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {MONTHS[start.month - 1]} {DASH} {_day(end)}"
    return f"{first} {DASH} {last}"


def certainty_note(value: DateValue) -> str:
    """'date stated', or 'date inferred: <reason>' so the reader knows how far to trust it."""
    if value.certainty == "inferred":
        reason = value.reason.strip().rstrip(".")
        return f"date inferred: {reason}" if reason else "date inferred"
    return "date stated"


def join(names: Sequence[str]) -> str:
    return ", ".join(n for n in names if n)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
