"""Every persisted window setting, declared once, read and written through QSettings."""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date

from PySide6.QtCore import QByteArray, QSettings

from viewer.store.filters import EventFilter

ORGANIZATION = "CSTO Timeline"
APPLICATION = "csto-timeline"
THEMES: tuple[str, ...] = ("system", "light", "dark")

# Keys live here only, so a rename cannot leave a reader and a writer disagreeing.
K_GEOMETRY = "window/geometry"
K_STATE = "window/state"
K_SPLITTER = "window/splitter"
K_RANGE = "timeline/visible_range"
K_FILTER = "filters/current"
K_THEME = "view/theme"
K_SHOW_OVERVIEW = "view/overview"


def _filter_to_json(f: EventFilter) -> str:
    data = asdict(f)
    for key in ("date_from", "date_to"):
        data[key] = data[key].isoformat() if data[key] else None
    return json.dumps(data)


def _filter_from_json(raw: str) -> EventFilter | None:
    try:
        data = json.loads(raw)
        known = {f.name for f in fields(EventFilter)}
        data = {k: v for k, v in data.items() if k in known}
        for key in ("date_from", "date_to"):
            data[key] = date.fromisoformat(data[key]) if data.get(key) else None
        for key in ("people", "bodies", "kinds", "places"):
            data[key] = tuple(data.get(key) or ())
        return EventFilter(**data)
    except (ValueError, TypeError, AttributeError):
        return None  # a setting from an older or damaged file is dropped, not fatal


class Settings:
    """Typed access to the window's QSettings (INI format, user scope)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                        ORGANIZATION, APPLICATION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes(K_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(K_STATE)

    def splitter(self) -> QByteArray | None:
        return self._bytes(K_SPLITTER)

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.q.setValue(K_GEOMETRY, geometry)
        self.q.setValue(K_STATE, state)
        self.q.setValue(K_SPLITTER, splitter)

    def visible_range(self) -> tuple[float, float] | None:
        raw = self.q.value(K_RANGE)
        try:
            a, b = (float(x) for x in str(raw).split())
        except (TypeError, ValueError):
            return None
        return (a, b) if b > a else None

    def set_visible_range(self, a: float, b: float) -> None:
        self.q.setValue(K_RANGE, f"{a!r} {b!r}")  # a comma would make INI read a list

    def filter(self) -> EventFilter:
        raw = self.q.value(K_FILTER)
        if not isinstance(raw, QByteArray) or raw.isEmpty():
            return EventFilter()
        return _filter_from_json(bytes(raw.data()).decode("utf-8")) or EventFilter()

    def set_filter(self, f: EventFilter) -> None:
        # Bytes, because INI would read a JSON string's commas as a list.
        self.q.setValue(K_FILTER, QByteArray(_filter_to_json(f).encode("utf-8")))

    def theme(self) -> str:
        value = str(self.q.value(K_THEME, "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.q.setValue(K_THEME, theme)

    def flag(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")

    def set_flag(self, key: str, on: bool) -> None:
        self.q.setValue(key, bool(on))

    def sync(self) -> None:
        self.q.sync()
