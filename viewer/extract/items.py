"""Split a release file into news items: publication headers, titles and scrape noise."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache

from viewer.records import Item, Span
from viewer.resources import load_json

# A publication header: a numeric date on its own line, glued to the start of the next sentence
# ("24.11.2022On November 23 ..."), or glued to the end of a repeated title ("... Order 02.12.2020").
_NUMERIC = r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)"
_HEADER_ALONE = re.compile(rf"^\s*{_NUMERIC}\s*$")
_HEADER_GLUED_START = re.compile(rf"^\s*{_NUMERIC}(?=[A-ZА-Я«\"“ ]|\s)")
_HEADER_GLUED_END = re.compile(rf"(?<=\S)\s*{_NUMERIC}\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_TITLE_MAX = 300


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # without the newline
    text: str


@cache
def _noise_pattern() -> re.Pattern[str]:
    """All noise patterns as one alternation: one match per line instead of one per pattern."""
    data = load_json("noise.json")
    assert isinstance(data, dict)
    return re.compile("|".join(f"(?:{p})" for p in data["line_patterns"]), re.IGNORECASE)


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


_NOISE_MAX = 200  # footers, contacts and image names are short; paragraphs are not read further


def is_noise_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= _NOISE_MAX and _noise_pattern().match(s) is not None


def _date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Header:
    line: int  # index into lines
    published: date
    span: Span  # the date text itself
    kind: str  # "alone", "start", "end"


_ANY_NUMERIC = re.compile(_NUMERIC)


def find_headers(lines: list[Line], text: str) -> list[Header]:
    """Publication headers among the lines of text (split_lines(text))."""
    headers = []
    starts = [line.start for line in lines]
    # one scan of the whole text for numeric dates; only the lines holding one are read closely
    numeric = sorted({bisect_right(starts, m.start()) - 1 for m in _ANY_NUMERIC.finditer(text)})
    for i in numeric:
        line = lines[i]
        for kind, pattern in (("alone", _HEADER_ALONE), ("start", _HEADER_GLUED_START),
                              ("end", _HEADER_GLUED_END)):
            m = pattern.search(line.text)
            if m and (d := _date(m)):
                span = Span(line.start + m.start("d"), line.start + m.end("y"))
                headers.append(Header(i, d, span, kind))
                break
    return headers


def _is_title_like(line: Line) -> bool:
    s = line.text.strip()
    return bool(s) and len(s) <= _TITLE_MAX and not _SENTENCE_END.search(s) and not is_noise_line(s)


def _item_start(lines: list[Line], header: Header, floor: int) -> tuple[int, int | None]:
    """First line of the item a header opens, and the line holding its title (if any)."""
    i = header.line
    if header.kind == "end":  # the title is this line; an identical line just before repeats it
        first, title = i, i
    elif header.kind == "start" or header.kind == "alone":
        first, title = i, None
    j = first - 1
    while j >= floor and not lines[j].text.strip():
        j -= 1
    # A title-like line right before the header belongs to this item (the repeated or lone title).
    if j >= floor and _is_title_like(lines[j]):
        if title is None or _same_title(lines[j].text, lines[i].text):
            first = j
            title = title if title is not None else j
    return first, title


def _same_title(a: str, b: str) -> bool:
    b = _HEADER_GLUED_END.sub("", b)
    return a.strip().casefold() == b.strip().casefold()


def split_items(text: str) -> list[Item]:
    """News items in text order; text before the first header is an item without a date."""
    lines = split_lines(text)
    if not lines:
        return []
    headers = find_headers(lines, text)
    starts: list[tuple[int, int | None, Header | None]] = []
    floor = 0
    for h in headers:
        # A header right after the previous one's title line belongs to the same item.
        if starts and starts[-1][2] is not None and _continues(lines, starts[-1], h):
            continue
        first, title = _item_start(lines, h, floor)
        starts.append((first, title, h))
        floor = h.line + 1
    if not starts or starts[0][0] > 0:
        if any(line.text.strip() for line in lines[: starts[0][0] if starts else len(lines)]):
            starts.insert(0, (0, None, None))
        elif starts:
            starts[0] = (0, starts[0][1], starts[0][2])
    items = []
    for n, (first, title_line, header) in enumerate(starts):
        last = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(lines) - 1
        span = Span(lines[first].start, lines[last].end)
        title_text, title_span = _title(lines, title_line, header)
        noise = tuple(Span(line.start, line.end) for line in lines[first:last + 1]
                      if is_noise_line(line.text))
        items.append(Item(index=n, span=span, published=header.published if header else None,
                          title=title_text, title_span=title_span, noise=noise))
    return items


def _continues(lines: list[Line], prev: tuple[int, int | None, Header | None], h: Header) -> bool:
    """A glued-start header directly after a title+date header line is the same item's body."""
    header = prev[2]
    assert header is not None
    if header.published != h.published:
        return False
    between = [line for line in lines[header.line + 1:h.line] if line.text.strip()]
    return not between


def _title(lines: list[Line], title_line: int | None, header: Header | None) -> tuple[str | None, Span | None]:
    if title_line is None:
        return None, None
    line = lines[title_line]
    end = line.end
    if header is not None and header.line == title_line and header.kind == "end":
        end = header.span.start
    raw = line.text[: end - line.start]
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return body, Span(line.start + lead, line.start + lead + len(body))
