"""How an import's writes are grouped into transactions, and how an empty store is loaded fast.

Every file is written inside a savepoint of its own, so a file the store refuses is rolled back
alone and the rest of the import goes on. Files share transactions:

- Into a store that already holds documents, the open transaction is committed once a second,
  not after every file: each commit writes the full-text index's pending terms out as a new
  segment, which costs more than the file itself. A crash loses at most that second of work.
- Into an empty store (a first build, or a rebuild), the whole import is one transaction, and
  the indexes that only readers use and the full-text triggers are set aside while it runs and
  rebuilt in one pass before the commit: sorting a finished table into an index is several
  times cheaper than keeping the index in order row by row. A failed or interrupted build
  therefore leaves the store exactly as it was; a cancelled one keeps the files it finished.
"""
from __future__ import annotations

import sqlite3
import time

from viewer.records import Extraction
from viewer.sources import Source
from viewer.store.queries import cache_timeline
from viewer.store.schema import PEOPLE_SUMMARY
from viewer.store.writer import Remembered, Written, clear, refresh_people, write_document

# The indexes an import itself reads through while loading: finding a file's content already
# stored, folding a mention into a stored event, matching people by alias, and recomputing a
# merged event from its sources. Every other index serves readers only.
WRITER_READS = frozenset({"documents_sha256", "events_kind", "aliases_key",
                          "event_sources_event", "decisions_event"})
FULL_TEXT = ("items_fts", "events_fts")
BULK_CACHE_KIB = 256 * 1024  # SQLite's page cache while an empty store is loaded


class Loader:
    """Writes parsed files into one store; call finish() (or use it as a context manager)."""

    def __init__(self, conn: sqlite3.Connection, *, rebuild: bool = False,
                 commit_every: float = 1.0) -> None:
        self.conn = conn
        self.commit_every = commit_every
        self.began: float | None = None  # when the open transaction began
        self.touched: set[int] = set()   # people whose summaries are stale in this transaction
        self.set_aside: list[str] = []   # CREATE statements to run again when a bulk load ends
        self.memory = Remembered()        # what was read of the store, kept between files
        self._begin()
        if rebuild:
            self._set_aside()
            clear(conn)
        elif conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]:
            self._set_aside()
        self.bulk = bool(self.set_aside)
        # The store is empty: every event it will hold passes through the writer's memory.
        self.memory.days.complete = self.bulk
        self._cache_size: int | None = None
        if self.bulk:
            # One long transaction: pages that leave SQLite's small default cache must be
            # found again in the write-ahead log, whose index grows with every page written.
            self._cache_size = int(conn.execute("PRAGMA cache_size").fetchone()[0])
            conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")

    def write(self, src: Source, extraction: Extraction, imported_at: str) -> Written:
        """Write one file whole, or (raising) nothing of it."""
        if self.began is None:
            self._begin()
        self.conn.execute("SAVEPOINT file")
        try:
            written = write_document(self.conn, src, extraction, imported_at, summaries=False,
                                     memory=self.memory)
        except BaseException:
            self.memory.clear()  # it may hold rows the rollback takes back
            self.conn.execute("ROLLBACK TO file")
            self.conn.execute("RELEASE file")
            raise
        self.conn.execute("RELEASE file")
        self.touched |= written.touched
        if not self.bulk and time.monotonic() - self.began >= self.commit_every:  # type: ignore[operator]
            self._commit()
        return written

    def finish(self) -> None:
        """Commit what was written, with summaries, indexes and full-text tables brought up to date."""
        if self.began is None:
            return
        if self.bulk:
            for sql in self.set_aside:
                self.conn.execute(sql)
            for table in FULL_TEXT:
                self.conn.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            self.conn.execute(PEOPLE_SUMMARY.format(where=""))
            cache_timeline(self.conn)  # so the first window on a new store opens at once
            self.set_aside = []
            self.touched.clear()
        self._commit()

    def abandon(self) -> None:
        """Roll back everything not yet committed."""
        if self.began is not None:
            self.began = None
            self.conn.execute("ROLLBACK")
        self._restore_cache()

    def __enter__(self) -> "Loader":
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        # A cancel returns normally and keeps what was done; an error or an interrupt that
        # escapes the import takes back the open transaction.
        if kind is None:
            self.finish()
        else:
            self.abandon()

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.began = time.monotonic()

    def _commit(self) -> None:
        refresh_people(self.conn, self.touched)
        self.touched.clear()
        self.began = None
        self.conn.execute("COMMIT")
        self._restore_cache()

    def _restore_cache(self) -> None:
        if self._cache_size is not None:
            self.conn.execute(f"PRAGMA cache_size = {self._cache_size}")
            self._cache_size = None

    def _set_aside(self) -> None:
        rows = self.conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY type, name").fetchall()
        for kind, name, sql in rows:
            if kind == "index" and name in WRITER_READS:
                continue
            self.conn.execute(f"DROP {kind.upper()} {name}")
            self.set_aside.append(sql)
