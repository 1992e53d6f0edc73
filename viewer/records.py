"""Frozen records shared by every layer: spans, dates, items, events, people, decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "quarter", "half", "year"]
Certainty = Literal["stated", "inferred"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into a document's decoded text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date or date range with its precision and how sure we are of it."""

    start: date
    end: date
    precision: Precision
    certainty: Certainty
    reason: str = ""  # why an inferred date was read so, in words; "" when stated


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the text, with its resolved value."""

    span: Span
    text: str
    value: DateValue
    # "absolute" for a calendar date; "relative" for "on the eve", "the same day" and the like;
    # "incidental" when the date only qualifies a name ("the Agreement ... of October 6, 2007");
    # "dateline" for an agency's place-and-date opening ("MOSCOW, October 14 (TASS) -").
    role: Literal["absolute", "relative", "incidental", "dateline"] = "absolute"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position in the document
    item: int  # index of the news item it belongs to
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """One news item of a file: its publication date and title when they can be told."""

    index: int
    span: Span
    published: date | None
    title: str | None
    title_span: Span | None
    noise: tuple[Span, ...] = ()  # footers, image names, navigation: scrape noise


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    stated_on: date | None
    doc: str
    span: Span


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One place where a person is named, with the role stated beside the name."""

    doc: str
    item: int
    sentence: int
    span: Span
    surface: str  # the name as written
    role: str | None = None
    role_span: Span | None = None
    # further titles stated beside the same name, as (text, span): the apposition after it
    # ("Manturov – the Deputy Prime Minister ...") when `role` is the title before it
    more_roles: tuple[tuple[str, Span], ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # canonical
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    mentions: tuple[PersonMention, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted({m.doc for m in self.mentions}))


@dataclass(frozen=True, slots=True)
class Event:
    doc: str
    item: int
    sentence: int
    date: DateValue
    date_span: Span
    kind: str
    title: str
    place: str | None
    bodies: tuple[str, ...]
    people: tuple[str, ...]  # canonical names
    text: str  # the source sentence, verbatim
    span: Span  # the source sentence's span


@dataclass(frozen=True, slots=True)
class Decision:
    doc: str
    item: int
    sentence: int
    kind: str  # adopted, approved, signed, decided, appointed, established, other
    body: str | None
    text: str  # the decision clause, verbatim
    span: Span
    date: DateValue | None = None
    event: int | None = None  # index into Extraction.events


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read out of one document."""

    doc: str
    text: str
    items: tuple[Item, ...]
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    events: tuple[Event, ...]
    mentions: tuple[PersonMention, ...]
    people: tuple[Person, ...]
    decisions: tuple[Decision, ...]
    meta: dict[str, str] = field(default_factory=dict)


def _reduce_by_fields(self: object) -> tuple[type, tuple[object, ...]]:
    names: tuple[str, ...] = getattr(type(self), "__slots__")
    return type(self), tuple(getattr(self, name) for name in names)


# Pickled as their constructors' arguments, which loads four times quicker than the slots'
# state: a parsed file crosses from a worker to the writer as dozens of these.
for _record in (Span, DateValue, DateMention, Sentence, Item, Role, PersonMention, Person, Event,
                Decision, Extraction):
    setattr(_record, "__reduce__", _reduce_by_fields)
