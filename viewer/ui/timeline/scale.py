"""Time <-> pixels for the timeline: the view state, its limits, zoom, pan and the axis tick levels."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

DAYS_PER_YEAR = 365.2425
MIN_SPAN = 1.0  # one day on screen
MAX_SPAN = 35 * DAYS_PER_YEAR  # the whole history of the organisation, and then some
_FIRST_DAY = date(1, 1, 1).toordinal()
_LAST_DAY = date(9999, 12, 31).toordinal()


@dataclass(frozen=True, slots=True)
class ViewState:
    """The visible days [start, end) (date ordinals, fractional) spread over `width` pixels."""

    start: float
    end: float
    width: int

    @property
    def span(self) -> float:
        return self.end - self.start

    @property
    def days_per_px(self) -> float:
        return self.span / max(self.width, 1)

    def x_of(self, day: float) -> float:
        return (day - self.start) / self.days_per_px

    def day_at(self, x: float) -> float:
        return self.start + x * self.days_per_px

    def with_width(self, width: int) -> "ViewState":
        return replace(self, width=max(int(width), 1))


@dataclass(frozen=True, slots=True)
class Limits:
    """How far the view may zoom and pan: spans between min_span and max_span days, and at
    least half of the window kept over the data's extent [lo, hi]."""

    lo: float
    hi: float
    min_span: float = MIN_SPAN
    max_span: float = MAX_SPAN

    @property
    def widest(self) -> float:
        # a corpus longer than 35 years must still fit on screen
        return max(self.max_span, (self.hi - self.lo) * 1.1)


def clamp(state: ViewState, limits: Limits) -> ViewState:
    span = min(max(state.span, limits.min_span), limits.widest)
    centre = (state.start + state.end) / 2
    start = centre - span / 2
    start = max(start, limits.lo - span / 2, _FIRST_DAY)
    start = min(start, limits.hi - span / 2, _LAST_DAY - span)
    return ViewState(start, start + span, state.width)


def zoom(state: ViewState, factor: float, anchor_x: float, limits: Limits) -> ViewState:
    """Zoom in (factor > 1) or out (factor < 1) keeping the day under anchor_x where it is."""
    anchor = state.day_at(anchor_x)
    span = min(max(state.span / factor, limits.min_span), limits.widest)
    frac = anchor_x / max(state.width, 1)
    start = anchor - frac * span
    return clamp(ViewState(start, start + span, state.width), limits)


def pan(state: ViewState, dx_px: float, limits: Limits) -> ViewState:
    """Move the view by dx_px pixels of content (positive shows later days)."""
    shift = dx_px * state.days_per_px
    return clamp(ViewState(state.start + shift, state.end + shift, state.width), limits)


def fit(lo: float, hi: float, width: int, limits: Limits, margin: float = 0.03) -> ViewState:
    """The state that shows days [lo, hi] with a small margin each side."""
    span = max(hi - lo, limits.min_span)
    pad = span * margin
    return clamp(ViewState(lo - pad, hi + pad, max(width, 1)), limits)


# -- axis ticks -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TickLevel:
    """One row of the tick table: periods of `count` `unit`s, labelled with at most label_chars."""

    name: str
    unit: str  # "year" | "month" | "day"
    count: int
    approx_days: float
    label_chars: int


LEVELS: tuple[TickLevel, ...] = (
    TickLevel("decade", "year", 10, 10 * DAYS_PER_YEAR, 4),
    TickLevel("5 years", "year", 5, 5 * DAYS_PER_YEAR, 4),
    TickLevel("2 years", "year", 2, 2 * DAYS_PER_YEAR, 4),
    TickLevel("year", "year", 1, DAYS_PER_YEAR, 4),
    TickLevel("quarter", "month", 3, DAYS_PER_YEAR / 4, 2),
    TickLevel("month", "month", 1, DAYS_PER_YEAR / 12, 3),
    TickLevel("week", "day", 7, 7.0, 2),
    TickLevel("day", "day", 1, 1.0, 2),
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
LABEL_PAD_CHARS = 2.5  # room between two labels, in average character widths


def choose_level(days_per_px: float, char_px: float) -> TickLevel:
    """The finest level whose labels fit between their ticks without touching."""
    for level in reversed(LEVELS):
        if level.approx_days / days_per_px >= (level.label_chars + LABEL_PAD_CHARS) * char_px:
            return level
    return LEVELS[0]


_MINOR: dict[str, tuple[str, ...]] = {
    "decade": ("year",), "5 years": ("year",), "2 years": ("year",), "year": ("month", "quarter"),
    "quarter": ("month",), "month": ("day",), "week": ("day",), "day": (),
}


def level_named(name: str) -> TickLevel:
    return next(level for level in LEVELS if level.name == name)


def minor_level(level: TickLevel, days_per_px: float, min_px: float) -> TickLevel | None:
    """The finer level drawn as unlabelled ticks, when its ticks stay min_px apart."""
    for name in _MINOR[level.name]:
        finer = level_named(name)
        if finer.approx_days / days_per_px >= min_px:
            return finer
    return None


def context_level(level: TickLevel) -> TickLevel | None:
    """The coarser period named above the tick labels (the year above months, the month above days)."""
    if level.unit == "year":
        return None
    return level_named("year" if level.unit == "month" else "month")


@dataclass(frozen=True, slots=True)
class Tick:
    day: int  # the ordinal where the period starts
    label: str


def tick_days(lo: float, hi: float, level: TickLevel) -> list[int]:
    """Ordinals of the period starts of `level` from the one at or before lo up to hi."""
    lo_d = date.fromordinal(int(min(max(math.floor(lo), _FIRST_DAY), _LAST_DAY)))
    hi_i = int(min(max(math.ceil(hi), _FIRST_DAY), _LAST_DAY))
    out: list[int] = []
    if level.unit == "year":
        y = lo_d.year - (lo_d.year % level.count)
        while y <= 9999:
            d = date(max(y, 1), 1, 1).toordinal()
            out.append(d)
            if d > hi_i:
                break
            y += level.count
    elif level.unit == "month":
        m = lo_d.year * 12 + (lo_d.month - 1)
        m -= m % level.count
        while m < 10000 * 12:
            d = date(m // 12, m % 12 + 1, 1).toordinal()
            out.append(d)
            if d > hi_i:
                break
            m += level.count
    else:
        d = lo_d.toordinal()
        if level.count == 7:
            d -= lo_d.weekday()  # weeks start on Monday
        while d <= _LAST_DAY:
            out.append(d)
            if d > hi_i:
                break
            d += level.count
    return out


def tick_label(day: int, level: TickLevel) -> str:
    d = date.fromordinal(day)
    if level.unit == "year":
        return str(d.year)
    if level.count == 3:
        return f"Q{(d.month - 1) // 3 + 1}"
    if level.unit == "month":
        return _MONTHS[d.month - 1]
    return str(d.day)


def context_label(day: int, level: TickLevel) -> str:
    d = date.fromordinal(day)
    if level.unit == "year":
        return str(d.year)
    return f"{_MONTHS_LONG[d.month - 1]} {d.year}"


def ticks(state: ViewState, level: TickLevel) -> list[Tick]:
    """Labelled ticks of `level` covering the visible range (the first may start off screen)."""
    return [Tick(d, tick_label(d, level)) for d in tick_days(state.start, state.end, level)]


def format_day(day: float) -> str:
    """A day ordinal as an ISO date, for status texts and tooltips."""
    return date.fromordinal(int(min(max(math.floor(day), _FIRST_DAY), _LAST_DAY))).isoformat()
