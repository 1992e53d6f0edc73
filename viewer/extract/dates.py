"""The date grammar: find date expressions (with character spans) and the years a text states."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from viewer.extract.date_resolve import DateContext, YearHint, hints_from_dates, resolve
from viewer.extract.vocabulary import trie as _trie
from viewer.records import Precision, Span
from viewer.resources import load_json

__all__ = ["RawDate", "YearHint", "DateContext", "find_dates", "find_year_hints", "hints_from_dates",
           "parse_numeric_date", "resolve"]


@dataclass(frozen=True, slots=True)
class RawDate:
    """A date expression as written, before year resolution."""

    span: Span  # absolute offsets into the text searched
    text: str  # text[span.start:span.end]
    year: int | None  # the stated year, None when the text gives none
    month: int | None  # None for a bare year / quarter / half
    day: int | None
    end_year: int | None = None  # ranges: the end; None for a single date
    end_month: int | None = None
    end_day: int | None = None
    precision: Precision = "day"
    quarter: int | None = None
    half: int | None = None
    relative: str | None = None  # eve, same_day, today, yesterday, tomorrow, this_year, next_year, last_year
    # The date qualifies a name, not a happening: "the Agreement ... of October 6, 2007", "the
    # Memorandum signed in September 2016". A happening named by its date ("the Victory Parade in
    # 2020", "was signed on 5 March") is not incidental: a document's date is, its signing is not.
    incidental: bool = False
    bare_year: bool = False  # "in 2019", "for 2021-2025": a year or period only
    in_name: bool = False  # the year is part of a name: "Thunder-2019"
    weekday: int | None = None  # Monday=0, when the text names it ("on Tuesday, 5 March")


# --- vocabulary -> patterns (built once) -----------------------------------------------------------

_V: dict[str, Any] = load_json("dates.json")  # type: ignore[assignment]
_MAX_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _variants(word: str, lang: str) -> set[str]:
    # English months are capitalised ("may", "march" are verbs); Russian ones are lower case.
    if lang == "en":
        return {word, word.upper()} if word[:1].isupper() else {word, word[:1].upper() + word[1:]}
    return {word, word[:1].upper() + word[1:]}


def _names(entries: list[dict[str, Any]]) -> tuple[dict[str, int], str]:
    """name (lower case, no dot) -> number, and a regex for any of the names as written."""
    lookup: dict[str, int] = {}
    full: set[str] = set()
    abbr: set[str] = set()
    for e in entries:
        for lang in ("en", "ru"):
            for key, bucket in ((lang, full), (lang + "_abbr", abbr)):
                for w in e[key]:
                    lookup[w.lower()] = e["number"]
                    bucket |= _variants(w, lang)
    # a prefix tree opening on literals lets the engine skip to candidate letters; the dot of an
    # abbreviation belongs to the date only before its day ("Dec. 5"), not at a sentence end
    return lookup, _trie(full | abbr) + r"(?![\w])(?:(?<=[^\W\d_]{3})\.(?=\s*[0-9]))?"


def _alt(words: Iterable[str]) -> str:
    """A plain alternation, longest first; a space in a phrase stands for any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_MONTHS, _MON = _names(_V["months"])
_WEEKDAYS, _WDAY = _names(_V["weekdays"])
_ORDINALS: dict[str, int] = {k.lower(): v for lang in _V["ordinals"].values() for k, v in lang.items()}
_PERIOD = {w.lower(): kind for kind, ws in _V["periods"].items() for w in ws}
_RELATIVE = {p.lower(): kind for kind, ps in _V["relative"].items() for p in ps}
_YEAR_RELATIVE = ("this_year", "next_year", "last_year")
_DAY_RELATIVE = ("eve", "same_day", "today", "yesterday", "tomorrow")

_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])"
_YWORD = r"(?:\s*(?:" + _alt(w for w in _V["year_words"] if w != "year") + "))?"
_DASH = "|".join(re.escape(d) for d in _V["range_dashes"])
_BETWEEN = re.compile(r"\b(?:[Bb]etween|[Мм]ежду)\s+$")
_PAIR = frozenset(_V["pair_words"])  # "10 and 11 December": a range of two days, or two days
_SEP = rf"(?:\s*(?:{_DASH})\s*|\s+(?P<{{0}}>{_alt([*_V['range_words'], *_PAIR])})\s+)"
_SEP_NOAND = rf"(?:\s*(?:{_DASH})\s*|\s+(?:{_alt(_V['range_words'])})\s+)"
_OF = r"\s+(?:of\s+)?"


# The comma between a date's parts ("December 11, 2024", "September , 2019"): a few blanks at most,
# each read one way only, since scraped pages hold long runs of blanks and two quantifiers over the
# same run would try every split of it; a year far off belongs to other text.
_C = r"(?:\s{0,4}+,)?\s{0,4}+"


def _ytail(p: str) -> str:
    return rf"(?:{_C}(?P<{p}>{_YEAR}){_YWORD})?"


# Digit-led forms. Every branch continues one leading digit, so the engine skips fast to digits; the
# first number of each form is that digit plus its group. At one position the first branch wins.
_DAY1 = r"[0-9]?(?:st|nd|rd|th)?(?![0-9])"
_NUM_RE = re.compile(
    rf"(?P<lead>[0-9])(?:"
    rf"(?P<iso>[0-9]{{3}}-(?P<iso_m>[0-9]{{1,2}})-(?P<iso_d>[0-9]{{1,2}}))(?![0-9]|[-./][0-9])"
    rf"|(?P<num>(?P<num_d>[0-9]?)(?P<num_s>[./-])(?P<num_m>[0-9]{{1,2}})(?P=num_s)"
    rf"(?P<num_y>[0-9]{{4}}|[0-9]{{2}}))(?![0-9]|[-./][0-9])"
    rf"|(?P<dr>(?P<dr_d1>{_DAY1}){_SEP.format('dr_w')}(?P<dr_d2>{_DAY}){_OF}(?P<dr_m>{_MON}){_ytail('dr_y')})"
    rf"|(?P<dx>(?P<dx_d1>{_DAY1}){_OF}(?P<dx_m1>{_MON})(?:{_C}(?P<dx_y1>{_YEAR}))?{_SEP_NOAND}"
    rf"(?P<dx_d2>{_DAY}){_OF}(?P<dx_m2>{_MON}){_ytail('dx_y')})"
    rf"|(?P<dm>(?P<dm_d>{_DAY1}){_OF}(?P<dm_m>{_MON}){_ytail('dm_y')})"
    rf"|(?P<yr>(?P<yr_y1>[0-9]{{3}})(?![0-9])(?:{_SEP_NOAND}(?P<yr_y2>{_YEAR}|[0-9]{{2}}(?![0-9])))?)"
    rf")"
)
# Month-led forms: the month is matched once, the tails are the alternatives.
_MON_RE = re.compile(
    rf"(?P<m1>{_MON})(?:"
    rf"\s+(?P<mx_d1>{_DAY})(?:{_C}(?P<mx_y1>{_YEAR}))?{_SEP_NOAND}(?P<mx_m2>{_MON})\s+(?P<mx_d2>{_DAY})"
    rf"(?:{_C}(?P<mx_y>{_YEAR}))?"
    rf"|\s+(?P<mr_d1>{_DAY}){_SEP.format('mr_w')}(?P<mr_d2>{_DAY})(?:{_C}(?P<mr_y>{_YEAR}))?"
    rf"|\s+(?P<md_d>{_DAY})(?:{_C}(?P<md_y>{_YEAR}))?"
    rf"|(?:\s*(?:{_DASH})\s*|\s+to\s+)(?P<mm_m2>{_MON}){_C}(?P<mm_y>{_YEAR}){_YWORD}"
    rf"|{_C}(?:\(\s*(?P<my_py>{_YEAR})\s*\)|(?P<my_y>{_YEAR}){_YWORD})"
    rf"|)"
)
_REL_YEAR = _alt(p for k in _YEAR_RELATIVE for p in _V["relative"][k])


def _cased(words: Iterable[str]) -> list[str]:
    return [f for w in words for f in (w, w[:1].upper() + w[1:])]


# Relative phrases and quarter/half words are found by their last word ("day", "year", "eve",
# "quarter"), which is rare, and then read backwards: far fewer places to try than their first words.
_KEYS = {p.split()[-1] for p in _RELATIVE} | set(_PERIOD)
_KEY_RE = re.compile(rf"{_trie(_cased(_KEYS))}(?![\w])")
_REL_BACK = re.compile(rf"(?<![\w])(?P<w>{_trie(_cased(_RELATIVE))})$")
_QTR_BACK = re.compile(rf"(?<![\w])(?P<w>{_trie(_cased([*_V['ordinals']['en'], *_V['ordinals']['ru']]))})\s+$")
_QTR_TAIL = re.compile(
    rf"(?:\s+of)?\s+(?:the\s+)?(?:(?P<qy>{_YEAR}){_YWORD}|(?P<qr>{_REL_YEAR})|(?P<qthe>year))(?![\w])")
# "Q3 2023", "H2 2020": a letter, the period's number, its year
_QH_RE = re.compile(rf"(?P<ql>{_alt(_V['period_letters'])})(?P<qn>[1-4]){_C}(?P<qy>{_YEAR})")
_NAME_RE = re.compile(r"-(?P<ny>(?:1[89]|20)[0-9]{2})(?![\w]|-[0-9])")
_NAME_BEFORE = re.compile(
    r"(?:[“\"«„]\s*(?P<q>(?:[A-ZА-ЯЁ][\w’']*\s+){0,3}[A-ZА-ЯЁ][\w’']*)|(?P<w>[A-ZА-ЯЁ][\w’']*))$")
_PREV_WORD = re.compile(r"(?P<w>[^\W\d_]+)\.?[\s,-]*$")  # "in 2019", "mid-December"
_WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{_WDAY}){_C}(?:the\s+)?$")
_DAY_BEFORE = re.compile(r"(?<![0-9])[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_YEAR_AFTER = re.compile(rf"\s*(?:{_alt(_V['year_words'])})(?![\w])")
_GLUE_REL = re.compile(rf"{_C}(?:of\s+)?")  # "November 23 this year", "March of last year"
_GLUE_EVE = re.compile(rf"{_C}(?:(?:on|in)\s+)?")  # "On the eve, on November 27"
_INC = _V["incidental"]
# "Collective Security Treaty Organization" names the organisation, not a document
_INC_DOC = re.compile(rf"\b(?:{_alt(_INC['documents'])})\b(?!\s+Organi[sz]ation)")
_INC_LINK = re.compile(rf"\b(?<!as\s)(?:{_alt(_INC['linkers'])})\s+(?:the\s+)?$")  # not "as of"
_INC_PART = re.compile(rf"(?:(?P<aux>[^\W\d_]+)[\s,]+)?(?:{_alt(_INC['participles'])})\s+(?:(?:in|on)\s+)?$")
_AUX = frozenset(_INC["auxiliaries"])
_YEAR_CUES = frozenset(_V["year_cues"])
_MONTH_CUES = frozenset(_V["month_cues"])
_BAD_BEFORE_NUM = frozenset("+-/.,:0123456789")
_ISO_FULL = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NUM_FULL = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})")


# --- small helpers ---------------------------------------------------------------------------------

def _ok(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return m is None and d is None
    if d is None:
        return True
    if y is None:
        return 1 <= d <= _MAX_DAYS[m]
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _int(s: str | None) -> int | None:
    return int(s.rstrip("stndrh")) if s else None


def _month(s: str | None) -> int | None:
    return _MONTHS[s.lower().rstrip(".")] if s else None


def _numeric(d: str, sep: str, m: str, y: str) -> tuple[int, int, int] | None:
    if len(y) == 2 and (sep != "." or len(d) != 2 or len(m) != 2):
        return None  # 1.2.3 is a section number, not a date
    yy = int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)
    dd, mm = int(d), int(m)
    if mm > 12 and dd <= 12:
        dd, mm = mm, dd  # month first, as some sites write it
    return (yy, mm, dd) if _ok(yy, mm, dd) else None


def parse_numeric_date(s: str) -> date | None:
    """A numeric date: "24.11.2022", "24/11/2022", "24-11-2022", "2022-11-24", "24.11.22"; else None."""
    s = s.strip()
    if m := _ISO_FULL.fullmatch(s):
        ymd = (int(m[1]), int(m[2]), int(m[3]))
        return date(*ymd) if _ok(*ymd) else None
    if m := _NUM_FULL.fullmatch(s):
        ymd2 = _numeric(m[1], m[2], m[3], m[4])
        return date(*ymd2) if ymd2 else None
    return None


def _prev_word(text: str, s: int) -> str:
    m = _PREV_WORD.search(text, max(0, s - 24), s)
    return m["w"].lower() if m else ""


def _raw(text: str, s: int, e: int, y: int | None, m: int | None, d: int | None, **kw: object) -> RawDate:
    return RawDate(Span(s, e), text[s:e], y, m, d, **kw)  # type: ignore[arg-type]


# --- the matchers: each returns the dates read at one regex match (or none); a date may look back
# before lo for context (a preceding digit, a cue word) but never starts before it ----------------

def _days(text: str, mt: re.Match[str], p: str, y: int | None, m: int | None, d1: int | None) -> list[RawDate]:
    """Days of one month: "1 to 23 April 2024", "April 1-3", "10 and 11 December"."""
    s, e, d2 = mt.start(), mt.end(), _int(mt[p + "_d2"])
    if d1 is None or d2 is None or d2 <= d1 or not (_ok(y, m, d1) and _ok(y, m, d2)):
        return []
    between = _BETWEEN.search(text, max(0, s - 9), s) is not None  # "between 3 and 5 July": a range
    if mt[p + "_w"] in _PAIR and d2 - d1 > 1 and not between:  # "on 5 and 19 March": two days
        return [_raw(text, s, mt.end(p + "_d1"), y, m, d1), _raw(text, mt.start(p + "_d2"), e, y, m, d2)]
    return [_raw(text, s, e, y, m, d1, end_year=y, end_month=m, end_day=d2)]


def _across(text: str, mt: re.Match[str], p: str, m1: int | None, d1: int | None) -> list[RawDate]:
    """Days across months: "30 March - 2 April 2021", "December 28, 2020 - January 3, 2021"."""
    y2, m2, d2 = _int(mt[p + "_y"]), _month(mt[p + "_m2"]), _int(mt[p + "_d2"])
    if m1 is None or m2 is None:
        return []
    y1 = _int(mt[p + "_y1"]) or (None if y2 is None else y2 - 1 if m1 > m2 else y2)  # one year for both
    if not (_ok(y1, m1, d1) and _ok(y2, m2, d2)):
        return []
    return [_raw(text, mt.start(), mt.end(), y1, m1, d1, end_year=y2, end_month=m2, end_day=d2)]


def _from_num(text: str, mt: re.Match[str], lo: int) -> list[RawDate]:
    s, e, g, lead = mt.start(), mt.end(), mt.group, mt["lead"]
    before = text[s - 1] if s else " "
    if mt["iso"] or mt["num"]:
        if before in _BAD_BEFORE_NUM:
            return []  # phone numbers, file names, number lists
        ymd = (int(text[s:s + 4]), int(g("iso_m")), int(g("iso_d"))) if mt["iso"] else \
            _numeric(lead + g("num_d"), g("num_s"), g("num_m"), g("num_y"))
        return [_raw(text, s, e, *ymd)] if ymd and _ok(*ymd) else []
    if before.isalnum() or before in _BAD_BEFORE_NUM:
        return []
    if mt["yr"]:
        y1, y2s = int(lead + g("yr_y1")), g("yr_y2")
        y2 = None if y2s is None else int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        if not 1800 <= y1 <= 2099 or (y2 is not None and not y1 < y2 <= y1 + 100):
            return []
        if y2 is None and _prev_word(text, s) not in _YEAR_CUES and not _YEAR_AFTER.match(text, e):
            return []  # a number, not a year: "2000 servicemen"
        return [_raw(text, s, e, y1, None, None, end_year=y2, precision="year", bare_year=True)]
    if mt["dm"]:
        y, m, d = _int(g("dm_y")), _month(g("dm_m")), _int(lead + g("dm_d"))
        return [_raw(text, s, e, y, m, d)] if _ok(y, m, d) else []
    if mt["dr"]:
        return _days(text, mt, "dr", _int(g("dr_y")), _month(g("dr_m")), _int(lead + g("dr_d1")))
    return _across(text, mt, "dx", _month(g("dx_m1")), _int(lead + g("dx_d1")))


def _from_mon(text: str, mt: re.Match[str], lo: int) -> list[RawDate]:
    s, e, g = mt.start(), mt.end(), mt.group
    if s and text[s - 1].isalnum():
        return []
    if _DAY_BEFORE.search(text, max(0, s - 12), s):
        return []  # "31 February 2021": the day was refused, the month must not stand in for it
    m1 = _month(g("m1"))
    if mt["mx_d1"]:
        return _across(text, mt, "mx", m1, _int(g("mx_d1")))
    if mt["mr_d1"]:
        return _days(text, mt, "mr", _int(g("mr_y")), m1, _int(g("mr_d1")))
    if mt["md_d"]:
        y, d = _int(g("md_y")), _int(g("md_d"))
        return [_raw(text, s, e, y, m1, d)] if _ok(y, m1, d) else []
    if mt["mm_m2"]:
        y, m2 = int(g("mm_y")), _month(g("mm_m2"))
        if m2 <= m1:  # type: ignore[operator]
            return []
        return [_raw(text, s, e, y, m1, None, end_year=y, end_month=m2, precision="month")]
    y = _int(g("my_y") or g("my_py"))
    if y is None and _prev_word(text, s) not in _MONTH_CUES:
        return []  # "the November session", "May I": a month alone needs "in", "since", "early"...
    return [_raw(text, s, e, y, m1, None, precision="month")]


def _from_key(text: str, mt: re.Match[str], lo: int) -> list[RawDate]:
    s, e, key = mt.start(), mt.end(), mt.group().lower()
    if s and text[s - 1].isalnum():
        return []
    if key in _PERIOD:
        ordinal = _QTR_BACK.search(text, max(lo, s - 16), s)
        tail = _QTR_TAIL.match(text, e)
        if ordinal is None or tail is None:
            return []
        n, kind = _ORDINALS[ordinal["w"].lower()], _PERIOD[key]
        if kind == "half" and n > 2:
            return []
        rel = _RELATIVE[" ".join(tail["qr"].lower().split())] if tail["qr"] else "this_year" if tail["qthe"] else None
        q = {"quarter": n} if kind == "quarter" else {"half": n}
        return [_raw(text, ordinal.start(), tail.end(), _int(tail["qy"]), None, None, precision=kind,
                     relative=rel, **q)]
    phrase = _REL_BACK.search(text, max(lo, e - 40), e)
    if phrase is None:
        return []
    kind = _RELATIVE[" ".join(phrase["w"].lower().split())]
    prec: Precision = "year" if kind in _YEAR_RELATIVE else "day"
    return [_raw(text, phrase.start(), e, None, None, None, precision=prec, relative=kind)]


def _from_letter(text: str, mt: re.Match[str], lo: int) -> list[RawDate]:
    s, kind, n = mt.start(), _V["period_letters"][mt["ql"]], int(mt["qn"])
    if s and text[s - 1].isalnum() or kind == "half" and n > 2:
        return []
    q = {"quarter": n} if kind == "quarter" else {"half": n}
    return [_raw(text, s, mt.end(), int(mt["qy"]), None, None, precision=kind, **q)]


def _from_name(text: str, mt: re.Match[str], lo: int) -> list[RawDate]:
    s = mt.start()
    if not s or not text[s - 1].isalpha():
        return []
    nm = _NAME_BEFORE.search(text, max(lo, s - 60), s)
    if nm is None:
        return []  # "mid-2019", "pre-2020": not a name
    start = nm.start("q") if nm["q"] else nm.start("w")
    return [_raw(text, start, mt.end(), int(mt["ny"]), None, None, precision="year", bare_year=True,
                 in_name=True)]


_MATCHERS = ((_NUM_RE, _from_num), (_MON_RE, _from_mon), (_KEY_RE, _from_key), (_QH_RE, _from_letter),
             (_NAME_RE, _from_name))


def _scan(text: str, start: int, end: int) -> list[RawDate]:
    found: list[RawDate] = []
    for pattern, read in _MATCHERS:
        pos, search = start, pattern.search
        while (mt := search(text, pos, end)) is not None:
            got = read(text, mt, start)
            found += got
            # after a rejected match look again one character on: "+7495-621-27-10" must not hide
            # a date further along, and a rejected "May I" must not swallow what follows
            pos = mt.end() if got else mt.start() + 1
    return found


def _merge(text: str, dates: list[RawDate]) -> list[RawDate]:
    """Non-overlapping, in text order; glue "this year" to the date before it, an eve to the date after."""
    dates.sort(key=lambda r: (r.span.start, -r.span.end))
    out: list[RawDate] = []
    for r in dates:
        if out and r.span.start < out[-1].span.end:
            continue
        prev = out[-1] if out else None
        if prev is not None and r.relative in _YEAR_RELATIVE and r.month is None and r.quarter is None \
                and r.half is None and prev.month is not None and prev.year is None and prev.relative is None \
                and _GLUE_REL.fullmatch(text, prev.span.end, r.span.start):
            out[-1] = replace(prev, span=Span(prev.span.start, r.span.end),
                              text=text[prev.span.start:r.span.end], relative=r.relative)
            continue
        if prev is not None and prev.relative in _DAY_RELATIVE and prev.month is None \
                and r.month is not None and r.relative is None and r.precision == "day" \
                and _GLUE_EVE.fullmatch(text, prev.span.end, r.span.start):
            # the explicit day wins; the relative word is kept for the reason
            out[-1] = replace(r, span=Span(prev.span.start, r.span.end),
                              text=text[prev.span.start:r.span.end], relative=prev.relative)
            continue
        out.append(r)
    return out


def _incidental(text: str, r: RawDate) -> bool:
    s = r.span.start
    lo = max(0, s - 150)
    cut = max(text.rfind("\n", lo, s), text.rfind(". ", lo, s))
    lo = max(lo, cut + 1)
    if not _INC_DOC.search(text, lo, s):
        return False
    if _INC_LINK.search(text, lo, s):
        return True
    m = _INC_PART.search(text, lo, s)
    return m is not None and (m["aux"] or "").lower() not in _AUX


def _finish(text: str, r: RawDate, lo: int) -> RawDate:
    if r.precision == "day" and r.day is not None:
        w = _WEEKDAY_BEFORE.search(text, max(lo, r.span.start - 20), r.span.start)
        if w is not None:
            r = replace(r, span=Span(w.start(), r.span.end), text=text[w.start():r.span.end],
                        weekday=_WEEKDAYS[w["wd"].lower().rstrip(".")])
    if r.month is not None and r.relative is None and _incidental(text, r):  # documents carry a month
        r = replace(r, incidental=True)
    return r


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[RawDate]:
    """Date expressions in text[start:end], in text order, never overlapping; [] when none."""
    end = len(text) if end is None else end
    return [_finish(text, r, start) for r in _merge(text, _scan(text, start, end))]


def find_year_hints(text: str) -> list[YearHint]:
    """Years stated anywhere in text (full dates, bare years, years in names), in text order."""
    return hints_from_dates(find_dates(text))
