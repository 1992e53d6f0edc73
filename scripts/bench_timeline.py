"""Measure timeline frame times (fit, one year, one week, a zoom) at 100,000 and 1,000,000 generated events.

Each zoom level paints a sequence of frames panned by 3% of the span, as a user dragging would, into
an offscreen image the size of a large window; "zoom" goes from the whole corpus to one week.  Usage: python scripts/bench_timeline.py [N ...]
"""
from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.ui.timeline import scale  # noqa: E402
from viewer.ui.timeline.data import DEFAULT_KINDS, DEFAULT_LANES, TimelineData  # noqa: E402
from viewer.ui.timeline.paint import paint_timeline  # noqa: E402
from viewer.ui.timeline.palette import load_palette  # noqa: E402

WIDTH, HEIGHT = 1400, 700
FRAMES = 60
FIRST = date(1992, 5, 15).toordinal()
LAST = date(2026, 12, 31).toordinal()


def generate(n: int, seed: int = 1) -> TimelineData:
    """Events over 35 years, busier in recent years and in the big councils; some date ranges."""
    rng = np.random.default_rng(seed)
    span = LAST - FIRST
    start = FIRST + (span * np.sqrt(rng.random(n))).astype(np.int64)
    ranged = rng.random(n) < 0.15
    length = np.where(ranged, rng.choice([2, 3, 5, 14, 30, 90], n), 0)
    n_lanes, n_kinds = len(DEFAULT_LANES), len(DEFAULT_KINDS)
    lane_w = 1 / np.arange(1, n_lanes + 1)
    kind_w = 1 / np.arange(1, n_kinds + 1) ** 0.7
    return TimelineData.build(np.arange(1, n + 1), start, start + length,
                              rng.choice(n_lanes, n, p=lane_w / lane_w.sum()),
                              rng.choice(n_kinds, n, p=kind_w / kind_w.sum()), rng.random(n) < 0.2,
                              rng.choice([1, 1, 1, 2, 3], n))


def frames(data: TimelineData, span: float | None) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (this thread) milliseconds per frame: on a loaded machine the CPU time
    is the one to read, the wall clock then also counts time spent waiting for a core."""
    palette = load_palette("light")
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    lo, hi = data.extent() or (FIRST, LAST)
    if span is None:
        states = [scale.ViewState(lo - (hi - lo) * 0.03, hi + (hi - lo) * 0.03, WIDTH)] * FRAMES
    elif span < 0:  # a zoom from the whole corpus down to one week about a day, as with the wheel
        anchor = LAST - 500.0
        spans = np.geomspace(hi - lo, 7.0, FRAMES)
        states = [scale.ViewState(anchor - s * 0.4, anchor + s * 0.6, WIDTH) for s in spans]
    else:
        a = LAST - 4 * span - 400
        states = [scale.ViewState(a + i * span * 0.03, a + i * span * 0.03 + span, WIDTH) for i in range(FRAMES)]
    wall, cpu = [], []
    for state in states:
        painter = QPainter(image)
        t, c = time.perf_counter(), time.thread_time()
        paint_timeline(painter, QRectF(0, 0, WIDTH, HEIGHT), data, state, palette, selection=[1, 2, 3])
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        painter.end()
    return wall, cpu


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([])
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    print(f"{'events':>10} {'zoom':>6} {'median':>7} {'p95':>7} {'max':>7} | {'cpu med':>7} {'cpu p95':>7} "
          f"{'cpu max':>7}  first frame (ms)")
    for n in sizes:
        t = time.perf_counter()
        data = generate(n)
        data.lane_keys, data.kind_table, data.range_keys, data.lane_pos  # noqa: B018 - build the indexes
        prep = (time.perf_counter() - t) * 1000
        print(f"{n:>10,} data and indexes built in {prep:.0f} ms")
        for name, span in (("fit", None), ("year", scale.DAYS_PER_YEAR), ("week", 7.0), ("zoom", -1.0)):
            wall, cpu = frames(data, span)
            w, c = np.array(wall[1:]), np.array(cpu[1:])
            print(f"{n:>10,} {name:>6} {np.median(w):>7.2f} {np.percentile(w, 95):>7.2f} {w.max():>7.2f} | "
                  f"{np.median(c):>7.2f} {np.percentile(c, 95):>7.2f} {c.max():>7.2f}  {wall[0]:.1f}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
