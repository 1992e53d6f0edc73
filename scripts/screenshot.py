"""Make docs/screenshot.png: the main window on the bundled seeds, offscreen, at 1400x900."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Never read or write the user's own settings or store.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from viewer.app import application, open_window
        from viewer.resources import seeds_dir
        from viewer.store import queries
        from viewer.store.db import open_store
        from viewer.store.filters import EventFilter
        from viewer.store.ingest import import_paths
        from viewer.ui import tasks
        from viewer.ui.settings import Settings

        app = application()
        path = Path(tmp) / "seeds.db"
        with open_store(path) as store:
            import_paths(store, [seeds_dir()], jobs=1)
        Settings().set_theme(args.theme)
        window = open_window(str(path), build_if_empty=False)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        window.timeline.zoom_fit()
        # An event whose item carries several decisions, so the reader shows them highlighted.
        ids = queries.event_ids(window.store, EventFilter(decisions_only=True))
        rows = queries.events_by_ids(window.store, ids)
        best = max(rows, key=lambda r: (len(queries.item_view(window.store, r.item_id).decisions),
                                        r.decision_count))
        window.set_selection([best.id], "menu")
        window.reader.show_event(best.id)
        window.reader.next_decision()  # the first decision, highlighted and scrolled into view
        for _ in range(5):
            app.processEvents()
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(f"wrote {out} ({window.width()}x{window.height()})")
        tasks.wait_all()
        window.close()
        window.store.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
