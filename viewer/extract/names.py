"""Person names in a sentence: candidate spans from word shape, given names, patronymics, initials."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from viewer.extract.translit import skeleton, transliterate
from viewer.resources import load_lines

# Upper-case letters that can open a name: Latin, Latin-1 and common Central European accented
# capitals, Cyrillic with the Ukrainian, Belarusian, Kazakh and Kyrgyz additions.
_UP = "A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŹŻŃŐŰĞŞİƏА-ЯЁЄІЇЎҒҚҢӘӨҮҰҺ"
# A capitalised word; an apostrophe or hyphen may join parts (O'Neill, Kassym-Jomart) but a
# possessive 's is left out so "Putin's" yields "Putin".
_WORD = rf"[{_UP}][^\W\d_]+(?:[-'’](?!s\b)[^\W\d_]+)*"
_INITIAL = rf"[{_UP}]\.(?=[ \t\u00a0]?[{_UP}])"
_GAP = r"[ \t\u00a0]"
# Two or more capitalised words (or initials) in a row on one line: every name lives in one.
# The first capital comes before the look-behind so that the engine can skip ahead to it.
_RUN = re.compile(
    rf"[{_UP}](?<![\w'’.-][{_UP}])"
    rf"(?:\.(?=[ \t\u00a0]?[{_UP}]){_GAP}*|[^\W\d_]+(?:[-'’](?!s\b)[^\W\d_]+)*{_GAP}+)"
    rf"(?:{_INITIAL}{_GAP}*|{_WORD}{_GAP}+)*{_WORD}(?![\w-])"
)
_TOKEN = re.compile(rf"{_INITIAL}|{_WORD}")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    first_names: frozenset[str]  # skeletons
    patronymic_suffixes: tuple[str, ...]
    not_names: frozenset[str]  # case-folded
    role_heads: frozenset[str]
    role_words: frozenset[str]  # heads and modifiers: words of a role, never of a name
    surname_suffixes: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    heads = frozenset(w.casefold() for w in load_lines("people", "role_heads.txt"))
    modifiers = frozenset(w.casefold() for w in load_lines("people", "role_modifiers.txt"))
    return Vocabulary(
        first_names=frozenset(skeleton(w) for w in load_lines("people", "first_names.txt")),
        patronymic_suffixes=tuple(sorted(load_lines("people", "patronymic_suffixes.txt"),
                                         key=len, reverse=True)),
        not_names=frozenset(w.casefold() for w in load_lines("people", "not_names.txt")),
        role_heads=heads,
        role_words=heads | modifiers,
        surname_suffixes=tuple(load_lines("people", "surname_suffixes.txt")),
    )


# Token kinds: I initial, F known given name, P patronymic, L word with a surname's ending,
# G word ending in -ing, C other capitalised word, R role word, S never part of a name.
@lru_cache(maxsize=65536)
def token_kind(token: str) -> str:
    if len(token) == 2 and token[1] == ".":
        return "I"
    v = vocabulary()
    low = token.casefold()
    if low in v.role_words:
        return "R"
    if low in v.not_names or (token.isupper() and len(token) > 1):
        return "S"
    if "-" in low and any(part in v.not_names for part in low.split("-")):
        return "S"
    latin = transliterate(low)
    for suffix in v.patronymic_suffixes:
        if latin.endswith(suffix) and len(latin) >= len(suffix) + 3:
            return "P"
    if skeleton(token) in v.first_names:
        return "F"
    if "-" in token and any(skeleton(p) in v.first_names for p in token.split("-") if p):
        return "F"
    if any(latin.endswith(x) and len(latin) >= len(x) + 3 for x in v.surname_suffixes):
        return "L"
    if latin.endswith("ing"):
        return "G"  # "Congratulating Ivanov": a participle opening the sentence
    return "C"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that reads as a name; `strong` when its shape alone shows it, else it needs a role."""

    start: int
    end: int
    strong: bool


def _match_at(kinds: str, i: int) -> int:
    """Length of the name starting at token i, by the shape of the kinds; 0 when none."""
    rest = kinds[i:i + 3]
    if rest[:1] == "I":
        j = i
        while j < len(kinds) and kinds[j] == "I":
            j += 1
        return j - i + 1 if j < len(kinds) and kinds[j] in "CFGLP" else 0
    if len(rest) == 3:
        if rest[0] == "F" and rest[1] == "P" and rest[2] in "CFGL":
            return 3  # Vladimir Vladimirovich Putin
        if rest[0] in "CFGL" and rest[1] == "F" and rest[2] == "P":
            return 3  # Semerikov Valery Anatolyevich
        if rest[0] in "CFGL" and rest[1] == "P" and rest[2] in "CFGL":
            return 3  # unlisted given name, then patronymic and surname
        if rest[0] in "CGL" and rest[1] in "CGL" and rest[2] == "P":
            return 3  # surname, unlisted given name, patronymic
    if len(rest) >= 2 and rest[0] == "F" and rest[1] in "CFGLP":
        return 2  # Antonio Guterres
    if len(rest) >= 2 and rest[0] in "CL" and rest[1] == "L":
        return 2  # Ulugbek Lapasov: an unlisted given name before a surname's ending
    return 0


def _segment_names(kinds: str, lo: int, hi: int, after_role: bool) -> list[tuple[int, int, bool]]:
    """Names among tokens lo..hi (no stop word inside): (first token, end token, strong)."""
    found: list[tuple[int, int, bool]] = []
    i = lo
    while i < hi:
        n = _match_at(kinds[:hi], i)
        if n:
            found.append((i, i + n, True))
            i += n
        else:
            i += 1
    if found:
        return found
    n = hi - lo
    if n >= 3 and kinds[hi - 2] == "P":
        return [(hi - 3, hi, False)]
    if n >= 2:
        # an unlisted given name: the two words closest to a role before, if one is stated
        return [(hi - 2, hi, False)]
    if n == 1 and after_role and kinds[lo] in "CL":
        return [(lo, hi, False)]  # "President Tokayev": a bare surname after a title
    return []


@lru_cache(maxsize=65536)
def _names_in_run(run: str) -> tuple[tuple[int, int, bool], ...]:
    """Names in one run of capitalised words, as (start, end, strong) offsets into the run.

    Cached on the run's text: releases repeat the same titles and names over and over.
    """
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(run)]
    kinds = "".join(token_kind(t[2]) for t in toks)
    out: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(kinds):
        if kinds[i] in "RS":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] not in "RS":
            j += 1
        after_role = i > 0 and kinds[i - 1] == "R"
        # a bare surname after a title must end the run ("President Putin", not "President Putin Street")
        for a, b, strong in _segment_names(kinds, i, j, after_role and j == len(kinds)):
            out.append((toks[a][0], toks[b - 1][1], strong))
        i = j
    return tuple(out)


def candidates(text: str, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Name candidates in text[start:end], in order, offsets into text."""
    end = len(text) if end is None else end
    out: list[Candidate] = []
    for run in _RUN.finditer(text, start, end):
        base = run.start()
        for a, b, strong in _names_in_run(run.group()):
            out.append(Candidate(base + a, base + b, strong))
    return out


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name read into its parts, each as written ('' when absent)."""

    first: str
    patronymic: str
    last: str
    initials: str

    @property
    def full(self) -> bool:
        return bool(self.first)

    def first_last(self) -> str:
        return f"{self.first} {self.last}" if self.first else self.last


@lru_cache(maxsize=65536)
def parse_name(surface: str) -> NameParts:
    """Split a name as written into given name, patronymic, surname and initials."""
    words = [m.group() for m in _TOKEN.finditer(surface)] or surface.split()
    kinds = "".join(token_kind(w) for w in words)
    initials = "".join(w[0] for w, k in zip(words, kinds) if k == "I")
    rest = [w for w, k in zip(words, kinds) if k != "I"]
    rest_kinds = kinds.replace("I", "")
    if not rest:
        return NameParts("", "", "", initials)
    if len(rest) == 1 or initials:
        return NameParts("", "", rest[-1], initials)
    if len(rest) == 3 and rest_kinds[2] == "P" and rest_kinds[1] != "P":
        return NameParts(rest[1], rest[2], rest[0], "")  # Russian order: surname first
    if len(rest) == 3 and rest_kinds[1] == "P":
        return NameParts(rest[0], rest[1], rest[2], "")
    return NameParts(rest[0], "", rest[-1], "")
