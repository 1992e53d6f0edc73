"""The generated corpus's vocabulary, read once from vocab.json beside this module."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

VOCAB: dict[str, Any] = json.loads((Path(__file__).with_name("vocab.json")).read_text(encoding="utf-8"))
