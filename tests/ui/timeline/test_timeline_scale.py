"""The view state, zoom, pan, limits and tick levels: pure functions, no Qt."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.ui.timeline import scale
from viewer.ui.timeline.scale import Limits, ViewState

D = date(2020, 1, 1).toordinal()
LIM = Limits(D - 3650, D + 3650)


@pytest.mark.parametrize(("factor", "anchor_x"), [(2.0, 0.0), (2.0, 250.0), (1.25, 999.0), (0.5, 500.0), (10.0, 123.0)])
def test_zoom_keeps_the_day_under_the_anchor(factor: float, anchor_x: float) -> None:
    state = ViewState(D - 500, D + 500, 1000)
    zoomed = scale.zoom(state, factor, anchor_x, LIM)
    assert zoomed.span == pytest.approx(1000 / factor)
    assert zoomed.day_at(anchor_x) == pytest.approx(state.day_at(anchor_x))


@pytest.mark.parametrize(("factor", "span"), [(1e6, scale.MIN_SPAN), (1e-6, scale.MAX_SPAN)])
def test_zoom_stops_at_the_limits(factor: float, span: float) -> None:
    zoomed = scale.zoom(ViewState(D - 500, D + 500, 1000), factor, 500.0, LIM)
    assert zoomed.span == pytest.approx(span)


def test_a_corpus_longer_than_the_widest_span_still_fits() -> None:
    lim = Limits(D - 20000, D + 20000)
    assert scale.fit(lim.lo, lim.hi, 800, lim).span == pytest.approx(40000 * 1.06)


@pytest.mark.parametrize(("dx", "expected_start"), [
    (100.0, D + 100.0),  # one day per pixel: 100 px later
    (-100.0, D - 100.0),
    (1e9, LIM.hi - 500.0),  # at most half the window past the data
    (-1e9, LIM.lo - 500.0),
])
def test_pan(dx: float, expected_start: float) -> None:
    assert scale.pan(ViewState(D, D + 1000, 1000), dx, LIM).start == pytest.approx(expected_start)


def test_fit_shows_the_extent_with_a_margin() -> None:
    state = scale.fit(D, D + 100, 500, LIM)
    assert (state.start, state.end, state.width) == (pytest.approx(D - 3), pytest.approx(D + 103), 500)


@pytest.mark.parametrize(("days_per_px", "level"), [
    (0.01, "day"), (0.1, "week"), (0.5, "month"), (1.0, "quarter"), (5.0, "year"),
    (10.65, "2 years"), (30.0, "5 years"), (60.0, "decade"), (1000.0, "decade"),
])
def test_tick_level_from_time_per_pixel(days_per_px: float, level: str) -> None:
    assert scale.choose_level(days_per_px, 7.0).name == level


@pytest.mark.parametrize("span", [1.0, 3.0, 10.0, 45.0, 100.0, 400.0, 1500.0, 4000.0, 12000.0, 13000.0])
@pytest.mark.parametrize("char_px", [6.0, 9.0])
def test_tick_labels_never_overlap(span: float, char_px: float) -> None:
    state = ViewState(D, D + span, 1200)
    level = scale.choose_level(state.days_per_px, char_px)
    ticks = scale.ticks(state, level)
    xs = [state.x_of(t.day) for t in ticks]
    gaps = [b - a - (len(t.label) + 1) * char_px for a, b, t in zip(xs, xs[1:], ticks)]
    assert min(gaps) > 0


@pytest.mark.parametrize(("level", "start", "end", "labels"), [
    ("month", date(2020, 1, 10), date(2020, 4, 2), ["Jan", "Feb", "Mar", "Apr", "May"]),
    ("quarter", date(2020, 2, 1), date(2020, 9, 1), ["Q1", "Q2", "Q3", "Q4"]),
    ("year", date(2019, 6, 1), date(2021, 6, 1), ["2019", "2020", "2021", "2022"]),
    ("decade", date(1995, 1, 1), date(2012, 1, 1), ["1990", "2000", "2010", "2020"]),
    ("week", date(2020, 1, 1), date(2020, 1, 20), ["30", "6", "13", "20", "27"]),  # Mondays
    ("day", date(2020, 2, 27), date(2020, 3, 2), ["27", "28", "29", "1", "2", "3"]),
])
def test_ticks_start_on_calendar_periods(level: str, start: date, end: date, labels: list[str]) -> None:
    state = ViewState(start.toordinal(), end.toordinal(), 1000)
    assert [t.label for t in scale.ticks(state, scale.level_named(level))] == labels


@pytest.mark.parametrize(("level", "context"), [("day", "month"), ("week", "month"), ("month", "year"),
                                                ("quarter", "year"), ("year", None), ("decade", None)])
def test_context_row_names_the_coarser_period(level: str, context: str | None) -> None:
    found = scale.context_level(scale.level_named(level))
    assert (found.name if found else None) == context


@pytest.mark.parametrize(("day", "text"), [(D, "2020-01-01"), (D + 0.9, "2020-01-01"), (D + 31, "2020-02-01")])
def test_format_day(day: float, text: str) -> None:
    assert scale.format_day(day) == text
