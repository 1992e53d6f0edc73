"""Events from sentences: one per happening, with date, kind, title, place, bodies and source."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from viewer.extract.dates import DateContext, RawDate, YearHint, resolve
from viewer.extract.vocabulary import DocumentScan, kinds
from viewer.records import DateMention, DateValue, Event, Item, Sentence, Span

_TITLE_MAX = 90
# Where a happening's noun phrase ends: its verb, a clause break, or the next preposition of place.
_PHRASE_END = re.compile(r"\s+(?:was|were|is|are|has|have|will|took|held|hosted|takes|with|between|"
                         r"under|during|at|in|on|from|to)\s|[,;:(]|\s[–—-]\s")
_DETERMINER = re.compile(r"(?:\b(?:a|an|the|its|their)\s+)$", re.IGNORECASE)
_EVENT_PRECISIONS = {"day", "month", "quarter", "half"}


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence with its date expressions resolved in context."""

    sentence: Sentence
    mentions: tuple[DateMention, ...]
    event_dates: tuple[DateMention, ...]  # the mentions that date a happening told here
    future: bool  # the sentence speaks of a planned happening


def is_event_date(raw: RawDate) -> bool:
    """A happening's date: not a year or period alone, not a date that only qualifies a name."""
    return not raw.incidental and not raw.bare_year and raw.precision in _EVENT_PRECISIONS


def _mention(raw: RawDate, value: DateValue) -> DateMention:
    role = "incidental" if raw.incidental else "relative" if raw.relative in ("eve", "same_day") \
        else "absolute"
    return DateMention(raw.span, raw.text, value, role)  # type: ignore[arg-type]


def date_sentence(sentence: Sentence, raws: Sequence[RawDate], published_text: str, item: Item,
                  hints: Sequence[YearHint], previous: DateValue | None, future: bool) -> DatedSentence:
    mentions, event_dates = [], []
    for raw in raws:
        ctx = DateContext(published=item.published, published_text=published_text, hints=hints,
                          previous=previous, position=raw.span.start, future=future)
        value = resolve(raw, ctx)
        if value is None:
            continue
        mention = _mention(raw, value)
        mentions.append(mention)
        if is_event_date(raw):
            event_dates.append(mention)
            previous = value
    return DatedSentence(sentence, tuple(mentions), tuple(event_dates), future)


def _title(text: str, clause: Span, cue_at: int | None) -> str:
    """A short title: the happening's noun phrase ("Session of the CSTO Collective Security Council")."""
    if cue_at is not None:
        start = cue_at
        if m := _DETERMINER.search(text, clause.start, cue_at):
            start = m.end()
        # take a preceding adjective or two ("joint training", "working meeting")
        lead = text[clause.start:start].rstrip()
        words = lead.split()
        for word in reversed(words[-2:]):
            if not word[:1].islower() or word in ("a", "an", "the", "of", "on", "and"):
                break
            start -= len(word) + 1
        end_match = _PHRASE_END.search(text, cue_at + 1, clause.end)
        end = end_match.start() if end_match else clause.end
        # keep "of the X" attached: "session of the Collective Security Council"
        of = re.match(r"\s+of\s+[^,;:.]*?(?=\s+(?:was|were|is|took|held|hosted|in|on|at|with)\s|[,;:.]|$)",
                      text[end:clause.end])
        if of:
            end += of.end()
        phrase = " ".join(text[start:end].split())
    else:
        phrase = " ".join(text[clause.start:clause.end].split())
    phrase = phrase.strip(" ,.;:\"“”«»")
    if len(phrase) > _TITLE_MAX:
        phrase = phrase[:_TITLE_MAX].rsplit(" ", 1)[0] + "…"
    return phrase[:1].upper() + phrase[1:]


def _clauses(text: str, sentence: Sentence) -> list[Span]:
    """The happenings one sentence tells: 'a session ... was held in Astana and a meeting ... was held'."""
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
            out.append(Event(
                doc=doc, item=s.item, sentence=s.index, date=mention.value, date_span=mention.span,
                kind=kind, title=_title(text, clause, found[1] if found else None),
                place=scan.place_in(clause.start, clause.end) or sentence_place,
                bodies=scan.bodies_in(clause.start, clause.end), people=(),
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
