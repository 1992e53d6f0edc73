"""The role stated beside a name: a title before it, an apposition after it, or a signature line."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from viewer.extract.name_words import is_role_head, is_role_word, vocabulary
from viewer.resources import load_lines

# Words, a short parenthesised abbreviation "(UNRCCA)", and single punctuation marks.
_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[^\W\d_][\w'’]*(?:[-.][^\W\d_][\w'’]*)*|\S")
_OPENER = re.compile(r"[ \t\u00a0]*[,(\-–—][ \t\u00a0]*([^\W\d_][\w'’-]*)?")
_DASHES = frozenset({"-", "–", "—"})
_STOPS = frozenset({".", ";", ":", "!", "?", ")", "\"", "“", "”", "«", "»"})
_LOOK = 400  # a role is never longer than this many characters
_REACH = (48, 160, _LOOK)


@cache
def _connectors() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_lines("people", "role_connectors.txt"))


Tok = tuple[int, int, str]


def _tokens(text: str, lo: int, hi: int) -> list[Tok]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _inside_role(word: str) -> bool:
    """May this token sit inside a role phrase?"""
    if word in _DASHES or word.startswith("("):
        return True
    low = word.casefold()
    return word[0].isupper() or is_role_word(low) or low in _connectors()


def _has_head(toks: list[Tok]) -> bool:
    return any(is_role_head(t[2].casefold()) for t in toks)


def _trim(toks: list[Tok]) -> list[Tok]:
    conn = _connectors()
    a, b = 0, len(toks)
    while a < b and (toks[a][2].casefold() in conn or toks[a][2] in _DASHES or toks[a][2].startswith("(")
                     or _opening_verb(toks, a, b)):
        a += 1
    while b > a and (toks[b - 1][2].casefold() in conn or toks[b - 1][2] in _DASHES):
        b -= 1
    return toks[a:b]


def _opening_verb(toks: list[Tok], a: int, b: int) -> bool:
    """A verb opening the sentence before a title: "Welcomed by the Governor ...", "Meeting the ..."."""
    word = toks[a][2].casefold()
    return (a + 1 < b and word.endswith(("ed", "ing")) and not is_role_word(word)
            and toks[a + 1][2].casefold() in _connectors())


def role_before(text: str, lo: int, name_start: int) -> tuple[int, int] | None:
    """The role written just before a name ("the President of the Republic of Belarus Alexander
    Lukashenko", "Head of ... (UNRCCA), Kakha Imnadze"), as a span; None when there is none.

    lo bounds the search (the sentence start, or the end of the name before). Comma-separated
    titles before one name ("Chairman of X, Chairman of Y Name") make one span.
    """
    # most titles are short: read a little text first, and more only when the title runs on
    for reach in _REACH:
        a = max(lo, name_start - reach)
        found = _role_ending(text[a:name_start], a == lo or reach == _LOOK)
        if found != _MORE:
            return None if found is None else (a + found[0], a + found[1])
    return None


_MORE = (-1, -1)


@lru_cache(maxsize=65536)
def _role_ending(window: str, whole: bool) -> tuple[int, int] | None:
    """The role that ends window, as offsets into it; _MORE when the window may have cut it."""
    toks = _tokens(window, 0, len(window))
    if not whole and all(_inside_role(t[2]) or t[2] == "," for t in toks[1:]):
        return _MORE
    if toks and (toks[-1][2] == "," or toks[-1][2] in _DASHES):
        toks.pop()
    parts: list[tuple[list[Tok], str]] = []  # nearest first, each with the separator before it
    current: list[Tok] = []
    for tok in reversed(toks):
        word = tok[2]
        if word == "," or word.casefold() == "and":
            parts.append((current[::-1], word.casefold()))
            current = []
        elif _inside_role(word):
            current.append(tok)
        else:
            break
    parts.append((current[::-1], ""))
    chosen: list[Tok] = []
    openers = vocabulary().complement_openers
    pending: list[Tok] = []  # headless words after an "and", waiting for their title
    for part, sep in parts:
        joined = part + pending
        trimmed = _trim(joined)
        pending = []
        if chosen and joined and joined[0][2].casefold() in openers and not _only_rank(chosen):
            break  # "at the invitation of the Prime Minister of India, the Secretary General X"
        if trimmed and _has_head(trimmed):
            chosen = trimmed + chosen
        elif sep == "and" and trimmed:
            pending = joined  # "Minister of Industry and Trade": "Trade" belongs to the title
        else:
            break
    if not chosen:
        return None
    return chosen[0][0], chosen[-1][1]


def role_after(text: str, name_end: int, hi: int, next_name: bool) -> tuple[int, int] | None:
    """The role in an apposition after a name: "Taalatbek Masadykov, the CSTO Deputy Secretary
    General, held ...", "Manturov – the Deputy Prime Minister ...", "Zas (currently the ...)".

    hi is where the sentence ends or, when next_name, where the next name starts: an apposition
    that runs into the next name is that name's title instead.
    """
    opener = _OPENER.match(text, name_end, hi)
    if opener is None or (opener.group(1) and not _inside_role(opener.group(1))):
        return None  # "Zas, who ...", "Zas, said ...": no title follows
    for look in _REACH[1:]:
        reach = min(hi, name_end + look)
        toks = _tokens(text, name_end, reach)
        if reach < hi and toks and toks[-1][1] == reach:
            toks.pop()  # a word cut by the look-ahead
        found = _apposition(text, toks, hi, next_name, reach < hi)
        if found != _MORE:
            return found
    return None


def _apposition(text: str, toks: list[Tok], hi: int, next_name: bool,
                more: bool) -> tuple[int, int] | None:
    """The title read from toks (opener first); _MORE when more text may finish it."""
    if not toks or not (toks[0][2] in (",", "(") or toks[0][2] in _DASHES):
        return None
    body: list[Tok] = []
    done: list[Tok] = []  # the titles read so far, when a comma may open one more
    ended = False
    for k in range(1, len(toks)):
        word = toks[k][2]
        if word == "," and k + 1 < len(toks) and is_role_word(toks[k + 1][2].casefold()) \
                and _has_head(body):
            done, body = done + body, []  # "Manturov, Deputy Prime Minister ..., Chairman of ..."
            continue
        if word == "," or word in _STOPS or not _inside_role(word):
            ended = True
            if word == "," and next_name and not text[toks[k][1]:hi].strip():
                return None  # "X, the Special Representative ..., Kakha Imnadze": the next name's title
            break
        if not body and not done and word.casefold() in ("and", "и"):
            return None  # "Ordabaev, and the Special Representative ...": a second person
        body.append(toks[k])
    if not ended and more:
        return _MORE
    if not ended and next_name:
        body = []  # ran into the next name: keep only whole titles
    if body and not _has_head(body):
        body = []
    trimmed = _trim(done + body)
    if not trimmed or not _has_head(trimmed) or not _opens_role(trimmed[0][2]):
        return None
    return trimmed[0][0], trimmed[-1][1]


def _opens_role(word: str) -> bool:
    return word[0].isupper() or is_role_word(word.casefold())


@cache
def _ranks() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_lines("people", "ranks.txt"))


def _only_rank(toks: list[Tok]) -> bool:
    return all(w in _ranks() for t in toks for w in t[2].casefold().split("-") if w)


def is_rank(text: str) -> bool:
    """Is this role only a rank ("Colonel-General", "Major General")?"""
    words = re.split(r"[\s-]+", text.casefold())
    return bool(words) and all(w in _ranks() for w in words if w)


def role_line(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """A whole line that is a role, as under a signature ("Acting Secretary General of the ...")."""
    toks = _tokens(text, lo, hi)
    if not toks or len(toks) > 30 or not all(_inside_role(t[2]) or t[2] == "," for t in toks[1:]):
        return None
    trimmed = _trim(toks)
    if not trimmed or not _has_head(trimmed) or not _opens_role(trimmed[0][2]):
        return None
    return trimmed[0][0], trimmed[-1][1]


@lru_cache(maxsize=16384)
def split_roles(role: str) -> tuple[tuple[int, int], ...]:
    """One stated role text into its titles, as offsets into it: "Chairman of X, Chairman of Y"
    and "Deputy Secretary General and Special Representative ..." hold two titles each."""
    toks = _tokens(role, 0, len(role))
    pieces: list[list[Tok]] = [[]]
    for tok in toks:
        if tok[2] == "," or tok[2].casefold() == "and":
            pieces.append([])
        else:
            pieces[-1].append(tok)
    out: list[tuple[int, int]] = []
    # a headless piece before any title: "Foreign and Defence Minister"
    carried: tuple[int, int] | None = None
    for piece in pieces:
        trimmed = _trim(piece)
        if not trimmed:
            continue
        span = (carried[0] if carried else trimmed[0][0], trimmed[-1][1])
        if _has_head(trimmed):
            out.append(span)
            carried = None
        elif out:
            out[-1] = (out[-1][0], span[1])  # "Minister of Industry and Trade": one title
        else:
            carried = span
    return tuple(out) or ((0, len(role)),)
