"""The vocabulary in resources/ loads and is consistent with itself."""
from __future__ import annotations

import re

from viewer.resources import load_json, load_lines, resource_path, seeds_dir


def test_bodies_have_unique_names_and_abbreviations() -> None:
    data = load_json("bodies.json")
    names = [b["name"] for b in data["bodies"]]
    assert len(names) == len(set(names))
    forms = [f.casefold() for b in data["bodies"] for f in [*b["names"], *b["abbr"]]]
    assert len(forms) == len(set(forms)), "a written form must point to one body"
    assert data["other_lane"] not in names


def test_places_map_every_country_form_to_one_country() -> None:
    data = load_json("places.json")
    forms = [f.casefold() for forms in data["countries"].values() for f in forms]
    assert len(forms) == len(set(forms))
    assert not set(c.casefold() for c in data["cities"]) & set(forms)


def test_event_kinds_and_decision_verbs_are_known_words() -> None:
    events = load_json("events.json")
    kinds = [k["kind"] for k in events["kinds"]]
    assert {"session", "meeting", "visit", "appointment"} <= set(kinds)
    decisions = load_json("decisions.json")
    assert set(decisions["verbs"].values()) <= {"adopted", "approved", "signed", "decided",
                                                "appointed", "established", "other"}
    assert set(decisions["needs_decision_noun"]) <= set(decisions["verbs"])


def test_noise_patterns_compile() -> None:
    for pattern in load_json("noise.json")["line_patterns"]:
        re.compile(pattern)


def test_word_lists_load() -> None:
    assert "dec" in load_lines("abbreviations.txt")
    assert resource_path("bodies.json").is_file()


def test_the_bundled_seeds_are_there() -> None:
    assert len(sorted(seeds_dir().glob("*.txt"))) == 5
