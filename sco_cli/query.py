"""Questions asked of the index. Each function returns model objects and never prints.

Every function takes an open `index.Handle` (see `index.ensure_index`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from sco_cli import codec
from sco_cli.errors import UsageError
from sco_cli.index import Handle, read_agreement_rows, read_agreements
from sco_cli.index.columns import mention_uid, timeline_entry
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
    bounds_order,
)
from sco_cli.normalize import fold
from sco_cli.safety import clean_line, is_clean_json, loads_clean

SNIPPET_CHARS = 220
# Markers around matched terms in Whoosh's highlight output. Both are control characters, which
# `safety.clean_text` removed from every article at ingest, so they cannot occur in the text.
_MATCH_OPEN, _MATCH_CLOSE = "\x02", "\x03"


def _date_filter(date_from: PartialDate | None, date_to: PartialDate | None):
    """Whoosh filter: the article's date interval overlaps [start of date_from, end of date_to]."""
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
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


def _article_date(payload: dict) -> PartialDate | None:
    return codec.partial_date(payload.get("doc_date"))


# A query is words, not a document: beyond these it is refused (a 100,000-character query would
# otherwise spend minutes in Whoosh's spelling correction).
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 64


def parse_query(text: str, fieldname: str | None = None):
    """Parse Whoosh query syntax over article titles and bodies (or one field, for facts' own
    text); a query the parser rejects is a UsageError. Field names other than `title` and `body`
    are read as words: the index's internal fields are not part of the query language."""
    from whoosh.qparser import MultifieldParser, QueryParser

    from sco_cli.index.schema import SEARCH_FIELDS, search_schema

    text = clean_line(text)  # control characters in a query mean nothing and confuse the parser
    if not text.strip():
        raise UsageError("empty query", hint='give words to look for, e.g. sco search "Paris Pact"')
    if len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_QUERY_WORDS:
        raise UsageError(f"the query is too long ({len(text)} characters, {len(text.split())} words)",
                         hint=f"use at most {MAX_QUERY_WORDS} words and {MAX_QUERY_CHARS} characters")
    if fieldname is None:
        parser = MultifieldParser(list(SEARCH_FIELDS), search_schema())
    else:
        parser = QueryParser(fieldname, _fact_text_schema())
    try:
        return parser.parse(text)
    except Exception as exc:  # the parser's own exceptions carry its complaint
        raise UsageError(f"cannot parse the query: {' '.join(str(exc).split())}",
                         hint='quote phrases with "..."; operators are AND, OR, NOT') from exc


class _MarkerFormatter:
    """A Whoosh highlight formatter that wraps matches in private markers instead of HTML."""

    between = " "  # each passage carries its own "..." where it was cut

    def format(self, fragments, replace=False):
        # two cut passages meet at one "...", not two
        return self.between.join(self._fragment(f.text, f) for f in fragments).replace("... ...", " ... ")

    def _fragment(self, text, fragment):
        """One passage with its matches marked; cut at word boundaries, with "..." where it is
        not the start or the end of the text."""
        start, end = _word_bounds(text, fragment)
        out, pos = ["..." if start > 0 else ""], start
        for token in fragment.matches:
            if token.startchar < pos:
                continue
            out.append(text[pos:token.startchar])
            out.append(_MATCH_OPEN + text[token.startchar:token.endchar] + _MATCH_CLOSE)
            pos = token.endchar
        out.append(text[pos:end])
        out.append("..." if end < len(text.rstrip()) else "")
        return "".join(out)


def _word_bounds(text: str, fragment) -> tuple[int, int]:
    """The fragment's span moved inwards to whole words (never past its first or last match)."""
    start, end = fragment.startchar, fragment.endchar
    first = min((t.startchar for t in fragment.matches), default=start)
    last = max((t.endchar for t in fragment.matches), default=end)
    if start > 0 and not text[start - 1].isspace():
        space = _SPACE.search(text, start, first)
        start = space.end() if space else first
    if end < len(text) and not text[end].isspace():
        spaces = [m.start() for m in _SPACE.finditer(text, last, end)]
        end = spaces[-1] if spaces else last
    return start, end


_SPACE = re.compile(r"\s")  # any space, the no-break spaces of agency copy included


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


def _snippet(body: str, words: frozenset[str], analyzer, fragmenter) -> Highlighted:
    """The best passages of `body` with `words` (stems) marked; the opening when none match. These
    are the steps of Whoosh's own highlighter, given the words here because it would look only at
    the body's matched terms, never at the words of matched pairs (`phrases.body_words`); its step
    merging overlapping tokens is left out, since words never overlap."""
    from whoosh import highlight

    tokens = analyzer(body, positions=True, chars=True, mode="index", removestops=False)
    fragments = fragmenter.fragment_tokens(body, highlight.set_matched_filter(tokens, words))
    best = highlight.top_fragments(fragments, 2, highlight.BasicFragmentScorer(), highlight.FIRST)
    marked = _MarkerFormatter().format(best)
    if not marked:
        first = " ".join(body.split())
        cut = first[:SNIPPET_CHARS]
        return Highlighted(((cut + ("..." if len(first) > SNIPPET_CHARS else ""), False),))
    return _pieces(marked)


def search(handle: Handle, text: str, *, limit: int | None = 10,
           date_from: PartialDate | None = None, date_to: PartialDate | None = None) -> list[SearchHit]:
    """Ranked full-text search over article titles (boosted) and bodies."""
    from whoosh import highlight

    from sco_cli.index.phrases import body_words, with_pairs

    query = with_pairs(parse_query(text))
    filters = _and(*_date_filter(date_from, date_to))
    hits: list[SearchHit] = []
    with handle.searcher() as searcher:
        results = searcher.search(query, limit=limit, filter=filters, terms=True)
        words = body_words(results.matched_terms())
        analyzer = searcher.schema["body"].analyzer
        fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        for rank, hit in enumerate(results, start=1):
            payload = json.loads(hit["payload"])
            hits.append(SearchHit(
                rank=rank,
                score=round(float(hit.score), 4),
                doc_id=hit["doc_id"],
                title=hit["title"],
                date=_article_date(payload),
                path=payload["path"],
                snippet=_snippet(hit["body"], words, analyzer, fragmenter),
            ))
    return hits


def count(handle: Handle, text: str, *, date_from: PartialDate | None = None,
          date_to: PartialDate | None = None) -> int:
    """How many articles `search` would find without a limit."""
    from sco_cli.index.phrases import with_pairs

    query = with_pairs(parse_query(text))
    with handle.searcher() as searcher:
        return len(searcher.search(query, limit=1, filter=_and(*_date_filter(date_from, date_to))))


def suggest(handle: Handle, text: str) -> str | None:
    """A corrected query that finds articles when `text` found none, else None. Whoosh corrects
    against the index's stems ("secretari"); each corrected word is given back as the article
    writes it ("secretary"), and a correction that rewrites most of a short word is no hint."""
    query = parse_query(text)
    with handle.searcher() as searcher:
        try:
            corrected = searcher.correct_query(query, text)
        except Exception:  # Whoosh cannot always re-spell what it parsed; a hint is optional
            return None
        if corrected.string == text:
            return None
        found = searcher.search(corrected.query, limit=1)
        if not found.scored_length():
            return None
        hit = found[0]
        surface = _surface_forms(f"{hit['title']}\n{hit['body']}")
    words = []
    for typed, fixed in zip(text.split(), corrected.string.split()):
        if typed != fixed and not _close(typed.lower().strip('"'), fixed.strip('"')):
            return None
        words.append(fixed if typed == fixed else _respell(typed, fixed, surface))
    return " ".join(words)


def _surface_forms(text: str) -> dict[str, set[str]]:
    """stem -> the words (lowercase) the text writes for it."""
    from sco_cli.index.schema import search_schema

    forms: dict[str, set[str]] = {}
    for token in search_schema()["body"].analyzer(text, chars=True):
        forms.setdefault(token.text, set()).add(text[token.startchar:token.endchar].lower())
    return forms


def _respell(typed: str, fixed: str, surface: dict[str, set[str]]) -> str:
    """The corrected stem `fixed` as the written word nearest to what was typed, in its case."""
    bare_typed, bare = typed.strip('"').lower(), fixed.strip('"')
    word = min(sorted(surface.get(bare, {bare})), key=lambda w: _edits(bare_typed, w))
    if typed.strip('"')[:1].isupper():
        word = word[:1].upper() + word[1:]
    return ('"' if fixed.startswith('"') else "") + word + ('"' if fixed.endswith('"') and len(fixed) > 1 else "")


def _close(typed: str, fixed: str) -> bool:
    """Whether `fixed` is a plausible correction of `typed`: at most a third of the typed word's
    letters changed (one edit for words up to five letters)."""
    return _edits(typed, fixed) <= max(1, len(typed) // 3)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def _summary(fields: dict) -> DocSummary:
    payload = json.loads(fields["payload"])
    return DocSummary(fields["doc_id"], fields["title"], _article_date(payload), payload["path"], payload["words"])


def docs(handle: Handle) -> list[DocSummary]:
    """Every indexed article, ordered by document id."""
    with handle.searcher() as searcher:
        rows = [_summary(f) for f in searcher.all_stored_fields()]
    return sorted(rows, key=lambda d: d.doc_id)


def _decoded(text: str | None, kind: str) -> tuple:
    """An article's facts of one kind ("date", "meeting", "agreement") from their JSON list, in text order."""
    load = codec.LOADERS[kind]
    return tuple(load(item) for item in json.loads(text or "[]"))


def resolve_doc_id(handle: Handle, given: str) -> str | None:
    """The article id `given` names: itself, or the one id it is the start of ("001" for
    "001_95c8ddcf366ad626"); None when none is; a UsageError naming them when several are."""
    from sco_cli.paths import complete_from

    with handle.searcher() as searcher:
        if searcher.document_number(doc_id=given) is not None:
            return given
    found = [d for d in complete_from(handle.base, "documents", given) if d.startswith(given)]
    if len(found) > 1:
        shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
        raise UsageError(f"{given!r} is the start of {len(found)} article ids: {shown}",
                         hint="give more of the id")
    return found[0] if found else None


def show(handle: Handle, doc_id: str) -> DocumentView | None:
    """One article with everything extracted from it; None when no article has this id (or
    unique start of one, see `resolve_doc_id`)."""
    doc_id = resolve_doc_id(handle, doc_id)
    if doc_id is None:
        return None
    with handle.searcher() as searcher:
        docnum = searcher.document_number(doc_id=doc_id)
        article = None if docnum is None else searcher.stored_fields(docnum)
    if article is None:
        return None
    meetings, agreements = (next(handle.column_values(kind, [docnum])) for kind in ("meetings", "agreements"))
    payload = json.loads(article["payload"])
    extraction = Extraction(
        doc_date=_article_date(payload),
        dates=_decoded(article.get("dates"), "date"),
        people=tuple(codec.person(p) for p in payload.get("people", [])),
        organizations=tuple(tuple(o) for o in payload.get("organizations", [])),
        meetings=_decoded(meetings, "meeting"),
        agreements=_decoded(agreements, "agreement"),
        year_evidence=tuple(codec.year_evidence(e) for e in payload.get("year_evidence", [])),
    )
    return DocumentView(_summary(article), article["body"], extraction)


def _docnums(handle: Handle, conditions: list) -> list[int]:
    """The Whoosh document numbers of the articles matching all `conditions` (Whoosh queries),
    found through their posting lists: the cost follows the answer, not the index."""
    with handle.searcher() as searcher:
        return list(searcher.docs_for_query(_and(*conditions)))


def _doc_ids(handle: Handle, conditions: list) -> set[str]:
    return {doc_id for doc_id, _ in _headings(handle, _docnums(handle, conditions))}


def _headings(handle: Handle, docnums: list[int]) -> list[list[str]]:
    """[doc_id, title] of each article, clean."""
    return _column_json(handle, "heading", docnums)


def _column_json(handle: Handle, fieldname: str, docnums: list[int]) -> list:
    """The decoded JSON value of a column field for each article, every string clean: one JSON
    array decoded and proven clean at once (a value per article would cost a call each)."""
    values = [text or "[]" for text in handle.column_values(fieldname, docnums)]
    return loads_clean("[" + ",".join(values) + "]")


def _with_facts(handle: Handle, conditions: list, kind: str) -> Iterator[tuple[str, str, tuple]]:
    """(doc_id, title, its facts of `kind`) of every article matching all `conditions`, read from
    the columns of the article's heading and facts (never its stored body); every string clean."""
    docnums = _docnums(handle, conditions)
    load = codec.LOADERS[kind]
    for (doc_id, title), items in zip(_headings(handle, docnums), _column_json(handle, kind + "s", docnums)):
        yield doc_id, title, tuple(load(item) for item in items)


def _term(field: str, value: str):
    from whoosh.query import Term

    return Term(field, fold(value))


class _FactText:
    """Whether a fact's own text (a date's sentence, an agreement's title and sentence) matches a
    query. The candidates' texts are indexed in memory and the query run there, with the analyzer
    of article bodies; the candidates are the articles whose title or body match it, which holds
    every match unless the query has a NOT."""

    def __init__(self, text: str):
        self.query = parse_query(text, "text")
        self.articles_query = parse_query(text)

    def article_condition(self):
        """A query the articles holding a match all pass; None when a NOT or a match-all makes
        that impossible to narrow."""
        from whoosh.query import Every, Not

        def negative(q) -> bool:
            return isinstance(q, (Not, Every)) or (not q.is_leaf() and any(negative(c) for c in q.children()))

        return None if negative(self.query) else self.articles_query

    def matching(self, texts: Iterable[tuple[str, str]]) -> set[str]:
        """The keys of the (key, text) pairs whose text matches."""
        from whoosh.filedb.filestore import RamStorage

        ix = RamStorage().create_index(_fact_text_schema())
        with ix.writer() as writer:
            for key, text in texts:
                writer.add_document(key=key, text=text)
        with ix.searcher() as searcher:
            return {searcher.stored_fields(n)["key"] for n in searcher.docs_for_query(self.query)}


def _fact_text_schema():
    """A fact's text analysed exactly as article bodies are (the body field of the one schema)."""
    from whoosh import fields

    from sco_cli.index.schema import search_schema

    return fields.Schema(key=fields.ID(stored=True), text=search_schema()["body"])


def _org_condition(org: str):
    from whoosh.query import Or

    return Or([_term("orgs", org), _term("names", org)])


def timeline(handle: Handle, text: str | None = None, *, date_from: PartialDate | None = None,
             date_to: PartialDate | None = None, person: str | None = None, org: str | None = None,
             limit: int | None = None, absolute: bool = False) -> list[TimelineEntry]:
    """Every dated mention in chronological order (year-less dates whose year is unknown last).

    Relative mentions ("on Friday", "last year") come resolved, marked; `absolute` leaves them out.

    `text` filters on the mention's sentence; `person`/`org` keep dates of articles in which that
    person or organisation takes part in a meeting or an agreement.
    """
    picked = _TimelinePick(handle, text, person, org, absolute, decode=True)
    return [entry for entry, _ in picked.rows(date_from, date_to, limit)]


def timeline_lines(handle: Handle, text: str | None = None, *, date_from: PartialDate | None = None,
                   date_to: PartialDate | None = None, person: str | None = None, org: str | None = None,
                   limit: int | None = None, absolute: bool = False) -> list[str] | None:
    """What `timeline` finds, as the rows encoded at build time (`jsonrows.encode`), decoding a
    row's fields only when a condition needs them; None when the rows are not proven clean
    (`safety.is_clean_json`: then use `timeline`, which reads the fields cleaned)."""
    picked = _TimelinePick(handle, text, person, org, absolute, decode=False)
    lines = [printed for _, printed in picked.rows(date_from, date_to, limit)]
    return lines if is_clean_json("\n".join(lines)) else None


class _TimelinePick:
    """The conditions of `timeline`, and the rows of the date column that pass them."""

    def __init__(self, handle: Handle, text: str | None, person: str | None, org: str | None,
                 absolute: bool, *, decode: bool):
        self.handle = handle
        self.absolute = absolute
        self.docs = None  # the articles a condition allows, or None for all
        if person or org:
            conditions = [_term("names", person)] if person else []
            conditions += [_org_condition(org)] if org else []
            self.docs = _doc_ids(handle, conditions)
        self.matcher = _FactText(text) if text else None
        narrowing = self.matcher.article_condition() if self.matcher else None
        if narrowing is not None:
            candidates = _doc_ids(handle, [_term("facts", "date"), narrowing])
            self.docs = candidates if self.docs is None else self.docs & candidates
        self.decode = decode or absolute or self.docs is not None or self.matcher is not None

    def rows(self, date_from: PartialDate | None, date_to: PartialDate | None,
             limit: int | None) -> list[tuple[TimelineEntry | None, str]]:
        """(the row's entry, when decoded, else None; the row as printed) of every row passing,
        in timeline order."""
        lo = date_from.bounds()[0] if date_from else None
        hi = date_to.bounds()[1] if date_to else None
        column = self.handle.timeline()
        picked: list[tuple[str | None, TimelineEntry | None, str]] = []
        for fields, printed in column.row_texts(column.row_numbers(lo, hi)):
            row = loads_clean(fields) if self.decode else None
            uid, entry = (mention_uid(row), timeline_entry(row)) if row is not None else (None, None)
            if entry is None or self._passes(entry):
                picked.append((uid, entry, printed))
            if limit and self.matcher is None and len(picked) >= limit:
                break
        if self.matcher:
            keep = self.matcher.matching((uid, entry.sentence) for uid, entry, _ in picked)
            picked = [item for item in picked if item[0] in keep]
        kept = [(entry, printed) for _, entry, printed in picked]
        return kept[:limit] if limit else kept

    def _passes(self, entry: TimelineEntry) -> bool:
        return (self.docs is None or entry.doc_id in self.docs) and not (self.absolute and entry.relative)


MEETING_FORMATS = ("in-person", "video", "phone")


@dataclass(frozen=True)
class _MeetingFilter:
    """The conditions of `who_met`: as Whoosh queries to find the articles, then per meeting."""

    name: str | None = None
    with_: str | None = None
    org: str | None = None
    place: str | None = None
    meeting_format: str | None = None
    lo: int | None = None
    hi: int | None = None
    include_planned: bool = False

    @classmethod
    def of(cls, name, with_, org, place, meeting_format, date_from, date_to, include_planned) -> _MeetingFilter:
        if meeting_format and meeting_format not in MEETING_FORMATS:
            raise UsageError(f"unknown meeting format {meeting_format!r}",
                             hint=f"use one of: {', '.join(MEETING_FORMATS)}")
        return cls(name, with_, org, place, meeting_format, date_from.bounds()[0] if date_from else None,
                   date_to.bounds()[1] if date_to else None, include_planned)

    def article_conditions(self) -> list:
        conditions = [_term("names", n) for n in (self.name, self.with_) if n]
        if self.meeting_format:
            conditions.append(_term("meeting_format", self.meeting_format))
        if not conditions:  # names and formats are only ever a meeting's; organisations and places not
            conditions.append(_term("facts", "meeting"))
        if self.org:
            conditions.append(_org_condition(self.org))
        if self.place:
            conditions.append(_term("place", self.place))
        return conditions

    def passes(self, key: list) -> bool:
        """Whether a meeting passes, told by its key (`index.schema.meeting_keys`)."""
        planned, terms, orgs, place, meeting_format, bounds = key
        if planned and not self.include_planned:
            return False
        if any(n and fold(n) not in terms for n in (self.name, self.with_)):
            return False
        if self.org and fold(self.org) not in terms and fold(self.org) not in orgs:
            return False
        if self.place and place != fold(self.place):
            return False
        if self.meeting_format and meeting_format != self.meeting_format:
            return False
        return _bounds_overlap(bounds, self.lo, self.hi)


def _overlaps(date: PartialDate | None, lo: int | None, hi: int | None) -> bool:
    return _bounds_overlap(date.bounds() if date is not None else None, lo, hi)


def _bounds_overlap(bounds, lo: int | None, hi: int | None) -> bool:
    if lo is None and hi is None:
        return True
    return bounds is not None and (lo is None or bounds[1] >= lo) and (hi is None or bounds[0] <= hi)


def who_met(handle: Handle, name: str | None = None, *, with_: str | None = None, org: str | None = None,
            place: str | None = None, meeting_format: str | None = None,
            date_from: PartialDate | None = None, date_to: PartialDate | None = None,
            limit: int | None = None, include_planned: bool = False) -> list[MeetingRecord]:
    """Meetings in chronological order. `name` and `with_` each match any participant by full
    name, part of it or alias, ignoring case and accents; both given means both took part."""
    found, docnums = _meetings_found(handle, _MeetingFilter.of(name, with_, org, place, meeting_format,
                                                               date_from, date_to, include_planned), limit)
    meetings = dict(zip(docnums, _column_json(handle, "meetings", docnums)))
    return [MeetingRecord(f"{m.doc_id}#meeting{m.n}", codec.meeting(meetings[m.docnum][m.n]), m.doc_id, m.title)
            for m in found]


def who_met_lines(handle: Handle, name: str | None = None, *, with_: str | None = None, org: str | None = None,
                  place: str | None = None, meeting_format: str | None = None,
                  date_from: PartialDate | None = None, date_to: PartialDate | None = None,
                  limit: int | None = None, include_planned: bool = False) -> list[str] | None:
    """What `who_met` finds, as the rows encoded at build time (`jsonrows.encode`), without building
    the meetings' objects; None when a row is not proven clean (`safety.is_clean_json`: then use
    `who_met`, which reads the meetings cleaned)."""
    found, docnums = _meetings_found(handle, _MeetingFilter.of(name, with_, org, place, meeting_format,
                                                               date_from, date_to, include_planned), limit)
    rows = {docnum: text.split("\n") for docnum, text in zip(docnums, handle.column_values("meeting_rows", docnums))}
    lines = [rows[m.docnum][m.n] for m in found]
    return lines if all(is_clean_json(line) for line in lines) else None


@dataclass(frozen=True)
class _Found:
    """A meeting who-met lists: where it is."""

    docnum: int
    n: int  # its place among its article's meetings
    doc_id: str
    title: str


def _meetings_found(handle: Handle, wanted: _MeetingFilter, limit: int | None) -> tuple[list[_Found], list[int]]:
    """The meetings passing, in listing order (date, article, place in it), cut to `limit`; and
    the documents they are in, ascending."""
    docnums = _docnums(handle, wanted.article_conditions())
    found = []
    for docnum, (doc_id, title), keys in zip(docnums, _headings(handle, docnums),
                                             _column_json(handle, "meeting_keys", docnums)):
        for n, key in enumerate(keys):
            if wanted.passes(key):
                found.append((bounds_order(key[5]), doc_id, n, _Found(docnum, n, doc_id, title)))
    found.sort(key=lambda f: f[:3])
    kept = [f for _, _, _, f in found][:limit or None]
    return kept, sorted({m.docnum for m in kept})


def agreements(handle: Handle, text: str | None = None, *, party: str | None = None, kind: str | None = None,
               date_from: PartialDate | None = None, date_to: PartialDate | None = None,
               limit: int | None = None) -> list[AgreementRecord]:
    """Instruments, one record per instrument with all its mentions, in chronological order (the
    order they were stored in at build time)."""
    records = read_agreements(handle)  # grouped once, at build time
    if text:
        matched = _agreements_matching(handle, _FactText(text))
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
        records = [r for r in records if _overlaps(r.agreement.date, lo, hi)]
    return records[:limit] if limit else records  # stored in order (instruments.in_order)


def agreement_lines(handle: Handle) -> list[str] | None:
    """What `agreements(handle)` finds, as its rows encoded at build time (`jsonrows.encode`),
    clean; None when they cannot be proven clean (then use `agreements`)."""
    return read_agreement_rows(handle)


def _agreements_matching(handle: Handle, matcher: _FactText) -> set[str]:
    """The uids of agreement mentions whose title or sentence matches."""
    from sco_cli import instruments

    conditions = [_term("facts", "agreement"), matcher.article_condition()]
    texts = []
    for doc_id, _, found in _with_facts(handle, conditions, "agreement"):
        for n, agreement in enumerate(found):
            texts.append((instruments.mention_uid(doc_id, n), f"{agreement.title}\n{agreement.evidence}"))
    return matcher.matching(texts)


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
