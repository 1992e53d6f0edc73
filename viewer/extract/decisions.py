"""Decision clauses: what a body or official adopted, approved, signed, decided, appointed or established."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from viewer.extract.vocabulary import alternation, bodies, key
from viewer.records import Sentence, Span
from viewer.resources import load_json

_ADVERBS = r"(?:also|unanimously|jointly|finally|then|further|officially|formally|already)"
# After an active verb comes its object; after a participle ("the Memorandum signed in 2016"), a
# preposition or punctuation.
_NOT_OBJECT = re.compile(r"\s*(?:[,.;:)]|$|(?:in|at|on|by|during|with|for|from|under|after|before|"
                         r"within|between|into|as|last|earlier|today|yesterday)\b)", re.IGNORECASE)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?P<agent>[A-Z][^,;:]*?)(?=,|;|:|\s+entitled|\s+on\s|\s+to\s|$)")
# "the agreed approaches", "a signed protocol": a determiner before the verb form makes it an adjective
_SHARED_SUBJECT = re.compile(r",?\s+and\s+(?:also\s+)?$")
_COUNT_SUBJECT = re.compile(r"(?:\d[\d,]*|several|many|all|both|some|two|three|four|five)\s+\w+\s+\w+$",
                            re.IGNORECASE)
_ADJECTIVE = re.compile(r"\b(?:the|a|an|its|their|this|these|those|his|her|our|newly|previously)\s+$",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DecisionCues:
    verb: re.Pattern[str]
    kind_of: dict[str, str]
    needs_noun: frozenset[str]
    noun: re.Pattern[str]
    passive_aux: re.Pattern[str]  # matched against the text just before the verb
    blocked: re.Pattern[str]
    stops: re.Pattern[str]
    clause_starts: re.Pattern[str]
    establish: re.Pattern[str]
    idiom: re.Pattern[str]  # the verb starts a set phrase that decides nothing


@cache
def cues() -> DecisionCues:
    data: Any = load_json("decisions.json")
    return DecisionCues(
        verb=re.compile(rf"\b(?:{alternation(list(data['verbs']), cased=True)})\b"),
        kind_of={k.casefold(): v for k, v in data["verbs"].items()},
        needs_noun=frozenset(data["needs_decision_noun"]),
        noun=re.compile(rf"\b(?:{alternation(data['decision_nouns'])})\b", re.IGNORECASE),
        passive_aux=re.compile(rf"\b(?:{alternation(data['passive_aux'])})(?:\s+{_ADVERBS})?\s+$",
                               re.IGNORECASE),
        blocked=re.compile(rf"\b(?:{alternation(data['blocked_before'])})(?:\s+{_ADVERBS})?\s+$",
                           re.IGNORECASE),
        stops=re.compile(alternation(data["complement_stops"])
                         + r"|,?\s+and\s+(?=(?:the|a|an|its|their|it|this|these|he|she|they)\s)"
                         + rf"|,?\s+and\s+(?=(?:also\s+)?(?:{alternation(list(data['verbs']))})\b)"),
        clause_starts=re.compile(rf"(?:{alternation(data['clause_starts'])})", re.IGNORECASE),
        establish=re.compile(rf"\b(?:{alternation(data['establish_words'])})\b", re.IGNORECASE),
        idiom=re.compile(rf"(?:{alternation(data['idioms'], cased=True)})\b"),
    )


@dataclass(frozen=True, slots=True)
class Clause:
    span: Span
    kind: str
    body: str | None


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Where a clause may start in text[lo:hi]: after commas, 'during which', or a verb and 'and the'."""
    c = cues()
    points = [lo]
    for m in re.finditer(r"[,;]\s+|(?<=ed)\s+and\s+(?=(?:the|a|an|its|their)\s)", text[lo:hi]):
        points.append(lo + m.end())
    for m in c.clause_starts.finditer(text, lo, hi):
        points.append(m.end())
    return sorted(set(points))


def _subject_start(text: str, lo: int, verb_start: int, passive: bool) -> int:
    points = [p for p in _boundaries(text, lo, verb_start) if p <= verb_start]
    i = len(points) - 1
    while i > 0:
        segment = text[points[i]:verb_start].strip()
        aux_only = cues().passive_aux.fullmatch(segment + " ") is not None
        if not segment or aux_only:
            i -= 2 if passive else 1  # "X, an appositive, was appointed": skip the appositive too
            continue
        if re.match(r"(?:which|who|that)\b", segment, re.IGNORECASE):
            i -= 1  # a relative clause: the subject stands before it
            continue
        if i > 0 and passive and _COUNT_SUBJECT.match(segment):
            i -= 1  # "17 documents were signed": a bare count, keep the phrase that frames it
        break
    return points[max(i, 0)]


def _complement_end(text: str, verb_end: int, hi: int) -> int:
    m = cues().stops.search(text, verb_end, hi)
    end = m.start() if m else hi
    while end > verb_end and text[end - 1] in " .,;:":
        end -= 1
    return end


def _body(text: str, subject: Span, clause: Span, passive: bool) -> str | None:
    if passive:
        m = _BY_AGENT.search(text, clause.start, clause.end)
        if not m:
            return None
        where = Span(m.start("agent"), m.end("agent"))
    else:
        where = subject
    found = bodies().bodies_in(text, where.start, where.end)
    if found:
        return found[0]
    words = re.sub(r"^(?:the|The)\s+", "", " ".join(text[where.start:where.end].split()))
    return words or None


def _kind(text: str, verb: str, clause: Span) -> str:
    c = cues()
    kind = c.kind_of[key(verb)]
    if kind == "decided" and c.establish.search(text, clause.start, clause.end):
        return "established"
    return kind


def find_decisions(text: str, sentence: Sentence) -> list[Clause]:
    """Decision clauses in one sentence, each with its kind and the deciding body where stated."""
    c = cues()
    lo, hi = sentence.span.start, sentence.span.end
    found: list[Clause] = []
    for m in c.verb.finditer(text, lo, hi):
        verb = m.group(0)
        base = max(lo, m.start() - 48)
        before = text[base:m.start()]  # the cues anchored at the verb need only its last words
        if c.blocked.search(before) or c.idiom.match(text, m.start()):
            continue
        passive = c.passive_aux.search(before) is not None
        if not passive:
            # Active: a main verb with an object ("The CSC approved the budget"); a participle
            # ("the Memorandum signed in 2016") is followed by a preposition instead.
            if _NOT_OBJECT.match(text, m.end(), hi) or m.start() == lo or _ADJECTIVE.search(before):
                continue
            if re.search(r"\b(?:has|have|had)\s+$", before) and verb.casefold() in c.needs_noun:
                continue
        shared = _SHARED_SUBJECT.search(before)
        if shared and found and found[-1].span.end >= base + shared.start() - 1:
            # "The CFM adopted X and approved Y": the second clause shares the first's subject
            clause = Span(m.start(), _complement_end(text, m.end(), hi))
            found.append(Clause(clause, _kind(text, verb, clause), found[-1].body))
            continue
        start = _subject_start(text, lo, m.start(), passive)
        end = _complement_end(text, m.end(), hi)
        clause = Span(start, end)
        if verb.casefold() in c.needs_noun and not c.noun.search(text, clause.start, clause.end):
            continue
        if found and found[-1].span.overlaps(clause):
            continue
        subject = Span(start, m.start())
        found.append(Clause(clause, _kind(text, verb, clause), _body(text, subject, clause, passive)))
    return found
