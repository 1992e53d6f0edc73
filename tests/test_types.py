"""The core (extraction, store, records) type-checks: mypy finds no error in it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ["viewer/extract", "viewer/store", "viewer/records.py", "viewer/sources.py", "viewer/resources.py"]


def test_the_core_type_checks() -> None:
    pytest.importorskip("mypy")
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", *CORE], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
