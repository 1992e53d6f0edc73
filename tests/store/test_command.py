"""The build and add commands: summary, progress on stderr, exit status, refused stores."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from store_fakes import RELEASE_C, extract

from viewer import cli
from viewer.store import parsing
from viewer.store.command import ProgressPrinter


@pytest.fixture(autouse=True)
def toy_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "_default_extractor", lambda: extract)


def test_build_prints_progress_lines_and_a_summary(tmp_path: Path, releases: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "out" / "timeline.db"
    assert cli.main(["build", "--db", str(db), "--jobs", "1", str(releases)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == ["[1/3] a.txt", "[2/3] b.txt", "[3/3] c.txt"]
    lines = out.splitlines()
    assert lines[0] == f"store: {db}"
    assert lines[1].startswith("files: 3 imported, 0 skipped, 0 failed (")
    assert lines[2:] == ["items: 4, events: 6 (2 merged with events already stored), people: 2, "
                         "decisions: 1", "the store holds 3 documents, 4 events, 2 people"]


def test_add_names_each_failed_file_and_exits_non_zero(tmp_path: Path, releases: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "timeline.db"
    (releases / "empty.txt").write_bytes(b"")
    (releases / "blob.dat").write_bytes(bytes(range(256)) * 16)
    (releases / "copy-1251.txt").write_bytes((RELEASE_C.replace("2021", "2022") +
                                              "Совет министров иностранных дел.\n").encode("cp1251"))
    (releases / "page.html").write_text("<html><body><p># 2023-01-01 News</p><p>On 2023-01-01 a"
                                        " session in Minsk.</p></body></html>", encoding="utf-8")
    assert cli.main(["add", "--db", str(db), "--jobs", "1", str(releases)]) == 1
    out, err = capsys.readouterr()
    assert "files: 5 imported, 0 skipped, 2 failed" in out
    assert [line for line in err.splitlines() if line.startswith("failed:")] == [
        f"failed: {releases / 'blob.dat'}: the file looks binary, not text",
        f"failed: {releases / 'empty.txt'}: the file is empty"]
    assert cli.main(["add", "--db", str(db), "--jobs", "1", str(releases / "a.txt")]) == 0
    assert "files: 0 imported, 1 skipped, 0 failed" in capsys.readouterr().out


def test_a_foreign_db_is_refused_and_untouched(tmp_path: Path, releases: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "mine.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    assert cli.main(["build", "--db", str(db), str(releases)]) == 2
    err = capsys.readouterr().err
    assert str(db) in err and "not a CSTO Timeline store" in err
    assert db.read_bytes() == before


def test_progress_bar_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    show = ProgressPrinter(stream, width=10)
    show(1, 2, "a.txt")
    show(2, 2, "b.txt")
    assert stream.getvalue() == (f"\r[#####-----] 1/2 {'a.txt':<40}"
                                 f"\r[##########] 2/2 {'b.txt':<40}\n")
