"""Pins extract/aliases.py: which name forms resolve to one person, across documents."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.extract.aliases import PeopleIndex, resolve_people
from viewer.records import Person, PersonMention, Role, Span


def mentions(*pairs: tuple[str, str]) -> list[PersonMention]:
    """(doc, surface) pairs as mentions, one sentence each, in order."""
    out = []
    for k, (doc, surface) in enumerate(pairs):
        out.append(PersonMention(doc=doc, item=0, sentence=k, span=Span(100 * k, 100 * k + len(surface)),
                                 surface=surface))
    return out


def groups(people: list[Person]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(p.name, p.aliases, p.docs) for p in people]


@pytest.mark.parametrize("pairs, expected", [
    # full and short forms, initials, Russian order with patronymic: one person, named First Last
    ([("a", "Valery Semerikov"), ("a", "V. Semerikov"), ("b", "Semerikov Valery Anatolyevich"),
      ("a", "Valery Semerikov"), ("c", "Semerikov")],
     [("Valery Semerikov", ("Semerikov", "Semerikov Valery Anatolyevich", "V. Semerikov", "Valery Semerikov"),
       ("a", "b", "c"))]),
    # only a patronymic form written: the canonical name drops the patronymic
    ([("a", "Denis Valentinovich Manturov")],
     [("Denis Manturov", ("Denis Manturov", "Denis Valentinovich Manturov"), ("a",))]),
    # transliteration variants and typos
    ([("a", "Kassym-Jomart Tokayev"), ("b", "Kassym-Zhomart Tokaev"), ("b", "Kassym-Jomart Tokayev")],
     [("Kassym-Jomart Tokayev", ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokaev"), ("a", "b"))]),
    ([("a", "Kassym-Jomart Tokayev"), ("b", "Kassym Jomart Tokayev"), ("c", "Kasym-Zhomart Tokaev")],
     [("Kassym-Jomart Tokayev", ("Kassym Jomart Tokayev", "Kassym-Jomart Tokayev", "Kasym-Zhomart Tokaev"),
       ("a", "b", "c"))]),
    ([("a", "Emomali Rahmon"), ("b", "Emomali Rakhmon"), ("c", "Emomali Rahmon")],
     [("Emomali Rahmon", ("Emomali Rahmon", "Emomali Rakhmon"), ("a", "b", "c"))]),
    ([("a", "Sooronbay Jeenbekov"), ("a", "Sooronbai Jeebekov"), ("a", "Sooronbai Sharipovich Jeenbekov")],
     [("Sooronbay Jeenbekov",
       ("Sooronbai Jeebekov", "Sooronbai Sharipovich Jeenbekov", "Sooronbay Jeenbekov"),
       ("a",))]),
    # Cyrillic and Latin spellings of one person; the Latin one names them
    ([("a", "Владимир Зайнетдинов"), ("b", "Vladimir Zaynetdinov")],
     [("Vladimir Zaynetdinov", ("Vladimir Zaynetdinov", "Владимир Зайнетдинов"), ("a", "b"))]),
    # Russian case forms of one name
    ([("a", "Сергей Лавров"), ("a", "Сергеем Лавровым"), ("b", "Сергею Лаврову")],
     [("Сергей Лавров", ("Сергеем Лавровым", "Сергей Лавров", "Сергею Лаврову"), ("a", "b"))]),
    # a surname in capitals, however often, does not name the person
    ([("a", "Stanislav ZAS"), ("a", "Stanislav ZAS"), ("b", "Stanislav Zas")],
     [("Stanislav Zas", ("Stanislav ZAS", "Stanislav Zas"), ("a", "b"))]),
    ([("a", "Сергея Лаврова"), ("b", "Sergey Lavrov")],
     [("Sergey Lavrov", ("Sergey Lavrov", "Сергея Лаврова"), ("a", "b"))]),
    ([("a", "Оксана Белоглазова"), ("b", "Oksana Beloglazova"), ("b", "Оксаной Белоглазовой")],
     [("Oksana Beloglazova", ("Oksana Beloglazova", "Оксана Белоглазова", "Оксаной Белоглазовой"),
       ("a", "b"))]),
    # an initial seen before the full name, in another document
    ([("a", "S. Ordabayev"), ("b", "Samat Ordabaev")],
     [("Samat Ordabaev", ("S. Ordabayev", "Samat Ordabaev"), ("a", "b"))]),
    # a Russian digraph initial
    ([("a", "Yuri Khachaturov"), ("b", "Yu. Khachaturov")],
     [("Yuri Khachaturov", ("Yu. Khachaturov", "Yuri Khachaturov"), ("a", "b"))]),
    # masculine and feminine given names are two people, even with one surname
    ([("a", "Alexander Grigoryan"), ("a", "Alexandra Grigoryan")],
     [("Alexander Grigoryan", ("Alexander Grigoryan",), ("a",)),
      ("Alexandra Grigoryan", ("Alexandra Grigoryan",), ("a",))]),
    # one given name, different surnames: different people
    ([("a", "Vladimir Putin"), ("a", "Vladimir Voronkov"), ("a", "Vladimir Zaynetdinov")],
     [("Vladimir Putin", ("Vladimir Putin",), ("a",)), ("Vladimir Voronkov", ("Vladimir Voronkov",), ("a",)),
      ("Vladimir Zaynetdinov", ("Vladimir Zaynetdinov",), ("a",))]),
    # one surname, different given names, or the feminine form: different people
    ([("a", "Sergey Ivanov"), ("b", "Pavel Ivanov"), ("b", "Maria Ivanova")],
     [("Maria Ivanova", ("Maria Ivanova",), ("b",)), ("Pavel Ivanov", ("Pavel Ivanov",), ("b",)),
      ("Sergey Ivanov", ("Sergey Ivanov",), ("a",))]),
    # initials that disagree keep people apart
    ([("a", "Sergey Lavrov"), ("a", "A. Lavrov")],
     [("A. Lavrov", ("A. Lavrov",), ("a",)), ("Sergey Lavrov", ("Sergey Lavrov",), ("a",))]),
    # short surnames must match exactly
    ([("a", "Stanislav Zas"), ("b", "Stanislav Zaz")],
     [("Stanislav Zas", ("Stanislav Zas",), ("a",)), ("Stanislav Zaz", ("Stanislav Zaz",), ("b",))]),
])
def test_resolution(pairs: list[tuple[str, str]], expected: list) -> None:
    assert groups(resolve_people(mentions(*pairs))) == expected


@pytest.mark.parametrize("pairs, expected", [
    # a bare surname goes to the person of that surname named in the same document ...
    ([("a", "Ivan Petrov"), ("b", "Oleg Petrov"), ("b", "Petrov")],
     [("Ivan Petrov", ("a",)), ("Oleg Petrov", ("b",))]),
    # ... else to the only person of that surname in the corpus ...
    ([("a", "Ivan Sidorov"), ("b", "Sidorov")], [("Ivan Sidorov", ("a", "b"))]),
    # ... else it stands alone
    ([("a", "Ivan Petrov"), ("b", "Oleg Petrov"), ("c", "Petrov")],
     [("Ivan Petrov", ("a",)), ("Oleg Petrov", ("b",)), ("Petrov", ("c",))]),
])
def test_bare_surnames(pairs: list[tuple[str, str]], expected: list) -> None:
    assert [(p.name, p.docs) for p in resolve_people(mentions(*pairs))] == expected


def test_roles_carry_their_dates_and_split_titles() -> None:
    m = PersonMention(doc="a", item=0, sentence=3, span=Span(200, 213), surface="Kakha Imnadze",
                      role="Special Representative for Central Asia, Head of the UNRCCA",
                      role_span=Span(140, 199))
    (person,) = resolve_people([m], {("a", 3): date(2024, 4, 22)})
    assert person.roles == (
        Role("Special Representative for Central Asia", date(2024, 4, 22), "a", Span(140, 179)),
        Role("Head of the UNRCCA", date(2024, 4, 22), "a", Span(181, 199)),
    )
    assert person.mentions == (m,)


def test_index_grows_file_by_file_and_rebuilds_from_people() -> None:
    index = PeopleIndex()
    index.add(mentions(("a", "Valery Semerikov"), ("a", "Vladimir Putin")))
    rebuilt = PeopleIndex.from_people(index.people())
    for idx in (index, rebuilt):
        idx.add([PersonMention(doc="b", item=0, sentence=0, span=Span(0, 31),
                               surface="Semerikov Valery Anatolyevich")])
        assert [(p.name, p.docs) for p in idx.people()] == [
            ("Valery Semerikov", ("a", "b")), ("Vladimir Putin", ("a",))]


@pytest.mark.parametrize("surface, expected", [
    ("Valery Semerikov", "Valery Semerikov"),
    ("Semerikov Valery Anatolyevich", "Valery Semerikov"),
    ("V. Semerikov", "Valery Semerikov"),
    ("Semerikov", "Valery Semerikov"),
    ("Vladimir Putin", "Vladimir Putin"),
    ("Vladimir Vladimirovich Putin", "Vladimir Putin"),
    ("Emomali Rakhmon", "Emomali Rahmon"),
    ("Petrov", None),  # two people of that name: no telling which
    ("Vladimir Voronkov", None),
    ("", None),
])
def test_canonical(surface: str, expected: str | None) -> None:
    index = PeopleIndex()
    index.add(mentions(("a", "Valery Semerikov"), ("a", "Vladimir Putin"), ("a", "Emomali Rahmon"),
                       ("b", "Ivan Petrov"), ("c", "Oleg Petrov")))
    assert index.canonical(surface) == expected


def test_empty_index() -> None:
    assert PeopleIndex().people() == []
    assert resolve_people([]) == []


def test_name_of_a_mention_uses_its_document() -> None:
    ms = mentions(("a", "Ivan Petrov"), ("b", "Oleg Petrov"), ("b", "Petrov"), ("c", "Petrov"))
    index = PeopleIndex()
    index.add(ms)
    assert [index.name_of(m) for m in ms] == ["Ivan Petrov", "Oleg Petrov", "Oleg Petrov", "Petrov"]
    assert index.name_of(PersonMention("z", 0, 0, Span(0, 3), "Zas")) is None


@pytest.mark.parametrize("pairs", [
    [("a", "Valery Semerikov"), ("a", "V. Semerikov"), ("b", "Semerikov Valery Anatolyevich"),
     ("c", "Semerikov")],
    [("a", "Ivan Petrov"), ("b", "Oleg Petrov"), ("b", "Petrov"), ("c", "Petrov"), ("c", "I. Petrov")],
    [("a", "Kassym-Jomart Tokayev"), ("b", "Kasym-Zhomart Tokaev"), ("b", "Stanislav Zas")],
])
def test_groups_are_the_people_unnamed(pairs: list[tuple[str, str]]) -> None:
    index = PeopleIndex()
    index.add(mentions(*pairs))

    def spans(ms: list[PersonMention] | tuple[PersonMention, ...]) -> list[tuple[str, int]]:
        return sorted((m.doc, m.span.start) for m in ms)

    assert (sorted(spans(g) for g in index.groups())
            == sorted(spans(p.mentions) for p in index.people()))
