"""Pins extract/events.py through the pipeline: one event per happening, with date, kind and place."""
from __future__ import annotations

from datetime import date

import pytest

from viewer.extract import extract_document

RELEASE = """The CSTO Council of Defence Ministers met in Minsk

The CSTO Council of Defence Ministers met in Minsk 16.05.2023

On May 15, this year, in Minsk, a meeting of the CSTO Council of Defence Ministers was held.
On the eve, on May 14, a meeting of the Committee of Secretaries of Security Councils was held.
The ministers approved the Plan of joint exercises for 2024.
On the same day, the CSTO Secretary General Ivan Petrov held talks with the Minister of Defence of the Republic of Belarus Viktor Khrenin.
The next meeting of the Council will be held in the second half of 2023 in Yerevan.
The Agreement on Military Cooperation of 15 May 2001 remains in force.
Go back
+7495-621-27-10
"""

VISIT = """10.09.2022
The delegation of the CSTO Secretariat was in Geneva from 5 to 8 September 2022.
On September 6, the delegation met with the UN High Commissioner for Refugees.
On 7 September, a briefing was held at the Palais des Nations.
"""


def events_of(text: str) -> list[tuple[str, str, str, str, str | None]]:
    ex = extract_document(text, "test.txt")
    return [(e.date.start.isoformat(), e.date.end.isoformat(), e.date.certainty, e.kind, e.place)
            for e in ex.events]


def test_a_release_gives_one_event_per_happening() -> None:
    assert events_of(RELEASE) == [
        ("2023-05-15", "2023-05-15", "inferred", "meeting", "Minsk"),
        ("2023-05-14", "2023-05-14", "inferred", "meeting", None),
        ("2023-05-14", "2023-05-14", "inferred", "meeting", None),
        ("2023-07-01", "2023-12-31", "stated", "planned", "Yerevan"),
    ]


def test_inferred_dates_say_why() -> None:
    first = extract_document(RELEASE, "test.txt").events[0]
    assert "16.05.2023" in first.date.reason


def test_a_place_told_for_a_stay_holds_for_its_days() -> None:
    assert events_of(VISIT) == [
        ("2022-09-05", "2022-09-08", "stated", "visit", "Geneva"),
        ("2022-09-06", "2022-09-06", "inferred", "meeting", "Geneva"),
        ("2022-09-07", "2022-09-07", "inferred", "other", "Geneva"),
    ]


def test_two_happenings_in_one_sentence_are_two_events() -> None:
    text = ("On 3 October 2021, a session of the CSTO Collective Security Council was held in Dushanbe "
            "and a joint meeting of the CFM, the CMD and the CSSC was held.")
    ex = extract_document(text, "t.txt")
    assert [(e.kind, e.bodies) for e in ex.events] == [
        ("session", ("Collective Security Council",)),
        ("meeting", ("Council of Foreign Ministers", "Council of Defence Ministers",
                     "Committee of Secretaries of Security Councils")),
    ]
    assert all(e.place == "Dushanbe" for e in ex.events)


def test_events_carry_their_people_and_source() -> None:
    ex = extract_document(RELEASE, "test.txt")
    talks = ex.events[2]
    assert "Ivan Petrov" in talks.people and "Viktor Khrenin" in talks.people
    assert RELEASE[talks.span.start:talks.span.end] == talks.text
    assert RELEASE[talks.date_span.start:talks.date_span.end].startswith("On the same day")


@pytest.mark.parametrize("sentence", [
    "The Treaty of 15 May 1992 was recalled by the parties.",
    "In 2021, the Organization celebrated its anniversary.",
    "The 40th meeting of the Working Group discussed Afghanistan.",
    "Contacts: +7495-621-27-10, IMG-20210915-WA0060.jpg",
    "“Today we can state that the tasks were completed,” the Secretary General said.",
    "Today there are several thousand of them.",
])
def test_what_is_not_an_event(sentence: str) -> None:
    assert extract_document("12.06.2023\n" + sentence, "t.txt").events == ()


def test_decisions_take_their_event_date() -> None:
    ex = extract_document(RELEASE, "test.txt")
    [plan] = [d for d in ex.decisions if "Plan of joint exercises" in d.text]
    assert plan.kind == "approved"
    assert plan.date is not None and plan.date.start == date(2023, 5, 15)


def test_an_agency_dateline_dates_the_news_and_is_no_event() -> None:
    text = ("MINSK, March 3 (BelTA) - The CSTO Council of Defence Ministers held a meeting in Minsk "
            "on March 2, 2022, the ministry said.\nOn Wednesday, March 2, the ministers also met the press.")
    ex = extract_document(text, "t.txt")
    assert [(e.date.start.isoformat(), e.date.certainty) for e in ex.events] == [
        ("2022-03-02", "stated"), ("2022-03-02", "inferred")]
    assert [m.role for m in ex.dates][:1] == ["dateline"]


def test_today_and_yesterday_opening_a_sentence_date_events() -> None:
    text = "15.10.2021\nToday, the ministers met in Minsk.\nYesterday, a round table was held.\n"
    assert events_of(text) == [("2021-10-15", "2021-10-15", "inferred", "meeting", "Minsk"),
                               ("2021-10-14", "2021-10-14", "inferred", "meeting", None)]


def test_a_planned_happening_leans_to_the_future_and_a_noun_names_it() -> None:
    text = ("18.02.2022\nThe Deputy Chief of the Joint Staff informed about the exercises, which will "
            "be held in October in Kazakhstan.\nThe Chairman noted the importance of the forthcoming "
            "session of the CSTO Collective Security Council in Moscow in May 2022.\n")
    ex = extract_document(text, "t.txt")
    assert [(e.date.start.isoformat(), e.kind, e.title) for e in ex.events] == [
        ("2022-10-01", "planned", "Exercises of the Joint Staff"),
        ("2022-05-01", "planned", "Forthcoming session of the CSTO Collective Security Council"),
    ]


def test_people_attending_join_the_items_lead_event() -> None:
    text = ("05.06.2023\nOn June 5, a session of the CSTO Collective Security Council was held in Minsk.\n"
            "On the eve, on June 4, the ministers met.\n"
            "The session was attended by the President of the Republic of Belarus Alexander Lukashenko "
            "and the President of the Russian Federation Vladimir Putin.\n")
    session, eve = extract_document(text, "t.txt").events
    assert session.people == ("Alexander Lukashenko", "Vladimir Putin")
    assert eve.people == ()


@pytest.mark.parametrize("sentence, expected", [
    ("From November 30 to December 2, 2022, the CSTO Secretary General paid a working visit to Armenia.",
     ("2022-11-30", "2022-12-02", "stated", "visit", "Armenia", "Working visit")),
    ("On 25-26 May 2023, the Council of Foreign Ministers will meet in Minsk.",
     ("2023-05-25", "2023-05-26", "stated", "planned", "Minsk", "Meeting of the Council of Foreign Ministers")),
    ("In October 2023, the CSTO Secretary General will visit Bishkek.",
     ("2023-10-01", "2023-10-31", "stated", "planned", "Bishkek", "Visit to Bishkek")),
    ("On 2 and 3 March 2023, the CSTO delegation took part in the OSCE conference in Vienna.",
     ("2023-03-02", "2023-03-03", "stated", "meeting", "Vienna", "Conference in Vienna")),
])
def test_kind_place_and_title_of_one_sentence(sentence: str, expected: tuple) -> None:
    [event] = extract_document("12.03.2023\n" + sentence, "t.txt").events
    assert (event.date.start.isoformat(), event.date.end.isoformat(), event.date.certainty,
            event.kind, event.place, event.title) == expected
