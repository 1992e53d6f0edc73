"""The timeline's legend: a colour per kind, then what the mark shapes mean; flows over rows."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPen

from viewer.ui.timeline.palette import TimelinePalette

# what the shapes mean, in the order they are explained
KEYS: tuple[tuple[str, str], ...] = (
    ("stated", "stated"),
    ("inferred", "inferred date"),
    ("range", "range"),
    ("range_inferred", "inferred range"),
    ("cluster", "grouped"),
    ("sources", "releases"),
)


def _items(fm: QFontMetricsF, kind_names: Sequence[str],
           shown: Sequence[int] | None) -> list[tuple[str, str, float]]:
    fh = fm.height()
    glyph = fh * 1.4
    kinds = range(len(kind_names)) if shown is None else shown
    out = [(f"kind:{i}", kind_names[i], glyph + fm.horizontalAdvance(kind_names[i]) + fh * 0.9) for i in kinds]
    out += [(key, text, glyph + fm.horizontalAdvance(text) + fh * 0.9) for key, text in KEYS]
    return out


def _rows(fm: QFontMetricsF, width: float, kind_names: Sequence[str],
          shown: Sequence[int] | None = None) -> list[list[tuple[str, str, float]]]:
    rows: list[list[tuple[str, str, float]]] = [[]]
    used = 0.0
    pad = fm.height() * 0.6
    for key, text, w in _items(fm, kind_names, shown):
        if key == KEYS[0][0] and rows[-1]:
            w += fm.height() * 1.2  # a gap between the kinds and the shapes
        if rows[-1] and used + w > width - 2 * pad:
            rows.append([])
            used = 0.0
        rows[-1].append((key, text, w))
        used += w
    return rows


def legend_height(fm: QFontMetricsF, width: float = 1200.0, kind_names: Sequence[str] = (),
                  shown: Sequence[int] | None = None) -> float:
    """Height of the legend for these kinds (`shown`: the kind indexes listed, all when None)."""
    n = len(_rows(fm, width, kind_names, shown)) if kind_names else 2
    return fm.height() * (0.4 + 1.45 * n)


def paint_legend(painter: QPainter, rect: QRectF, kind_names: Sequence[str], palette: TimelinePalette,
                 shown: Sequence[int] | None = None) -> None:
    fm = QFontMetricsF(painter.font())
    fh = fm.height()
    painter.save()
    painter.setClipRect(rect)
    painter.fillRect(rect, palette.axis)
    painter.setPen(QPen(palette.axis_line, 1))
    painter.drawLine(QPointF(rect.left(), rect.top() + 0.5), QPointF(rect.right(), rect.top() + 0.5))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    kinds = palette.kind_list(kind_names)
    row_h = fh * 1.45
    r = fh * 0.3
    y = rect.top() + fh * 0.2
    for row in _rows(fm, rect.width(), kind_names, shown):
        x = rect.left() + fh * 0.6
        cy = y + row_h / 2
        for key, text, width in row:
            if key == KEYS[0][0] and x > rect.left() + fh:
                x += fh * 1.2
                width -= fh * 1.2
            gx = x + fh * 0.6
            if key.startswith("kind:"):
                painter.setPen(QPen(palette.marker_outline, 1))
                painter.setBrush(kinds[int(key[5:])])
                painter.drawEllipse(QPointF(gx, cy), r, r)
            else:
                _paint_key(painter, key, gx, cy, r, fh, palette)
            painter.setPen(palette.text)
            painter.drawText(QRectF(x + fh * 1.4, y, width, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += width
        y += row_h
    painter.restore()


def _paint_key(painter: QPainter, key: str, gx: float, cy: float, r: float, fh: float,
               palette: TimelinePalette) -> None:
    pen_colour = palette.muted_text
    if key == "stated":
        painter.setPen(QPen(palette.marker_outline, 1))
        painter.setBrush(pen_colour)
        painter.drawEllipse(QPointF(gx, cy), r, r)
    elif key == "inferred":
        painter.setPen(QPen(pen_colour, max(1.5, r * 0.38)))
        painter.setBrush(palette.background)
        painter.drawEllipse(QPointF(gx, cy), r * 0.82, r * 0.82)
    elif key in ("range", "range_inferred"):
        h = max(3.0, r * 1.0)
        bar = QRectF(gx - fh * 0.55, cy - h / 2, fh * 1.1, h)
        painter.setPen(QPen(pen_colour, 1.2))
        painter.setBrush(QBrush(pen_colour, Qt.BrushStyle.BDiagPattern) if key == "range_inferred" else pen_colour)
        painter.drawRoundedRect(bar, h / 2, h / 2)
    elif key == "cluster":
        h = fh * 0.9
        pill = QRectF(gx - fh * 0.6, cy - h / 2, fh * 1.2, h)
        painter.setPen(QPen(pen_colour, 1.2))
        painter.setBrush(palette.lane_alt)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(palette.text)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, "12")
    elif key == "sources":
        painter.setPen(QPen(palette.marker_outline, 1))
        painter.setBrush(pen_colour)
        painter.drawEllipse(QPointF(gx - r * 0.6, cy + r * 0.2), r, r)
        painter.setPen(palette.muted_text)
        painter.drawText(QRectF(gx + r * 0.5, cy - fh * 0.75, fh, fh), Qt.AlignmentFlag.AlignLeft, "3")
