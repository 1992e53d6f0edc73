"""Open a store: refuse foreign or damaged files, set WAL and timeouts, run migrations."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from viewer.store.migrations import SCHEMA_VERSION, migrate
from viewer.store.schema import APPLICATION_ID

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A store cannot be opened or used; the message names the file and the problem."""


@dataclass
class Store:
    path: Path
    conn: sqlite3.Connection

    @property
    def db(self) -> "sqlite_utils.Database":
        """The same connection through sqlite-utils, for table-level work; imported on first use
        because the window's start-up reads through the plain connection only."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or rolled back whole."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
        remember_sound(self.path)  # as this program leaves it: the next open may skip the full check

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _checked_file() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("csto-timeline", appauthor=False)) / "sound-stores.json"


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return [st.st_size, st.st_mtime_ns, wal_size]


def _checked() -> dict[str, list[int]]:
    try:
        data = json.loads(_checked_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def is_known_sound(path: Path) -> bool:
    """Whether the file is unchanged since it was last checked or closed by this program."""
    stamp = _stamp(path)
    return stamp is not None and _checked().get(str(path.resolve())) == stamp


def remember_sound(path: Path) -> None:
    """Record the file's size and time as sound; a cache only: failing to write it is harmless."""
    stamp = _stamp(path)
    if stamp is None:
        return
    checked = _checked()
    checked[str(path.resolve())] = stamp
    try:
        target = _checked_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(checked), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass


def _inspect(path: Path) -> None:
    """Raise StoreError unless path is empty, an empty SQLite file, or a store; read-only."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if not head:
        return  # an empty file holds nothing to lose
    if head != SQLITE_HEADER:
        raise StoreError(f"{path}: not a CSTO Timeline store (the file is not an SQLite database); "
                         "left untouched")
    try:
        # Without a -wal file no writer is at work, and 'immutable' leaves no -shm/-wal debris
        # beside a file we are about to refuse; with one, read it the ordinary way.
        wal = Path(f"{path}-wal").exists()
        flags = "mode=ro" if wal else "mode=ro&immutable=1"
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            # the full check reads every page (0.4 s at 100,000 events): skip it for a file that is
            # byte for byte as this program last left it or last found it sound
            sound = is_known_sound(path)
            check = "ok" if sound else conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the store is damaged and cannot be read ({exc}); "
                         "left untouched") from exc
    if check != "ok":
        raise StoreError(f"{path}: the store is damaged ({check}); left untouched")
    if not sound and app_id == APPLICATION_ID:
        remember_sound(path)
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError(f"{path}: an SQLite database but not a CSTO Timeline store; left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer version of CSTO Timeline (schema {version}, "
                         f"this version reads up to {SCHEMA_VERSION})")


def open_store(path: str | Path, create: bool = True) -> Store:
    """Open (and if need be create or upgrade) the store at path; StoreError if it is not one."""
    path = Path(path).expanduser()
    if path.exists():
        _inspect(path)
    elif not create:
        raise StoreError(f"{path}: no store there")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the folder ({exc.strerror})") from exc
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc
    return Store(path=path, conn=conn)
