"""Questions asked of the index. Each function returns model objects and never prints.

Every function takes an open `index.Handle` (see `index.ensure_index`).
"""
from __future__ import annotations

import json
from typing import Iterable

from sco_cli import codec
from sco_cli.errors import UsageError
from sco_cli.index import Handle
from sco_cli.model import DocSummary, DocumentView, Extraction, Highlighted, PartialDate, SearchHit

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


def search(handle: Handle, text: str, *, limit: int | None = 10,
           date_from: PartialDate | None = None, date_to: PartialDate | None = None) -> list[SearchHit]:
    """Ranked full-text search over article titles (boosted) and bodies."""
    from whoosh import highlight

    query = parse_query(handle, text)
    filters = _and(_kind("article"), *_date_filter(date_from, date_to))
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
        corrected = searcher.correct_query(query, text)
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


def doc_ids(handle: Handle) -> list[str]:
    return [d.doc_id for d in docs(handle)]


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
    )
    return DocumentView(_summary(article), article["body"], extraction)


def _uid_order(uid: str) -> int:
    tail = uid.rsplit("#", 1)[-1]
    digits = "".join(ch for ch in tail if ch.isdigit())
    return int(digits or 0)
