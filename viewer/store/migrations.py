"""Named schema migrations, from version 0 (an empty file) up to the current version."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from viewer.store.schema import (
    APPLICATION_ID,
    FTS,
    PEOPLE_SUMMARY,
    TABLES,
    name_stems,
    statements,
)


def m001_tables(conn: sqlite3.Connection) -> None:
    for sql in statements(TABLES):
        conn.execute(sql)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def m002_full_text(conn: sqlite3.Connection) -> None:
    for sql in statements(FTS):
        conn.execute(sql)
    # Rebuild from content in case a version-1 store already holds rows.
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")


def m003_people_summary(conn: sqlite3.Connection) -> None:
    """Each person's event count, first and last day and latest role, kept up to date by
    imports, so the people panel reads one row per person instead of every event link."""
    for column in ("event_count INTEGER NOT NULL DEFAULT 0", "first_day INTEGER",
                   "last_day INTEGER", "latest_role TEXT"):
        conn.execute(f"ALTER TABLE people ADD COLUMN {column}")
    conn.execute("""
UPDATE people SET
    event_count = (SELECT count(*) FROM event_people WHERE person_id = people.id),
    first_day = (SELECT min(e.start_day) FROM event_people ep JOIN events e ON e.id = ep.event_id
                 WHERE ep.person_id = people.id),
    last_day = (SELECT max(e.end_day) FROM event_people ep JOIN events e ON e.id = ep.event_id
                WHERE ep.person_id = people.id),
    latest_role = (SELECT title FROM roles WHERE person_id = people.id
                   ORDER BY coalesce(stated_day, 0) DESC, id DESC LIMIT 1)""")


def m004_timeline_index(conn: sqlite3.Connection) -> None:
    """Every column the timeline reads, in its order, so drawing 100,000 events scans one
    index from end to end instead of visiting each row of the table."""
    conn.execute("CREATE INDEX events_timeline ON events"
                 "(start_day, end_day, id, lane, kind, certainty, source_count)")


def m005_person_days(conn: sqlite3.Connection) -> None:
    """Event days copied into event_people (an event's days never change), so a person's first
    and last day are index look-ups when every import recomputes them."""
    conn.execute("ALTER TABLE event_people ADD COLUMN start_day INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE event_people ADD COLUMN end_day INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE event_people SET"
                 " start_day = (SELECT start_day FROM events WHERE id = event_id),"
                 " end_day = (SELECT end_day FROM events WHERE id = event_id)")
    conn.execute("CREATE INDEX event_people_first ON event_people(person_id, start_day)")
    conn.execute("CREATE INDEX event_people_last ON event_people(person_id, end_day)")
    conn.execute(PEOPLE_SUMMARY.format(where=""))


def m006_alias_stems(conn: sqlite3.Connection) -> None:
    """The first four letters of every word of every alias, indexed, so finding the stored
    people a new name might be (Ordabayev / Ordabaev) is a look-up, not a scan of all aliases."""
    conn.execute("CREATE TABLE alias_stems (stem TEXT NOT NULL, person_id INTEGER NOT NULL"
                 " REFERENCES people(id) ON DELETE CASCADE, PRIMARY KEY (stem, person_id))"
                 " WITHOUT ROWID")
    conn.execute("CREATE INDEX alias_stems_person ON alias_stems(person_id)")
    rows = conn.execute("SELECT person_id, key FROM aliases").fetchall()
    conn.executemany("INSERT OR IGNORE INTO alias_stems (stem, person_id) VALUES (?, ?)",
                     [(stem, pid) for pid, key in rows for stem in name_stems(key)])


def m007_surname_blocks(conn: sqlite3.Connection) -> None:
    """Stored people indexed by the blocks the alias index compares surnames in, in place of
    m006's stems of every name word: a given name that hundreds share made each of them a
    candidate for every new name."""
    from viewer.extract.aliases import surname_blocks

    conn.execute("CREATE TABLE surname_blocks (block TEXT NOT NULL, person_id INTEGER NOT NULL"
                 " REFERENCES people(id) ON DELETE CASCADE, PRIMARY KEY (block, person_id))"
                 " WITHOUT ROWID")
    conn.execute("CREATE INDEX surname_blocks_person ON surname_blocks(person_id)")
    rows = conn.execute("SELECT person_id, alias FROM aliases").fetchall()
    conn.executemany("INSERT OR IGNORE INTO surname_blocks (block, person_id) VALUES (?, ?)",
                     [(block, pid) for pid, alias in rows for block in surname_blocks([alias])])
    conn.execute("DROP TABLE alias_stems")


def m008_timeline_cache(conn: sqlite3.Connection) -> None:
    """Every event's timeline columns as one blob, so opening a store reads megabytes rather
    than every row (0.15 s at 100,000 events, 1.2 s at a million). Every write deletes it;
    the next reader of all events rebuilds it."""
    conn.execute("CREATE TABLE timeline_cache (data BLOB NOT NULL)")


# MIGRATIONS[i] takes a store from user_version i to i + 1. Append, never edit a released one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_tables, m002_full_text, m003_people_summary, m004_timeline_index,
    m005_person_days, m006_alias_stems, m007_surname_blocks,
    m008_timeline_cache]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction; names of those applied."""
    applied: list[str] = []
    version = user_version(conn)
    for step in MIGRATIONS[version:]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(step.__name__)
    return applied
