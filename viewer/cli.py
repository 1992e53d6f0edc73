"""Command line: subcommands extract, build, add, export-pdf, bench; no subcommand opens the window."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# Each subcommand's handler lives beside the layer it drives; it is imported only when used,
# so `extract` never loads Qt and the window's start-up pays for nothing it does not need.
HANDLERS: dict[str, str] = {
    "extract": "viewer.extract.command:run",
    "build": "viewer.store.command:build",
    "add": "viewer.store.command:add",
    "export-pdf": "viewer.export.command:run",
    "bench": "viewer.bench.command:run",
    "window": "viewer.app:run",
}


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    module, func = HANDLERS[name].split(":")
    return getattr(importlib.import_module(module), func)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csto-timeline",
        description="CSTO Timeline: dated events, people and decisions from CSTO press releases.",
    )
    parser.add_argument("--db", help="the store to open (default: the user's data directory)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print what the extraction finds in FILES, touching no store")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--speed", action="store_true",
                   help="print extraction speed (MB of text per second, one core) on stderr")

    for name, text in (("build", "build a store from scratch (default: the bundled seeds)"),
                       ("add", "import new or changed files into the store")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", dest="sub_db", help="the store (default: the user's data directory)")
        p.add_argument("paths", nargs="*" if name == "build" else "+", metavar="FILE_OR_FOLDER")
        p.add_argument("--jobs", type=int, default=None, help="parallel parsers (default: the cores)")

    p = sub.add_parser("export-pdf", help="export events to a PDF without opening the window")
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("--db", dest="sub_db")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--person", action="append", default=[])
    p.add_argument("--body", action="append", default=[])
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--query", metavar="TEXT")

    p = sub.add_parser("bench", help="generate archives and measure build, frames, filters, export")
    p.add_argument("--events", type=int, nargs="+", default=[1000, 10000, 100000])
    p.add_argument("--json", dest="json_out", metavar="OUT")
    p.add_argument("--workdir", help="where generated corpora and stores go (default: a temp dir)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "sub_db", None):
        args.db = args.sub_db
    command = args.command or "window"
    try:
        return int(_handler(command)(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
