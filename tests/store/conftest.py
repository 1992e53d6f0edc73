"""Store fixtures: a fresh store per test, and a small one built from the toy releases."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fakes import RELEASE_A, RELEASE_B, RELEASE_C, dump, extract  # noqa: F401

from viewer.store.db import Store, open_store
from viewer.store.ingest import import_paths


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "store.db")
    yield s
    s.close()


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in (("a.txt", RELEASE_A), ("b.txt", RELEASE_B), ("c.txt", RELEASE_C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def small_store(store: Store, releases: Path) -> Store:
    report = import_paths(store, [releases], jobs=1, extract=extract)
    assert report.failed == []
    return store
