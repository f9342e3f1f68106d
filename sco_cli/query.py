"""Questions asked of the index. Each function returns model objects and never prints.

Every function takes an open `index.Handle` (see `index.ensure_index`).
"""
from __future__ import annotations

import json
from typing import Iterable

from sco_cli import codec
from sco_cli.errors import UsageError
from sco_cli.index import Handle, read_agreements
from sco_cli.safety import clean_line
from sco_cli.model import (
    AgreementRecord,
    DocSummary,
    DocumentView,
    Extraction,
    Highlighted,
    MeetingRecord,
    PartialDate,
    SearchHit,
    TimelineEntry,
)

SNIPPET_CHARS = 220
# Markers around matched terms in Whoosh's highlight output. Both are control characters, which
# `safety.clean_text` removed from every article at ingest, so they cannot occur in the text.
_MATCH_OPEN, _MATCH_CLOSE = "\x02", "\x03"


def _date_filter(date_from: PartialDate | None, date_to: PartialDate | None):
    """Whoosh filter: the fact's date interval overlaps [start of date_from, end of date_to]."""
    from whoosh.query import NumericRange

    parts = []
    if date_to is not None:
        parts.append(NumericRange("date_start", None, date_to.bounds()[1]))
    if date_from is not None:
        parts.append(NumericRange("date_end", date_from.bounds()[0], None))
    return parts


def _and(*queries):
    from whoosh.query import And

    queries = [q for q in queries if q is not None]
    return queries[0] if len(queries) == 1 else And(queries)


def _kind(kind: str):
    from whoosh.query import Term

    return Term("kind", kind)


def _article_date(payload: dict) -> PartialDate | None:
    return codec.partial_date(payload.get("doc_date"))


def parse_query(handle: Handle, text: str, fields: Iterable[str] = ("title", "body")):
    """Parse Whoosh query syntax; a query the parser rejects is a UsageError."""
    from whoosh.qparser import MultifieldParser

    text = clean_line(text)  # control characters in a query mean nothing and confuse the parser
    if not text.strip():
        raise UsageError("empty query", hint='give words to look for, e.g. sco search "Paris Pact"')
    parser = MultifieldParser(list(fields), handle.ix.schema)
    try:
        return parser.parse(text)
    except Exception as exc:  # the parser's own exceptions carry its complaint
        raise UsageError(f"cannot parse the query: {' '.join(str(exc).split())}",
                         hint='quote phrases with "..."; operators are AND, OR, NOT') from exc


class _MarkerFormatter:
    """A Whoosh highlight formatter that wraps matches in private markers instead of HTML."""

    between = " ... "

    def format(self, fragments, replace=False):
        return self.between.join(self._fragment(f.text, f) for f in fragments)

    def _fragment(self, text, fragment):
        out, pos = [], fragment.startchar
        for token in fragment.matches:
            if token.startchar < pos:
                continue
            out.append(text[pos:token.startchar])
            out.append(_MATCH_OPEN + text[token.startchar:token.endchar] + _MATCH_CLOSE)
            pos = token.endchar
        out.append(text[pos:fragment.endchar])
        return "".join(out)


def _pieces(marked: str) -> Highlighted:
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(marked.split(_MATCH_OPEN)):
        if i == 0:
            plain = chunk
            matched = ""
        else:
            matched, _, plain = chunk.partition(_MATCH_CLOSE)
        if matched:
            pieces.append((matched, True))
        if plain:
            pieces.append((_squash(plain), False))
    return Highlighted(tuple(pieces))


def _squash(text: str) -> str:
    """Runs of whitespace (newlines, no-break spaces) become one space; edges are kept as a space."""
    inner = " ".join(text.split())
    if not inner:
        return " "
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def _snippet(hit, body: str) -> Highlighted:
    """The best passages of `body` with the matched terms marked; the opening when none match."""
    marked = hit.highlights("body", text=body, top=2)
    if not marked:
        first = " ".join(body.split())
        cut = first[:SNIPPET_CHARS]
        return Highlighted(((cut + ("..." if len(first) > SNIPPET_CHARS else ""), False),))
    return _pieces(marked)


def _matches_facts(query) -> bool:
    """Whether a query can match the index's fact documents, not only articles. Only articles
    have a title and a body, so a query made only of words in those needs no "kind:article"
    filter (which costs a pass over every article); a negation ("NOT Norov"), a match-all, a
    range or a term in another field does."""
    from whoosh.query import Every, Not, NullQuery

    def walk(q) -> bool:
        if isinstance(q, (Not, Every)) or q is NullQuery:
            return True
        children = [] if q.is_leaf() else list(q.children())
        if children:
            return any(walk(c) for c in children)
        field = getattr(q, "fieldname", None)
        return field not in ("title", "body")

    return walk(query)


def search(handle: Handle, text: str, *, limit: int | None = 10,
           date_from: PartialDate | None = None, date_to: PartialDate | None = None) -> list[SearchHit]:
    """Ranked full-text search over article titles (boosted) and bodies."""
    from whoosh import highlight

    query = parse_query(handle, text)
    kind = [_kind("article")] if _matches_facts(query) else []
    filters = _and(*_date_filter(date_from, date_to), *kind) if date_from or date_to or kind else None
    hits: list[SearchHit] = []
    with handle.searcher() as searcher:
        results = searcher.search(query, limit=limit, filter=filters, terms=True)
        results.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        results.formatter = _MarkerFormatter()
        for rank, hit in enumerate(results, start=1):
            payload = json.loads(hit["payload"])
            hits.append(SearchHit(
                rank=rank,
                score=round(float(hit.score), 4),
                doc_id=hit["doc_id"],
                title=hit["title"],
                date=_article_date(payload),
                path=payload["path"],
                snippet=_snippet(hit, hit["body"]),
            ))
    return hits


def suggest(handle: Handle, text: str) -> str | None:
    """A corrected query that finds articles when `text` found none, else None."""
    query = parse_query(handle, text)
    with handle.searcher() as searcher:
        try:
            corrected = searcher.correct_query(query, text)
        except Exception:  # Whoosh cannot always re-spell what it parsed; a hint is optional
            return None
        if corrected.string == text:
            return None
        found = searcher.search(corrected.query, limit=1, filter=_kind("article"))
        return corrected.string if found.scored_length() else None


def _summary(fields: dict) -> DocSummary:
    payload = json.loads(fields["payload"])
    return DocSummary(fields["doc_id"], fields["title"], _article_date(payload), payload["path"], payload["words"])


def docs(handle: Handle) -> list[DocSummary]:
    """Every indexed article, ordered by document id."""
    with handle.searcher() as searcher:
        rows = [_summary(f) for f in searcher.documents(kind="article")]
    return sorted(rows, key=lambda d: d.doc_id)


def show(handle: Handle, doc_id: str) -> DocumentView | None:
    """One article with everything extracted from it; None when no article has this id."""
    with handle.searcher() as searcher:
        article = searcher.document(kind="article", doc_id=doc_id)
        if article is None:
            return None
        payload = json.loads(article["payload"])
        facts: dict[str, list] = {kind: [] for kind in ("date", "meeting", "agreement")}
        for fields in searcher.documents(doc_id=doc_id):
            if fields["kind"] in facts:
                facts[fields["kind"]].append((fields["uid"], codec.loads(fields["kind"], fields["payload"])))
    ordered = {k: [obj for _, obj in sorted(v, key=lambda t: _uid_order(t[0]))] for k, v in facts.items()}
    extraction = Extraction(
        doc_date=_article_date(payload),
        dates=tuple(ordered["date"]),
        people=tuple(codec.person(p) for p in payload.get("people", [])),
        organizations=tuple(tuple(o) for o in payload.get("organizations", [])),
        meetings=tuple(ordered["meeting"]),
        agreements=tuple(ordered["agreement"]),
        year_evidence=tuple(codec.year_evidence(e) for e in payload.get("year_evidence", [])),
    )
    return DocumentView(_summary(article), article["body"], extraction)


def _uid_order(uid: str) -> int:
    tail = uid.rsplit("#", 1)[-1]
    digits = "".join(ch for ch in tail if ch.isdigit())
    return int(digits or 0)


def _facts(handle: Handle, kind: str, *, text: str | None = None, date_from=None, date_to=None, extra=()):
    """(stored fields, decoded payload) of every fact of `kind` passing the filters."""
    from whoosh.query import Every

    query = parse_query(handle, text, fields=("sentence",)) if text else Every()
    filters = _and(_kind(kind), *_date_filter(date_from, date_to), *extra)
    with handle.searcher() as searcher:
        results = searcher.search(query, filter=filters, limit=None)
        return [(hit.fields(), codec.loads(kind, hit["payload"])) for hit in results]


def _terms_filter(field: str, value: str | None):
    """Match a folded name or alias in a KEYWORD field ("Norov", "vladimir norov", "UNODC")."""
    from whoosh.query import Term

    from sco_cli.normalize import fold

    if value is None:
        return []
    return [Term(field, fold(value))]


def _sort_key_date(date: PartialDate | None):
    bounds = date.bounds() if date is not None else None
    return (0, bounds[0], bounds[1]) if bounds else (1, 0, 0)


def timeline(handle: Handle, text: str | None = None, *, date_from: PartialDate | None = None,
             date_to: PartialDate | None = None, person: str | None = None, org: str | None = None,
             limit: int | None = None, absolute: bool = False) -> list[TimelineEntry]:
    """Every dated mention in chronological order (year-less dates whose year is unknown last).

    Relative mentions ("on Friday", "last year") come resolved, marked; `absolute` leaves them out.

    `text` filters on the mention's sentence; `person`/`org` keep dates of articles in which that
    person or organisation takes part in a meeting or an agreement.
    """
    docs_filter = None
    if person or org:
        docs_filter = _docs_with(handle, person, org)
    rows = []
    for fields, mention in _facts(handle, "date", text=text, date_from=date_from, date_to=date_to):
        if docs_filter is not None and fields["doc_id"] not in docs_filter:
            continue
        if absolute and mention.relative:
            continue
        rows.append(TimelineEntry(mention.date, mention.span.text, mention.sentence, fields["doc_id"],
                                  fields["headline"], mention.relative, mention.anchor))
    rows.sort(key=lambda e: (_sort_key_date(e.date), e.doc_id))
    return rows[:limit] if limit else rows


def _docs_with(handle: Handle, person: str | None, org: str | None) -> set[str]:
    from whoosh.query import Or

    found: set[str] = set()
    for kind in ("meeting", "agreement"):
        extra = []
        if person:
            extra += _terms_filter("names", person)
        if org:
            extra += [Or(_terms_filter("orgs", org) + _terms_filter("names", org))]
        if kind == "agreement" and person:
            continue
        found.update(f["doc_id"] for f, _ in _facts(handle, kind, extra=extra))
    return found


MEETING_FORMATS = ("in-person", "video", "phone")


def who_met(handle: Handle, name: str | None = None, *, with_: str | None = None, org: str | None = None,
            place: str | None = None, meeting_format: str | None = None,
            date_from: PartialDate | None = None, date_to: PartialDate | None = None,
            limit: int | None = None, include_planned: bool = False) -> list[MeetingRecord]:
    """Meetings in chronological order. `name` and `with_` each match any participant by full
    name, part of it or alias, ignoring case and accents; both given means both took part."""
    from whoosh.query import Or, Term

    from sco_cli.normalize import fold

    extra = _terms_filter("names", name) + _terms_filter("names", with_)
    if org:
        extra.append(Or(_terms_filter("orgs", org) + _terms_filter("names", org)))
    if place:
        extra.append(Term("place", fold(place)))
    if meeting_format:
        if meeting_format not in MEETING_FORMATS:
            raise UsageError(f"unknown meeting format {meeting_format!r}",
                             hint=f"use one of: {', '.join(MEETING_FORMATS)}")
        extra.append(Term("meeting_format", meeting_format))
    rows = []
    for fields, meeting in _facts(handle, "meeting", date_from=date_from, date_to=date_to, extra=extra):
        if meeting.planned and not include_planned:
            continue
        rows.append(MeetingRecord(fields["uid"], meeting, fields["doc_id"], fields["headline"]))
    rows.sort(key=lambda r: (_sort_key_date(r.meeting.date), r.doc_id, _uid_order(r.id)))
    return rows[:limit] if limit else rows


def agreements(handle: Handle, text: str | None = None, *, party: str | None = None, kind: str | None = None,
               date_from: PartialDate | None = None, date_to: PartialDate | None = None,
               limit: int | None = None) -> list[AgreementRecord]:
    """Instruments, one record per instrument with all its mentions, in chronological order."""
    records = read_agreements(handle)  # grouped once, at build time
    if text:
        matched = {f["uid"] for f, _ in _facts(handle, "agreement", text=text)}
        records = [r for r in records if matched.intersection(r.uids)]
    if kind:
        records = [r for r in records if r.agreement.kind == kind]
    if party:
        wanted = _org_names(party)
        records = [r for r in records if any(wanted & _org_names(p) or _contains(p, party)
                                             for p in r.agreement.parties)]
    lo = date_from.bounds()[0] if date_from else None
    hi = date_to.bounds()[1] if date_to else None
    if lo is not None or hi is not None:
        def inside(r):
            b = r.agreement.date.bounds() if r.agreement.date else None
            return b is not None and (lo is None or b[1] >= lo) and (hi is None or b[0] <= hi)
        records = [r for r in records if inside(r)]
    records.sort(key=lambda r: (_sort_key_date(r.agreement.date), r.agreement.title))
    return records[:limit] if limit else records


def _org_names(name: str) -> set[str]:
    """All folded names an organisation goes by: as given, its acronym, its full name."""
    from sco_cli.lexicon import default_lexicon
    from sco_cli.normalize import fold

    lexicon = default_lexicon()
    out = {fold(name)}
    acronym = lexicon.organizations.get(fold(name))
    if acronym:
        out.add(fold(acronym))
    for acr, full in lexicon.acronyms.items():
        if fold(acr) == fold(name):
            out.add(fold(full))
    return out


def _contains(party: str, wanted: str) -> bool:
    """'--party SCO' matches 'SCO Secretariat'; '--party Interpol' matches 'Interpol'."""
    from sco_cli.normalize import fold

    return fold(wanted) in fold(party).split() or (len(fold(wanted)) > 3 and fold(wanted) in fold(party))
