"""export_events against real stores: the tiny fixed store and the bundled seeds."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from viewer.export.data import load_events
from viewer.export.pdf import export_events

CREATED = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_events_gather_decisions_and_every_source(tiny_store_path: Path) -> None:
    from viewer.store import queries
    from viewer.store.db import open_store

    with open_store(tiny_store_path, create=False) as store:
        ids = queries.event_ids(store)
        events = load_events(store, list(reversed(ids)))  # any order in, date order out
    assert [(e.kind, e.date.start.isoformat(), len(e.sources), len(e.decisions))
            for e in events] == [("statement", "2019-11-01", 1, 0), ("session", "2019-11-28", 2, 1),
                                 ("exercise", "2020-01-01", 1, 0)]
    session = events[1]
    assert sorted(s.doc for s in session.sources) == ["exercise_2020.txt", "summit_2019.txt"]
    assert [(d.kind, d.body, d.text) for d in session.decisions] == [
        ("adopted", "Collective Security Council",
         "The Council adopted the budget of the Organization for 2020.")]


def test_export_from_the_tiny_store(qapp: object, tiny_store_path: Path, tmp_path: Path) -> None:
    from viewer.store import queries
    from viewer.store.db import open_store

    out = tmp_path / "tiny.pdf"
    with open_store(tiny_store_path, create=False) as store:
        result = export_events(store, queries.event_ids(store), out, "All events",
                               created=CREATED)
    pages, text = pdf_text(out)
    assert (result.events, result.pages) == (3, pages)
    for expected in ("3 events", "Nov 2019", "date inferred: month of the release's publication",
                     "Брифинг пресс-секретаря ОДКБ", "Владимир Зайнетдинов провёл брифинг",
                     "28 Nov 2019", "Session of the Collective Security Council",
                     "The Council adopted the budget of the Organization for 2020.",
                     "summit_2019.txt", "exercise_2020.txt", "2020", "Exercise Interaction-2020",
                     "Minsk", "Collective Forces"):
        assert expected in text, expected


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir_path: Path) -> Path:
    from viewer.store.db import open_store
    from viewer.store.ingest import import_paths

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(path) as store:
        report = import_paths(store, [seeds_dir_path], jobs=1)
    if report.failed or report.events == 0:
        pytest.skip(f"the seeds do not import yet: {report.failed[:1] or 'no events'}")
    return path


def test_export_the_seeds(qapp: object, seeds_store: Path, tmp_path: Path) -> None:
    from viewer.export.text import format_date
    from viewer.store import queries
    from viewer.store.db import open_store

    out = tmp_path / "seeds.pdf"
    with open_store(seeds_store, create=False) as store:
        ids = queries.event_ids(store)
        events = load_events(store, ids)
        result = export_events(store, ids, out, "All events", created=CREATED)
    pages, text = pdf_text(out)
    assert (result.events, result.pages) == (len(ids), pages)
    assert f"{len(ids):,} events" in text
    for e in events:
        assert " ".join(e.title.split()) in text
        assert format_date(e.date) in text
        assert all(s.doc in text for s in e.sources)
