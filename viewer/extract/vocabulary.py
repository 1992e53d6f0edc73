"""Compiled matchers over the vocabulary in resources/: bodies, places, event kinds."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from viewer.resources import load_json


def key(phrase: str) -> str:
    """A written form's lookup key: case and runs of white space folded."""
    return " ".join(phrase.split()).casefold()


def alternation(words: list[str], cased: bool = False) -> str:
    """A regex alternation of phrases, longest first; any white space (releases use NBSP) matches.

    With `cased`, each phrase also stands in lower case and with a capital first letter, so the
    pattern needs no IGNORECASE: Python's re scans such patterns several times faster.
    """
    forms = set(words)
    if cased:
        forms |= {w.lower() for w in words} | {w[:1].upper() + w[1:].lower() for w in words}
        forms |= {w[:1].upper() + w[1:] for w in words}
    return trie(forms)


def trie(words: Iterable[str]) -> str:
    """A regex matching any of words, factored by prefix so each position costs a few
    comparisons, not one per word; the longest word wins where several match."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + render(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and len(alts[0]) <= 1 else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return render(root)


@dataclass(frozen=True, slots=True)
class BodyMatcher:
    pattern: re.Pattern[str]  # full names in their usual casings, and abbreviations as written
    canonical: dict[str, str]  # casefolded written form -> canonical name
    order: tuple[str, ...]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        end = len(text) if end is None else end
        return [(m.start(), m.end(), self.canonical[key(m.group(0))])
                for m in self.pattern.finditer(text, start, end)]

    def bodies_in(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
        found = {name for _, _, name in self.find(text, start, end)}
        return tuple(name for name in self.order if name in found)


@cache
def bodies() -> BodyMatcher:
    data: Any = load_json("bodies.json")
    canonical: dict[str, str] = {}
    names: list[str] = []
    abbrs: list[str] = []
    for body in data["bodies"]:
        for form in [body["name"], *body["names"]]:
            canonical[form.casefold()] = body["name"]
            names.append(form)
        for form in body["abbr"]:
            canonical[form.casefold()] = body["name"]
            abbrs.append(form)
    return BodyMatcher(
        pattern=re.compile(rf"\b(?:{alternation(names, cased=True)})\b"
                           rf"|(?<![\w-])(?:{alternation(abbrs)})(?![\w-])"),
        canonical=canonical,
        order=tuple(b["name"] for b in data["bodies"]),
    )


@dataclass(frozen=True, slots=True)
class PlaceMatcher:
    pattern: re.Pattern[str]  # groups "local" (city, region) and "country"
    canonical: dict[str, str]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        end = len(text) if end is None else end
        found = []
        for m in self.pattern.finditer(text, start, end):
            group = "local" if m.group("local") else "country"
            found.append((m.start(group), self.canonical[key(m.group(group))]))
        return found


@cache
def places() -> PlaceMatcher:
    data: Any = load_json("places.json")
    canonical: dict[str, str] = {}
    local = [*data["cities"], *data["regions"]]
    for name in local:
        canonical[name.casefold()] = name.removesuffix(" region")
    countries: list[str] = []
    for name, forms in data["countries"].items():
        for form in forms:
            canonical[form.casefold()] = name
            countries.append(form)
    # Local places after any locative preposition; countries only after "in", "on the territory
    # of" or "visit to", so "the President of the Republic of Belarus" never makes Belarus a venue.
    pattern = re.compile(
        rf"\b(?:(?:in|at|to|near|in the city of|in the|visit|visited|visits)\s+(?P<local>{alternation(local)})"
        rf"|(?:in|on the territory of|visit to|visits to|trip to|arrived in)\s+"
        rf"(?P<country>{alternation(countries)}))\b")
    return PlaceMatcher(pattern, canonical)


@dataclass(frozen=True, slots=True)
class KindMatcher:
    cues: re.Pattern[str]  # one named alternation; the cue's kind is looked up by text
    kind_of: dict[str, str]
    future: re.Pattern[str]
    clause: re.Pattern[str]  # a happening noun phrase up to the verb that says it took place
    participation: re.Pattern[str]  # "was attended by", "took part": who was there


@cache
def kinds() -> KindMatcher:
    data: Any = load_json("events.json")
    kind_of: dict[str, str] = {}
    for entry in data["kinds"]:
        for cue in entry["cues"]:
            kind_of.setdefault(cue.casefold(), entry["kind"])
    return KindMatcher(
        cues=re.compile(rf"\b(?:{alternation(list(kind_of), cased=True)})\b"),
        kind_of=kind_of,
        future=re.compile(rf"\b(?:{alternation(data['future'], cased=True)})\b"),
        participation=re.compile(rf"\b(?:{alternation(data['participation'], cased=True)})\b"),
        clause=re.compile(
            rf"\b(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(data['happening'])})\b"
            rf"[^;.]*?\b(?:{alternation(data['occurred'])})\b", re.IGNORECASE),
    )


class DocumentScan:
    """Bodies, places and event-kind cues of one document, read only in the spans asked about.

    Only sentences that date a happening are asked about (a tenth of a release), so scanning
    those spans beats one pass over the whole text.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def bodies_in(self, start: int, end: int) -> tuple[str, ...]:
        return bodies().bodies_in(self.text, start, end)

    def place_in(self, start: int, end: int) -> str | None:
        found = places().find(self.text, start, end)
        return found[0][1] if found else None

    def kind_in(self, start: int, end: int) -> tuple[str, int] | None:
        """The first cue's kind in the span and where it stands. An appointment cue wins; a
        statement cue ("noted", "said") only when nothing else names the happening."""
        k = kinds()
        first: tuple[str, int] | None = None
        said: tuple[str, int] | None = None
        for m in k.cues.finditer(self.text, start, end):
            kind = k.kind_of[key(m.group(0))]
            if kind == "appointment":
                return kind, m.start()
            if kind == "statement":
                said = said or (kind, m.start())
            elif first is None:
                first = (kind, m.start())
        return first or said
