"""The README is the docs/ sections assembled, and its two set-up commands are those CI runs."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_is_up_to_date_with_docs() -> None:
    spec = importlib.util.spec_from_file_location("make_readme", ROOT / "scripts" / "make_readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "README.md").read_text(encoding="utf-8") == module.readme(), \
        "run: python scripts/make_readme.py"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "scripts/setup --test && .venv/bin/python -m pytest -q"
    assert command in readme and command in ci
    assert "scripts/setup && .venv/bin/csto-timeline" in readme
