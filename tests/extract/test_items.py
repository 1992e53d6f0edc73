"""Pins extract/items.py: publication headers, titles and noise split a file into news items."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.extract.items import is_noise_line, split_items

TWO_ITEMS = """15.03.2021

On 15 March 2021, in Dushanbe, a meeting of the CSTO Council of Foreign Ministers was held.


The CSTO Secretary General visited the Collective Rapid Reaction Forces

The CSTO Secretary General visited the Collective Rapid Reaction Forces 02.06.2021

On June 1, the Secretary General arrived in Osh.
Go back
"""

GLUED = """On May 12, in Minsk, the Council of Defence Ministers has discussed military cooperation
13.05.2023On May 12 this year, in Minsk, a meeting of the CSTO Council of Defence Ministers was held.
"""


def test_headers_on_their_own_line_and_glued_to_a_title_open_items() -> None:
    items = split_items(TWO_ITEMS)
    assert [(i.published, i.title) for i in items] == [
        (date(2021, 3, 15), None),
        (date(2021, 6, 2), "The CSTO Secretary General visited the Collective Rapid Reaction Forces"),
    ]
    # the repeated title line before the dated one belongs to the second item
    second = items[1]
    assert TWO_ITEMS[second.span.start:].startswith("The CSTO Secretary General visited")
    assert [TWO_ITEMS[n.start:n.end] for n in second.noise] == ["Go back"]


def test_a_header_glued_to_the_next_sentence_takes_the_title_line_before_it() -> None:
    items = split_items("Some earlier news without a date.\n" + GLUED)
    assert len(items) == 2
    assert items[1].published == date(2023, 5, 13)
    assert items[1].title == "On May 12, in Minsk, the Council of Defence Ministers has discussed military cooperation"


def test_text_without_headers_is_one_undated_item() -> None:
    items = split_items("On 3 April, a training was held.\nAnother line.\n")
    assert [(i.index, i.published, i.title) for i in items] == [(0, None, None)]


def test_empty_text_has_no_items() -> None:
    assert split_items("") == []


@pytest.mark.parametrize("line, noise", [
    ("Go back", True),
    ("Back to the section", True),
    ("Back to the all news", True),
    ("IMG-20210914-WA0012 (2).jpg", True),
    ("______________________________", True),
    ("+7495-621-27-10", True),
    ("+7-495-621-33-23-tel/fax", True),
    ("E-mail: press@example.org", True),
    ("Эл.почта: press@example.org", True),
    ("The CSTO Press Secretary    Ivan Petrov", True),
    ("On 5 May, a session was held in Minsk.", False),
    ("The heads of state signed 12 documents.", False),
])
def test_noise_lines(line: str, noise: bool) -> None:
    assert is_noise_line(line) is noise
