"""A tiny stand-in extraction over a toy release format, so store tests pin the store alone.

Format: '# YYYY-MM-DD Title' opens a news item; every other non-blank line is one sentence.
A sentence with an ISO date and a kind word is an event; known bodies, places and people in it
are linked; 'adopted' makes a decision; '(inferred)' marks the date inferred, '(that year)'
widens it to its year; a “quoted name” is the event's title.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from datetime import date

from viewer.store.db import Store
from viewer.records import (DateMention, DateValue, Decision, Event, Extraction, Item, Person,
                            PersonMention, Role, Sentence, Span)

BODIES = ("Collective Security Council", "Council of Foreign Ministers", "Joint Staff")
PLACES = ("Astana", "Moscow", "Minsk", "Yerevan")
PEOPLE = {"Stanislav Zas": ("S. Zas",), "Valery Semerikov": ("V. Semerikov",),
          "Imangali Tasmagambetov": ()}
KINDS = ("session", "meeting", "exercise", "visit", "statement")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_ROLE = re.compile(r", (CSTO [A-Z][\w ]+?|[A-Z][\w ]+? of the CSTO),")


def extract(text: str, doc: str) -> Extraction:
    items: list[Item] = []
    sentences: list[Sentence] = []
    dates: list[DateMention] = []
    events: list[Event] = []
    decisions: list[Decision] = []
    mentions: dict[str, list[PersonMention]] = {}
    roles: dict[str, list[Role]] = {}
    pos = 0
    published: date | None = None
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\n")
        if not body.strip():
            continue
        span = Span(start, start + len(body))
        if body.startswith("# "):
            if items:
                prev = items[-1]
                items[-1] = Item(prev.index, Span(prev.span.start, start), prev.published,
                                 prev.title, prev.title_span)
            published = date.fromisoformat(body[2:12])
            items.append(Item(len(items), Span(start, len(text)), published, body[13:],
                              Span(start + 13, span.end)))
            continue
        if not items:
            continue
        sent = Sentence(len(sentences), len(items) - 1, span, body)
        sentences.append(sent)
        _sentence(doc, sent, published, dates, events, decisions, mentions, roles)
    people = tuple(Person(name, PEOPLE[name], tuple(roles.get(name, [])), tuple(ms))
                   for name, ms in mentions.items())
    return Extraction(doc, text, tuple(items), tuple(sentences), tuple(dates), tuple(events),
                      tuple(m for ms in mentions.values() for m in ms), people, tuple(decisions))


def _sentence(doc: str, sent: Sentence, published: date | None, dates: list[DateMention],
              events: list[Event], decisions: list[Decision],
              mentions: dict[str, list[PersonMention]], roles: dict[str, list[Role]]) -> None:
    base, text = sent.span.start, sent.text
    named: list[str] = []
    for name, aliases in PEOPLE.items():
        for surface in (name, *aliases):
            at = text.find(surface)
            if at < 0:
                continue
            role = _ROLE.match(text, at + len(surface))
            role_span = Span(base + role.start(1), base + role.end(1)) if role else None
            mentions.setdefault(name, []).append(PersonMention(
                doc, sent.item, sent.index, Span(base + at, base + at + len(surface)), surface,
                role.group(1) if role else None, role_span))
            if role and role_span:
                roles.setdefault(name, []).append(Role(role.group(1), published, doc, role_span))
            named.append(name)
            break
    found = _ISO.search(text)
    kind = next((k for k in KINDS if k in text), None)
    if not found or not kind:
        return
    day = date.fromisoformat(found.group())
    inferred = "(inferred)" in text
    end, precision = day, "day"
    if "(that year)" in text:  # a vague date: the whole year
        day, end, precision = date(day.year, 1, 1), date(day.year, 12, 31), "year"
    value = DateValue(day, end, precision, "inferred" if inferred else "stated",
                      "year taken from the release" if inferred else "")
    date_span = Span(base + found.start(), base + found.end())
    dates.append(DateMention(date_span, found.group(), value))
    bodies = tuple(b for b in BODIES if b in text)
    place = next((p for p in PLACES if p in text), None)
    quoted = re.search(r"“([^”]+)”", text)
    events.append(Event(doc, sent.item, sent.index, value, date_span, kind,
                        quoted.group(1) if quoted else
                        f"{kind.capitalize()}" + (f" of the {bodies[0]}" if bodies else ""),
                        place, bodies, tuple(named), text, sent.span))
    clause = text.find("adopted")
    if clause >= 0:
        decisions.append(Decision(doc, sent.item, sent.index, "adopted",
                                  bodies[0] if bodies else None, text[clause:],
                                  Span(base + clause, sent.span.end), value, len(events) - 1))


RELEASE_A = """# 2019-11-08 Session in Astana
On 2019-11-08 a session of the Collective Security Council was held in Astana.
Stanislav Zas, CSTO Secretary General, took part in the session on 2019-11-08 in Astana and a declaration was adopted.
# 2019-11-20 Exercise
On 2019-11-20 the exercise of the Joint Staff took place in Minsk (inferred).
"""

RELEASE_B = """# 2019-12-02 Summary of the year
The session of the Collective Security Council on 2019-11-08 in Astana was recalled.
On 2020-02-10 Valery Semerikov, Acting Secretary General of the CSTO, made a visit to Yerevan.
"""

RELEASE_C = """# 2021-05-03 Foreign ministers
On 2021-05-03 a meeting of the Council of Foreign Ministers was held in Moscow with Stanislav Zas.
"""


def extract_breaking_on(marker: str):  # noqa: ANN201 - a test helper returning an extractor
    """An extractor whose records break the store's rules (a decision with no text) for files
    holding marker: the write fails after items and events are already in."""
    return lambda text, doc: _broken(extract(text, doc)) if marker in text else extract(text, doc)


def _broken(ex: Extraction) -> Extraction:
    bad = Decision(ex.doc, 0, 0, "adopted", None, None, Span(0, 1))  # type: ignore[arg-type]
    return Extraction(ex.doc, ex.text, ex.items, ex.sentences, ex.dates, ex.events, ex.mentions,
                      ex.people, ex.decisions + (bad,))


def crash(text: str, doc: str) -> Extraction:
    raise ValueError("no items found")


def dump(path_or_store: Path | Store) -> list[str]:
    """Every row of every table, imported-at stamps left out: equal dumps, equal stores."""
    conn = (path_or_store.conn if isinstance(path_or_store, Store)
            else sqlite3.connect(path_or_store))
    lines = [line for line in conn.iterdump() if "INSERT INTO \"documents\"" not in line]
    lines += [repr(r) for r in conn.execute(
        "SELECT id, name, path, sha256, size, encoding, text FROM documents ORDER BY id")]
    return lines
