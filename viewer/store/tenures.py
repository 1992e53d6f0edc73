"""Role titles compared as keys, so 'CSTO Secretary General' and its long form are one role."""
from __future__ import annotations

import re
from functools import lru_cache

_LONG_NAMES = re.compile(r"collective security treaty organi[sz]ation|одкб", re.IGNORECASE)
_FILLER = re.compile(r"\b(?:of\s+the\s+csto|of\s+csto|csto|of\s+the|the)\b")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=16384)  # an archive repeats a few hundred titles
def role_key(title: str) -> str:
    """'Secretary General of the Collective Security Treaty Organization' -> 'secretary general'."""
    text = _LONG_NAMES.sub("csto", title.casefold())
    text = _NON_WORD.sub(" ", text)
    text = _FILLER.sub(" ", text)
    return " ".join(text.split())
