"""Settings round-trip through an INI file: filters, range, theme; damaged values fall back."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from viewer.store.filters import EventFilter
from viewer.ui.settings import K_FILTER, K_RANGE, K_THEME, Settings


@pytest.fixture
def ini(tmp_path):  # type: ignore[no-untyped-def]
    return str(tmp_path / "s.ini")


def _settings(ini: str) -> Settings:
    return Settings(QSettings(ini, QSettings.Format.IniFormat))


@pytest.mark.parametrize("f", [
    EventFilter(),
    EventFilter(text="summit, Minsk"),
    EventFilter(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)),
    EventFilter(people=(3, 7), bodies=("Collective Security Council", "Secretariat")),
    EventFilter(kinds=("session",), places=("Astana",), decisions_only=True, hide_inferred=True),
])
def test_a_filter_survives_a_round_trip(ini, f):
    first = _settings(ini)
    first.set_filter(f)
    first.sync()
    assert _settings(ini).filter() == f


@pytest.mark.parametrize("key, raw, read", [
    (K_FILTER, "not json", lambda s: s.filter() == EventFilter()),
    (K_RANGE, "12 x", lambda s: s.visible_range() is None),
    (K_RANGE, "20 10", lambda s: s.visible_range() is None),
    (K_THEME, "purple", lambda s: s.theme() == "system"),
])
def test_damaged_values_fall_back_to_defaults(ini, key, raw, read):
    first = _settings(ini)
    first.q.setValue(key, raw)
    first.sync()
    assert read(_settings(ini))


def test_visible_range_round_trip(ini):
    first = _settings(ini)
    first.set_visible_range(737000.25, 737400.5)
    first.sync()
    assert _settings(ini).visible_range() == (737000.25, 737400.5)
