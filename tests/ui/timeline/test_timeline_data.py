"""TimelineData and Density: sorting, defaults, indexes, binning."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from timeline_data import DAY0, KINDS, LANES, make_data
from viewer.ui.timeline.data import Density, TimelineData


def test_from_columns_sorts_by_start_and_keeps_rows_together() -> None:
    cols = SimpleNamespace(ids=[3, 1, 2], start_days=[DAY0 + 5, DAY0, DAY0 + 2], end_days=[DAY0 + 6, DAY0, DAY0 + 2],
                           lanes=[1, 0, 9], kinds=[2, 0, -1], inferred=[True, False, False], sources=[1, 2, 3])
    data = TimelineData.from_columns(cols, LANES, KINDS)
    assert (data.ids.tolist(), data.start.tolist(), data.end.tolist()) == ([1, 2, 3], [DAY0, DAY0 + 2, DAY0 + 5],
                                                                         [DAY0, DAY0 + 2, DAY0 + 6])
    # out-of-range lanes and kinds fall to the last ones ("Other", "other")
    assert (data.lanes.tolist(), data.kinds.tolist(), data.inferred.tolist(), data.sources.tolist()) == \
        ([0, 3, 1], [0, 3, 2], [False, False, True], [2, 3, 1])


def test_empty_data() -> None:
    data = TimelineData.empty(LANES, KINDS)
    assert (len(data), data.extent(), data.lane_offsets.tolist()) == (0, None, [0, 0, 0, 0, 0])


def test_extent_runs_to_the_day_after_the_last_end() -> None:
    data = make_data([(1, DAY0, DAY0 + 3, 0), (2, DAY0 + 1, DAY0 + 1, 1)])
    assert data.extent() == (DAY0, DAY0 + 4)


def test_lanes_are_contiguous_and_sorted_for_searchsorted() -> None:
    data = make_data([(1, DAY0 + 3, DAY0 + 3, 1), (2, DAY0, DAY0, 0), (3, DAY0 + 1, DAY0 + 1, 1),
                      (4, DAY0 + 2, DAY0 + 2, 0)])
    a, b = data.lane_slice(1)
    assert (data.ids[data.by_lane[a:b]].tolist(), data.lane_starts[a:b].tolist()) == ([3, 1], [DAY0 + 1, DAY0 + 3])


@pytest.mark.parametrize(("ids", "found"), [([4, 1], [1, 4]), ([99], []), ([], []), ([2, 2], [2])])
def test_indices_of_ids(ids: list[int], found: list[int]) -> None:
    data = make_data([(i, DAY0 + i, DAY0 + i, 0) for i in (1, 2, 3, 4)])
    assert data.ids_at(data.indices_of(ids)) == found


def test_density_from_sparse_days_and_binning() -> None:
    d = Density.from_days([DAY0, DAY0 + 3, DAY0 + 9], [2, 1, 5], [1, 0, 4])
    ev, rel = d.binned(np.array([DAY0, DAY0 + 5, DAY0 + 10]))
    assert (d.first, len(d), ev.tolist(), rel.tolist()) == (DAY0, 10, [3, 5], [1, 4])


def test_density_adapts_the_store_result_and_timeline_data() -> None:
    store_like = SimpleNamespace(days=np.array([DAY0, DAY0 + 1]), events=np.array([1, 2]), releases=np.array([3, 0]))
    from_store = Density.adapt(store_like)
    from_data = Density.adapt(make_data([(1, DAY0, DAY0, 0), (2, DAY0, DAY0, 1)]))
    assert (from_store.events.tolist(), from_store.releases.tolist()) == ([1, 2], [3, 0])
    assert (from_data.events.tolist(), from_data.releases.tolist()) == ([2], [0])
