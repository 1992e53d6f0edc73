"""Filters compile to named-parameter SQL and describe themselves in words."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.store.filters import EventFilter, compile_filter, fts_query


@pytest.mark.parametrize("f, words", [
    (EventFilter(), "All events"),
    (EventFilter(text="  "), "All events"),
    (EventFilter(text="summit"), "text “summit”"),
    (EventFilter(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)), "2019-01-01 – 2019-12-31"),
    (EventFilter(date_from=date(2019, 1, 1)), "from 2019-01-01"),
    (EventFilter(date_to=date(2019, 12, 31)), "until 2019-12-31"),
    (EventFilter(people=(1, 7)), "people: Stanislav Zas, #7"),
    (EventFilter(bodies=("Joint Staff",), kinds=("session", "visit")),
     "bodies: Joint Staff · kinds: session, visit"),
    (EventFilter(places=("Minsk",), decisions_only=True, hide_inferred=True),
     "places: Minsk · with decisions · stated dates only"),
    (EventFilter(text="summit", date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)),
     "text “summit” · 2019-01-01 – 2019-12-31"),
])
def test_describe(f: EventFilter, words: str) -> None:
    assert f.describe({1: "Stanislav Zas"}) == words


@pytest.mark.parametrize("f, empty", [
    (EventFilter(), True), (EventFilter(text=" ,; "), True), (EventFilter(text="x"), False),
    (EventFilter(kinds=("session",)), False), (EventFilter(hide_inferred=True), False),
])
def test_is_empty(f: EventFilter, empty: bool) -> None:
    assert f.is_empty() is empty


@pytest.mark.parametrize("text, query", [
    ("summit", '"summit"*'),
    ("Summit  summit Astana", '"summit"* "astana"*'),
    ('session" OR x NEAR(', '"session"* "or"* "x"* "near"*'),
    ("ОДКБ саммит", '"одкб"* "саммит"*'),
    ("", ""),
])
def test_fts_input_is_never_syntax(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_compile_binds_every_value_and_uses_subqueries_not_joins() -> None:
    f = EventFilter(text="summit", date_from=date(2019, 1, 1), date_to=date(2019, 12, 31),
                    people=(3, 4), bodies=("Joint Staff",), kinds=("session",),
                    places=("Minsk",), decisions_only=True, hide_inferred=True)
    where, params = compile_filter(f)
    assert params == {"fts": '"summit"*', "date_from": date(2019, 1, 1).toordinal(),
                      "date_to": date(2019, 12, 31).toordinal(), "person0": 3, "person1": 4,
                      "body0": "Joint Staff", "kind0": "session", "place0": "Minsk"}
    assert "JOIN" not in where.upper()
    assert "Minsk" not in where and "summit" not in where
    assert compile_filter(EventFilter()) == ("1", {})
