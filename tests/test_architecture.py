"""The layers stay apart: the core never imports Qt, only the store speaks SQL, every module says its job."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "viewer"
MODULES = sorted(PACKAGE.rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module if node.module.startswith("viewer") else node.module.split(".")[0])
    return names


def layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    return rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")


CORE = ("extract", "store", "records", "sources", "resources")


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) in CORE], ids=lambda p: p.name)
def test_the_core_never_imports_qt(path: Path) -> None:
    assert "PySide6" not in imported(path)


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) in ("extract", "records", "sources")],
                         ids=lambda p: p.name)
def test_extraction_is_pure(path: Path) -> None:
    names = imported(path)
    assert not names & {"sqlite3", "sqlite_utils", "PySide6"}
    assert not any(n.startswith(("viewer.store", "viewer.ui", "viewer.export")) for n in names)


@pytest.mark.parametrize("path", [p for p in MODULES if layer(p) == "ui"], ids=lambda p: p.name)
def test_the_window_has_no_sql_and_no_parsing(path: Path) -> None:
    names = imported(path)
    assert not names & {"sqlite3", "sqlite_utils"}
    assert not any(n.startswith("viewer.extract") for n in names)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_opens_with_a_docstring(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if tree.body:
        assert ast.get_docstring(tree), f"{path} has no docstring naming its job"
