"""The benchmark's measurements on one generated archive; what the app cannot do yet is None."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from viewer.bench.generate import Corpus, Writer

FRAME_W, FRAME_H = 1600, 600


class Repeats:
    """How many times each latency is sampled; a smoke run (under 1,000 events) samples a few only."""

    def __init__(self, quick: bool = False) -> None:
        self.frames, self.sequence, self.filters = (5, 20, 3) if quick else (30, 200, 15)
        self.cold, self.export, self.add = (1, 1, 1) if quick else (5, 3, 3)
Stats = dict[str, float]


def percentiles(seconds: list[float]) -> Stats:
    """p50 and p95 in milliseconds."""
    a = np.asarray(seconds, dtype=float) * 1000
    return {"p50": round(float(np.percentile(a, 50)), 2), "p95": round(float(np.percentile(a, 95)), 2)}


def timed(fn: Callable[[], object], repeats: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _probe(*args: str, timeout: float = 3600, home: Path | None = None) -> tuple[dict[str, Any], float]:
    """Run a probe in a fresh interpreter; returns its JSON and the wall-clock time it was launched."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if home is not None:  # the window's settings go here, not into the user's own
        env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    launched = time.time()
    proc = subprocess.run([sys.executable, "-m", "viewer.bench.probe", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        raise RuntimeError(f"probe {args[0]} failed: {proc.stderr.strip()[-800:]}")
    return json.loads(lines[-1]), launched


def build(corpus: Corpus, db: Path, jobs: int | None) -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    _flush_disk()  # the corpus just written is not flushed during the build ...
    out, _ = _probe("build", str(db), str(corpus.root / "files"), *([str(jobs)] if jobs else []))
    _flush_disk()  # ... nor the store during the latencies measured next
    mb = corpus.bytes / 1e6
    return {"build_s": round(out["seconds"], 2), "build_mb_per_s": round(mb / out["seconds"], 2),
            "build_events_per_s": round(corpus.events / out["seconds"]),
            "build_peak_mb": round(out["peak_mb_main"] + out["peak_mb_worker"], 1),
            "stored": {k: out[k] for k in ("imported", "failed", "items", "events", "people", "decisions")},
            "store_mb": round(store_mb(db), 1), "corpus_mb": round(mb, 1), "files": len(corpus.files)}


def _flush_disk() -> None:
    """Wait until the system has written out what is pending: at a million events that is
    gigabytes, and writing it back in the background slows whatever is being timed."""
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()


def store_mb(db: Path) -> float:
    return sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()) / 1e6


def add_one(store: Any, corpus: Corpus, repeats: int = 3) -> Stats:
    """Import one new file into the built store, `repeats` times with different files."""
    from viewer.store.ingest import import_paths

    extra = corpus.root / "extra"
    extra.mkdir(exist_ok=True)
    writer = Writer(seed=777, n_events=1000)
    samples = []
    for i in range(repeats):
        doc, text, _ = writer.file(900_000 + i + int(time.time()) % 10_000 * 10, keep=False)
        path = extra / doc
        path.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        import_paths(store, [path], jobs=1)
        samples.append(time.perf_counter() - t0)
    return {"p50": round(float(np.median(samples)), 3), "max": round(max(samples), 3)}


def cold_start(db: Path, repeats: int = 5) -> dict[str, Any]:
    samples, rss, what = [], [], ""
    for _ in range(repeats):
        out, launched = _probe("coldstart", str(db), timeout=120, home=db.parent / "home")
        samples.append(out["painted_at"] - launched)
        rss.append(out["rss_mb"])
        what = out["what"]
    return {"cold_start_s": round(float(np.median(samples)), 3), "cold_start_max_s": round(max(samples), 3),
            "cold_start_of": what, "rss_mb": round(float(np.median(rss)), 1)}


# -- in-process GUI measurements ---------------------------------------------------------------------

def qt_app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])


def _timeline_view() -> Any:
    from viewer.ui.timeline.view import TimelineView
    view = TimelineView()
    view.resize(FRAME_W, FRAME_H)
    return view


def frames(store: Any, columns: Any = None, r: Repeats = Repeats()) -> dict[str, Stats]:
    """Paint times of the timeline on the whole store (or on given columns), rendered into an image."""
    from PySide6.QtGui import QImage

    from viewer.store.queries import event_columns
    from viewer.ui.timeline.data import TimelineData

    qt_app()
    view = _timeline_view()
    data = TimelineData.from_columns(columns if columns is not None else event_columns(store))
    view.set_data(data)
    image = QImage(FRAME_W, FRAME_H, QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        view.render(image)  # the widget's own paintEvent, into an image instead of the screen

    lo, hi = data.extent() or (0.0, 1.0)
    first = int(data.start.min()) if len(data) else 0
    busiest = float(np.bincount(data.start - first).argmax() + first) if len(data) else 0.0
    out: dict[str, Stats] = {}
    view.zoom_fit()
    out["fit"] = percentiles(timed(paint, r.frames))
    view.set_visible_range(busiest - 182.6, busiest + 182.6)
    out["year"] = percentiles(timed(paint, r.frames))
    view.set_visible_range(busiest - 3.5, busiest + 3.5)
    out["week"] = percentiles(timed(paint, r.frames))
    view.zoom_fit()
    a, b = view.visible_range()
    rng = np.random.default_rng(7)
    steps = []
    for i in range(r.sequence):  # zoom in about the busy years, pan about, zoom back out
        span = b - a
        phase = i * 200 // r.sequence  # the same script, shorter in a smoke run
        if phase < 80 or phase >= 140:
            factor = 1 / 1.12 if phase < 80 else 1.12
            anchor = a + span * float(rng.uniform(0.3, 0.7)) if phase >= 140 else busiest
            a, b = anchor - (anchor - a) * factor, anchor + (b - anchor) * factor
        else:
            shift = span * float(rng.uniform(-0.15, 0.15))
            a, b = a + shift, b + shift
        t0 = time.perf_counter()
        view.set_visible_range(a, b)
        paint()
        steps.append(time.perf_counter() - t0)
        a, b = view.visible_range()  # the view may clamp
    out["sequence"] = percentiles(steps)
    return out


def filter_cases(store: Any) -> dict[str, Any]:
    from viewer.store.filters import EventFilter
    from viewer.store.queries import people

    top = people(store, order="count")
    person = top[min(3, len(top) - 1)].id if top else 0
    return {"text": EventFilter(text="consultations"),
            "person": EventFilter(people=(person,)),
            "body": EventFilter(bodies=("Council of Foreign Ministers",)),
            "date": EventFilter(date_from=date(2015, 1, 1), date_to=date(2016, 12, 31)),
            "combined": EventFilter(text="meeting", people=(person,), bodies=("Secretariat",),
                                    date_from=date(2005, 1, 1), date_to=date(2025, 12, 31))}


def filters(store: Any, root: Path, repeats: int = 15) -> tuple[dict[str, Any], str]:
    """From a filter change until the event list and the timeline show the result.

    Through the main window's own apply_filter when the window can be built (list model reset,
    timeline data, overview, counts), else the same steps composed here from the store and the widgets.
    """
    from viewer.store.queries import event_columns, events_by_ids
    from viewer.ui.timeline.data import TimelineData

    qt_app()
    window = None
    try:
        from PySide6.QtCore import QSettings

        from viewer.ui.main_window import MainWindow
        from viewer.ui.settings import Settings

        ini = root / "bench-settings.ini"
        ini.unlink(missing_ok=True)
        window = MainWindow(store, Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
        settle(1.0)  # what the window loads lazily after opening is done before the timing starts
        apply, how = window.apply_filter, "main window apply_filter"
    except ImportError:
        from viewer.ui.models.events import EventsModel
        model = EventsModel(lambda ids: events_by_ids(store, ids))

        def apply(f: Any) -> None:
            cols = event_columns(store, f)
            model.set_columns(cols)
            model.event(0)  # the first visible page of rows, as the list shows it
            TimelineData.from_columns(cols)
        how = "store query, list model reset, timeline data"
    out: dict[str, Any] = {}
    for name, f in filter_cases(store).items():
        out[name] = percentiles(timed(partial(apply, f), repeats, warmup=2))
        out[name]["events"] = len(event_columns(store, f))  # how many the filter lets through
    if window is not None:  # gone before the store closes, with nothing of it left queued
        settle(0.2)
        window.deleteLater()
        settle(0.1)
    return out, how


def settle(seconds: float) -> None:
    """Let queued and deferred work (timers, deleteLater) run for a while."""
    from PySide6.QtCore import QCoreApplication, QEvent

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        time.sleep(0.005)


def export_1000(store: Any, out_dir: Path, repeats: int = 3) -> dict[str, Any]:
    from viewer.export.pdf import export_events
    from viewer.store.queries import event_ids

    qt_app()
    ids = event_ids(store)
    first = max(0, min(len(ids) // 3, len(ids) - 1000))  # from the middle years when there are enough
    picked = ids[first:first + 1000]
    out = out_dir / "export_1000.pdf"
    seconds, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = export_events(store, picked, out, "1,000 events, benchmark selection")
        seconds.append(time.perf_counter() - t0)
    assert result is not None
    return {"export_1000_s": round(float(np.median(seconds)), 3), "export_pages": result.pages,
            "export_bytes": result.bytes, "export_events": len(picked)}


def accuracy(corpus: Corpus) -> dict[str, Any]:
    """Extraction F1 on the files the truth covers (all of them, or a sample on large corpora)."""
    from viewer.bench.accuracy import event_recall_by_form, prediction, score
    from viewer.extract import extract_document

    truth = json.loads(corpus.truth_path.read_text(encoding="utf-8"))
    docs = sorted({e["doc"] for e in truth["events"]} | {d["doc"] for d in truth["decisions"]}
                  | {d for p in truth["people"] for d in p["docs"]})
    files = corpus.root / "files"
    extractions = [extract_document((files / d).read_text(encoding="utf-8"), d) for d in docs]
    pred = prediction(extractions)
    out: dict[str, Any] = {k: round(s.f1, 4) for k, s in score(truth, pred).items()}
    out["event_recall_by_form"] = event_recall_by_form(truth, pred)
    out["docs_scored"] = len(docs)
    out["events_scored"] = len(truth["events"])
    return out


def guarded(name: str, fn: Callable[[], Any], notes: list[str]) -> Any:
    """Run one measurement; a part of the app that is missing or fails gives None and a note."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - one missing part must not stop the others
        notes.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
        return None



def synthetic_columns(n: int, seed: int = 11) -> Any:
    """Timeline columns of n events spread like the generated archive (1992-2026, crowded summit weeks),
    for sizes whose store cannot be built in the time at hand: frames need only the columns."""
    from types import SimpleNamespace

    rng = np.random.default_rng(seed)
    first, last = date(1992, 5, 15).toordinal(), date(2026, 11, 20).toordinal()
    spread = rng.integers(first, last, n)
    summits = rng.integers(first, last, 70)  # two a year
    crowded = summits[rng.integers(0, len(summits), n)] + rng.integers(-3, 4, n)
    start = np.sort(np.where(rng.random(n) < 0.3, crowded, spread))
    length = np.where(rng.random(n) < 0.1, rng.integers(1, 20, n), 0)
    return SimpleNamespace(ids=np.arange(1, n + 1), start_days=start, end_days=start + length,
                           lanes=rng.integers(0, 13, n), kinds=rng.integers(0, 11, n),
                           inferred=rng.random(n) < 0.3, sources=rng.integers(1, 4, n))
