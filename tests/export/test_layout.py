"""Page flow: blocks move whole to the next page; only a block taller than a page is cut between lines."""
from __future__ import annotations

import pytest

from viewer.export.layout import Block, TextEl, paginate


def block(lines: list[tuple[float, float]], height: float) -> Block:
    # pagination reads only line positions, so no real text layout is needed
    return Block(height, [TextEl(None, 0, 0, None, lines)])  # type: ignore[arg-type]


def lines(n: int, h: float = 10.0) -> list[tuple[float, float]]:
    return [(i * h, (i + 1) * h) for i in range(n)]


@pytest.mark.parametrize(("heights", "expected"), [
    # (block index, lo, hi) per page, page room 100
    ([30, 30, 30], [[(0, 0, 30), (1, 0, 30), (2, 0, 30)]]),
    ([60, 50], [[(0, 0, 60)], [(1, 0, 50)]]),            # moved whole, not cut at the page end
    ([100, 10], [[(0, 0, 100)], [(1, 0, 10)]]),          # exactly full
    ([40, 250], [[(0, 0, 40), (1, 0, 60)], [(1, 60, 160)], [(1, 160, 250)]]),  # too tall: cut
    ([], [[]]),
])
def test_paginate(heights: list[int], expected: list[list[tuple[int, float, float]]]) -> None:
    blocks = [block(lines(h // 10), h) for h in heights]
    pages = paginate(blocks, 0, 100)
    got = [[(blocks.index(p.block), p.lo, p.hi) for p in page] for page in pages]
    assert got == expected


def test_cuts_only_between_lines() -> None:
    tall = block([(0, 15), (15, 30), (30, 45), (45, 60), (60, 75), (75, 90), (90, 105),
                  (105, 120)], 120)
    pages = paginate([tall], 0, 100)
    assert [(p.lo, p.hi) for page in pages for p in page] == [(0, 90), (90, 120)]


def test_overlapping_columns_are_not_cut_through() -> None:
    b = Block(120, [TextEl(None, 0, 0, None, [(0, 95)]),  # type: ignore[arg-type]
                    TextEl(None, 0, 0, None, lines(12))])  # type: ignore[arg-type]
    assert b.breaks() == [100.0, 110.0]  # the long line (0, 95) forbids cuts before 100
