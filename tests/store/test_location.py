"""The default store: in the user's data directory, built from the bundled seeds on first use."""
from __future__ import annotations

from pathlib import Path

import pytest
from store_fakes import extract

from viewer.resources import seeds_dir
from viewer.store import parsing
from viewer.store.db import open_store
from viewer.store.location import ENV_DB, default_store_path, ensure_default_store


def test_default_path_is_in_the_user_data_dir(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "csto-timeline" / "timeline.db"
    monkeypatch.setenv(ENV_DB, str(tmp_path / "elsewhere.db"))
    assert default_store_path() == tmp_path / "elsewhere.db"


def test_first_use_builds_from_the_seeds_once(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    monkeypatch.setattr(parsing, "_default_extractor", lambda: extract)
    monkeypatch.setenv(ENV_DB, str(tmp_path / "d" / "timeline.db"))
    calls: list[str] = []
    path = ensure_default_store(progress=lambda done, total, name: calls.append(name), jobs=1)
    seeds = sorted(p.name for p in seeds_dir().iterdir() if p.is_file())
    assert (path, calls) == (tmp_path / "d" / "timeline.db", seeds)
    assert ensure_default_store(progress=lambda done, total, name: calls.append(name)) == path
    assert len(calls) == len(seeds)  # the second call found the store built
    with open_store(path) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM documents ORDER BY name")]
    assert names == seeds
