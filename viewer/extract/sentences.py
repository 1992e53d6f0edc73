"""Split news items into sentences with character offsets into the original text."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from viewer.records import Item, Sentence, Span
from viewer.resources import load_lines

# A sentence ends at . ! ? … (plus closing quotes/brackets) before white space and a capital, a
# digit or an opening quote; a line break always ends one (releases put one paragraph a line).
_END = re.compile(r"[.!?…]+[\"”»’)]*(?=\s+[\"“«(]?[A-ZА-ЯЁ0-9])")
_LINE = re.compile(r"[^\r\n]+")
_ALNUM = re.compile(r"[^\W_]")
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ][a-zа-яё]?\.)*[A-ZА-ЯЁ][a-zа-яё]?$")
_HEADER_LEAD = re.compile(r"^\s*[0-3]?\d[./][01]?\d[./](?:19|20)\d\d(?=\S)")
_HEADER_ONLY = re.compile(r"^\s*[0-3]?\d[./][01]?\d[./](?:19|20)\d\d\s*$")
_HEADER_TAIL = re.compile(r"\s+[0-3]?\d[./][01]?\d[./](?:19|20)\d\d\s*$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_lines("abbreviations.txt"))


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and dot - start < 24 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1  # the word before the dot: a few characters, read backwards
    word = text[start:dot].rstrip(".")
    if not word:
        return False
    if _INITIALS.match(word):  # initials: "V. Semerikov", "A.Yu. Rudenko"
        return True
    return word.casefold() in _abbreviations()


def _split_line(text: str, start: int, end: int, ends: list[re.Match[str]]) -> list[Span]:
    spans = []
    pos = start
    for m in ends:
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        spans.append(Span(pos, m.end()))
        pos = m.end()
    spans.append(Span(pos, end))
    return spans


def _trim(text: str, span: Span) -> Span | None:
    chunk = text[span.start:span.end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if not body:
        return None
    return Span(span.start + lead, span.start + lead + len(body))


def _strip_headers(text: str, start: int, end: int) -> Span:
    """Leave publication dates glued to a line's start or end out of the sentence."""
    line_start = start
    if text[start:start + 1].isdigit() or text[start:start + 1].isspace():
        if m := _HEADER_LEAD.match(text[start:end]):
            start += m.end()
    last = end
    while last > start and text[last - 1] in " \t\u00a0":
        last -= 1
    if text[last - 1:last].isdigit():  # a date glued to the end: only the last characters matter
        tail_from = max(line_start, last - 16)
        if (m := _HEADER_TAIL.search(text[tail_from:end])) and tail_from + m.start() > line_start:
            end = tail_from + m.start()
    return Span(start, end)


def split_sentences(text: str, items: Sequence[Item]) -> list[Sentence]:
    sentences: list[Sentence] = []
    # sentence ends found in one pass, handed to the lines that hold them
    ends = list(_END.finditer(text))
    starts = [m.start() for m in ends]
    for item in items:
        for line in _LINE.finditer(text, item.span.start, item.span.end):
            if len(line.group(0).strip()) <= 10 and _HEADER_ONLY.match(line.group(0)):
                continue  # a publication header is not a sentence
            stripped = _strip_headers(text, line.start(), line.end())
            inside = ends[bisect_left(starts, stripped.start):bisect_left(starts, stripped.end)]
            inside = [m for m in inside if m.end() <= stripped.end]
            for raw in _split_line(text, stripped.start, stripped.end, inside):
                span = _trim(text, raw)
                if span is not None and _ALNUM.search(text, span.start, span.end):
                    sentences.append(Sentence(len(sentences), item.index, span,
                                              text[span.start:span.end]))
    return sentences
