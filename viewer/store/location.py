"""Where the default store lives, and building it from the bundled seeds on first use."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from platformdirs import user_data_dir

from viewer.store.ingest import Progress

APP_NAME = "csto-timeline"
ENV_DB = "CSTO_TIMELINE_DB"  # overrides the default store, e.g. for tests and portable use


def default_store_path() -> Path:
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "timeline.db"


def _writable_dir(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def usable_store_path() -> Path:
    """The default store's path, or, if the user's data directory cannot be written, the same
    name in the temporary directory: nothing is ever written beside the program."""
    path = default_store_path()
    if not _writable_dir(path.parent):
        path = Path(tempfile.gettempdir()) / APP_NAME / path.name
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def ensure_default_store(progress: Progress | None = None, jobs: int | None = None) -> Path:
    """The default store's path, built from the bundled seeds if it holds no documents yet.

    A read-only install works: see usable_store_path.
    """
    from viewer.resources import seeds_dir
    from viewer.store.db import open_store
    from viewer.store.ingest import import_paths

    path = usable_store_path()
    with open_store(path) as store:
        empty = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        if empty:
            import_paths(store, [seeds_dir()], progress=progress, jobs=jobs)
    return path
