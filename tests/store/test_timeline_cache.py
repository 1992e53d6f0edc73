"""All events' timeline columns are kept as one blob; it must never outlive a change."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
from store_fakes import RELEASE_B, extract

from viewer.store import queries as q
from viewer.store.db import Store
from viewer.store.filters import EventFilter
from viewer.store.ingest import import_paths
from viewer.store.rows import EventColumns


def same(a: EventColumns, b: EventColumns) -> bool:
    return all(np.array_equal(getattr(a, f), getattr(b, f))
               for f in ("ids", "start_days", "end_days", "lanes", "kinds", "inferred", "sources"))


def cached(store: Store) -> bool:
    return store.conn.execute("SELECT count(*) FROM timeline_cache").fetchone()[0] == 1


def direct(store: Store) -> EventColumns:
    """The columns read from the event rows themselves, as any filter reads them."""
    return q.event_columns(store, EventFilter(hide_inferred=False, text=" "))


def test_a_build_leaves_the_blob_and_it_equals_the_rows(small_store: Store) -> None:
    assert cached(small_store)
    assert len(q.event_columns(small_store)) > 0
    assert same(q.event_columns(small_store), direct(small_store))


def test_a_write_takes_the_blob_away_and_the_next_read_restores_it(small_store: Store,
                                                                   tmp_path: Path) -> None:
    before = len(q.event_columns(small_store))
    new = tmp_path / "new.txt"
    new.write_text(RELEASE_B.replace("Summary", "Later") + "On 2023-02-02 a session in Minsk.\n",
                   encoding="utf-8")
    import_paths(small_store, [new], jobs=1, extract=extract)
    assert not cached(small_store)
    after = q.event_columns(small_store)
    assert len(after) > before
    assert cached(small_store) and same(after, direct(small_store))


def test_a_busy_writer_is_not_waited_for(small_store: Store) -> None:
    small_store.conn.execute("DELETE FROM timeline_cache")
    other = sqlite3.connect(small_store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import at work in another process
    try:
        columns = q.event_columns(small_store)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert same(columns, direct(small_store))
    assert not cached(small_store)
