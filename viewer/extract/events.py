"""Events from sentences: one per happening, with date, kind, title, place, bodies and source."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from viewer.extract.date_resolve import FROM_PUBLICATION
from viewer.extract.dates import DateContext, RawDate, YearHint, resolve
from viewer.extract.vocabulary import DocumentScan, kinds
from viewer.records import DateMention, DateValue, Event, Item, Sentence, Span
from viewer.resources import load_json

_TITLE_MAX = 72
_OF_PHRASE = re.compile(r"\s+of\s+[^,;:.]*?(?=\s+(?:was|were|is|are|will|would|has|have|took|held|hosted|in|on|at|with|and|"
                        r"under|as|for|from)\s|[,;:.(]|$)")
# Where a happening's noun phrase ends: its verb, a clause break, or the next preposition of place.
_PHRASE_END = re.compile(r"\s+(?:was|were|is|are|has|have|will|took|held|hosted|takes|with|between|"
                         r"under|during|at|in|on|from|to|and|of|as)\s|[,;:(]|\s[–—-]\s")
_DETERMINER = re.compile(r"(?:\b(?:a|an|the|its|their)\s+)$", re.IGNORECASE)
_EVENT_PRECISIONS = {"day", "month", "quarter", "half"}


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence with its date expressions resolved in context."""

    sentence: Sentence
    mentions: tuple[DateMention, ...]
    event_dates: tuple[DateMention, ...]  # the mentions that date a happening told here
    future: bool  # the sentence speaks of a planned happening
    published: date | None = None  # the item's anchor after this sentence (a dateline sets it)
    published_text: str = ""


_OPENING = re.compile(r"[\"“«(\s]*")


def is_event_date(text: str, sentence: Sentence, raw: RawDate) -> bool:
    """A happening's date: not a year or period alone, not a date that only qualifies a name.

    "Today" dates a happening only where it opens the sentence with a comma ("Today, the ministers
    met"); elsewhere it is a figure of speech ("today we can state that ...", "Today there are ...").
    """
    if raw.incidental or raw.bare_year or raw.precision not in _EVENT_PRECISIONS:
        return False
    if raw.relative in FROM_PUBLICATION and raw.month is None:
        opening = _OPENING.match(text, sentence.span.start)
        at_start = opening is not None and opening.end() == raw.span.start
        return at_start and text[raw.span.end:raw.span.end + 1] == ","  # "Today, the ..."
    return True


def _mention(raw: RawDate, value: DateValue) -> DateMention:
    role = "incidental" if raw.incidental else "relative" if raw.relative in ("eve", "same_day") \
        else "absolute"
    return DateMention(raw.span, raw.text, value, role)  # type: ignore[arg-type]


# An agency dateline opens a line: "MOSCOW, October 14 (TASS) -", "Minsk, 5 March (BelTA) –".
_DATELINE_LEAD = re.compile(r"^[A-ZА-ЯЁ][\w .'-]{1,30},\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\([\w .'-]{1,20}\))?\s*[-–—:]")


def is_dateline(text: str, sentence: Sentence, raw: RawDate) -> bool:
    lead = text[sentence.span.start:raw.span.start]
    return bool(_DATELINE_LEAD.match(lead)) and bool(_DATELINE_TAIL.match(text, raw.span.end))


def date_sentence(text: str, sentence: Sentence, raws: Sequence[RawDate], published: date | None,
                  published_text: str, hints: Sequence[YearHint], previous: DateValue | None,
                  future: bool) -> DatedSentence:
    mentions, event_dates = [], []
    for raw in raws:
        ctx = DateContext(published=published, published_text=published_text, hints=hints,
                          previous=previous, position=raw.span.start, future=future)
        value = resolve(raw, ctx)
        if value is None:
            continue
        if raw is raws[0] and is_dateline(text, sentence, raw):
            # the agency's date is when the news was filed: the item's anchor, not a happening
            mentions.append(DateMention(raw.span, raw.text, value, "dateline"))
            published, published_text = value.start, raw.text
            continue
        mention = _mention(raw, value)
        mentions.append(mention)
        if is_event_date(text, sentence, raw):
            event_dates.append(mention)
            previous = value
    return DatedSentence(sentence, tuple(mentions), tuple(event_dates), future, published, published_text)


_VERB_CUE = re.compile(r"^(?:met|meet|meets|was|were|visited|arrived|said|noted|stated|declared|held|"
                       r"received|visits?(?=\s+[A-Z]))\b", re.IGNORECASE)
_KIND_LABEL = {"session": "Session", "meeting": "Meeting", "consultation": "Consultations",
               "exercise": "Exercise", "course": "Course", "visit": "Visit", "appointment": "Appointment",
               "statement": "Statement", "planned": "Planned", "operation": "Operation", "other": "Event"}


def _noun_phrase(text: str, clause: Span, cue_at: int) -> str:
    """The happening's noun phrase around its cue: "joint meeting of the Council of Foreign Ministers"."""
    start = cue_at
    if m := _DETERMINER.search(text, clause.start, cue_at):
        start = m.end()
    else:  # take up to two modifiers before the cue ("joint training", "working meeting")
        for word in reversed(text[clause.start:start].split()[-2:]):
            if not word[:1].islower() or word in _never_adjective() or word.endswith(("ed", ",")):
                break
            start = text.rindex(word, clause.start, start)
    end_match = _PHRASE_END.search(text, cue_at + 1, clause.end)
    end = end_match.start() if end_match else clause.end
    of = _OF_PHRASE.match(text, end, clause.end)
    if of:  # keep "of the X" attached: "session of the Collective Security Council"
        end = of.end()
    return " ".join(text[start:end].split())


def title_for(text: str, clause: Span, cue_at: int | None, kind: str, place: str | None,
              bodies: Sequence[str] = ()) -> str:
    """A short title for the timeline and lists, built from the sentence, never longer than a line."""
    phrase = _noun_phrase(text, clause, cue_at) if cue_at is not None else ""
    if not phrase or _VERB_CUE.match(phrase) or " " not in phrase:
        label = _KIND_LABEL.get(kind, "Event") if not phrase or _VERB_CUE.match(phrase) \
            else phrase[:1].upper() + phrase[1:]
        if kind == "visit" and place:
            phrase = f"Visit to {place}"
        elif bodies:
            phrase = f"{label} of the {bodies[0]}"
        elif place:
            phrase = f"{label} in {place}"
        elif cue_at is None:  # nothing names the happening: the sentence's opening words will
            phrase = " ".join(text[clause.start:clause.end].split())
        else:
            phrase = label
    phrase = _balance_quotes(phrase.strip(" ,.;:"))
    if len(phrase) > _TITLE_MAX:
        phrase = phrase[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return phrase[:1].upper() + phrase[1:]


def _balance_quotes(phrase: str) -> str:
    """Drop a quote mark whose partner the phrase cut off: 'Exercises "Echelon-2021' reads badly."""
    for open_, close in (("“", "”"), ("«", "»")):
        if phrase.count(open_) != phrase.count(close):
            phrase = phrase.replace(open_, "").replace(close, "")
    if phrase.count('"') % 2:
        phrase = phrase.replace('"', "")
    return phrase.strip()


@cache
def _never_adjective() -> frozenset[str]:
    data: Any = load_json("events.json")
    return frozenset(data["title_adjectives_never"])


_WITH = re.compile(r"\bwith\b")
_POSSESSIVE = re.compile(r"^(?:His|Her|Its|Their)\s+")


def with_people(event: Event, people: Sequence[tuple[str, int]], text: str) -> Event:
    """The event with its people (name, where named); a bare title ("Meeting") names whom it was
    with: the first person named after "with", else the last one named."""
    names = tuple(n for n, _ in people)
    title = event.title
    if people and (title in _KIND_LABEL.values() or " " not in title):
        joint = "by" if event.kind in ("visit", "statement", "appointment") else "with"
        w = _WITH.search(text, event.span.start, event.span.end)
        after = [n for n, at in people if w is not None and at > w.start()]
        title = f"{title} {joint} {(after or names[-1:])[0]}"
    elif people and _POSSESSIVE.match(title):  # "His appointment" reads as nobody's
        title = f"{_POSSESSIVE.sub('', title)[:1].upper()}{_POSSESSIVE.sub('', title)[1:]} of {names[0]}"
    return replace(event, people=names, title=title)


_OCCURRED = re.compile(r"\b(?:held|took place|conducted|organi[sz]ed|opened|hosted)\b")


def _clauses(text: str, sentence: Sentence) -> list[Span]:
    """The happenings one sentence tells: 'a session ... was held in Astana and a meeting ... was held'."""
    if len(_OCCURRED.findall(sentence.text)) < 2:
        return [sentence.span]  # one verb of happening, one happening: spare the slow pattern
    found = [Span(m.start(), m.end()) for m in
             kinds().clause.finditer(text, sentence.span.start, sentence.span.end)]
    if len(found) < 2:
        return [sentence.span]
    # each clause runs to the start of the next, so a place after "was held in ..." stays with it
    return [Span(c.start if i else sentence.span.start,
                 found[i + 1].start if i + 1 < len(found) else sentence.span.end)
            for i, c in enumerate(found)]


def events_in(scan: DocumentScan, doc: str, dated: DatedSentence) -> list[Event]:
    text = scan.text
    s = dated.sentence
    out = []
    if not dated.event_dates:
        return []
    sentence_place = scan.place_in(s.span.start, s.span.end)
    future = dated.future
    for mention in dated.event_dates:
        clauses = _clauses(text, s) if len(dated.event_dates) == 1 else [s.span]
        for clause in clauses:
            found = scan.kind_in(clause.start, clause.end)
            kind = found[0] if found else "other"
            if future and kind != "appointment":
                kind = "planned"
            place = sentence_place if clause == s.span else \
                scan.place_in(clause.start, clause.end) or sentence_place
            bodies = scan.bodies_in(clause.start, clause.end)
            out.append(Event(
                doc=doc, item=s.item, sentence=s.index, date=mention.value, date_span=mention.span,
                kind=kind, title=title_for(text, clause, found[1] if found else None,
                                           found[0] if found else kind, place, bodies),
                place=place, bodies=bodies, people=(),
                text=s.text, span=s.span))
    return out


def _is_title(item: Item, sentence: Sentence) -> bool:
    if item.title is None:
        return False
    title = " ".join(item.title.split()).casefold()
    return " ".join(sentence.text.split()).casefold().rstrip(".") == title.rstrip(".")


def merge_item_events(item: Item, events: list[tuple[Sentence, Event]]) -> list[Event]:
    """One event per happening in an item: a title and the sentence that repeats it are one."""
    body = [e for s, e in events if not _is_title(item, s)]
    titles = [e for s, e in events if _is_title(item, s)]
    merged = list(body)
    seen_titles: set[tuple[object, object]] = set()
    for t in titles:
        key = (t.date.start, t.date.end)
        twin = next((i for i, e in enumerate(merged) if (e.date.start, e.date.end) == key), None)
        if twin is not None:
            if t.date.certainty == "stated" and merged[twin].date.certainty == "inferred":
                merged[twin] = replace(merged[twin], date=t.date)  # the title states it in full
            continue
        if key in seen_titles:  # the repeated title line
            continue
        seen_titles.add(key)
        merged.append(t)
    # a place told once for a stay ("in New York from 24 to 27 September") holds for its days
    result: list[Event] = []
    for e in sorted(merged, key=lambda e: e.span.start):
        if e.place is None and result:
            stay = next((p for p in reversed(result) if p.place and p.date.precision == "day"
                         and p.date.start <= e.date.start <= p.date.end), None)
            if stay is not None:
                e = replace(e, place=stay.place)
        result.append(e)
    return result
