"""Event filters as data: compile to a where clause with named parameters, and describe in words."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class EventFilter:
    text: str = ""                      # FTS over item text and event titles
    date_from: date | None = None
    date_to: date | None = None         # events overlapping [date_from, date_to]
    people: tuple[int, ...] = ()        # person ids; an event matches if it involves any of them
    bodies: tuple[str, ...] = ()        # canonical body names; any of them
    kinds: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    decisions_only: bool = False
    hide_inferred: bool = False

    def is_empty(self) -> bool:
        return self == EventFilter() or (not fts_terms(self.text) and
                                         self == EventFilter(text=self.text))

    def describe(self, person_names: Mapping[int, str] = {}) -> str:
        parts: list[str] = []
        if self.text.strip():
            parts.append(f"text “{self.text.strip()}”")
        if self.date_from and self.date_to:
            parts.append(f"{self.date_from.isoformat()} – {self.date_to.isoformat()}")
        elif self.date_from:
            parts.append(f"from {self.date_from.isoformat()}")
        elif self.date_to:
            parts.append(f"until {self.date_to.isoformat()}")
        if self.people:
            parts.append("people: " + ", ".join(person_names.get(p, f"#{p}") for p in self.people))
        for label, values in (("bodies", self.bodies), ("kinds", self.kinds),
                              ("places", self.places)):
            if values:
                parts.append(f"{label}: " + ", ".join(values))
        if self.decisions_only:
            parts.append("with decisions")
        if self.hide_inferred:
            parts.append("stated dates only")
        return " · ".join(parts) if parts else "All events"


def fts_terms(text: str) -> list[str]:
    """The words of a search box's text, in order, without duplicates."""
    return list(dict.fromkeys(w.casefold() for w in _WORD.findall(text)))


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every word, each as a quoted prefix, so input is never syntax."""
    return " ".join(f'"{t}"*' for t in fts_terms(text))


def _in_list(column: str, prefix: str, values: Sequence[object],
             params: dict[str, object]) -> str:
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}{i}"] = value
        names.append(f":{prefix}{i}")
    return f"{column} IN ({', '.join(names)})"


def id_queries(f: EventFilter) -> list[tuple[str, dict]]:
    """The filter's conditions that need an index, each as a query for the ids it lets through;
    the others (dates, kinds, certainty) are plain column tests the caller runs itself."""
    queries: list[tuple[str, dict]] = []
    match = fts_query(f.text)
    if match:
        queries.append(("SELECT rowid FROM events_fts WHERE events_fts MATCH :fts UNION"
                        " SELECT event_id FROM event_sources WHERE item_id IN"
                        " (SELECT rowid FROM items_fts WHERE items_fts MATCH :fts)", {"fts": match}))
    for table, column, values in (("event_people", "person_id", f.people),
                                  ("event_bodies", "body", f.bodies)):
        if values:
            params: dict[str, object] = {}
            cond = _in_list(column, "v", values, params)
            queries.append((f"SELECT event_id FROM {table} WHERE {cond}", params))
    if f.places:
        params = {}
        queries.append((f"SELECT id FROM events WHERE {_in_list('place', 'v', f.places, params)}",
                        params))
    if f.decisions_only:
        queries.append(("SELECT id FROM events WHERE decision_count > 0", {}))
    return queries


def compile_filter(f: EventFilter) -> tuple[str, dict]:
    """A where clause over `events` with named parameters; '1' when nothing is filtered.

    Each condition is an `events.id IN (...)` subquery or a plain column test, never a JOIN:
    SQLite plans each against its own index and the row set stays one row per event.
    """
    where: list[str] = []
    params: dict[str, object] = {}
    match = fts_query(f.text)
    if match:
        params["fts"] = match
        where.append("(events.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)"
                     " OR events.id IN (SELECT event_id FROM event_sources WHERE item_id IN"
                     " (SELECT rowid FROM items_fts WHERE items_fts MATCH :fts)))")
    if f.date_from is not None:
        params["date_from"] = f.date_from.toordinal()
        where.append("events.end_day >= :date_from")
    if f.date_to is not None:
        params["date_to"] = f.date_to.toordinal()
        where.append("events.start_day <= :date_to")
    if f.people:
        cond = _in_list("person_id", "person", f.people, params)
        where.append(f"events.id IN (SELECT event_id FROM event_people WHERE {cond})")
    if f.bodies:
        cond = _in_list("body", "body", f.bodies, params)
        where.append(f"events.id IN (SELECT event_id FROM event_bodies WHERE {cond})")
    if f.kinds:
        where.append(_in_list("events.kind", "kind", f.kinds, params))
    if f.places:
        where.append(_in_list("events.place", "place", f.places, params))
    if f.decisions_only:
        where.append("events.decision_count > 0")
    if f.hide_inferred:
        where.append("events.certainty = 'stated'")
    return (" AND ".join(where) if where else "1"), params
