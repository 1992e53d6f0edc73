"""Write events to an A4 PDF with QPdfWriter, painted from data, replacing the target only when complete."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QFontDatabase, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize,
                           QPainter, QPdfWriter)

from viewer.export.blocks import FAINT, RULE, BlockBuilder, Geometry, ReportStyles
from viewer.export.data import ExportCancelled, ReportEvent, check_cancel, load_events
from viewer.export.layout import Block, Typesetter, draw, paginate
from viewer.resources import resource_path

__all__ = ["ExportCancelled", "ExportError", "ExportResult", "export_events", "render_pdf"]

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
DEFAULT_TITLE = "Events"
RESOLUTION = 600  # dots per inch: fine enough that positions in device units never visibly round


class ExportError(Exception):
    """The PDF could not be written; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    pages: int
    events: int
    bytes: int


@cache
def register_fonts() -> tuple[str, ...]:
    """Load the shipped fonts once per process, so output never depends on the system's fonts."""
    if QGuiApplication.instance() is None:
        raise ExportError("PDF export needs a QGuiApplication; create one before exporting")
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            raise ExportError(f"cannot load the bundled font {resource_path('fonts', name)}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(dict.fromkeys(families))


def export_events(store: Any, event_ids: Sequence[int], out_path: str | os.PathLike[str],
                  filter_description: str, progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None, *, title: str = DEFAULT_TITLE,
                  created: datetime | None = None) -> ExportResult:
    """Export the events (any order; printed in date order) to out_path.

    Raises ExportCancelled when cancel() turns true and ExportError when the file cannot be
    written; in both cases out_path is left as it was and no temporary file remains.
    """
    events = load_events(store, event_ids, cancel)
    return render_pdf(events, out_path, filter_description, progress, cancel, title=title,
                      created=created)


def render_pdf(events: Sequence[ReportEvent], out_path: str | os.PathLike[str],
               filter_description: str, progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None, *, title: str = DEFAULT_TITLE,
               created: datetime | None = None) -> ExportResult:
    """Lay out and paint already gathered events; the store is not touched."""
    register_fonts()
    out = Path(out_path).expanduser().resolve()
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {out}: the folder {out.parent} does not exist")
    created = created or datetime.now(timezone.utc).replace(microsecond=0)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pages = _write(events, tmp, filter_description, title, created, progress, cancel)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportResult(out, pages, len(events), out.stat().st_size)


def _write(events: Sequence[ReportEvent], tmp: Path, filter_description: str, title: str,
           created: datetime, progress: Callable[[int, int], None] | None,
           cancel: Callable[[], bool] | None) -> int:
    file = QFile(str(tmp))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
        raise ExportError(f"cannot write {tmp.parent}: {file.errorString()}")
    writer = QPdfWriter(file)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("CSTO Timeline")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    try:
        if not painter.begin(writer):
            raise ExportError(f"cannot start a PDF in {tmp.parent}")
        pages = _paint(painter, writer, events, filter_description, title, created, progress,
                       cancel)
        if not painter.end():
            raise ExportError(f"cannot finish the PDF in {tmp.parent}")
        file.flush()
        if file.error() != QFile.FileError.NoError:
            raise ExportError(f"cannot write {tmp.parent}: {file.errorString()}")
        return pages
    finally:
        if painter.isActive():
            painter.end()
        file.close()


def _paint(painter: QPainter, writer: QPdfWriter, events: Sequence[ReportEvent],
           filter_description: str, title: str, created: datetime,
           progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> int:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    unit = writer.resolution() / 72.0
    geo = Geometry(unit, writer.width(), writer.height())
    styles = ReportStyles()
    ts = Typesetter(writer)
    builder = BlockBuilder(ts, geo, styles)
    total = 2 * len(events)  # layout, then painting: about equal shares of the time
    blocks: list[Block] = [builder.header(title, filter_description, events, created)]
    for i, event in enumerate(events):
        if i % 16 == 0:
            check_cancel(cancel)
            if progress is not None:
                progress(i, total)
        blocks.append(builder.event(i, event))
    pages = paginate(blocks, geo.top, geo.bottom)
    stamp = created.strftime("%Y-%m-%d %H:%M %Z").strip()
    running = f"{title}  \u00b7  {filter_description or 'All events'}"
    done = 0
    for n, placements in enumerate(pages, start=1):
        check_cancel(cancel)
        if n > 1 and not writer.newPage():
            raise ExportError("cannot add a page to the PDF (disk full?)")
        for placement in placements:
            draw(painter, placement, geo.left)
            if placement.block.event is not None and placement.hi >= placement.block.height:
                done += 1
                if progress is not None and done % 16 == 0:
                    progress(len(events) + done, total)
        # after the content, so text extraction and screen readers meet the page in reading order
        if n > 1:
            _running_head(painter, ts, geo, styles, running)
        _footer(painter, ts, geo, styles, f"Created {stamp}", f"Page {n} of {len(pages)}")
    if progress is not None:
        progress(total, total)
    return len(pages)


def _running_head(painter: QPainter, ts: Typesetter, geo: Geometry, styles: ReportStyles,
                  text: str) -> None:
    y = geo.top - geo.pt(30)
    fm = QFontMetricsF(styles.small.font, ts.device)
    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, geo.width)
    painter.setPen(FAINT)
    ts.text(text, styles.small, geo.width * 2, 0, 0).layout.draw(painter, QPointF(geo.left, y))
    painter.fillRect(QRectF(geo.left, y + geo.pt(12), geo.width, geo.pt(0.5)), RULE)


def _footer(painter: QPainter, ts: Typesetter, geo: Geometry, styles: ReportStyles,
            left: str, right: str) -> None:
    y = geo.bottom + geo.pt(20)
    painter.fillRect(QRectF(geo.left, y - geo.pt(6), geo.width, geo.pt(0.5)), RULE)
    painter.setPen(FAINT)
    ts.text(left, styles.small, geo.width / 2, 0, 0).layout.draw(painter, QPointF(geo.left, y))
    page = ts.text(right, styles.small, geo.width / 2, 0, 0)
    page.layout.draw(painter, QPointF(geo.left + geo.width - page.width, y))
