"""The shared model: frozen dataclasses that every stage passes along.

The library returns these; only the CLI prints them. Dates are `PartialDate`s so that
"March 2019" stays a month and never becomes an invented 1 March.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Span:
    """Where a piece of evidence sits in an article's body: character offsets and the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PartialDate:
    """A calendar date at the precision the text gave it, optionally a range.

    `year` is None for a year-less date ("On 6 March") whose year nothing in the article implies.
    `year_source` says where the year came from: "text" (written with it), "dateline", "article"
    (the year the article's own dates imply), a clue of `YearEvidence` ("weekday", "office",
    "event", "anniversary", "tense") for a dateline without a year, or None.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    end: PartialDate | None = None
    year_source: str | None = "text"

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str | None:
        """ISO 8601 cut to the precision written: 2019, 2019-03 or 2019-03-14 (None without a year)."""
        if self.year is None:
            return None
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def bounds(self) -> tuple[int, int] | None:
        """The first and last day covered, as yyyymmdd integers (None without a year)."""
        if self.year is None:
            return None
        last = self.end if self.end is not None and self.end.year is not None else self
        return _first_day(self), _last_day(last)


def date_order(date: PartialDate | None) -> tuple[int, int, int]:
    """How listings order dates: by first day, then last day; undated (or year-less) last."""
    return bounds_order(date.bounds() if date is not None else None)


def bounds_order(bounds: tuple[int, int] | list[int] | None) -> tuple[int, int, int]:
    """`date_order` of a date given by its bounds (`PartialDate.bounds`)."""
    return (0, bounds[0], bounds[1]) if bounds else (1, 0, 0)


def _first_day(d: PartialDate) -> int:
    return d.year * 10000 + (d.month or 1) * 100 + (d.day or 1)


def _last_day(d: PartialDate) -> int:
    month = d.month or 12
    day = d.day or calendar.monthrange(d.year, month)[1]
    return d.year * 10000 + month * 100 + day


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, its text already sanitised."""

    doc_id: str
    path: str
    headline: str
    body: str
    paragraphs: tuple[Span, ...]
    foreign_lines: tuple[Span, ...] = ()
    content_hash: str = ""

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class DateMention:
    """A date written in an article: the exact text, where it is, its value and its sentence."""

    span: Span
    date: PartialDate
    sentence: str
    relative: bool = False  # "on Friday", "last year": resolved against the article's date
    anchor: str | None = None  # that date (ISO), for a relative mention


@dataclass(frozen=True)
class YearEvidence:
    """One clue to the year of an article whose dateline writes none ("on Thursday", "President
    Dmitry Medvedev", "its tenth anniversary"): the years it admits and how much it counts.

    It admits `first`..`last` (None: open), or only `years` when those are given.
    """

    source: str  # weekday | tense | office | event | anniversary
    first: int | None
    last: int | None
    weight: float
    text: str
    years: tuple[int, ...] = ()

    def admits(self, year: int) -> bool:
        if self.years:
            return year in self.years
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class Person:
    """A participant: a named person (or a role where the text never names one), or a delegation."""

    name: str
    role: str | None = None
    organization: str | None = None
    aliases: tuple[str, ...] = ()  # other ways the text names them: surname, family name
    org_aliases: tuple[str, ...] = ()  # the organisation's names and acronym, for --org


@dataclass(frozen=True)
class Meeting:
    participants: tuple[Person, ...]
    date: PartialDate | None
    place: str | None
    format: str  # in-person | video | phone
    evidence: str
    planned: bool = False


@dataclass(frozen=True)
class Agreement:
    title: str
    kind: str
    parties: tuple[str, ...]
    date: PartialDate | None
    place: str | None
    evidence: str
    reported: bool = False  # True when this article reports the signing or adoption itself


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    doc_date: PartialDate | None = None
    dates: tuple[DateMention, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[tuple[str, str | None], ...] = ()  # (name, acronym)
    meetings: tuple[Meeting, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    year_evidence: tuple[YearEvidence, ...] = ()  # the clues a year-less dateline's year was weighed from


# ---- what queries return ----------------------------------------------------------------


@dataclass(frozen=True)
class Highlighted:
    """A snippet as (text, is_match) pieces, so the renderer styles matches without markup."""

    pieces: tuple[tuple[str, bool], ...]

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass(frozen=True)
class SearchHit:
    rank: int
    score: float
    doc_id: str
    title: str
    date: PartialDate | None
    path: str
    snippet: Highlighted


@dataclass(frozen=True)
class DocSummary:
    doc_id: str
    title: str
    date: PartialDate | None
    path: str
    words: int


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    mention: str
    sentence: str
    doc_id: str
    title: str
    relative: bool = False
    anchor: str | None = None


@dataclass(frozen=True)
class MeetingRecord:
    id: str
    meeting: Meeting
    doc_id: str
    title: str


@dataclass(frozen=True)
class Mention:
    doc_id: str
    evidence: str


@dataclass(frozen=True)
class AgreementRecord:
    id: str
    agreement: Agreement
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    uids: tuple[str, ...] = ()  # the index's agreement facts grouped into this record


@dataclass(frozen=True)
class DocumentView:
    """`sco show`: one article with what was extracted from it."""

    summary: DocSummary
    body: str
    extraction: Extraction


@dataclass(frozen=True)
class IndexStatus:
    location: str
    documents: int
    facts: dict
    size_bytes: int
    built_at: str
    sco_version: str
    schema_version: int
    extraction_version: int
    sources: tuple[str, ...]
