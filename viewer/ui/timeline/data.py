"""The timeline's data: event columns sorted by start day, with the indexes the level of detail needs."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

# The store's vocabulary when it is importable; the timeline itself never needs the store.
try:
    from viewer.store.rows import KINDS as _KINDS, LANES as _LANES
except Exception:  # pragma: no cover - the store is optional for the widget
    _KINDS = ("session", "meeting", "consultation", "exercise", "course", "visit", "appointment",
              "statement", "planned", "operation", "other")
    _LANES = ("Other",)

DEFAULT_LANES: tuple[str, ...] = tuple(_LANES)
DEFAULT_KINDS: tuple[str, ...] = tuple(_KINDS)
KIND_TABLE_CELLS = 4_000_000  # cap on lanes x kinds x days in the main-kind table (16 MB)
LANE_SHIFT = 23  # (lane << 23) + day: every ordinal up to 9999-12-31 fits below 2**22
DURATION_CLASSES = 24  # ranges grouped by floor(log2(days)): 2**23 days outlasts any calendar


def _arr(values: Any, dtype: Any) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(values), dtype=dtype)


@dataclass(frozen=True, eq=False)
class TimelineData:
    """Parallel arrays, one entry per event, sorted by start day (date ordinals, ends inclusive)."""

    ids: np.ndarray
    start: np.ndarray
    end: np.ndarray
    lanes: np.ndarray
    kinds: np.ndarray
    inferred: np.ndarray
    sources: np.ndarray
    lane_names: tuple[str, ...] = DEFAULT_LANES
    kind_names: tuple[str, ...] = DEFAULT_KINDS

    @classmethod
    def build(cls, ids: Any, start: Any, end: Any | None = None, lanes: Any | None = None,
              kinds: Any | None = None, inferred: Any | None = None, sources: Any | None = None,
              lane_names: Sequence[str] | None = None,
              kind_names: Sequence[str] | None = None) -> "TimelineData":
        """Arrays in any order; missing columns default to single days, lane 0, kind 0, stated, 1 source."""
        ids_a = _arr(ids, np.int64)
        n = len(ids_a)
        start_a = _arr(start, np.int64)
        end_a = start_a.copy() if end is None else np.maximum(_arr(end, np.int64), start_a)
        lanes_a = np.zeros(n, np.int32) if lanes is None else _arr(lanes, np.int32)
        kinds_a = np.zeros(n, np.int32) if kinds is None else _arr(kinds, np.int32)
        inf_a = np.zeros(n, bool) if inferred is None else _arr(inferred, bool)
        src_a = np.ones(n, np.int32) if sources is None else _arr(sources, np.int32)
        lane_t = tuple(lane_names) if lane_names is not None else DEFAULT_LANES
        kind_t = tuple(kind_names) if kind_names is not None else DEFAULT_KINDS
        if n:
            # Unknown indexes go to the last lane ("Other") and the last kind ("other").
            lanes_a = np.where((lanes_a < 0) | (lanes_a >= len(lane_t)), len(lane_t) - 1, lanes_a)
            kinds_a = np.where((kinds_a < 0) | (kinds_a >= len(kind_t)), len(kind_t) - 1, kinds_a)
            if np.any(start_a[1:] < start_a[:-1]):
                order = np.argsort(start_a, kind="stable")
                ids_a, start_a, end_a = ids_a[order], start_a[order], end_a[order]
                lanes_a, kinds_a, inf_a, src_a = lanes_a[order], kinds_a[order], inf_a[order], src_a[order]
        return cls(ids_a, start_a, end_a, lanes_a.astype(np.int32), kinds_a.astype(np.int32),
                   inf_a, src_a, lane_t, kind_t)

    @classmethod
    def from_columns(cls, cols: Any, lane_names: Sequence[str] | None = None,
                     kind_names: Sequence[str] | None = None) -> "TimelineData":
        """From the store's EventColumns, or any object with the same attributes."""
        return cls.build(cols.ids, cols.start_days, cols.end_days, cols.lanes, cols.kinds,
                         cols.inferred, cols.sources, lane_names, kind_names)

    @classmethod
    def empty(cls, lane_names: Sequence[str] | None = None,
              kind_names: Sequence[str] | None = None) -> "TimelineData":
        return cls.build([], [], lane_names=lane_names, kind_names=kind_names)

    def __len__(self) -> int:
        return int(len(self.ids))

    @property
    def n_lanes(self) -> int:
        return len(self.lane_names)

    @property
    def n_kinds(self) -> int:
        return len(self.kind_names)

    def extent(self) -> tuple[float, float] | None:
        """First day and the day after the last one, or None without events."""
        if not len(self):
            return None
        return float(self.start[0]), float(self.max_end) + 1.0

    @cached_property
    def kinds_shown(self) -> tuple[int, ...] | None:
        """The kind indexes present, for the legend (None, meaning all, when there are no events)."""
        if not len(self):
            return None
        return tuple(int(k) for k in np.flatnonzero(np.bincount(self.kinds, minlength=self.n_kinds)))

    @cached_property
    def max_end(self) -> int:
        return int(self.end.max()) if len(self) else 0

    # -- per-lane order: each lane's events contiguous, in start order ------------------------
    @cached_property
    def by_lane(self) -> np.ndarray:
        """Data indexes grouped by lane, each group in start order."""
        return np.argsort(self.lanes, kind="stable").astype(np.int64)

    @cached_property
    def lane_offsets(self) -> np.ndarray:
        return np.searchsorted(self.lanes[self.by_lane], np.arange(self.n_lanes + 1)).astype(np.int64)

    @cached_property
    def lane_starts(self) -> np.ndarray:
        """Start days in by_lane order: each lane's slice is sorted, ready for searchsorted."""
        return self.start[self.by_lane]

    @cached_property
    def lane_keys(self) -> np.ndarray:
        """(lane << LANE_SHIFT) + start in by_lane order: sorted, so one searchsorted finds cells of all lanes."""
        lanes = self.lanes[self.by_lane].astype(np.int64)
        return (lanes << LANE_SHIFT) + np.clip(self.lane_starts, 0, (1 << LANE_SHIFT) - 1)

    @cached_property
    def lane_pos(self) -> np.ndarray:
        """For each data index, its position in by_lane."""
        inv = np.empty(len(self), np.int64)
        inv[self.by_lane] = np.arange(len(self))
        return inv

    def lane_slice(self, lane: int) -> tuple[int, int]:
        return int(self.lane_offsets[lane]), int(self.lane_offsets[lane + 1])

    # -- main kind per period: prefix sums of kind counts per lane over days --------------------
    @cached_property
    def kind_table(self) -> tuple[int, int, np.ndarray]:
        """(first day, days per bin, cumulative counts [lane, kind, bin + 1]).

        One prefix-sum table answers "which kind dominates days [a, b) of this lane" for any bin
        width in O(kinds), so a zoomed-out frame costs the same at 100,000 and at 1,000,000 events.
        """
        n_l, n_k = self.n_lanes, self.n_kinds
        if not len(self):
            return 0, 1, np.zeros((n_l, n_k, 1), np.int32)
        lo = int(self.start[0])
        span = int(self.start[-1]) - lo + 1
        step = max(1, -(-span * n_l * n_k // KIND_TABLE_CELLS))
        bins = -(-span // step)
        flat = (self.lanes.astype(np.int64) * n_k + self.kinds) * bins + (self.start - lo) // step
        counts = np.bincount(flat, minlength=n_l * n_k * bins).reshape(n_l, n_k, bins)
        table = np.zeros((n_l, n_k, bins + 1), np.int32)
        np.cumsum(counts, axis=2, out=table[:, :, 1:])
        return lo, step, table

    # -- ranges by lane and duration class, for finding visible bars without a scan -------------
    @cached_property
    def range_index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(data indexes grouped by lane then duration class then start, their starts, offsets)
        where offsets[lane * DURATION_CLASSES + c] starts class c: durations in [2**c, 2**(c+1))."""
        dur = self.end - self.start
        idx = np.flatnonzero(dur > 0)
        cls = np.minimum(np.floor(np.log2(dur[idx])).astype(np.int64), DURATION_CLASSES - 1)
        key = self.lanes[idx].astype(np.int64) * DURATION_CLASSES + cls
        order = np.lexsort((self.start[idx], key))
        idx, key = idx[order], key[order]
        offsets = np.searchsorted(key, np.arange(self.n_lanes * DURATION_CLASSES + 1))
        return idx, self.start[idx], offsets.astype(np.int64)

    @cached_property
    def range_keys(self) -> np.ndarray:
        """((lane * DURATION_CLASSES + class) << LANE_SHIFT) + start, in range_index order: sorted."""
        idx, starts, offsets = self.range_index
        groups = np.repeat(np.arange(len(offsets) - 1, dtype=np.int64), np.diff(offsets))
        return (groups << LANE_SHIFT) + np.clip(starts, 0, (1 << LANE_SHIFT) - 1)

    # -- ids <-> indexes -------------------------------------------------------------------------
    @cached_property
    def _id_order(self) -> np.ndarray:
        return np.argsort(self.ids, kind="stable")

    @cached_property
    def _sorted_ids(self) -> np.ndarray:
        return self.ids[self._id_order]

    def indices_of(self, ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """Data indexes of the given ids that are present, in ascending index order.

        The last answer is kept: every frame asks again about the same selection."""
        asked = np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids, dtype=np.int64)
        if not len(asked) or not len(self):
            return np.zeros(0, np.int64)
        want = np.unique(asked)
        key = want.tobytes()
        cached = self.__dict__.get("_last_indices")
        if cached is not None and cached[0] == key:
            return cached[1]
        if "_sorted_ids" not in self.__dict__ and int(want[-1] - want[0]) < 10_000_000:
            # one linear pass through a lookup table: no argsort of every id before the first frame
            found = np.flatnonzero(np.isin(self.ids, want, kind="table"))
        else:
            sorted_ids = self._sorted_ids
            pos = np.clip(np.searchsorted(sorted_ids, want), 0, len(self) - 1)
            hit = sorted_ids[pos] == want
            found = np.sort(self._id_order[pos[hit]])
        self.__dict__["_last_indices"] = (key, found)
        return found

    def ids_at(self, indices: np.ndarray) -> list[int]:
        return [int(i) for i in self.ids[indices]]


@dataclass(frozen=True, eq=False)
class Density:
    """Dense per-day counts for the overview strip: day `first` + i has events[i] events and
    releases[i] releases; cumulative sums make any binning O(bins)."""

    first: int
    events: np.ndarray
    releases: np.ndarray

    @classmethod
    def from_days(cls, days: Any, events: Any, releases: Any) -> "Density":
        """From sparse per-day counts (the store's Density: days ascending, with counts)."""
        days_a = _arr(days, np.int64)
        if not len(days_a):
            return cls.empty()
        first = int(days_a.min())
        n = int(days_a.max()) - first + 1
        ev = np.zeros(n, np.int64)
        rel = np.zeros(n, np.int64)
        np.add.at(ev, days_a - first, _arr(events, np.int64))
        np.add.at(rel, days_a - first, _arr(releases, np.int64))
        return cls(first, ev, rel)

    @classmethod
    def adapt(cls, obj: Any) -> "Density":
        """A Density from the store's density() result, a TimelineData, or a Density."""
        if isinstance(obj, Density):
            return obj
        if isinstance(obj, TimelineData):
            return cls.from_data(obj)
        return cls.from_days(obj.days, obj.events, obj.releases)

    @classmethod
    def from_data(cls, data: TimelineData) -> "Density":
        """Events per start day, without releases (when the store's counts are not at hand)."""
        if not len(data):
            return cls.empty()
        days, counts = np.unique(data.start, return_counts=True)
        return cls.from_days(days, counts, np.zeros(len(days), np.int64))

    @classmethod
    def empty(cls) -> "Density":
        return cls(0, np.zeros(0, np.int64), np.zeros(0, np.int64))

    def __len__(self) -> int:
        return int(len(self.events))

    @cached_property
    def cumulative(self) -> tuple[np.ndarray, np.ndarray]:
        zero = np.zeros(1, np.int64)
        return np.concatenate([zero, np.cumsum(self.events)]), np.concatenate([zero, np.cumsum(self.releases)])

    def binned(self, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Events and releases in each [edges[i], edges[i+1]) (day ordinals, ascending)."""
        ce, cr = self.cumulative
        pos = np.clip(np.floor(np.asarray(edges, np.float64) - self.first).astype(np.int64), 0, len(self))
        return np.diff(ce[pos]), np.diff(cr[pos])
