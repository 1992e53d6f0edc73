"""The `extract` command's JSON and CSV contract, on the bundled seeds."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from viewer.cli import main

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def result() -> dict:
    buffer = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(buffer):
        assert main(["extract", *map(str, SEEDS), "--format", "json"]) == 0
    return json.loads(buffer.getvalue())


def test_the_contract_fields_are_there(result: dict) -> None:
    assert set(result) >= {"events", "people", "decisions"}
    for e in result["events"]:
        assert set(e) >= {"doc", "start", "end", "precision", "certainty", "kind", "title", "place",
                          "bodies", "people", "sentence", "span"}
        assert e["certainty"] in ("stated", "inferred")
        assert e["precision"] in ("day", "month", "quarter", "half", "year")
        assert e["start"] <= e["end"] and len(e["start"]) == 10
        assert e["certainty"] == "stated" or e["reason"]
    for p in result["people"]:
        assert set(p) >= {"name", "aliases", "roles", "docs"} and p["name"] in p["aliases"]
    for d in result["decisions"]:
        assert set(d) >= {"doc", "date", "kind", "body", "text", "span"}


def test_spans_are_verbatim_offsets_into_the_file(result: dict) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    for e in result["events"]:
        start, end = e["span"]
        assert texts[e["doc"]][start:end] == e["sentence"]
    for d in result["decisions"]:
        start, end = d["span"]
        assert texts[d["doc"]][start:end] == d["text"]


def test_event_people_are_canonical_names(result: dict) -> None:
    names = {p["name"] for p in result["people"]}
    assert {n for e in result["events"] for n in e["people"]} <= names


def test_csv_has_one_row_per_record(capsys: pytest.CaptureFixture[str], result: dict) -> None:
    assert main(["extract", *map(str, SEEDS), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    kinds = [r["record"] for r in rows]
    assert kinds.count("event") == len(result["events"])
    assert kinds.count("person") == len(result["people"])
    assert kinds.count("decision") == len(result["decisions"])


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no-such-release.txt"]) == 2
    assert "no-such-release.txt" in capsys.readouterr().err
