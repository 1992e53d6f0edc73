"""Write one document's extraction into the store, folding repeated happenings into one event."""
from __future__ import annotations

import bisect
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from viewer.extract.aliases import surname_blocks
from viewer.records import Event, Extraction, Item, Person, Span
from viewer.sources import Source
from viewer.store.folding import DayEvents, Stored, key_of, same_happening
from viewer.store.people import AliasKeys, match_people
from viewer.store.rows import lane_of
from viewer.store.schema import PEOPLE_SUMMARY
from viewer.store.tenures import role_key


@dataclass(frozen=True)
class Written:
    items: int
    events: int        # mentions of events written
    merged: int        # of which folded into an event already in the store
    people: tuple[int, ...]
    decisions: int
    touched: frozenset[int]  # people whose summaries this write made stale


@dataclass
class Remembered:
    """What the writer has read of the store, carried from one file of an import to the next."""

    days: DayEvents = field(default_factory=DayEvents)
    aliases: AliasKeys = field(default_factory=AliasKeys)
    named: set[tuple[int, str]] = field(default_factory=set)  # (person, alias) pairs written

    def clear(self) -> None:
        self.days.clear()
        self.aliases.clear()
        self.named.clear()


class _Items:
    """Item ids of one document, found by index or by a span's position."""

    def __init__(self, items: Sequence[Item], ids: Sequence[int]) -> None:
        order = sorted(range(len(items)), key=lambda i: items[i].span.start)
        self.starts = [items[i].span.start for i in order]
        self.sorted_ids = [ids[i] for i in order]
        self.sorted_items = [items[i] for i in order]
        self.by_index = {item.index: ids[i] for i, item in enumerate(items)}

    def at(self, span: Span) -> tuple[int | None, Item | None]:
        pos = bisect.bisect_right(self.starts, span.start) - 1
        if pos < 0:
            return None, None
        return self.sorted_ids[pos], self.sorted_items[pos]


def write_document(conn: sqlite3.Connection, src: Source, ex: Extraction, imported_at: str, *,
                   summaries: bool = True, memory: Remembered | None = None) -> Written:
    """Replace any earlier version of the document with this one; call inside a transaction.

    With `summaries` False the people's summary columns are left for the caller to refresh
    (Written.touched says whose), so a run of many files recomputes each person once.
    `memory` carries what was read of the store from one file to the next; if the write
    fails, clear it."""
    memory = memory if memory is not None else Remembered()
    days = memory.days
    conn.execute("DELETE FROM timeline_cache")
    touched: set[int] = set()
    old = conn.execute("SELECT id FROM documents WHERE name = ?", (src.name,)).fetchone()
    if old is not None:
        touched |= remove_document(conn, old[0], summaries=False)
        memory.clear()
    text = ex.text
    doc_id = conn.execute(
        "INSERT INTO documents (name, path, sha256, size, encoding, imported_at, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (src.name, src.path, src.sha256, src.size, src.encoding, imported_at, text)).lastrowid
    assert doc_id is not None
    # Rows are numbered here, as SQLite would number them, so that each table's rows of the
    # document go in with one statement and a new event is written with its source's id.
    first_item, first_event, first_source = conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM items), (SELECT coalesce(max(id), 0) FROM events),"
        " (SELECT coalesce(max(id), 0) FROM event_sources)").fetchone()
    item_ids = list(range(first_item + 1, first_item + 1 + len(ex.items)))
    conn.executemany(
        "INSERT INTO items (id, document_id, idx, start, end, published_day, title, text, noise)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(item_id, doc_id, item.index, item.span.start, item.span.end,
          item.published.toordinal() if item.published else None, item.title,
          text[item.span.start:item.span.end], _noise_json(item))
         for item_id, item in zip(item_ids, ex.items)])
    items = _Items(ex.items, item_ids)
    known = match_people(conn, ex.people, memory.aliases)
    person_ids = {p.name: _person(conn, p, known.get(p.name), memory) for p in ex.people}
    _write_person_facts(conn, doc_id, [(p, person_ids[p.name]) for p in ex.people], items)
    conn.executemany("INSERT INTO dates (document_id, item_id, start, end, text, start_day,"
                     " end_day, precision, certainty, reason, role)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(doc_id, items.at(m.span)[0], m.span.start, m.span.end, m.text,
                       m.value.start.toordinal(), m.value.end.toordinal(), m.value.precision,
                       m.value.certainty, m.value.reason, m.role) for m in ex.dates])
    placed = _Placed(first_event + 1)
    for source_id, event in enumerate(ex.events, start=first_source + 1):
        ids = tuple(person_ids[n] for n in event.people if n in person_ids)
        placed.place(days.at(conn, key_of(event)), days, doc_id,
                     items.by_index.get(event.item), event, ids, source_id)
    event_ids = placed.event_ids
    decision_events = [event_ids[d.event] if d.event is not None and d.event < len(event_ids)
                       else None for d in ex.decisions]
    counts = Counter(i for i in decision_events if i is not None)
    for event_id, new in placed.new.items():
        new.decision_count = counts.pop(event_id, 0)
    placed.write(conn)
    days.settle()
    conn.executemany("INSERT INTO decisions (document_id, item_id, sentence_idx, kind, body, text,"
                     " start, end, start_day, end_day, event_id)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(doc_id, items.by_index.get(d.item), d.sentence, d.kind, d.body, d.text,
                       d.span.start, d.span.end, d.date.start.toordinal() if d.date else None,
                       d.date.end.toordinal() if d.date else None, event_id)
                      for d, event_id in zip(ex.decisions, decision_events)])
    # decisions of this document on events already stored
    conn.executemany("UPDATE events SET decision_count = decision_count + ? WHERE id = ?",
                     [(n, i) for i, n in counts.items()])
    touched |= set(person_ids.values())
    if summaries:
        refresh_people(conn, touched)
    return Written(items=len(item_ids), events=len(event_ids), merged=placed.merged,
                   people=tuple(sorted(set(person_ids.values()))), decisions=len(ex.decisions),
                   touched=frozenset(touched))


def _noise_json(item: Item) -> str:
    """The item's scrape noise as JSON [[start, end], ...], offsets within the item."""
    start = item.span.start
    return f"[{', '.join(f'[{n.start - start}, {n.end - start}]' for n in item.noise)}]"


def _person(conn: sqlite3.Connection, person: Person, known: int | None,
            memory: Remembered) -> int:
    """The store's id for a person (known, or one of that name, or a new one); names recorded."""
    if known is None:
        row = conn.execute("SELECT id FROM people WHERE name = ?", (person.name,)).fetchone()
        known = int(row[0]) if row else None
    if known is None:
        new_id = conn.execute("INSERT INTO people (name) VALUES (?)", (person.name,)).lastrowid
        assert new_id is not None
        known = new_id
    # Only the names not yet written for this person in this import: a person an archive names
    # in thousands of releases is not recorded again with each.
    names = [n for n in dict.fromkeys([person.name, *person.aliases])
             if (known, n) not in memory.named]
    if names:
        named = [(known, n, n.casefold()) for n in names]
        conn.executemany("INSERT OR IGNORE INTO aliases (person_id, alias, key) VALUES (?, ?, ?)",
                         named)
        for _, _, key in named:
            memory.aliases.added(key, known)
        conn.executemany("INSERT OR IGNORE INTO surname_blocks (block, person_id) VALUES (?, ?)",
                         [(block, known) for block in surname_blocks(names)])
        memory.named.update((known, n) for n in names)
    return known


def _write_person_facts(conn: sqlite3.Connection, doc_id: int,
                        people: Sequence[tuple[Person, int]], items: _Items) -> None:
    roles: list[tuple] = []
    mentions: list[tuple] = []
    for person, person_id in people:
        for role in person.roles:
            item_id, item = items.at(role.span)
            # An undated statement of a role holds on the day its news item was published.
            stated = role.stated_on or (item.published if item is not None else None)
            roles.append((person_id, role.title, role_key(role.title),
                          stated.toordinal() if stated else None, doc_id, item_id,
                          role.span.start, role.span.end))
        mentions.extend((person_id, doc_id, items.by_index.get(m.item), m.sentence, m.span.start,
                         m.span.end, m.surface, m.role, m.role_span.start if m.role_span else None,
                         m.role_span.end if m.role_span else None) for m in person.mentions)
    conn.executemany("INSERT INTO roles (person_id, title, key, stated_day, document_id, item_id,"
                     " start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", roles)
    conn.executemany("INSERT INTO mentions (person_id, document_id, item_id, sentence, start, end,"
                     " surface, role, role_start, role_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     mentions)


@dataclass(slots=True)
class _NewEvent:
    """An events row gathered for insertion, brought up to date by later mentions of it."""

    start_day: int
    end_day: int
    precision: str
    certainty: str
    reason: str
    kind: str
    title: str
    place: str | None
    lane: int
    source_id: int
    source_count: int = 1
    decision_count: int = 0

    def row(self, event_id: int) -> tuple[object, ...]:
        return (event_id, self.start_day, self.end_day, self.precision, self.certainty,
                self.reason, self.kind, self.title, self.place, self.lane, self.source_id,
                self.source_count, self.decision_count)


class _Placed:
    """A document's event mentions, each a source of an event already stored or of a new one,
    gathered so that every table's rows go in with one statement."""

    def __init__(self, next_event: int) -> None:
        self.next_event = next_event
        self.event_ids: list[int] = []  # per mention
        self.merged = 0                 # mentions folded into an event met before
        self.new: dict[int, _NewEvent] = {}  # by id; the caller counts their decisions
        self.updates: list[tuple[object, ...]] = []  # events stored before this document
        self.sources: list[tuple[object, ...]] = []
        self.bodies: list[tuple[int, str]] = []
        self.people: list[tuple[int, int, int, int]] = []

    def place(self, candidates: list[Stored], days: DayEvents, doc_id: int, item_id: int | None,
              event: Event, person_ids: tuple[int, ...], source_id: int) -> None:
        v = event.date
        key = key_of(event)
        same = same_happening(candidates, event, person_ids)
        if same is not None:
            # As refresh_events would recompute it from all its sources, brought up to date
            # with this one alone: the links are the union over the sources, the place and the
            # title the first ones stated, and the date stated if any source states it.
            event_id = same.id
            self.merged += 1
            same.bodies = same.bodies.union(event.bodies)
            same.people = same.people.union(person_ids)
            same.place = same.place or event.place
            lane = lane_of(tuple(same.bodies))
            new = self.new.get(event_id)
            if new is not None:  # new in this document
                new.place, new.lane = same.place, lane
                if v.certainty == "stated":
                    new.certainty, new.reason = "stated", ""
                new.source_count += 1
            else:
                self.updates.append((same.place, lane, v.certainty, v.certainty, event_id))
        else:
            # A new event is written whole, as refresh_events would compute it from its one
            # source: most mentions are new, and recomputing each would double the writes.
            event_id = self.next_event
            self.next_event += 1
            self.new[event_id] = _NewEvent(
                key[0], key[1], v.precision, v.certainty, "" if v.certainty == "stated" else v.reason,
                event.kind, event.title, event.place, lane_of(event.bodies), source_id)
            days.added(key, Stored(event_id, event.place, event.title, frozenset(event.bodies),
                                   frozenset(person_ids)))
        self.event_ids.append(event_id)
        self.sources.append(
            (source_id, event_id, doc_id, item_id, event.sentence, event.text, event.span.start,
             event.span.end, event.date_span.start, event.date_span.end, v.certainty, v.reason,
             event.title, event.place, _json_list(event.bodies), _json_ids(person_ids)))
        # A merged event's links grow by this mention's, as later mentions matched on them.
        self.bodies.extend((event_id, b) for b in event.bodies)
        self.people.extend((event_id, p, key[0], key[1]) for p in person_ids)

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO events (id, start_day, end_day, precision, certainty, reason, kind, title,"
            " place, lane, source_id, source_count, decision_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new.row(event_id) for event_id, new in self.new.items()])
        conn.executemany(
            "UPDATE events SET source_count = source_count + 1, place = ?, lane = ?,"
            " certainty = CASE ? WHEN 'stated' THEN 'stated' ELSE certainty END,"
            " reason = CASE ? WHEN 'stated' THEN '' ELSE reason END WHERE id = ?", self.updates)
        conn.executemany(
            "INSERT INTO event_sources (id, event_id, document_id, item_id, sentence_idx, sentence,"
            " start, end, date_start, date_end, certainty, reason, title, place, bodies,"
            " person_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.sources)
        conn.executemany("INSERT OR IGNORE INTO event_bodies (event_id, body) VALUES (?, ?)",
                         self.bodies)
        conn.executemany("INSERT OR IGNORE INTO event_people (event_id, person_id, start_day,"
                         " end_day) VALUES (?, ?, ?, ?)", self.people)


def _json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values)) if values else "[]"


def _json_ids(ids: Sequence[int]) -> str:
    """The JSON list json.dumps writes, for plain integers only, without its encoder."""
    return f"[{', '.join(map(str, ids))}]"


def refresh_people(conn: sqlite3.Connection, person_ids: Iterable[int]) -> None:
    ids = sorted(set(person_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        conn.execute(PEOPLE_SUMMARY.format(where=f"WHERE id IN ({', '.join('?' * len(chunk))})"),
                     chunk)


def refresh_events(conn: sqlite3.Connection, event_ids: Iterable[int]) -> set[int]:
    """Recompute events from their sources; an event left with no source goes away.

    Returns the people whose links changed, whose summaries need recomputing."""
    people: set[int] = set()
    for event_id in sorted(event_ids):
        people.update(r[0] for r in conn.execute(
            "SELECT person_id FROM event_people WHERE event_id = ?", (event_id,)))
        sources = conn.execute(
            "SELECT id, certainty, reason, title, place, bodies, person_ids FROM event_sources"
            " WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
        if not sources:
            conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            continue
        first = sources[0]
        stated = [s for s in sources if s[1] == "stated"]
        certainty, reason = ("stated", "") if stated else ("inferred", first[2])
        place = next((s[4] for s in sources if s[4]), None)
        bodies = list(dict.fromkeys(b for s in sources for b in json.loads(s[5])))
        person_ids = list(dict.fromkeys(p for s in sources for p in json.loads(s[6])))
        decisions = conn.execute("SELECT count(*) FROM decisions WHERE event_id = ?",
                                 (event_id,)).fetchone()[0]
        conn.execute("UPDATE events SET certainty = ?, reason = ?, place = ?, lane = ?,"
                     " source_id = ?, source_count = ?, decision_count = ? WHERE id = ?",
                     (certainty, reason, place, lane_of(bodies), first[0], len(sources),
                      decisions, event_id))
        # Apart, so the title's full-text entry is redone only when the title changes.
        conn.execute("UPDATE events SET title = ? WHERE id = ? AND title IS NOT ?",
                     (first[3], event_id, first[3]))
        conn.execute("DELETE FROM event_bodies WHERE event_id = ?", (event_id,))
        conn.executemany("INSERT INTO event_bodies (event_id, body) VALUES (?, ?)",
                         [(event_id, b) for b in bodies])
        conn.execute("DELETE FROM event_people WHERE event_id = ?", (event_id,))
        conn.executemany("INSERT INTO event_people (event_id, person_id, start_day, end_day)"
                         " SELECT ?, ?, start_day, end_day FROM events WHERE id = ?",
                         [(event_id, p, event_id) for p in person_ids])
        people.update(person_ids)
    return people


def remove_document(conn: sqlite3.Connection, doc_id: int, *, summaries: bool = True) -> set[int]:
    """Take a document and everything read from it out of the store; call inside a transaction.

    Returns the people whose summaries changed (already refreshed unless `summaries` is False)."""
    conn.execute("DELETE FROM timeline_cache")
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?", (doc_id,))]
    conn.execute("DELETE FROM decisions WHERE document_id = ?", (doc_id,))
    people = {r[0] for r in conn.execute("SELECT person_id FROM mentions WHERE document_id = ?"
                                         " UNION SELECT person_id FROM roles WHERE document_id = ?",
                                         (doc_id, doc_id))}
    conn.execute("DELETE FROM event_sources WHERE document_id = ?", (doc_id,))
    people |= refresh_events(conn, touched)
    for table in ("mentions", "roles", "dates", "items"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions)"
                 " AND id NOT IN (SELECT person_id FROM roles)"
                 " AND id NOT IN (SELECT person_id FROM event_people)")
    if summaries:
        refresh_people(conn, people)
    return people


def clear(conn: sqlite3.Connection) -> None:
    """Empty every table; call inside a transaction."""
    for table in ("timeline_cache", "decisions", "event_people", "event_bodies", "event_sources",
                  "events", "mentions", "roles", "dates", "surname_blocks", "aliases", "people",
                  "items", "documents"):
        conn.execute(f"DELETE FROM {table}")
    # Wiping the indexes too lets a rebuild lay them out exactly as a first build does.
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('delete-all')")
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('delete-all')")
