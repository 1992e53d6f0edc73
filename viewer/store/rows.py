"""Row types the store's read API returns: frozen, Qt-free, dates as datetime.date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from viewer.records import DateValue, Span
from viewer.resources import load_json


def _lanes() -> tuple[str, ...]:
    data = load_json("bodies.json")
    assert isinstance(data, dict)
    return tuple(b["name"] for b in data["bodies"]) + (str(data.get("other_lane", "Other")),)


LANES: tuple[str, ...] = _lanes()
KINDS: tuple[str, ...] = ("session", "meeting", "consultation", "exercise", "course", "visit",
                          "appointment", "statement", "planned", "operation", "other")
LANE_INDEX: dict[str, int] = {name: i for i, name in enumerate(LANES)}
KIND_INDEX: dict[str, int] = {name: i for i, name in enumerate(KINDS)}


def lane_of(bodies: tuple[str, ...] | list[str]) -> int:
    """The lane of an event: its body that comes first in lane order, else the last lane."""
    known = [LANE_INDEX[b] for b in bodies if b in LANE_INDEX and b != LANES[-1]]
    return min(known) if known else len(LANES) - 1


def kind_index(kind: str) -> int:
    return KIND_INDEX.get(kind, KIND_INDEX["other"])


@dataclass(frozen=True)
class EventColumns:
    """Parallel arrays for the timeline, one entry per event, in date order."""

    ids: np.ndarray
    start_days: np.ndarray
    end_days: np.ndarray
    lanes: np.ndarray
    kinds: np.ndarray
    inferred: np.ndarray
    sources: np.ndarray

    def __len__(self) -> int:
        return int(len(self.ids))

    def at(self, positions: np.ndarray) -> "EventColumns":
        """The events at these positions (ascending), in the same order."""
        # A take per column: indexing seven columns by a scattered boolean mask instead was ten
        # times slower (30 ms to keep 420,000 of 1,000,000 events).
        return EventColumns(*(column.take(positions) for column in (
            self.ids, self.start_days, self.end_days, self.lanes, self.kinds, self.inferred,
            self.sources)))


@dataclass(frozen=True)
class EventRow:
    id: int
    start: date
    end: date
    precision: str
    certainty: str
    reason: str
    kind: str
    title: str
    place: str | None
    bodies: tuple[str, ...]
    people: tuple[str, ...]
    person_ids: tuple[int, ...]
    source_count: int
    decision_count: int
    doc: str
    item_id: int
    sentence: str
    span: Span  # the source sentence in its document


@dataclass(frozen=True)
class EventSource:
    doc: str
    item_id: int
    sentence: str
    span: Span  # in the document


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    aliases: tuple[str, ...]
    latest_role: str | None
    event_count: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class RoleRow:
    title: str
    stated_on: date | None
    doc: str
    item_id: int


@dataclass(frozen=True)
class DecisionRow:
    id: int
    kind: str
    body: str | None
    text: str
    span: Span  # in the item's text
    event_id: int | None


@dataclass(frozen=True)
class ItemView:
    id: int
    doc: str
    published: date | None
    title: str | None
    text: str
    noise: tuple[Span, ...] = ()
    decisions: list[DecisionRow] = field(default_factory=list)
    events: list[tuple[int, Span]] = field(default_factory=list)
    mentions: list[tuple[int, Span]] = field(default_factory=list)
    dates: list[tuple[Span, DateValue]] = field(default_factory=list)
    role_mentions: list[tuple[str, Span, date | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Density:
    """Per-day counts for the overview strip: days (ordinals, ascending) with events and releases."""

    days: np.ndarray
    events: np.ndarray
    releases: np.ndarray


@dataclass(frozen=True)
class StoreStats:
    documents: int
    items: int
    events: int
    people: int
    decisions: int
