"""Pins extract/sentences.py: sentence boundaries and character offsets into the original text."""
from __future__ import annotations

import pytest

from viewer.extract.items import split_items
from viewer.extract.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, split_items(text))]


@pytest.mark.parametrize("text, expected", [
    ("The session opened. The ministers met.", ["The session opened.", "The ministers met."]),
    ("It was noted by V. Petrov that the work went on. Then it ended.",
     ["It was noted by V. Petrov that the work went on.", "Then it ended."]),
    ("It was chaired by A.Yu. Rudenko. It ended.", ["It was chaired by A.Yu. Rudenko.", "It ended."]),
    ("The meeting on Dec. 5 was held. It ended.", ["The meeting on Dec. 5 was held.", "It ended."]),
    ("“We are ready,” he said. The talks went on.", ["“We are ready,” he said.", "The talks went on."]),
    ("The Statement on Order . was also adopted.", ["The Statement on Order . was also adopted."]),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
    ("12.03.2022On 11 March a meeting was held.", ["On 11 March a meeting was held."]),
    ("A title repeated with its date 12.03.2022\nBody.", ["A title repeated with its date", "Body."]),
    ("A title with its date 12.03.2022   \n   12.03.2022   \nBody.", ["A title with its date", "Body."]),
    ("\n\n   \n", []),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_spans_point_into_the_original_text() -> None:
    text = "  Intro line.\r\n\r\nOn 2 May, the CSC met in Minsk. It adopted a budget.\r\n"
    for s in split_sentences(text, split_items(text)):
        assert text[s.span.start:s.span.end] == s.text
    assert [s.index for s in split_sentences(text, split_items(text))] == [0, 1, 2]
