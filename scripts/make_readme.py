"""Assemble README.md from the sections in docs/, in reading order."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ["intro.md", "window.md", "extraction.md", "store.md", "export.md", "performance.md",
            "layout.md"]


def readme() -> str:
    parts = [(ROOT / "docs" / name).read_text(encoding="utf-8").strip()
             for name in SECTIONS if (ROOT / "docs" / name).is_file()]
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    (ROOT / "README.md").write_text(readme(), encoding="utf-8")
    print("wrote README.md")
