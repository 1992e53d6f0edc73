"""Store figures: build time and MB/s on the seeds and a 20 MB corpus, query times at size.

Usage: python scripts/bench_store.py [--mb 20] [--synthetic 100000] [--jobs N] [--workdir DIR]

The corpus repeats the seeds with shifted years and rotated month names, so copies describe
different days; a synthetic store of --synthetic events (records written without extraction)
measures the queries at the size the app is designed for.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.records import (DateMention, DateValue, Event, Extraction, Item, Person,  # noqa: E402
                            PersonMention, Sentence, Span)
from viewer.resources import seeds_dir  # noqa: E402
from viewer.store import queries as q  # noqa: E402
from viewer.store.db import Store, open_store  # noqa: E402
from viewer.store.filters import EventFilter  # noqa: E402
from viewer.store.ingest import import_paths  # noqa: E402
from viewer.store.rows import KINDS, LANES  # noqa: E402

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def shifted(text: str, k: int) -> str:
    years, months = k // 12 - 10, k % 12
    text = _YEAR.sub(lambda m: str(int(m.group()) + years), text)
    return _MONTH.sub(lambda m: MONTHS[(MONTHS.index(m.group()) + months) % 12], text)


def make_corpus(folder: Path, mb: float) -> int:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir().glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    size, k = 0, 0
    while size < mb * 2**20:
        for name, text in seeds:
            data = shifted(text, k).encode("utf-8")
            (folder / f"{k:04d}_{name}").write_bytes(data)
            size += len(data)
        k += 1
    return size


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build(db: Path, paths: list[Path], jobs: int | None, **kw: object) -> tuple[float, Store]:
    if db.exists():
        db.unlink()
    store = open_store(db)
    start = time.perf_counter()
    report = import_paths(store, paths, rebuild=True, jobs=jobs, **kw)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    if report.failed:
        print(f"  {len(report.failed)} files failed, first: {report.failed[0]}")
    return seconds, store


def query_figures(store: Store) -> list[tuple[str, float]]:
    extent = q.date_extent(store)
    assert extent is not None
    mid = extent[0] + (extent[1] - extent[0]) / 2
    year = EventFilter(date_from=mid, date_to=mid + timedelta(days=365))
    ids = q.event_ids(store)
    some = ids[len(ids) // 2: len(ids) // 2 + 200]
    person = q.people(store, order="count")[0]
    item = store.conn.execute("SELECT max(id) FROM items").fetchone()[0]
    body = q.facet_bodies(store)[0][0]
    return [
        ("count_events (all)", timed(lambda: q.count_events(store))),
        ("event_columns (all)", timed(lambda: q.event_columns(store))),
        ("event_columns (one year)", timed(lambda: q.event_columns(store, year))),
        ("event_ids, text 'session'", timed(lambda: q.event_ids(store, EventFilter(text="session")))),
        ("event_ids, body + kind", timed(lambda: q.event_ids(store, EventFilter(
            bodies=(body,), kinds=("meeting", "session"))))),
        ("event_ids, person", timed(lambda: q.event_ids(store, EventFilter(people=(person.id,))))),
        ("event_ids, all filters", timed(lambda: q.event_ids(store, EventFilter(
            text="security", people=(person.id,), bodies=(body,), date_from=extent[0],
            date_to=extent[1], decisions_only=False, hide_inferred=True)))),
        ("events_by_ids (200 rows)", timed(lambda: q.events_by_ids(store, some))),
        ("people (by count)", timed(lambda: q.people(store, order="count"))),
        ("holder_of_role", timed(lambda: q.holder_of_role(store, "CSTO Secretary General", mid))),
        ("item_view", timed(lambda: q.item_view(store, item))),
        ("search_positions", timed(lambda: q.search_positions(store, item, "security council"))),
        ("density (all)", timed(lambda: q.density(store))),
        ("facets (bodies, kinds, places)", timed(lambda: (q.facet_bodies(store),
                                                           q.facet_kinds(store),
                                                           q.facet_places(store)))),
    ]


# --- synthetic records: the store at 100,000 events without waiting for the extraction ---
PLACES = ("Moscow", "Minsk", "Astana", "Bishkek", "Dushanbe", "Yerevan", "New York", "Geneva",
          "Almaty", "Kant", "Tashkent", "Beijing")
SURNAMES = ("Zas", "Semerikov", "Tasmagambetov", "Bordyuzha", "Masadykov", "Ordabayev", "Sidorov",
            "Petrov", "Ivanov", "Abdullaev", "Karimov", "Nazarov", "Orlov", "Volkov", "Lebedev")
GIVEN = ("Stanislav", "Valery", "Imangali", "Nikolai", "Taalatbek", "Samat", "Anatoly", "Sergei")
EVENTS_PER_DOC = 1000


def synthetic_extract(text: str, doc: str) -> Extraction:
    rng = random.Random(doc)
    sentences, events, dates, items, mentions = [], [], [], [], []
    people: dict[str, list[PersonMention]] = {}
    pos = 0
    lines = []
    per_item = 50
    for i in range(EVENTS_PER_DOC):
        day = date(1995, 1, 1) + timedelta(days=rng.randrange(0, 31 * 365))
        kind = rng.choice(KINDS[:-1])
        body = rng.choice(LANES[:-1])
        place = rng.choice(PLACES)
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        sentence = (f"On {day.isoformat()} a {kind} of the {body} on regional security was held "
                    f"in {place} with {name}.")
        if i % per_item == 0:
            header = f"Release {i // per_item} of {doc}"
            items.append(Item(i // per_item, Span(pos, pos), day, header, Span(pos, pos + len(header))))
            lines.append(header)
            pos += len(header) + 1
        start = pos
        lines.append(sentence)
        pos += len(sentence) + 1
        span = Span(start, start + len(sentence))
        s = Sentence(i, i // per_item, span, sentence)
        value = DateValue(day, day, "day", "stated" if rng.random() < 0.8 else "inferred",
                          "" if rng.random() < 0.8 else "year from the release")
        dspan = Span(start + 3, start + 13)
        sentences.append(s)
        dates.append(DateMention(dspan, day.isoformat(), value))
        at = sentence.index(name)
        m = PersonMention(doc, s.item, i, Span(start + at, start + at + len(name)), name)
        mentions.append(m)
        people.setdefault(name, []).append(m)
        events.append(Event(doc, s.item, i, value, dspan, kind, f"{kind.capitalize()} of the {body}",
                            place, (body,), (name,), sentence, span))
    text = "\n".join(lines) + "\n"
    items = [Item(it.index, Span(it.span.start, (items[n + 1].span.start - 1) if n + 1 < len(items)
                                 else len(text)), it.published, it.title, it.title_span)
             for n, it in enumerate(items)]
    persons = tuple(Person(n, (n,), (), tuple(ms)) for n, ms in people.items())
    return Extraction(doc, text, tuple(items), tuple(sentences), tuple(dates), tuple(events),
                      tuple(mentions), persons, ())


def split_figures(work: Path, files: list[Path]) -> None:
    """Extraction and store writing timed apart, one core each, on a slice of the corpus."""
    from viewer.store.ingest import parse_file
    from viewer.store.writer import write_document

    start = time.perf_counter()
    parsed = [parse_file(str(f)) for f in files]
    parse_s = time.perf_counter() - start
    mb = sum(f.stat().st_size for f in files) / 2**20
    db = work / "split.db"
    if db.exists():
        db.unlink()
    store = open_store(db)
    start = time.perf_counter()
    for item in parsed:
        if isinstance(item, str):
            continue
        with store.transaction() as conn:
            write_document(conn, item[0], item[1], "")
    write_s = time.perf_counter() - start
    store.close()
    print(f"one core, {mb:.1f} MB: extraction {mb / parse_s:.2f} MB/s, "
          f"store writes {mb / write_s:.2f} MB/s ({len(files) / write_s:.0f} files/s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--workdir")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        seed_mb = sum(p.stat().st_size for p in seeds_dir().glob("*.txt")) / 2**20
        seconds, store = build(work / "seeds.db", [seeds_dir()], args.jobs)
        stats = q.stats(store)
        store.close()
        print(f"seeds: {seed_mb * 1024:.0f} KB, build {seconds:.2f} s, {seed_mb / seconds:.2f} MB/s"
              f" ({stats.events} events, {stats.people} people)")

        corpus_bytes = make_corpus(work / "corpus", args.mb)
        mb = corpus_bytes / 2**20
        seconds, store = build(work / "corpus.db", [work / "corpus"], args.jobs)
        stats = q.stats(store)
        print(f"corpus: {mb:.1f} MB in {len(list((work / 'corpus').iterdir()))} files, build "
              f"{seconds:.1f} s, {mb / seconds:.2f} MB/s ({stats.items} items, {stats.events} "
              f"events, {stats.people} people, {stats.decisions} decisions; store "
              f"{(work / 'corpus.db').stat().st_size / 2**20:.0f} MB)")
        start = time.perf_counter()
        again = import_paths(store, [work / "corpus"], jobs=args.jobs)
        print(f"add of the same corpus again: {time.perf_counter() - start:.2f} s, "
              f"{again.skipped} skipped, {again.imported} imported")
        for label, ms in query_figures(store):
            print(f"  {label:<32} {ms:8.1f} ms")
        store.close()
        split_figures(work, sorted((work / "corpus").iterdir())[:300])

        if args.synthetic:
            docs = max(1, args.synthetic // EVENTS_PER_DOC)
            synth = work / "synthetic"
            synth.mkdir(exist_ok=True)
            for k in range(docs):
                (synth / f"synthetic_{k:04d}.txt").write_text(f"synthetic {k}\n")
            seconds, store = build(work / "synthetic.db", [synth], 1, extract=synthetic_extract)
            stats = q.stats(store)
            print(f"synthetic: {stats.events} events ({args.synthetic} mentions), "
                  f"{stats.people} people, written in {seconds:.1f} s "
                  f"({args.synthetic / seconds:.0f} mentions/s)")
            for label, ms in query_figures(store):
                print(f"  {label:<32} {ms:8.1f} ms")
            store.close()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
