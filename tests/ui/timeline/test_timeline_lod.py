"""Level of detail: clusters with counts, splitting on zoom, bars for long ranges, hit tests; no Qt."""
from __future__ import annotations

import numpy as np
import pytest

from timeline_data import DAY0, make_data, random_data
from viewer.ui.timeline import lod
from viewer.ui.timeline.scale import ViewState

M = lod.Metrics(cell_px=30.0, radius=6.0, gap=2.0, badge_px=6.0, bar_min_px=24.0)


def marks(frame: lod.Frame, lane: int) -> list[tuple[int, int]]:
    """(count, event index or -1) per mark of a lane."""
    lf = next(lf for lf in frame.lanes if lf.lane == lane)
    return list(zip(lf.count.tolist(), lf.event.tolist()))


@pytest.mark.parametrize(("days_per_px", "cell_px", "days"), [
    (0.001, 30.0, 1), (1 / 30, 30.0, 1), (0.05, 30.0, 2), (1.0, 30.0, 32), (10.65, 30.0, 512), (10.0, 12.8, 128),
])
def test_cell_days_are_powers_of_two_at_least_a_cell_wide(days_per_px: float, cell_px: float, days: int) -> None:
    assert lod.cell_days(days_per_px, cell_px) == days


def test_events_on_one_day_are_one_cluster_with_their_count() -> None:
    data = make_data([(i, DAY0, DAY0, 0) for i in range(1, 43)])
    frame = lod.layout(data, ViewState(DAY0 - 5, DAY0 + 5, 1000), M)
    assert marks(frame, 0) == [(42, -1)]


def test_a_cluster_splits_as_the_view_zooms_in() -> None:
    data = make_data([(i, DAY0 + 10 * i, DAY0 + 10 * i, 1) for i in range(1, 9)])  # every 10 days
    wide = lod.layout(data, ViewState(DAY0 - 4000, DAY0 + 4000, 1000), M)
    close = lod.layout(data, ViewState(DAY0, DAY0 + 100, 1000), M)
    assert marks(wide, 1) == [(8, -1)]
    assert marks(close, 1) == [(1, i) for i in range(8)]


def test_marks_in_neighbouring_cells_that_would_touch_merge() -> None:
    # one pixel a day and 32-day cells: days 31 and 32 of the grid fall in two cells, 1 px apart
    base = (DAY0 // 32) * 32
    data = make_data([(1, base + 31, base + 31, 0), (2, base + 32, base + 32, 0)])
    frame = lod.layout(data, ViewState(base - 200, base + 800, 1000), M)
    assert marks(frame, 0) == [(2, -1)]


def test_the_main_kind_of_a_cluster_is_its_most_frequent_kind() -> None:
    # kind = id % 4: ids 2, 6, 10 ... are exercises (2), the rest spread over the other kinds
    events = [(i, DAY0, DAY0, 0) for i in (2, 6, 10, 14, 18, 1, 3)]
    frame = lod.layout(make_data(events), ViewState(DAY0 - 500, DAY0 + 500, 1000), M)
    assert frame.lanes[0].kind.tolist() == [2]


@pytest.mark.parametrize(("span", "bars", "marks_"), [(90.0, 1, 0), (9000.0, 0, 1)])
def test_a_range_is_a_bar_only_when_long_enough_on_screen(span: float, bars: int, marks_: int) -> None:
    data = make_data([(1, DAY0, DAY0 + 29, 2)])
    lf = lod.layout(data, ViewState(DAY0 - span / 3, DAY0 + span * 2 / 3, 1000), M).lanes[2]
    assert (len(lf.bar_event), int(lf.count.sum())) == (bars, marks_)


def test_a_bar_that_began_before_the_view_is_still_drawn() -> None:
    data = make_data([(1, DAY0 - 100, DAY0 + 100, 0)])
    lf = lod.layout(data, ViewState(DAY0, DAY0 + 50, 1000), M).lanes[0]
    assert (lf.bar_event.tolist(), lf.bar_x0[0] < 0, lf.bar_x1[0] > 1000) == ([0], True, True)


@pytest.mark.parametrize("span", [1.0, 7.0, 365.0, 3000.0, 13000.0])
def test_every_visible_event_is_drawn_once(span: float) -> None:
    data = random_data(20_000)
    state = ViewState(DAY0 - 4000, DAY0 - 4000 + span, 1200)
    frame = lod.layout(data, state, M)
    cd = frame.cell_days
    first = np.floor(state.start / cd) * cd
    last = np.ceil(state.end / cd) * cd
    in_cells = int(np.count_nonzero((data.start >= first) & (data.start < last)))
    bars_before = sum(int(np.count_nonzero(data.start[lf.bar_event] < first)) for lf in frame.lanes)
    drawn = sum(int(lf.count.sum()) + len(lf.bar_event) for lf in frame.lanes)
    assert drawn - bars_before == in_cells


def test_single_events_carry_their_attributes() -> None:
    data = make_data([(5, DAY0, DAY0, 0), (9, DAY0 + 20, DAY0 + 20, 0)], inferred=(9,), sources={5: 3})
    lf = lod.layout(data, ViewState(DAY0 - 10, DAY0 + 40, 1000), M).lanes[0]
    assert (lf.event.tolist(), lf.inferred.tolist(), lf.sources.tolist()) == ([0, 1], [False, True], [3, 1])
    assert lf.x.tolist() == pytest.approx([210.0, 610.0])  # the middle of each day


def test_hit_mark_finds_the_mark_under_x_and_nothing_beside_it() -> None:
    data = make_data([(1, DAY0, DAY0, 0), (2, DAY0 + 20, DAY0 + 20, 0)])
    lf = lod.layout(data, ViewState(DAY0 - 10, DAY0 + 40, 1000), M).lanes[0]
    assert [lod.hit_mark(lf, x, 1.0) for x in (210.0, 204.0, 615.0, 400.0)] == [0, 0, 1, None]


def test_mark_events_of_a_cluster_lists_its_members() -> None:
    data = make_data([(i, DAY0 + i % 3, DAY0 + i % 3, 3) for i in range(1, 11)])
    frame = lod.layout(data, ViewState(DAY0 - 3000, DAY0 + 3000, 1000), M)
    lf = frame.lanes[3]
    assert sorted(data.ids_at(lod.mark_events(data, lf, 0))) == list(range(1, 11))


def test_events_in_a_band_of_pixels_and_lanes() -> None:
    data = make_data([(1, DAY0, DAY0, 0), (2, DAY0 + 5, DAY0 + 5, 1), (3, DAY0 + 30, DAY0 + 30, 1),
                      (4, DAY0 + 2, DAY0 + 2, 2)])
    frame = lod.layout(data, ViewState(DAY0 - 10, DAY0 + 40, 1000), M)
    found = lod.events_in(data, frame, (0, 1), 0.0, 400.0)  # days -10 .. +10
    assert sorted(data.ids_at(found)) == [1, 2]


@pytest.mark.parametrize(("start", "span"), [(DAY0 - 4000, 60.0), (DAY0 - 3000, 400.0), (DAY0 - 8000, 9000.0)])
def test_bars_are_every_long_enough_range_in_view_when_rows_have_room(start: float, span: float) -> None:
    data = random_data(3000)
    roomy = lod.Metrics(cell_px=30.0, radius=6.0, gap=2.0, badge_px=6.0, bar_min_px=24.0, bar_rows=1000,
                        max_bars=100_000)
    state = ViewState(start, start + span, 1200)
    frame = lod.layout(data, state, roomy)
    drawn = sorted(int(e) for lf in frame.lanes for e in lf.bar_event)
    length_px = (data.end + 1 - data.start) / state.days_per_px
    expected = np.flatnonzero((length_px >= 24.0) & (data.end + 1 > state.start) & (data.start < state.end))
    assert drawn == expected.tolist()
