"""People found in the bundled releases, scored against their gold annotation."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from test_people import sentences_of

from viewer.extract.people import PeopleIndex, find_people
from viewer.records import Person

GOLD = Path(__file__).with_name("gold_seeds.json")


split = sentences_of  # the same crude splitter as the rule tests: the rules must cope with it


def norm(name: str) -> str:
    return " ".join(re.sub(r"[.\"«»“”]", " ", name.casefold()).split())


@pytest.fixture(scope="module")
def seed_people() -> list[Person]:
    index = PeopleIndex()
    for path in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        index.add(find_people(text, split(text), path.name))
    return index.people()


def test_people_f1_on_the_seeds(seed_people: list[Person]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["people"]
    forms = {norm(f): gi for gi, g in enumerate(gold) for f in [g["name"], *g["aliases"]]}
    gold_pairs = {(d, gi) for gi, g in enumerate(gold) for d in g["docs"]}
    found_pairs: set[tuple[str, object]] = set()
    owners: dict[int, list[int]] = {}
    for pi, p in enumerate(seed_people):
        hits = {forms[norm(a)] for a in (p.name, *p.aliases) if norm(a) in forms}
        assert len(hits) <= 1, f"{p.name} merges {hits}"
        owner: object = hits.pop() if hits else ("extra", p.name)
        if isinstance(owner, int):
            owners.setdefault(owner, []).append(pi)
        found_pairs |= {(d, owner) for d in p.docs}
    assert {gold[gi]["name"]: len(pis) for gi, pis in owners.items() if len(pis) > 1} == {}  # no splits
    tp = len(gold_pairs & found_pairs)
    f1 = 2 * tp / (len(gold_pairs) + len(found_pairs))
    assert f1 >= 0.95, (sorted(gold_pairs - found_pairs), sorted(found_pairs - gold_pairs, key=str))


@pytest.mark.parametrize("not_a_person", [
    "Thunder-2019", "Echelon", "Mercenary", "Collective Security Council", "Crisis Response Center",
    "Russian Federation", "Great Patriotic War", "Cronos.Asia", "Sputnik Armenia", "Central Asia",
])
def test_no_non_people(seed_people: list[Person], not_a_person: str) -> None:
    words = set(norm(not_a_person).replace("-", " ").split())
    assert [p.name for p in seed_people if any(set(norm(a).split()) <= words for a in p.aliases)] == []


def test_roles_as_stated(seed_people: list[Person]) -> None:
    by_name = {p.name: sorted({r.title for r in p.roles}) for p in seed_people}
    assert by_name["Vladimir Zaynetdinov"] == ["CSTO Press Secretary", "Пресс-секретарь ОДКБ"]
    assert by_name["Kakha Imnadze"] == [
        "Head of the UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)",
        "Special Representative of the UN Secretary General for Central Asia"]
    assert by_name["Valery Semerikov"] == [
        "Acting Secretary General of the Collective Security Treaty Organization",
        "CSTO Acting Secretary General"]
