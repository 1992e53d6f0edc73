"""Which mentions name the same person, across a whole corpus: alias resolution, incremental."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from viewer.extract.name_words import given_key, surname_key
from viewer.extract.names import NameParts, parse_name
from viewer.extract.roles import split_roles
from viewer.extract.translit import has_cyrillic, skeleton, transliterate
from viewer.records import Person, PersonMention, Role, Span

_SURNAME_SCORE = 85.0  # rapidfuzz ratio of folded surnames: Jeenbekov/Jeebekov pass, Zas/Zaz do not
_GIVEN_SCORE = 85.0  # Aleksandr/Alexander pass, Mukhtar/Mukhtarbek do not


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if (a[-1] == "a") != (b[-1] == "a"):
        return False  # Ivanov and Ivanova, Zhukovsky and Zhukovskaya are two people
    return fuzz.ratio(a, b) >= _SURNAME_SCORE


def _same_given(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    if (a[-1] == "a") != (b[-1] == "a"):
        return False  # Alexander and Alexandra, Evgeny and Evgenia are two people
    if a.startswith(b) or b.startswith(a):
        return True  # Kassym and Kassym-Jomart, Alex and Alexander
    return fuzz.ratio(a, b) >= _GIVEN_SCORE


@lru_cache(maxsize=65536)
def _letters(given: str) -> frozenset[str]:
    """The letters an initial of this given name may be written with: Yuri is "Yu." or "Y."."""
    return frozenset({skeleton(given)[:1], transliterate(given)[:1].casefold()} - {""})


def _block(key: str) -> str:
    return key[:2]


@lru_cache(maxsize=65536)
def _blocks_of(name: str) -> str | None:
    parts = _parts(name)
    return _block(_surname(parts)) if parts.last else None


def surname_blocks(names: Iterable[str]) -> set[str]:
    """The blocks the index compares these names' surnames within (the first letters of the
    transliterated surname): a stored person shares none with a name, and the index never
    weighs the two together."""
    return {b for b in map(_blocks_of, names) if b is not None}


# Names recur all through an archive: reading one into its parts and keys is done once.
@lru_cache(maxsize=65536)
def _parts(surface: str) -> NameParts:
    return parse_name(_clean(surface))


@lru_cache(maxsize=65536)
def _surname(parts: NameParts) -> str:
    """The surname's key, read with the given name's gender (Сергея Лаврова is Lavrov)."""
    return surname_key(parts.last, given_key(parts.first).endswith("a") if parts.first else None)


def _clean(surface: str) -> str:
    return " ".join(surface.split())


@dataclass
class _Cluster:
    """One person being assembled: the folded parts of every name form seen for them."""

    surnames: set[str] = field(default_factory=set)
    givens: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    letters: set[str] = field(default_factory=set)  # first letters of the given names
    patronymics: set[str] = field(default_factory=set)
    mentions: list[PersonMention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    name: str | None = None  # canonical name, worked out again after each new mention

    def surname_fits(self, key: str) -> bool:
        return any(_same_surname(key, s) for s in self.surnames)

    def given_fits(self, parts: NameParts) -> bool:
        """Could this name's given name (or initial) be this person's?"""
        if parts.first:
            given = given_key(parts.first)
            if self.givens:
                return any(_same_given(given, g) for g in self.givens)
            return not self.initials or bool(_letters(parts.first) & self.initials)
        if parts.initials:
            letters = _letters(parts.initials.split()[0])
            return not self.givens and not self.initials or bool(letters & (self.initials | self.letters))
        return True

    def patronymic_fits(self, parts: NameParts) -> bool:
        if not parts.patronymic or not self.patronymics:
            return True
        return any(_same_given(skeleton(parts.patronymic), p) for p in self.patronymics)

    def absorb(self, parts: NameParts) -> None:
        self.surnames.add(_surname(parts))
        if parts.first:
            self.givens.add(given_key(parts.first))
            self.letters |= _letters(parts.first)
        if parts.initials:
            self.initials |= _letters(parts.initials.split()[0])
        if parts.patronymic:
            self.patronymics.add(skeleton(parts.patronymic))


def _roles(m: PersonMention, stated_on: date | None) -> list[Role]:
    if not m.role or m.role_span is None:
        return []
    out: list[Role] = []
    for title, span in ((m.role, m.role_span), *m.more_roles):
        out.extend(Role(title[a:b], stated_on, m.doc, Span(span.start + a, span.start + b))
                   for a, b in split_roles(title))
    return out


def _canonical(mentions: list[PersonMention]) -> str:
    """The most frequent "First Last" form; built from the fullest form when none was written."""
    forms: Counter[str] = Counter()
    built: Counter[str] = Counter()
    for m in mentions:
        surface = _clean(m.surface)
        parts = _parts(surface)
        if parts.full and not parts.patronymic and surface.count(" ") == 1:
            forms[surface] += 1
        elif parts.full:
            # drop a patronymic, keep two given names ("Julio Antonio Garmendia") as written
            built[f"{parts.first} {parts.last}" if parts.patronymic else surface] += 1
    for pool in (forms, built):
        if pool:
            # Latin script before Cyrillic, "Zas" before "ZAS", then the most frequent
            return max(pool, key=lambda f: (not has_cyrillic(f), not _shouted(f), pool[f]))
    return Counter(_clean(m.surface) for m in mentions).most_common(1)[0][0]


def _shouted(name: str) -> bool:
    return any(len(w) > 1 and w.isupper() for w in name.split())


class PeopleIndex:
    """Alias resolution across a corpus, fed one document at a time.

    Names with a given name form people at once (blocked by surname, then compared with
    rapidfuzz). A bare surname or an initial ("Semerikov", "V. Semerikov") is held back and
    resolved when people are read out: to the person of that surname named in the same
    document, else to the only such person in the corpus, else it stands as its own person.
    """

    def __init__(self) -> None:
        self._clusters: list[_Cluster] = []
        self._blocks: dict[str, list[int]] = {}  # surname keys' first two letters -> clusters
        self._exact: dict[str, list[int]] = {}  # surname key -> clusters
        self._weak: list[tuple[PersonMention, NameParts, date | None]] = []
        self._by_mention: dict[tuple[str, int, int], str] | None = None  # name_of's answers

    @classmethod
    def from_people(cls, people: Iterable[Person]) -> "PeopleIndex":
        index = cls()
        for person in people:
            cluster = _Cluster(roles=list(person.roles), mentions=list(person.mentions))
            for m in person.mentions:
                cluster.absorb(_parts(m.surface))
                cluster.docs.add(m.doc)
            index._register(cluster)
        return index

    def _register(self, cluster: _Cluster) -> int:
        cid = len(self._clusters)
        self._clusters.append(cluster)
        for key in cluster.surnames:
            self._index(cid, key)
        return cid

    def _index(self, cid: int, key: str) -> None:
        if cid not in self._exact.setdefault(key, []):
            self._exact[key].append(cid)
        if cid not in self._blocks.setdefault(_block(key), []):
            self._blocks[_block(key)].append(cid)

    def _find(self, parts: NameParts, full_only: bool) -> list[int]:
        key = _surname(parts)
        if not full_only:
            # the same surname key first: the common case, and no fuzzy comparison at all
            same = [cid for cid in self._exact.get(key, ())
                    if self._clusters[cid].given_fits(parts) and self._clusters[cid].patronymic_fits(parts)]
            if same:
                return same
        found: list[int] = []
        for cid in self._blocks.get(_block(key), []):
            c = self._clusters[cid]
            if full_only and not c.givens:
                continue
            if c.surname_fits(key) and c.given_fits(parts) and c.patronymic_fits(parts):
                found.append(cid)
        return list(dict.fromkeys(found))

    def add(self, mentions: Iterable[PersonMention],
            stated_on: Mapping[tuple[str, int], date | None] = {}) -> None:
        """Take in mentions; stated_on[(doc, sentence)] dates the roles stated in that sentence."""
        self._by_mention = None
        for m in mentions:
            parts = _parts(m.surface)
            when = stated_on.get((m.doc, m.sentence))
            if not parts.last:
                continue
            if not parts.full:
                self._weak.append((m, parts, when))
                continue
            found = self._find(parts, full_only=False)
            # prefer a person already known by a given name over one known only by an initial
            known = [cid for cid in found if self._clusters[cid].givens] or found
            if known:
                cid = max(known, key=lambda i: len(self._clusters[i].mentions))
                cluster = self._clusters[cid]
                self._index(cid, _surname(parts))
                cluster.absorb(parts)
            else:
                cluster = _Cluster()
                cluster.absorb(parts)
                self._register(cluster)
            cluster.mentions.append(m)
            cluster.name = None
            cluster.roles.extend(_roles(m, when))
            cluster.docs.add(m.doc)

    def _resolve_weak(self) -> tuple[dict[int, list[int]], list[list[int]]]:
        """Weak mentions by the cluster they join, and groups of those that join none."""
        joined: dict[int, list[int]] = {}
        alone: dict[tuple[str, str], list[int]] = {}
        for w, (m, parts, _) in enumerate(self._weak):
            found = self._find(parts, full_only=True)
            here = [cid for cid in found if m.doc in self._clusters[cid].docs]
            if len(here) > 1:
                # several of that surname in this document: the one named last before it
                def last_before(cid: int) -> int:
                    return max((x.span.start for x in self._clusters[cid].mentions
                                if x.doc == m.doc and x.span.start <= m.span.start), default=-1)
                here = [max(here, key=last_before)]
            pick = here or (found if len(found) == 1 else [])
            if pick:
                joined.setdefault(pick[0], []).append(w)
            else:
                letter = skeleton(parts.initials.split()[0])[:1] if parts.initials else ""
                alone.setdefault((_surname(parts), letter), []).append(w)
        return joined, list(alone.values())

    def people(self) -> list[Person]:
        joined, alone = self._resolve_weak()
        out: list[Person] = []
        for cid, cluster in enumerate(self._clusters):
            mentions = list(cluster.mentions)
            roles = list(cluster.roles)
            for w in joined.get(cid, []):
                m, _, when = self._weak[w]
                mentions.append(m)
                roles.extend(_roles(m, when))
            out.append(self._person(mentions, roles, self._name(cluster)))
        for group in alone:
            mentions = [self._weak[w][0] for w in group]
            roles = [r for w in group for r in _roles(self._weak[w][0], self._weak[w][2])]
            out.append(self._person(mentions, roles, _canonical(mentions)))
        return sorted(out, key=lambda p: (p.name.casefold(), p.docs))

    def groups(self) -> list[list[PersonMention]]:
        """The mentions of each person, grouped as people() groups them, without naming them."""
        joined, alone = self._resolve_weak()
        out = [[*cluster.mentions, *(self._weak[w][0] for w in joined.get(cid, []))]
               for cid, cluster in enumerate(self._clusters)]
        out.extend([self._weak[w][0] for w in group] for group in alone)
        return out

    @staticmethod
    def _name(cluster: _Cluster) -> str:
        # bare surnames and initials joined later never change it: they are no "First Last" form
        if cluster.name is None:
            cluster.name = _canonical(cluster.mentions)
        return cluster.name

    @staticmethod
    def _person(mentions: list[PersonMention], roles: list[Role], name: str) -> Person:
        mentions.sort(key=lambda m: (m.doc, m.span.start))
        roles.sort(key=lambda r: (r.doc, r.span.start))
        aliases = sorted({_clean(m.surface) for m in mentions} | {name})
        return Person(name=name, aliases=tuple(aliases), roles=tuple(roles), mentions=tuple(mentions))

    def name_of(self, mention: PersonMention) -> str | None:
        """The canonical name of the person this very mention resolved to, in its document's
        context: a bare "Petrov" goes to the Petrov named in the same document."""
        if self._by_mention is None:
            self._by_mention = {(m.doc, m.span.start, m.span.end): p.name
                                for p in self.people() for m in p.mentions}
        return self._by_mention.get((mention.doc, mention.span.start, mention.span.end))

    def canonical(self, surface: str) -> str | None:
        """The canonical name of the person a surface form belongs to; None when unknown."""
        parts = _parts(surface)
        if not parts.last:
            return None
        found = self._find(parts, full_only=parts.full is False)
        if not found and not parts.full:
            found = self._find(parts, full_only=False)
        if len(found) != 1 and not parts.full:
            return None
        if not found:
            return None
        cid = max(found, key=lambda i: len(self._clusters[i].mentions))
        return self._name(self._clusters[cid])


def resolve_people(mentions: Iterable[PersonMention],
                   stated_on: Mapping[tuple[str, int], date | None] = {}) -> list[Person]:
    """People of a set of mentions: PeopleIndex().add(...), then .people()."""
    index = PeopleIndex()
    index.add(mentions, stated_on)
    return index.people()
