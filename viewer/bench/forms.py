"""Date phrases of the generated corpus: each form writes its text and the reading the extractor must give it."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from viewer.bench.vocab import VOCAB

MONTHS: tuple[str, ...] = tuple(VOCAB["months"])
MONTHS_ABBR: tuple[str, ...] = tuple(VOCAB["months_abbr"])
WEEKDAYS: tuple[str, ...] = tuple(VOCAB["weekdays"])
ORDINALS: tuple[str, ...] = tuple(VOCAB["ordinals"])


@dataclass(frozen=True, slots=True)
class Dated:
    """A date phrase and its truth: where it goes in the sentence and what it means."""

    form: str
    slot: str  # "lead": opens the sentence; "tail": closes a planned or appointment clause;
    # "line": opens the sentence after an agency dateline of the publication day
    text: str
    start: date
    end: date
    precision: str
    certainty: str


Render = Callable[[random.Random, date, date | None, date | None], Dated | None]


def _dmy(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _mdy(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _past(rng: random.Random, pub: date, span: int, focus: date | None) -> date:
    # a focus (a summit day) crowds the events of an item onto one day, as summit weeks are
    if focus is not None and 0 <= (pub - focus).days <= span:
        return focus
    return pub - timedelta(days=rng.randint(0, span))


def _near(rng: random.Random, pub: date, focus: date | None) -> date:
    # within 100 days before publication: the year-less reading nearest the publication date, leaning
    # to the past, is then the only sensible one (any other year is at least 265 days away)
    return _past(rng, pub, 100, focus)


def _day(form: str, text: str, d: date, stated: bool, slot: str = "lead") -> Dated:
    return Dated(form, slot, text, d, d, "day", "stated" if stated else "inferred")


def on_dmy(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 30, focus)
    return _day("on_dmy", f"On {_dmy(d)}", d, True)


def on_mdy(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 30, focus)
    return _day("on_mdy", f"On {_mdy(d)}", d, True)


def on_md(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _near(rng, pub, focus)
    return _day("on_md", f"On {MONTHS[d.month - 1]} {d.day}", d, False)


def on_dm(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _near(rng, pub, focus)
    return _day("on_dm", f"On {d.day} {MONTHS[d.month - 1]}", d, False)


def this_year(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = max(date(pub.year, 1, 1), _past(rng, pub, 60, focus))
    sep = rng.choice((", this year", " this year"))
    return _day("this_year", f"On {MONTHS[d.month - 1]} {d.day}{sep}", d, False)


def range_same_month(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    end = _past(rng, pub, 30, focus)
    start = end - timedelta(days=rng.randint(1, min(20, end.day - 1))) if end.day > 1 else end
    if start == end:
        return on_dmy(rng, pub, prev, focus)
    month = MONTHS[end.month - 1]
    text = rng.choice((f"From {start.day} to {end.day} {month} {end.year}",
                       f"From {start.day} to {end.day} {month} , {end.year}"))
    return Dated("range_same_month", "lead", text, start, end, "day", "stated")


def range_cross_month(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    end = _past(rng, pub, 30, focus)
    end = end if end.day <= 5 else end.replace(day=rng.randint(1, 5))
    start = end - timedelta(days=rng.randint(end.day, end.day + 4))
    m1, m2 = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if start.year != end.year:
        text = f"From {start.day} {m1} {start.year} to {end.day} {m2} {end.year}"
    else:
        text = rng.choice((f"From {start.day} {m1} to {end.day} {m2} {end.year}",
                           f"From {m1} {start.day} to {m2} {end.day}, {end.year}"))
    return Dated("range_cross_month", "lead", text, start, end, "day", "stated")


def two_days(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    start = _near(rng, pub + timedelta(days=-1), focus)
    end = start + timedelta(days=1)
    if end.month != start.month:
        return on_dm(rng, pub, prev, focus)
    text = f"On {start.day} and {end.day} {MONTHS[end.month - 1]}"
    return Dated("two_days", "lead", text, start, end, "day", "inferred")


def weekday(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 20, focus)
    name = WEEKDAYS[d.weekday()]
    if rng.random() < 0.5:
        return _day("weekday", f"On {name}, {_dmy(d)}", d, True)
    return _day("weekday", f"On {name}, {MONTHS[d.month - 1]} {d.day}", d, False)


def time_of_day(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 20, focus)
    clock = f"{rng.randint(8, 18)}:{rng.choice(('00', '30', '15'))}"
    text = rng.choice((f"On {_dmy(d)} at {clock}", f"At {clock} on {_mdy(d)}"))
    return _day("time_of_day", text, d, True)


def abbreviated(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 30, focus)
    short = MONTHS_ABBR[d.month - 1]
    text = rng.choice((f"On {short} {d.day}, {d.year}", f"On {d.day} {short.rstrip('.')[:3]} {d.year}"))
    return _day("abbreviated", text, d, True)


def numeric(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = _past(rng, pub, 30, focus)
    if d.day <= 12:  # day-first and month-first readings would differ: keep the form unambiguous
        d = d.replace(day=rng.randint(13, 28))
    sep = rng.choice(".//")
    return _day("numeric", f"On {d.day:02d}{sep}{d.month:02d}{sep}{d.year}", d, True)


def eve(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated | None:
    if prev is None:
        return None
    d = prev - timedelta(days=1)
    return _day("eve", f"On the eve, on {MONTHS[d.month - 1]} {d.day}", d, False)


def same_day(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated | None:
    if prev is None:
        return None
    return _day("same_day", "On the same day", prev, False)


def dateline(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    # "MOSCOW, 12 March - On 11 March, ...": the agency dateline anchors the item (it is the day
    # of the report), the happening carries its own year-less date, read against the dateline
    d = _past(rng, pub, 5, focus)
    return _day("dateline", f"On {d.day} {MONTHS[d.month - 1]}", d, False, slot="line")


def quarter(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    q, year = (pub.month - 1) // 3 + 1 + rng.randint(0, 2), pub.year
    if q > 4:
        q, year = q - 4, year + 1
    start = date(year, 3 * q - 2, 1)
    end = (date(year, 3 * q + 1, 1) if q < 4 else date(year + 1, 1, 1)) - timedelta(days=1)
    text = f"in the {ORDINALS[q - 1]} quarter of {year}"
    return Dated("quarter", "tail", text, start, end, "quarter", "stated")


def half(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    h, year = (2, pub.year) if pub.month <= 6 else (1, pub.year + 1)
    start, end = (date(year, 1, 1), date(year, 6, 30)) if h == 1 else (date(year, 7, 1), date(year, 12, 31))
    return Dated("half", "tail", f"in the {('first', 'second')[h - 1]} half of {year}", start, end,
                 "half", "stated")


def as_of(rng: random.Random, pub: date, prev: date | None, focus: date | None = None) -> Dated:
    d = date(pub.year + 1, 1, 1)
    return _day("as_of", f"as of {_mdy(d)}", d, True, slot="tail")


# weight, render: the stated full dates dominate, as in the archive
FORMS: dict[str, tuple[int, Render]] = {
    "on_dmy": (14, on_dmy), "on_mdy": (14, on_mdy), "on_md": (10, on_md), "on_dm": (8, on_dm),
    "this_year": (5, this_year), "range_same_month": (5, range_same_month),
    "range_cross_month": (3, range_cross_month), "two_days": (4, two_days), "weekday": (3, weekday),
    "time_of_day": (3, time_of_day), "abbreviated": (3, abbreviated), "numeric": (3, numeric),
    "eve": (3, eve), "same_day": (4, same_day), "dateline": (3, dateline), "quarter": (2, quarter),
    "half": (2, half), "as_of": (2, as_of),
}
FORM_NAMES: tuple[str, ...] = tuple(FORMS)
FORM_WEIGHTS: tuple[int, ...] = tuple(w for w, _ in FORMS.values())
