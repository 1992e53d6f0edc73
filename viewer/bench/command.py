"""`csto-timeline bench`: generate archives of N events, measure the app on them, print a table, write JSON."""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from viewer.bench import measure as m
from viewer.bench.generate import generate

# Above this size the truth keeps every k-th file only, so it stays small and scoring stays quick.
FULL_TRUTH_EVENTS = 10_000
SAMPLE_DOCS = 1_500


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version(),
                            "cores": os.cpu_count(), "sqlite": sqlite3.sqlite_version}
    try:
        cpu = [ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")]
        info["cpu"] = cpu[0].split(":", 1)[1].strip() if cpu else platform.processor()
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["ram_gb"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        info["cpu"] = platform.processor()
    try:
        import numpy
        import PySide6
        from PySide6 import QtCore
        info.update(pyside6=PySide6.__version__, qt=QtCore.qVersion(), numpy=numpy.__version__)
    except ImportError:
        pass
    return info


def run_one(n: int, workdir: Path, jobs: int | None, log: Any) -> dict[str, Any]:
    from viewer.store.db import open_store

    notes: list[str] = []
    r = m.Repeats(quick=n < 1000)
    root = workdir / f"events_{n}"
    t0 = time.perf_counter()
    corpus = generate(n, root, truth_docs=None if n <= FULL_TRUTH_EVENTS else SAMPLE_DOCS)
    run: dict[str, Any] = {"events": n, "events_written": corpus.events,
                           "generate_s": round(time.perf_counter() - t0, 2)}
    log(f"[{n}] generated {len(corpus.files)} files, {corpus.bytes / 1e6:.1f} MB in {run['generate_s']} s")
    db = root / "store.db"
    built = m.guarded("build", lambda: m.build(corpus, db, jobs), notes)
    run.update(built or {"build_s": None, "build_mb_per_s": None, "store_mb": None})
    log(f"[{n}] build {run.get('build_s')} s, {run.get('store_mb')} MB")
    store = m.guarded("open", lambda: open_store(db, create=False), notes) if built else None
    added = m.guarded("add", lambda: m.add_one(store, corpus, r.add), notes) if store else None
    run["add_one_s"], run["add_one_max_s"] = (added["p50"], added["max"]) if added else (None, None)
    run["frame_ms"] = m.guarded("frames", lambda: m.frames(store, r=r), notes) if store else None
    log(f"[{n}] frames {run['frame_ms']}")
    filtered = m.guarded("filters", lambda: m.filters(store, root, r.filters), notes) if store else None
    run["filter_ms"], run["filter_path"] = filtered or (None, None)
    log(f"[{n}] filters {run['filter_ms']}")
    exported = m.guarded("export", lambda: m.export_1000(store, root, r.export), notes) if store else None
    run.update(exported or {"export_1000_s": None, "export_pages": None})
    if store:
        store.close()
    cold = m.guarded("cold start", lambda: m.cold_start(db, r.cold), notes) if built else None
    run.update(cold or {"cold_start_s": None, "rss_mb": None})
    log(f"[{n}] cold start {run.get('cold_start_s')} s, rss {run.get('rss_mb')} MB")
    run["accuracy"] = m.guarded("accuracy", lambda: m.accuracy(corpus), notes)
    log(f"[{n}] accuracy {run['accuracy']}")
    run["notes"] = notes
    run["load_average"] = _load()  # other processes on the machine make latencies noisy: say how busy
    return run


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


ROWS: tuple[tuple[str, Any], ...] = (
    ("events written", lambda r: r.get("events_written")),
    ("corpus MB / files", lambda r: f"{r.get('corpus_mb')} / {r.get('files')}"),
    ("files imported / failed", lambda r: "{imported} / {failed}".format(**r["stored"]) if r.get("stored") else None),
    ("build s", lambda r: r.get("build_s")),
    ("build MB/s", lambda r: r.get("build_mb_per_s")),
    ("build events/s", lambda r: r.get("build_events_per_s")),
    ("build peak MB", lambda r: r.get("build_peak_mb")),
    ("store MB", lambda r: r.get("store_mb")),
    ("add one file s (p50)", lambda r: r.get("add_one_s")),
    ("cold start s", lambda r: r.get("cold_start_s")),
    *((f"frame {k} ms p50/p95", (lambda k: lambda r: _pair((r.get("frame_ms") or {}).get(k)))(k))
      for k in ("fit", "year", "week", "sequence")),
    *((f"filter {k} ms p50/p95", (lambda k: lambda r: _pair((r.get("filter_ms") or {}).get(k)))(k))
      for k in ("text", "person", "body", "date", "combined")),
    ("export 1,000 s / pages", lambda r: f"{r.get('export_1000_s')} / {r.get('export_pages')}"),
    ("resident MB", lambda r: r.get("rss_mb")),
    ("load average (1 min)", lambda r: (r.get("load_average") or [None])[0]),
    *((f"F1 {k}", (lambda k: lambda r: (r.get("accuracy") or {}).get(k))(k))
      for k in ("events", "people", "decisions")),
)


def _pair(stats: dict[str, float] | None) -> str:
    if not stats:
        return "n/a"
    shown = f" ({stats['events']:,} ev)" if "events" in stats else ""
    return f"{stats['p50']} / {stats['p95']}{shown}"


def table(runs: list[dict[str, Any]]) -> str:
    head = ["measure", *(f"{r['events']:,}" for r in runs)]
    body = [[label, *("n/a" if (v := get(r)) is None else str(v) for r in runs)] for label, get in ROWS]
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    fmt = lambda row: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))  # noqa: E731
    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, body)])


def run(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="csto-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    jobs = getattr(args, "jobs", None)
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    result: dict[str, Any] = {"machine": dict(machine(), load_average_at_start=_load()), "runs": []}
    for n in args.events:
        result["runs"].append(run_one(n, workdir, jobs, log))
        if args.json_out:  # written after each size, so a long run leaves its figures behind
            Path(args.json_out).write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(table(result["runs"]))
    for r in result["runs"]:
        for note in r["notes"]:
            print(f"note ({r['events']:,} events): {note}")
    return 0


def markdown(runs: list[dict[str, Any]]) -> str:
    """The table as Markdown, for the README's Performance section."""
    head = ["measure", *(f"{r['events']:,} events" for r in runs)]
    body = [[label, *("n/a" if (v := get(r)) is None else str(v) for r in runs)] for label, get in ROWS]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---", *("---:" for _ in runs)]) + "|"]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in body)])
