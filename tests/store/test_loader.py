"""How imports group their writes: a first build in one pass, later imports a file at a time."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_fakes import RELEASE_A, RELEASE_B, dump, extract, extract_breaking_on

from viewer.store import queries as q
from viewer.store.db import Store, open_store
from viewer.store.filters import EventFilter
from viewer.store.ingest import import_paths
from viewer.store.loader import Loader


def schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_a_first_build_ends_with_every_index_and_trigger(store: Store, releases: Path,
                                                         tmp_path: Path) -> None:
    fresh = open_store(tmp_path / "fresh.db")
    import_paths(store, [releases], jobs=1, extract=extract)
    assert schema(store.conn) == schema(fresh.conn)
    fresh.close()


def test_a_first_build_is_searchable_and_summarised(store: Store, releases: Path) -> None:
    import_paths(store, [releases], jobs=1, extract=extract)
    assert q.count_events(store, EventFilter(text="exercise")) > 0
    zas = next(p for p in q.people(store) if p.name == "Stanislav Zas")
    assert zas.event_count > 0 and zas.first is not None


def test_a_first_build_equals_the_same_files_added_one_by_one(tmp_path: Path,
                                                              releases: Path) -> None:
    at_once = open_store(tmp_path / "at_once.db")
    import_paths(at_once, [releases], jobs=1, extract=extract)
    one_by_one = open_store(tmp_path / "one_by_one.db")
    for path in sorted(releases.iterdir()):
        import_paths(one_by_one, [path], jobs=1, extract=extract)
    tables = ("events", "event_sources", "event_people", "event_bodies", "people", "roles",
              "mentions", "decisions", "items")
    for table in tables:
        rows = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert (at_once.conn.execute(rows).fetchall()
                == one_by_one.conn.execute(rows).fetchall()), table
    for s in (at_once, one_by_one):
        s.close()


def test_a_refused_file_in_a_first_build_takes_only_itself(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE_A, encoding="utf-8")
    (folder / "b.txt").write_text(RELEASE_B + "BROKEN\n", encoding="utf-8")
    mixed = open_store(tmp_path / "mixed.db")
    report = import_paths(mixed, [folder], jobs=1, extract=extract_breaking_on("BROKEN"))
    assert (report.imported, [Path(f).name for f, _ in report.failed]) == (1, ["b.txt"])
    alone = open_store(tmp_path / "alone.db")
    import_paths(alone, [folder / "a.txt"], jobs=1, extract=extract)
    assert dump(mixed) == dump(alone)
    for s in (mixed, alone):
        s.close()


def test_an_interrupted_rebuild_leaves_the_store_as_it_was(small_store: Store,
                                                           releases: Path) -> None:
    before = dump(small_store)

    def interrupt(done: int, total: int, name: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_paths(small_store, [releases], rebuild=True, jobs=1, extract=extract,
                     progress=interrupt)
    assert dump(small_store) == before


def test_a_cancelled_first_build_keeps_what_it_finished(store: Store, releases: Path,
                                                        tmp_path: Path) -> None:
    done: list[str] = []
    report = import_paths(store, [releases], jobs=1, extract=extract,
                          progress=lambda d, t, n: done.append(n), cancel=lambda: len(done) >= 2)
    assert (report.imported, report.cancelled) == (2, True)
    assert q.stats(store).documents == 2
    fresh = open_store(tmp_path / "fresh.db")
    assert schema(store.conn) == schema(fresh.conn)
    fresh.close()


def test_later_imports_commit_as_they_go(small_store: Store, tmp_path: Path) -> None:
    """Into a store that holds documents, a second's work is committed while the import runs."""
    new = tmp_path / "new.txt"
    new.write_text(RELEASE_B.replace("b.txt", "new.txt") + "On 2023-02-02 a session.\n",
                   encoding="utf-8")
    loader = Loader(small_store.conn, commit_every=0)
    assert not loader.bulk
    from viewer.store.parsing import parse_file
    parsed = parse_file(str(new), extract)
    assert not isinstance(parsed, str)
    loader.write(*parsed, "2023-02-02T00:00:00+00:00")
    reader = sqlite3.connect(small_store.path)
    assert reader.execute("SELECT count(*) FROM documents WHERE name = 'new.txt'").fetchone() == (1,)
    reader.close()
    loader.finish()


def _events_written_with(tmp_path: Path, releases: Path, limit: int) -> list[tuple]:
    from viewer.store.folding import DayEvents
    from viewer.store.parsing import parse_file

    store = open_store(tmp_path / f"limit{limit}.db")
    loader = Loader(store.conn)
    loader.memory.days = DayEvents(limit=limit)
    for path in sorted(releases.iterdir()):
        parsed = parse_file(str(path), extract)
        assert not isinstance(parsed, str)
        loader.write(*parsed, "2024-01-01T00:00:00+00:00")
    loader.finish()
    rows = store.conn.execute("SELECT event_id, id FROM event_sources ORDER BY id").fetchall()
    store.close()
    return rows


def test_folding_is_the_same_when_it_must_read_each_day_again(tmp_path: Path,
                                                              releases: Path) -> None:
    assert (_events_written_with(tmp_path, releases, limit=1)
            == _events_written_with(tmp_path, releases, limit=1_000_000))


def test_a_first_build_keeps_the_indexes_its_own_lookups_read(store: Store) -> None:
    """Files are checked and events folded while the load runs: without their indexes each
    lookup would scan all that was loaded before it."""
    from viewer.store.folding import _LOAD

    loader = Loader(store.conn)
    assert loader.bulk
    lookups = [("SELECT name FROM documents WHERE sha256 = ?", ("x",)),
               (_LOAD, ("meeting", 1, 1)),
               ("SELECT person_id FROM aliases WHERE key IN (?)", ("x",))]
    for sql, args in lookups:
        plan = " ".join(str(r[-1]) for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (sql, plan)
    loader.finish()


def test_remembered_alias_keys_answer_as_the_store_does(small_store: Store) -> None:
    from viewer.store.people import AliasKeys

    conn = small_store.conn
    stored = conn.execute("SELECT key, min(person_id) FROM aliases GROUP BY key").fetchall()
    keys = AliasKeys()
    for key, person_id in stored:
        assert keys.lookup(conn, [key]) == person_id
    assert keys.lookup(conn, ["nobody of that name"]) is None
    every = [k for k, _ in stored]
    assert keys.lookup(conn, every) == min(p for _, p in stored)
    keys.added(every[0], 0)  # a smaller id written under a key already looked up
    assert keys.lookup(conn, [every[0]]) == 0
    keys.added("nobody of that name", 5)
    assert keys.lookup(conn, ["nobody of that name"]) == 5


FOLDED = {
    "1.txt": "# 2022-05-10 Drills\nOn 2022-05-10 the exercise of the Joint Staff took place (inferred).\n",
    "2.txt": "# 2022-05-11 Drills ended\nOn 2022-05-10 the exercise of the Joint Staff and the"
             " Collective Security Council took place in Minsk.\n",
    "3.txt": "# 2022-05-12 Results\nOn 2022-05-10 the exercise of the Joint Staff took place in"
             " Minsk with Stanislav Zas and a plan was adopted (inferred).\n",
}


def _everything_recomputed(store: Store) -> tuple[list[tuple], list[tuple]]:
    from viewer.store.writer import refresh_events

    tables = ("events", "event_bodies", "event_people")
    before = [store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables]
    ids = [r[0] for r in store.conn.execute("SELECT id FROM events")]
    refresh_events(store.conn, ids)
    after = [store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables]
    return before, after


@pytest.mark.parametrize("one_by_one", [False, True])
def test_a_folded_event_is_kept_as_its_sources_make_it(tmp_path: Path, one_by_one: bool) -> None:
    """Each mention brings its event up to date as it is written; recomputing the event from
    all its sources afterwards finds nothing to change."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FOLDED.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "folded.db")
    for paths in ([p] for p in sorted(folder.iterdir())) if one_by_one else [[folder]]:
        import_paths(store, paths, jobs=1, extract=extract)
    (event,) = store.conn.execute(
        "SELECT source_count, certainty, reason, place, decision_count FROM events").fetchall()
    assert event == (3, "stated", "", "Minsk", 1)
    before, after = _everything_recomputed(store)
    assert before == after
    store.close()


def test_a_first_build_knows_no_day_it_has_not_written(store: Store) -> None:
    """Loading an empty store, every stored event went through the writer's memory; once some
    are let go, a day must be read from the store again."""
    from viewer.store.folding import DayEvents, Stored

    loader = Loader(store.conn)
    days = loader.memory.days
    assert days.complete
    store.conn.execute("INSERT INTO events (id, start_day, end_day, precision, certainty, reason,"
                       " kind, title, lane) VALUES (7, 5, 5, 'day', 'stated', '', 'meeting', 'x', 0)")
    assert days.at(store.conn, (5, 5, "meeting")) == []  # written behind its back: not read
    loader.abandon()
    small = DayEvents(limit=1)
    small.complete = True
    for day in (1, 2):
        small.at(store.conn, (day, day, "meeting"))
        small.added((day, day, "meeting"), Stored(day, None, "x", frozenset(), frozenset()))
        assert small.complete  # nothing is let go while a document is being written
        small.settle()
    assert not small.complete
