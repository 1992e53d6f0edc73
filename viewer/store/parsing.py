"""What an import's worker processes run: read and extract files, and hand back records.

Kept apart from the store's writing side, so that a worker starts without loading SQLite's
helpers, numpy or the queries.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import replace

from viewer.records import Extraction
from viewer.sources import Source, SourceError, read_source

Extractor = Callable[[str, str], Extraction]
Parsed = tuple[Source, Extraction] | str  # a reason in words when the file could not be read
WORKER_NICENESS = 10
# An import allocates millions of small records that hold no cycles; at Python's default of a
# collection every 700 allocations, the collector spent a tenth of the writer's time.
IMPORT_GC_THRESHOLDS = (50_000, 20, 100)


def _default_extractor() -> Extractor:
    from viewer.extract import extract_document  # the extraction is loaded only when parsing
    return extract_document


def parse_file(path: str, extract: Extractor | None = None) -> Parsed:
    """Read and extract one file; never raises, so one bad file cannot stop a batch."""
    try:
        src = read_source(path)
    except SourceError as exc:
        return str(exc)
    try:
        extraction = (extract or _default_extractor())(src.text, src.name)
    except MemoryError:
        return "the file is too large to read into memory"
    except Exception as exc:  # noqa: BLE001 - any extraction bug becomes this file's reason
        return f"the extraction failed ({type(exc).__name__}: {exc})"
    # The text travels back once, inside the extraction, not twice; the sentences and the flat
    # mention list stay behind, since the writer stores neither (the people carry their mentions).
    return (Source(src.name, src.path, "", src.encoding, src.sha256, src.size),
            replace(extraction, sentences=(), mentions=()))


def set_up_worker() -> None:
    """A worker runs below the writer and the window: the writer is the one stage that cannot
    be parallel, and a share of a core lost to a worker holds up the whole pipeline."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass
    gc.set_threshold(*IMPORT_GC_THRESHOLDS)


def parse_files(paths: list[str], extract: Extractor | None = None) -> list[Parsed]:
    return [parse_file(path, extract) for path in paths]
