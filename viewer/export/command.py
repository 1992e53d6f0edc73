"""The `export-pdf` subcommand: filter the store's events from the command line and write a PDF."""
from __future__ import annotations

import argparse
import calendar
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from viewer.export.text import plural
from viewer.resources import load_json

PROG = "csto-timeline export-pdf"


class UsageError(Exception):
    """A bad argument; the message says which and why."""


def parse_date(text: str, end: bool = False) -> date:
    """YYYY-MM-DD, YYYY-MM or YYYY; a month or year means its first day, or its last when end."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", text or "")
    if not m:
        raise UsageError(f"bad date {text!r}: write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except ValueError as exc:
        raise UsageError(f"bad date {text!r}: {exc}") from None


def resolve_people(store: Any, names: list[str]) -> dict[int, str]:
    """Person ids for names as typed: an exact name or alias wins, else the one search match."""
    from viewer.store import queries

    found: dict[int, str] = {}
    for name in names:
        wanted = name.strip().casefold()
        rows = list(queries.people(store, search=name.strip()))
        exact = [r for r in rows
                 if wanted in {r.name.casefold(), *(a.casefold() for a in r.aliases)}]
        pick = exact or rows
        if not pick:
            raise UsageError(f"unknown person {name!r}: no one of that name in the store")
        if len(pick) > 1:
            shown = ", ".join(r.name for r in pick[:5]) + (", ..." if len(pick) > 5 else "")
            raise UsageError(f"person {name!r} is ambiguous: {shown}")
        found[pick[0].id] = pick[0].name
    return found


def resolve_bodies(store: Any, names: list[str]) -> tuple[str, ...]:
    """Canonical body names, accepting the abbreviations and other names in resources/bodies.json."""
    from viewer.store import queries

    known = {name.casefold(): name for name, _ in queries.facet_bodies(store)}
    for body in load_json("bodies.json")["bodies"]:  # type: ignore[index]
        for alias in [body["name"], *body["abbr"], *body["names"]]:
            known.setdefault(alias.casefold(), body["name"])
    out: list[str] = []
    for name in names:
        canonical = known.get(name.strip().casefold())
        if canonical is None:
            raise UsageError(f"unknown body {name!r}")
        out.append(canonical)
    return tuple(dict.fromkeys(out))


def resolve_kinds(names: list[str]) -> tuple[str, ...]:
    from viewer.store.rows import KINDS

    out = []
    for name in names:
        kind = name.strip().lower()
        if kind not in KINDS:
            raise UsageError(f"unknown kind {name!r}: one of {', '.join(KINDS)}")
        out.append(kind)
    return tuple(dict.fromkeys(out))


def ensure_gui() -> Any:
    """A QGuiApplication for fonts and painting; headless where there is no display."""
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else PROG])


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from viewer.store.db import StoreError, open_store
    from viewer.store.location import usable_store_path

    date_from = parse_date(args.date_from) if getattr(args, "date_from", None) else None
    date_to = parse_date(args.date_to, end=True) if getattr(args, "date_to", None) else None
    if date_from and date_to and date_from > date_to:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"{out} should end in .pdf")
    path = Path(args.db).expanduser() if getattr(args, "db", None) else usable_store_path()
    if not path.exists():
        print(f"{PROG}: error: no store at {path}; build one first with `csto-timeline build`",
              file=sys.stderr)
        return 1
    try:
        store = open_store(path, create=False)
    except StoreError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    with store:
        return _export(store, out, date_from, date_to, args)


def _export(store: Any, out: Path, date_from: date | None, date_to: date | None,
            args: argparse.Namespace) -> int:
    from viewer.store import queries
    from viewer.store.filters import EventFilter

    people = resolve_people(store, list(getattr(args, "person", None) or []))
    flt = EventFilter(
        text=(getattr(args, "query", None) or "").strip(),
        date_from=date_from,
        date_to=date_to,
        people=tuple(people),
        bodies=resolve_bodies(store, list(getattr(args, "body", None) or [])),
        kinds=resolve_kinds(list(getattr(args, "kind", None) or [])),
    )
    description = flt.describe(people)
    ids = queries.event_ids(store, flt)
    if not ids:
        print(f"{PROG}: error: no events match ({description}); nothing written", file=sys.stderr)
        return 1
    ensure_gui()
    from viewer.export.pdf import ExportError, export_events

    try:
        result = export_events(store, ids, out, description)
    except ExportError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}: {plural(result.events, 'event')}, {plural(result.pages, 'page')}")
    return 0
