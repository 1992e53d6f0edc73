"""Match a document's people to those already in the store, by the extraction's alias rules."""
from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

from viewer.extract.aliases import PeopleIndex, surname_blocks
from viewer.records import Person, PersonMention, Span

_TAG = "\x00store:"  # marks stand-in mentions that carry a stored person's id through the index


def _stored_people(conn: sqlite3.Connection, ids: Sequence[int], keys: AliasKeys) -> list[Person]:
    """Stored people as the alias index takes them: each name form a stand-in mention."""
    keys.people.update(_read_people(conn, [i for i in ids if i not in keys.people]))
    return [keys.people[i] for i in ids if i in keys.people]


def _read_people(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Person]:
    aliases: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ", ".join("?" * len(chunk))
        for pid, alias in conn.execute(f"SELECT person_id, alias FROM aliases WHERE person_id"
                                       f" IN ({marks}) ORDER BY person_id, alias", chunk):
            aliases.setdefault(pid, []).append(alias)
        names.update(conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", chunk))
    out = {}
    for pid, name in names.items():
        forms = list(dict.fromkeys([name, *aliases.get(pid, [])]))
        mentions = tuple(PersonMention(f"{_TAG}{pid}", 0, 0, Span(i, i), form)
                         for i, form in enumerate(forms))
        out[pid] = Person(name, tuple(forms), (), mentions)
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


class AliasKeys:
    """The smallest stored person id of each alias key met so far (None: no one), kept in step
    with the writer's own inserts, so the people an archive names again and again are known
    without a query each time. Call clear() after anything but the writer's additions."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self._ids: dict[str, int | None] = {}
        # Stored people read for the alias index, by id; one drops out when a name is added.
        self.people: dict[int, Person] = {}

    def lookup(self, conn: sqlite3.Connection, keys: Sequence[str]) -> int | None:
        missing = [k for k in dict.fromkeys(keys) if k not in self._ids]
        if missing:
            if len(self._ids) > self.LIMIT:
                self.clear()
            self._ids.update(dict.fromkeys(missing))
            self._ids.update(conn.execute(
                f"SELECT key, min(person_id) FROM aliases WHERE key IN"
                f" ({', '.join('?' * len(missing))}) GROUP BY key", missing).fetchall())
        known = [i for i in (self._ids.get(k) for k in keys) if i is not None]
        return min(known) if known else None

    def added(self, key: str, person_id: int) -> None:
        self.people.pop(person_id, None)
        if key in self._ids:
            had = self._ids[key]
            self._ids[key] = person_id if had is None else min(had, person_id)

    def clear(self) -> None:
        self._ids.clear()
        self.people.clear()


def match_people(conn: sqlite3.Connection, people: Sequence[Person],
                 keys: AliasKeys | None = None) -> dict[str, int | None]:
    """For each person of a document, by canonical name: the stored person they are, or None."""
    keys = keys if keys is not None else AliasKeys()
    exact = {p.name: _by_alias(conn, p, keys) for p in people}
    if all(v is not None for v in exact.values()):
        return exact  # every name already known as written: nothing for the index to decide
    index = PeopleIndex.from_people(_stored_people(conn, _candidates(conn, people), keys))
    index.add([m for p in people for m in p.mentions])
    cluster_of: dict[tuple[str, int, int], int] = {}
    stored: list[set[int]] = []
    for cid, group in enumerate(index.groups()):
        stored.append({int(m.doc[len(_TAG):]) for m in group if m.doc.startswith(_TAG)})
        for m in group:
            cluster_of[(m.doc, m.span.start, m.span.end)] = cid
    found: dict[str, int | None] = {}
    for p in people:
        votes = Counter(cluster_of.get((m.doc, m.span.start, m.span.end)) for m in p.mentions)
        ids = [min(stored[cid]) for cid, _ in votes.most_common() if cid is not None and stored[cid]]
        found[p.name] = ids[0] if ids else _by_alias(conn, p, keys)
    return found


def _by_alias(conn: sqlite3.Connection, person: Person, keys: AliasKeys) -> int | None:
    """A stored person known by exactly one of this person's names."""
    return keys.lookup(conn, [n.casefold() for n in (person.name, *person.aliases)])
