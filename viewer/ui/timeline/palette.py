"""The timeline's colours, light and dark, read from resources/styles/timeline.json."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from viewer.resources import load_json

SCHEMES = ("light", "dark")


def parse_colour(text: str) -> QColor:
    """CSS-style #rrggbb or #rrggbbaa (Qt would read eight digits as #aarrggbb)."""
    if len(text) == 9 and text.startswith("#"):
        colour = QColor(text[:7])
        colour.setAlpha(int(text[7:], 16))
        return colour
    return QColor(text)


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """a mixed with b: t = 0 gives a, 1 gives b."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t, 1.0)


@dataclass(eq=False)
class TimelinePalette:
    """Named colours plus one colour per kind and per lane; tints and brushes are made once."""

    scheme: str
    colours: dict[str, QColor]
    kind_colours: dict[str, QColor]
    lane_colours: dict[str, QColor]
    cycle: tuple[QColor, ...]
    _kinds: dict[tuple[str, ...], tuple[QColor, ...]] = field(default_factory=dict)
    _tints: dict[tuple[str, ...], tuple[QColor, ...]] = field(default_factory=dict)
    _hatches: dict[tuple[str, ...], tuple[QBrush, ...]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> QColor:
        colours = self.__dict__.get("colours", {})
        if name in colours:
            return colours[name]
        raise AttributeError(name)

    def _fallback(self, i: int) -> QColor:
        return self.cycle[i % len(self.cycle)] if self.cycle else QColor("#7d8590")

    def kind_list(self, names: Sequence[str]) -> tuple[QColor, ...]:
        """A colour per kind index, for the data's kind names."""
        key = tuple(names)
        if key not in self._kinds:
            self._kinds[key] = tuple(self.kind_colours.get(n, self._fallback(i)) for i, n in enumerate(key))
        return self._kinds[key]

    def kind_tints(self, names: Sequence[str]) -> tuple[QColor, ...]:
        """Cluster fills: each kind's colour washed towards the background, so counts stay legible."""
        key = tuple(names)
        if key not in self._tints:
            bg = self.colours["background"]
            amount = 0.72 if self.scheme == "light" else 0.62
            self._tints[key] = tuple(blend(c, bg, amount) for c in self.kind_list(key))
        return self._tints[key]

    def kind_hatches(self, names: Sequence[str]) -> tuple[QBrush, ...]:
        """Brushes for ranges with inferred dates."""
        key = tuple(names)
        if key not in self._hatches:
            self._hatches[key] = tuple(QBrush(c, Qt.BrushStyle.BDiagPattern) for c in self.kind_list(key))
        return self._hatches[key]

    def lane_colour(self, index: int, name: str) -> QColor:
        return self.lane_colours.get(name, self._fallback(index))


def load_palette(scheme: str = "light") -> TimelinePalette:
    data = load_json("styles", "timeline.json")
    assert isinstance(data, dict)
    raw: dict[str, Any] = data["dark" if scheme == "dark" else "light"]
    colours = {k: parse_colour(v) for k, v in raw.items() if isinstance(v, str)}
    return TimelinePalette(
        scheme="dark" if scheme == "dark" else "light",
        colours=colours,
        kind_colours={k: parse_colour(v) for k, v in raw["kinds"].items()},
        lane_colours={k: parse_colour(v) for k, v in raw["lanes"].items()},
        cycle=tuple(parse_colour(v) for v in raw.get("cycle", [])),
    )


def system_scheme() -> str:
    """"dark" when the application's palette is dark: it follows the platform's colour scheme
    and any override the window applies, so the timeline matches the widgets around it."""
    if QGuiApplication.instance() is None:
        return "light"
    return "dark" if QGuiApplication.palette().window().color().lightnessF() < 0.5 else "light"
