"""The bundled seeds through the real extraction: the build's summary agrees with the extraction."""
from __future__ import annotations

from pathlib import Path

import pytest

from viewer.store import queries as q
from viewer.store.db import Store
from viewer.store.ingest import import_paths

extract_mod = pytest.importorskip("viewer.extract.pipeline")


def test_seed_build_matches_the_extraction_counts(store: Store, seeds_dir: Path) -> None:
    extractions = [extract_mod.extract_document(p.read_text(encoding="utf-8"), p.name)
                   for p in sorted(seeds_dir.glob("*.txt"))]
    report = import_paths(store, [seeds_dir], rebuild=True, jobs=1)
    assert (report.imported, report.failed) == (len(extractions), [])
    assert (report.items, report.events, report.decisions) == (
        sum(len(x.items) for x in extractions), sum(len(x.events) for x in extractions),
        sum(len(x.decisions) for x in extractions))
    stats = q.stats(store)
    assert (stats.documents, stats.items, stats.decisions) == (
        len(extractions), report.items, report.decisions)
    assert stats.events == report.events - report.merged
    assert stats.people == report.people
    assert sum(r.source_count for r in q.events_by_ids(store, q.event_ids(store))) == report.events


def test_semerikov_is_one_person_across_the_seeds(store: Store, seeds_dir: Path) -> None:
    import_paths(store, [seeds_dir], jobs=1)
    found = q.people(store, "semerikov")
    assert [p.name for p in found] == ["Valery Semerikov"]
    assert {r.doc for r in q.person_roles(store, found[0].id)} >= {"000_1fee12a0f85c2d58.txt"}
