"""Match a document's people to those already in the store, by the extraction's alias rules."""
from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from viewer.records import Person, PersonMention, Span

_TAG = "\x00store:"  # marks stand-in mentions that carry a stored person's id through the index


def _stored_people(conn: sqlite3.Connection) -> list[Person]:
    aliases: dict[int, list[str]] = {}
    for pid, alias in conn.execute("SELECT person_id, alias FROM aliases ORDER BY person_id, alias"):
        aliases.setdefault(pid, []).append(alias)
    out = []
    for pid, name in conn.execute("SELECT id, name FROM people ORDER BY id"):
        forms = list(dict.fromkeys([name, *aliases.get(pid, [])]))
        mentions = tuple(PersonMention(f"{_TAG}{pid}", 0, 0, Span(i, i), form)
                         for i, form in enumerate(forms))
        out.append(Person(name, tuple(forms), (), mentions))
    return out


def match_people(conn: sqlite3.Connection, people: Sequence[Person]) -> dict[str, int | None]:
    """For each person of a document, by canonical name: the stored person they are, or None."""
    try:
        from viewer.extract.aliases import PeopleIndex
    except ImportError:
        return {p.name: _by_alias(conn, p) for p in people}
    index = PeopleIndex.from_people(_stored_people(conn))
    index.add([m for p in people for m in p.mentions])
    cluster_of: dict[tuple[str, int, int], int] = {}
    stored: list[set[int]] = []
    for cid, merged in enumerate(index.people()):
        stored.append({int(m.doc[len(_TAG):]) for m in merged.mentions if m.doc.startswith(_TAG)})
        for m in merged.mentions:
            cluster_of[(m.doc, m.span.start, m.span.end)] = cid
    found: dict[str, int | None] = {}
    for p in people:
        votes = Counter(cluster_of.get((m.doc, m.span.start, m.span.end)) for m in p.mentions)
        ids = [min(stored[cid]) for cid, _ in votes.most_common() if cid is not None and stored[cid]]
        found[p.name] = ids[0] if ids else _by_alias(conn, p)
    return found


def _by_alias(conn: sqlite3.Connection, person: Person) -> int | None:
    """A stored person known by exactly one of this person's names."""
    keys = list(dict.fromkeys(n.casefold() for n in (person.name, *person.aliases)))
    marks = ", ".join("?" * len(keys))
    row = conn.execute(f"SELECT person_id FROM aliases WHERE key IN ({marks})"
                       f" ORDER BY person_id LIMIT 1", keys).fetchone()
    return int(row[0]) if row else None
