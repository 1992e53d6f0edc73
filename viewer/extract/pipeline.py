"""The pipeline: a document's text in, its items, events, people and decisions out."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from viewer.extract.dates import find_dates, hints_from_dates
from viewer.extract.decisions import cues as decision_cues
from viewer.extract.decisions import find_decisions
from viewer.extract.events import (
    DatedSentence,
    date_sentence,
    events_in,
    merge_item_events,
    with_people,
)
from viewer.extract.items import split_items
from viewer.extract.people import PeopleIndex, find_people
from viewer.extract.sentences import split_sentences
from viewer.extract.vocabulary import DocumentScan, kinds
from viewer.records import Decision, Event, Extraction, Item, PersonMention, Sentence

T = TypeVar("T")


def extract_document(text: str, doc: str) -> Extraction:
    """Read one release file's decoded text; `doc` names it in every record's provenance."""
    items = split_items(text)
    sentences = split_sentences(text, items)
    by_item: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_item.setdefault(s.item, []).append(s)

    # Each rule scans the whole text once; hits are then handed to the sentences that hold them.
    all_dates = find_dates(text)
    hints = hints_from_dates(all_dates)
    raws = _by_sentence(sentences, all_dates, lambda r: r.span.start)
    future = _by_sentence(sentences, list(kinds().future.finditer(text)), lambda m: m.start())
    scan = DocumentScan(text)
    dated: list[DatedSentence] = []
    events: list[Event] = []
    for item in items:
        published = item.published
        published_text = published.strftime("%d.%m.%Y") if published else ""
        previous = None
        item_events: list[tuple[Sentence, Event]] = []
        for s in by_item.get(item.index, []):
            d = date_sentence(text, s, raws.get(s.index, []), published, published_text, hints,
                              previous, bool(future.get(s.index)))
            published, published_text = d.published, d.published_text
            dated.append(d)
            found = events_in(scan, doc, d)
            if found:
                previous = found[-1].date
            item_events.extend((s, e) for e in found)
        events.extend(merge_item_events(item, item_events))

    mentions = find_people(text, sentences, doc)
    stated_on = role_dates(doc, items, sentences, events)
    index = PeopleIndex()
    index.add(mentions, stated_on)
    people = index.people()
    events = _with_people(text, sentences, events, mentions, index)
    decisions = _decisions(text, doc, sentences, items, events)
    return Extraction(
        doc=doc, text=text, items=tuple(items), sentences=tuple(sentences),
        dates=tuple(m for d in dated for m in d.mentions), events=tuple(events),
        mentions=tuple(mentions), people=tuple(people), decisions=tuple(decisions))


def _by_sentence(sentences: Sequence[Sentence], hits: Sequence[T],
                 where: Callable[[T], int]) -> dict[int, list[T]]:
    """Hits grouped by the index of the sentence whose span holds them (hits between sentences drop)."""
    starts = [s.span.start for s in sentences]
    grouped: dict[int, list[T]] = {}
    for hit in hits:
        pos = where(hit)
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i].span.end:
            grouped.setdefault(sentences[i].index, []).append(hit)
    return grouped


def role_dates(doc: str, items: Sequence[Item], sentences: Sequence[Sentence],
                events: Sequence[Event]) -> dict[tuple[str, int], date | None]:
    """When each sentence's roles were stated: its own event's date, else the item's latest known date."""
    by_sentence = {e.sentence: e.date.start for e in events}
    published = {i.index: i.published for i in items}
    result: dict[tuple[str, int], date | None] = {}
    current: dict[int, date | None] = {}
    for s in sentences:
        d = by_sentence.get(s.index) or current.get(s.item) or published.get(s.item)
        current[s.item] = d
        result[(doc, s.index)] = d
    return result


def _with_people(text: str, sentences: Sequence[Sentence], events: list[Event], mentions: Sequence[PersonMention],
                 index: PeopleIndex) -> list[Event]:
    by_sentence: dict[int, list[tuple[str, int]]] = {}
    names: dict[str, str | None] = {}
    for m in mentions:
        if m.surface not in names:
            names[m.surface] = index.canonical(m.surface)
        name = names[m.surface]
        here = by_sentence.setdefault(m.sentence, [])
        if name and all(name != n for n, _ in here):
            here.append((name, m.span.start))
    events = [with_people(e, by_sentence.get(e.sentence, ()), text) for e in events]
    return _with_participants(text, sentences, events, by_sentence)


def _with_participants(text: str, sentences: Sequence[Sentence], events: list[Event],
                       by_sentence: dict[int, list[tuple[str, int]]]) -> list[Event]:
    """People a dateless sentence names as taking part ("The meeting was attended by ...") join
    the item's lead event: its first event told before that sentence."""
    cue = kinds().participation
    own = {e.sentence for e in events}
    lead: dict[int, int] = {}  # item -> index of its first event (events are in text order)
    for i, e in enumerate(events):
        lead.setdefault(e.item, i)
    for index, people in sorted(by_sentence.items()):
        s = sentences[index]
        target = lead.get(s.item)
        if index in own or target is None or events[target].sentence > index \
                or not cue.search(text, s.span.start, s.span.end):
            continue
        names = tuple(dict.fromkeys([*events[target].people, *(n for n, _ in people)]))
        events[target] = replace(events[target], people=names)
    return events


def _decisions(text: str, doc: str, sentences: Sequence[Sentence], items: Sequence[Item],
               events: Sequence[Event]) -> list[Decision]:
    decisions: list[Decision] = []
    seen: set[tuple[int, str]] = set()
    # only sentences holding a decision verb are read closely
    cues = _by_sentence(sentences, list(decision_cues().verb.finditer(text)), lambda m: m.start())
    by_item: dict[int, list[int]] = {}
    for i, e in enumerate(events):
        by_item.setdefault(e.item, []).append(i)
    for s in sentences:
        if s.index not in cues:
            continue
        for clause in find_decisions(text, s):
            quote = text[clause.span.start:clause.span.end]
            key = (s.item, " ".join(quote.split()).casefold())
            if key in seen:  # a title repeated with its date glued on
                continue
            seen.add(key)
            event = _event_of(s, clause.body, events, by_item.get(s.item, []))
            decisions.append(Decision(
                doc=doc, item=s.item, sentence=s.index, kind=clause.kind, body=clause.body,
                text=quote, span=clause.span,
                date=events[event].date if event is not None else None, event=event))
    return decisions


def _event_of(s: Sentence, body: str | None, events: Sequence[Event],
              same_item: Sequence[int]) -> int | None:
    """The happening a decision belongs to: its own sentence's, the item's event of its body, or
    the item's first (same_item: indexes of the item's events)."""
    for i in same_item:
        if events[i].sentence == s.index:
            return i
    if body is not None:
        for i in same_item:
            if body in events[i].bodies and events[i].sentence < s.index:
                return i
    earlier = [i for i in same_item if events[i].sentence <= s.index]
    return earlier[0] if earlier else (same_item[0] if same_item else None)
