"""A tiny store for the export tests, written through the store's own import with a fixed extraction."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from viewer.records import (DateValue, Decision, Event, Extraction, Item, Person, PersonMention,
                            Span)

# Two releases; the second reports the first one's session again, so that event has two sources.
DOCS: dict[str, str] = {
    "summit_2019.txt": (
        "Session in Bishkek\n"
        "On November 28, 2019 the session of the Collective Security Council was held in Bishkek. "
        "The Council adopted the budget of the Organization for 2020. "
        "Пресс-секретарь ОДКБ Владимир Зайнетдинов провёл брифинг для журналистов."
    ),
    "exercise_2020.txt": (
        "Exercise Interaction-2020\n"
        "The Collective Security Council session in Bishkek on November 28, 2019 set the plan. "
        "In 2020 the Collective Forces held the exercise Interaction-2020 near Minsk."
    ),
}


def _sentence_span(text: str, start_words: str) -> Span:
    start = text.index(start_words)
    end = text.find(". ", start)
    return Span(start, len(text) if end < 0 else end + 1)


def fake_extract(text: str, name: str) -> Extraction:
    """What a perfect extraction would read from DOCS: fixed records with real spans."""
    item = Item(0, Span(0, len(text)), date(2019, 11, 29), text.split("\n")[0], None)
    events: list[Event] = []
    people: list[Person] = []
    decisions: list[Decision] = []

    def event(start_words: str, value: DateValue, kind: str, title: str, place: str | None,
              bodies: tuple[str, ...], names: tuple[str, ...]) -> None:
        span = _sentence_span(text, start_words)
        events.append(Event(name, 0, len(events), value, span, kind, title, place, bodies, names,
                            span.slice(text), span))

    def person(full: str, role: str | None) -> None:
        at = text.index(full)
        span = Span(at, at + len(full))
        people.append(Person(full, (), (), (PersonMention(name, 0, 0, span, full, role),)))

    day = DateValue(date(2019, 11, 28), date(2019, 11, 28), "day", "stated")
    if name == "summit_2019.txt":
        event("On November", day, "session", "Session of the Collective Security Council",
              "Bishkek", ("Collective Security Council",), ())
        span = _sentence_span(text, "The Council adopted")
        decisions.append(Decision(name, 0, 1, "adopted", "Collective Security Council",
                                  span.slice(text), span, day, 0))
        event("Пресс-секретарь", DateValue(date(2019, 11, 1), date(2019, 11, 30), "month",
                                           "inferred", "month of the release's publication"),
              "statement", "Брифинг пресс-секретаря ОДКБ", None, ("Secretariat",),
              ("Владимир Зайнетдинов",))
        person("Владимир Зайнетдинов", "Пресс-секретарь ОДКБ")
    else:
        event("The Collective Security Council session", day, "session",
              "Session of the Collective Security Council", "Bishkek",
              ("Collective Security Council",), ())
        event("In 2020", DateValue(date(2020, 1, 1), date(2020, 12, 31), "year", "stated"),
              "exercise", "Exercise Interaction-2020", "Minsk", ("Collective Forces",), ())
    return Extraction(name, text, (item,), (), (), tuple(events), (), tuple(people),
                      tuple(decisions))


@pytest.fixture(scope="module")
def tiny_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("viewer.store.ingest", reason="the store package is not in this checkout")
    from viewer.store.db import open_store
    from viewer.store.ingest import import_paths

    root = tmp_path_factory.mktemp("tiny")
    files = []
    for name, text in DOCS.items():
        (root / name).write_text(text, encoding="utf-8")
        files.append(root / name)
    path = root / "tiny.db"
    with open_store(path) as store:
        report = import_paths(store, files, jobs=1, extract=fake_extract)
    assert report.failed == []
    return path


@pytest.fixture(scope="module")
def seeds_dir_path() -> Path:
    from viewer.resources import seeds_dir

    return seeds_dir()
