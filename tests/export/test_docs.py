"""docs/export.md stays true to the command it documents."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from viewer.cli import build_parser

DOC = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text(encoding="utf-8")


def export_options() -> set[str]:
    sub = next(a for a in build_parser()._subparsers._group_actions)  # type: ignore[union-attr]
    parser = sub.choices["export-pdf"]  # type: ignore[attr-defined]
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--")} - {"--help"}


def test_usage_lists_every_option() -> None:
    usage = DOC.split("```")[1]
    assert set(re.findall(r"--[a-z]+", usage)) == export_options()


def test_kinds_listed_are_the_store_kinds() -> None:
    rows = pytest.importorskip("viewer.store.rows")
    listed = re.search(r"kinds are\s+(.*?)\.\n", DOC, re.S)
    assert listed is not None
    assert tuple(k.strip() for k in listed[1].replace("\n", " ").split(",")) == rows.KINDS
