"""Time the PDF export of 1,000 events from a synthetic store (independent of the extraction's state)."""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.records import (DateValue, Decision, Event, Extraction, Item, Person,  # noqa: E402
                            PersonMention, Span)

KINDS = ("session", "meeting", "consultation", "exercise", "visit", "statement", "operation")
BODIES = ("Collective Security Council", "Council of Foreign Ministers", "Secretariat",
          "Joint Staff", "Collective Forces")
PLACES = ("Moscow", "Minsk", "Bishkek", "Dushanbe", "Yerevan", "Astana")
PEOPLE = ("Stanislav Zas", "Imangali Tasmagambetov", "Владимир Зайнетдинов", "Anatoly Sidorov")
PER_DOC = 10


def make_docs(root: Path, n_events: int, seed: int = 7) -> list[Path]:
    """Files of lines 'ordinal|kind|place|body|person|sentence', one event a line."""
    rnd = random.Random(seed)
    paths = []
    for d in range(0, n_events, PER_DOC):
        lines = []
        for i in range(d, min(n_events, d + PER_DOC)):
            day = date(2012, 1, 1) + timedelta(days=4 * i + rnd.randrange(4))  # no two merge
            lines.append("|".join([str(day.toordinal()), rnd.choice(KINDS), rnd.choice(PLACES),
                                   rnd.choice(BODIES), rnd.choice(PEOPLE),
                                   f"Event {i}: the {rnd.choice(BODIES)} met and reviewed the "
                                   f"implementation of its earlier decisions on collective "
                                   f"security and cooperation in the region."]))
        path = root / f"doc_{d // PER_DOC:05d}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def extract_lines(text: str, name: str) -> Extraction:
    events, decisions, people = [], [], {}
    pos = 0
    for i, line in enumerate(text.split("\n")):
        ordinal, kind, place, body, person, sentence = line.split("|")
        start = pos + len(line) - len(sentence)
        span = Span(start, pos + len(line))
        day = date.fromordinal(int(ordinal))
        value = DateValue(day, day, "day", "stated" if i % 4 else "inferred",
                          "" if i % 4 else "year of the release")
        events.append(Event(name, 0, i, value, span, kind, f"{kind.capitalize()} in {place}",
                            place, (body,), (person,), sentence, span))
        people.setdefault(person, Person(person, (), (), (PersonMention(name, 0, i, span,
                                                                         person),)))
        if i % 3 == 0:
            decisions.append(Decision(name, 0, i, "adopted", body, sentence, span, value,
                                      len(events) - 1))
        pos += len(line) + 1
    item = Item(0, Span(0, len(text)), None, None, None)
    return Extraction(name, text, (item,), (), (), tuple(events), (), tuple(people.values()),
                      tuple(decisions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--keep", metavar="PDF", help="copy the last PDF here")
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    from viewer.export.pdf import export_events
    from viewer.store import queries
    from viewer.store.db import open_store
    from viewer.store.ingest import import_paths

    app = QGuiApplication([])  # noqa: F841 - fonts and painting need it
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with open_store(root / "bench.db") as store:
            import_paths(store, make_docs(root, args.events), jobs=1, extract=extract_lines)
            ids = queries.event_ids(store)
            out = root / "bench.pdf"
            times, cpu = [], []
            for _ in range(4):
                t0, c0 = time.perf_counter(), time.process_time()
                result = export_events(store, ids, out, f"{len(ids):,} events, benchmark")
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            from viewer.export.data import load_events

            t0 = time.perf_counter()
            load_events(store, ids)
            loading = time.perf_counter() - t0
            if args.keep:
                Path(args.keep).write_bytes(out.read_bytes())
    warm = sorted(times[1:])[len(times[1:]) // 2]
    warm_cpu = sorted(cpu[1:])[len(cpu[1:]) // 2]
    print(f"export of {result.events:,} events: first {times[0]:.3f} s (fonts loaded), "
          f"median of the next 3 {warm:.3f} s ({warm_cpu:.3f} s CPU), of which reading the store "
          f"{loading:.3f} s; "
          f"{result.pages} pages, {result.bytes / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
