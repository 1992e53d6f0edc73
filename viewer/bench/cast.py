"""The generated corpus's people: invented names with titles, and every form in which a release writes them."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from viewer.bench.vocab import VOCAB


@dataclass(slots=True)
class Actor:
    """One person of the corpus; `forms` and `docs` fill in as the generator writes them."""

    first: str
    surname: str
    patronymic: str
    role: str
    body: str  # canonical body the role belongs to, "" for none
    variant: str = ""  # a transliteration variant of the full name ("Kassym-Zhomart Tokayev")
    forms: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"


def _patronymic(stem: str, female: bool) -> str:
    base = stem[:-1] + "yevich" if stem[-1] in "yi" else stem + "ovich"
    return base[:-3] + "na" if female else base


def _variant(rng: random.Random, full: str) -> str:
    for old, new in rng.sample(VOCAB["translit"], len(VOCAB["translit"])):
        if old in full:
            return full.replace(old, new, 1)
    return ""


def _surnames(rng: random.Random, size: int) -> list[str]:
    """Surnames no closer to each other than a transliteration variant is to its original.

    "Belyrov" beside "Belytov" would be one person written two ways to any reader, so such pairs
    are never both drawn: the corpus tests the merging of variants, not guessing.
    """
    from rapidfuzz import fuzz, process

    candidates = [h + m + t for h in VOCAB["surname_heads"] for m in VOCAB["surname_mids"]
                  for t in VOCAB["surname_tails"]]
    rng.shuffle(candidates)
    chosen: list[str] = []
    for name in candidates:
        if len(chosen) >= size:
            break
        if not chosen or process.extractOne(name, chosen, scorer=fuzz.ratio, score_cutoff=75) is None:
            chosen.append(name)
    return chosen


def make_cast(rng: random.Random, size: int) -> list[Actor]:
    """`size` invented people with distinct surnames, then the real heads of state of the seeds."""
    surnames = _surnames(rng, size)
    roles = VOCAB["roles"]
    cast: list[Actor] = []
    for i in range(min(size, len(surnames))):
        first = rng.choice(VOCAB["first_names"])
        female = first.endswith("a") or first in ("Lilit", "Aigul")
        surname = surnames[i] + ("a" if female and surnames[i].endswith(("ov", "ev", "in")) else "")
        role, body = roles[i % len(roles)]
        patronymic = _patronymic(rng.choice(VOCAB["patronymic_stems"]), female)
        actor = Actor(first, surname, patronymic, role, body)
        if rng.random() < 0.3:
            actor.variant = _variant(rng, actor.name)
        cast.append(actor)
    for real in VOCAB["real_people"]:
        first, surname = real["name"].split(" ", 1)
        variants = real["variants"]
        cast.append(Actor(first, surname, real["patronymic"], real["role"], "",
                          variants[0] if variants else ""))
    return cast


def initial(first: str) -> str:
    """The initial as a Russian name is abbreviated: Yuri -> Yu., Zhanibek -> Zh. (one Cyrillic letter)."""
    digraph = next((d for d in ("Zh", "Kh", "Sh", "Ch", "Yu", "Ya", "Ts") if first.startswith(d)), first[0])
    return digraph + "."


class Mentions:
    """Writes a person's name in one document: the first mention introduces, later ones abbreviate."""

    def __init__(self, rng: random.Random, doc: str) -> None:
        self.rng = rng
        self.doc = doc
        self.seen: set[int] = set()
        self.introduced: list[Actor] = []  # in order of first mention

    def _use(self, actor: Actor, text: str) -> str:
        actor.forms.add(text)
        actor.docs.add(self.doc)
        return text

    def name(self, actor: Actor) -> str:
        """The name alone, in a form fit for this point of the document."""
        r = self.rng.random()
        if id(actor) not in self.seen:
            self.seen.add(id(actor))
            self.introduced.append(actor)
            if actor.variant and r < 0.25:
                return self._use(actor, actor.variant)
            if actor.patronymic and r < 0.4:
                return self._use(actor, f"{actor.first} {actor.patronymic} {actor.surname}")
            if r < 0.5:
                return self._use(actor, f"{initial(actor.first)} {actor.surname}")
            return self._use(actor, actor.name)
        if r < 0.35:
            return self._use(actor, actor.surname)
        if r < 0.6:
            return self._use(actor, f"{initial(actor.first)} {actor.surname}")
        return self._use(actor, actor.name)

    def titled(self, actor: Actor) -> str:
        """'the CSTO Secretary General Arman Dzhaksybekov' or 'Arman Dzhaksybekov, the ...,' styles."""
        name = self.name(actor)
        return f"the {actor.role} {name}"

    def signature(self, actor: Actor) -> str:
        """A signature block in Russian name order, as under an interview: 'Surname First Patronymic'."""
        self.seen.add(id(actor))
        text = f"{actor.surname} {actor.first} {actor.patronymic}".strip()
        return self._use(actor, text)
