"""The store's tables, indexes and full-text tables, as SQL applied by the migrations."""
from __future__ import annotations

import re
import sqlite3

# 'CSTO' in ASCII: marks a file as a store, so a foreign SQLite file is never taken for one.
APPLICATION_ID = 0x4353544F

TABLES = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,          -- the file's base name: a document's identity
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    text TEXT NOT NULL                   -- decoded text; every span points into it
);
CREATE INDEX documents_sha256 ON documents(sha256);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,              -- span in the document
    end INTEGER NOT NULL,
    published_day INTEGER,               -- date ordinal
    title TEXT,
    text TEXT NOT NULL,
    noise TEXT NOT NULL DEFAULT '[]'     -- JSON [[start, end], ...] in the item's text
);
CREATE INDEX items_document ON items(document_id, idx);
CREATE INDEX items_published ON items(published_day);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE aliases (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,                   -- casefolded, for lookup
    PRIMARY KEY (person_id, key)
);
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    key TEXT NOT NULL,                   -- normalised title, for "who held it when"
    stated_day INTEGER,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX roles_person ON roles(person_id, stated_day);
CREATE INDEX roles_key ON roles(key, stated_day);
CREATE INDEX roles_document ON roles(document_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    surface TEXT NOT NULL,
    role TEXT,
    role_start INTEGER,
    role_end INTEGER
);
CREATE INDEX mentions_person ON mentions(person_id);
CREATE INDEX mentions_item ON mentions(item_id);
CREATE INDEX mentions_document ON mentions(document_id);

CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_day INTEGER NOT NULL,
    end_day INTEGER NOT NULL,
    precision TEXT NOT NULL,
    certainty TEXT NOT NULL,
    reason TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE INDEX dates_item ON dates(item_id);
CREATE INDEX dates_document ON dates(document_id);

-- One row per happening; its mentions are event_sources.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    start_day INTEGER NOT NULL,          -- date ordinals: sortable, and cheap for the timeline
    end_day INTEGER NOT NULL,
    precision TEXT NOT NULL,
    certainty TEXT NOT NULL,             -- 'stated' when any source states the date
    reason TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    place TEXT,
    lane INTEGER NOT NULL,               -- index into rows.LANES, set at write time
    source_id INTEGER,                   -- the first mention: the event's provenance
    source_count INTEGER NOT NULL DEFAULT 0,
    decision_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_start ON events(start_day, end_day);
CREATE INDEX events_end ON events(end_day);
CREATE INDEX events_kind ON events(kind, start_day);
CREATE INDEX events_place ON events(place);
CREATE INDEX events_certainty ON events(certainty);
CREATE INDEX events_decisions ON events(decision_count) WHERE decision_count > 0;

CREATE TABLE event_sources (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,              -- the sentence's span in the document
    end INTEGER NOT NULL,
    date_start INTEGER NOT NULL,
    date_end INTEGER NOT NULL,
    certainty TEXT NOT NULL,
    reason TEXT NOT NULL,
    title TEXT NOT NULL,
    place TEXT,
    bodies TEXT NOT NULL DEFAULT '[]',   -- JSON: this mention's bodies and people, so a merged
    person_ids TEXT NOT NULL DEFAULT '[]' -- event's links can be rebuilt when a source goes away
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_item ON event_sources(item_id);
CREATE INDEX event_sources_document ON event_sources(document_id);

CREATE TABLE event_people (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX event_people_person ON event_people(person_id, event_id);

CREATE TABLE event_bodies (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    PRIMARY KEY (event_id, body)
) WITHOUT ROWID;
CREATE INDEX event_bodies_body ON event_bodies(body, event_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,              -- in the document
    end INTEGER NOT NULL,
    start_day INTEGER,
    end_day INTEGER,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL
);
CREATE INDEX decisions_item ON decisions(item_id);
CREATE INDEX decisions_event ON decisions(event_id);
CREATE INDEX decisions_document ON decisions(document_id);
"""

# External-content FTS5 tables kept in step by triggers, so no text is stored twice.
FTS = """
CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items', content_rowid='id',
                                          tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(title, content='events', content_rowid='id',
                                           tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER events_au AFTER UPDATE OF title ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO events_fts(rowid, title) VALUES (new.id, new.title);
END;
"""


# Recompute people's summary columns; {where} narrows it to the people an import touched.
# The days come from event_people's own copies, so first and last are index look-ups, not a
# pass over a busy person's thousands of events.
PEOPLE_SUMMARY = """
UPDATE people SET
    event_count = (SELECT count(*) FROM event_people WHERE person_id = people.id),
    first_day = (SELECT min(start_day) FROM event_people WHERE person_id = people.id),
    last_day = (SELECT max(end_day) FROM event_people WHERE person_id = people.id),
    latest_role = (SELECT title FROM roles WHERE person_id = people.id
                   ORDER BY stated_day DESC, id DESC LIMIT 1)
{where}
"""


def statements(script: str) -> list[str]:
    """Split a DDL script into whole statements (trigger bodies included)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


_NAME_WORD = re.compile(r"\w+")


def name_stems(name: str) -> set[str]:
    """The first four letters of each word of a name of four letters or more: what two spellings
    of one surname (Ordabayev, Ordabaev) share."""
    return {w[:4] for w in _NAME_WORD.findall(name.casefold()) if len(w) >= 4}
