"""The read API over a small store built from the toy releases."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from store_fakes import extract

from viewer.records import DateValue, Span
from viewer.store import queries as q
from viewer.store.db import Store
from viewer.store.filters import EventFilter
from viewer.store.ingest import import_paths
from viewer.store.rows import KINDS, LANES, EventSource, StoreStats

SESSION, EXERCISE, VISIT, MEETING = 1, 2, 3, 4  # event ids in the small store, in date order
ZAS, SEMERIKOV = 1, 2


@pytest.mark.parametrize("f, ids", [
    (EventFilter(), [SESSION, EXERCISE, VISIT, MEETING]),
    (EventFilter(date_from=date(2019, 11, 9)), [EXERCISE, VISIT, MEETING]),
    (EventFilter(date_to=date(2019, 11, 20)), [SESSION, EXERCISE]),
    (EventFilter(date_from=date(2019, 11, 8), date_to=date(2019, 11, 8)), [SESSION]),
    (EventFilter(date_from=date(2022, 1, 1)), []),
    (EventFilter(people=(ZAS,)), [SESSION, MEETING]),
    (EventFilter(people=(ZAS, SEMERIKOV)), [SESSION, VISIT, MEETING]),
    (EventFilter(bodies=("Joint Staff", "Council of Foreign Ministers")), [EXERCISE, MEETING]),
    (EventFilter(kinds=("visit", "session")), [SESSION, VISIT]),
    (EventFilter(kinds=("no such kind",)), []),
    (EventFilter(places=("Minsk",)), [EXERCISE]),
    (EventFilter(decisions_only=True), [SESSION]),
    (EventFilter(hide_inferred=True), [SESSION, VISIT, MEETING]),
    # the words of an item select every event told in it: the summary recalls the session
    # and also tells the visit
    (EventFilter(text="recalled"), [SESSION, VISIT]),
    (EventFilter(text="exerc"), [EXERCISE]),            # a prefix, in a title
    (EventFilter(text="foreign ministers"), [MEETING]),
    (EventFilter(text='"unbalanced NEAR('), []),
    (EventFilter(text="RECALLED exe"), []),             # every word must be in one row
    (EventFilter(text="session", people=(ZAS,), date_to=date(2020, 1, 1)), [SESSION]),
])
def test_each_filter(small_store: Store, f: EventFilter, ids: list[int],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert (q.event_ids(small_store, f), q.count_events(small_store, f)) == (ids, len(ids))
    # the window narrows the columns it already holds: the same events, the same order, whether
    # the text is looked up in the full-text index or in the few candidates' own rows
    for few in (0, 1000):
        monkeypatch.setattr(q, "_FEW_FOR_TEXT", few)
        narrowed = q.narrow_columns(small_store, q.event_columns(small_store), f)
        assert narrowed.ids.tolist() == q.event_columns(small_store, f).ids.tolist() == ids


def test_one_happening_told_three_times_is_one_event_with_three_sources(small_store: Store) -> None:
    assert q.event_sources(small_store, SESSION) == [
        EventSource("a.txt", 1, "On 2019-11-08 a session of the Collective Security Council was held in Astana.", Span(31, 109)),
        EventSource("a.txt", 1, "Stanislav Zas, CSTO Secretary General, took part in the session on 2019-11-08 in Astana and a declaration was adopted.", Span(110, 228)),
        EventSource("b.txt", 3, "The session of the Collective Security Council on 2019-11-08 in Astana was recalled.", Span(33, 117)),
    ]


def test_events_by_ids_keeps_the_order_asked(small_store: Store) -> None:
    rows = q.events_by_ids(small_store, [MEETING, 99, EXERCISE])
    assert [(r.id, r.kind, r.place, r.bodies, r.certainty, r.reason, r.doc) for r in rows] == [
        (MEETING, "meeting", "Moscow", ("Council of Foreign Ministers",), "stated", "", "c.txt"),
        (EXERCISE, "exercise", "Minsk", ("Joint Staff",), "inferred",
         "year taken from the release", "a.txt")]
    session = q.events_by_ids(small_store, [SESSION])[0]
    assert (session.start, session.end, session.people, session.person_ids, session.source_count,
            session.decision_count) == (date(2019, 11, 8), date(2019, 11, 8), ("Stanislav Zas",),
                                        (ZAS,), 3, 1)


def test_event_columns_are_parallel_arrays_in_date_order(small_store: Store) -> None:
    cols = q.event_columns(small_store)
    assert cols.ids.tolist() == [SESSION, EXERCISE, VISIT, MEETING]
    assert cols.start_days.tolist() == [date(2019, 11, 8).toordinal(), date(2019, 11, 20).toordinal(),
                                        date(2020, 2, 10).toordinal(), date(2021, 5, 3).toordinal()]
    assert [LANES[i] for i in cols.lanes] == ["Collective Security Council", "Joint Staff", "Other",
                                              "Council of Foreign Ministers"]
    assert [KINDS[i] for i in cols.kinds] == ["session", "exercise", "visit", "meeting"]
    assert cols.inferred.tolist() == [False, True, False, False]
    assert cols.sources.tolist() == [3, 1, 1, 1]
    assert len(q.event_columns(small_store, EventFilter(kinds=("planned",)))) == 0


@pytest.mark.parametrize("search, order, names", [
    ("", "name", ["Stanislav Zas", "Valery Semerikov"]),
    ("", "count", ["Stanislav Zas", "Valery Semerikov"]),
    ("semer", "name", ["Valery Semerikov"]),
    ("S. Zas", "name", ["Stanislav Zas"]),
    ("nobody", "name", []),
])
def test_people_search_and_order(small_store: Store, search: str, order: str, names: list[str]) -> None:
    assert [p.name for p in q.people(small_store, search, order)] == names


def test_people_carry_counts_dates_and_latest_role(small_store: Store) -> None:
    zas, semerikov = q.people(small_store)
    assert (zas.aliases, zas.event_count, zas.first, zas.last, zas.latest_role) == (
        ("S. Zas", "Stanislav Zas"), 2, date(2019, 11, 8), date(2021, 5, 3), "CSTO Secretary General")
    assert (semerikov.event_count, semerikov.latest_role) == (1, "Acting Secretary General of the CSTO")


def test_roles_and_tenures(small_store: Store) -> None:
    assert [(r.title, r.stated_on, r.doc) for r in q.person_roles(small_store, ZAS)] == [
        ("CSTO Secretary General", date(2019, 11, 8), "a.txt")]
    held = q.holder_of_role(small_store, "Secretary General of the Collective Security Treaty "
                                         "Organization", date(2021, 5, 1))
    assert held is not None and held.name == "Stanislav Zas"
    assert q.holder_of_role(small_store, "CSTO Secretary General", date(2019, 1, 1)) is None
    acting = q.holder_of_role(small_store, "CSTO Acting Secretary General", date(2020, 3, 1))
    assert acting is not None and acting.name == "Valery Semerikov"


def test_item_view_gives_text_and_spans_in_it(small_store: Store) -> None:
    view = q.item_view(small_store, 1)
    assert (view.doc, view.published, view.title) == ("a.txt", date(2019, 11, 8), "Session in Astana")
    assert [view.text[s.start:s.end] for _, s in view.events] == [
        "On 2019-11-08 a session of the Collective Security Council was held in Astana.",
        "Stanislav Zas, CSTO Secretary General, took part in the session on 2019-11-08 in Astana and a declaration was adopted."]
    assert [(d.kind, view.text[d.span.start:d.span.end], d.event_id) for d in view.decisions] == [
        ("adopted", "adopted.", SESSION)]
    assert [(p, view.text[s.start:s.end]) for p, s in view.mentions] == [(ZAS, "Stanislav Zas")]
    day = DateValue(date(2019, 11, 8), date(2019, 11, 8), "day", "stated", "")
    assert [(view.text[s.start:s.end], v) for s, v in view.dates] == [("2019-11-08", day)] * 2
    assert view.role_mentions == []


def test_role_named_without_a_person(small_store: Store) -> None:
    text = q.item_view(small_store, 3).text  # names "Acting Secretary General of the CSTO" with a person
    assert "Acting Secretary General of the CSTO" in text
    assert q.item_view(small_store, 3).role_mentions == []


@pytest.mark.parametrize("item, query, words", [
    (1, "astana", ["Astana", "Astana", "Astana"]),
    (1, "sess decl", ["Session", "session", "session", "declaration"]),
    (4, "FOREIGN", ["Foreign", "Foreign"]),
    (4, "", []),
    (4, "zzz", []),
])
def test_search_positions_are_spans_in_the_item_text(small_store: Store, item: int, query: str,
                                                     words: list[str]) -> None:
    text = q.item_view(small_store, item).text
    assert [text[a:b] for a, b in q.search_positions(small_store, item, query)] == words


def test_facets_extent_density_and_stats(small_store: Store) -> None:
    assert q.facet_kinds(small_store) == [("exercise", 1), ("meeting", 1), ("session", 1), ("visit", 1)]
    assert q.facet_places(small_store) == [("Astana", 1), ("Minsk", 1), ("Moscow", 1), ("Yerevan", 1)]
    assert q.facet_bodies(small_store) == [("Collective Security Council", 1),
                                           ("Council of Foreign Ministers", 1), ("Joint Staff", 1)]
    assert q.date_extent(small_store) == (date(2019, 11, 8), date(2021, 5, 3))
    d = q.density(small_store, EventFilter(hide_inferred=True))
    days = [date(2019, 11, 8), date(2019, 11, 20), date(2019, 12, 2), date(2020, 2, 10), date(2021, 5, 3)]
    assert d.days.tolist() == [x.toordinal() for x in days]
    assert (d.events.tolist(), d.releases.tolist()) == ([1, 0, 0, 1, 1], [1, 1, 1, 0, 1])
    assert q.stats(small_store) == StoreStats(documents=3, items=4, events=4, people=2, decisions=1)


def test_empty_store_answers_with_empty_values(store: Store) -> None:
    assert (q.event_ids(store), q.people(store), q.date_extent(store), q.facet_kinds(store),
            len(q.event_columns(store)), q.density(store).days.tolist()) == ([], [], None, [], 0, [])
    assert isinstance(q.event_columns(store).ids, np.ndarray)


def test_a_role_named_alone_is_marked_and_resolvable(small_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("# 2021-06-01 Statement\nOn 2021-06-01 the CSTO Secretary General made a "
                    "statement.\n", encoding="utf-8")
    import_paths(small_store, [path], jobs=1, extract=extract)
    item = q.item_view(small_store, 5)
    assert [(role, item.text[s.start:s.end], day) for role, s, day in item.role_mentions] == [
        ("CSTO Secretary General", "CSTO Secretary General", date(2021, 6, 1))]
    holder = q.holder_of_role(small_store, item.role_mentions[0][0], date(2021, 6, 1))
    assert holder is not None and holder.name == "Stanislav Zas"


def test_event_columns_carry_extreme_values_whole(store: Store) -> None:
    far, farther = date(9999, 12, 30).toordinal(), date(9999, 12, 31).toordinal()
    store.conn.execute("INSERT INTO events (id, start_day, end_day, precision, certainty, reason,"
                       " kind, title, place, lane, source_count) VALUES (7, ?, ?, 'day',"
                       " 'inferred', '', 'unheard-of', 't', NULL, ?, 100000)",
                       (far, farther, len(LANES) - 1))
    cols = q.event_columns(store)
    assert [a.tolist() for a in (cols.ids, cols.start_days, cols.end_days, cols.lanes, cols.kinds,
                                 cols.inferred, cols.sources)] == [
        [7], [far], [farther], [len(LANES) - 1], [KINDS.index("other")], [True], [100000]]
