"""The timeline's colours are data: both palettes load and name every kind, lane and colour role."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from timeline_data import DAY0, make_data

from viewer.resources import load_json
from viewer.store.rows import KINDS, LANES
from viewer.ui.timeline import tooltips
from viewer.ui.timeline.palette import load_palette, parse_colour


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_palette_colours_every_kind_and_lane(qapp: QApplication, scheme: str) -> None:
    palette = load_palette(scheme)
    assert (sorted(set(KINDS) - set(palette.kind_colours)), sorted(set(LANES) - set(palette.lane_colours))) == ([], [])
    assert all(c.isValid() for c in palette.colours.values())


def test_both_palettes_name_the_same_roles() -> None:
    data = load_json("styles", "timeline.json")
    assert isinstance(data, dict)
    assert sorted(data["light"]) == sorted(data["dark"])


@pytest.mark.parametrize(("text", "rgba"), [("#1565d840", (0x15, 0x65, 0xD8, 0x40)), ("#ffffff", (255, 255, 255, 255))])
def test_colours_with_alpha_are_read_css_style(qapp: QApplication, text: str, rgba: tuple[int, int, int, int]) -> None:
    c = parse_colour(text)
    assert (c.red(), c.green(), c.blue(), c.alpha()) == rgba


def test_tooltip_texts_of_the_timeline_itself() -> None:
    data = make_data([(1, DAY0, DAY0, 0), (5, DAY0 + 2, DAY0 + 4, 0), (9, DAY0 + 3, DAY0 + 3, 1)],
                     inferred=(5,), sources={5: 3})
    assert tooltips.cluster_summary(data, data.indices_of([1, 5, 9])) == [
        "3 events, 2020-01-01 – 2020-01-05", "meeting 3", "Zoom in or double-click to see them apart."]
    assert tooltips.event_summary(data, int(data.indices_of([5])[0])) == \
        "2020-01-03 – 2020-01-05 (inferred date)\nmeeting · Council A\ntold by 3 releases"
    assert tooltips.lane_summary(data, 0) == "Council A: 2 events"
