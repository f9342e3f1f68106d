"""Model objects <-> plain dicts, for the JSON payloads stored in the index."""
from __future__ import annotations

import json
from typing import Any

from sco_cli.model import Agreement, DateMention, Meeting, PartialDate, Person, Span, YearEvidence


def dumps(obj: Any) -> str:
    return json.dumps(plain(obj), ensure_ascii=False, separators=(",", ":"))


def plain(obj: Any) -> Any:
    """A model object as JSON-ready data: what `dataclasses.asdict` gives, tuples as lists, without
    its deep copy of every value (model values are immutable; a build converts 100,000 of them)."""
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields is not None:
        return {name: plain(getattr(obj, name)) for name in fields}
    if isinstance(obj, (list, tuple)):
        return [plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: plain(value) for key, value in obj.items()}
    return obj


def partial_date(d: dict | None) -> PartialDate | None:
    if d is None:
        return None
    return PartialDate(d["year"], d["month"], d["day"], partial_date(d["end"]), d["year_source"])


def person(d: dict) -> Person:
    return Person(d["name"], d["role"], d["organization"], tuple(d["aliases"]), tuple(d["org_aliases"]))


def date_mention(d: dict) -> DateMention:
    return DateMention(Span(**d["span"]), partial_date(d["date"]), d["sentence"], d["relative"], d["anchor"])


def year_evidence(d: dict) -> YearEvidence:
    return YearEvidence(d["source"], d["first"], d["last"], d["weight"], d["text"], tuple(d["years"]))


def meeting(d: dict) -> Meeting:
    return Meeting(
        participants=tuple(person(p) for p in d["participants"]),
        date=partial_date(d["date"]),
        place=d["place"],
        format=d["format"],
        evidence=d["evidence"],
        planned=d["planned"],
    )


def agreement(d: dict) -> Agreement:
    return Agreement(
        title=d["title"],
        kind=d["kind"],
        parties=tuple(d["parties"]),
        date=partial_date(d["date"]),
        place=d["place"],
        evidence=d["evidence"],
        reported=d["reported"],
    )


LOADERS = {"date": date_mention, "meeting": meeting, "agreement": agreement, "person": person}


def loads(kind: str, payload: str) -> Any:
    return LOADERS[kind](json.loads(payload))
