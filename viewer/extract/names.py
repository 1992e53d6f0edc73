"""Person names in a sentence: candidate spans from word shape, given names, patronymics, initials."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from viewer.extract.name_words import is_role_head, token_kind, vocabulary

# Upper-case letters that can open a name: Latin, Latin-1 and common Central European accented
# capitals, Cyrillic with the Ukrainian, Belarusian, Kazakh and Kyrgyz additions.
_UP = "A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŹŻŃŐŰĞŞİƏА-ЯЁЄІЇЎҒҚҢӘӨҮҰҺ"
# A capitalised word; an apostrophe or hyphen may join parts (O'Neill, Kassym-Jomart) but a
# possessive 's is left out so "Putin's" yields "Putin".
_WORD = rf"[{_UP}][^\W\d_]++(?:[-'’](?!s\b)[^\W\d_]++)*"  # possessive: no backtracking inside a word
# An initial, Russian digraph initials as transliterated (Yu., Zh.), or a dotted form of address.
_DOTTED = rf"(?:Yu|Ya|Ye|Yo|Zh|Sh|Ch|Kh|Ts|Mrs|Mr|Ms|Dr|[{_UP}])\."
_INITIAL = rf"{_DOTTED}(?=[ \t\u00a0]?[{_UP}])"
_GAP = r"[ \t\u00a0]"
# Two or more capitalised words (or initials) in a row on one line: every name lives in one.
# The first capital comes before the look-behind so that the engine can skip ahead to it.
# A run may end in initials, as in "Lavrov S.V.".
_RUN = re.compile(
    rf"[{_UP}](?<![\w'’.-][{_UP}])"
    rf"(?:(?:[uaeohs]|rs|r)?\.(?=[ \t\u00a0]?[{_UP}]){_GAP}*|[^\W\d_]++(?:[-'’](?!s\b)[^\W\d_]++)*{_GAP}+)"
    rf"(?:{_INITIAL}{_GAP}*|{_WORD}{_GAP}+)*(?:{_WORD}(?![\w-])|(?:[{_UP}]\.{_GAP}?)?[{_UP}]\.(?!\w))"
)
_TOKEN = re.compile(rf"{_DOTTED}|{_WORD}")


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
        if rest[0] in "CFGL" and rest[1] == "F" and rest[2] == "P" and kinds[i + 3:i + 4] not in (
                "C", "F", "G", "L"):
            return 3  # Semerikov Valery Anatolyevich (not "Structure Almazbek Ivanovich Nikitin")
        if rest[0] in "CFGL" and rest[1] == "P" and rest[2] in "CFGL":
            return 3  # unlisted given name, then patronymic and surname
        if rest[0] in "CGL" and rest[1] in "CGL" and rest[2] == "P":
            return 3  # surname, unlisted given name, patronymic
    if len(rest) == 3 and rest[0] == "F" and rest[1] == "F" and rest[2] in "CGL":
        return 3  # Jean Claude Juncker: two given names
    if len(rest) >= 2 and rest[0] == "F" and rest[1] in "CFGLP":
        return 2  # Antonio Guterres
    if len(rest) >= 2 and rest[0] in "CL" and rest[1] == "L":
        return 2  # Ulugbek Lapasov: an unlisted given name before a surname's ending
    if len(rest) >= 2 and rest[0] in "CGL" and kinds[i + 1:] == "I" * (len(kinds) - i - 1):
        return len(kinds) - i  # Lavrov S.V.: initials after the surname, closing the run
    return 0


def _segment_names(kinds: str, lo: int, hi: int, before: str,
                   title_case: bool) -> list[tuple[int, int, bool]]:
    """Names among tokens lo..hi (no stop word inside): (first token, end token, strong).

    before is the kind of the token before the segment; title_case says the run is a headline.
    """
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
    if before == "H" and kinds[hi - 1] in "CGL":
        return [(max(lo, hi - 2), hi, True)]  # "Mr. Ivanov", "Dr Kakha Imnadze"
    if title_case:
        return []  # in a headline every word is capitalised: only the name's own shape counts
    if n == 3 and kinds[hi - 2] == "P":
        return [(lo, hi, False)]
    if n == 2 and kinds[lo] != "G":
        # an unlisted given name: a name if a role is stated beside it (longer runs of unknown
        # capitalised words are organisations and places far more often than names)
        return [(lo, hi, False)]
    if n == 1 and before == "R" and kinds[lo] in "CL":
        return [(lo, hi, False)]  # "President Tokayev": a bare surname after a title
    return []


def _capital_surnames(kinds: str) -> str:
    """Words in capitals are abbreviations, save a surname after a given name ("Stanislav ZAS")
    or before a given name and patronymic ("SEMERIKOV Valery Anatolyevich")."""
    out: list[str] = []
    for i, k in enumerate(kinds):
        if k == "A" and ((i > 0 and kinds[i - 1] == "F") or kinds[i + 1:i + 3] == "FP"):
            k = "C"
        out.append("S" if k == "A" else k)
    return "".join(out)


@lru_cache(maxsize=65536)
def _names_in_run(run: str) -> tuple[tuple[int, int, bool], ...]:
    """Names in one run of capitalised words, as (start, end, strong) offsets into the run.

    Cached on the run's text: releases repeat the same titles and names over and over.
    """
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(run)]
    kinds = "".join(token_kind(t[2]) for t in toks)
    if "A" in kinds:
        kinds = _capital_surnames(kinds)
    small = vocabulary().headline_words
    title_case = any(t[2].casefold() in small for t in toks[1:])
    named_after = vocabulary().named_after
    out: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(kinds):
        if kinds[i] in "RSH":
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] not in "RSH":
            j += 1
        if j < len(kinds) and (toks[j][2].casefold() in named_after or (
                toks[-1][2].casefold() in named_after and all(k in "SCFGL" for k in kinds[j:]))):
            i = j  # "the A.E. Snesarev Prize", "the Yuri Gagarin Air Force Academy": things
            continue
        before = kinds[i - 1] if i > 0 else ""
        if before == "R" and j - i == 1 and (j < len(kinds) or not is_role_head(toks[i - 1][2].casefold())):
            # a bare surname must follow a title's head and end the run: "President Putin",
            # not "President Putin Street" nor "Foreign Policy"
            before = ""
        for a, b, strong in _segment_names(kinds, i, j, before, title_case):
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
    initials: str  # space-separated, without full stops: "A Yu"

    @property
    def full(self) -> bool:
        return bool(self.first)


@lru_cache(maxsize=65536)
def parse_name(surface: str) -> NameParts:
    """Split a name as written into given name, patronymic, surname and initials."""
    words = [m.group() for m in _TOKEN.finditer(surface)] or surface.split()
    kinds = "".join(token_kind(w) for w in words)
    initials = " ".join(w.rstrip(".") for w, k in zip(words, kinds) if k == "I")
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
    return NameParts(" ".join(rest[:-1]), "", rest[-1], "")  # "Kassym Jomart Tokayev": two given names
