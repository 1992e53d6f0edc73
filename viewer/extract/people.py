"""Every named person in a document's sentences, with the role stated beside each name."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from viewer.extract.aliases import PeopleIndex, resolve_people
from viewer.extract.name_words import token_kind, vocabulary
from viewer.extract.names import Candidate, candidates, parse_name
from viewer.extract.roles import is_rank, role_after, role_before, role_line
from viewer.records import PersonMention, Sentence, Span

__all__ = ["PeopleIndex", "find_people", "resolve_people"]

# Initials or a form of address closing the text before a sentence: a splitter cut
# "S. Ordabayev", "A.Yu. Rudenko" or "Mr. Kulubaev" in two.
_CUT_INITIAL = re.compile(
    r"(?:^|[\s(])(?:(?:Mrs|Mr|Ms|Dr)|((?:[A-ZА-ЯЁ]\.\s?)*(?:Yu|Ya|Ye|Yo|Zh|Sh|Ch|Kh|Ts|[A-ZА-ЯЁ])))\.\s*$")
_CUT_PAIRS = frozenset({"Yu", "Ya", "Ye", "Yo", "Zh", "Sh", "Ch", "Kh", "Ts", "Mr", "rs", "Ms", "Dr"})
_FIRST_WORD = re.compile(r"\s*([A-ZА-ЯЁ][^\W\d_]+(?:-[^\W\d_]+)*)")
_WORD_BEFORE = re.compile(r"([A-ZА-ЯЁ][^\W\d_]+)[ \t]+$")
_WORD_END = re.compile(r"([^\W\d_]+)\s+$")


def _mention(doc: str, s: Sentence, start: int, end: int, text: str,
             role: tuple[int, int] | None, more: tuple[int, int] | None = None) -> PersonMention:
    return PersonMention(
        doc=doc, item=s.item, sentence=s.index, span=Span(start, end), surface=text[start:end],
        role=text[role[0]:role[1]] if role else None,
        role_span=Span(role[0], role[1]) if role else None,
        more_roles=((text[more[0]:more[1]], Span(*more)),) if more and role and more != role else (),
    )


def _after_article(text: str, lo: int, at: int) -> bool:
    word = _WORD_END.search(text, lo, at)
    return word is not None and word.group(1).casefold() in vocabulary().before_places


def _may_be_cut(text: str, lo: int) -> bool:
    """Does the text before lo end in an initial or a form of address ("S.", "Yu.", "Mr.")?"""
    tail = text[max(0, lo - 5):lo].rstrip()
    return tail.endswith(".") and len(tail) >= 2 and (tail[-2].isupper() or tail[-3:-1] in _CUT_PAIRS)


def _cut_initial(text: str, s: Sentence) -> Candidate | None:
    """A name whose initial the sentence splitter left at the end of the previous sentence."""
    lo = s.span.start
    if not _may_be_cut(text, lo):
        return None
    m = _CUT_INITIAL.search(text, max(0, lo - 12), lo)
    w = _FIRST_WORD.match(text, lo, s.span.end)
    if not m or not w or token_kind(w.group(1)) not in "CGLP":
        return None
    after = _FIRST_WORD.match(text, w.end(), s.span.end)
    if after and after.group(1).casefold() in vocabulary().named_after:
        return None  # "the A.E. | Snesarev Prize"
    return Candidate(m.start(1) if m.group(1) else w.start(1), w.end(1), True)


def _sentence_people(text: str, s: Sentence, doc: str, prev: Sentence | None, taken: int,
                     found: list[Candidate]) -> list[PersonMention]:
    """The people of one sentence from its name candidates; taken is where the last name found
    before it ends."""
    lo, hi = s.span.start, s.span.end
    cut = _cut_initial(text, s) if prev is not None else None
    if cut is not None and cut.start >= taken and not any(c.start < cut.end for c in found):
        found.insert(0, cut)
    # weak candidates right after "the", "of"...: parts of places and bodies ("the Special
    # Representative for Central Asia", "the Nizhny Novgorod region"), not names
    found = [c for c in found if c.strong or not _after_article(text, max(lo, c.start - 8), c.start)]
    out: list[PersonMention] = []
    bound = lo
    for k, c in enumerate(found):
        scan_lo = prev.span.start if c.start < lo and prev is not None else bound
        role = role_before(text, scan_lo, c.start)
        nxt = found[k + 1].start if k + 1 < len(found) else hi
        after = role_after(text, c.end, nxt, next_name=k + 1 < len(found))
        if role is None or (after is not None and is_rank(text[role[0]:role[1]])):
            role, after = after, None  # a rank alone gives way to the title stated after the name
        if not c.strong and role is None:
            continue
        out.append(_mention(doc, s, c.start, c.end, text, role, after))
        bound = c.end
    return out


def _signature_roles(text: str, sentences: Sequence[Sentence],
                     mentions: list[PersonMention]) -> list[PersonMention]:
    """A name alone on its line takes the role on the line after it, or else the one before it,
    as in a signature block ("Semerikov Valery Anatolyevich / Acting Secretary General ...")."""
    by_sentence = {s.index: k for k, s in enumerate(sentences)}
    out: list[PersonMention] = []
    for m in mentions:
        k = by_sentence.get(m.sentence)
        alone = k is not None and text[sentences[k].span.start:sentences[k].span.end].strip() == m.surface
        if m.role is None and k is not None and alone:
            for j in (k + 1, k - 1):
                if 0 <= j < len(sentences):
                    role = role_line(text, sentences[j].span.start, sentences[j].span.end)
                    if role is not None:
                        m = PersonMention(m.doc, m.item, m.sentence, m.span, m.surface,
                                          text[role[0]:role[1]], Span(role[0], role[1]))
                        break
        out.append(m)
    return out


def _occurrences(text: str, word: str, lo: int, hi: int) -> list[int]:
    out: list[int] = []
    at = text.find(word, lo, hi)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word), hi)
    return out


def _bare_surnames(text: str, sentences: Sequence[Sentence], doc: str,
                   mentions: list[PersonMention]) -> list[PersonMention]:
    """Surnames standing alone ("Semerikov said") of people named in full in this document."""
    surnames = {parse_name(m.surface).last for m in mentions if parse_name(m.surface).full}
    surnames = {n for n in surnames if len(n) >= 3 and token_kind(n) in "CGLP"}
    if not surnames:
        return []
    taken = sorted((m.span.start, m.span.end) for m in mentions)
    starts = [t[0] for t in taken]
    out: list[PersonMention] = []
    ordered = sorted(sentences, key=lambda s: s.span.start)
    sentence_starts = [s.span.start for s in ordered]
    lo, hi = ordered[0].span.start, ordered[-1].span.end
    # str.find per surname: a handful of C-speed scans, no pattern compiled per document
    hits = sorted((at, at + len(n)) for n in surnames for at in _occurrences(text, n, lo, hi))
    for start, end in hits:
        s = ordered[bisect_right(sentence_starts, start) - 1]
        k = bisect_right(starts, start) - 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’.-_")) or (
                end < len(text) and (text[end].isalnum() or text[end] in "-_")):
            continue  # part of a longer word
        if end > s.span.end or (k >= 0 and taken[k][1] > start):
            continue  # between sentences, or inside a name already found
        before = _WORD_BEFORE.search(text, max(s.span.start, start - 40), start)
        if before and token_kind(before.group(1)) not in "RSHA":
            continue  # another given name before it: someone else of that surname
        role = role_before(text, s.span.start, start)
        out.append(_mention(doc, s, start, end, text, role))
    return out


def find_people(text: str, sentences: Sequence[Sentence], doc: str) -> list[PersonMention]:
    """Every named person in each sentence, with the role stated beside the name.

    Spans are absolute offsets into text; sentences are taken as given (their spans index text).
    """
    if not sentences:
        return []
    # one scan of the text, shared out to the sentences: far cheaper than a scan per sentence
    every = candidates(text, min(s.span.start for s in sentences), max(s.span.end for s in sentences))
    starts = [c.start for c in every]
    mentions: list[PersonMention] = []
    prev: Sentence | None = None
    for s in sentences:
        lo, hi = s.span.start, s.span.end
        a = bisect_left(starts, lo)
        if (a == len(starts) or starts[a] >= hi) and not _may_be_cut(text, lo):
            prev = s  # no name here, and none cut from the sentence before: most sentences
            continue
        found = [c for c in every[a:bisect_left(starts, hi, a)] if c.end <= hi]
        mentions.extend(_sentence_people(text, s, doc, prev, mentions[-1].span.end if mentions else 0, found))
        prev = s
    mentions = _signature_roles(text, sentences, mentions)
    mentions.extend(_bare_surnames(text, sentences, doc, mentions))
    mentions.sort(key=lambda m: m.span.start)
    return mentions
