"""Files -> extraction (in parallel) -> tables (one writer; each file all or nothing)."""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from viewer.records import Extraction
from viewer.sources import Source, collect_sized_files, file_hash
from viewer.store.db import Store
from viewer.store.loader import Loader
from viewer.store.parsing import (IMPORT_GC_THRESHOLDS, Extractor, Parsed, parse_file, parse_files,
                                  set_up_worker)

Progress = Callable[[int, int, str], None]
SERIAL_BYTES = 512 * 1024  # below this much to parse, one process is quicker than a pool
AHEAD_FILES = 64  # per worker: files parsed or being parsed ahead of the writer, at most
AHEAD_BYTES = 64 * 1024 * 1024  # and their size at most (but always one batch per worker)
BATCH_FILES, BATCH_BYTES = 16, 256 * 1024  # one task for a worker: this many files or bytes


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    items: int = 0
    events: int = 0          # event mentions read from the imported files
    people: int = 0          # distinct people named in them
    decisions: int = 0
    merged: int = 0          # event mentions folded into an event already stored
    cancelled: bool = False


def _parsed_in_order(paths: Iterable[str], jobs: int, extract: Extractor | None,
                     cancel: Callable[[], bool],
                     size_of: Callable[[str], int]) -> Iterator[tuple[str, Parsed]]:
    if jobs <= 1:
        for path in paths:
            if cancel():
                return
            yield path, parse_file(path, extract)
        return
    # Never plain fork: the window imports from a worker thread, and forking a threaded
    # process can leave a child holding a lock forever.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool: ProcessPoolExecutor | None = None  # started at the first file to parse, if any
    stopped = False
    queue = iter(paths)
    # A sliding window: wide enough that the workers never wait for the writer to catch up
    # (a file's parse and its write take turns on two cores), bounded in files and bytes so
    # that parsed files do not pile up in memory ahead of the writer. Files go to the workers
    # in small batches, since sending a task and its result costs the writer's process
    # about as much as writing a short release.
    pending: deque[tuple[list[str], Future[list[Parsed]] | None, int]] = deque()
    ahead = [0, 0]  # files and bytes in the window
    broken = False

    def room() -> bool:
        return len(pending) < jobs or (ahead[0] < AHEAD_FILES * jobs and ahead[1] < AHEAD_BYTES)

    def submit(batch: list[str], size: int) -> None:
        nonlocal broken, pool
        ahead[0] += len(batch)
        ahead[1] += size
        if not broken:
            try:
                if pool is None:
                    pool = ProcessPoolExecutor(max_workers=jobs,
                                               mp_context=multiprocessing.get_context(method),
                                               initializer=set_up_worker)
                pending.append((batch, pool.submit(parse_files, batch, extract), size))
                return
            except BrokenProcessPool:
                broken = True
        pending.append((batch, None, size))  # parsed here, in this process

    def fill() -> None:
        while room():
            batch: list[str] = []
            size = 0
            for path in queue:
                batch.append(path)
                size += size_of(path)
                if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
                    break
            if not batch:
                return
            submit(batch, size)

    try:
        fill()
        while pending:
            if cancel():
                stopped = True
                return
            batch, fut, size = pending.popleft()
            ahead[0] -= len(batch)
            ahead[1] -= size
            results: list[Parsed] | None = None
            if fut is not None:
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    # Workers that cannot start (no importable __main__, a frozen app) or that
                    # were killed: the rest of the import is parsed in this process.
                    broken = True
                except Exception as exc:  # noqa: BLE001 - a worker's error takes only its files
                    results = [f"the parser stopped unexpectedly ({type(exc).__name__})"] * len(batch)
            fill()
            for i, path in enumerate(batch):
                if i and cancel():
                    stopped = True
                    return
                yield path, results[i] if results is not None else parse_file(path, extract)
    finally:
        # On cancel, do not wait for files being parsed: their results are not wanted.
        if pool is not None:
            pool.shutdown(wait=not stopped, cancel_futures=True)


def import_paths(store: Store, paths: Iterable[str | Path], *, rebuild: bool = False,
                 jobs: int | None = None, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None,
                 extract: Extractor | None = None) -> ImportReport:
    """Import files and folders; unchanged files are skipped, changed ones replace their past."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*IMPORT_GC_THRESHOLDS)
    try:
        return _import(store, paths, rebuild=rebuild, jobs=jobs, progress=progress,
                       cancel=cancel, extract=extract)
    finally:
        gc.set_threshold(*thresholds)


def _import(store: Store, paths: Iterable[str | Path], *, rebuild: bool, jobs: int | None,
            progress: Progress | None, cancel: Callable[[], bool] | None,
            extract: Extractor | None) -> ImportReport:
    report = ImportReport()
    sized, missing = collect_sized_files(paths)
    files = list(sized)
    report.failed.extend(missing)
    should_stop = cancel or (lambda: False)
    total = len(files)
    done = 0
    people: set[int] = set()
    # a build that found nothing to read keeps the store it had
    with Loader(store.conn, rebuild=rebuild and bool(files)) as loader:
        seen: dict[tuple[str, str], str] = {}  # names and contents met earlier in this import
        # Into an empty store no file can be unchanged: contents are compared once parsed,
        # by the hash the worker took, and the writer's process reads no file itself.
        hash_first = not loader.bulk

        def to_parse() -> Iterator[str]:
            """The files to parse, checked as the workers ask for more, so that reading and
            hashing an archive overlaps parsing it."""
            nonlocal done
            for path in files:
                reason = _skip_reason(store, path, seen) if hash_first else _name_taken(path, seen)
                if reason is None:
                    yield str(path)
                    continue
                done += 1
                if reason.startswith("!"):
                    report.failed.append((str(path), reason[1:]))
                else:
                    report.skipped += 1
                if progress:
                    progress(done, total, path.name)

        sizes = {str(p): size for p, size in sized.items()}
        workers = jobs or os.cpu_count() or 1
        if len(files) <= 1 or (jobs is None and sum(sizes.values()) < SERIAL_BYTES):
            workers = 1  # starting worker processes costs more than parsing a few releases
        for name, parsed in _parsed_in_order(to_parse(), workers, extract, should_stop,
                                             lambda path: sizes.get(path, 0)):
            done += 1
            if isinstance(parsed, str):
                report.failed.append((name, parsed))
            elif not hash_first and _content_seen(parsed[0].sha256, parsed[0].name, seen):
                report.skipped += 1
            else:
                _write(loader, parsed, report, people, name)
            if progress:
                progress(done, total, Path(name).name)
    report.cancelled = done < total
    report.people = len(people)
    return report


def _skip_reason(store: Store, path: Path, seen: dict[tuple[str, str], str]) -> str | None:
    """None to import; a reason to skip; '!' + a reason to fail without reading further."""
    try:
        digest = file_hash(path)
    except OSError as exc:
        return f"!the file cannot be read ({exc.strerror or exc})"
    reason = _name_taken(path, seen) or _content_seen(digest, path.name, seen)
    if reason is not None:
        return reason
    row = store.conn.execute("SELECT name FROM documents WHERE sha256 = ? ORDER BY name = ? DESC",
                             (digest, path.name)).fetchone()
    if row is not None:
        return "unchanged" if row[0] == path.name else f"the same content as {row[0]}"
    return None


def _name_taken(path: Path, seen: dict[tuple[str, str], str]) -> str | None:
    """A failure if an earlier file of this import has the same name (names are identities)."""
    if ("name", path.name) in seen:
        return f"!another file named {path.name} is in this import ({seen['name', path.name]})"
    seen["name", path.name] = str(path)
    return None


def _content_seen(digest: str, name: str, seen: dict[tuple[str, str], str]) -> str | None:
    """A reason to skip if an earlier file of this import has the same content."""
    if ("sha256", digest) in seen:
        return f"the same content as {seen['sha256', digest]}"
    seen["sha256", digest] = name
    return None


def _write(loader: Loader, parsed: tuple[Source, Extraction], report: ImportReport,
           people: set[int], path: str) -> None:
    src, extraction = parsed
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        written = loader.write(src, extraction, stamp)
    except Exception as exc:  # noqa: BLE001 - rolled back whole; the batch goes on
        report.failed.append((path, f"the store refused it ({type(exc).__name__}: {exc})"))
        return
    report.imported += 1
    report.items += written.items
    report.events += written.events
    report.merged += written.merged
    report.decisions += written.decisions
    people.update(written.people)
