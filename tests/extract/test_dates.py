"""The date grammar: what find_dates reads, what it refuses, and how resolve picks the year."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.extract.dates import (DateContext, RawDate, YearHint, find_dates, find_year_hints,
                                  parse_numeric_date, resolve)
from viewer.records import DateValue, Span
from viewer.resources import load_json

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def raw(text: str, written: str, year: int | None, month: int | None, day: int | None,
        nth: int = 0, **kw: object) -> RawDate:
    """The RawDate expected for `written`, its span found in text (the nth occurrence)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(written, at + 1)
    return RawDate(Span(at, at + len(written)), written, year, month, day, **kw)  # type: ignore[arg-type]


def day(y: int, m: int, d: int, certainty: str = "stated", reason: str = "") -> DateValue:
    return DateValue(date(y, m, d), date(y, m, d), "day", certainty, reason)  # type: ignore[arg-type]


# --- find_dates: one form per row, the whole list of RawDate compared --------------------------------

T = [  # (id, sentence, [(written, year, month, day, extra fields)])
    ("month-day", "On November 8, the Council of Foreign Ministers met in Minsk.",
     [("November 8", None, 11, 8, {})]),
    ("day-month", "On 20 December, the duty shifts of the Crisis Response Center trained together.",
     [("20 December", None, 12, 20, {})]),
    ("month-day-year", "On December 11, 2024, the Deputy Secretary General received a delegation.",
     [("December 11, 2024", 2024, 12, 11, {})]),
    ("numeric-dots", "Published 24.11.2022 in the news section.", [("24.11.2022", 2022, 11, 24, {})]),
    ("numeric-glued-to-text", "15.03.2023On March 14 this year, the Permanent Council met in Moscow.",
     [("15.03.2023", 2023, 3, 15, {}), ("March 14 this year", None, 3, 14, {"relative": "this_year"})]),
    ("range-from-to", "From 3 to 7 June 2024, the Academy hosted training courses.",
     [("3 to 7 June 2024", 2024, 6, 3, {"end_year": 2024, "end_month": 6, "end_day": 7})]),
    ("range-stray-comma", "The delegation was in Geneva from 12 to 15 October , 2021, at the invitation of the UN.",
     [("12 to 15 October , 2021", 2021, 10, 12, {"end_year": 2021, "end_month": 10, "end_day": 15})]),
    ("range-and-consecutive", "On 10 and 11 March, the Joint Staff held consultations.",
     [("10 and 11 March", None, 3, 10, {"end_month": 3, "end_day": 11})]),
    ("and-two-days", "The working group met on 5 and 19 March in Dushanbe.",
     [("5", None, 3, 5, {}), ("19 March", None, 3, 19, {})]),
    ("this-year-comma", "On April 2, this year, the Secretary General visited Bishkek.",
     [("April 2, this year", None, 4, 2, {"relative": "this_year"})]),
    ("eve-explicit-day", "On the eve, on June 14, the foreign ministers met in Almaty.",
     [("On the eve, on June 14", None, 6, 14, {"relative": "eve"})]),
    ("eve-alone", "On the eve, the defence ministers held a closed meeting.",
     [("On the eve", None, None, None, {"relative": "eve"})]),
    ("same-day", "On the same day, the delegation visited the Crisis Response Center.",
     [("On the same day", None, None, None, {"relative": "same_day"})]),
    ("month-year-in-brackets", "the decisions of the October (2021) session were implemented",
     [("October (2021)", 2021, 10, None, {"precision": "month"})]),
    ("quarter", "The next session will be held in the third quarter of 2025 in Moscow.",
     [("third quarter of 2025", 2025, None, None, {"precision": "quarter", "quarter": 3})]),
    ("as-of", "The rotation takes effect as of July 1, 2024, under the Charter.",
     [("July 1, 2024", 2024, 7, 1, {})]),
    ("half", "to hold the next meeting in the first half of 2021",
     [("first half of 2021", 2021, None, None, {"precision": "half", "half": 1})]),
    ("day-month-lower-prep", "The chairmanship passes to Kazakhstan on 1 January.", [("1 January", None, 1, 1, {})]),
    ("month-year", "The parties met again in September 2018 in New York.",
     [("September 2018", 2018, 9, None, {"precision": "month"})]),
    ("may-as-month", "Servicemen will march in the parade on May 9.", [("May 9", None, 5, 9, {})]),
    ("bare-year", "Five trainings were held in 2019 on the territory of Belarus.",
     [("2019", 2019, None, None, {"precision": "year", "bare_year": True})]),
    ("bare-year-period", "The Council approved the Strategy for 2022-2026 and the budget.",
     [("2022-2026", 2022, None, None, {"precision": "year", "bare_year": True, "end_year": 2026})]),
    ("war-years", "the memory of the Great Patriotic War of 1941-1945 was honoured",
     [("1941-1945", 1941, None, None, {"precision": "year", "bare_year": True, "end_year": 1945})]),
    ("name-year", "Special forces trained at the exercise Interaction-2022 near Pskov.",
     [("Interaction-2022", 2022, None, None, {"precision": "year", "bare_year": True, "in_name": True})]),
    ("name-year-quoted", "the command post exercise “Search-2021” (\"Poisk-2021\") ended",
     [("Search-2021", 2021, None, None, {"precision": "year", "bare_year": True, "in_name": True}),
      ("Poisk-2021", 2021, None, None, {"precision": "year", "bare_year": True, "in_name": True})]),
    ("name-two-words", "the joint training “Combat Brotherhood-2023” began",
     [("Combat Brotherhood-2023", 2023, None, None, {"precision": "year", "bare_year": True, "in_name": True})]),
    ("dateline-day-month", "MOSCOW, 12 March. The CSTO Secretary General said", [("12 March", None, 3, 12, {})]),
    ("dateline-agency", "Moscow, March 12 (TASS) - The CSTO Secretary General said", [("March 12", None, 3, 12, {})]),
    ("cross-month-dmy", "Drills ran 30 March - 2 April 2021 in Tajikistan.",
     [("30 March - 2 April 2021", 2021, 3, 30, {"end_year": 2021, "end_month": 4, "end_day": 2})]),
    ("cross-month-mdy", "Drills ran March 30 – April 2 in Tajikistan.",
     [("March 30 – April 2", None, 3, 30, {"end_month": 4, "end_day": 2})]),
    ("cross-year", "The mission worked 28 December 2020 - 3 January 2021 in Yerevan.",
     [("28 December 2020 - 3 January 2021", 2020, 12, 28, {"end_year": 2021, "end_month": 1, "end_day": 3})]),
    ("cross-year-stated-once", "The mission worked 28 December - 3 January 2021 in Yerevan.",
     [("28 December - 3 January 2021", 2020, 12, 28, {"end_year": 2021, "end_month": 1, "end_day": 3})]),
    ("day-range-dash", "Staff talks took place 12-14 March 2021 in Minsk.",
     [("12-14 March 2021", 2021, 3, 12, {"end_year": 2021, "end_month": 3, "end_day": 14})]),
    ("month-day-range", "Staff talks took place April 1-3, 2024 in Minsk.",
     [("April 1-3, 2024", 2024, 4, 1, {"end_year": 2024, "end_month": 4, "end_day": 3})]),
    ("abbr-dot", "Talks resume Dec. 5 in Astana.", [("Dec. 5", None, 12, 5, {})]),
    ("abbr-sept", "Talks resumed 5 Sept 2021 in Astana.", [("5 Sept 2021", 2021, 9, 5, {})]),
    ("abbr-sep", "Talks resume Sep 5 in Astana.", [("Sep 5", None, 9, 5, {})]),
    ("weekday", "The summit opens on Tuesday, 5 March in Minsk.",
     [("Tuesday, 5 March", None, 3, 5, {"weekday": 1})]),
    ("time-before", "The briefing starts at 10:00 on 5 March.", [("5 March", None, 3, 5, {})]),
    ("time-after", "The briefing starts on 5 March at 15:30 local time.", [("5 March", None, 3, 5, {})]),
    ("ordinal-suffix", "The summit opens on March 5th in Minsk.", [("March 5th", None, 3, 5, {})]),
    ("ordinal-of", "The summit opens on the 5th of March in Minsk.", [("5th of March", None, 3, 5, {})]),
    ("next-year", "Belarus will chair the Organization next year.",
     [("next year", None, None, None, {"precision": "year", "relative": "next_year"})]),
    ("last-year", "Last year, the Crisis Response Center began combat duty.",
     [("Last year", None, None, None, {"precision": "year", "relative": "last_year"})]),
    ("this-year-alone", "The operation was carried out this year for the first time.",
     [("this year", None, None, None, {"precision": "year", "relative": "this_year"})]),
    ("in-month", "The inspection took place in March near Osh.",
     [("March", None, 3, None, {"precision": "month"})]),
    ("in-early-month", "The inspection took place in early March near Osh.",
     [("March", None, 3, None, {"precision": "month"})]),
    ("in-month-year", "The inspection took place in March 2021 near Osh.",
     [("March 2021", 2021, 3, None, {"precision": "month"})]),
    ("month-of-last-year", "The inspection took place in March of last year.",
     [("March of last year", None, 3, None, {"precision": "month", "relative": "last_year"})]),
    ("numeric-slash", "Posted 24/11/2022 by the press service.", [("24/11/2022", 2022, 11, 24, {})]),
    ("numeric-dash", "Posted 24-11-2022 by the press service.", [("24-11-2022", 2022, 11, 24, {})]),
    ("numeric-iso", "Posted 2022-11-24 by the press service.", [("2022-11-24", 2022, 11, 24, {})]),
    ("numeric-short-year", "Posted 24.11.22 by the press service.", [("24.11.22", 2022, 11, 24, {})]),
    ("russian-full", "Заседание прошло 5 марта 2021 года в Минске.", [("5 марта 2021 года", 2021, 3, 5, {})]),
    ("russian-day-month", "Совещание состоится 24 апреля в Москве.", [("24 апреля", None, 4, 24, {})]),
    ("russian-range", "с 1 по 23 апреля 2024 года прошли курсы",
     [("1 по 23 апреля 2024 года", 2024, 4, 1, {"end_year": 2024, "end_month": 4, "end_day": 23})]),
    ("russian-quarter", "Сессия пройдет в IV квартале 2023 года в Минске.",
     [("IV квартале 2023 года", 2023, None, None, {"precision": "quarter", "quarter": 4})]),
    ("russian-and", "10 и 11 декабря прошли консультации", [("10 и 11 декабря", None, 12, 10, {"end_month": 12, "end_day": 11})]),
    ("russian-month-year", "Учения пройдут в марте 2022 года.", [("марте 2022 года", 2022, 3, None, {"precision": "month"})]),
    ("russian-year", "Учения прошли в 2019 году.", [("2019", 2019, None, None, {"precision": "year", "bare_year": True})]),
    ("month-range", "The operation ran from March to May 2021 in three stages.",
     [("March to May 2021", 2021, 3, None, {"precision": "month", "end_year": 2021, "end_month": 5})]),
    ("year-range-words", "The period from 2018 to 2022 saw growth.",
     [("2018 to 2022", 2018, None, None, {"precision": "year", "bare_year": True, "end_year": 2022})]),
    ("mid-month", "In mid-December the Council met.", [("December", None, 12, None, {"precision": "month"})]),
    ("short-year-period", "The chairmanship in 2021-22 passed to Armenia.",
     [("2021-22", 2021, None, None, {"precision": "year", "bare_year": True, "end_year": 2022})]),
    ("year-word-after", "The budget 2023 year plan", [("2023", 2023, None, None, {"precision": "year", "bare_year": True})]),
    ("half-of-the-year", "in the second half of the year the staff grew",
     [("second half of the year", None, None, None, {"precision": "half", "half": 2, "relative": "this_year"})]),
    ("quarter-next-year", "in the first quarter of next year",
     [("first quarter of next year", None, None, None, {"precision": "quarter", "quarter": 1, "relative": "next_year"})]),
    ("year-far-off", "Published in March" + " " * 40 + "2021 trainings",
     [("March", None, 3, None, {"precision": "month"})]),
    ("quarter-letter", "Results for Q3 2023 were reported.",
     [("Q3 2023", 2023, None, None, {"precision": "quarter", "quarter": 3})]),
    ("half-letter", "Plans for H2, 2020 were approved.", [("H2, 2020", 2020, None, None, {"precision": "half", "half": 2})]),
    ("incidental-of", "to amend the Agreement on Peacekeeping Activities of the Organization of May 7, 2009.",
     [("May 7, 2009", 2009, 5, 7, {"incidental": True})]),
    ("incidental-signed-in", "They reviewed the Memorandum of Understanding signed in June 2015 between the parties.",
     [("June 2015", 2015, 6, None, {"precision": "month", "incidental": True})]),
    ("signing-is-a-happening", "The Agreement was signed on 5 March 2021 in Moscow.",
     [("5 March 2021", 2021, 3, 5, {})]),
    ("parade-is-a-happening", "Units took part in the Victory Parade in 2020 in Moscow.",
     [("2020", 2020, None, None, {"precision": "year", "bare_year": True})]),
    ("org-name-is-no-document", "The Collective Security Treaty Organization of 2 June 2022 meeting",
     [("2 June 2022", 2022, 6, 2, {})]),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in T], ids=[i for i, _, _ in T])
def test_find_dates(sentence: str, expected: list[tuple]) -> None:
    want = [raw(sentence, w, y, m, d, **kw) for w, y, m, d, kw in expected]
    assert find_dates(sentence) == want


NEGATIVE = [
    ("phone", "The CSTO Press Secretary +7495-621-27-10"),
    ("phone-dashes", "Tel.: +7-495-795-27-10, fax +7-495-621-33-23-tel/fax"),
    ("file-name", "IMG-20190925-WA0060 (1).jpg"),
    ("ordinal-meeting", "the 40th meeting of the Working Group"),
    ("ordinal-session", "the events of the 74th session of the UN General Assembly"),
    ("ordinal-anniversary", "dedicated to the 75th anniversary of the Victory"),
    ("number-list", "the Sanctions Committees 1267/1989/2253 on ISIS and 1988 on the Taliban"),
    ("money", "the budget of about 420 million rubles was approved"),
    ("tons", "more than 29.1 tons of drugs were seized"),
    ("thousands", "6,738 criminal cases and 1,342 detained people"),
    ("century", "one of the main tasks of mankind in the XXI century"),
    ("invalid-date", "The meeting on 31 February 2021 never happened."),
    ("invalid-numeric", "Ref. 31.02.2021 was a typo."),
    ("quantity-not-year", "About 2000 servicemen took part in the exercise."),
    ("month-as-word", "May I add that the March of progress continues."),
    ("month-without-cue", "the November session of the Council"),
    ("ordinal-not-quarter", "the first meeting of the second group"),
    ("clock-time", "The briefing starts at 10:00 and ends at 15.30."),
    ("section-number", "See paragraph 1.2.3 of the Regulation."),
    ("decision-not-dec", "A Decision on the budget was adopted."),
    ("letter-not-period", "The Tu-204 H3 2020s and Q5 2021 and FAQ1 2020."),
    ("years-ago-is-no-year-word", "Some 2000 yearly visitors came."),
    ("lower-case-prefix", "Prices stayed at mid-2019 and pre-2020 levels."),
    ("half-beyond-two", "the third half of the year"),

]


@pytest.mark.parametrize("sentence", [s for _, s in NEGATIVE], ids=[i for i, _ in NEGATIVE])
def test_find_dates_refuses(sentence: str) -> None:
    assert find_dates(sentence) == []


def test_find_dates_window_keeps_absolute_offsets() -> None:
    text = "On 5 March 2021 the Council met. On 7 March 2021 the Committee met."
    second = text.index("On 7")
    assert find_dates(text, second) == [raw(text, "7 March 2021", 2021, 3, 7)]
    assert find_dates(text, 0, second) == [raw(text, "5 March 2021", 2021, 3, 5)]


def test_a_long_run_of_blanks_keeps_day_and_year_apart() -> None:
    text = "On 5 March" + " " * 3000 + ", 2021 was a year."
    assert find_dates(text) == [raw(text, "5 March", None, 3, 5)]


def test_weekday_before_the_window_is_left_out() -> None:
    text = "It opens on Tuesday, 5 March in Minsk."
    at = text.index("5 March")
    assert find_dates(text, at) == [raw(text, "5 March", None, 3, 5)]


@pytest.mark.parametrize("sentence,start_at,expected", [
    ("in the fourth quarter of 2023", "quarter", [("2023", 2023, None, None, {"precision": "year", "bare_year": True})]),
    ("On the same day, they met.", "same", []),
    ("the exercise “Combat Brotherhood-2023” began", "Brotherhood",
     [("Brotherhood-2023", 2023, None, None, {"precision": "year", "bare_year": True, "in_name": True})]),
], ids=["quarter-word-outside", "relative-phrase-cut", "name-cut"])
def test_dates_never_start_before_the_window(sentence: str, start_at: str, expected: list[tuple]) -> None:
    want = [raw(sentence, w, y, m, d, **kw) for w, y, m, d, kw in expected]
    assert find_dates(sentence, sentence.index(start_at)) == want


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_spans_are_ordered_disjoint_and_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = find_dates(text)
    assert found
    assert all(r.text == text[r.span.start:r.span.end] for r in found)
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))


# --- parse_numeric_date -------------------------------------------------------------------------------

@pytest.mark.parametrize("s,expected", [
    ("24.11.2022", date(2022, 11, 24)), ("24/11/2022", date(2022, 11, 24)), ("24-11-2022", date(2022, 11, 24)),
    ("2022-11-24", date(2022, 11, 24)), ("24.11.22", date(2022, 11, 24)), (" 02.12.2020 ", date(2020, 12, 2)),
    ("11/24/2022", date(2022, 11, 24)), ("31.02.2021", None), ("24.11", None), ("1.2.3", None),
    ("On 24 November 2022", None), ("", None),
])
def test_parse_numeric_date(s: str, expected: date | None) -> None:
    assert parse_numeric_date(s) == expected


# --- find_year_hints ------------------------------------------------------------------------------------

def test_year_hints() -> None:
    text = ("On December 11, 2024, talks were held. Trainings were held in 2019. The exercise "
            "\"Thunder-2019\" ended. The Agreement of October 6, 2007 was amended. The Plan for 2021-2025. "
            "On 20 December the staff met.")
    assert find_year_hints(text) == [
        YearHint(text.index("December 11"), 2024, date(2024, 12, 11), "the date December 11, 2024",
                 "December 11, 2024"),
        YearHint(text.index("2019"), 2019, None, "the year 2019", "2019"),
        YearHint(text.index("Thunder"), 2019, None, 'the name "Thunder-2019"', "Thunder-2019"),
    ]


# --- resolve ------------------------------------------------------------------------------------------

def first(text: str) -> RawDate:
    return find_dates(text)[0]


NOV28 = day(2019, 11, 28)
R = [  # (id, sentence, context, expected)
    ("stated", "On 24 April 2024, consultations took place.", DateContext(), day(2024, 4, 24)),
    ("stated-range", "From 1 to 23 April 2024, courses were held.", DateContext(),
     DateValue(date(2024, 4, 1), date(2024, 4, 23), "day", "stated")),
    ("publication", "On 20 December, a training was held.", DateContext(date(2024, 12, 23), "23.12.2024"),
     day(2024, 12, 20, "inferred", "year from the publication date 23.12.2024")),
    ("publication-unwritten", "On 20 December, a training was held.", DateContext(date(2024, 12, 23)),
     day(2024, 12, 20, "inferred", "year from the publication date 23.12.2024")),
    ("lean-to-past", "On 28 November, a session was held.", DateContext(date(2020, 1, 14), "14.01.2020"),
     day(2019, 11, 28, "inferred", "year from the publication date 14.01.2020")),
    # published 01.12.2019: May 9 of 2019 lies 206 days back, of 2020 160 days ahead
    ("future-leans-ahead", "a parade is planned on May 9.", DateContext(date(2019, 12, 1), "01.12.2019", future=True),
     day(2020, 5, 9, "inferred", "year from the publication date 01.12.2019")),
    ("past-without-future", "a parade was held on May 9.", DateContext(date(2019, 12, 1), "01.12.2019"),
     day(2019, 5, 9, "inferred", "year from the publication date 01.12.2019")),
    ("this-year-repost", "On November 28, this year, the session met.", DateContext(date(2020, 1, 14), "14.01.2020"),
     day(2019, 11, 28, "inferred", "'this year' with the year from the publication date 14.01.2020")),
    ("this-year-alone", "It was carried out this year.", DateContext(date(2020, 1, 14), "14.01.2020"),
     DateValue(date(2020, 1, 1), date(2020, 12, 31), "year", "inferred",
               "'this year': year from the publication date 14.01.2020")),
    ("next-year", "Belarus will chair next year.", DateContext(date(2022, 11, 24), "24.11.2022"),
     DateValue(date(2023, 1, 1), date(2023, 12, 31), "year", "inferred",
               "'next year': year from the publication date 24.11.2022")),
    ("last-year", "Last year, the centre began duty.", DateContext(date(2022, 11, 24), "24.11.2022"),
     DateValue(date(2021, 1, 1), date(2021, 12, 31), "year", "inferred",
               "'last year': year from the publication date 24.11.2022")),
    ("month-of-last-year", "It happened in March of last year.", DateContext(date(2022, 11, 24), "24.11.2022"),
     DateValue(date(2021, 3, 1), date(2021, 3, 31), "month", "inferred",
               "'last year': year from the publication date 24.11.2022")),
    ("eve-alone", "On the eve, the ministers met.", DateContext(previous=NOV28),
     day(2019, 11, 27, "inferred", "the eve of the previous event (2019-11-28)")),
    ("eve-explicit", "On the eve, on November 27, the ministers met.", DateContext(previous=NOV28),
     day(2019, 11, 27, "inferred", "year of the previous event: on the eve of 2019-11-28")),
    ("eve-across-new-year", "On the eve, on 31 December, the staff met.", DateContext(previous=day(2020, 1, 1)),
     day(2019, 12, 31, "inferred", "year of the previous event: on the eve of 2020-01-01")),
    ("eve-explicit-not-the-day-before", "On the eve, on November 20, the ministers met.",
     DateContext(date(2020, 1, 14), "14.01.2020", previous=NOV28),
     day(2019, 11, 20, "inferred", "year from the publication date 14.01.2020; on the eve")),
    ("eve-explicit-no-previous", "On the eve, on November 27, the ministers met.",
     DateContext(date(2020, 1, 14), "14.01.2020"),
     day(2019, 11, 27, "inferred", "year from the publication date 14.01.2020; on the eve")),
    ("same-day", "On the same day, a meeting was held.",
     DateContext(previous=day(2019, 9, 26, "inferred", "x")),
     day(2019, 9, 26, "inferred", "the same day as the previous event")),
    ("same-day-no-previous", "On the same day, a meeting was held.", DateContext(date(2019, 9, 30)), None),
    ("no-anchor", "On 20 December, a training was held.", DateContext(), None),
    ("range-across-new-year", "The mission worked from 30 December to 2 January.",
     DateContext(date(2021, 1, 10), "10.01.2021"),
     DateValue(date(2020, 12, 30), date(2021, 1, 2), "day", "inferred",
               "year from the publication date 10.01.2021")),
    ("range-no-year", "On 10 and 11 December, consultations were held.", DateContext(date(2024, 12, 13)),
     DateValue(date(2024, 12, 10), date(2024, 12, 11), "day", "inferred",
               "year from the publication date 13.12.2024")),
    ("quarter", "It will be held in the fourth quarter of 2023.", DateContext(),
     DateValue(date(2023, 10, 1), date(2023, 12, 31), "quarter", "stated")),
    ("half", "to meet in the second half of 2020", DateContext(),
     DateValue(date(2020, 7, 1), date(2020, 12, 31), "half", "stated")),
    ("month-stated", "signed in September 2016 between them", DateContext(),
     DateValue(date(2016, 9, 1), date(2016, 9, 30), "month", "stated")),
    ("month-bracket", "the November (2019) session", DateContext(),
     DateValue(date(2019, 11, 1), date(2019, 11, 30), "month", "stated")),
    ("month-no-year", "It took place in March.", DateContext(date(2021, 5, 5), "05.05.2021"),
     DateValue(date(2021, 3, 1), date(2021, 3, 31), "month", "inferred",
               "year from the publication date 05.05.2021")),
    ("bare-year", "Trainings were held in 2019.", DateContext(),
     DateValue(date(2019, 1, 1), date(2019, 12, 31), "year", "stated")),
    ("year-period", "the Plan for 2021-2025", DateContext(),
     DateValue(date(2021, 1, 1), date(2025, 12, 31), "year", "stated")),
    ("name-year", "the exercise \"Thunder-2019\" ended", DateContext(),
     DateValue(date(2019, 1, 1), date(2019, 12, 31), "year", "inferred", 'year from the name "Thunder-2019"')),
    ("weekday-decides", "The summit opens on Wednesday, 5 March.", DateContext(date(2024, 6, 1), "01.06.2024"),
     day(2025, 3, 5, "inferred", "year from the publication date 01.06.2024; the weekday fits 2025")),
    ("leap-day-far", "On 29 February, the staff met.", DateContext(date(2022, 6, 1), "01.06.2022"),
     day(2020, 2, 29, "inferred", "year from the publication date 01.06.2022")),
    ("leap-day", "On 29 February, the staff met.", DateContext(date(2021, 3, 10), "10.03.2021"),
     day(2020, 2, 29, "inferred", "year from the publication date 10.03.2021")),
]


@pytest.mark.parametrize("sentence,ctx,expected", [(s, c, e) for _, s, c, e in R], ids=[i for i, *_ in R])
def test_resolve(sentence: str, ctx: DateContext, expected: DateValue | None) -> None:
    assert resolve(first(sentence), ctx) == expected


HINTED = ("On 20 December, a training was held. Other news followed. "
          "On December 11, 2024, a meeting was held. Trainings were held in 2019. "
          "The exercise \"Thunder-2019\" ended. Much later: 24.11.2022 was the date.")


@pytest.mark.parametrize("text,expected", [
    (HINTED, day(2024, 12, 20, "inferred", "year from the nearest stated date December 11, 2024")),
    ("On 3 March the staff met. Trainings were held in 2019.",
     day(2019, 3, 3, "inferred", "year from the nearest stated year 2019")),
    ("On 8 November a session met. The exercise \"Grom-2019\" ended.",
     day(2018, 11, 8, "inferred", 'year from the name "Grom-2019"')),
], ids=["nearest-full-date", "year-hint", "name-hint"])
def test_resolve_from_hints(text: str, expected: DateValue) -> None:
    mention = find_dates(text)[0]
    ctx = DateContext(hints=find_year_hints(text), position=mention.span.start)
    assert resolve(mention, ctx) == expected


# --- the seeds: checks the timeline relies on ------------------------------------------------------------

def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(prefix + "_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix,written,published,future,expected", [
    ("000", "November 8", None, False, day(2018, 11, 8, "inferred", 'year from the name "Thunder-2019"')),
    ("001", "20 December", None, False,
     day(2024, 12, 20, "inferred", "year from the nearest stated date December 11, 2024")),
    ("003", "November 28, this year", date(2020, 1, 14), False,
     day(2019, 11, 28, "inferred", "'this year' with the year from the publication date 14.01.2020")),
    ("003", "May 9", date(2020, 1, 14), True, day(2020, 5, 9, "inferred", "year from the publication date 14.01.2020")),
    ("004", "September 25", None, False,
     day(2019, 9, 25, "inferred", "year from the nearest stated date 24 to 27 September , 2019")),
])
def test_seed_checks(prefix: str, written: str, published: date | None, future: bool, expected: DateValue) -> None:
    text = seed_text(prefix)
    mention = next(r for r in find_dates(text) if r.text == written)
    ctx = DateContext(published=published, hints=find_year_hints(text), position=mention.span.start, future=future)
    assert resolve(mention, ctx) == expected


# --- the vocabulary ---------------------------------------------------------------------------------------

def test_vocabulary_loads_and_is_consistent() -> None:
    v = load_json("dates.json")
    assert isinstance(v, dict)
    assert [m["number"] for m in v["months"]] == list(range(1, 13))
    assert [w["number"] for w in v["weekdays"]] == list(range(7))
    names: dict[str, str] = {}
    for kind in ("months", "weekdays"):
        for entry in v[kind]:
            assert entry["en"] and entry["ru"]
            for key in ("en", "en_abbr", "ru", "ru_abbr"):
                for name in entry[key]:
                    owner = f"{kind}:{entry['number']}"
                    assert names.setdefault(name.lower(), owner) == owner, name
    assert set(v["relative"]) == {"eve", "same_day", "today", "yesterday", "tomorrow", "this_year",
                                  "next_year", "last_year"}
    phrases = [p.lower() for ps in v["relative"].values() for p in ps]
    assert len(phrases) == len(set(phrases))
    assert set(v["periods"]) == {"quarter", "half"}
    assert set(v["period_letters"].values()) == {"quarter", "half"}
    assert all(1 <= n <= 4 for lang in v["ordinals"].values() for n in lang.values())
    assert set(v["incidental"]) == {"documents", "linkers", "participles", "auxiliaries"}


# --- any text: no exception, exact and ordered spans, valid calendar parts -----------------------------

PIECES = st.sampled_from(["5", "31", "2019", "1941", "-", "–", ".", ",", " ", "  ", "/", "+7", "(", ")", "“",
                          "March", "May", "Dec.", "Sept", "марта", "on the eve", "this year", "On the same day",
                          "first", "quarter", "half", "of", "to", "and", "и", "in", "Thunder", "Tuesday", "th",
                          "the", "Agreement", "signed", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_any_text(text: str, cut_start: int, cut_end: int) -> None:
    lo, hi = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert all(lo <= r.span.start and r.span.end <= max(lo, hi) for r in find_dates(text, lo, hi))
    found = find_dates(text)
    assert all(r.text == text[r.span.start:r.span.end] and r.span.start < r.span.end for r in found)
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))
    ctx = DateContext(date(2020, 1, 14), "14.01.2020", previous=day(2019, 11, 28))
    for r in found:
        if r.year is not None and r.day is not None:
            assert date(r.year, r.month, r.day)  # type: ignore[arg-type]
        value = resolve(r, ctx)
        assert value is None or value.start <= value.end


@pytest.mark.parametrize("text, expected", [
    ("Today, the Secretary General met the press.", ("2021-10-15", "'today'")),
    ("Yesterday, the ministers held talks.", ("2021-10-14", "'yesterday'")),
    ("Tomorrow, the delegation will arrive.", ("2021-10-16", "'tomorrow'")),
])
def test_today_and_yesterday_count_from_the_publication_date(text: str, expected: tuple[str, str]) -> None:
    [raw] = find_dates(text)
    value = resolve(raw, DateContext(published=date(2021, 10, 15), published_text="15.10.2021"))
    assert value is not None
    assert (value.start.isoformat(), value.certainty) == (expected[0], "inferred")
    assert value.reason.startswith(expected[1]) and "15.10.2021" in value.reason


def test_today_without_a_publication_date_is_not_guessed() -> None:
    [raw] = find_dates("Today, the Secretary General met the press.")
    assert resolve(raw, DateContext()) is None


def test_between_two_days_is_a_range_and_two_named_days_are_two() -> None:
    [between] = find_dates("Between 3 and 5 July 2023, staff talks were held.")
    assert (between.day, between.end_day, between.month, between.year) == (3, 5, 7, 2023)
    assert [d.day for d in find_dates("On 3 and 5 July 2023, talks were held.")] == [3, 5]
