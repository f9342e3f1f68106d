"""The JSON objects of DESIGN.md: model objects -> rows (JSON-ready dicts), and the one way a
row is written as a line of JSON. Pure functions of the model; `render` lays rows out as tables,
`output` writes them, and a build stores rows it can write ahead (the agreements listing).
"""
from __future__ import annotations

import json

from sco_cli.model import (
    AgreementRecord,
    DocSummary,
    DocumentView,
    IndexStatus,
    MeetingRecord,
    PartialDate,
    Person,
    SearchHit,
    TimelineEntry,
    YearEvidence,
)


def encode(row: dict) -> str:
    """One row as one line of JSON, as `--jsonl` and `--json` on a pipe write it."""
    return json.dumps(row, ensure_ascii=False)


# ---- values ----------------------------------------------------------------------------------


def date_value(date: PartialDate | None) -> str | None:
    return None if date is None else date.iso


def date_precision(date: PartialDate | None) -> str | None:
    return None if date is None or date.iso is None else date.precision


def end_value(date: PartialDate | None) -> str | None:
    return None if date is None or date.end is None else date.end.iso


# ---- rows ------------------------------------------------------------------------------------


def search_row(hit: SearchHit) -> dict:
    return {
        "rank": hit.rank,
        "score": hit.score,
        "doc_id": hit.doc_id,
        "title": hit.title,
        "date": date_value(hit.date),
        "date_precision": date_precision(hit.date),
        "path": hit.path,
        "snippet": hit.snippet.plain,
    }


def timeline_row(e: TimelineEntry) -> dict:
    return {
        "date": date_value(e.date),
        "date_precision": date_precision(e.date),
        "end_date": end_value(e.date),
        "mention": e.mention,
        "sentence": e.sentence,
        "doc_id": e.doc_id,
        "title": e.title,
        "relative": e.relative,
        "anchor": e.anchor,
        "year_source": e.date.year_source,
    }


def person_row(p: Person) -> dict:
    return {"name": p.name, "role": p.role, "organization": p.organization}


def meeting_row(r: MeetingRecord) -> dict:
    m = r.meeting
    return {
        "id": r.id,
        "date": date_value(m.date),
        "date_precision": date_precision(m.date),
        "participants": [person_row(p) for p in m.participants],
        "place": m.place,
        "format": m.format,
        "doc_id": r.doc_id,
        "title": r.title,
        "evidence": m.evidence,
    }


def agreement_row(r: AgreementRecord) -> dict:
    a = r.agreement
    return {
        "id": r.id,
        "title": a.title,
        "kind": a.kind,
        "parties": list(a.parties),
        "date": date_value(a.date),
        "date_precision": date_precision(a.date),
        "place": a.place,
        "mentions": [{"doc_id": m.doc_id, "evidence": m.evidence} for m in r.mentions],
    }


def doc_row(doc: DocSummary) -> dict:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "date": date_value(doc.date),
        "date_precision": date_precision(doc.date),
        "path": doc.path,
        "words": doc.words,
    }


def status_row(s: IndexStatus) -> dict:
    return {
        "location": s.location,
        "documents": s.documents,
        "facts": s.facts,
        "size_bytes": s.size_bytes,
        "built_at": s.built_at,
        "sco_version": s.sco_version,
        "schema_version": s.schema_version,
        "extraction_version": s.extraction_version,
        "sources": list(s.sources),
    }


def evidence_row(e: YearEvidence) -> dict:
    return {"source": e.source, "first": e.first, "last": e.last, "years": list(e.years) or None,
            "weight": e.weight, "text": e.text}


def show_row(view: DocumentView) -> dict:
    """`sco show --json`: the docs fields, the body, and every extracted fact."""
    facts = view.extraction
    return {
        **doc_row(view.summary),
        "body": view.body,
        "dates": [{"date": date_value(d.date), "date_precision": date_precision(d.date),
                   "end_date": end_value(d.date), "mention": d.span.text, "start": d.span.start,
                   "end": d.span.end, "year_source": d.date.year_source, "relative": d.relative,
                   "anchor": d.anchor, "sentence": d.sentence}
                  for d in facts.dates],
        "year_evidence": [evidence_row(e) for e in facts.year_evidence],
        "people": [person_row(p) for p in facts.people],
        "meetings": [{"date": date_value(m.date), "date_precision": date_precision(m.date),
                      "participants": [person_row(p) for p in m.participants], "place": m.place,
                      "format": m.format, "evidence": m.evidence} for m in facts.meetings],
        "agreements": [{"title": a.title, "kind": a.kind, "parties": list(a.parties),
                        "date": date_value(a.date), "date_precision": date_precision(a.date),
                        "place": a.place, "evidence": a.evidence} for a in facts.agreements],
    }
