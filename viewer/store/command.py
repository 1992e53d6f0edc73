"""The `build` and `add` commands: import files with progress on stderr and a summary."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from viewer.store.db import StoreError, open_store
from viewer.store.ingest import ImportReport, import_paths
from viewer.store.location import usable_store_path


class ProgressPrinter:
    """A bar redrawn in place on a terminal; one plain line per file anywhere else."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.width = width

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.tty:
            filled = self.width * done // max(total, 1)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{done}/{total}] {name}\n")
        self.stream.flush()


def summary(report: ImportReport, seconds: float, db: Path) -> list[str]:
    lines = [f"store: {db}",
             f"files: {report.imported} imported, {report.skipped} skipped, "
             f"{len(report.failed)} failed ({seconds:.1f} s)",
             f"items: {report.items}, events: {report.events} "
             f"({report.merged} merged with events already stored), people: {report.people}, "
             f"decisions: {report.decisions}"]
    if report.cancelled:
        lines.append("stopped before the end: the files imported so far are kept")
    return lines


def _run(args: argparse.Namespace, rebuild: bool) -> int:
    db = Path(args.db).expanduser() if getattr(args, "db", None) else usable_store_path()
    paths = list(args.paths or [])
    if not paths:
        from viewer.resources import seeds_dir
        paths = [seeds_dir()]
    try:
        store = open_store(db)
    except StoreError as exc:
        print(f"csto-timeline: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with store:
        report = import_paths(store, paths, rebuild=rebuild, jobs=getattr(args, "jobs", None),
                              progress=ProgressPrinter(sys.stderr))
        totals = store.conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM people)").fetchone()
    for line in summary(report, time.perf_counter() - started, db):
        print(line)
    print(f"the store holds {totals[0]} documents, {totals[1]} events, {totals[2]} people")
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    return 1 if report.failed else 0


def build(args: argparse.Namespace) -> int:
    return _run(args, rebuild=True)


def add(args: argparse.Namespace) -> int:
    return _run(args, rebuild=False)
