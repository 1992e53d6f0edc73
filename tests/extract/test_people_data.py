"""The people vocabulary under resources/people loads and is consistent."""
from __future__ import annotations

import pytest

from viewer.extract.name_words import given_key, surname_key, token_kind, vocabulary
from viewer.extract.translit import skeleton, transliterate
from viewer.resources import load_json, load_lines

FILES = ["first_names.txt", "not_names.txt", "patronymic_suffixes.txt", "role_heads.txt",
         "role_modifiers.txt", "role_connectors.txt", "surname_suffixes.txt", "honorifics.txt",
         "named_after.txt", "not_name_endings.txt", "ranks.txt"]


@pytest.mark.parametrize("name", FILES)
def test_word_lists_load(name: str) -> None:
    words = load_lines("people", name)
    assert words and all(w == w.strip() and " " not in w for w in words)


def test_given_names_are_never_stop_words() -> None:
    v = vocabulary()
    clash = sorted(w for w in load_lines("people", "first_names.txt")
                   if w.casefold() in v.not_names or w.casefold() in v.role_words)
    assert clash == []


def test_enough_given_names() -> None:
    assert len(vocabulary().first_names) >= 300


def test_transliteration_table() -> None:
    letters = load_json("people", "translit.json")["letters"]  # type: ignore[index]
    assert all(len(k) == 1 and k.islower() and v == v.lower() for k, v in letters.items())


@pytest.mark.parametrize("word, expected", [
    ("Владимир", "Vladimir"), ("Зайнетдинов", "Zaynetdinov"), ("Жээнбеков", "Zheenbekov"),
    ("Тасмагамбетов", "Tasmagambetov"), ("Semerikov", "Semerikov"),
])
def test_transliterate(word: str, expected: str) -> None:
    assert transliterate(word) == expected


@pytest.mark.parametrize("a, b", [
    ("Rahmon", "Rakhmon"), ("Kassym-Jomart", "Kassym-Zhomart"), ("Ordabaev", "Ordabayev"),
    ("Sergey", "Sergei"), ("Зайнетдинов", "Zaynetdinov"), ("Dmitry", "Dmitriy"),
])
def test_skeleton_folds_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("token, kind", [
    ("V.", "I"), ("Valery", "F"), ("Anatolyevich", "P"), ("Nurgaliyevich", "P"), ("Tokayev", "L"),
    ("Guterres", "C"), ("Secretary", "R"), ("Republic", "S"), ("CSTO", "S"), ("UNRCCA", "A"),
    ("Kassym-Jomart", "F"),
    ("Tajik-Afghan", "S"), ("Opening", "S"), ("Congratulating", "G"), ("Владимир", "F"),
])
def test_token_kinds(token: str, kind: str) -> None:
    assert token_kind(token) == kind


def test_russian_stems_and_endings() -> None:
    rows = [line.split() for line in load_lines("people", "role_stems_ru.txt")]
    assert rows and all(len(r) == 2 and r[0] in {"head", "word", "stop"} for r in rows)
    decl = load_json("people", "declension_ru.json")
    assert isinstance(decl, dict) and decl["case_endings"] and "" in decl["nominative_endings"]


@pytest.mark.parametrize("word, nominative", [
    ("Сергеем", "Сергей"), ("Владимиру", "Владимир"), ("Марией", "Мария"), ("Максимом", "Максим"),
])
def test_declined_given_names_fold_to_the_nominative(word: str, nominative: str) -> None:
    assert given_key(word) == given_key(nominative)


@pytest.mark.parametrize("word, female, nominative", [
    ("Лавровым", None, "Лавров"), ("Путину", None, "Путин"), ("Алейником", None, "Алейником"),
    ("Лаврова", False, "Лавров"), ("Белоглазова", True, "Белоглазова"), ("Белоглазова", None, "Beloglazova"),
    ("Захаровой", True, "Захарова"), ("Захаровой", None, "Zakharova"),
])
def test_declined_surnames_fold_to_the_nominative(word: str, female: bool | None, nominative: str) -> None:
    assert surname_key(word, female) == surname_key(nominative)


def test_function_words() -> None:
    data = load_json("people", "function_words.json")
    assert isinstance(data, dict)
    for key in ("headline_words", "before_places", "complement_openers"):
        assert data[key] and all(w == w.casefold() for w in data[key])
