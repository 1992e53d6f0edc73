"""Draw one lane's marks: markers, clusters with their counts, bars, and the selection on them.

On raster devices (the screen, images) each distinct mark is rendered once into a small image and
then blitted: antialiased shapes and text are the costly part of a frame.  Vector devices (PDF)
get the shapes themselves.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEngine, QPen

from viewer.ui.timeline import lod
from viewer.ui.timeline.data import TimelineData
from viewer.ui.timeline.palette import TimelinePalette


def in_sorted(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """values in sorted_set, by binary search: np.isin costs far more on a frame's small arrays."""
    if not len(sorted_set) or not len(values):
        return np.zeros(len(values), bool)
    pos = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[pos] == values


def compact_count(n: int) -> str:
    """At most four characters: 7, 42, 999, 1.2k, 12k, 120k, 1.2M."""
    if n < 1000:
        return str(n)
    for div, unit in ((1_000_000, "M"), (1000, "k")):
        if n >= div:
            v = n / div
            return f"{v:.1f}{unit}" if v < 10 else f"{int(v)}{unit}"
    return str(n)


def smaller_font(font: QFont, factor: float) -> QFont:
    """The font scaled down, whether it was set in points or (by a caller) in pixels."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(font.pointSizeF() * factor, 5.0))
    else:
        small.setPixelSize(max(int(font.pixelSize() * factor), 6))
    return small


@dataclass(eq=False)
class MarkStyle:
    """Everything a mark's look depends on, fixed for one paint."""

    palette: TimelinePalette
    kind_names: tuple[str, ...]
    font: QFont
    small: QFont
    fm: QFontMetricsF
    small_fm: QFontMetricsF
    radius: float
    pill_h: float
    font_h: float
    gap: float
    bar_h: float
    dpr: float
    sprites: bool
    style_key: tuple = ()
    widths: dict[str, float] | None = None

    @classmethod
    def make(cls, painter: QPainter, palette: TimelinePalette, kind_names: tuple[str, ...], radius: float,
             font_h: float, lane_h: float, gap: float, bar_h: float) -> "MarkStyle":
        font = QFont(painter.font())
        small = smaller_font(font, 0.78)
        engine = painter.paintEngine()
        raster = engine is not None and engine.type() == QPaintEngine.Type.Raster
        device = painter.device()
        dpr = float(device.devicePixelRatioF()) if device is not None else 1.0
        pill_h = min(font_h * 1.1, lane_h * 0.8)
        key = (id(palette), kind_names, font.key(), round(radius, 2), round(pill_h, 2), round(dpr, 2))
        return cls(palette, kind_names, font, small, QFontMetricsF(font), QFontMetricsF(small), radius,
                   pill_h, font_h, gap, bar_h, dpr, raster, key, _WIDTHS.setdefault(font.key(), {}))

    def text_width(self, text: str) -> float:
        widths = self.widths if self.widths is not None else {}
        w = widths.get(text)
        if w is None:
            if len(widths) > 5000:
                widths.clear()
            w = widths[text] = self.fm.horizontalAdvance(text)
        return w


_WIDTHS: dict[str, dict[str, float]] = {}


def draw_single(p: QPainter, x: float, y: float, st: MarkStyle, kind: int, inferred: bool, sources: int,
                selected: bool) -> None:
    pal = st.palette
    colour = pal.kind_list(st.kind_names)[kind]
    r = st.radius
    c = QPointF(x, y)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.selection_halo)
        p.drawEllipse(c, r + 4, r + 4)
    if inferred:
        p.setPen(QPen(colour, max(1.5, r * 0.38)))
        p.setBrush(pal.background)
        p.drawEllipse(c, r * 0.82, r * 0.82)
    else:
        p.setPen(QPen(pal.marker_outline, 1.0))
        p.setBrush(colour)
        p.drawEllipse(c, r, r)
    if selected:
        p.setPen(QPen(pal.selection, max(2.0, r * 0.32)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, r + 2, r + 2)
    if sources > 1:
        p.setFont(st.small)
        p.setPen(pal.muted_text)
        h = st.small_fm.height()
        p.drawText(QRectF(x + r + 1, y - r - h * 0.45, h * 2, h), Qt.AlignmentFlag.AlignLeft, str(sources))
        p.setFont(st.font)


def cluster_width(st: MarkStyle, label: str) -> float:
    return st.text_width(label) + st.font_h * 0.7


def draw_pill(p: QPainter, x: float, y: float, st: MarkStyle, kind: int, width: float, selected: bool) -> None:
    pal = st.palette
    colour = pal.kind_list(st.kind_names)[kind]
    h = st.pill_h
    pr = QRectF(x - width / 2, y - h / 2, width, h)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.selection_halo)
        p.drawRoundedRect(pr.adjusted(-3, -3, 3, 3), h / 2 + 3, h / 2 + 3)
    p.setPen(QPen(pal.selection, 2.0) if selected else QPen(colour, 1.3))
    p.setBrush(pal.kind_tints(st.kind_names)[kind])
    p.drawRoundedRect(pr, h / 2, h / 2)


def draw_cluster(p: QPainter, x: float, y: float, st: MarkStyle, kind: int, label: str, selected: bool) -> None:
    pw = cluster_width(st, label)
    draw_pill(p, x, y, st, kind, pw, selected)
    p.setPen(st.palette.cluster_text)
    p.setFont(st.font)
    h = st.pill_h
    p.drawText(QRectF(x - pw / 2, y - h / 2, pw, h), Qt.AlignmentFlag.AlignCenter, label)


class _Sprites:
    """Rendered marks by their look; each is an image and the offset of its centre."""

    def __init__(self) -> None:
        self._style_key: tuple = ()
        self._items: dict[tuple, tuple[QImage, float, float]] = {}

    def begin(self, st: MarkStyle) -> None:
        if st.style_key != self._style_key or len(self._items) > 3000:
            self._items.clear()
            self._style_key = st.style_key

    def get(self, st: MarkStyle, key: tuple) -> tuple[QImage, float, float]:
        item = self._items.get(key)
        if item is None:
            item = self._render(st, key)
            self._items[key] = item
        return item

    def _render(self, st: MarkStyle, key: tuple) -> tuple[QImage, float, float]:
        if key[0] == "c":
            return self._render_cluster(st, key)
        _, kind, inferred, sources, selected = key
        half_w = st.radius + 5 + (st.small_fm.horizontalAdvance(str(sources)) + 2 if sources > 1 else 0)
        half_h = max(st.radius + 5, st.radius + st.small_fm.height() * 0.5)
        img, p, cx, cy = _canvas(half_w, half_h, st.dpr)
        p.setFont(st.font)
        draw_single(p, cx, cy, st, kind, inferred, sources, selected)
        p.end()
        return img, cx, cy

    def _render_cluster(self, st: MarkStyle, key: tuple) -> tuple[QImage, float, float]:
        # the pill is shared by every count of the same width; only the text is new
        _, kind, label, selected = key
        pw = round(cluster_width(st, label))
        pill_key = ("p", kind, pw, selected)
        pill = self._items.get(pill_key)
        if pill is None:
            img, p, cx, cy = _canvas(pw / 2 + 5, st.pill_h / 2 + 5, st.dpr)
            draw_pill(p, cx, cy, st, kind, pw, selected)
            p.end()
            pill = self._items[pill_key] = (img, cx, cy)
        pimg, cx, cy = pill
        img = pimg.copy()
        text, w, h = _RASTER.text(st.font, st.palette.cluster_text, label, st.dpr)
        p = QPainter(img)
        p.drawImage(QPointF(round(cx - w / 2), round(cy - h / 2)), text)
        p.end()
        return img, cx, cy


def _canvas(half_w: float, half_h: float, dpr: float) -> tuple[QImage, QPainter, float, float]:
    w, h = 2 * int(np.ceil(half_w)), 2 * int(np.ceil(half_h))  # even: the centre is a whole pixel
    img = QImage(max(1, int(np.ceil(w * dpr))), max(1, int(np.ceil(h * dpr))), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    return img, p, w / 2, h / 2


_SPRITES = _Sprites()


_DIGITS = frozenset("0123456789.kM")


class _RasterCache:
    """Images of text and of parts that rarely change (lane labels, legend), for raster devices."""

    def __init__(self) -> None:
        self._texts: dict[tuple, tuple[QImage, float, float]] = {}
        self._layers: dict[tuple, QImage] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._advances: dict[tuple[str, str], float] = {}

    def text(self, font: QFont, colour: QColor, text: str, dpr: float) -> tuple[QImage, float, float]:
        fkey = font.key()
        key = (fkey, colour.rgba(), text, dpr)
        item = self._texts.get(key)
        if item is None:
            if len(self._texts) > 4000:
                self._texts.clear()
            fm = self._metrics.get(fkey)
            if fm is None:
                fm = self._metrics[fkey] = QFontMetricsF(font)
            # counts are laid out from cached digit images: a new count costs a few blits, not a text layout
            glyphs = len(text) > 1 and all(ch in _DIGITS for ch in text)
            advances = [self._advance(fm, fkey, ch) for ch in text] if glyphs else []
            w = max(1.0, np.ceil(sum(advances) if glyphs else fm.horizontalAdvance(text)) + 2)
            h = float(np.ceil(fm.height()))
            img = QImage(int(np.ceil(w * dpr)), int(np.ceil(h * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
            img.setDevicePixelRatio(dpr)
            img.fill(QColor(0, 0, 0, 0))
            p = QPainter(img)
            if glyphs:
                x = 0.0
                for ch, adv in zip(text, advances):
                    glyph = self.text(font, colour, ch, dpr)[0]
                    p.drawImage(QPointF(round(x), 0), glyph)
                    x += adv
            else:
                p.setFont(font)
                p.setPen(colour)
                p.drawText(QRectF(1, 0, w, h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            p.end()
            item = (img, float(w), h)
            self._texts[key] = item
        return item

    def _advance(self, fm: QFontMetricsF, fkey: str, ch: str) -> float:
        key = (fkey, ch)
        adv = self._advances.get(key)
        if adv is None:
            adv = self._advances[key] = fm.horizontalAdvance(ch)
        return adv

    def layer(self, key: tuple, size: tuple[int, int], dpr: float, draw: Callable[[QPainter], None],
              font: QFont) -> QImage:
        img = self._layers.get(key)
        if img is None:
            if len(self._layers) > 16:
                self._layers.clear()
            img = QImage(max(1, int(np.ceil(size[0] * dpr))), max(1, int(np.ceil(size[1] * dpr))),
                         QImage.Format.Format_ARGB32_Premultiplied)
            img.setDevicePixelRatio(dpr)
            img.fill(QColor(0, 0, 0, 0))
            p = QPainter(img)
            p.setFont(font)
            draw(p)
            p.end()
            self._layers[key] = img
        return img


_RASTER = _RasterCache()


def is_raster(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


def device_ratio(painter: QPainter) -> float:
    device = painter.device()
    return float(device.devicePixelRatioF()) if device is not None else 1.0


def draw_text(painter: QPainter, x: float, row: QRectF, text: str, colour: QColor) -> None:
    """Text left-aligned at x, centred in the row's height; from an image cache on raster devices."""
    if is_raster(painter):
        img, _w, h = _RASTER.text(painter.font(), colour, text, device_ratio(painter))
        painter.drawImage(QPointF(round(x - 1), round(row.top() + (row.height() - h) / 2)), img)
    else:
        painter.setPen(colour)
        painter.drawText(QRectF(x, row.top(), max(row.right() - x, 1.0) + 1000, row.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def draw_layer(painter: QPainter, key: tuple, rect: QRectF, draw: Callable[[QPainter], None]) -> None:
    """Draw what `draw` paints inside `rect`, kept as an image between frames on raster devices."""
    if not is_raster(painter):
        draw(painter)
        return
    dpr = device_ratio(painter)
    full_key = (key, round(rect.width(), 2), round(rect.height(), 2), dpr, painter.font().key())

    def shifted(p: QPainter) -> None:
        p.translate(-rect.left(), -rect.top())
        draw(p)

    img = _RASTER.layer(full_key, (int(np.ceil(rect.width())), int(np.ceil(rect.height()))), dpr, shifted,
                        painter.font())
    painter.drawImage(QPointF(rect.left(), rect.top()), img)


def paint_marks(painter: QPainter, frame: lod.Frame, data: TimelineData, sel: np.ndarray, st: MarkStyle,
                left: float, mark_ys: list[float], bar_y0s: list[float], bar_step: float) -> None:
    """Every lane's bars, then markers and clusters on top; `sel` holds selected data indexes, sorted.

    The marks of all lanes go through one loop and one set of array operations: a frame's cost is
    its marks, not its lanes."""
    for lf, y0 in zip(frame.lanes, bar_y0s):
        if len(lf.bar_event):
            _paint_bars(painter, lf, data, sel, st, left, y0, bar_step)
    lanes = [lf for lf in frame.lanes if len(lf)]
    if not lanes:
        return
    x = np.concatenate([lf.x for lf in lanes])
    event = np.concatenate([lf.event for lf in lanes])
    lo = np.concatenate([lf.lo for lf in lanes])
    hi = np.concatenate([lf.hi for lf in lanes])
    sizes = [len(lf) for lf in lanes]
    row_of = {lf.lane: i for i, lf in enumerate(frame.lanes)}
    ys = np.repeat(np.round([mark_ys[row_of[lf.lane]] for lf in lanes]), sizes)
    selected = np.zeros(len(x), bool)
    singles = event >= 0
    if len(sel):
        # lo/hi are positions in the by-lane order, the same for every lane: one search for all
        selected[singles] = in_sorted(event[singles], sel)
        pos = np.sort(data.lane_pos[sel])
        selected[~singles] = np.searchsorted(pos, lo[~singles]) < np.searchsorted(pos, hi[~singles])
    # each mark may grow to half the distance to its neighbours: room to name a cluster's main kind
    dist = np.diff(x)
    dist[np.cumsum(sizes)[:-1] - 1] = np.inf  # no neighbour across lanes
    room = np.minimum(np.concatenate([[np.inf], dist]), np.concatenate([dist, [np.inf]])) - st.gap
    painter.setFont(st.font)
    kind_names = st.kind_names
    sprites = st.sprites
    if sprites:
        _SPRITES.begin(st)
    get = _SPRITES.get
    draw = painter.drawImage
    wide_room = st.font_h * 3
    columns = zip((x + left).tolist(), ys.tolist(), np.concatenate([lf.count for lf in lanes]).tolist(),
                  np.concatenate([lf.kind for lf in lanes]).tolist(),
                  np.concatenate([lf.inferred for lf in lanes]).tolist(),
                  np.concatenate([lf.sources for lf in lanes]).tolist(), event.tolist(), selected.tolist(),
                  room.tolist())
    for mx, my, cnt, k, inf, src, ev, s, rm in columns:
        if ev >= 0:
            key: tuple = ("s", k, inf, src if src > 1 else 0, s)
        else:
            label = compact_count(cnt)
            if rm > wide_room:
                wide = f"{label} \u00b7 {kind_names[k]}"
                if cluster_width(st, wide) <= rm:
                    label = wide
            key = ("c", k, label, s)
        if sprites:
            img, cx, cy = get(st, key)
            draw(QPointF(round(mx - cx), my - cy), img)
        elif key[0] == "s":
            draw_single(painter, mx, my, st, k, inf, src, s)
        else:
            draw_cluster(painter, mx, my, st, k, key[2], s)


def _paint_bars(painter: QPainter, lf: lod.LaneFrame, data: TimelineData, sel: np.ndarray, st: MarkStyle,
                left: float, bar_y0: float, bar_step: float) -> None:
    pal = st.palette
    kinds = pal.kind_list(st.kind_names)
    hatches = pal.kind_hatches(st.kind_names)
    bar_sel = in_sorted(lf.bar_event, sel)
    h = st.bar_h
    painter.save()
    # square bars: crisp, and an order of magnitude cheaper than antialiased rounded ones
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    x0s = np.round(left + lf.bar_x0)
    ws = np.maximum(np.round(left + lf.bar_x1) - x0s, 2)
    ys = np.round(bar_y0 + lf.bar_row * bar_step - h / 2)
    h = round(h)
    for x0, w, y0, k, inf, s in zip(x0s.tolist(), ws.tolist(), ys.tolist(),
                                    data.kinds[lf.bar_event].tolist(), data.inferred[lf.bar_event].tolist(),
                                    bar_sel.tolist()):
        r = QRectF(x0, y0, w, h)
        if s:
            painter.fillRect(r.adjusted(-3, -3, 3, 3), pal.selection_halo)
        colour = kinds[k]
        if inf:
            painter.fillRect(r, pal.background)
            painter.fillRect(r, hatches[k])
            painter.setPen(colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(0, 0, -1, -1))
        else:
            painter.fillRect(r, colour)
        if s:
            painter.setPen(QPen(pal.selection, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(-1, -1, 0, 0))
    painter.restore()
