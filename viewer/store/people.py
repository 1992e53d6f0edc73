"""Match a document's people to those already in the store, by the extraction's alias rules."""
from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from viewer.extract.aliases import PeopleIndex, surname_blocks
from viewer.records import Person, PersonMention, Span

_TAG = "\x00store:"  # marks stand-in mentions that carry a stored person's id through the index


def _stored_people(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Person]:
    aliases: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ", ".join("?" * len(chunk))
        for pid, alias in conn.execute(f"SELECT person_id, alias FROM aliases WHERE person_id"
                                       f" IN ({marks}) ORDER BY person_id, alias", chunk):
            aliases.setdefault(pid, []).append(alias)
        names.update(conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", chunk))
    out = []
    for pid in sorted(names):
        forms = list(dict.fromkeys([names[pid], *aliases.get(pid, [])]))
        mentions = tuple(PersonMention(f"{_TAG}{pid}", 0, 0, Span(i, i), form)
                         for i, form in enumerate(forms))
        out.append(Person(names[pid], tuple(forms), (), mentions))
    return out


def _candidates(conn: sqlite3.Connection, people: Sequence[Person]) -> list[int]:
    """Stored people who might be one of these: those sharing a surname block with them.

    Only these go into the alias index, so matching costs the same in a store of ten people
    and of ten thousand; the index itself compares no one outside a shared block.
    """
    blocks = sorted(surname_blocks(n for p in people for n in (p.name, *p.aliases)))
    found: set[int] = set()
    for i in range(0, len(blocks), 500):
        chunk = blocks[i:i + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT person_id FROM surname_blocks WHERE block IN"
            f" ({', '.join('?' * len(chunk))})", chunk))
    return sorted(found)


def match_people(conn: sqlite3.Connection, people: Sequence[Person]) -> dict[str, int | None]:
    """For each person of a document, by canonical name: the stored person they are, or None."""
    exact = {p.name: _by_alias(conn, p) for p in people}
    if all(v is not None for v in exact.values()):
        return exact  # every name already known as written: nothing for the index to decide
    index = PeopleIndex.from_people(_stored_people(conn, _candidates(conn, people)))
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
