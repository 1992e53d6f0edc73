"""The document reader: a news item's text with decisions, source sentence, people and dates marked."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QSplitter,
                               QTextBrowser, QToolButton, QToolTip, QVBoxLayout, QWidget)

from viewer.records import DateValue, Span
from viewer.store import queries
from viewer.store.db import Store
from viewer.store.rows import DecisionRow, ItemView, PersonRow
from viewer.ui import theme


@dataclass(frozen=True)
class Mark:
    """A span of the shown text with the words its tooltip says."""

    span: Span
    tip: str


def describe_date(value: DateValue) -> str:
    when = value.start.isoformat() if value.start == value.end else \
        f"{value.start.isoformat()} – {value.end.isoformat()}"
    text = f"{when} ({value.precision} precision, {value.certainty})"
    return f"{text}\nInferred: {value.reason}" if value.reason else text


class ReaderText(QTextBrowser):
    """A read-only text view whose tooltips come from the marks under the mouse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[Mark] = []
        self.setOpenLinks(False)
        self.setAccessibleName("Release text")

    def marks_at(self, offset: int) -> list[Mark]:
        return [m for m in self.marks if m.span.start <= offset < m.span.end]

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.cursorForPosition(event.pos()).position()
            tips = [m.tip for m in self.marks_at(offset)]
            if tips:
                QToolTip.showText(event.globalPos(), "\n\n".join(tips), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class ReaderPanel(QWidget):
    """Shows the item an event came from; emits `person_activated` when a name is clicked."""

    person_activated = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._view: ItemView | None = None
        self._event_id: int | None = None
        self._query = ""
        self._people: tuple[int, ...] = ()
        self._decision = -1

        self.header = QLabel("No event selected")
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Release title")
        self.meta = QLabel("")
        self.meta.setObjectName("readerMeta")
        self.meta.setWordWrap(True)
        self.prev_button = QToolButton(text="◀ Previous")
        self.prev_button.setAccessibleName("Previous decision")
        self.prev_button.setToolTip("Previous decision (Shift+F3)")
        self.next_button = QToolButton(text="Next ▶")
        self.next_button.setAccessibleName("Next decision")
        self.next_button.setToolTip("Next decision (F3)")
        self.text = ReaderText()
        self.text.setPlaceholderText("Select an event on the timeline or in the list to read the "
                                     "release it came from.")
        self.decisions = QListWidget()
        self.decisions.setAccessibleName("Decisions in this item")
        self.decisions.setWordWrap(True)
        self.decisions.setAlternatingRowColors(True)

        self.decisions_label = QLabel("Decisions")
        self.decisions_label.setObjectName("readerMeta")
        decisions_box = QWidget()
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.decisions_label, 1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        box = QVBoxLayout(decisions_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(4)
        box.addLayout(nav)
        box.addWidget(self.decisions, 1)
        split = self.splitter = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("readerSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(self.text)
        split.addWidget(decisions_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.meta)
        layout.addWidget(split, 1)

        self.prev_button.clicked.connect(self.previous_decision)
        self.next_button.clicked.connect(self.next_decision)
        self.decisions.currentRowChanged.connect(self._go_to_decision)
        self.text.anchorClicked.connect(self._on_anchor)
        self._update_buttons()

    # --- public ------------------------------------------------------------------------------
    def set_store(self, store: Store) -> None:
        self._store = store
        self.clear()

    def clear(self) -> None:
        self._view, self._event_id, self._decision = None, None, -1
        self.header.setText("No event selected")
        self.meta.setText("")
        self.decisions_label.setText("Decisions")
        self.text.clear()
        self.text.marks = []
        self.decisions.clear()
        self._update_buttons()

    def event_id(self) -> int | None:
        return self._event_id

    def item(self) -> ItemView | None:
        return self._view

    def show_event(self, event_id: int) -> None:
        rows = queries.events_by_ids(self._store, [event_id])
        if not rows:
            self.clear()
            return
        self._event_id = event_id
        self._view = queries.item_view(self._store, rows[0].item_id)
        self._decision = -1
        self._render()

    def set_highlights(self, query: str, people: tuple[int, ...]) -> None:
        """The search text and the selected people, marked in the item whenever it is shown."""
        if (query, people) == (self._query, self._people):
            return
        self._query, self._people = query, people
        if self._view is not None:
            self._render()

    def decision_spans(self) -> list[Span]:
        return [d.span for d in self._view.decisions] if self._view else []

    def current_decision(self) -> int:
        return self._decision

    def next_decision(self) -> None:
        if self._view and self._view.decisions:
            self.decisions.setCurrentRow((self._decision + 1) % len(self._view.decisions))

    def previous_decision(self) -> None:
        if self._view and self._view.decisions:
            self.decisions.setCurrentRow((self._decision - 1) % len(self._view.decisions))

    # --- rendering -----------------------------------------------------------------------------
    def _render(self) -> None:
        view = self._view
        assert view is not None
        colors = theme.colors(theme.current_scheme())
        published = view.published.isoformat() if view.published else "undated"
        self.header.setText(view.title or "(untitled item)")
        self.meta.setText(f"{view.doc} · published {published}")
        n = len(view.decisions)
        self.decisions_label.setText(f"{n} decision{'' if n == 1 else 's'} in this item")
        doc = QTextDocument(self.text)
        doc.setDefaultFont(self.text.font())
        doc.setPlainText(view.text)
        doc.setDocumentMargin(10)
        marks: list[Mark] = []
        n = len(view.text)

        def paint(span: Span, **fmt: object) -> None:
            start, end = max(0, span.start), min(n, span.end)
            if end <= start:
                return
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            f = QTextCharFormat()
            if "fg" in fmt:
                f.setForeground(QColor(str(fmt["fg"])))
            if "bg" in fmt:
                f.setBackground(QColor(str(fmt["bg"])))
            if fmt.get("bold"):
                f.setFontWeight(QFont.Weight.DemiBold)
            if fmt.get("italic"):
                f.setFontItalic(True)
            if "href" in fmt:
                f.setAnchor(True)
                f.setAnchorHref(str(fmt["href"]))
            if fmt.get("underline"):
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle(int(fmt["underline"])))  # type: ignore[call-overload]
            cursor.mergeCharFormat(f)

        for span in view.noise:
            paint(span, fg=colors["noise"], italic=True)
        source = next((s for eid, s in view.events if eid == self._event_id), None)
        if source is not None:
            paint(source, bg=colors["source"])
            marks.append(Mark(source, "Source sentence of the selected event"))
        for i, d in enumerate(view.decisions):
            paint(d.span, bg=colors["decision_current" if i == self._decision else "decision"])
            marks.append(Mark(d.span, _decision_tip(d)))
        if self._query.strip():
            for start, end in queries.search_positions(self._store, view.id, self._query):
                paint(Span(start, end), bg=colors["search"], bold=True)
                marks.append(Mark(Span(start, end), f"Matches the search “{self._query}”"))
        for span, value in view.dates:
            paint(span, fg=colors["date"], underline=QTextCharFormat.UnderlineStyle.DotLine.value)
            marks.append(Mark(span, describe_date(value)))
        selected = set(self._people)
        for person_id, span in view.mentions:
            paint(span, fg=colors["mention"], href=f"person:{person_id}",
                  underline=QTextCharFormat.UnderlineStyle.SingleUnderline.value,
                  **({"bg": colors["mention_selected"]} if person_id in selected else {}))
            marks.append(Mark(span, "Click to select this person"))
        for role, span, on in view.role_mentions:
            holder = queries.holder_of_role(self._store, role, on) if on else None
            marks.append(Mark(span, _role_tip(role, on, holder)))
            if holder is not None:
                paint(span, fg=colors["role"], href=f"person:{holder.id}",
                      underline=QTextCharFormat.UnderlineStyle.DashUnderline.value)
        self.text.setDocument(doc)
        self.text.marks = marks
        self._fill_decisions(view.decisions)
        if source is not None:
            self._scroll_to(source)
        self._update_buttons()

    def _fill_decisions(self, decisions: list[DecisionRow]) -> None:
        self.decisions.blockSignals(True)
        self.decisions.clear()
        for d in decisions:
            label = f"{d.kind}{' · ' + d.body if d.body else ''}: {d.text}"
            item = QListWidgetItem(label if len(label) < 160 else label[:157] + "…")
            item.setToolTip(_decision_tip(d))
            self.decisions.addItem(item)
        if not decisions:
            self.decisions.addItem(QListWidgetItem("No decisions in this item."))
            self.decisions.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.decisions.setCurrentRow(self._decision)
        self.decisions.blockSignals(False)

    def _scroll_to(self, span: Span) -> None:
        """Put the span's first line a quarter of the way down the view, not at its edge."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(max(0, min(span.start, self.text.document().characterCount() - 1)))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 4)

    def _go_to_decision(self, index: int) -> None:
        if not self._view or not 0 <= index < len(self._view.decisions):
            return
        self._decision = index
        self._render()
        self._scroll_to(self._view.decisions[index].span)

    def _update_buttons(self) -> None:
        has = bool(self._view and self._view.decisions)
        self.prev_button.setEnabled(has)
        self.next_button.setEnabled(has)

    def _on_anchor(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "person" and value.isdigit():
            self.person_activated.emit(int(value))


def _decision_tip(d: DecisionRow) -> str:
    return f"Decision: {d.kind}" + (f" by the {d.body}" if d.body else "") + f"\n“{d.text[:300]}”"


def _role_tip(role: str, on: date | None, holder: PersonRow | None) -> str:
    when = on.isoformat() if on else "an unknown date"
    if holder is None:
        return f"“{role}” on {when}: no holder known"
    return (f"“{role}” on {when}: {holder.name} (inferred from the roles stated in the releases)."
            "\nClick to select this person.")
