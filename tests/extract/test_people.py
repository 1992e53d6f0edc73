"""Pins extract/people.py: which names are found in release-style sentences, with which roles."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.extract.people import find_people
from viewer.extract.roles import split_roles
from viewer.records import PersonMention, Sentence, Span


def sentences_of(text: str) -> list[Sentence]:
    """A plain splitter (lines, then ". "), as crude as a scraper's: the rules must cope with it."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        for part in re.finditer(r"(?:[^.]|\.(?! ))+\.?", line.group()):
            start, end = line.start() + part.start(), line.start() + part.end()
            if text[start:end].strip():
                out.append(Sentence(len(out), 0, Span(start, end), text[start:end]))
    return out


def found(text: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.role) for m in find_people(text, sentences_of(text), "doc.txt")]


def test_a_title_on_each_side_of_a_name() -> None:
    text = "The Council approved the new Chairman of the ICMEC, Oleg Dubrovin – the Deputy Prime Minister."
    (m,) = find_people(text, sentences_of(text), "doc.txt")
    assert (m.role, m.more_roles) == ("Chairman of the ICMEC", (("Deputy Prime Minister", Span(72, 93)),))
    assert m.more_roles[0][1].slice(text) == "Deputy Prime Minister"


@pytest.mark.parametrize("text, expected", [
    # a listed given name before a surname, the role as a title in front
    ("On 5 March, the President of the Republic of Uzbekistan Shavkat Mirziyoyev received the delegation.",
     [("Shavkat Mirziyoyev", "President of the Republic of Uzbekistan")]),
    # Russian order with a patronymic, a signature line with its role on the next line
    ("Lavrov Sergey Viktorovich\nMinister of Foreign Affairs of the Russian Federation",
     [("Lavrov Sergey Viktorovich", "Minister of Foreign Affairs of the Russian Federation")]),
    ("The session is over.\nCSTO Secretary General\nArmen Sargsyan\nMoscow",
     [("Armen Sargsyan", "CSTO Secretary General")]),
    # a title's last word before given name, patronymic and surname
    ("the Director of the Regional Anti-Terrorist Unit Almazbek Ivanovich Nurlanov spoke.",
     [("Almazbek Ivanovich Nurlanov", "Director of the Regional Anti-Terrorist Unit")]),
    # given name, patronymic, surname
    ("The meeting was opened by Sergey Kuzhugetovich Shoigu.",
     [("Sergey Kuzhugetovich Shoigu", None)]),
    # an initial
    ("The session was attended by the CSTO Deputy Secretary General A. Sidorov and experts.",
     [("A. Sidorov", "CSTO Deputy Secretary General")]),
    # a given name missing from the list, known as a name by the title before it
    ("Talks were held with the Minister of Defence of the Kyrgyz Republic Baktybek Bekbolotov.",
     [("Baktybek Bekbolotov", "Minister of Defence of the Kyrgyz Republic")]),
    # ... or by an apposition after it
    ("Zhanarbek Kozhomuratov, the CSTO Deputy Secretary General, met with the ambassadors.",
     [("Zhanarbek Kozhomuratov", "CSTO Deputy Secretary General")]),
    ("He spoke with the Head of the UN Office on Drugs and Crime (UNODC), Ghada Waly.",
     [("Ghada Waly", "Head of the UN Office on Drugs and Crime (UNODC)")]),
    # an unlisted given name before a surname with a post-Soviet ending
    ("Ulugbek Lapasov noted the progress of the talks.", [("Ulugbek Lapasov", None)]),
    # a dash apposition, several titles in one role
    ("Chairman of the CSTO Military Committee, Chief of the General Staff Anatoly Kvashnin spoke.",
     [("Anatoly Kvashnin", "Chairman of the CSTO Military Committee, Chief of the General Staff")]),
    ("The Council appointed Igor Petrovich Sidorenko – the First Deputy Minister of Industry and Trade.",
     [("Igor Petrovich Sidorenko", "First Deputy Minister of Industry and Trade")]),
    ("Congratulations to Ruslan Ivanovich Orlov (currently the Ambassador of Belarus to Armenia) on "
     "his post.",
     [("Ruslan Ivanovich Orlov", "Ambassador of Belarus to Armenia")]),
    # lower-case titles
    ("The Chairmanship passed to Belarus, whose head of state, Viktor Lebedko, set out priorities.",
     [("Viktor Lebedko", "head of state")]),
    # Cyrillic
    ("Генеральный секретарь ОДКБ Имангали Тасмагамбетов",
     [("Имангали Тасмагамбетов", "Генеральный секретарь ОДКБ")]),
    # Russian, with declined names and titles
    ("Генеральный секретарь ОДКБ провел встречу с Министром иностранных дел Республики Беларусь "
     "Максимом Рыженковым.", [("Максимом Рыженковым", "Министром иностранных дел Республики Беларусь")]),
    ("Переговоры провел Сергей Лавров.", [("Сергей Лавров", None)]),
    ("Генеральный секретарь Организации Договора о коллективной безопасности Тимур Ахметов выступил.",
     [("Тимур Ахметов", "Генеральный секретарь Организации Договора о коллективной безопасности")]),
    # a bare surname after a title
    ("President Tokayev opened the session.", [("Tokayev", "President")]),
    # initials: Russian digraphs, run together, or after the surname
    ("headed by the Deputy Minister of Foreign Affairs of the Russian Federation A.Yu. Rudenko.",
     [("A.Yu. Rudenko", "Deputy Minister of Foreign Affairs of the Russian Federation")]),
    ("Signed: Bordyuzha N.N.", [("Bordyuzha N.N.", None)]),
    # a form of address makes a lone surname a name
    ("The report was presented by Mr. Kulubaev.", [("Kulubaev", None)]),
    # hyphenated titles; a title split by "and"
    ("SCO Secretary-General Zhang Ming attended.", [("Zhang Ming", "SCO Secretary-General")]),
    ("He met the Ambassador Extraordinary and Plenipotentiary of the Republic of India to the Russian "
     "Federation Pavan Kapoor.",
     [("Pavan Kapoor", "Ambassador Extraordinary and Plenipotentiary of the Republic of India to the "
                       "Russian Federation")]),
    # a place between the title and the name is not a name
    ("Welcomed by the Governor of the Nizhny Novgorod Region Gleb Nikitin, the delegates arrived.",
     [("Gleb Nikitin", "Governor of the Nizhny Novgorod Region")]),
    # surnames in capitals
    ("According to CSTO Secretary General Stanislav ZAS, the situation remains complicated.",
     [("Stanislav ZAS", "CSTO Secretary General")]),
    ("KHACHATUROV Yuri Grigorievich\nSecretary General of the CSTO",
     [("KHACHATUROV Yuri Grigorievich", "Secretary General of the CSTO")]),
    # a rank before the name gives way to the title after it
    ("Under the leadership of Colonel-General Pavel Sokolov, Chief of the CSTO Joint Staff, talks were held.",
     [("Pavel Sokolov", "Chief of the CSTO Joint Staff")]),
    ("Colonel General Pavel Sokolov spoke.", [("Pavel Sokolov", "Colonel General")]),
    ("Zas spoke with the commander of the CSTO Forces in Kazakhstan, Colonel General Pavel Sokolov, "
     "appointed by the Council.",
     [("Pavel Sokolov", "commander of the CSTO Forces in Kazakhstan, Colonel General")]),
    # a title before and another after one name; a title between two names goes to the second
    ("The Council approved the new Chairman of the ICMEC, Oleg Dubrovin – the Deputy Prime Minister.",
     [("Oleg Dubrovin", "Chairman of the ICMEC")]),
    ("A meeting between the Deputy Secretary General of the CSTO, Arman Seitkali, and the Special "
     "Representative for Central Asia, Head of the UNRCCA, Kakha Imnadze.",
     [("Arman Seitkali", "Deputy Secretary General of the CSTO"),
      ("Kakha Imnadze", "Special Representative for Central Asia, Head of the UNRCCA")]),
    # several titles in an apposition
    ("He met Oleg Dubrovin, the Deputy Prime Minister of Belarus - Minister of Industry, Chairman of "
     "the ICMEC, in Minsk.",
     [("Oleg Dubrovin", "Deputy Prime Minister of Belarus - Minister of Industry, Chairman of the ICMEC")]),
    # a title-case headline: names by their own shape only
    ("CSTO Secretary General Imangali Tasmagambetov Met With Kakha Imnadze", [
        ("Imangali Tasmagambetov", "CSTO Secretary General"), ("Kakha Imnadze", None)]),
])
def test_names_and_roles(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a list of titled names: each title goes with the name after it, none with the one before
    ("The event was attended by the Prime Minister of the Republic of Armenia Hovik Abrahamyan, "
     "the President of the Republic of Belarus Ivan Petrov and the President of the Kyrgyz Republic "
     "Almazbek Atambayev.",
     [("Hovik Abrahamyan", "Prime Minister of the Republic of Armenia"),
      ("Ivan Petrov", "President of the Republic of Belarus"),
      ("Almazbek Atambayev", "President of the Kyrgyz Republic")]),
    # two deputies with initials in one sentence, cut apart at "S." by a crude splitter
    ("with the participation of the CSTO Deputy Secretary General S. Orlov and the CSTO Deputy "
     "Secretary General T. Baimukhanov.",
     [("S. Orlov", "CSTO Deputy Secretary General"), ("T. Baimukhanov", "CSTO Deputy Secretary General")]),
    # appositions in a semicolon list; titles ending in "National People's Congress" or "Foreign
    # Policy" name no one
    ("It was attended by Arman Kenzhebekov, Chairman of the Senate of Kazakhstan; Wei Dong, Chairman "
     "of the National People’s Congress; and Omid Rahimi, Head of the Commission on Foreign Policy.",
     [("Arman Kenzhebekov", "Chairman of the Senate of Kazakhstan"),
      ("Wei Dong", "Chairman of the National People’s Congress"),
      ("Omid Rahimi", "Head of the Commission on Foreign Policy")]),
    # an article opens a title: the title of someone unnamed before it is not part of it
    ("At the invitation of the President of Mongolia, the CSTO Secretary General I. Petrenko arrived.",
     [("I. Petrenko", "CSTO Secretary General")]),
    # ... but titles in apposition, each with its article, all go with the name
    ("The chairmanship passed to the new Chairperson of the CSC, the President of the Republic of Belarus "
     "Ivan Petrov.", [("Ivan Petrov", "Chairperson of the CSC, the President of the Republic of Belarus")]),
    # two given names
    ("Mr. Carlos Miguel Herrera, Ambassador of Nicaragua, was received.",
     [("Carlos Miguel Herrera", "Ambassador of Nicaragua")]),
    # a surname alone, later in the same document, as the person named in full
    ("Valentin Petrov opened the meeting. Then Petrov said that the plan was adopted.",
     [("Valentin Petrov", None), ("Petrov", None)]),
])
def test_several_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "The joint training \"Interaction-2023\" was held in the Pskov region.",
    "Sputnik Belarus reports that the Collective Security Council has met.",
    "The CSTO Crisis Response Center was involved, as in the Great Patriotic War anniversary plans.",
    "In an exclusive commentary to Cronos.Asia, the sides spoke about the Russian Federation.",
    "The operation \"Mercenary\" and the exercise \"Echelon\" were held in Central Asia.",
    "The Special Representative for Central Asia attended the Collective Rapid Reaction Forces drill.",
    "Chairman of the CSTO Parliamentary Assembly spoke at the Military Academy of the General Staff.",
    "Opening the session, the Secretary General thanked the Kyrgyz Republic.",
    "The Collective Security Treaty Organization and the United Nations signed the Memorandum.",
    "CSTO Secretary General Took Part In The Youth Forum",
    "The Head of the Mission visited the Veliky Novgorod Kremlin and studied Radical Islam Ideology.",
    "Chairman of the Primakov Readings Organizing Committee spoke about the Valdai Club.",
    "Winners of the A.E. Snesarev Prize and cadets of the Yuri Gagarin Air Force Academy took part.",
    "Veterans wore the St. George Ribbon.",
    "Стороны подписали Меморандум между Секретариатом ОДКБ и Исполнительным комитетом СНГ.",
    "Приняли участие представители Объединенного штаба ОДКБ и Коллективных сил Организации Договора.",
    "Deputy Secretary General Holds Talks With Ambassador Of Mongolia",
    "CSTO Secretary General Congratulated Veterans",
    "The CSTO Secretary General Congratulated Sportsmen",
])
def test_not_people(text: str) -> None:
    assert found(text) == []


def test_spans_index_the_text() -> None:
    text = "Intro line\n\nThe CSTO Secretary General Stanislav Zas met Vladimir  Voronkov in New York."
    mentions = find_people(text, sentences_of(text), "d.txt")
    assert [(m.span.slice(text), m.surface, m.sentence, m.doc) for m in mentions] == [
        ("Stanislav Zas", "Stanislav Zas", 1, "d.txt"),
        ("Vladimir  Voronkov", "Vladimir  Voronkov", 1, "d.txt"),
    ]
    first = mentions[0]
    assert first.role_span is not None
    assert first.role_span.slice(text) == first.role == "CSTO Secretary General"


def test_nothing_found_is_an_empty_list() -> None:
    assert find_people("", [], "d.txt") == []
    text = "No names here at all."
    assert find_people(text, sentences_of(text), "d.txt") == []


def test_mentions_are_records() -> None:
    text = "Kakha Imnadze spoke."
    assert find_people(text, sentences_of(text), "d.txt") == [
        PersonMention(doc="d.txt", item=0, sentence=0, span=Span(0, 13), surface="Kakha Imnadze")]


@pytest.mark.parametrize("role, titles", [
    ("CSTO Secretary General", ["CSTO Secretary General"]),
    ("Chairman of the CSTO Parliamentary Assembly, Chairman of the State Duma",
     ["Chairman of the CSTO Parliamentary Assembly", "Chairman of the State Duma"]),
    ("CSTO Deputy Secretary General and Special Representative for Peacekeeping",
     ["CSTO Deputy Secretary General", "Special Representative for Peacekeeping"]),
    ("Deputy Prime Minister - Minister of Industry and Trade of the Russian Federation",
     ["Deputy Prime Minister - Minister of Industry and Trade of the Russian Federation"]),
    ("Foreign and Defence Minister", ["Foreign and Defence Minister"]),
])
def test_split_roles(role: str, titles: list[str]) -> None:
    assert [role[a:b] for a, b in split_roles(role)] == titles


PIECES = ["the", "President of the Republic of Belarus", "Valery Semerikov", "S.", "Ordabayev", ",", ".",
          "Kakha Imnadze", "Mr.", "Petrov", "and", "CSTO Secretary General", "(currently", ")", "said",
          "Semerikov Valery Anatolyevich", "\n", "Пресс-секретарь ОДКБ", "Владимир Зайнетдинов", "–",
          "Collective Security Council", "Thunder-2019", "Ivanov", "Yu.", "ZAS", "Head of the UN"]


@given(st.lists(st.sampled_from(PIECES), max_size=30))
@settings(max_examples=200, deadline=None)
def test_mentions_always_index_the_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    mentions = find_people(text, sentences_of(text), "d.txt")
    for m in mentions:
        assert m.span.slice(text) == m.surface and m.surface.strip() == m.surface
        assert (m.role is None) == (m.role_span is None)
        assert m.role_span is None or m.role_span.slice(text) == m.role
    spans = [m.span for m in mentions]
    assert all(not a.overlaps(b) for a, b in zip(spans, spans[1:]))
