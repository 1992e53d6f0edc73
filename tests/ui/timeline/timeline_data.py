"""Generated timeline data for the widget's tests: no store needed."""
from __future__ import annotations

import numpy as np

from viewer.ui.timeline.data import TimelineData

LANES = ("Council A", "Council B", "Secretariat", "Other")
KINDS = ("session", "meeting", "exercise", "other")
DAY0 = 737425  # 2020-01-01


def make_data(events: list[tuple[int, int, int, int]], inferred: tuple[int, ...] = (),
              sources: dict[int, int] | None = None) -> TimelineData:
    """events: (id, start, end, lane) with kind = id % len(KINDS)."""
    ids = [e[0] for e in events]
    return TimelineData.build(ids, [e[1] for e in events], [e[2] for e in events], [e[3] for e in events],
                              [i % len(KINDS) for i in ids], [i in inferred for i in ids],
                              [(sources or {}).get(i, 1) for i in ids], LANES, KINDS)


def random_data(n: int, seed: int = 7, days: int = 9000) -> TimelineData:
    rng = np.random.default_rng(seed)
    start = rng.integers(DAY0 - days, DAY0, n)
    dur = np.where(rng.random(n) < 0.1, rng.integers(1, 30, n), 0)
    return TimelineData.build(np.arange(1, n + 1), start, start + dur, rng.integers(0, len(LANES), n),
                              rng.integers(0, len(KINDS), n), rng.random(n) < 0.2, rng.integers(1, 4, n),
                              LANES, KINDS)
