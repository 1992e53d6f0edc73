"""Shared fixtures; Qt runs headless."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the store's record of files it has checked goes to a cache folder of the test run's own
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="csto-timeline-cache-")

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
