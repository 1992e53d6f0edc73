"""Typeset text into wrapped blocks and flow blocks onto pages without cutting a line at the page end."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (QColor, QFont, QPaintDevice, QPainter, QTextCharFormat, QTextLayout,
                           QTextOption)

EPS = 0.01


@dataclass(frozen=True)
class Style:
    font: QFont
    color: QColor


@dataclass
class TextEl:
    """A wrapped paragraph, laid out once, positioned relative to its block's top-left."""

    layout: QTextLayout
    x: float
    y: float
    color: QColor
    lines: list[tuple[float, float]]  # (top, bottom) of each line, block-relative
    width: float = 0.0  # the widest line's natural width

    @property
    def bottom(self) -> float:
        return self.lines[-1][1] if self.lines else self.y


@dataclass
class RectEl:
    rect: QRectF  # block-relative
    color: QColor
    radius: float = 0.0


@dataclass
class PaintEl:
    """Anything drawn by a function: the timeline strip. Never split across pages."""

    rect: QRectF
    paint: Callable[[QPainter, QRectF], None]


@dataclass(eq=False)  # identity: two events may lay out to equal blocks
class Block:
    """One unit of the flow (the header, one event): kept on one page whenever it fits on one."""

    height: float
    texts: list[TextEl] = field(default_factory=list)
    rects: list[RectEl] = field(default_factory=list)
    paints: list[PaintEl] = field(default_factory=list)
    event: int | None = None  # index of the event it prints, for progress
    # what heads the rest of a block cut by a page break ("1 Dec 2019, continued"), made on demand
    continued: Callable[[], TextEl] | None = None

    def breaks(self) -> list[float]:
        """Heights at which the block may be cut: between lines, never through a line or a drawing."""
        spans = [span for t in self.texts for span in t.lines]
        spans += [(p.rect.top(), p.rect.bottom()) for p in self.paints]
        spans.sort()
        cuts: list[float] = []
        reach = 0.0
        for top, bottom in spans:
            if top >= reach - EPS and reach > 0:
                cuts.append(reach)
            reach = max(reach, bottom)
        return cuts


@dataclass(frozen=True)
class Placement:
    """The part [lo, hi) of a block drawn on a page with the block's y = 0 at page y = top."""

    block: Block
    top: float
    lo: float
    hi: float

    @property
    def whole(self) -> bool:
        return self.lo <= EPS and self.hi >= self.block.height - EPS


class Typesetter:
    """Lays out text for one paint device, so measures match what the device will print."""

    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def text(self, runs: str | Sequence[tuple[str, Style | None]], style: Style, width: float,
             x: float = 0.0, y: float = 0.0) -> TextEl:
        """Wrap runs of text (a run's own style overrides the base style) within width."""
        if isinstance(runs, str):
            runs = [(runs, None)]
        layout = QTextLayout("".join(r for r, _ in runs), style.font, self.device)
        layout.setTextOption(self.option)
        layout.setCacheEnabled(True)
        formats = []
        start = 0
        for run, run_style in runs:
            if run_style is not None and run:
                fr = QTextLayout.FormatRange()
                fr.start, fr.length = start, len(run)
                fmt = QTextCharFormat()
                fmt.setFont(run_style.font)
                fmt.setForeground(run_style.color)
                fr.format = fmt
                formats.append(fr)
            start += len(run)
        if formats:
            layout.setFormats(formats)
        lines: list[tuple[float, float]] = []
        h = 0.0
        widest = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0.0, h))
            lines.append((y + h, y + h + line.height()))
            widest = max(widest, line.naturalTextWidth())
            h += line.height()
        layout.endLayout()
        return TextEl(layout, x, y, style.color, lines, widest)


def paginate(blocks: Sequence[Block], top: float, bottom: float) -> list[list[Placement]]:
    """Flow blocks down pages between top and bottom; a block moves whole to the next page when it
    fits there, and only a block taller than a page is cut, between two of its lines."""
    pages: list[list[Placement]] = [[]]
    y = top
    room = bottom - top
    for block in blocks:
        lo = 0.0
        cuts = None
        while True:
            rest = block.height - lo
            avail = bottom - y
            if rest <= avail + EPS:
                pages[-1].append(Placement(block, y - lo, lo, block.height))
                y += rest
                break
            if pages[-1] and rest <= room + EPS:
                pages.append([])
                y = top
                continue
            if cuts is None:
                cuts = block.breaks()
            fitting = [c for c in cuts if lo + EPS < c <= lo + avail + EPS]
            if not fitting and pages[-1]:
                pages.append([])
                y = top
                continue
            cut = fitting[-1] if fitting else lo + avail  # a single line taller than a page
            pages[-1].append(Placement(block, y - lo, lo, cut))
            pages.append([])
            y = top
            lo = cut
    return [p for p in pages if p] or [[]]


def draw(painter: QPainter, placement: Placement, left: float) -> None:
    """Paint the visible part of a placed block; lines outside the part are not emitted at all."""
    block, top, lo, hi = placement.block, placement.top, placement.lo, placement.hi
    whole = placement.whole
    painter.setPen(QColor(0, 0, 0, 0))
    for r in block.rects:
        rect = QRectF(r.rect)
        if not whole:
            rect.setTop(max(rect.top(), lo))
            rect.setBottom(min(rect.bottom(), hi))
            if rect.height() <= EPS:
                continue
        painter.setBrush(r.color)
        rect.translate(left, top)
        if r.radius:
            painter.drawRoundedRect(rect, r.radius, r.radius)
        else:
            painter.drawRect(rect)
    for p in block.paints:
        if whole or (p.rect.top() >= lo - EPS and p.rect.bottom() <= hi + EPS):
            painter.save()
            p.paint(painter, p.rect.translated(left, top))
            painter.restore()
    texts = block.texts
    if lo > EPS and block.continued is not None:
        head = block.continued()
        texts = [*texts, TextEl(head.layout, head.x, lo, head.color,
                                [(lo + a, lo + b) for a, b in head.lines])]
    for t in texts:
        painter.setPen(t.color)
        origin = QPointF(left + t.x, top + t.y)
        if whole or (t.y >= lo - EPS and t.bottom <= hi + EPS):
            t.layout.draw(painter, origin)
            continue
        for i, (line_top, line_bottom) in enumerate(t.lines):
            if line_top >= lo - EPS and line_bottom <= hi + EPS:
                t.layout.lineAt(i).draw(painter, origin)
