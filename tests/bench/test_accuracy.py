"""The benchmark's scorer agrees with the project's gold scorer (eval/score.py, copied beside this test)."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.bench import reference_score as ref
from viewer.bench.accuracy import gold_docs, score

GOLD: dict[str, Any] = json.loads((Path(__file__).parent.parent / "extract" / "gold_seeds.json").read_text("utf-8"))


def _perfect() -> dict[str, Any]:
    return {"events": [{"doc": e["doc"], "start": e["start"], "end": e["end"]} for e in GOLD["events"]],
            "people": [{"name": p["name"], "aliases": p["aliases"], "docs": p["docs"]} for p in GOLD["people"]],
            "decisions": [{"doc": d["doc"], "text": d["quote"]} for d in GOLD["decisions"]]}


def _drop_and_shift() -> dict[str, Any]:
    p = _perfect()
    p["events"] = p["events"][::2] + [dict(e, start="2001-01-01", end="2001-01-01") for e in p["events"][1::4]]
    p["events"].append({"doc": "elsewhere.txt", "start": "2001-01-01", "end": "2001-01-01"})
    p["events"].append(dict(p["events"][0]))  # a duplicate: one system event matches one gold event
    p["decisions"] = p["decisions"][1::2] + [{"doc": d["doc"], "text": d["text"] + " and a great deal more text "
                                              "that was never part of the decision at all"} for d in p["decisions"][::3]]
    return p


def _also_accept_and_optional() -> dict[str, Any]:
    p = _perfect()
    for e in p["events"]:
        g = next(g for g in GOLD["events"] if g["doc"] == e["doc"] and g["start"] == e["start"])
        if g.get("also_accept"):
            e["start"], e["end"] = g["also_accept"][0]
    p["events"] = [e for e, g in zip(p["events"], GOLD["events"]) if not g["optional"]]
    p["decisions"] = [{"doc": d["doc"], "text": " ".join(d["text"].split()[:6])} for d in p["decisions"]]
    return p


def _people_split_merge() -> dict[str, Any]:
    p = _perfect()
    a, b = copy.deepcopy(p["people"][0]), copy.deepcopy(p["people"][1])
    a_split = {"name": a["aliases"][-1], "aliases": [], "docs": a["docs"][:1]}
    merged = {"name": b["name"], "aliases": [*b["aliases"], p["people"][2]["name"]], "docs": b["docs"]}
    unknown = {"name": "Nobody Known", "aliases": [], "docs": ["000_1fee12a0f85c2d58.txt", "outside.txt"]}
    p["people"] = [a, a_split, merged, unknown, *p["people"][4:]]
    return p


def _reference(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    docs = gold_docs(gold)
    only = lambda xs: [x for x in xs if x.get("doc") in docs]  # noqa: E731
    ev = ref.match(gold["events"], only(pred["events"]), ref.same_event)[:3]
    de = ref.match(gold["decisions"], only(pred["decisions"]), ref.same_decision)[:3]
    people = [dict(p, docs=[d for d in p.get("docs", []) if d in docs]) for p in pred["people"]]
    pp = ref.score_people(gold["people"], people)
    return {"events": ev, "people": (pp["tp"], pp["fp"], pp["fn"]), "decisions": de}


@pytest.mark.parametrize("make", [_perfect, _drop_and_shift, _also_accept_and_optional, _people_split_merge,
                                  lambda: {"events": [], "people": [], "decisions": []}])
def test_agrees_with_the_gold_scorer(make) -> None:
    pred = make()
    ours = {k: (s.tp, s.fp, s.fn) for k, s in score(GOLD, pred).items()}
    assert ours == _reference(GOLD, pred)


def test_a_perfect_prediction_scores_one() -> None:
    assert {k: s.f1 for k, s in score(GOLD, _perfect()).items()} == {"events": 1.0, "people": 1.0, "decisions": 1.0}


def test_agrees_on_the_extraction_of_the_seeds(seeds_dir: Path) -> None:
    from viewer.bench.accuracy import prediction
    from viewer.extract import extract_document

    pred = prediction(extract_document(p.read_text("utf-8"), p.name) for p in sorted(seeds_dir.glob("*.txt")))
    ours = {k: (s.tp, s.fp, s.fn) for k, s in score(GOLD, pred).items()}
    assert ours == _reference(GOLD, pred)
