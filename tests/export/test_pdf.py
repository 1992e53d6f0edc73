"""The PDF itself: pages, header, events' text (Cyrillic included), page numbers, atomic writing."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from viewer.export.data import ExportCancelled, ReportDecision, ReportEvent, ReportSource
from viewer.export.pdf import ExportError, render_pdf
from viewer.records import DateValue

CREATED = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
LONG = " ".join(["The Council considered the state of collective security in the region."] * 9)


def event(i: int, day: date, title: str, *, kind: str = "session", certainty: str = "stated",
          reason: str = "", sentence: str = "The session was held.",
          decisions: tuple[ReportDecision, ...] = (), people: tuple[str, ...] = ()) -> ReportEvent:
    return ReportEvent(i, DateValue(day, day, "day", certainty, reason), kind, title,  # type: ignore[arg-type]
                       "Bishkek", ("Collective Security Council",), people, decisions,
                       (ReportSource(f"doc_{i}.txt", sentence),), 1)


def text_of(path: Path) -> tuple[int, list[str]]:
    reader = PdfReader(str(path))
    return len(reader.pages), [" ".join(p.extract_text().split()) for p in reader.pages]


@pytest.fixture
def events() -> list[ReportEvent]:
    return [
        event(1, date(2019, 11, 28), "Session of the Collective Security Council",
              decisions=(ReportDecision("adopted", "Collective Security Council",
                                        "the budget for 2020"),)),
        event(2, date(2019, 12, 5), "Брифинг пресс-секретаря", kind="statement",
              certainty="inferred", reason="year of the release",
              sentence="Пресс-секретарь ОДКБ Владимир Зайнетдинов провёл брифинг.",
              people=("Владимир Зайнетдинов",)),
    ]


def test_header_events_and_cyrillic(qapp: object, tmp_path: Path,
                                    events: list[ReportEvent]) -> None:
    out = tmp_path / "report.pdf"
    result = render_pdf(events, out, "kinds: session, statement", title="Test report",
                        created=CREATED)
    pages, texts = text_of(out)
    assert (result.path, result.pages, result.events, result.bytes) == \
        (out.resolve(), pages, 2, out.stat().st_size)
    first = texts[0]
    for expected in ("Test report", "kinds: session, statement", "2 events",
                     "2026-01-02 03:04", "28 Nov 2019", "date stated",
                     "Session of the Collective Security Council", "SESSION", "Bishkek",
                     "Adopted", "the budget for 2020", "doc_1.txt", "“The session was held.”",
                     "5 Dec 2019", "date inferred: year of the release",
                     "Брифинг пресс-секретаря", "Владимир Зайнетдинов провёл брифинг",
                     f"Page 1 of {pages}"):
        assert expected in first, expected
    assert first.index("28 Nov 2019") < first.index("5 Dec 2019")


def test_page_numbers_and_long_events_move_whole(qapp: object, tmp_path: Path) -> None:
    many = [event(i, date(2019, 1, 1 + i), f"Meeting number {i}", sentence=LONG)
            for i in range(20)]
    out = tmp_path / "many.pdf"
    result = render_pdf(many, out, "All events", created=CREATED)
    pages, texts = text_of(out)
    assert result.pages == pages > 3
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} of {pages}" in text
    for i in range(20):
        # each event's title and the end of its quoted sentence land on the same page
        holders = [n for n, t in enumerate(texts) if f"Meeting number {i} " in t + " "]
        ends = [n for n, t in enumerate(texts) if f"Meeting number {i} " in t + " "
                and "region.”" in t.split(f"Meeting number {i} ", 1)[1]]
        assert len(holders) == 1 and holders == ends, i


def test_an_event_taller_than_a_page_is_split_not_lost(qapp: object, tmp_path: Path) -> None:
    huge = [event(1, date(2019, 1, 1), "Very long", sentence=LONG * 8 + " THE END")]
    out = tmp_path / "huge.pdf"
    result = render_pdf(huge, out, "All events", created=CREATED)
    pages, texts = text_of(out)
    assert result.pages == pages >= 2
    assert "THE END" in " ".join(texts)
    assert ["1 Jan 2019, continued" in t for t in texts] == [False] + [True] * (pages - 1)


@pytest.mark.parametrize("stop_after", [1, 3, 12])  # 12: mid-way through painting pages
def test_cancel_leaves_no_file_and_keeps_the_old_one(qapp: object, tmp_path: Path,
                                                     stop_after: int) -> None:
    many = [event(i, date(2019, 1, 1), f"E{i}", sentence=LONG) for i in range(100)]
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous export")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > stop_after

    with pytest.raises(ExportCancelled):
        render_pdf(many, out, "All events", cancel=cancel, created=CREATED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    assert out.read_bytes() == b"the previous export"


def test_failure_while_writing_leaves_no_temporary_file(qapp: object, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        events: list[ReportEvent]) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="No space left on device"):
        render_pdf(events, tmp_path / "report.pdf", "All events", created=CREATED)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(qapp: object, tmp_path: Path,
                                         events: list[ReportEvent]) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        render_pdf(events, tmp_path / "nowhere" / "report.pdf", "All events")


def test_progress_reaches_the_total(qapp: object, tmp_path: Path) -> None:
    many = [event(i, date(2019, 1, 1), f"E{i}") for i in range(40)]
    seen: list[tuple[int, int]] = []
    render_pdf(many, tmp_path / "p.pdf", "All events", progress=lambda d, t: seen.append((d, t)),
               created=CREATED)
    assert seen[-1] == (80, 80)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_no_events_still_makes_a_report(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = render_pdf([], out, "text “nothing”", created=CREATED)
    pages, texts = text_of(out)
    assert (result.pages, result.events, pages) == (1, 0, 1)
    assert "0 events" in texts[0] and "no events" in texts[0]


def test_own_strip_when_the_window_timeline_is_absent(qapp: object, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      events: list[ReportEvent]) -> None:
    from viewer.export import strip

    def missing(*args: object) -> strip.Strip:
        raise ImportError("no viewer.ui.timeline")

    monkeypatch.setattr(strip, "_shared_strip", missing)
    out = tmp_path / "own.pdf"
    render_pdf(events, out, "All events", created=CREATED)
    _, texts = text_of(out)
    # the simple strip names the months it spans and counts the kinds in its legend
    assert "Nov 2019" in texts[0] and "Dec" in texts[0]
    assert "session 1" in texts[0] and "statement 1" in texts[0]


def test_window_timeline_strip_names_the_lanes(qapp: object, tmp_path: Path,
                                               events: list[ReportEvent]) -> None:
    pytest.importorskip("viewer.ui.timeline.paint")
    out = tmp_path / "shared.pdf"
    render_pdf(events, out, "All events", created=CREATED)
    _, texts = text_of(out)
    assert "Collective Secu" in texts[0].split("EVENT REPORT")[0]
