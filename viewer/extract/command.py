"""`csto-timeline extract`: print what the extraction finds in files, as JSON or CSV, touching no store."""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from viewer.extract import extract_document, role_dates
from viewer.extract.people import PeopleIndex
from viewer.records import Extraction, Person
from viewer.sources import SourceError, read_source


def read_text(path: Path) -> str:
    """A release's decoded text: the same decoding the store uses, so spans agree."""
    try:
        return read_source(path).text
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from exc


def extract_files(paths: Iterable[Path]) -> tuple[list[Extraction], list[Person]]:
    extractions = [extract_document(read_text(p), p.name) for p in paths]
    index = PeopleIndex()
    for ex in extractions:
        index.add(ex.mentions, role_dates(ex.doc, ex.items, ex.sentences, ex.events))
    return extractions, index.people()


def to_contract(extractions: list[Extraction], people: list[Person]) -> dict[str, list[dict[str, Any]]]:
    """The JSON contract of the extract command (see the README)."""
    index = PeopleIndex.from_people(people)
    events = []
    decisions = []
    for ex in extractions:
        for e in ex.events:
            names = list(dict.fromkeys(index.canonical(n) or n for n in e.people))
            events.append({
                "doc": e.doc, "start": e.date.start.isoformat(), "end": e.date.end.isoformat(),
                "precision": e.date.precision, "certainty": e.date.certainty,
                "reason": e.date.reason, "kind": e.kind, "title": e.title, "place": e.place,
                "bodies": list(e.bodies), "people": names, "sentence": e.text,
                "span": [e.span.start, e.span.end], "date_span": [e.date_span.start, e.date_span.end],
                "item": e.item})
        for d in ex.decisions:
            decisions.append({
                "doc": d.doc, "date": d.date.start.isoformat() if d.date else None, "kind": d.kind,
                "body": d.body, "text": d.text, "span": [d.span.start, d.span.end], "item": d.item})
    people_out = [{
        "name": p.name, "aliases": list(p.aliases),
        "roles": list(dict.fromkeys(r.title for r in p.roles)),
        "role_dates": [{"title": r.title, "stated_on": r.stated_on.isoformat() if r.stated_on else None,
                        "doc": r.doc} for r in p.roles],
        "docs": list(p.docs)} for p in people]
    return {"events": events, "people": people_out, "decisions": decisions}


def _write_csv(result: dict[str, list[dict[str, Any]]]) -> None:
    columns = ["record", "doc", "start", "end", "precision", "certainty", "kind", "title", "place",
               "bodies", "people", "body", "name", "aliases", "roles", "text", "span"]
    writer = csv.DictWriter(sys.stdout, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record, rows in (("event", result["events"]), ("person", result["people"]),
                         ("decision", result["decisions"])):
        for row in rows:
            flat = {k: "; ".join(map(str, v)) if isinstance(v, list) else v
                    for k, v in row.items() if k in columns}
            flat["text"] = row.get("sentence") or row.get("text") or ""
            flat["span"] = "{}-{}".format(*row["span"]) if "span" in row else ""
            flat["record"] = record
            if record == "person":
                flat["docs"] = "; ".join(row["docs"])
            writer.writerow(flat)


def run(args: argparse.Namespace) -> int:
    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        for p in missing:
            print(f"csto-timeline extract: {p}: no such file", file=sys.stderr)
        return 2
    started = time.process_time()  # CPU time of this one process: one core, whatever else runs
    try:
        extractions, people = extract_files(paths)
    except SourceError as exc:
        print(f"csto-timeline extract: {exc}", file=sys.stderr)
        return 1
    elapsed = time.process_time() - started
    result = to_contract(extractions, people)
    if args.format == "csv":
        _write_csv(result)
    else:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    if args.speed:
        size = sum(len(ex.text.encode("utf-8")) for ex in extractions) / 1e6
        print(f"extracted {size:.2f} MB in {elapsed:.3f} s of CPU: {size / elapsed:.2f} MB/s (one core)",
              file=sys.stderr)
    return 0
