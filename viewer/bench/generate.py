"""Write a deterministic corpus of release-style files and the ground truth of what it says."""
from __future__ import annotations

import bisect
import hashlib
import json
import random
from collections.abc import Sequence
from itertools import accumulate
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from viewer.bench.cast import Actor, Mentions, make_cast
from viewer.bench.forms import FORM_NAMES, FORM_WEIGHTS, FORMS, Dated, MONTHS
from viewer.bench.vocab import VOCAB

SEED = 20240424
FIRST_YEAR, LAST_YEAR = 1992, 2026
# forms that need a publication date to be read (a missing year, "this year", a dateline, plans)
NEEDS_PUB = frozenset({"on_md", "on_dm", "this_year", "two_days", "dateline", "quarter", "half", "as_of",
                       "eve", "weekday"})
FOLLOW_UPS = frozenset({"eve", "same_day"})
BODIES: list[dict[str, Any]] = VOCAB["bodies"]
PLACES: list[list[str]] = VOCAB["places"]


@dataclass
class Truth:
    """Ground truth in the shape of the seeds' gold annotation (events, people, decisions)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"version": 2, "events": self.events, "people": self.people, "decisions": self.decisions}


@dataclass(frozen=True)
class Corpus:
    root: Path
    files: tuple[Path, ...]
    truth_path: Path
    events: int  # events written (all files, not only those kept in the truth)
    bytes: int


class Weighted:
    """A weighted draw in O(log n): random.choices re-adds every weight on each call."""

    def __init__(self, values: Sequence[Any], weights: Sequence[float]) -> None:
        self.values = list(values)
        self.cum = list(accumulate(weights))

    def __call__(self, rng: random.Random) -> Any:
        return self.values[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


EVENTS_PER_ITEM = Weighted((1, 2, 3, 4, 5), (3, 4, 4, 2, 1))
FILLERS_PER_EVENT = Weighted((0, 1, 2, 3), (2, 4, 3, 1))
ITEMS_PER_FILE = Weighted((1, 2, 3, 4), (4, 3, 2, 1))
DATE_FORM = Weighted(FORM_NAMES, FORM_WEIGHTS)


class _Item:
    """One news item being written: its sentences and what they mean."""

    def __init__(self, w: "Writer", doc: str, pub: date | None, keep: bool) -> None:
        self.w, self.doc, self.pub, self.keep = w, doc, pub, keep
        self.lines: list[str] = []
        self.events = 0

    def event(self, d: Dated, sentence: str, kind: str, place: str | None) -> None:
        self.events += 1
        if self.keep:
            self.w.truth.events.append({
                "doc": self.doc, "start": d.start.isoformat(), "end": d.end.isoformat(),
                "precision": d.precision, "certainty": d.certainty, "kind": kind, "place": place,
                "quote": sentence.rstrip("."), "optional": False, "form": d.form})

    def decision(self, sentence: str, kind: str, body: str | None) -> None:
        if self.keep:
            self.w.truth.decisions.append({"doc": self.doc, "kind": kind, "body": body,
                                           "quote": sentence.rstrip("."), "optional": False})


class Writer:
    """Writes files one by one; the same seed always gives the same bytes."""

    def __init__(self, seed: int, n_events: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.cast: list[Actor] = make_cast(self.rng, max(40, min(700, n_events // 40)))
        self.pick_actor = Weighted(self.cast, [1.0 / (i + 3) for i in range(len(self.cast))])  # a few often
        self.truth = Truth()
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        self.pick_year = Weighted(years, [1 + (y - FIRST_YEAR) * 0.25 for y in years])  # more releases lately
        self.summits = {y: [date(y, self.rng.randint(5, 6), self.rng.randint(1, 28)),
                            date(y, self.rng.randint(10, 12), self.rng.randint(1, 20))] for y in years}
        self.press: dict[str, Actor] = {}

    # -- pieces -------------------------------------------------------------------------------
    def actor(self) -> Actor:
        return self.pick_actor(self.rng)

    def topic(self) -> str:
        return self.rng.choice(VOCAB["topics"])

    def pub_date(self) -> tuple[date, date | None]:
        rng = self.rng
        year = self.pick_year(rng)
        if rng.random() < 0.3:  # a summit week: many items about the same few days
            summit = rng.choice(self.summits[year])
            return summit + timedelta(days=rng.randint(0, 3)), summit
        last = date(2026, 11, 20) if year == LAST_YEAR else date(year, 12, 31)
        first = date(1992, 5, 15) if year == FIRST_YEAR else date(year, 1, 1)
        return first + timedelta(days=rng.randint(0, (last - first).days)), None

    def clause(self, kind: str, m: Mentions, place: str) -> str:
        rng = self.rng
        body = rng.choice(BODIES)
        short = rng.choice(body["short"])
        pick = rng.randrange(6)  # which template; names are written only for the one chosen
        if kind == "session":
            if pick % 3 == 0:
                return f"a session of {body['full']} was held in {place}"
            if pick % 3 == 1:
                return f"a regular session of {short} took place in {place}"
            return f"in {place}, a session of {short} was held, chaired by {m.titled(self.actor())}"
        if kind == "meeting":
            if pick % 3 == 0:
                return f"a meeting of {short} was held in {place} under the chairmanship of {m.titled(self.actor())}"
            a, b = m.titled(self.actor()), m.titled(self.actor())
            if pick % 3 == 1:
                return f"{a} held a meeting with {b} in {place}"
            return f"in {place}, {a} met with {b}"
        if kind == "consultation":
            if pick % 2:
                return f"{short} hosted consultations of representatives of the member states on {self.topic()}"
            return f"in {place}, consultations on {self.topic()} took place at {short}"
        if kind == "exercise":
            if pick % 2:
                return (f"the active phase of the joint training \u201c{rng.choice(VOCAB['exercises'])}\u201d "
                        f"of the Collective Forces took place near {place}")
            return ("a joint training session was held between the duty shifts of the CSTO Crisis Response "
                    "Center and the command posts of the member states")
        if kind == "course":
            return f"training courses for specialists of the member states on {self.topic()} were held in {place}"
        if kind == "visit":
            if pick % 2:
                return f"{m.titled(self.actor())} paid a working visit to {place}"
            return f"the delegation of the CSTO Secretariat headed by {m.titled(self.actor())} was in {place}"
        if kind == "operation":
            op = rng.choice(VOCAB["operations"])
            return f"the regional operation \u201c{op}\u201d was carried out on the territory of the member states"
        return f"{m.titled(self.actor())} made a statement on {self.topic()}"

    def lead_event(self, it: _Item, m: Mentions, d: Dated, kind: str) -> str:
        place = self.rng.choice(PLACES)[0]
        clause = self.clause(kind, m, place)
        has_place = place in clause
        sentence = f"{d.text}, {clause}."
        it.event(d, sentence, kind, place if has_place else None)
        if d.slot == "line" and it.pub is not None:
            city = self.rng.choice(PLACES)[1]
            return f"{city}, {it.pub.day} {MONTHS[it.pub.month - 1]} - {sentence}"
        return sentence

    def tail_event(self, it: _Item, m: Mentions, d: Dated) -> str:
        body = self.rng.choice(BODIES)
        place = self.rng.choice(PLACES)[0]
        if d.form == "as_of":
            sentence = (f"{body['short'][0][0].upper()}{body['short'][0][1:]} considered the question of the "
                        f"CSTO Secretary General in connection with the forthcoming rotation {d.text}.")
            it.event(d, sentence, "appointment", None)
            return sentence
        sentence = self.rng.choice((
            f"The next session of {body['short'][0]} will be held {d.text} in {place}.",
            f"The next meeting of {body['short'][0]} is scheduled {d.text} in {place}."))
        it.event(d, sentence, "planned", place)
        return sentence

    def decision(self, it: _Item, m: Mentions) -> str:
        rng = self.rng
        body = rng.choice(BODIES[:4])
        doc = rng.choice(VOCAB["documents"])
        who = rng.choice((body["abbr"], body["short"][0]))
        who = who[0].upper() + who[1:]
        kind = rng.choice(("adopted", "approved", "signed", "decided", "appointed"))
        by: str | None = body["name"]
        if kind == "adopted":
            sentence, by = rng.choice(((f"{who} adopted the {doc}.", by), (f"The {doc} was adopted.", None)))
        elif kind == "approved":
            sentence, by = rng.choice(((f"{who} approved the {doc}.", by), (f"The {doc} was approved.", None)))
        elif kind == "signed":
            sentence, by = rng.choice(((f"The heads of state signed the {doc}.", None),
                                       (f"The {doc} was signed.", None)))
        elif kind == "decided":
            sentence = rng.choice((f"{who} decided to establish a working group on {self.topic()}.",
                                   f"{who} decided to hold the next meeting in {rng.choice(PLACES)[0]}."))
        else:
            a = self.actor()
            sentence = f"{m.name(a)} was appointed {a.role}."
            by = None
        it.decision(sentence, kind, by)
        return sentence

    def filler(self, m: Mentions) -> str:
        rng = self.rng
        text = rng.choice(VOCAB["filler"]).format(topic=self.topic())
        if rng.random() < 0.25:
            # a speaker is someone the release has introduced, or is introduced with a title here
            if m.introduced and rng.random() < 0.8:
                return f"\u201c{text[:-1]},\u201d {m.name(rng.choice(m.introduced))} said."
            return f"\u201c{text[:-1]},\u201d said {m.titled(self.actor())}."
        return text

    # -- an item and a file -------------------------------------------------------------------
    def item(self, doc: str, m: Mentions, keep: bool) -> _Item:
        rng = self.rng
        headed = rng.random() < 0.85
        pub, summit = self.pub_date()
        it = _Item(self, doc, pub, keep)
        body: list[str] = []
        prev: date | None = None
        for k in range(EVENTS_PER_ITEM(rng)):
            d = None
            while d is None:
                form = DATE_FORM(rng)
                if (not headed and form in NEEDS_PUB) or (k and form == "dateline") \
                        or (prev is None and form in FOLLOW_UPS):
                    continue
                d = FORMS[form][1](rng, pub, prev, summit)
            if d.slot == "tail":
                body.append(self.tail_event(it, m, d))
            else:
                kind = rng.choice(("session", "meeting", "meeting", "consultation", "exercise", "course",
                                   "visit", "operation", "statement"))
                body.append(self.lead_event(it, m, d, kind))
            prev = d.start if d.start == d.end and d.precision == "day" else None
            for _ in range(FILLERS_PER_EVENT(rng)):
                body.append(self.filler(m))
            if rng.random() < 0.35:
                body.append(self.decision(it, m))
        sep = rng.choice(("\n", "\n\n", " "))
        text = sep.join(body)
        if headed:
            stamp = f"{pub.day:02d}.{pub.month:02d}.{pub.year}"
            style = rng.random()
            if style < 0.4:
                text = f"{stamp}\n\n{text}"
            elif style < 0.7:
                title = rng.choice(VOCAB["titles"]).format(body=rng.choice(BODIES)["short"][0],
                                                           topic=self.topic(), place=rng.choice(PLACES)[0])
                text = f"{title}\n\n{title} {stamp}\n\n{text}"
            else:
                text = f"{stamp}{text}"
        if rng.random() < 0.1 and headed:
            text += f"\n\nIMG-{pub.year}{pub.month:02d}{pub.day:02d}-WA{rng.randint(10, 9999):04d}.jpg"
        if rng.random() < 0.1:
            text += "\n\n" + rng.choice(VOCAB["russian"])
        it.lines.append(text)
        return it

    def footer(self, m: Mentions, year: int) -> str:
        rng = self.rng
        sec = VOCAB["press_secretaries"][year % len(VOCAB["press_secretaries"])]
        lines = ["_" * rng.randint(20, 50)]
        actor = self.press_actor(sec)
        if rng.random() < 0.5:
            lines.append(f"The CSTO Press Secretary {m._use(actor, sec['name'])}")
        else:
            lines.append(f"\u041f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
                         f"\u041e\u0414\u041a\u0411    {m._use(actor, sec['ru'])}")
        lines.append(f"+7495-{rng.randint(600, 799)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}")
        lines.append("E-mail: odkb-pressa@gov.ru")
        lines += rng.sample(["Go back", "Back to the section", "Back to the all news"], rng.randint(1, 3))
        return "\n\n".join(lines)

    def press_actor(self, sec: dict[str, str]) -> Actor:
        if sec["name"] not in self.press:
            first, surname = sec["name"].split(" ", 1)
            self.press[sec["name"]] = Actor(first, surname, "", "CSTO Press Secretary", "Secretariat")
        return self.press[sec["name"]]

    def file(self, idx: int, keep: bool) -> tuple[str, str, int]:
        digest = hashlib.blake2b(f"{self.seed}:{idx}".encode(), digest_size=8).hexdigest()
        doc = f"{idx:06d}_{digest}.txt"
        m = Mentions(self.rng, doc if keep else "")
        items = [self.item(doc, m, keep) for _ in range(ITEMS_PER_FILE(self.rng))]
        parts = ["\n\n\n".join(it.lines[0] for it in items)]
        last_pub = max(it.pub for it in items if it.pub)
        if self.rng.random() < 0.5:
            parts.append(self.footer(m, last_pub.year))
        return doc, "\n\n".join(parts) + "\n", sum(it.events for it in items)


def generate(n_events: int, out_dir: Path, *, seed: int = SEED, truth_docs: int | None = None) -> Corpus:
    """Write about `n_events` events into `out_dir`/files and the truth to `out_dir`/truth.json.

    `truth_docs` bounds the documents kept in the truth (every k-th file), so that a million-event
    corpus does not need a truth file of hundreds of MB; None keeps them all.
    """
    files_dir = out_dir / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    w = Writer(seed, n_events)
    stride = 1 if truth_docs is None else max(1, n_events // 6 // max(1, truth_docs))
    paths: list[Path] = []
    written = size = 0
    idx = 0
    while written < n_events:
        doc, text, count = w.file(idx, keep=idx % stride == 0)
        path = files_dir / doc
        data = text.encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        written += count
        size += len(data)
        idx += 1
    for actor in [*w.cast, *w.press.values()]:
        docs = sorted(d for d in actor.docs if d)
        if docs:
            w.truth.people.append({"name": actor.name, "aliases": sorted(actor.forms | {actor.name}),
                                   "roles": [actor.role], "docs": docs})
    truth_path = out_dir / "truth.json"
    truth_path.write_text(json.dumps(w.truth.as_json(), ensure_ascii=False), encoding="utf-8")
    return Corpus(out_dir, tuple(paths), truth_path, written, size)
