"""Tooltip texts the timeline writes itself: a cluster's summary, an event without a provider, a lane."""
from __future__ import annotations

import numpy as np

from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.scale import format_day


def _when(start: int, end: int) -> str:
    return format_day(start) if start == end else f"{format_day(start)} – {format_day(end)}"


def cluster_summary(data: TimelineData, indexes: np.ndarray) -> list[str]:
    """How many events, over which days, of which kinds (the four commonest)."""
    counts = np.bincount(data.kinds[indexes], minlength=data.n_kinds)
    top = np.argsort(-counts, kind="stable")[:4]
    kinds = ", ".join(f"{data.kind_names[k]} {counts[k]:,}" for k in top if counts[k])
    first, last = int(data.start[indexes].min()), int(data.end[indexes].max())
    return [f"{len(indexes):,} events, {_when(first, last)}", kinds, "Zoom in or double-click to see them apart."]


def event_summary(data: TimelineData, i: int) -> str:
    """What the timeline knows of one event: dates and certainty, kind, lane, sources."""
    certainty = "inferred date" if data.inferred[i] else "stated date"
    sources = int(data.sources[i])
    return (f"{_when(int(data.start[i]), int(data.end[i]))} ({certainty})\n"
            f"{data.kind_names[int(data.kinds[i])]} · {data.lane_names[int(data.lanes[i])]}"
            + (f"\ntold by {sources} releases" if sources > 1 else ""))


def lane_summary(data: TimelineData, lane: int) -> str:
    a, b = data.lane_slice(lane) if len(data) else (0, 0)
    return f"{data.lane_names[lane]}: {b - a:,} events"
