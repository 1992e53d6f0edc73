"""Which timeline widgets the window uses, and how the store's columns are handed to them."""
from __future__ import annotations

from typing import Any

import numpy as np

from viewer.store.rows import Density, EventColumns
from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.overview import OverviewStrip as Overview
from viewer.ui.timeline.view import TimelineView as Timeline

__all__ = ["Overview", "Timeline", "timeline_data", "overview_feed"]


def timeline_data(cols: EventColumns) -> TimelineData:
    return TimelineData.from_columns(cols)


def _runs(sorted_days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs (np.unique without its imports)."""
    if not len(sorted_days):
        return sorted_days, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.concatenate(([True], sorted_days[1:] != sorted_days[:-1])))
    counts = np.diff(np.append(starts, len(sorted_days)))
    return sorted_days[starts], counts


def overview_feed(overview: Any, releases: Density, cols: EventColumns) -> None:
    """Events per day of the filtered set (numpy, no per-event Python) beside all releases."""
    starts = np.asarray(cols.start_days, dtype=np.int64)
    if len(starts) > 1 and np.any(starts[1:] < starts[:-1]):
        starts = np.sort(starts)
    days, counts = _runs(starts)
    rel_days = np.asarray(releases.days, dtype=np.int64)
    all_days, _n = _runs(np.sort(np.concatenate((days, rel_days))))
    events = np.zeros(len(all_days), np.int64)
    events[np.searchsorted(all_days, days)] = counts
    rel = np.zeros(len(all_days), np.int64)
    rel[np.searchsorted(all_days, rel_days)] = np.asarray(releases.releases, dtype=np.int64)
    overview.set_density(Density(days=all_days, events=events, releases=rel))
