"""Pins extract/decisions.py: decision clauses, their kind, body and exact span."""
from __future__ import annotations

import pytest

from viewer.extract.decisions import find_decisions
from viewer.records import Sentence, Span


def clauses(text: str) -> list[tuple[str, str | None, str]]:
    s = Sentence(0, 0, Span(0, len(text)), text)
    return [(c.kind, c.body, text[c.span.start:c.span.end]) for c in find_decisions(text, s)]


@pytest.mark.parametrize("sentence, expected", [
    ("The Council of Defence Ministers approved the Plan of joint exercises for 2025.",
     [("approved", "Council of Defence Ministers", "The Council of Defence Ministers approved the Plan of joint exercises for 2025")]),
    ("The Declaration of the Collective Security Council was adopted, which stresses the role of the UN.",
     [("adopted", None, "The Declaration of the Collective Security Council was adopted")]),
    ("Following the talks, a protocol on border cooperation was signed by the CFM.",
     [("signed", "Council of Foreign Ministers", "a protocol on border cooperation was signed by the CFM")]),
    ("Ivan Petrov, a diplomat from Minsk, was appointed for a three-year term.",
     [("appointed", None, "Ivan Petrov, a diplomat from Minsk, was appointed for a three-year term")]),
    ("A decision was also taken to establish a joint medical centre.",
     [("established", None, "A decision was also taken to establish a joint medical centre")]),
    ("The heads of state decided to extend the mandate of the mission.",
     [("decided", "heads of state", "The heads of state decided to extend the mandate of the mission")]),
    ("During the meeting, the plan was adopted and the agenda of the summit was approved.",
     [("adopted", None, "the plan was adopted"), ("approved", None, "the agenda of the summit was approved")]),
    ("The CSC adopted decisions on the budget: the Regulation and the Rules.",
     [("adopted", "Collective Security Council", "The CSC adopted decisions on the budget")]),
    ("In total, during the summit, 12 documents were signed.",
     [("signed", None, "during the summit, 12 documents were signed")]),
    ("The CFM adopted a Statement on Afghanistan and approved the Plan of consultations for 2023.",
     [("adopted", "Council of Foreign Ministers", "The CFM adopted a Statement on Afghanistan"),
      ("approved", "Council of Foreign Ministers", "approved the Plan of consultations for 2023")]),
    # not decisions: a participle, an adjective, a future, a plain verb "taken" with no decision in it
    ("The Memorandum signed in May 2016 remains in force.", []),
    ("The draft will be approved at the next session.", []),
    ("The strategy defines the agreed approaches of the agencies.", []),
    ("Kazakhstan has taken over the chairmanship.", []),
    ("The restrictions had made certain changes to the work.", []),
    ("В заседании приняли участие министры обороны.", []),
])
def test_decision_clauses(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert clauses(sentence) == expected


def test_nbsp_inside_a_clause_is_white_space() -> None:
    text = "The meeting was held, during which\u00a0the Statement\u00a0was adopted."
    assert clauses(text) == [("adopted", None, "the Statement\u00a0was adopted")]
