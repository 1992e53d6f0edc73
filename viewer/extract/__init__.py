"""Extraction, pure: text in, records out (no Qt, no SQL, no clock); entry point extract_document."""
from __future__ import annotations

from typing import Any

__all__ = ["extract_document", "role_dates"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so importing one rule module (dates, people) stays light.
    if name in __all__:
        from viewer.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
