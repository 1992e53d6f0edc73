"""The extraction against the hand-annotated gold of the bundled seeds: every category F1 >= 0.95."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.bench.accuracy import score
from viewer.extract.command import extract_files, to_contract

GOLD = Path(__file__).with_name("gold_seeds.json")
BAR = 0.95


@pytest.fixture(scope="module")
def prediction(request: pytest.FixtureRequest) -> dict:
    seeds = sorted((Path(request.config.rootpath) / "seeds").glob("*.txt"))
    return to_contract(*extract_files(seeds))


@pytest.mark.parametrize("category", ["events", "people", "decisions"])
def test_f1_on_the_seed_gold(prediction: dict, category: str) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    result = score(gold, prediction)[category]
    assert result.f1 >= BAR, f"{category}: F1 {result.f1:.3f} (tp {result.tp}, fp {result.fp}, fn {result.fn})"
