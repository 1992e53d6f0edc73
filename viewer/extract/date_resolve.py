"""Year resolution: the anchors a text offers, and a date as written (RawDate) read as a DateValue."""
from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from viewer.records import Certainty, DateValue

if TYPE_CHECKING:  # dates.py imports this module and re-exports its names
    from viewer.extract.dates import RawDate


@dataclass(frozen=True, slots=True)
class YearHint:
    """A stated year usable as an anchor for dates written without one."""

    pos: int  # character offset
    year: int
    date: date | None  # the full date when the hint is a full stated date
    source: str  # in words: 'the date December 11, 2024', 'the name "Thunder-2019"', 'the year 2019'
    text: str = ""  # as written: 'December 11, 2024', 'Thunder-2019', '2019'


@dataclass(frozen=True, slots=True)
class DateContext:
    """What year resolution may lean on; the publication date, never the clock."""

    published: date | None = None
    published_text: str = ""  # as written, for the reason ("24.11.2022")
    hints: Sequence[YearHint] = ()
    previous: DateValue | None = None  # the previous event's date in the item (eve, same day)
    position: int = 0  # where the mention stands, to pick the nearest hint
    future: bool = False  # the sentence speaks of a planned happening: lean to the future


def hints_from_dates(dates: Iterable[RawDate]) -> list[YearHint]:
    """The stated years among found dates; a document's own date (incidental) and periods do not count."""
    hints: list[YearHint] = []
    for r in dates:
        if r.year is None or r.relative is not None or r.incidental:
            continue
        pos = r.span.start
        if r.in_name:
            hints.append(YearHint(pos, r.year, None, f'the name "{r.text}"', r.text))
        elif r.precision == "day" and r.month and r.day:
            hints.append(YearHint(pos, r.year, date(r.year, r.month, r.day), f"the date {r.text}", r.text))
        elif r.end_year is None or r.end_year == r.year:  # "2021-2025" plans a period: no anchor
            hints.append(YearHint(pos, r.year, None, f"the year {r.year}", r.text))
    return hints


_SHIFT = {"this_year": 0, "next_year": 1, "last_year": -1}
_WORDS = {"this_year": "this year", "next_year": "next year", "last_year": "last year"}


def _last(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _period(raw: RawDate, y: int) -> tuple[date, date] | None:
    """The first and last day the expression covers when its (start) year is y; None if invalid."""
    try:
        if raw.precision == "day" and raw.month is not None and raw.day is not None:
            start = date(y, raw.month, raw.day)
            if raw.end_day is None:
                return start, start
            em = raw.end_month or raw.month
            ey = raw.end_year if raw.year is not None and raw.end_year is not None else \
                y if em >= raw.month else y + 1  # "28 December - 3 January" ends the next year
            end = date(ey, em, raw.end_day)
        elif raw.precision == "month" and raw.month is not None:
            start = date(y, raw.month, 1)
            end = _last(raw.end_year if raw.year is not None and raw.end_year else y,
                        raw.end_month or raw.month)
        elif raw.precision == "quarter" and raw.quarter:
            start, end = date(y, 3 * raw.quarter - 2, 1), _last(y, 3 * raw.quarter)
        elif raw.precision == "half" and raw.half:
            start, end = date(y, 6 * raw.half - 5, 1), _last(y, 6 * raw.half)
        else:
            start, end = date(y, 1, 1), date(raw.end_year or y, 12, 31)
    except ValueError:
        return None  # 29 February of a common year
    return (start, end) if start <= end else None


def _anchor(ctx: DateContext) -> tuple[date, str] | None:
    """The date a year-less mention is read against, and the reason's words; None when there is none."""
    if ctx.published is not None:
        written = ctx.published_text or ctx.published.strftime("%d.%m.%Y")
        return ctx.published, f"year from the publication date {written}"

    def near(h: YearHint) -> tuple[int, int]:
        return abs(h.pos - ctx.position), h.pos

    dated = [(h, h.date) for h in ctx.hints if h.date is not None]
    if dated:
        h, on = min(dated, key=lambda pair: near(pair[0]))
        return on, f"year from the nearest stated date {h.text or h.source.removeprefix('the date ')}"
    if ctx.hints:
        h = min(ctx.hints, key=near)
        if h.source.startswith("the name"):
            return date(h.year, 1, 1), f"year from {h.source}"
        return date(h.year, 1, 1), f"year from the nearest stated year {h.year}"
    return None


def _score(period: tuple[date, date], anchor: date, future: bool) -> int:
    """Closest to the anchor wins; a reading after it costs double. A planned happening ("will be
    held in October") leans harder the other way: a past reading costs four times its distance."""
    start, end = period
    if end < anchor:
        d = (anchor - end).days
        return -4 * d if future else -d
    if start > anchor:
        d = (start - anchor).days
        return -d if future else -2 * d
    return 0


def _value(period: tuple[date, date], raw: RawDate, certainty: Certainty, reason: str) -> DateValue:
    return DateValue(period[0], period[1], raw.precision, certainty, reason)


FROM_PUBLICATION = {"today": 0, "yesterday": -1, "tomorrow": 1}  # days from the publication date


def resolve(raw: RawDate, ctx: DateContext) -> DateValue | None:
    """The calendar reading of raw in its context.

    Returns None only when nothing anchors a date that lacks its year (no publication date, no
    stated year anywhere, no previous event for "on the eve" / "the same day"): the caller then
    drops the mention rather than guess from the clock.
    """
    prev = ctx.previous
    if raw.relative in FROM_PUBLICATION and raw.month is None and raw.year is None:
        # "today", "yesterday": counted from the day the item was published, and from nothing else
        if ctx.published is None:
            return None
        day = ctx.published + timedelta(days=FROM_PUBLICATION[raw.relative])
        said = _WORDS.get(raw.relative, raw.relative)
        return DateValue(day, day, "day", "inferred",
                         f"'{said}' counted from the publication date {ctx.published_text or ctx.published.isoformat()}")
    if raw.relative in ("eve", "same_day") and raw.month is None and raw.year is None:
        if prev is None:
            return None
        if raw.relative == "same_day":
            return DateValue(prev.start, prev.end, prev.precision, "inferred",
                             "the same day as the previous event")
        day = prev.start - timedelta(days=1)
        return DateValue(day, day, "day", "inferred", f"the eve of the previous event ({prev.start.isoformat()})")

    if raw.year is not None:
        period = _period(raw, raw.year)
        if period is None:
            return None
        if raw.in_name:
            return _value(period, raw, "inferred", f'year from the name "{raw.text}"')
        if raw.relative is not None:
            return _value(period, raw, "inferred", f"stated year {raw.year}; {raw.relative.replace('_', ' ')}")
        return _value(period, raw, "stated", "")

    if raw.relative == "eve" and prev is not None and raw.month is not None:
        # "On the eve, on November 27" after a session on November 28: the year of that session
        eve = prev.start - timedelta(days=1)
        period = _period(raw, eve.year)
        if period is not None and period[0] == eve:
            return _value(period, raw, "inferred",
                          f"year of the previous event: on the eve of {prev.start.isoformat()}")

    found = _anchor(ctx)
    if found is None:
        return None
    anchor, reason = found
    if raw.relative in _SHIFT:
        said = f"'{_WORDS[raw.relative]}'"
        if raw.relative != "this_year" or (raw.month is None and raw.quarter is None and raw.half is None):
            # "next year", "last year", a bare "this year": the anchor's year, shifted
            period = _period(raw, anchor.year + _SHIFT[raw.relative])
            return None if period is None else _value(period, raw, "inferred", f"{said}: {reason}")
        reason = f"{said} with the {reason}"
    elif raw.relative == "eve":
        reason += "; on the eve"
    elif raw.relative == "same_day":
        reason += "; the same day"

    readings = [p for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (p := _period(raw, y))]
    if not readings:  # 29 February: three years in a row may hold no leap day
        readings = [p for y in range(anchor.year - 4, anchor.year + 5) if (p := _period(raw, y))]
    if raw.weekday is not None:
        fits = [p for p in readings if p[0].weekday() == raw.weekday]
        if fits:
            readings, reason = fits, reason + f"; the weekday fits {fits[0][0].year}"
    if not readings:
        return None
    best = max(readings, key=lambda p: _score(p, anchor, ctx.future))
    return _value(best, raw, "inferred", reason)
