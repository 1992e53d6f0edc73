"""Both item models pass Qt's model tester and page rows lazily from the store."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viewer.store import queries
from viewer.store.db import open_store
from viewer.ui.models.events import (COL_DATE, COL_KIND, COL_TITLE, EVENT_ID_ROLE, PAGE,
                                     EventsModel)
from viewer.ui.models.people import COL_EVENTS, COL_NAME, PERSON_ID_ROLE, PeopleModel


@pytest.fixture
def store(store_path):  # type: ignore[no-untyped-def]
    with open_store(store_path) as s:
        yield s


def test_events_model_passes_the_model_tester(qtmodeltester, store):
    model = EventsModel(lambda ids: queries.events_by_ids(store, ids))
    model.set_columns(queries.event_columns(store))
    qtmodeltester.check(model, force_py=True)


def test_events_model_fetches_only_the_page_shown(store):
    fetched: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        fetched.extend(ids)
        return queries.events_by_ids(store, ids)

    model = EventsModel(fetch)
    cols = queries.event_columns(store)
    model.set_columns(cols)
    assert fetched == []
    assert model.data(model.index(0, COL_DATE), EVENT_ID_ROLE) == int(cols.ids[0])
    assert fetched == []
    assert model.data(model.index(0, COL_TITLE)) is not None
    assert fetched == [int(i) for i in cols.ids[:PAGE]]


@pytest.mark.parametrize("column", [COL_DATE, COL_KIND, COL_TITLE])
def test_events_model_sorts_by_column(store, column):
    model = EventsModel(lambda ids: queries.events_by_ids(store, ids))
    model.set_columns(queries.event_columns(store))
    model.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    if column == COL_DATE:
        rows = queries.events_by_ids(store, [model.id_at(r) for r in range(model.rowCount())])
        assert [r.start for r in rows] == sorted(r.start for r in rows)
    elif column == COL_KIND:
        assert shown == sorted(shown)
    else:
        rows = queries.events_by_ids(store, [model.id_at(r) for r in range(model.rowCount())])
        titles = [r.title.casefold() for r in rows]
        assert titles == sorted(titles)


def test_people_model_passes_the_model_tester(qtmodeltester, store):
    model = PeopleModel()
    model.set_people(queries.people(store))
    qtmodeltester.check(model, force_py=True)


def test_people_model_sorts_by_count_and_name(store):
    model = PeopleModel()
    model.set_people(queries.people(store))
    model.sort(COL_EVENTS, Qt.SortOrder.DescendingOrder)
    counts = [model.data(model.index(r, COL_EVENTS)) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold)
    first = model.person(0)
    assert model.data(model.index(0, COL_NAME), PERSON_ID_ROLE) == first.id


def test_overview_counts_events_and_releases_per_day():
    import numpy as np

    from viewer.store.rows import Density, EventColumns
    from viewer.ui.timeline_widgets import overview_feed

    class Strip:
        density: Density

        def set_density(self, density: Density) -> None:
            self.density = density

    z = np.zeros(4, np.int64)
    cols = EventColumns(ids=np.arange(4), start_days=np.array([10, 10, 12, 15]), end_days=z,
                        lanes=z, kinds=z, inferred=z.astype(bool), sources=z)
    releases = Density(days=np.array([9, 12]), events=np.array([0, 0]), releases=np.array([2, 1]))
    strip = Strip()
    overview_feed(strip, releases, cols)
    assert strip.density.days.tolist() == [9, 10, 12, 15]
    assert strip.density.events.tolist() == [0, 2, 1, 1]
    assert strip.density.releases.tolist() == [2, 0, 1, 0]
