"""Gather what the report prints for a set of events, in few batched reads through the store's query API."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from viewer.records import DateValue


@dataclass(frozen=True, slots=True)
class ReportDecision:
    kind: str
    body: str | None
    text: str


@dataclass(frozen=True, slots=True)
class ReportSource:
    doc: str
    sentence: str


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """One event as the report prints it: nothing here needs the store any more."""

    id: int
    date: DateValue
    kind: str
    title: str
    place: str | None
    bodies: tuple[str, ...]
    people: tuple[str, ...]
    decisions: tuple[ReportDecision, ...] = ()
    sources: tuple[ReportSource, ...] = ()
    source_count: int = 0  # every mention in the store; sources may hold fewer (duplicates dropped)


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


def check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled("export cancelled")


def load_events(store: Any, event_ids: Sequence[int],
                cancel: Callable[[], bool] | None = None) -> list[ReportEvent]:
    """The events in date order, each with its decisions and distinct source sentences.

    One events_by_ids read for all rows; event_sources only for events reported more than once
    (the row already carries its first source); item_view once per item that holds decisions.
    """
    from viewer.store import queries  # the store is imported late so rendering tests need no store

    rows = list(queries.events_by_ids(store, list(dict.fromkeys(event_ids))))
    rows.sort(key=lambda r: (r.start, r.end, r.id))
    sources: dict[int, list[Any]] = {}
    for row in rows:
        if row.source_count > 1:
            check_cancel(cancel)
            sources[row.id] = list(queries.event_sources(store, row.id))
    decisions = _decisions_by_event(store, rows, sources, cancel)
    return [_report_event(row, sources.get(row.id, []), decisions.get(row.id, [])) for row in rows]


def _decisions_by_event(store: Any, rows: Iterable[Any], sources: dict[int, list[Any]],
                        cancel: Callable[[], bool] | None) -> dict[int, list[Any]]:
    from viewer.store import queries

    wanted: dict[int, set[int]] = {}  # item id -> ids of exported events with decisions
    for row in rows:
        if row.decision_count:
            items = {row.item_id} | {s.item_id for s in sources.get(row.id, [])}
            for item_id in items:
                wanted.setdefault(item_id, set()).add(row.id)
    found: dict[int, dict[int, Any]] = {}  # event id -> decision id -> decision, deduplicated
    for item_id, event_ids in wanted.items():
        check_cancel(cancel)
        for d in queries.item_view(store, item_id).decisions:
            if d.event_id in event_ids:
                found.setdefault(d.event_id, {})[d.id] = d
    return {eid: sorted(ds.values(), key=lambda d: (_span_start(d.span), d.id))
            for eid, ds in found.items()}


def _span_start(span: Any) -> int:
    # the contract names a span without fixing its type: a records.Span or a (start, end) pair
    if span is None:
        return 0
    return int(span.start) if hasattr(span, "start") else int(span[0])


def _report_event(row: Any, sources: list[Any], decisions: list[Any]) -> ReportEvent:
    seen: dict[tuple[str, str], ReportSource] = {}
    first = ReportSource(row.doc, row.sentence)
    for s in [first, *sources]:
        seen.setdefault((s.doc, " ".join(s.sentence.split())), ReportSource(s.doc, s.sentence))
    return ReportEvent(
        id=row.id,
        date=DateValue(row.start, row.end, row.precision, row.certainty, row.reason or ""),
        kind=row.kind,
        title=row.title,
        place=row.place or None,
        bodies=tuple(row.bodies),
        people=tuple(row.people),
        decisions=tuple(ReportDecision(d.kind, d.body or None, d.text) for d in decisions),
        sources=tuple(seen.values()),
        source_count=max(row.source_count, len(seen)),
    )
