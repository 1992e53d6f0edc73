"""The generated corpus: deterministic, about N events, truth consistent with the text it describes."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from viewer.bench.forms import FORMS
from viewer.bench.generate import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return generate(600, tmp_path_factory.mktemp("corpus"))


def test_same_seed_same_bytes(corpus, tmp_path: Path) -> None:
    again = generate(600, tmp_path)
    assert [p.read_bytes() for p in again.files] == [p.read_bytes() for p in corpus.files]


def test_about_n_events_and_every_form(corpus) -> None:
    truth = json.loads(corpus.truth_path.read_text("utf-8"))
    assert 600 <= corpus.events == len(truth["events"]) < 620
    assert {e["form"] for e in truth["events"]} == set(FORMS)


def test_every_quote_is_in_its_document(corpus) -> None:
    truth = json.loads(corpus.truth_path.read_text("utf-8"))
    texts = {p.name: p.read_text("utf-8") for p in corpus.files}
    missing = [x["quote"] for x in truth["events"] + truth["decisions"] if x["quote"] not in texts[x["doc"]]]
    assert missing == []


def test_every_person_form_is_in_its_documents(corpus) -> None:
    truth = json.loads(corpus.truth_path.read_text("utf-8"))
    texts = {p.name: p.read_text("utf-8") for p in corpus.files}
    absent = [(p["name"], d) for p in truth["people"] for d in p["docs"]
              if not any(form in texts[d] for form in p["aliases"])]
    assert absent == []


def test_dates_span_the_organisation_history(corpus) -> None:
    truth = json.loads(corpus.truth_path.read_text("utf-8"))
    years = {date.fromisoformat(e["start"]).year for e in truth["events"]}
    assert min(years) < 2000 and max(years) >= 2024


@pytest.mark.parametrize("form, phrase", [
    ("on_md", "On "), ("two_days", " and "), ("eve", "On the eve, on "), ("same_day", "On the same day"),
    ("quarter", " quarter of "), ("half", " half of "), ("as_of", "as of "), ("this_year", "this year"),
])
def test_forms_write_their_phrase(corpus, form: str, phrase: str) -> None:
    truth = json.loads(corpus.truth_path.read_text("utf-8"))
    quotes = [e["quote"] for e in truth["events"] if e["form"] == form]
    assert quotes and all(phrase in q for q in quotes)
