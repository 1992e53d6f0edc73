"""Locate the bundled data (resources/ and seeds/) in a checkout or an installed wheel."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root(name: str) -> Path:
    installed = _PACKAGE / "_data" / name  # where the wheel puts it
    return installed if installed.is_dir() else _PACKAGE.parent / name


def resource_path(*parts: str) -> Path:
    return _root("resources").joinpath(*parts)


def seeds_dir() -> Path:
    return _root("seeds")


@cache
def load_json(*parts: str) -> object:
    """A JSON data file from resources/, parsed once per process."""
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))


@cache
def load_lines(*parts: str) -> tuple[str, ...]:
    """A word list from resources/: one entry a line, '#' comments and blank lines skipped."""
    lines = resource_path(*parts).read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))
