"""Extraction: one module per kind of fact behind the small facade `extract(article)`."""
from __future__ import annotations

from sco_cli.extract.agreements import find_agreements
from sco_cli.extract.dates import find_dates
from sco_cli.extract.meetings import find_meetings
from sco_cli.extract.people import find_people
from sco_cli.extract.text import sentences
from sco_cli.lexicon import Lexicon, default_lexicon
from dataclasses import replace

from sco_cli.model import Article, Extraction, Span


# Facts are read from the first this many characters of an article; search indexes all of it.
# News articles are a few thousand characters; this bounds the work a pathological file can cause.
MAX_EXTRACT_CHARS = 200_000


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Every fact in one article: dates, people, organisations, meetings and agreements."""
    lexicon = lexicon or default_lexicon()
    if len(article.body) > MAX_EXTRACT_CHARS:
        kept = tuple(p for p in article.paragraphs if p.end <= MAX_EXTRACT_CHARS) or (
            Span(0, MAX_EXTRACT_CHARS, article.body[:MAX_EXTRACT_CHARS]),)
        article = replace(article, paragraphs=kept)
    sents = sentences(article)
    dates = find_dates(article, lexicon, sents)
    cast = find_people(article, sents, lexicon)
    meetings = find_meetings(article, sents, cast, dates, lexicon)
    return Extraction(
        doc_date=dates.doc_date,
        dates=dates.mentions,
        people=tuple(cast.people),
        organizations=tuple(sorted((name, acronym) for acronym, name in cast.organizations.items())),
        meetings=tuple(meetings),
        agreements=tuple(find_agreements(article, sents, cast, dates, lexicon)),
        year_evidence=dates.evidence,
    )


__all__ = ["extract"]
