"""The Whoosh schema (declared once) and the one Whoosh document each article becomes.

One document per article. Its facts (dates, meetings, agreements) travel with it as JSON, and
what the fact questions filter on (participants' names, organisations, places, meeting
formats, agreement kinds) is aggregated into keyword fields, so `who-met Norov` is one posting
list, not a walk over every fact. Exact per-fact conditions are checked on the few articles
those postings name (`sco_cli.query`). What a fact listing reads of an article (its id and
title, its meetings, its agreements) is in columns of their own, read without the body: Whoosh
keeps all stored fields of a document in one compressed pickle, 80 microseconds to read.
"""
from __future__ import annotations

import json
from typing import Iterable

from sco_cli import codec
from sco_cli.index.phrases import PAIRS_FIELD, PairAnalyzer
from sco_cli.jsonrows import encode, meeting_row
from sco_cli.model import Article, Extraction, Meeting, MeetingRecord, PartialDate, Person
from sco_cli.normalize import fold

# Fields a search query may name ("title:summit"); every other field is internal.
SEARCH_FIELDS = ("title", "body")
# Values of the `facts` field: which kinds of fact an article has.
FACT_KINDS = ("date", "meeting", "agreement")


def schema():
    """The one Whoosh schema."""
    from whoosh import columns, fields

    from sco_cli.index.whoosh_fixes import OnePassStemmingAnalyzer

    text = OnePassStemmingAnalyzer()  # Whoosh's StemmingAnalyzer, its indexing in one loop
    tags = dict(commas=True, lowercase=True, scorable=False)
    return fields.Schema(
        doc_id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(stored=True, analyzer=text, field_boost=2.0),
        body=fields.TEXT(stored=True, analyzer=text),
        # the body's two-word phrases as terms ("pari pact"): a quoted phrase is one posting list
        **{PAIRS_FIELD: fields.TEXT(analyzer=PairAnalyzer(text), phrase=False)},
        # the article's own date as the interval it covers, yyyymmdd; partial dates filter by overlap
        date_start=fields.NUMERIC(int, bits=32, stored=True),
        date_end=fields.NUMERIC(int, bits=32, stored=True),
        facts=fields.KEYWORD(**tags),
        names=fields.KEYWORD(**tags),
        orgs=fields.KEYWORD(**tags),
        place=fields.KEYWORD(**tags),
        meeting_format=fields.KEYWORD(**tags),
        agreement_kind=fields.KEYWORD(**tags),
        payload=fields.STORED(),  # the article's path, words, date, people, organisations, clues
        dates=fields.STORED(),  # JSON list of the article's dates, in text order (only `show` reads it)
        # UTF-8 JSON, one value per article: [doc_id, title], and its meetings and agreements in text order
        heading=fields.COLUMN(columns.VarBytesColumn()),
        meetings=fields.COLUMN(columns.VarBytesColumn()),
        agreements=fields.COLUMN(columns.VarBytesColumn()),
        # per meeting, what `who-met` checks (`meeting_keys`, JSON) and prints (`meeting_rows`, a line each)
        meeting_keys=fields.COLUMN(columns.VarBytesColumn()),
        meeting_rows=fields.COLUMN(columns.VarBytesColumn()),
    )



def search_schema():
    """The fields a user's query is parsed against: names of other fields are read as words."""
    from whoosh import fields

    full = schema()
    return fields.Schema(**{name: full[name] for name in SEARCH_FIELDS})


def date_bounds(date: PartialDate | None) -> tuple[int, int] | None:
    return date.bounds() if date is not None else None


def person_terms(person: Person) -> list[str]:
    """What a participant can be looked up by: full name, each part of it, aliases."""
    terms = {fold(person.name)}
    terms.update(fold(person.name).split())
    terms.update(fold(alias) for alias in person.aliases)
    return sorted(t for t in terms if t)


def org_terms(meeting: Meeting) -> list[str]:
    """What a meeting can be found by with --org: each participant's organisation, all its names."""
    terms = set()
    for p in meeting.participants:
        if p.organization:
            terms.add(fold(p.organization))
        terms.update(fold(a) for a in p.org_aliases)
    return sorted(t for t in terms if t)


def meeting_terms(meeting: Meeting) -> set[str]:
    """Every name and alias of a meeting's participants, folded."""
    return {t for p in meeting.participants for t in person_terms(p)}


def meeting_keys(meetings: Iterable[Meeting]) -> list[list]:
    """Per meeting, what `who-met` filters and orders it by, so that a listing never builds the
    meeting's objects: [planned, the participants' terms (`meeting_terms`), their organisations'
    (`org_terms`), the place folded, the format, the date's bounds or None]."""
    return [[meeting.planned, sorted(meeting_terms(meeting)), org_terms(meeting), fold(meeting.place or ""),
             meeting.format, date_bounds(meeting.date)] for meeting in meetings]


def meeting_rows(doc_id: str, title: str, meetings: Iterable[Meeting]) -> str:
    """The article's meetings as `who-met --jsonl` prints them, a line each (JSON holds no raw
    newline), so that the few a listing keeps are copied instead of decoded and encoded again."""
    return "\n".join(encode(meeting_row(MeetingRecord(f"{doc_id}#meeting{n}", meeting, doc_id, title)))
                     for n, meeting in enumerate(meetings))


def _keywords(values: Iterable[str]) -> str:
    return ",".join(sorted({v.replace(",", " ") for v in values if v}))


def _json_list(items) -> str:
    return "[" + ",".join(codec.dumps(item) for item in items) + "]"


def article_document(article: Article, facts: Extraction) -> dict:
    """The Whoosh document of one article, facts included."""
    names = {t for m in facts.meetings for t in meeting_terms(m)}
    orgs = {t for m in facts.meetings for t in org_terms(m)}
    orgs.update(fold(p) for a in facts.agreements for p in a.parties)
    places = {fold(m.place) for m in facts.meetings if m.place}
    places.update(fold(a.place) for a in facts.agreements if a.place)
    kinds = [kind for kind, items in zip(FACT_KINDS, (facts.dates, facts.meetings, facts.agreements)) if items]
    doc = {
        "doc_id": article.doc_id,
        "title": article.headline,
        "body": article.body,
        PAIRS_FIELD: article.body,
        "facts": _keywords(kinds),
        "names": _keywords(names),
        "orgs": _keywords(orgs),
        "place": _keywords(places),
        "meeting_format": _keywords(m.format for m in facts.meetings),
        "agreement_kind": _keywords(a.kind for a in facts.agreements),
        "payload": json.dumps(
            {
                "path": article.path,
                "words": article.words,
                "doc_date": None if facts.doc_date is None else codec.plain(facts.doc_date),
                "people": [codec.plain(p) for p in facts.people],
                "organizations": [list(o) for o in facts.organizations],
                "year_evidence": [codec.plain(e) for e in facts.year_evidence],
            },
            ensure_ascii=False,
        ),
        "dates": _json_list(facts.dates),
        "heading": json.dumps([article.doc_id, article.headline], ensure_ascii=False, separators=(",", ":")).encode(),
        "meetings": _json_list(facts.meetings).encode(),
        "agreements": _json_list(facts.agreements).encode(),
        "meeting_keys": json.dumps(meeting_keys(facts.meetings), ensure_ascii=False, separators=(",", ":")).encode(),
        "meeting_rows": meeting_rows(article.doc_id, article.headline, facts.meetings).encode(),
    }
    bounds = date_bounds(facts.doc_date)
    if bounds:
        doc["date_start"], doc["date_end"] = bounds
    return doc
