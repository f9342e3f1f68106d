"""Extraction: one module per kind of fact behind the small facade `extract(article)`."""
from __future__ import annotations

from sco_cli.extract.agreements import find_agreements
from sco_cli.extract.dates import find_dates
from sco_cli.extract.meetings import find_meetings
from sco_cli.extract.people import find_people
from sco_cli.extract.text import sentences
from sco_cli.lexicon import Lexicon, default_lexicon
from sco_cli.model import Article, Extraction


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Every fact in one article: dates, people, organisations, meetings and agreements."""
    lexicon = lexicon or default_lexicon()
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
    )


__all__ = ["extract"]
