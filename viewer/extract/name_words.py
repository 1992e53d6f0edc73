"""The people vocabulary from resources/people, and what kind of word each word is for a name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from viewer.extract.translit import has_cyrillic, skeleton, transliterate
from viewer.resources import load_json, load_lines

_DIGRAPHS = frozenset({"yu", "ya", "ye", "yo", "zh", "sh", "ch", "kh", "ts"})


@dataclass(frozen=True, slots=True)
class Vocabulary:
    first_names: frozenset[str]  # skeletons
    patronymic_suffixes: tuple[str, ...]
    not_names: frozenset[str]  # case-folded
    role_heads: frozenset[str]
    role_words: frozenset[str]  # heads and modifiers: words of a role, never of a name
    honorifics: frozenset[str]
    not_name_endings: tuple[str, ...]
    surname_suffixes: tuple[str, ...]
    named_after: frozenset[str]
    ru_head_stems: tuple[str, ...]
    ru_word_stems: tuple[str, ...]
    ru_stop_stems: tuple[str, ...]
    ru_case_endings: tuple[str, ...]
    ru_nominative_endings: tuple[str, ...]
    ru_surname_oblique: re.Pattern[str]
    headline_words: frozenset[str]
    before_places: frozenset[str]
    complement_openers: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    heads = frozenset(w.casefold() for w in load_lines("people", "role_heads.txt"))
    stems = load_lines("people", "role_stems_ru.txt")
    decl = load_json("people", "declension_ru.json")
    small = load_json("people", "function_words.json")
    assert isinstance(decl, dict) and isinstance(small, dict)
    modifiers = frozenset(w.casefold() for w in load_lines("people", "role_modifiers.txt"))
    return Vocabulary(
        first_names=frozenset(skeleton(w) for w in load_lines("people", "first_names.txt")),
        patronymic_suffixes=tuple(sorted(load_lines("people", "patronymic_suffixes.txt"),
                                         key=len, reverse=True)),
        not_names=frozenset(w.casefold() for w in load_lines("people", "not_names.txt")),
        role_heads=heads,
        role_words=heads | modifiers,
        honorifics=frozenset(w.casefold() for w in load_lines("people", "honorifics.txt")),
        not_name_endings=tuple(load_lines("people", "not_name_endings.txt")),
        surname_suffixes=tuple(load_lines("people", "surname_suffixes.txt")),
        named_after=frozenset(w.casefold() for w in load_lines("people", "named_after.txt")),
        ru_head_stems=tuple(w.split()[1] for w in stems if w.split()[0] == "head"),
        ru_word_stems=tuple(w.split()[1] for w in stems if w.split()[0] in ("head", "word")),
        ru_stop_stems=tuple(w.split()[1].casefold() for w in stems if w.split()[0] == "stop"),
        ru_case_endings=tuple(decl["case_endings"]),
        ru_nominative_endings=tuple(decl["nominative_endings"]),
        ru_surname_oblique=re.compile(decl["surname_oblique"]),
        headline_words=frozenset(small["headline_words"]),
        before_places=frozenset(small["before_places"]),
        complement_openers=frozenset(small["complement_openers"]),
    )


def _listed(low: str, words: frozenset[str], ru_stems: tuple[str, ...]) -> bool:
    """In the list, as a whole word or as a part of a hyphenated one, or (Russian) by its stem."""
    if low in words or ("-" in low and any(p in words for p in low.split("-"))):
        return True
    return has_cyrillic(low) and low.startswith(ru_stems)


@lru_cache(maxsize=16384)
def is_role_word(low: str) -> bool:
    """May this case-folded word belong to a title ("acting", "secretary", "министром")?"""
    v = vocabulary()
    return _listed(low, v.role_words, v.ru_word_stems)


@lru_cache(maxsize=16384)
def is_role_head(low: str) -> bool:
    """Does this case-folded word make a phrase a title ("president", "secretary-general")?"""
    v = vocabulary()
    return _listed(low, v.role_heads, v.ru_head_stems)


# Token kinds: I initial, F known given name, P patronymic, L word with a surname's ending,
# G word ending in -ing, C other capitalised word, A word in capitals, H form of address,
# R role word, S never part of a name.
@lru_cache(maxsize=65536)
def token_kind(token: str) -> str:
    v = vocabulary()
    low = token.casefold()
    if low.rstrip(".") in v.honorifics:
        return "H"
    if token.endswith("."):
        return "I" if len(low) == 2 or low[:-1] in _DIGRAPHS else "S"
    if low in _DIGRAPHS:
        return "S"  # "Yu" of "A.Yu." whose full stop a splitter took away
    if is_role_word(low):
        return "R"  # also Secretary-General, Vice-Chairman, министром
    if low in v.not_names or low in v.named_after:
        return "S"
    if v.ru_stop_stems and has_cyrillic(low) and low.startswith(v.ru_stop_stems):
        return "S"
    if token.isupper() and len(token) > 1:
        return "A"  # an abbreviation, or a surname in capitals ("Stanislav ZAS")
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
    if has_cyrillic(low):
        if any(skeleton(n) in v.first_names for n in _nominatives(low, v)):
            return "F"  # Сергеем, Владимиру
        if v.ru_surname_oblique.search(low):
            return "L"  # Лаврову, Путиным
    if latin.endswith(v.not_name_endings):
        return "S"
    if any(latin.endswith(x) and len(latin) >= len(x) + 3 for x in v.surname_suffixes):
        return "L"
    if latin.endswith(("ing", "ed")) and len(latin) > 4:
        return "G"  # "Congratulating Ivanov", "Congratulated Women": a verb, in a headline or opening
    return "C"


def _nominatives(low: str, v: Vocabulary) -> list[str]:
    """Nominative forms a declined Cyrillic word may come from: "сергеем" -> "сергей"."""
    out: list[str] = []
    for ending in v.ru_case_endings:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[:-len(ending)]
            out.extend(stem + n for n in v.ru_nominative_endings)
    return out


@lru_cache(maxsize=65536)
def given_key(word: str) -> str:
    """A given name's comparison key: its skeleton, of the nominative when it was declined."""
    key = skeleton(word)
    v = vocabulary()
    low = word.casefold()
    if key not in v.first_names and has_cyrillic(low):
        # the longest listed reading: "Марией" is Мария, not Mary
        found = [k for k in map(skeleton, _nominatives(low, v)) if k in v.first_names]
        if found:
            return max(found, key=len)
    return key


@lru_cache(maxsize=65536)
def surname_key(word: str, female: bool | None = None) -> str:
    """A surname's comparison key: its skeleton, of the nominative when it was declined.

    female tells the given name's gender, when known: "Лаврова" is Lavrov's genitive beside
    Сергея, but a woman's name beside Мария; "Захаровой" is always Zakharova's.
    """
    low = word.casefold()
    m = vocabulary().ru_surname_oblique.search(low) if has_cyrillic(low) else None
    if m:
        stem, ending = low[:m.start(2)], m.group(2)
        if ending == "а":
            low = stem if female is False else low
        elif ending == "ой" or (ending == "у" and female):
            low = stem + "а"
        else:
            low = stem
    return skeleton(low)
