"""`csto-timeline` on a machine with no display builds the store and says what it holds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_no_display_builds_the_default_store_and_prints_its_summary(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path)  # the default store's folder, per platformdirs
    done = subprocess.run([sys.executable, "-m", "viewer"], env=env, capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert "5 documents" in done.stdout and "events" in done.stdout
    assert "No display" in done.stderr
    assert (tmp_path / "csto-timeline" / "timeline.db").is_file()
