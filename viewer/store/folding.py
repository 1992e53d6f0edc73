"""Which stored event a new mention tells of: the rules, and the writer's memory of each day.

Same dates and kind, and a shared body, or (for kinds that are not MANY_A_DAY) a shared person
or the same place; but two mentions naming people, none in common, are two happenings, and one
kind of meeting on one day in two cities is two meetings. Dates vaguer than a day ("in 2019")
must also agree on the title: a year holds many exercises of the same forces.
"""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.records import Event

# Kinds that happen many times a day (an envoy's meetings at the UN, one after another): for
# these neither the place nor a person makes two mentions one happening; a shared body must.
MANY_A_DAY = frozenset({"meeting", "consultation", "visit", "statement", "other"})

Key = tuple[int, int, str]  # start day, end day, kind


@dataclass(slots=True)
class Stored:
    """A stored event as folding sees it; its links are the union over all its sources."""

    id: int
    place: str | None
    title: str
    bodies: frozenset[str]  # frozen: the empty one is shared, and most events hold one or two
    people: frozenset[int]


def key_of(event: Event) -> Key:
    return event.date.start.toordinal(), event.date.end.toordinal(), event.kind


def same_happening(candidates: Iterable[Stored], event: Event,
                   person_ids: tuple[int, ...]) -> Stored | None:
    """The first of the stored events of the mention's dates and kind that it also tells of."""
    bodies, people = frozenset(event.bodies), frozenset(person_ids)
    vague = event.date.precision != "day"
    for c in candidates:
        if c.place and event.place and c.place != event.place:
            continue
        if vague and c.title.casefold() != event.title.casefold():
            continue
        if people and c.people and not people & c.people:
            continue
        if bodies & c.bodies:
            return c
        if event.kind in MANY_A_DAY:
            continue
        if people & c.people or (c.place and c.place == event.place):
            return c
    return None


_NONE: frozenset = frozenset()

_LOAD = """
SELECT e.id, e.place, e.title,
       (SELECT group_concat(body, char(31)) FROM event_bodies WHERE event_id = e.id),
       (SELECT group_concat(person_id) FROM event_people WHERE event_id = e.id)
FROM events e WHERE e.kind = ? AND e.start_day = ? AND e.end_day = ? ORDER BY e.id
"""


class DayEvents:
    """The stored events of each (dates, kind) the writer has met, kept in step with its writes.

    A summit day holds dozens of meetings of one kind, and every mention of that day is weighed
    against all of them: in memory that is a few set operations each, where a query per mention
    cost more than writing it. Each key is read from the store once; once a document is
    written (settle()), the least recently used keys are let go past `limit` events and read
    again if met again. While a document is being written nothing is let go, so events it has
    added but not yet written out are never looked for in the store. After anything but the
    writer's own additions (a document replaced, a file rolled back) call clear().

    `complete` says that every event in the store was added here and none let go (a load into
    an empty store): a key never met then has no events, and is not looked up.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.complete = False
        self._days: OrderedDict[Key, list[Stored]] = OrderedDict()
        self._count = 0

    def at(self, conn: sqlite3.Connection, key: Key) -> list[Stored]:
        found = self._days.get(key)
        if found is not None:
            self._days.move_to_end(key)
            return found
        if self.complete:
            self._days[key] = found = []
            return found
        start, end, kind = key
        found = [Stored(int(i), place, title,
                        frozenset(bodies.split("\x1f")) if bodies else _NONE,
                        frozenset(int(p) for p in people.split(",")) if people else _NONE)
                 for i, place, title, bodies, people in conn.execute(_LOAD, (kind, start, end))]
        self._days[key] = found
        self._count += len(found)
        return found

    def added(self, key: Key, stored: Stored) -> None:
        """A new event the writer just stored (the key was read with at() first)."""
        day = self._days.get(key)
        if day is not None:
            day.append(stored)
            self._count += 1

    def clear(self) -> None:
        self._days.clear()
        self._count = 0
        self.complete = False

    def settle(self) -> None:
        """The document is written: let go of the least recently used days past the limit."""
        while self._count > self.limit and len(self._days) > 1:
            _, dropped = self._days.popitem(last=False)
            self._count -= len(dropped)
            self.complete = False  # a key let go now has events that only the store holds
