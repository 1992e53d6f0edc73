"""Level of detail: which marks, clusters and bars to draw for the visible days, without Qt.

Each lane's visible days are cut into cells of a power-of-two number of days at least one cluster
label wide, on a grid anchored to the calendar so clusters stay put while panning and split in two
as the view zooms in.  Per-cell counts come from np.searchsorted of the cell edges on the sorted
(lane, start) keys: O(cells x log n) a frame, whatever the number of events.  That stands in for
count pyramids per day/week/month/year: a binary search answers any cell width exactly, and one
prefix-sum table of kinds per lane and day (TimelineData.kind_table) gives each cluster its main
kind, so a zoomed-out frame costs the same at 100,000 and at 1,000,000 events.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from viewer.ui.timeline.data import DURATION_CLASSES, LANE_SHIFT, TimelineData
from viewer.ui.timeline.scale import ViewState

_EMPTY_I = np.zeros(0, np.int64)
_EMPTY_F = np.zeros(0, np.float64)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in device pixels (the painter gives them from its font, so they follow the DPI)."""

    cell_px: float  # a cluster cell: wide enough for the widest count label
    radius: float  # a single event's marker
    gap: float  # least space between two marks
    badge_px: float  # extra room right of a marker showing its source count
    bar_min_px: float  # a range shorter than this is drawn as a marker
    bar_rows: int = 2
    max_bars: int = 300  # per lane; beyond that ranges fold into the clusters


@dataclass(frozen=True, eq=False)
class LaneFrame:
    """The marks of one lane, sorted by x (pixels from the plot's left edge)."""

    lane: int
    x: np.ndarray
    half: np.ndarray  # half width of each mark
    count: np.ndarray  # 1 for a single event
    kind: np.ndarray  # the event's kind, or the cluster's main kind
    inferred: np.ndarray  # singles only
    sources: np.ndarray  # singles only
    event: np.ndarray  # data index of a single event, -1 for a cluster
    lo: np.ndarray  # the mark stands for by_lane[lo:hi] minus the lane's bars
    hi: np.ndarray
    bar_x0: np.ndarray
    bar_x1: np.ndarray
    bar_row: np.ndarray
    bar_event: np.ndarray  # data indexes

    def __len__(self) -> int:
        return int(len(self.x))


@dataclass(frozen=True, eq=False)
class Frame:
    state: ViewState
    metrics: Metrics
    cell_days: int
    lanes: tuple[LaneFrame, ...]

    @property
    def marks(self) -> int:
        return sum(len(lf) for lf in self.lanes)


def cell_days(days_per_px: float, cell_px: float) -> int:
    """Days per cluster cell: the smallest power of two at least cell_px wide (one day at least)."""
    need = cell_px * days_per_px
    return 1 if need <= 1 else 1 << math.ceil(math.log2(need) - 1e-9)


def _visible_bars(data: TimelineData, wanted: tuple[int, ...], state: ViewState, m: Metrics) -> np.ndarray:
    """Data indexes of the wanted lanes' ranges long enough to be bars and overlapping the view, at
    most what the rows could hold per lane (the longest first), sorted by lane then start.

    Ranges are grouped by lane and duration class (durations in [2**c, 2**(c+1))), so each group's
    candidates are one slice found by binary search: all groups of all lanes in two searchsorted calls.
    """
    idx, _starts, _offsets = data.range_index
    if not len(idx):
        return _EMPTY_I
    min_days = m.bar_min_px * state.days_per_px
    classes = np.arange(DURATION_CLASSES, dtype=np.int64)
    longest = np.left_shift(1, classes + 1)  # durations (end - start) in class c are < 2**(c+1)
    classes, longest = classes[longest + 1 >= min_days], longest[longest + 1 >= min_days]
    if not len(classes):
        return _EMPTY_I
    top = (1 << LANE_SHIFT) - 1
    groups = (np.asarray(wanted, np.int64)[:, None] * DURATION_CLASSES + classes[None, :]) << LANE_SHIFT
    lo_keys = groups + np.clip(np.ceil(state.start - longest), 0, top).astype(np.int64)[None, :]
    hi_keys = groups + min(max(math.ceil(state.end), 0), top)
    i0 = np.searchsorted(data.range_keys, lo_keys.ravel(), "left")
    i1 = np.searchsorted(data.range_keys, hi_keys.ravel(), "left")
    counts = np.maximum(i1 - i0, 0)
    total = int(counts.sum())
    if not total:
        return _EMPTY_I
    # the concatenation of the slices [i0, i1), without a Python loop
    steps = np.ones(total, np.int64)
    firsts = np.cumsum(counts) - counts
    nonempty = counts > 0
    steps[firsts[nonempty]] = i0[nonempty] - np.concatenate([[0], (i1[nonempty] - 1)[:-1]])
    cand = idx[np.cumsum(steps)]
    start, end = data.start[cand], data.end[cand]
    keep = (end + 1 - start >= min_days) & (end + 1 > state.start) & (start < state.end)
    cand = cand[keep]
    if not len(cand):
        return _EMPTY_I
    order = np.lexsort((data.start[cand], data.lanes[cand]))
    cand = cand[order]
    # more bars than the rows can hold would only be dropped after a Python loop over them
    cap = min(m.max_bars, int(m.bar_rows * state.width / (m.bar_min_px + m.gap)) + 1)
    lanes = data.lanes[cand]
    bounds = np.flatnonzero(np.diff(lanes)) + 1
    sizes = np.diff(np.concatenate([[0], bounds, [len(cand)]]))
    if sizes.max() <= cap:
        return cand
    parts = []
    for part in np.split(cand, bounds):
        if len(part) > cap:
            part = part[np.argpartition(-(data.end[part] - data.start[part]), cap)[:cap]]
            part = part[np.argsort(data.start[part], kind="stable")]
        parts.append(part)
    return np.concatenate(parts)


def _place_bars(lanes: np.ndarray, x0: np.ndarray, x1: np.ndarray, rows: int, gap: float) -> np.ndarray:
    """Row of each bar (greedy, lane by lane in start order), -1 when no row has room."""
    out = np.full(len(x0), -1, np.int64)
    current = -1
    ends = [-math.inf] * rows
    for i, (lane, a, b) in enumerate(zip(lanes.tolist(), x0.tolist(), x1.tolist())):
        if lane != current:
            current = lane
            ends = [-math.inf] * rows
        for r in range(rows):
            if ends[r] + gap <= a:
                ends[r] = b
                out[i] = r
                break
    return out


def _all_bars(data: TimelineData, wanted: tuple[int, ...], state: ViewState,
              m: Metrics) -> dict[int, tuple[np.ndarray, ...]]:
    """Per lane, the bars that found a row: (data indexes, x0, x1, rows)."""
    bars = _visible_bars(data, wanted, state, m)
    if not len(bars):
        return {}
    dpp = state.days_per_px
    lanes = data.lanes[bars]
    bx0 = (data.start[bars] - state.start) / dpp
    bx1 = (data.end[bars] + 1 - state.start) / dpp
    rows = _place_bars(lanes, bx0, bx1, m.bar_rows, m.gap)
    placed = rows >= 0
    bars, lanes, bx0, bx1, rows = bars[placed], lanes[placed], bx0[placed], bx1[placed], rows[placed]
    out: dict[int, tuple[np.ndarray, ...]] = {}
    for lane in np.unique(lanes).tolist():
        a, b = np.searchsorted(lanes, [lane, lane + 1])
        out[lane] = (bars[a:b], bx0[a:b], bx1[a:b], rows[a:b])
    return out


def _layout_all(data: TimelineData, wanted: tuple[int, ...], state: ViewState, m: Metrics,
                cd: int) -> tuple[LaneFrame, ...]:
    """Every wanted lane in one pass of array operations: the cell counts of all lanes come from a
    single searchsorted on (lane, start) keys, so the per-frame cost hardly grows with the lanes."""
    dpp = state.days_per_px
    k0 = math.floor(state.start / cd)
    k1 = math.ceil(state.end / cd)
    edges = np.arange(k0, k1 + 1, dtype=np.int64) * cd
    lane_arr = np.asarray(wanted, np.int64)
    keys = (lane_arr[:, None] << LANE_SHIFT) + np.clip(edges, 0, (1 << LANE_SHIFT) - 1)[None, :]
    pos = np.searchsorted(data.lane_keys, keys.ravel(), "left").reshape(len(wanted), len(edges))
    total = np.diff(pos, axis=1)
    points = total.copy()
    # bars first: the ranges drawn as bars are taken out of the point counts
    by_lane = _all_bars(data, wanted, state, m)
    no_bars = (_EMPTY_I, _EMPTY_F, _EMPTY_F, _EMPTY_I)
    bar_info: list[tuple[np.ndarray, ...]] = []
    for r, lane in enumerate(wanted):
        info = by_lane.get(lane, no_bars)
        bar_info.append(info)
        if len(info[0]):
            cell = np.searchsorted(edges, data.start[info[0]], "right") - 1
            inside = (cell >= 0) & (cell < points.shape[1])
            np.subtract.at(points[r], cell[inside], 1)
    nz_r, nz_c = np.nonzero(points > 0)
    count = points[nz_r, nz_c].astype(np.int64)
    lo, hi = pos[nz_r, nz_c], pos[nz_r, nz_c + 1]
    n = len(count)
    event = np.full(n, -1, np.int64)
    single = count == 1
    clean = single & (total[nz_r, nz_c] == 1)
    event[clean] = data.by_lane[lo[clean]]
    for j in np.flatnonzero(single & ~clean).tolist():  # a cell holding one marker beside bars
        bar_set = set(bar_info[int(nz_r[j])][0].tolist())
        event[j] = next(int(e) for e in data.by_lane[lo[j]:hi[j]].tolist() if e not in bar_set)
    is_single = event >= 0
    ev = event[is_single]
    x = ((edges[nz_c] + edges[nz_c + 1]) / 2 - state.start) / dpp
    x[is_single] = (data.start[ev] + 0.5 - state.start) / dpp
    kind = np.zeros(n, np.int64)
    kind[is_single] = data.kinds[ev]
    inferred = np.zeros(n, bool)
    inferred[is_single] = data.inferred[ev]
    sources = np.zeros(n, np.int64)
    sources[is_single] = data.sources[ev]
    half = np.full(n, m.cell_px / 2 - m.gap / 2)
    half[is_single] = m.radius + np.where(data.sources[ev] > 1, m.badge_px, 0.0)
    clusters = np.flatnonzero(~is_single)
    if len(clusters):
        kind[clusters] = _main_kinds(data, lane_arr[nz_r[clusters]], edges[nz_c[clusters]],
                                     edges[nz_c[clusters] + 1], data.by_lane[lo[clusters]])
    bounds = np.searchsorted(nz_r, np.arange(len(wanted) + 1)).tolist()
    out = []
    for r, lane in enumerate(wanted):
        a, b = bounds[r], bounds[r + 1]
        bars, bx0, bx1, rows = bar_info[r]
        lf = LaneFrame(lane, x[a:b], half[a:b], count[a:b], kind[a:b], inferred[a:b], sources[a:b], event[a:b],
                       lo[a:b], hi[a:b], bx0, bx1, rows, bars)
        out.append(_merge_overlaps(data, lf, m) if b - a > 1 else lf)
    return tuple(out)


def _main_kinds(data: TimelineData, lanes: np.ndarray, day0: np.ndarray, day1: np.ndarray,
                fallback_events: np.ndarray) -> np.ndarray:
    first, step, table = data.kind_table
    bins = table.shape[2] - 1
    i0 = np.clip((day0 - first + step - 1) // step, 0, bins)
    i1 = np.clip((day1 - first + step - 1) // step, 0, bins)
    counts = table[lanes, :, i1] - table[lanes, :, i0]  # (clusters, kinds)
    main = np.argmax(counts, axis=1)
    empty = counts.max(axis=1) <= 0
    main[empty] = data.kinds[fallback_events[empty]]
    return main


def _merge_overlaps(data: TimelineData, lf: LaneFrame, m: Metrics) -> LaneFrame:
    """Marks from neighbouring cells that would touch become one cluster."""
    right = lf.x + lf.half
    left = lf.x - lf.half
    if not np.any(left[1:] - right[:-1] < m.gap):
        return lf
    cols = {name: getattr(lf, name).tolist() for name in
            ("x", "half", "count", "kind", "inferred", "sources", "event", "lo", "hi")}
    out: dict[str, list] = {name: [] for name in cols}
    cluster_half = m.cell_px / 2 - m.gap / 2
    for i in range(len(lf)):
        row = {name: cols[name][i] for name in cols}
        if out["x"] and out["x"][-1] + out["half"][-1] + m.gap > row["x"] - row["half"]:
            n0, n1 = out["count"][-1], row["count"]
            keep_kind = out["kind"][-1] if n0 >= n1 else row["kind"]
            out["x"][-1] = (out["x"][-1] * n0 + row["x"] * n1) / (n0 + n1)
            out["half"][-1] = cluster_half
            out["count"][-1] = n0 + n1
            out["kind"][-1] = keep_kind
            out["inferred"][-1] = False
            out["sources"][-1] = 0
            out["event"][-1] = -1
            out["hi"][-1] = row["hi"]
            continue
        for name in cols:
            out[name].append(row[name])
    return LaneFrame(lf.lane, np.array(out["x"], np.float64), np.array(out["half"], np.float64),
                     np.array(out["count"], np.int64), np.array(out["kind"], np.int64),
                     np.array(out["inferred"], bool), np.array(out["sources"], np.int64),
                     np.array(out["event"], np.int64), np.array(out["lo"], np.int64),
                     np.array(out["hi"], np.int64), lf.bar_x0, lf.bar_x1, lf.bar_row, lf.bar_event)


def layout(data: TimelineData, state: ViewState, metrics: Metrics,
           lanes: tuple[int, ...] | None = None) -> Frame:
    """The marks to draw for `state`, lane by lane."""
    cd = cell_days(state.days_per_px, metrics.cell_px)
    wanted = tuple(range(data.n_lanes)) if lanes is None else tuple(lanes)
    if not wanted:
        return Frame(state, metrics, cd, ())
    return Frame(state, metrics, cd, _layout_all(data, wanted, state, metrics, cd))


# -- from marks back to events -------------------------------------------------------------------

def mark_events(data: TimelineData, lf: LaneFrame, i: int) -> np.ndarray:
    """Data indexes of the events mark i stands for (a cluster's events without its lane's bars)."""
    if lf.event[i] >= 0:
        return np.array([lf.event[i]], np.int64)
    members = data.by_lane[int(lf.lo[i]):int(lf.hi[i])]
    if len(lf.bar_event):
        members = members[~np.isin(members, lf.bar_event)]
    return members


def hit_mark(lf: LaneFrame, x: float, slop: float) -> int | None:
    """The mark under x, if any: a binary search, never a scan."""
    if not len(lf):
        return None
    j = int(np.searchsorted(lf.x, x))
    best: int | None = None
    best_d = math.inf
    for i in (j - 1, j):
        if 0 <= i < len(lf):
            d = abs(float(lf.x[i]) - x)
            if d <= float(lf.half[i]) + slop and d < best_d:
                best, best_d = i, d
    return best


def hit_bar(lf: LaneFrame, x: float, row: int, slop: float) -> int | None:
    on_row = np.flatnonzero((lf.bar_row == row) & (lf.bar_x0 - slop <= x) & (lf.bar_x1 + slop >= x))
    return int(on_row[0]) if len(on_row) else None


def events_in(data: TimelineData, frame: Frame, lanes: tuple[int, ...], x0: float, x1: float) -> np.ndarray:
    """Data indexes of events in `lanes` whose marker or bar lies between pixels x0 and x1."""
    state = frame.state
    d0 = state.day_at(min(x0, x1)) - 0.5
    d1 = state.day_at(max(x0, x1)) - 0.5
    parts: list[np.ndarray] = []
    by_lane = {lf.lane: lf for lf in frame.lanes}
    for lane in lanes:
        a, b = data.lane_slice(lane)
        starts = data.lane_starts[a:b]
        i0 = a + int(np.searchsorted(starts, math.ceil(d0), "left"))
        i1 = a + int(np.searchsorted(starts, math.floor(d1), "right"))
        parts.append(data.by_lane[i0:i1])
        lf = by_lane.get(lane)
        if lf is not None and len(lf.bar_event):
            over = (lf.bar_x0 <= max(x0, x1)) & (lf.bar_x1 >= min(x0, x1))
            parts.append(lf.bar_event[over])
    if not parts:
        return _EMPTY_I
    return np.unique(np.concatenate(parts))
