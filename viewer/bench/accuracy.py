"""Score extractions against a gold or generated truth: events, people and decisions F1.

The rules are those of the project's gold scorer (eval/score.py), re-implemented here so the benchmark
runs after a plain install, and indexed so a 100,000-event truth scores in a second:
- events: same doc and the same (start, end); a gold event may list other readings in also_accept;
  one system event matches at most one gold event (greedy, required gold first, first system event);
- people: a system person maps to a gold person when its name or an alias equals one of the gold
  person's forms (case, dots and spacing ignored); scored on (doc, person) pairs; a gold person found as
  several system people is a split (the one with most documents stands for it, the others' pairs are
  false); a system person mapping to two gold people stands for the first only;
- decisions: same doc and token Jaccard of the texts >= 0.5.
Optional gold items are neither missed when absent nor false when found. Only the documents the gold
covers are scored.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from viewer.records import Extraction

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm(s: str) -> str:
    s = s.casefold().replace("\u2019", "'")
    s = re.sub(r"[.\u201c\u201d\"«»]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def tokens(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.casefold()))


def _greedy(gold: list[Row], candidates: Callable[[Row], Iterable[int]], same: Callable[[Row, int], bool],
            n_pred: int) -> tuple[Score, list[Row], list[int]]:
    """score.py's greedy one-to-one matching; `candidates` narrows the system rows worth trying."""
    used: set[int] = set()
    tp = fn = 0
    missed: list[Row] = []
    for g in sorted(gold, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i in sorted(candidates(g)) if i not in used and same(g, i)), None)
        if hit is not None:
            used.add(hit)
            tp += not g.get("optional")
        elif not g.get("optional"):
            fn += 1
            missed.append(g)
    extra = [i for i in range(n_pred) if i not in used]
    return Score(tp, len(extra), fn), missed, extra


def score_events(gold: list[Row], pred: list[Row]) -> tuple[Score, list[Row], list[int]]:
    by_key: dict[tuple[Any, Any, Any], list[int]] = defaultdict(list)
    for i, p in enumerate(pred):
        by_key[(p.get("doc"), p.get("start"), p.get("end") or p.get("start"))].append(i)

    def readings(g: Row) -> list[tuple[Any, Any]]:
        return [(g["start"], g["end"])] + [(a[0], a[1]) for a in g.get("also_accept", [])]

    def candidates(g: Row) -> set[int]:
        return {i for r in readings(g) for i in by_key.get((g["doc"], r[0], r[1]), ())}

    return _greedy(gold, candidates, lambda g, i: True, len(pred))


def score_decisions(gold: list[Row], pred: list[Row]) -> tuple[Score, list[Row], list[int]]:
    by_doc: dict[Any, list[int]] = defaultdict(list)
    pred_tokens = [tokens(norm(p.get("text") or "")) for p in pred]
    for i, p in enumerate(pred):
        by_doc[p.get("doc")].append(i)

    def same(g: Row, i: int) -> bool:
        tb = pred_tokens[i]
        if not norm(pred[i].get("text") or ""):
            return False
        ta = tokens(norm(g["quote"]))
        return len(ta & tb) / max(1, len(ta | tb)) >= 0.5

    return _greedy(gold, lambda g: by_doc.get(g["doc"], ()), same, len(pred))


def score_people(gold: list[Row], pred: list[Row]) -> dict[str, Any]:
    forms: dict[str, int] = {}
    for gi, g in enumerate(gold):
        for f in [g["name"], *g.get("aliases", [])]:
            forms[norm(f)] = gi
    gold_pairs = {(d, gi) for gi, g in enumerate(gold) for d in g.get("docs", [])}
    pred_pairs: set[tuple[str, Any]] = set()
    unmapped: list[str] = []
    merges = 0
    mapped_by_gold: dict[int, set[int]] = defaultdict(set)
    for pi, p in enumerate(pred):
        hits = {forms[norm(f)] for f in [p.get("name", ""), *p.get("aliases", [])] if norm(f) in forms}
        merges += len(hits) > 1
        if not hits:
            unmapped.append(p.get("name", ""))
            pred_pairs |= {(d, ("?", pi)) for d in p.get("docs", [])}
            continue
        mapped_by_gold[min(hits)].add(pi)
    for gi, pis in mapped_by_gold.items():
        primary = max(sorted(pis), key=lambda pi: len(set(pred[pi].get("docs", []))))
        for pi in pis:
            owner: Any = gi if pi == primary else ("split", pi)
            pred_pairs |= {(d, owner) for d in pred[pi].get("docs", [])}
    score = Score(len(gold_pairs & pred_pairs), len(pred_pairs - gold_pairs), len(gold_pairs - pred_pairs))
    return {"score": score, "splits": [gold[gi]["name"] for gi, ps in mapped_by_gold.items() if len(ps) > 1],
            "merges": merges, "unmapped": unmapped,
            "missing": [gold[gi]["name"] for gi in range(len(gold)) if gi not in mapped_by_gold]}


def gold_docs(gold: Row) -> set[str]:
    docs = {e["doc"] for e in gold["events"]} | {d["doc"] for d in gold["decisions"]}
    return docs | {d for p in gold["people"] for d in p.get("docs", [])}


def score(gold: Row, pred: Row) -> dict[str, Score]:
    """F1 per category of a prediction in the `extract --format json` shape, on the gold's documents."""
    docs = gold_docs(gold)
    events = [e for e in pred.get("events", []) if e.get("doc") in docs]
    decisions = [d for d in pred.get("decisions", []) if d.get("doc") in docs]
    people = [dict(p, docs=[d for d in p.get("docs", []) if d in docs]) for p in pred.get("people", [])]
    return {"events": score_events(gold["events"], events)[0],
            "people": score_people(gold["people"], people)["score"],
            "decisions": score_decisions(gold["decisions"], decisions)[0]}


def prediction(extractions: Iterable[Extraction]) -> Row:
    """The contract's JSON shape, people merged across documents as the extract command merges them."""
    extractions = list(extractions)
    try:
        from viewer.extract import role_dates
        from viewer.extract.command import to_contract
        from viewer.extract.people import PeopleIndex
    except ImportError:
        return _plain_prediction(extractions)
    index = PeopleIndex()
    for x in extractions:
        index.add(x.mentions, role_dates(x.doc, x.items, x.sentences, x.events))
    return to_contract(extractions, index.people())


def _plain_prediction(extractions: list[Extraction]) -> Row:
    """Without the extract command: one person per canonical name across documents."""
    events: list[Row] = []
    decisions: list[Row] = []
    people: dict[str, Row] = {}
    for x in extractions:
        events += [{"doc": x.doc, "start": e.date.start.isoformat(), "end": e.date.end.isoformat(),
                    "kind": e.kind, "sentence": e.text} for e in x.events]
        decisions += [{"doc": x.doc, "kind": d.kind, "text": d.text} for d in x.decisions]
        for p in x.people:
            row = people.setdefault(norm(p.name), {"name": p.name, "aliases": set(), "docs": set()})
            row["aliases"] |= set(p.aliases)
            row["docs"] |= set(p.docs) or {x.doc}
    return {"events": events, "decisions": decisions,
            "people": [dict(r, aliases=sorted(r["aliases"]), docs=sorted(r["docs"])) for r in people.values()]}


def accuracy(gold: Row, extractions: Iterable[Extraction]) -> dict[str, float]:
    return {k: round(s.f1, 4) for k, s in score(gold, prediction(extractions)).items()}


def event_recall_by_form(gold: Row, pred: Row) -> dict[str, float]:
    """Recall of the gold events per date form (generated truth only: its events carry a "form")."""
    docs = gold_docs(gold)
    _, missed, _ = score_events(gold["events"], [e for e in pred.get("events", []) if e.get("doc") in docs])
    total: dict[str, int] = defaultdict(int)
    lost: dict[str, int] = defaultdict(int)
    for g in gold["events"]:
        total[g.get("form", "?")] += 1
    for g in missed:
        lost[g.get("form", "?")] += 1
    return {form: round(1 - lost[form] / n, 3) for form, n in sorted(total.items())}
