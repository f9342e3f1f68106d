"""Dates: the calendar dates an article mentions, at the precision written.

Public functions:

- `find_dates(article)` -> `ArticleDates`: every mention (exact text, offsets, sentence, value)
  with year-less dates given the year the article implies, and the article's main date;

Candidate spans come from the named regexes below; each span is then parsed on its own by
python-dateutil (`default=` an anchor, a `parserinfo` that knows the month spellings of
`data/months.txt`). Never a whole sentence: dateutil's fuzzy mode merges unrelated numbers.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from dateutil import parser as du_parser

from sco_cli.extract.anchor import weigh, year_evidence
from sco_cli.extract.context import (LEAD_WEEKDAY, WEEKDAYS, frame, is_future, main_date, shift_days, tense,
                                     weekday_on_or_before)
from sco_cli.extract.relative import find_relative
from sco_cli.extract.text import PatternSet, Sentence, sentences
from sco_cli.lexicon import Lexicon, default_lexicon
from sco_cli.model import Article, DateMention, PartialDate, Span, YearEvidence


# ---- building blocks ---------------------------------------------------------------------------

_MON = r"(?P<m>[A-Z][a-z]{2,9}\.?)"  # a capitalised word; checked against the month lexicon later
_MON2 = r"(?P<m2>[A-Z][a-z]{2,9}\.?)"
_DAY = r"(?<![/.,\d-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"  # not the tail of "71/14" or "1.5"
_DAY2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)"
_DASH = r"\s*(?:-|\u2013|\u2014|to|until|till|through)\s*"  # between the two ends of a range
_NO_YEAR_AFTER = r"(?!,?\s*(?:1[5-9]|20)\d\d)(?!\d)"  # "6 March" but not the start of "6 March 2019"

# ---- candidate patterns, most specific first ------------------------------------------------------

# 2019-03-14
_ISO_DAY = re.compile(r"\b(?P<y>(?:1[5-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")
# 26 November - 2 December 2019
_DMY_CROSS_RANGE = re.compile(rf"\b{_DAY}\s+{_MON}{_DASH}{_DAY2}\s+{_MON2},?\s+{_YEAR}\b")
# November 26 - December 2, 2019
_MDY_CROSS_RANGE = re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_MON2}\s+{_DAY2},?\s+{_YEAR}\b")
# 13-15 November 2018, 24 to 26 April 2024, the 3rd-4th of July 2024
_DMY_RANGE = re.compile(rf"\b{_DAY}{_DASH}{_DAY2}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")
# November 7-8, 2023
_MDY_RANGE = re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_DAY2},?\s+{_YEAR}\b")
# 14 March 2019, 28 September, 2019, 14th of March 2019
_DMY = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b")
# March 14, 2019
_MDY = re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")
# 26 November - 2 December, August 31 - September 1 (no year)
_DM_CROSS_RANGE = re.compile(rf"\b{_DAY}\s+{_MON}{_DASH}{_DAY2}\s+{_MON2}(?![a-z]){_NO_YEAR_AFTER}")
_MD_CROSS_RANGE = re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_MON2}\s+{_DAY2}\b{_NO_YEAR_AFTER}")
# May 2023 to May 2024, January 2019 - March 2020
_MY_RANGE = re.compile(rf"\b{_MON},?\s+{_YEAR}{_DASH}{_MON2},?\s+(?P<y2>(?:1[5-9]|20)\d\d)\b")
# 8-9 June, 7 to 10 June, the 3rd-4th of July (no year)
_DM_RANGE = re.compile(rf"\b{_DAY}{_DASH}{_DAY2}\s+(?:of\s+)?{_MON}{_NO_YEAR_AFTER}")
# June 13-14, June 18 to 21, September 11-12 (no year)
_MD_RANGE = re.compile(rf"\b{_MON}\s+{_DAY}{_DASH}{_DAY2}\b{_NO_YEAR_AFTER}")
# 6 March, On 6 March (no year)
_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?![a-z]){_NO_YEAR_AFTER}")
# May 22, Sept. 16 (no year)
_MD = re.compile(rf"\b{_MON}\s+{_DAY}\b(?![.,]?\d)(?!\s*(?:-|\u2013|to)\s*\d){_NO_YEAR_AFTER}")
# June of this year, July last year
_MONTH_RELATIVE = re.compile(
    rf"\b{_MON}\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same|the\s+previous|the\s+following)\s+year\b")
# January-July 2019, March to May 2020: months of one year
_MONTH_RANGE = re.compile(rf"\b{_MON}\s*(?:-|\u2013|\u2014|to|through)\s*{_MON2},?\s+{_YEAR}\b")
# May 2003, June of 2011
_MY = re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}\b")
# early February, mid-July, late May (the qualifier belongs to the mention)
_QUALIFIED_MONTH = re.compile(rf"\b(?:early|mid|late|end\s+of|beginning\s+of)[\s-]+{_MON}(?![a-z])(?!\s*\d)")
# mid-2023, early 2019
_QUALIFIED_YEAR = re.compile(rf"\b(?:early|mid|late)[\s-]+{_YEAR}\b")
# 2018-2019, 2018 to 2028, 2023-27
_YEAR_RANGE = re.compile(rf"\b{_YEAR}\s*(?:-|\u2013|\u2014|to)\s*(?P<y2>(?:1[5-9]|20)\d\d|\d\d)\b(?![-/]\d)")
# the second of two months: "in February and March" (the first is a bare month of its own)
_SECOND_MONTH = re.compile(rf"\b(?P<m0>[A-Z][a-z]{{2,9}})\s+(?:and|or)\s+{_MON}(?![a-z])(?!\s*\d)")
# a month on its own after a preposition: "in June", "since May", "from July", "planned for April"
_BARE_MONTH = re.compile(
    rf"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Ff]or|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hrough|[Ll]ast|[Nn]ext|[Tt]his|"
    rf"[Ee]arly|[Ll]ate|[Bb]efore|[Aa]fter)\s+{_MON}(?![a-z])(?!\s*\d)")
# 1997, 2014 on its own
_BARE_YEAR = re.compile(rf"(?<![\w/.-]){_YEAR}(?![\w/]|[.,]\d|-\d)")

_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("iso", _ISO_DAY),
    ("dmy_cross", _DMY_CROSS_RANGE),
    ("mdy_cross", _MDY_CROSS_RANGE),
    ("my_range", _MY_RANGE),
    ("dm_cross", _DM_CROSS_RANGE),
    ("md_cross", _MD_CROSS_RANGE),
    ("dmy_range", _DMY_RANGE),
    ("mdy_range", _MDY_RANGE),
    ("dmy", _DMY),
    ("mdy", _MDY),
    ("dm_range", _DM_RANGE),
    ("md_range", _MD_RANGE),
    ("month_relative", _MONTH_RELATIVE),
    ("month_range", _MONTH_RANGE),
    ("my", _MY),
    ("qualified_month", _QUALIFIED_MONTH),
    ("qualified_year", _QUALIFIED_YEAR),
    ("year_range", _YEAR_RANGE),
    ("dm", _DM),
    ("md", _MD),
    ("bare_month", _BARE_MONTH),
    ("second_month", _SECOND_MONTH),
    ("bare_year", _BARE_YEAR),
)

# Words that may stand right before a bare year and still leave it a date ("In 2014", "Since 2004").
_YEAR_LEAD_WORDS = frozenset(
    "in since from until till by during through of as between after before around early mid late a for "
    "and or to the this that last next end beginning spring summer autumn fall winter".split()
)
# "the 2030 Agenda for ...": a year, then capitalised words naming a programme, is part of a name;
# "the 2000 Olympics" and "the 1994 Freedom of Access Act" are dated events and laws;
# "the 2017 Astana summit" (a lowercase noun follows) is a date.
_NAME_AFTER_YEAR = re.compile(r"^\s+(?:[A-Z][\w'-]*\s+)*?(?:Agenda|Strategy|Programme|Program|Plan|Concept|Vision|"
                              r"Roadmap|Goals|Mission)\b")
# "... Strategy of the SCO until 2025", "Programme 2021-2025": a year that ends a document title.
_TITLE_BEFORE_YEAR = re.compile(
    r"\b(?:Strategy|Programme|Program|Plan|Concept|Agenda|Vision|Roadmap|Mission|Games|Expo|EXPO)\b"
    r"[\w\s,'-]{0,60}?(?:\buntil|\btill|\bfor|\bto)?\s*$"
)
# A year-less date more than this many months after the article's anchor is read as the year before.
_PAST_WINDOW_MONTHS = 6


# ---- month names ---------------------------------------------------------------------------------


class _MonthInfo(du_parser.parserinfo):
    """dateutil's parserinfo with the month spellings of data/months.txt (misspellings included)."""

    def __init__(self, lexicon: Lexicon):
        by_month: dict[int, list[str]] = {}
        for spelling, number in lexicon.month_spellings.items():
            by_month.setdefault(number, []).append(spelling)
        self.MONTHS = [tuple(sorted(by_month.get(n, []), key=len, reverse=True)) for n in range(1, 13)]
        super().__init__(dayfirst=True)


@lru_cache(maxsize=4)
def _parserinfo(lexicon: Lexicon) -> _MonthInfo:
    return _MonthInfo(lexicon)


@lru_cache(maxsize=4096)
def _fuzzy_month(word: str, names: tuple[str, ...]) -> int | None:
    """A misspelt month ("Janury", "Ocotber"): one close match among the full month names."""
    if len(word) < 5:
        return None
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.83)
    if not close or close[0][0] != word[0]:
        return None
    return names.index(close[0]) + 1


_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")


def month_number(word: str, lexicon: Lexicon, *, fuzzy: bool = True) -> int | None:
    key = word.lower().rstrip(".")
    number = lexicon.month_spellings.get(key)
    if number is None and fuzzy:
        number = _fuzzy_month(key, _FULL_MONTHS)
    return number


@lru_cache(maxsize=8192)  # news repeats its dates ("14 March 2019"), and dateutil is the costly part
def _parse_span(text: str, lexicon: Lexicon) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of one date span, each None when the text does not give it.

    Parses twice with two different defaults: fields that agree came from the text.
    """
    info = _parserinfo(lexicon)
    a = du_parser.parse(text, parserinfo=info, default=datetime(1904, 1, 1))
    b = du_parser.parse(text, parserinfo=info, default=datetime(1908, 2, 2))
    return (a.year if a.year == b.year else None,
            a.month if a.month == b.month else None,
            a.day if a.day == b.day else None)


# ---- candidates --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    date: PartialDate
    relative: int | None = None  # years from the anchor year for "this/last/next year"
    direction: str | None = None  # "last", "next" or "this" before a month: "last June"


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        datetime(year or 2000, month or 1, day or 1)
    except ValueError:
        return False
    return True


# A number that follows these words is a document's number: "resolution 1267", "resolutions 1970 and".
_NUMBERED_BEFORE = re.compile(r"\b(?:[Rr]esolutions?|No\.?|Nos\.?|[Nn]umbers?|[Dd]ecisions?)\s+(?:\d{4}\s*(?:,|and|or)\s*)*$")


def _bare_year_is_date(text: str, start: int, end: int, period: bool = False) -> bool:
    """A year (or, with `period`, a span of years) is a date unless it is part of a name, a code or
    a count. A period after "for" is one in running text ("the Strategy for 2011-2016")."""
    before = text[max(0, start - 80):start]
    after = text[end:end + 60]
    words = re.findall(r"[\w'-]+", before)
    prev = words[-1] if words else ""
    if before.endswith(("-", "/", "#", "\u2116")) or after.startswith(("/", "%")):
        return False
    if _NUMBERED_BEFORE.search(before):
        return False  # "resolutions 1970 and 1973", "No. 2001": numbers, not years
    possessive = prev.endswith(("'s", "\u2019s")) or before.rstrip().endswith(("'", "\u2019"))
    if prev and prev[0].isupper() and not possessive and prev.lower() not in _YEAR_LEAD_WORDS and month_number(prev, default_lexicon(), fuzzy=False) is None:
        return False  # "Peace Mission 2021", "Vision 2030"
    if prev.lower() == "the" and _NAME_AFTER_YEAR.match(after):
        return False  # "the 2030 Agenda"
    if _TITLE_BEFORE_YEAR.search(before) and prev.lower() in (("until", "till") if period else
                                                               ("until", "till", "for", "to")):
        return False  # "the Development Strategy of the SCO until 2025"
    return True


def _candidate(kind: str, m: re.Match, text: str, lexicon: Lexicon) -> _Candidate | None:
    """The date one pattern's match stands for, or None when the match is no date after all."""
    span = _mention_span(kind, m, lexicon)
    months = _months(kind, m, lexicon)
    if span is None or months is None:
        return None
    start, end, direction = span
    year = int(m.group("y")) if m.groupdict().get("y") else None
    if kind in _YEAR_KINDS:
        date = _YEAR_KINDS[kind](m, text, start, end, year, months)
        return _Candidate(start, end, kind, date) if date is not None else None
    date = _day_month(kind, m, year, months, lexicon)
    if date is None:
        return None
    relative = _YEAR_SHIFT[m.group("rel").split()[-1]] if kind == "month_relative" else None
    return _Candidate(start, end, kind, date, relative, direction)


def _mention_span(kind: str, m: re.Match, lexicon: Lexicon) -> tuple[int, int, str | None] | None:
    """(start, end, "last"/"next"/"this" or None) of the mention a match makes."""
    g = m.groupdict()
    start, end, direction = m.start(), m.end(), None
    if kind in ("bare_month", "second_month"):
        start = m.start("m")
        lead_word = m.group(0)[:start - m.start()].strip().lower()
        if kind == "bare_month" and lead_word in ("last", "next", "this"):
            start, direction = m.start(), lead_word  # "last June" is one mention
    if kind == "second_month" and month_number(g["m0"], lexicon, fuzzy=False) is None:
        return None
    if g.get("m") and g["m"].endswith(".") and m.end("m") == end and g["m"][:-1].lower() in _FULL_MONTHS:
        end -= 1  # "in early February." ends the sentence; the full stop is not an abbreviation's
    return start, end, direction


def _months(kind: str, m: re.Match, lexicon: Lexicon) -> list[int] | None:
    """The month numbers a match names, in order; None when a month word is no month."""
    g = m.groupdict()
    months = []
    for key in ("m", "m2"):
        if g.get(key):
            # a lone capitalised word must spell a month exactly; next to numbers, misspellings pass
            number = month_number(g[key], lexicon, fuzzy=kind not in ("bare_month", "qualified_month",
                                                                      "month_relative"))
            if number is None:
                return None
            months.append(number)
    if kind in ("bare_month", "second_month") and g["m"].rstrip(".").lower() != _FULL_MONTHS[months[0] - 1]:
        return None  # "in Jan" is too rare to risk; "in May" and "in June" are months
    return months


# ---- one parser per kind of year or month span -----------------------------------------------


def _iso(m, text, start, end, year, months) -> PartialDate | None:
    month, day = int(m.group("mo")), int(m.group("d"))
    return PartialDate(year, month, day) if _valid(year, month, day) else None


def _month_range(m, text, start, end, year, months) -> PartialDate | None:
    return PartialDate(year, months[0], None, PartialDate(year, months[1])) if months[0] < months[1] else None


def _month_year_range(m, text, start, end, year, months) -> PartialDate | None:
    end_year = int(m.group("y2"))
    if not (year, months[0]) < (end_year, months[1]) or end_year > year + 30:
        return None
    return PartialDate(year, months[0], None, PartialDate(end_year, months[1]))


def _year_range(m, text, start, end, year, months) -> PartialDate | None:
    y2 = m.group("y2")
    end_year = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)
    if not year < end_year <= year + 30 or not _bare_year_is_date(text, start, end, period=True):
        return None
    return PartialDate(year, end=PartialDate(end_year))


def _bare_year(m, text, start, end, year, months) -> PartialDate | None:
    return PartialDate(year) if _bare_year_is_date(text, start, end) else None


def _qualified_year(m, text, start, end, year, months) -> PartialDate | None:
    return PartialDate(year)


_YEAR_KINDS = {"iso": _iso, "month_range": _month_range, "my_range": _month_year_range,
               "year_range": _year_range, "bare_year": _bare_year, "qualified_year": _qualified_year}
# "July last year": years from the anchor's year
_YEAR_SHIFT = {"this": 0, "same": 0, "last": -1, "previous": -1, "next": 1, "following": 1}
# Kinds whose span dateutil reads itself (ordinals, commas, "of")
_DATEUTIL_KINDS = frozenset({"dmy", "mdy", "my", "dm", "md"})


def _day_month(kind: str, m: re.Match, year: int | None, months: list[int], lexicon: Lexicon) -> PartialDate | None:
    """A day, a month or a range of days, with its year when written."""
    g = m.groupdict()
    day = int(g["d"]) if g.get("d") else None
    day2 = int(g["d2"]) if g.get("d2") else None
    month = months[0] if months else None
    month2 = months[1] if len(months) > 1 else month
    if kind in _DATEUTIL_KINDS:
        # a misspelling the lexicon does not list yet is replaced by the month it was matched to
        span = m.group(0)
        if lexicon.month_spellings.get(g["m"].lower().rstrip(".")) is None:
            span = span.replace(g["m"], _FULL_MONTHS[month - 1].title())
        try:
            year, parsed_month, day = _parse_span(span, lexicon)
        except (ValueError, OverflowError):
            return None
        if parsed_month != month:
            return None
    if not _valid(year, month, day) or (day2 is not None and not _valid(year, month2, day2)):
        return None
    source = "text" if year is not None else None
    end_date = None
    if day2 is not None:
        if (month2, day2) <= (month, day):
            return None  # "30-1 June" is not a range
        end_date = PartialDate(year, month2, day2, year_source=source)
    return PartialDate(year, month, day, end_date, source)


_DIGIT = re.compile(r"\d")
# Patterns that can match without a digit ("in June", "early February", "July last year").
_WORD_ONLY_KINDS = frozenset({"month_relative", "qualified_month", "bare_month", "second_month"})


@lru_cache(maxsize=4)
def _month_word(lexicon: Lexicon) -> re.Pattern:
    """Any month written out: the cheap test that tells a sentence without digits may hold a date."""
    names = sorted({w.title() for w in lexicon.month_spellings}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")


# The patterns in one scan each (`PatternSet`): all of them, and those that need no digit. Every
# date starts with a digit or a letter (a day, a year, a month, a qualifier, a preposition).
_ALL_PATTERNS = PatternSet([pattern for _, pattern in _PATTERNS], first=r"[\dA-Za-z]")
_WORD_ONLY_PATTERNS = PatternSet([pattern for kind, pattern in _PATTERNS if kind in _WORD_ONLY_KINDS],
                                 first=r"[\dA-Za-z]")


def _candidates(text: str, lexicon: Lexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and not _month_word(lexicon).search(text):
        return found  # most sentences: no date at all
    kinds = [kind for kind, _ in _PATTERNS if has_digit or kind in _WORD_ONLY_KINDS]
    matches = (_ALL_PATTERNS if has_digit else _WORD_ONLY_PATTERNS).matches(text)
    for kind, kind_matches in zip(kinds, matches):  # in the order of _PATTERNS: most specific first
        for m in kind_matches:
            # (a month after a preposition starts at the month: "in February and March" holds two)
            lo = m.start("m") if kind in ("bare_month", "second_month") else m.start()
            if any(lo < e and s < m.end() for s, e in taken):
                continue  # the cheap test first: dateutil is the costly part
            cand = _candidate(kind, m, text, lexicon)
            if cand is not None and not any(cand.start < e and s < cand.end for s, e in taken):
                found.append(cand)
                taken.append((cand.start, cand.end))
    return sorted(found, key=lambda c: c.start)


# ---- year inference ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleDates:
    mentions: tuple[DateMention, ...]
    doc_date: PartialDate | None
    dateline: str | None  # the place of a news dateline ("BEIJING"), as written
    lead: Span | None = None  # the lead paragraph (after any publication stamp)
    evidence: tuple[YearEvidence, ...] = ()  # what a year-less dateline's year was weighed from
    dateline_span: Span | None = None  # the dateline's words: its date is the filing day, no event's

    def event_mentions(self) -> tuple[DateMention, ...]:
        """The mentions that can date an event: all but the dateline's own date."""
        span = self.dateline_span
        if span is None:
            return self.mentions
        return tuple(m for m in self.mentions if not span.start <= m.span.start < span.end)


def _with_year(d: PartialDate, year: int | None, source: str | None) -> PartialDate:
    end = None if d.end is None else replace(d.end, year=year if d.end.year is None else d.end.year,
                                              year_source=source if d.end.year is None else d.end.year_source)
    return replace(d, year=year, year_source=source, end=end)


@dataclass(frozen=True)
class _YearContext:
    """Where year-less dates get their year: an anchor year, or the latest past event's date."""

    anchor: PartialDate | None
    source: str
    after: PartialDate | None = None  # "after" mode: the present is later than this event
    dated: bool = False  # the anchor is the day the article was written (dateline or stamp)


def _infer_year(d: PartialDate, ctx: _YearContext, relative: int | None, tense: str | None = None,
                direction: str | None = None) -> PartialDate:
    if d.year is not None or ctx.anchor is None or ctx.anchor.year is None:
        return d
    anchor = ctx.anchor
    year = anchor.year + (relative or 0)
    if direction is not None and d.month is not None and anchor.month is not None:
        # "last June": the latest June before the anchor's month; "next June": the first after it
        if direction == "last" and d.month >= anchor.month:
            year -= 1
        elif direction == "next" and d.month <= anchor.month:
            year += 1
    elif relative is None and d.month is not None:
        if ctx.after is not None:
            # the article's present follows the latest past event it dates: a year-less date more
            # than a month before that event belongs to the year after it
            if (d.month, d.day or 1) < _month_before(ctx.after):
                year += 1
        elif anchor.month is not None and ctx.dated and tense == "future" and d.month < anchor.month:
            year += 1  # "payable Jan. 2" in a November article: next January
        elif anchor.month is not None and ctx.dated and tense == "past" and d.month > anchor.month:
            year -= 1  # "was fired in July" in a March article: last July
        elif anchor.month is not None and d.month - anchor.month > _PAST_WINDOW_MONTHS:
            year -= 1  # news looks back: a December event in a February article was last December
    return _with_year(d, year, ctx.source)


def _month_before(d: PartialDate) -> tuple[int, int]:
    month, day = d.month or 1, d.day or 1
    return (month - 1, day) if month > 1 else (1, 1)


def _year_context(raw: list[tuple[_Candidate, Sentence]], dateline_date: PartialDate | None,
                  lead: Span | None) -> _YearContext:
    """The year year-less dates take, as a careful reader would find it: the dateline's year
    (written or weighed); else the first year written in the lead paragraph; else the year of the
    latest past event dated with a month (a sentence about the future does not count), moved on
    by a year when the year-less date would fall before that event."""
    if dateline_date is not None and dateline_date.year is not None:
        source = dateline_date.year_source if dateline_date.year_source not in (None, "text") else "dateline"
        return _YearContext(dateline_date, source, dated=True)
    for cand, sent in raw:
        if lead is None or sent.start + cand.start >= lead.end:
            break
        if sent.start + cand.start < lead.start:
            continue
        d = cand.date
        if d.year is not None:
            return _YearContext(d.end if d.end is not None and d.month is None else d, "article")
    past = [c.date for c, s in raw if c.date.year is not None and c.date.month is not None
            and not is_future(s.text, c.start)]
    if past:
        latest = max(past, key=lambda d: d.bounds()[0])
        return _YearContext(latest, "article", after=latest)
    years = [c.date for c, _ in raw if c.date.year is not None]
    return _YearContext(max(years, key=lambda d: d.year) if years else None, "article")


# Words too common in SCO headlines to tell one event from another.
_HEADLINE_STOP = frozenset("the of on and in for a an to with by at sco is was were has have its their from as "
                           "that this meets meet".split())


# Being in the lead paragraph counts as much as sharing this many words with the headline: the
# lead states the main event, unless its only date is background ("took up the post on ...").
_LEAD_WEIGHT = 3


def _content_words(text: str) -> set[str]:
    return {w.lower()[:6] for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _HEADLINE_STOP}


def _lead_weekday(date: PartialDate, lead: Span | None) -> PartialDate:
    """A weekday in the lead ("on Wednesday") dates the main event within the dispatch's week."""
    weekday = LEAD_WEEKDAY.search(lead.text) if lead is not None else None
    if weekday is None or date.precision != "day":
        return date
    return weekday_on_or_before(date, weekday.group(1), date.year_source)


# A day of a meeting of a few days stands for it when its sentence shares this many words with the headline.
_DAY_WITHIN_WORDS = 2


def _day_within(chosen: DateMention, reported: list[tuple[int, DateMention]], headline: set[str]) -> PartialDate | None:
    """For a meeting of a few days ("met on 4-5 May"), the day a later sentence gives the event the
    headline reports ("the memoranda were signed on 5 May"): the day sharing most headline words."""
    d = chosen.date
    if d.end is None or d.precision != "day" or d.end.precision != "day":
        return None
    first, last = d.bounds()
    if last - first > 3 and d.end.month == d.month:
        return None  # a conference of several days stands for its month (main_date)
    days = [(len(_content_words(m.sentence) & headline), -n, m.date) for n, m in reported
            if m is not chosen and m.date.precision == "day" and m.date.end is None
            and first <= m.date.bounds()[0] <= last]
    best = max(days, key=lambda t: t[:2], default=None)
    return best[2] if best is not None and best[0] >= _DAY_WITHIN_WORDS else None


def _doc_date(mentions: list[DateMention], dateline_date: PartialDate | None, article: Article,
              lead: Span | None, stamp: Span | None = None) -> PartialDate | None:
    """The date of the main event. A dateline's date; else the reported (not announced) date in
    the lead paragraph, then the one whose sentence shares most words with the headline; a
    weekday in the lead ("on Saturday") moves a dateline's day, or a publication stamp's, to the
    last such day on or before it."""
    if dateline_date is not None:
        return _lead_weekday(main_date(dateline_date), lead) if dateline_date.year is not None else None
    reported = [(n, m) for n, m in enumerate(mentions)
                if m.date.year is not None and not m.relative and not is_future(m.sentence, m.sentence.find(m.span.text))]
    pool = [(n, m) for n, m in reported if m.date.precision == "day"] or reported
    if not pool:
        return None
    headline = _content_words(article.headline)

    def rank(item):
        n, m = item
        in_lead = lead is not None and lead.start <= m.span.start < lead.end
        return (in_lead * _LEAD_WEIGHT + len(_content_words(m.sentence) & headline), -n)

    chosen = max(pool, key=rank)[1]
    if stamp is not None and stamp.start <= chosen.span.start < stamp.end:
        return _lead_weekday(main_date(chosen.date), lead)  # "2023-10-27 21:40" is the day of writing
    best = _day_within(chosen, reported, headline) or main_date(chosen.date)
    weekday = LEAD_WEEKDAY.search(lead.text) if lead is not None else None
    if weekday and best.precision == "day":
        # without a dateline the weekday dates the event in the days from the dated sentence on
        day = datetime(best.year, best.month, best.day)
        shift = (WEEKDAYS.index(weekday.group(1).lower()) - day.weekday()) % 7
        if shift:
            best = shift_days(best, shift, best.year_source)
    return best


class _DateReader:
    """Reads one article's dates in named steps: candidates, the dateline, its year, the year of
    every other mention, the main date, then the relative expressions."""

    def __init__(self, article: Article, lexicon: Lexicon, sents: list[Sentence]):
        self.article, self.lexicon, self.sents = article, lexicon, sents
        self.frame = frame(article)
        self.raw: list[tuple[_Candidate, Sentence]] = [
            (cand, sent) for sent in sents for cand in _candidates(sent.text, lexicon)]
        self.evidence: tuple[YearEvidence, ...] = ()

    def _first_in(self, span: Span | None) -> int | None:
        """The index in `raw` of the first candidate inside `span`."""
        if span is None:
            return None
        for n, (cand, sent) in enumerate(self.raw):
            if span.start <= sent.start + cand.start < span.end:
                return n
        return None

    def dateline(self) -> tuple[int | None, PartialDate | None]:
        """(index of the dateline's own candidate, the date it gives with its year)."""
        at = self._first_in(self.frame.dateline_span)
        if at is None:
            stamp = self._first_in(self.frame.stamp)
            return None, (self.raw[stamp][0].date if stamp is not None else None)
        date = self.raw[at][0].date
        if date.year is None:
            date = self._weigh_year(date, at)
        return at, date

    def _weigh_year(self, date: PartialDate, at: int) -> PartialDate:
        written = [(c.date, s, c.start, s.text[c.start:c.end]) for n, (c, s) in enumerate(self.raw)
                   if n != at and c.date.year is not None]
        self.evidence = tuple(year_evidence(self.sents, self.frame.lead, self.frame.dateline, date, written,
                                            self.article.body))
        found = weigh(list(self.evidence))
        return _with_year(date, found[0], found[1]) if found else date

    def mentions(self, ctx: _YearContext, dateline_at: int | None,
                 dateline_date: PartialDate | None) -> list[DateMention]:
        out = []
        for n, (cand, sent) in enumerate(self.raw):
            if n == dateline_at and dateline_date is not None:
                date = dateline_date
            else:
                date = _infer_year(cand.date, ctx, cand.relative, tense(sent.text, cand.start), cand.direction)
            out.append(DateMention(Span(sent.start + cand.start, sent.start + cand.end,
                                        sent.text[cand.start:cand.end]), date, sent.text))
        return out

    def relative(self, anchor: PartialDate | None, mentions: list[DateMention]) -> list[DateMention]:
        taken: dict[int, list] = {}
        for (cand, sent), mention in zip(self.raw, mentions):
            taken.setdefault(sent.start, []).append((cand.start, cand.end, mention.date))
        out = []
        for r in find_relative(self.sents, anchor, taken):
            s = r.sentence
            out.append(DateMention(Span(s.start + r.start, s.start + r.end, s.text[r.start:r.end]), r.date,
                                   s.text, relative=True, anchor=anchor.iso))
        return out

    def read(self) -> ArticleDates:
        dateline_at, dateline_date = self.dateline()
        in_dateline = dateline_at is not None
        ctx = _year_context(self.raw, dateline_date, self.frame.lead)
        mentions = self.mentions(ctx, dateline_at, dateline_date)
        doc_date = _doc_date(mentions, dateline_date if in_dateline else None, self.article, self.frame.lead,
                             self.frame.stamp)
        anchor = dateline_date if dateline_date is not None and dateline_date.precision == "day" and \
            dateline_date.year is not None else doc_date
        if anchor is not None and anchor.precision != "day":
            anchor = None
        everything = sorted(mentions + self.relative(anchor, mentions), key=lambda m: m.span.start)
        return ArticleDates(tuple(everything), doc_date, self.frame.dateline, self.frame.lead, self.evidence,
                            self.frame.dateline_span)


def find_dates(article: Article, lexicon: Lexicon | None = None,
               sentence_list: list[Sentence] | None = None) -> ArticleDates:
    """Every date mention in the article's English paragraphs, relative ones resolved, and the
    article's main date."""
    lexicon = lexicon or default_lexicon()
    sents = sentence_list if sentence_list is not None else sentences(article)
    return _DateReader(article, lexicon, sents).read()
