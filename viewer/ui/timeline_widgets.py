"""Which timeline widgets the window uses, and how the store's columns are handed to them."""
from __future__ import annotations

from typing import Any

import numpy as np

from viewer.store.rows import Density, EventColumns

try:
    from viewer.ui.timeline.overview import OverviewStrip as Overview
    from viewer.ui.timeline.view import TimelineView as Timeline
    REAL_TIMELINE = True
except ImportError:  # the placeholder keeps the window usable with the same API
    from viewer.ui.timeline_placeholder import PlaceholderOverview as Overview  # type: ignore[assignment]
    from viewer.ui.timeline_placeholder import PlaceholderTimeline as Timeline  # type: ignore[assignment]
    REAL_TIMELINE = False

from viewer.ui.timeline.data import TimelineData

__all__ = ["Overview", "Timeline", "REAL_TIMELINE", "timeline_data", "overview_feed"]


def timeline_data(cols: EventColumns) -> TimelineData:
    return TimelineData.from_columns(cols)


def overview_feed(overview: Any, releases: Density, cols: EventColumns) -> None:
    """Events per day of the filtered set (numpy, no per-event Python) beside all releases."""
    days, counts = np.unique(np.asarray(cols.start_days, dtype=np.int64), return_counts=True)
    all_days = np.union1d(days, releases.days)
    events = np.zeros(len(all_days), np.int64)
    events[np.searchsorted(all_days, days)] = counts
    rel = np.zeros(len(all_days), np.int64)
    rel[np.searchsorted(all_days, releases.days)] = releases.releases
    overview.set_density(Density(days=all_days, events=events, releases=rel))
