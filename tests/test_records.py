"""Records cross from parsing workers to the writer by pickle: they must come back equal."""
from __future__ import annotations

import pickle
from datetime import date

from viewer.extract import extract_document
from viewer.records import DateValue, Span

RELEASE = """12.03.2024
Meeting of the CSTO Council of Foreign Ministers in Minsk
On 12 March 2024, the CSTO Council of Foreign Ministers met in Minsk. CSTO Secretary General
Imangali Tasmagambetov took part. The ministers adopted a statement on regional security.
"""


def test_an_extraction_survives_pickling_whole() -> None:
    ex = extract_document(RELEASE, "r.txt")
    assert ex.events and ex.people and ex.decisions
    back = pickle.loads(pickle.dumps(ex))
    assert back == ex
    assert back.people[0].mentions[0].span == ex.people[0].mentions[0].span


def test_defaults_and_none_survive_pickling() -> None:
    value = DateValue(date(2024, 3, 12), date(2024, 3, 12), "day", "stated")
    assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(Span(3, 7))).slice("abcdefghij") == "defg"
