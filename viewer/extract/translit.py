"""Transliterate Cyrillic names to Latin and fold spelling variants into one comparable key."""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from viewer.resources import load_json


@cache
def _tables() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    data = load_json("people", "translit.json")
    assert isinstance(data, dict)
    table: dict[int, str] = {}
    for cyr, lat in data["letters"].items():
        table[ord(cyr)] = lat
        table[ord(cyr.upper())] = lat[:1].upper() + lat[1:]
    folds = tuple((a, b) for a, b in data["skeleton"])
    return table, folds


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin as English releases write names; other characters unchanged."""
    if not has_cyrillic(text):
        return text
    return text.translate(_tables()[0])


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-independent key for one name word: 'Rakhmon' and 'Rahmon' share one.

    Transliterated, lower-cased, stripped of accents, hyphens and apostrophes, variant spellings
    folded (zh/j, kh/h, ye/e, y/i) and doubled letters collapsed.
    """
    s = _strip_accents(transliterate(word).casefold())
    s = "".join(ch for ch in s if ch.isalpha())
    for old, new in _tables()[1]:
        s = s.replace(old, new)
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
