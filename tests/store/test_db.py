"""Opening stores: new ones are created and migrated; foreign or damaged files are refused intact."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.store.db import StoreError, open_store
from viewer.store.migrations import MIGRATIONS, SCHEMA_VERSION, m001_tables
from viewer.store.schema import APPLICATION_ID


def test_new_store_is_versioned_wal_and_marked(tmp_path: Path) -> None:
    with open_store(tmp_path / "sub" / "new.db") as store:
        conn = store.conn
        got = (conn.execute("PRAGMA user_version").fetchone()[0],
               conn.execute("PRAGMA journal_mode").fetchone()[0],
               conn.execute("PRAGMA application_id").fetchone()[0],
               conn.execute("PRAGMA foreign_keys").fetchone()[0],
               conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0)
    assert got == (SCHEMA_VERSION, "wal", APPLICATION_ID, 1, True)


def test_migrations_are_named_functions_from_zero() -> None:
    assert [m.__name__ for m in MIGRATIONS] == ["m001_tables", "m002_full_text", "m003_people_summary",
                                                 "m004_timeline_index", "m005_person_days",
                                                 "m006_alias_stems", "m007_surname_blocks",
                                                 "m008_timeline_cache"]


def test_open_upgrades_an_earlier_version_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    m001_tables(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (id, name, path, sha256, size, encoding, imported_at, text)"
                 " VALUES (1, 'x.txt', 'x.txt', 'h', 1, 'utf-8', '', 'x')")
    conn.execute("INSERT INTO items (document_id, idx, start, end, title, text)"
                 " VALUES (1, 0, 0, 1, 'T', 'summit in Minsk')")
    conn.execute("INSERT INTO people (id, name) VALUES (1, 'Stanislav Zas')")
    conn.execute("INSERT INTO roles (person_id, title, key, stated_day, document_id, start, end)"
                 " VALUES (1, 'CSTO Secretary General', 'secretary general', 737000, 1, 0, 1)")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        hits = store.conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'minsk'")
        assert [r[0] for r in hits] == [1]
        summary = store.conn.execute("SELECT event_count, latest_role FROM people").fetchall()
        assert summary == [(0, "CSTO Secretary General")]


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()


def _damaged_store(path: Path) -> None:
    with open_store(path) as store:
        store.conn.executemany("INSERT INTO people (name) VALUES (?)",
                               [(f"person {i} " * 20,) for i in range(2000)])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xa5" * (4096 * 3)  # scribble over pages after the header
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_text("hello, not a database\n"), "not an SQLite database"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "not an SQLite database"),
    (_foreign_sqlite, "not a CSTO Timeline store"),
    (_damaged_store, "damaged"),
])
def test_foreign_or_damaged_file_is_refused_and_untouched(tmp_path: Path, make, words) -> None:
    path = tmp_path / "given.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(path) in str(info.value) and words in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["given.db"]


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        open_store(path)


def test_missing_store_is_an_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        open_store(tmp_path / "absent.db", create=False)
    assert list(tmp_path.iterdir()) == []


def test_a_store_left_by_this_program_is_not_checked_again_until_it_changes(tmp_path: Path) -> None:
    from viewer.store.db import is_known_sound

    path = tmp_path / "kept.db"
    open_store(path).close()
    assert is_known_sound(path)  # reopening skips the full page check
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # any change to the file, by anyone, asks for the full check again
    path.write_bytes(bytes(data))
    assert not is_known_sound(path)


def test_the_store_speaks_sqlite_utils_on_demand(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert {"documents", "events", "people"} <= set(store.db.table_names())


def test_upgrading_to_surname_blocks_indexes_the_stored_aliases(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    with open_store(path) as store:
        store.conn.execute("INSERT INTO people (id, name) VALUES (1, 'Samat Ordabaev')")
        store.conn.executemany("INSERT INTO aliases VALUES (1, ?, ?)", [
            ("S. Ordabayev", "s. ordabayev"), ("Самат Ордабаев", "самат ордабаев")])
        store.conn.execute("DROP TABLE surname_blocks")
        store.conn.execute("DROP TABLE timeline_cache")
        store.conn.execute("CREATE TABLE alias_stems (stem TEXT)")
        store.conn.execute("PRAGMA user_version = 6")
    with open_store(path) as store:
        blocks = store.conn.execute("SELECT block FROM surname_blocks WHERE person_id = 1").fetchall()
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert sorted(b for (b,) in blocks) == ["or"]  # both scripts, one block
    assert "alias_stems" not in tables
