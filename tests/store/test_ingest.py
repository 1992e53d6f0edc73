"""Imports: idempotent builds, incremental adds, replaced files, bad files, atomic failures."""
from __future__ import annotations

from pathlib import Path

import pytest
from store_fakes import dump
from store_fakes import RELEASE_A, RELEASE_B, crash, extract, extract_breaking_on

from viewer.store import queries as q
from viewer.store.db import Store, open_store
from viewer.store.filters import EventFilter
from viewer.store.ingest import ImportReport, import_paths


def _build(store: Store, paths: list[Path], **kw: object) -> ImportReport:
    return import_paths(store, paths, rebuild=True, jobs=1, extract=extract, **kw)  # type: ignore[arg-type]


def test_build_twice_gives_the_same_store(tmp_path: Path, releases: Path) -> None:
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        _build(one, [releases])
        _build(two, [releases])
        first = dump(one)
        _build(one, [releases])
        assert dump(one) == first == dump(two)
        assert len(first) > 40


def test_parallel_parsing_writes_the_same_store(tmp_path: Path, releases: Path) -> None:
    with open_store(tmp_path / "serial.db") as serial, open_store(tmp_path / "par.db") as par:
        _build(serial, [releases])
        report = import_paths(par, [releases], rebuild=True, jobs=2, extract=extract)
        assert (report.imported, report.failed) == (3, [])
        assert dump(par) == dump(serial)


def test_build_report_counts(store: Store, releases: Path) -> None:
    report = _build(store, [releases])
    assert report == ImportReport(imported=3, skipped=0, failed=[], items=4, events=6, people=2,
                                  decisions=1, merged=2)


def test_adding_the_same_files_changes_nothing(small_store: Store, releases: Path) -> None:
    before = dump(small_store)
    report = import_paths(small_store, [releases], jobs=1, extract=extract)
    assert (report.imported, report.skipped, report.failed) == (0, 3, [])
    assert dump(small_store) == before


def test_same_content_under_another_name_is_skipped(small_store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-a.txt"
    copy.write_text(RELEASE_A, encoding="utf-8")
    before = dump(small_store)
    report = import_paths(small_store, [copy], jobs=1, extract=extract)
    assert (report.imported, report.skipped) == (0, 1)
    assert dump(small_store) == before
    twin = tmp_path / "twin.txt"
    twin.write_text(RELEASE_A.replace("2019", "2018"), encoding="utf-8")
    (tmp_path / "twin-copy.txt").write_bytes(twin.read_bytes())
    report = import_paths(small_store, [twin, tmp_path / "twin-copy.txt"], jobs=1, extract=extract)
    assert (report.imported, report.skipped) == (1, 1)


def test_a_first_build_skips_a_copy_once_it_is_read(store: Store, tmp_path: Path) -> None:
    """Into an empty store contents are compared after parsing: a copy is still skipped, and
    a file that cannot be read is refused whoever else holds the same bytes."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASE_A, encoding="utf-8")
    (folder / "b-copy-of-a.txt").write_text(RELEASE_A, encoding="utf-8")
    for name in ("c.bin", "d.bin"):
        (folder / name).write_bytes(bytes(range(256)) * 8)
    report = import_paths(store, [folder], jobs=1, extract=extract)
    assert (report.imported, report.skipped) == (1, 1)
    assert sorted(Path(f).name for f, _ in report.failed) == ["c.bin", "d.bin"]
    assert [r[0] for r in store.conn.execute("SELECT name FROM documents")] == ["a.txt"]


def test_a_changed_file_replaces_its_old_records(small_store: Store, releases: Path) -> None:
    (releases / "b.txt").write_text(
        "# 2019-12-02 Summary of the year\n"
        "On 2020-03-01 a meeting of the Joint Staff was held in Minsk.\n", encoding="utf-8")
    report = import_paths(small_store, [releases], jobs=1, extract=extract)
    assert (report.imported, report.skipped) == (1, 2)
    # the session keeps its two mentions from a.txt; the visit and Semerikov are gone
    assert [s.doc for s in q.event_sources(small_store, 1)] == ["a.txt", "a.txt"]
    rows = q.events_by_ids(small_store, q.event_ids(small_store))
    assert [(r.kind, r.start.isoformat(), r.source_count) for r in rows] == [
        ("session", "2019-11-08", 2), ("exercise", "2019-11-20", 1), ("meeting", "2020-03-01", 1),
        ("meeting", "2021-05-03", 1)]
    assert [p.name for p in q.people(small_store)] == ["Stanislav Zas"]
    assert q.count_events(small_store, EventFilter(text="recalled")) == 0
    assert q.stats(small_store).documents == 3
    for table in ("items_fts", "events_fts"):  # raises if an index disagrees with its rows
        small_store.conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_removing_every_source_of_an_event_removes_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(RELEASE_A, encoding="utf-8")
    import_paths(store, [path], jobs=1, extract=extract)
    path.write_text("# 2019-11-08 Nothing\nNo events here.\n", encoding="utf-8")
    import_paths(store, [path], jobs=1, extract=extract)
    assert (q.event_ids(store), q.people(store), q.stats(store).decisions) == ([], [], 0)


def test_a_failed_write_leaves_the_store_as_it_was(small_store: Store, tmp_path: Path) -> None:
    before = dump(small_store)
    bad = tmp_path / "new.txt"
    bad.write_text(RELEASE_B.replace("Summary", "BROKEN summary") + "On 2022-01-01 a session.\n",
                   encoding="utf-8")
    report = import_paths(small_store, [bad], jobs=1, extract=extract_breaking_on("BROKEN"))
    assert report.imported == 0
    assert [(Path(f).name, r.split(" (")[0]) for f, r in report.failed] == [
        ("new.txt", "the store refused it")]
    assert dump(small_store) == before


def test_a_failed_change_keeps_the_old_version(small_store: Store, releases: Path) -> None:
    before = dump(small_store)
    (releases / "a.txt").write_text(RELEASE_A + "BROKEN\n", encoding="utf-8")
    report = import_paths(small_store, [releases], jobs=1, extract=extract_breaking_on("BROKEN"))
    assert [Path(f).name for f, _ in report.failed] == ["a.txt"]
    assert dump(small_store) == before


def test_a_mixed_folder_imports_the_good_and_names_the_bad(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(RELEASE_A, encoding="utf-8")
    (folder / "win1251.txt").write_bytes(
        (RELEASE_B + "Сессия Совета коллективной безопасности.\n").encode("cp1251"))
    (folder / "page.html").write_text(
        "<html><body><p># 2021-05-03 Ministers</p><p>On 2021-05-03 a meeting of the Council of "
        "Foreign Ministers was held in Moscow.</p><script>x()</script></body></html>")
    (folder / "picture.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    report = import_paths(store, [folder, tmp_path / "missing.txt"], jobs=1, extract=extract)
    assert report.imported == 3
    assert sorted((Path(f).name, r) for f, r in report.failed) == [
        ("empty.txt", "the file is empty"), ("missing.txt", "no such file or folder"),
        ("picture.bin", "the file looks binary, not text")]
    assert [r.kind for r in q.events_by_ids(store, q.event_ids(store))] == [
        "session", "exercise", "visit", "meeting"]
    encodings = dict(store.conn.execute("SELECT name, encoding FROM documents").fetchall())
    assert encodings == {"good.txt": "utf-8", "win1251.txt": "cp1251", "page.html": "utf-8+html"}


def test_an_extraction_error_names_the_file(store: Store, releases: Path) -> None:
    report = import_paths(store, [releases / "a.txt"], jobs=1, extract=crash)
    assert report.failed == [(str(releases / "a.txt"),
                              "the extraction failed (ValueError: no items found)")]
    assert q.stats(store).documents == 0


def test_progress_and_cancel(store: Store, releases: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    report = import_paths(store, [releases], jobs=1, extract=extract,
                          progress=lambda d, t, n: seen.append((d, t, n)),
                          cancel=lambda: len(seen) >= 1)
    assert seen == [(1, 3, "a.txt")]
    assert (report.imported, report.cancelled) == (1, True)


@pytest.mark.parametrize("first, second, events", [
    ("a meeting of the Joint Staff", "a meeting of the Joint Staff in Minsk", 1),   # shared body
    ("a session in Minsk", "a session in Minsk with Stanislav Zas", 1),             # same place
    ("a meeting in Minsk", "a meeting in Minsk with Stanislav Zas", 2),  # many meetings a day
    ("a session in Minsk with Stanislav Zas", "a session with S. Zas", 1),         # same person
    ("a meeting in Minsk with Stanislav Zas", "a meeting with S. Zas", 2),  # his next meeting
    ("a meeting in Minsk with Stanislav Zas", "a meeting in Minsk with Valery Semerikov", 2),
    ("a meeting of the Joint Staff in Minsk", "a meeting of the Joint Staff in Moscow", 2),
    ("a meeting in Minsk", "a session in Minsk", 2),                               # other kind
    ("the exercise “Thunder” of the Joint Staff (that year)",
     "the exercise “Thunder” of the Joint Staff in Minsk (that year)", 1),
    ("the exercise “Thunder” of the Joint Staff (that year)",
     "the exercise “Echelon” of the Joint Staff (that year)", 2),  # a year holds many
    ("a meeting of the Joint Staff", "a meeting of the Collective Security Council", 2),
])
def test_which_mentions_are_one_happening(store: Store, tmp_path: Path, first: str, second: str,
                                          events: int) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(f"# 2020-05-05 News\nOn 2020-05-05 {first}.\n", encoding="utf-8")
    two.write_text(f"# 2020-05-09 Later\nOn 2020-05-05 {second}.\n", encoding="utf-8")
    import_paths(store, [one, two], jobs=1, extract=extract)
    assert q.count_events(store) == events
    assert sum(r.source_count for r in q.events_by_ids(store, q.event_ids(store))) == 2


KILL_MID_WRITE = """
import os, signal, sys
sys.path.insert(0, {fakes!r})
from store_fakes import RELEASE_B, extract
from viewer.sources import Source
from viewer.store.db import open_store
from viewer.store.writer import write_document
store = open_store({db!r})
store.conn.execute("BEGIN IMMEDIATE")
write_document(store.conn, Source("new.txt", "new.txt", "", "utf-8", "h", 1),
               extract(RELEASE_B.replace("2019", "2030"), "new.txt"), "")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_kill_in_the_middle_of_a_write_leaves_the_store_as_it_was(small_store: Store) -> None:
    import subprocess
    import sys

    before = dump(small_store)
    script = KILL_MID_WRITE.format(fakes=str(Path(__file__).parent), db=str(small_store.path))
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2])
    assert done.returncode != 0
    with open_store(small_store.path) as again:
        assert dump(again) == before


def test_two_files_of_one_name_in_one_import(store: Store, tmp_path: Path) -> None:
    for folder, text in (("x", RELEASE_A), ("y", RELEASE_B)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    report = import_paths(store, [tmp_path / "x", tmp_path / "y"], jobs=1, extract=extract)
    assert (report.imported, report.failed) == (1, [(
        str(tmp_path / "y" / "same.txt"),
        f"another file named same.txt is in this import ({tmp_path / 'x' / 'same.txt'})")])


def test_events_written_directly_equal_events_recomputed(small_store: Store) -> None:
    from viewer.store.writer import refresh_events, refresh_people

    before = dump(small_store)
    with small_store.transaction() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM events")]
        refresh_people(conn, refresh_events(conn, ids))
    assert dump(small_store) == before


def test_a_pool_that_cannot_start_falls_back_to_parsing_here(
        tmp_path: Path, releases: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    from viewer.store import ingest

    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def submit(self, *args: object) -> None:
            raise BrokenProcessPool("workers cannot start")

        def shutdown(self, *args: object, **kwargs: object) -> None:
            pass

    with open_store(tmp_path / "serial.db") as serial:
        _build(serial, [releases])
        expected = dump(serial)
    monkeypatch.setattr(ingest, "ProcessPoolExecutor", Broken)
    with open_store(tmp_path / "fallback.db") as store:
        report = import_paths(store, [releases], rebuild=True, jobs=2, extract=extract)
        assert (report.imported, report.failed, dump(store)) == (3, [], expected)


def test_a_build_that_finds_no_file_keeps_the_store(small_store: Store, tmp_path: Path) -> None:
    before = dump(small_store)
    report = import_paths(small_store, [tmp_path / "typo"], rebuild=True, jobs=1, extract=extract)
    assert (report.imported, report.failed) == (0, [(str(tmp_path / "typo"),
                                                     "no such file or folder")])
    assert dump(small_store) == before


def test_an_import_collects_garbage_less_often_and_then_as_before(store: Store,
                                                                  releases: Path) -> None:
    import gc

    from viewer.store.parsing import IMPORT_GC_THRESHOLDS

    before = gc.get_threshold()
    during: list[tuple[int, ...]] = []
    import_paths(store, [releases], jobs=1, extract=extract,
                 progress=lambda *_: during.append(gc.get_threshold()))
    assert set(during) == {IMPORT_GC_THRESHOLDS} and gc.get_threshold() == before
