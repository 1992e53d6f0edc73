"""`csto-timeline export-pdf` end to end: filters, the message it prints, and its errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from viewer.cli import main
from viewer.export.command import UsageError, parse_date


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


@pytest.mark.parametrize(("args", "count", "present", "absent"), [
    ([], 3, ["Exercise Interaction-2020", "Брифинг пресс-секретаря ОДКБ"], []),
    (["--from", "2019-11-15", "--to", "2019-12"], 2, ["Session of the Collective"],
     ["Exercise Interaction-2020"]),
    (["--kind", "exercise"], 1, ["Exercise Interaction-2020", "kinds: exercise"],
     ["Брифинг"]),
    (["--person", "владимир зайнетдинов"], 1, ["Брифинг пресс-секретаря ОДКБ",
                                               "people: Владимир Зайнетдинов"], ["Minsk"]),
    (["--body", "CRRF"], 1, ["Exercise Interaction-2020", "bodies: Collective Forces"], []),
])
def test_export_pdf_command(qapp: object, tiny_store_path: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str], args: list[str], count: int,
                            present: list[str], absent: list[str]) -> None:
    out = tmp_path / "out.pdf"
    code = main(["export-pdf", str(out), "--db", str(tiny_store_path), *args])
    captured = capsys.readouterr()
    pages = len(PdfReader(str(out)).pages)
    events = f"{count} event" + ("s" if count != 1 else "")
    assert (code, captured.out.strip()) == \
        (0, f"wrote {out}: {events}, {pages} page" + ("s" if pages != 1 else ""))
    text = pdf_text(out)
    assert all(p in text for p in present), present
    assert not any(a in text for a in absent), absent


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--person", "Nobody Atall"], 2, "unknown person 'Nobody Atall'"),
    (["--from", "28.11.2019"], 2, "bad date '28.11.2019'"),
    (["--from", "2019-02-30"], 2, "bad date '2019-02-30'"),
    (["--from", "2020-01-01", "--to", "2019-01-01"], 2, "is after"),
    (["--kind", "picnic"], 2, "unknown kind 'picnic'"),
    (["--body", "Politburo"], 2, "unknown body 'Politburo'"),
    (["--from", "2030"], 1, "no events match (from 2030-01-01)"),
])
def test_export_pdf_errors(qapp: object, tiny_store_path: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str], args: list[str], code: int,
                           message: str) -> None:
    out = tmp_path / "out.pdf"
    assert main(["export-pdf", str(out), "--db", str(tiny_store_path), *args]) == code
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_store_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-pdf", str(tmp_path / "o.pdf"), "--db", str(tmp_path / "none.db")]) == 1
    assert "no store at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("2019-11-28", False, "2019-11-28"),
    ("2019-11", False, "2019-11-01"),
    ("2019-11", True, "2019-11-30"),
    ("2020-02", True, "2020-02-29"),
    ("2019", False, "2019-01-01"),
    ("2019", True, "2019-12-31"),
])
def test_parse_date(text: str, end: bool, expected: str) -> None:
    assert parse_date(text, end).isoformat() == expected


@pytest.mark.parametrize("text", ["", "yesterday", "19-11-28", "2019-13"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(UsageError):
        parse_date(text)
