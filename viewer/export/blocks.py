"""The report's look: type styles, colours, and the blocks for the header and for each event."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont

from viewer.export.data import ReportEvent
from viewer.export.layout import Block, PaintEl, RectEl, Style, TextEl, Typesetter
from viewer.export.strip import make_strip
from viewer.export.text import certainty_note, format_date, join, plural
from viewer.resources import load_json

FAMILY = "DejaVu Sans"
INK = QColor("#1d232b")
MUTED = QColor("#5f6b7a")
FAINT = QColor("#8a94a3")
RULE = QColor("#d5dae1")
ACCENT = QColor("#1f4e79")
INFERRED = QColor("#a5560b")
QUOTE_BAR = QColor("#b9c4d2")
PANEL = QColor("#f3f5f8")

# Used only when resources/styles/timeline.json (the window's colours) is missing.
FALLBACK_KIND_COLORS: dict[str, str] = {
    "session": "#1f4e79", "meeting": "#2e75b6", "consultation": "#3f7f3a", "exercise": "#b5520f",
    "course": "#8a6d00", "visit": "#6b3fa0", "appointment": "#a61c3c", "statement": "#4a5563",
    "planned": "#7a8494", "operation": "#c00000", "other": "#5f6b7a",
}

MAX_QUOTED_SOURCES = 3


@cache
def _kind_colors() -> dict[str, QColor]:
    """The timeline's kind colours, so a kind looks the same on screen and on paper."""
    try:
        data = load_json("styles", "timeline.json")
        kinds = data["light"]["kinds"]  # type: ignore[index]
    except (OSError, KeyError, TypeError, ValueError):
        kinds = FALLBACK_KIND_COLORS
    return {k: QColor(v) for k, v in {**FALLBACK_KIND_COLORS, **kinds}.items()}


def kind_color(kind: str) -> QColor:
    colors = _kind_colors()
    return colors.get(kind, colors["other"])


def kind_text_color(kind: str) -> QColor:
    """The kind's colour darkened until small bold capitals on white stay readable."""
    color = kind_color(kind)
    while color.lightnessF() > 0.38:
        color = color.darker(115)
    return color


def _font(size: float, bold: bool = False, spacing: float = 0.0) -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(size)
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    # unhinted outlines so measured widths are the printed widths at any resolution
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # no "ff"/"fi" ligatures: text copied or searched in the PDF must match the releases' words
    font.setFeature(QFont.Tag.fromString("liga"), 0)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


@dataclass(frozen=True)
class Geometry:
    """A4 page and column sizes in device units (unit = device units per typographic point)."""

    unit: float
    page_w: float
    page_h: float

    def pt(self, points: float) -> float:
        return points * self.unit

    @property
    def left(self) -> float:
        return self.pt(50)

    @property
    def width(self) -> float:
        return self.page_w - 2 * self.left

    @property
    def top(self) -> float:
        return self.pt(58)

    @property
    def bottom(self) -> float:
        return self.page_h - self.pt(54)


class ReportStyles:
    def __init__(self) -> None:
        self.brand = Style(_font(7.5, True, 1.2), ACCENT)
        self.title = Style(_font(19, True), INK)
        self.meta_label = Style(_font(7.5, True), FAINT)
        self.meta = Style(_font(9), INK)
        self.date = Style(_font(9.5, True), INK)
        self.stated = Style(_font(7.5), FAINT)
        self.inferred = Style(_font(7.5), INFERRED)
        self.kind = Style(_font(7, True, 0.8), ACCENT)
        self.event_title = Style(_font(10.5, True), INK)
        self.label = Style(_font(7.5), FAINT)
        self.value = Style(_font(8.5), INK)
        self.value_bold = Style(_font(8.5, True), INK)
        self.doc = Style(_font(7.5), MUTED)
        self.quote = Style(_font(8.5), QColor("#38424f"))
        self.small = Style(_font(7.5), FAINT)
        self.legend = Style(_font(6.5), MUTED)


class BlockBuilder:
    """Turns report data into laid-out blocks for one device."""

    def __init__(self, ts: Typesetter, geo: Geometry, styles: ReportStyles) -> None:
        self.ts, self.geo, self.s = ts, geo, styles
        pt = geo.pt
        self.date_w = pt(92)
        self.body_x = pt(108)
        self.body_w = geo.width - self.body_x
        self.label_w = pt(54)
        self.value_x = self.body_x + self.label_w
        self.value_w = self.body_w - self.label_w
        self._labels: dict[str, TextEl] = {}

    def header(self, title: str, filter_description: str, events: Sequence[ReportEvent],
               created: datetime) -> Block:
        pt, s, ts, w = self.geo.pt, self.s, self.ts, self.geo.width
        texts: list[TextEl] = []
        y = 0.0
        texts.append(ts.text("CSTO TIMELINE \u00b7 EVENT REPORT", s.brand, w, 0, y))
        y = texts[-1].bottom + pt(3)
        texts.append(ts.text(title, s.title, w, 0, y))
        y = texts[-1].bottom + pt(10)
        span = ""
        if events:
            first = min(e.date.start for e in events)
            last = max(e.date.end for e in events)
            span = f"  \u00b7  {first.isoformat()} \u2013 {last.isoformat()}"
        rows = [("FILTER", filter_description or "All events"),
                ("EVENTS", plural(len(events), "event") + span),
                ("CREATED", created.strftime("%Y-%m-%d %H:%M %Z").strip())]
        label_w = pt(62)
        for label, value in rows:
            lab = ts.text(label, s.meta_label, label_w, 0, y + pt(1.2))
            val = ts.text(value, s.meta, w - label_w, label_w, y)
            texts += [lab, val]
            y = max(lab.bottom, val.bottom) + pt(2.5)
        y += pt(8)
        strip = make_strip(events, self.geo.unit, w - pt(2), FAMILY, kind_color, s.legend)
        if strip.framed:
            panel = QRectF(0, y, w, strip.height + pt(2))
            inner = panel.adjusted(pt(1), pt(1), -pt(1), -pt(1))
            rects = [RectEl(panel, RULE)]
        else:
            panel = QRectF(0, y, w, strip.height + pt(14))
            inner = panel.adjusted(pt(10), pt(8), -pt(10), -pt(6))
            rects = [RectEl(panel, PANEL, pt(3))]
        paints = [PaintEl(inner, strip.paint)]
        y = panel.bottom() + pt(14)
        rects.append(RectEl(QRectF(0, y - pt(1.2), w, pt(1.2)), ACCENT))
        return Block(y + pt(4), texts, rects, paints)

    def _label(self, text: str, y: float) -> TextEl:
        # labels repeat on every event: lay each out once and draw it at many places
        el = self._labels.get(text)
        if el is None:
            el = self._labels[text] = self.ts.text(text, self.s.label, self.label_w, 0, 0)
        shift = y - el.y
        return TextEl(el.layout, self.body_x, y, el.color,
                      [(a + shift, b + shift) for a, b in el.lines], el.width)

    def event(self, index: int, e: ReportEvent) -> Block:
        pt, s, ts = self.geo.pt, self.s, self.ts
        pad = pt(9)
        texts: list[TextEl] = []
        rects: list[RectEl] = []
        # date and note, kind and title: one layout each, split by a line separator, because
        # layouts are most of the export's time
        note_style = s.inferred if e.date.certainty == "inferred" else s.stated
        note_el = ts.text([(format_date(e.date) + "\u2028", None),
                           (certainty_note(e.date), note_style)], s.date, self.date_w, 0, pad)
        texts.append(note_el)
        if e.date.certainty == "inferred":
            rects.append(RectEl(QRectF(-pt(7), pad + pt(1), pt(2), note_el.bottom - pad - pt(1)),
                                INFERRED))

        kind_style = Style(s.kind.font, kind_text_color(e.kind))
        title_el = ts.text([((e.kind or "other").upper() + "\u2028", kind_style),
                            (e.title or "(untitled)", None)], s.event_title, self.body_w,
                           self.body_x, pad)
        texts.append(title_el)
        y = title_el.bottom + pt(4)

        def row(label: str, value: str | list[tuple[str, Style | None]], style: Style) -> None:
            nonlocal y
            val = ts.text(value, style, self.value_w, self.value_x, y)
            lab = self._label(label, y + (val.lines[0][1] - val.lines[0][0]) * 0.08)
            texts.extend((lab, val))
            y = max(lab.bottom, val.bottom) + pt(2.5)

        if e.place:
            row("Place", e.place, s.value)
        if e.bodies:
            row("Bodies", join(e.bodies), s.value)
        if e.people:
            row("People", join(e.people), s.value)
        for i, d in enumerate(e.decisions):
            head = d.kind.capitalize() if d.kind and d.kind != "other" else "Decision"
            runs: list[tuple[str, Style | None]] = [(head, s.value_bold)]
            if d.body:
                runs.append((f" \u00b7 {d.body}", Style(s.value.font, MUTED)))
            # a line separator keeps the clause under its heading within one laid-out paragraph
            runs.append((f"\u2028{' '.join(d.text.split())}", None))
            row("Decisions" if i == 0 else "", runs, s.value)
        y += pt(1.5)
        for i, src in enumerate(e.sources[:MAX_QUOTED_SOURCES]):
            doc = ts.text(src.doc, s.doc, self.value_w, self.value_x, y)
            lab = self._label("Source" if i == 0 else "", y)
            quote_y = doc.bottom + pt(2)
            quote = ts.text(f"\u201c{' '.join(src.sentence.split())}\u201d", s.quote,
                            self.value_w - pt(9), self.value_x + pt(9), quote_y)
            rects.append(RectEl(QRectF(self.value_x + pt(1), quote_y + pt(1.5), pt(1.6),
                                       quote.bottom - quote_y - pt(2.5)), QUOTE_BAR))
            texts += [lab, doc, quote]
            y = quote.bottom + pt(4)
        more = e.source_count - min(len(e.sources), MAX_QUOTED_SOURCES)
        if more > 0:
            rest = [x.doc for x in e.sources[MAX_QUOTED_SOURCES:]]
            names = f": {join(sorted(set(rest)))}" if rest else ""
            texts.append(ts.text(f"and {plural(more, 'more report')}{names}", s.doc,
                                 self.value_w, self.value_x, y))
            y = texts[-1].bottom + pt(4)
        height = max(y, note_el.bottom) + pad
        rects.append(RectEl(QRectF(0, height - pt(0.5), self.geo.width, pt(0.5)), RULE))
        when = format_date(e.date)

        def continued() -> TextEl:
            return self.ts.text(f"{when}, continued", s.stated, self.date_w)

        return Block(height, texts, rects, [], index, continued)
