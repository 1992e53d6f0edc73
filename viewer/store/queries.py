"""The read API the window uses: every query behind a plain function returning row records."""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar, cast

import numpy as np

from viewer.records import DateValue, Span
from viewer.store.db import Store
from viewer.store.filters import EventFilter, compile_filter, fts_query, fts_terms, id_queries
from viewer.store.rows import (KIND_INDEX, KINDS, Density, DecisionRow, EventColumns, EventRow,
                               EventSource, ItemView, PersonRow, RoleRow, StoreStats)
from viewer.store.tenures import role_key

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_WORD = re.compile(r"\w+", re.UNICODE)


def _day(value: int | None) -> date | None:
    return date.fromordinal(value) if value is not None else None


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def count_events(store: Store, f: EventFilter = EventFilter()) -> int:
    where, params = compile_filter(f)
    return int(store.conn.execute(f"SELECT count(*) FROM events WHERE {where}", params)
               .fetchone()[0])


def event_ids(store: Store, f: EventFilter = EventFilter()) -> list[int]:
    """Ids of the matching events in date order (start, then end, then id)."""
    where, params = compile_filter(f)
    sql = f"SELECT id FROM events WHERE {where} ORDER BY start_day, end_day, id"
    return [r[0] for r in store.conn.execute(sql, params)]


_DAY_BITS = 22  # day ordinals stay below 2**22 (date.max is 3,652,059)


def event_columns(store: Store, f: EventFilter = EventFilter()) -> EventColumns:
    """The timeline's columns of the matching events, in date order.

    All events' columns are kept in the store as one blob (see timeline_cache in the
    migrations), so opening a large store reads a few megabytes instead of every row."""
    if f == EventFilter():
        return _unpack(_all_events_table(store))
    return _unpack(_events_table(store.conn, f))


def _events_table(conn: sqlite3.Connection, f: EventFilter = EventFilter()) -> np.ndarray:
    where, params = compile_filter(f)
    # Python's sqlite3 pays per value fetched, so each row comes as three integers: the id,
    # both days, and lane/kind/inferred/sources; numpy unpacks them without a Python loop.
    # Kinds become their index in KINDS inside SQLite.
    cases = " ".join(f"WHEN :kind_name{i} THEN {i}" for i in range(len(KINDS)))
    params = {**params, **{f"kind_name{i}": k for i, k in enumerate(KINDS)}}
    sql = (f"SELECT id, (start_day << {_DAY_BITS}) | end_day,"
           f" (source_count << 10) | (lane << 5) | (CASE kind {cases} ELSE {KIND_INDEX['other']}"
           f" END << 1) | (certainty = 'inferred') FROM events WHERE {where}"
           f" ORDER BY start_day, end_day, id")
    rows = conn.execute(sql, params).fetchall()
    return np.array(rows, dtype=np.int64).reshape(len(rows), 3)


def _unpack(table: np.ndarray) -> EventColumns:
    days, misc = table[:, 1], table[:, 2]
    return EventColumns(ids=table[:, 0].copy(), start_days=days >> _DAY_BITS,
                        end_days=days & ((1 << _DAY_BITS) - 1),
                        lanes=((misc >> 5) & 31).astype(np.int16),
                        kinds=((misc >> 1) & 15).astype(np.int16),
                        inferred=(misc & 1).astype(bool), sources=(misc >> 10).astype(np.int32))


def _all_events_table(store: Store) -> np.ndarray:
    """Every event's packed row, from the cache blob; read from the events and cached when
    the blob is missing (every write deletes it), unless another writer is busy."""
    row = store.conn.execute("SELECT data FROM timeline_cache").fetchone()
    if row is not None:
        return np.frombuffer(row[0], dtype=np.int64).reshape(-1, 3)
    if store.conn.in_transaction:
        return _events_table(store.conn)
    timeout = store.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    try:
        store.conn.execute("PRAGMA busy_timeout = 0")  # never wait for an import to finish
        store.conn.execute("BEGIN IMMEDIATE")  # no writer between the read and the cached copy
    except sqlite3.OperationalError:
        return _events_table(store.conn)
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    try:
        table = cache_timeline(store.conn)
        store.conn.execute("COMMIT")
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise
    return table


def cache_timeline(conn: sqlite3.Connection) -> np.ndarray:
    """Read every event's packed row and keep it as the cache blob; call inside a write
    transaction."""
    table = _events_table(conn)
    conn.execute("DELETE FROM timeline_cache")
    conn.execute("INSERT INTO timeline_cache (data) VALUES (?)", (table.tobytes(),))
    return table


def narrow_columns(store: Store, everything: EventColumns, f: EventFilter) -> EventColumns:
    """The filtered part of `everything` (all events' columns, read once): dates, kinds and
    certainty are tested in numpy; text, people, bodies, places and decisions ask SQLite for
    ids alone. The same result as event_columns(store, f), without re-reading every row."""
    mask = np.ones(len(everything), dtype=bool)
    if f.date_from is not None:
        mask &= everything.end_days >= f.date_from.toordinal()
    if f.date_to is not None:
        mask &= everything.start_days <= f.date_to.toordinal()
    if f.kinds:
        mask &= np.isin(everything.kinds, [KIND_INDEX.get(k, -1) for k in f.kinds])
    if f.hide_inferred:
        mask &= ~everything.inferred
    # From here on only the candidates left are tested, not every event again.
    at = np.flatnonzero(mask)
    for sql, params in id_queries(replace(f, text="")):  # the text last: it costs the most
        if not len(at):
            break
        at = at[_among(everything.ids[at], _ids(store, sql, params))]
    match = fts_query(f.text)
    if match and 0 < len(at) <= _FEW_FOR_TEXT:
        # a handful of candidates: read their own rows rather than every row holding the words
        at = at[_among(everything.ids[at], _text_among(store, everything.ids[at],
                                                       fts_terms(f.text)))]
    elif match and len(at):
        titles = _ids(store, "SELECT rowid FROM events_fts WHERE events_fts MATCH :fts", {"fts": match})
        items = _ids(store, "SELECT rowid FROM items_fts WHERE items_fts MATCH :fts", {"fts": match})
        source_events, source_items = _sources(store)
        told = source_events[_among(source_items, items)]
        ids = everything.ids[at]
        at = at[_among(ids, titles) | _among(ids, told)]
    return everything.at(at)


def _among(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Which values are among the ids, by a lookup table over the ids' range: linear in both,
    where numpy's own choice sorts both once the values are few (40 ms at a million events)."""
    if not len(values) or not len(ids):
        return np.zeros(len(values), dtype=bool)
    return np.isin(values, ids, kind="table")


_FEW_FOR_TEXT = 300
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _folded(text: str) -> str:
    """Case and accents folded, as the full-text index's unicode61 tokenizer folds them."""
    text = text.casefold()
    return text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFD", text))


def _text_among(store: Store, candidates: np.ndarray, terms: list[str]) -> np.ndarray:
    """Of the candidate events, those whose title, or an item telling them, holds every term as
    the start of a word: what the full-text index answers, read from these few rows."""
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(_folded(t))) for t in terms]

    def holds(*parts: str | None) -> bool:
        folded = _folded("\n".join(p for p in parts if p))
        return all(p.search(folded) for p in patterns)

    ids = [int(i) for i in candidates]
    marks = _placeholders(len(ids))
    hits = {eid for eid, title in store.conn.execute(
        f"SELECT id, title FROM events WHERE id IN ({marks})", ids) if holds(title)}
    sources = store.conn.execute(f"SELECT event_id, item_id FROM event_sources"
                                 f" WHERE event_id IN ({marks}) AND item_id IS NOT NULL", ids).fetchall()
    items = sorted({item for _, item in sources})
    told = {iid for iid, title, text in store.conn.execute(
        f"SELECT id, title, text FROM items WHERE id IN ({_placeholders(len(items))})", items)
        if holds(title, text)} if items else set()
    hits |= {eid for eid, item in sources if item in told}
    return np.array(sorted(hits), dtype=np.int64)


_Cached = TypeVar("_Cached")
_CACHE: dict[tuple[str, str], tuple[object, tuple[int, int], Any]] = {}


def _while_unchanged(store: Store, name: str, build: Callable[[], _Cached]) -> _Cached:
    """build()'s result for this connection, kept until the store changes: data_version moves
    when another connection commits, total_changes when this one writes."""
    version = (store.conn.execute("PRAGMA data_version").fetchone()[0], store.conn.total_changes)
    key = (str(store.path), name)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is store.conn and cached[1] == version:
        return cast(_Cached, cached[2])
    value = build()
    _CACHE[key] = (store.conn, version, value)
    return value


def _sources(store: Store) -> tuple[np.ndarray, np.ndarray]:
    """Which item tells which event, as two arrays: a text filter then costs two index look-ups
    and no join over every mention."""
    def read() -> tuple[np.ndarray, np.ndarray]:
        rows = store.conn.execute("SELECT event_id, item_id FROM event_sources"
                                  " WHERE item_id IS NOT NULL").fetchall()
        pairs = np.array(rows, dtype=np.int64).reshape(-1, 2)
        return pairs[:, 0].copy(), pairs[:, 1].copy()
    return _while_unchanged(store, "sources", read)


def _ids(store: Store, sql: str, params: dict) -> np.ndarray:
    """The ids a one-column query returns, as one comma-separated string: SQLite joins them and
    numpy parses them, both in C, four times quicker than a row per id (a common word's
    hundreds of thousands of items at a million events)."""
    text = store.conn.execute(f"WITH found(id) AS ({sql}) SELECT group_concat(id) FROM found",
                              params).fetchone()[0]
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64)


def events_by_ids(store: Store, ids: Sequence[int]) -> list[EventRow]:
    """Full rows for the given ids, in the same order; unknown ids are left out."""
    found: dict[int, EventRow] = {}
    conn = store.conn
    for i in range(0, len(ids), _CHUNK):
        chunk = [int(x) for x in ids[i:i + _CHUNK]]
        marks = _placeholders(len(chunk))
        bodies: dict[int, list[str]] = {}
        for eid, body in conn.execute(f"SELECT event_id, body FROM event_bodies "
                                      f"WHERE event_id IN ({marks}) ORDER BY body", chunk):
            bodies.setdefault(eid, []).append(body)
        people: dict[int, list[tuple[int, str]]] = {}
        for eid, pid, name in conn.execute(
                f"SELECT ep.event_id, p.id, p.name FROM event_people ep, people p "
                f"WHERE ep.event_id IN ({marks}) AND p.id = ep.person_id ORDER BY p.name", chunk):
            people.setdefault(eid, []).append((pid, name))
        sql = (f"SELECT e.id, e.start_day, e.end_day, e.precision, e.certainty, e.reason, e.kind,"
               f" e.title, e.place, e.source_count, e.decision_count, d.name, s.item_id,"
               f" s.sentence, s.start, s.end FROM events e"
               f" LEFT JOIN event_sources s ON s.id = e.source_id"
               f" LEFT JOIN documents d ON d.id = s.document_id WHERE e.id IN ({marks})")
        for r in conn.execute(sql, chunk):
            eid = r[0]
            named = people.get(eid, [])
            found[eid] = EventRow(
                id=eid, start=date.fromordinal(r[1]), end=date.fromordinal(r[2]),
                precision=r[3], certainty=r[4], reason=r[5], kind=r[6], title=r[7], place=r[8],
                bodies=tuple(bodies.get(eid, [])), people=tuple(n for _, n in named),
                person_ids=tuple(p for p, _ in named), source_count=r[9], decision_count=r[10],
                doc=r[11] or "", item_id=r[12] or 0, sentence=r[13] or "",
                span=Span(r[14] or 0, r[15] or 0))
    return [found[int(i)] for i in ids if int(i) in found]


def event_sources(store: Store, event_id: int) -> list[EventSource]:
    sql = ("SELECT d.name, s.item_id, s.sentence, s.start, s.end FROM event_sources s"
           " JOIN documents d ON d.id = s.document_id WHERE s.event_id = ? ORDER BY s.id")
    return [EventSource(doc=r[0], item_id=r[1], sentence=r[2], span=Span(r[3], r[4]))
            for r in store.conn.execute(sql, (event_id,))]


def people(store: Store, search: str = "", order: str = "name") -> list[PersonRow]:
    """People with their aliases, event count, first and last event date and latest role."""
    where, params = "", []
    if search.strip():
        needle = f"%{search.strip().casefold()}%"
        where, params = "WHERE id IN (SELECT person_id FROM aliases WHERE key LIKE ?)", [needle]
    result = _person_rows(store, where, params)
    if order == "count":
        result.sort(key=lambda p: (-p.event_count, p.name.casefold()))
    else:
        result.sort(key=lambda p: p.name.casefold())
    return result


def _person_rows(store: Store, where: str, params: Sequence[object]) -> list[PersonRow]:
    conn = store.conn
    rows = conn.execute("SELECT id, name, event_count, first_day, last_day, latest_role"
                        f" FROM people {where}", params).fetchall()
    if not rows:
        return []
    aliases: dict[int, list[str]] = {}
    one = "WHERE person_id = ?" if len(rows) == 1 else ""
    for pid, alias in conn.execute(f"SELECT person_id, alias FROM aliases {one} ORDER BY alias",
                                   [rows[0][0]] if one else []):
        aliases.setdefault(pid, []).append(alias)
    return [PersonRow(id=pid, name=name, aliases=tuple(aliases.get(pid, [])), latest_role=role,
                      event_count=n, first=_day(first), last=_day(last))
            for pid, name, n, first, last, role in rows]


def person_roles(store: Store, person_id: int) -> list[RoleRow]:
    sql = ("SELECT r.title, r.stated_day, d.name, r.item_id FROM roles r"
           " JOIN documents d ON d.id = r.document_id WHERE r.person_id = ?"
           " ORDER BY coalesce(r.stated_day, 0), r.id")
    return [RoleRow(title=r[0], stated_on=_day(r[1]), doc=r[2], item_id=r[3] or 0)
            for r in store.conn.execute(sql, (person_id,))]


def holder_of_role(store: Store, role: str, on: date) -> PersonRow | None:
    """Who held a role on a day: the person of the latest statement of it on or before that day."""
    row = store.conn.execute(
        "SELECT person_id FROM roles WHERE key = ? AND stated_day <= ?"
        " ORDER BY stated_day DESC, id DESC LIMIT 1", (role_key(role), on.toordinal())).fetchone()
    if row is None:
        return None
    found = _person_rows(store, "WHERE id = ?", [row[0]])
    return found[0] if found else None


def _rel(item_start: int, start: int, end: int) -> Span:
    return Span(start - item_start, end - item_start)


def item_view(store: Store, item_id: int) -> ItemView:
    conn = store.conn
    row = conn.execute("SELECT i.id, d.name, i.published_day, i.title, i.text, i.noise, i.start"
                       " FROM items i JOIN documents d ON d.id = i.document_id WHERE i.id = ?",
                       (item_id,)).fetchone()
    if row is None:
        raise KeyError(f"no item {item_id}")
    base = row[6]
    text: str = row[4]
    decisions = [DecisionRow(id=r[0], kind=r[1], body=r[2], text=r[3],
                             span=_rel(base, r[4], r[5]), event_id=r[6])
                 for r in conn.execute("SELECT id, kind, body, text, start, end, event_id"
                                       " FROM decisions WHERE item_id = ? ORDER BY start, id",
                                       (item_id,))]
    events = [(r[0], _rel(base, r[1], r[2]))
              for r in conn.execute("SELECT event_id, start, end FROM event_sources"
                                    " WHERE item_id = ? ORDER BY start, id", (item_id,))]
    mentions: list[tuple[int, Span]] = []
    role_spans: list[Span] = []
    for pid, start, end, rs, re_ in conn.execute(
            "SELECT person_id, start, end, role_start, role_end FROM mentions"
            " WHERE item_id = ? ORDER BY start, id", (item_id,)):
        mentions.append((pid, _rel(base, start, end)))
        if rs is not None and re_ is not None:
            role_spans.append(_rel(base, rs, re_))
    dates = [(_rel(base, r[0], r[1]),
              DateValue(date.fromordinal(r[2]), date.fromordinal(r[3]), r[4], r[5], r[6]))
             for r in conn.execute("SELECT start, end, start_day, end_day, precision, certainty,"
                                   " reason FROM dates WHERE item_id = ? ORDER BY start, id",
                                   (item_id,))]
    published = _day(row[2])
    return ItemView(id=row[0], doc=row[1], published=published, title=row[3], text=text,
                    noise=tuple(Span(a, b) for a, b in json.loads(row[5])),
                    decisions=decisions, events=events, mentions=mentions, dates=dates,
                    role_mentions=_role_mentions(store, text, role_spans, published))


def _role_mentions(store: Store, text: str, taken: list[Span],
                   published: date | None) -> list[tuple[str, Span, date | None]]:
    """Known role titles named in the text away from any person: 'the Secretary General said'."""
    found: list[tuple[str, Span, date | None]] = []
    pattern = _role_pattern(store)
    if pattern is None:
        return found
    for m in pattern.finditer(text):  # longest title first at each place, one pass over the text
        span = Span(m.start(), m.end())
        if not any(span.overlaps(t) for t in taken):
            found.append((m.group(), span, published))
    return found


def _role_pattern(store: Store) -> re.Pattern[str] | None:
    """Every stored role title in one pattern, so reading an item never rescans its text once per
    title (thousands of titles at 100,000 events)."""
    def build() -> re.Pattern[str] | None:
        titles = sorted({r[0] for r in store.conn.execute("SELECT DISTINCT title FROM roles")
                         if len(r[0]) >= 4}, key=len, reverse=True)
        return re.compile("|".join(re.escape(t).replace("\\ ", r"\s+") for t in titles),
                          re.IGNORECASE) if titles else None
    return _while_unchanged(store, "roles", build)


def search_positions(store: Store, item_id: int, query: str) -> list[tuple[int, int]]:
    """Spans in the item's text of the words the search would match (prefix, case-insensitive)."""
    terms = [_folded(t) for t in fts_terms(query)]
    row = store.conn.execute("SELECT text FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None or not terms:
        return []
    return [(m.start(), m.end()) for m in _WORD.finditer(row[0])
            if any(_folded(m.group()).startswith(t) for t in terms)]


def _facet(store: Store, sql: str) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in store.conn.execute(sql)]


def facet_bodies(store: Store) -> list[tuple[str, int]]:
    return _facet(store, "SELECT body, count(*) AS n FROM event_bodies GROUP BY body"
                         " ORDER BY n DESC, body")


def facet_kinds(store: Store) -> list[tuple[str, int]]:
    return _facet(store, "SELECT kind, count(*) AS n FROM events GROUP BY kind"
                         " ORDER BY n DESC, kind")


def facet_places(store: Store) -> list[tuple[str, int]]:
    return _facet(store, "SELECT place, count(*) AS n FROM events WHERE place IS NOT NULL"
                         " GROUP BY place ORDER BY n DESC, place")


def date_extent(store: Store) -> tuple[date, date] | None:
    lo, hi = store.conn.execute("SELECT min(start_day), max(end_day) FROM events").fetchone()
    return None if lo is None else (date.fromordinal(lo), date.fromordinal(hi))


def density(store: Store, f: EventFilter = EventFilter()) -> Density:
    """Events (matching f) per start day and releases (all items) per publication day."""
    where, params = compile_filter(f)
    ev = dict(store.conn.execute(f"SELECT start_day, count(*) FROM events WHERE {where}"
                                 " GROUP BY start_day", params).fetchall())
    rel = dict(store.conn.execute("SELECT published_day, count(*) FROM items"
                                  " WHERE published_day IS NOT NULL GROUP BY published_day")
               .fetchall())
    days = sorted(set(ev) | set(rel))
    return Density(days=np.array(days, dtype=np.int64),
                   events=np.array([ev.get(d, 0) for d in days], dtype=np.int64),
                   releases=np.array([rel.get(d, 0) for d in days], dtype=np.int64))


def stats(store: Store) -> StoreStats:
    counts = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "items", "events", "people", "decisions")]
    return StoreStats(*counts)


__all__ = ["KINDS", "count_events", "event_ids", "event_columns", "events_by_ids",
           "event_sources", "people", "person_roles", "holder_of_role", "item_view",
           "search_positions", "facet_bodies", "facet_kinds", "facet_places", "date_extent",
           "density", "stats"]
