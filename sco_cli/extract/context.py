"""What every extractor needs to know about an article before it reads a sentence.

Public names:

- `frame(article)` -> `Frame`: the lead paragraph (after any publication stamp) and the news
  dateline's place and extent ("BEIJING, March 3 (Xinhua) --");
- `is_future(sentence, at)`: whether a date at `at` is announced rather than reported;
- `tense(sentence, at)`: "future", "past" or None, for the year a year-less date takes;
- `main_date(date)`: the day a reported event stands for (a long conference stands for its month);
- `WEEKDAYS`, `WEEKDAY_NAMES`, `LEAD_WEEKDAY` and `weekday_on_or_before(anchor, name)`: weekdays
  and the day a past weekday names in an article written on `anchor`;
- `city_in`, `dateline_city`, `main_place_of`: the places a sentence and an article name;
- `own_date`, `clause_date`, `near`: the date a clause gives its event, and whether a date
  belongs to the article's main episode.

Dates, meetings and agreements import these from here, never from each other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as _date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from sco_cli.extract.text import Sentence, alternation
from sco_cli.lexicon import Lexicon
from sco_cli.model import Article, DateMention, PartialDate, Span
from sco_cli.normalize import fold

if TYPE_CHECKING:  # dates.py builds ArticleDates from this module's frame
    from sco_cli.extract.dates import ArticleDates

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The weekdays as a regex alternation, capitalised as news writes them.
WEEKDAY_NAMES = "|".join(w.title() for w in WEEKDAYS)
# "on Saturday" in the lead: the day of the article's main event.
LEAD_WEEKDAY = re.compile(rf"\b[Oo]n\s+({WEEKDAY_NAMES})\b")

# News datelines: "BEIJING, July 14 (Xinhua) --", "SAMARKAND, Uzbekistan, Sept. 16 (Xinhua) --",
# "NEW DELHI, April 28. /TASS/.", "TASHKENT, 18 August (UzA).", "ASTANA. June 15. KAZINFORM -",
# "Dushanbe: 30 July 2021 (TDI):", "Dushanbe [Tajikistan], July 14 (ANI):". The place is in
# capitals, or capitalised before a colon or a bracketed country.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019 -]{2,}?|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=:|\s\[)"
    # a place written in mixed case is a dateline when a date and an agency or a dash follow it:
    # "Dushanbe, 16 September 2021 (Khovar) --"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,9}|[A-Z][a-z]{2,9}\.?\s+\d{1,2}),?\s*\d{4}\s*"
    r"(?:\([^)]{1,40}\)|--|\u2014|\u2013)))"
    r"(?:\s*\[[^\]\n]{1,30}\])?(?:,\s*[A-Z][A-Za-z.' -]+?)?(?:,|\.|:)\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9})(?:,?\s*\d{4})?)\.?"
    r"\s*(?:\([^)]{1,40}\)|/[^/\n]{1,20}/|[A-Z][A-Za-z]{2,20}\b(?=\s*[-\u2013\u2014]))?[.:]?\s*"
    r"(?:--|\u2014|\u2013|-)?\s*"
)
# A dateline without a date, as agency copy also writes it: "ASTANA (Kazinform) --", "WASHINGTON (AP) -".
DATELESS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019 -]{2,}?)(?:,\s*[A-Z][A-Za-z.' -]+?)?\s*\([A-Z][A-Za-z .-]{1,30}\)\s*"
    r"(?:--|\u2014|\u2013|-)\s*")
# A paragraph that is only a publication stamp: "2023-10-27 21:40", "September 12, 2014, Dushanbe",
# "Updated: 2021-06-03".
TIME_STAMP = re.compile(
    r"^(?:(?:Updated|Published|Posted|Date|Last updated)\s*:\s*)?(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4})(?:,\s*(?P<place>[A-Z][\w' -]{1,40}))?$")

# A sentence about what is still to come: its dates are not the article's past or present.
FUTURE_MARKERS = re.compile(
    r"\b(?:will|shall|upcoming|forthcoming|next(?!\s+to\b)|planned|scheduled|to be held|is to be|are to be|is due|"
    r"are due|is expected|are expected)\b", re.IGNORECASE)
# Where a relative clause starts: ", who", ", which", ", where", ", when".
_RELATIVE_START = re.compile(r",\s*(?:who|which|where|when)\b")
# How far before a date a future marker still governs it ("the next meeting ... on 29-30 June").
_FUTURE_REACH = 80


def is_future(sentence: str, start: int) -> bool:
    """Whether the date at `start` in `sentence` is announced rather than reported. A relative
    clause has its own tense: in "no meeting was scheduled between X and Y, who had last met in
    September 2020" the month is past."""
    window = sentence[max(0, start - _FUTURE_REACH):start]
    relative = list(_RELATIVE_START.finditer(window))
    return bool(FUTURE_MARKERS.search(window, relative[-1].end() if relative else 0))


# A verb in the past tense: the sentence reports ("was fired in July", "met", "signed").
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|said|met|held|took|came|went|gave|made|began|left|won|lost|told|saw|"
    r"sent|spoke|became|fell|rose|ago|last|earlier|[a-z]{2,}ed)\b")
# Words that announce: with these a year-less month is still to come ("would visit in May").
_FUTURE_TENSE = re.compile(r"\b(?:would|to\s+be|is\s+to|are\s+to|due|payable|plans?\s+to|intends?\s+to|"
                           r"as\s+(?:soon|early)\s+as|look(?:s|ing)?\s+forward)\b")


# How far before a date its clause's verb is looked for.
_TENSE_REACH = 60


def tense(sentence: str, start: int) -> str | None:
    """'future', 'past' or None for a date at `start` in `sentence`, from the words of its own
    clause: "said he would visit in May" is future, "the decision, announced Wednesday" past."""
    before = sentence[max(0, start - _TENSE_REACH):start]
    past = [m.end() for m in _PAST_TENSE.finditer(before)]
    future = [m.end() for m in _FUTURE_TENSE.finditer(before)]
    if is_future(sentence, start):
        future.append(len(before))
    if past and (not future or max(past) > max(future)):
        return "past"
    if future:
        return "future"
    return None


@dataclass(frozen=True)
class Frame:
    """Where an article's lead and dateline are."""

    lead: Span | None  # the lead paragraph (after any publication stamp)
    dateline: str | None = None  # the dateline's or stamp's place, as written ("BEIJING")
    dateline_span: Span | None = None  # the dateline's words in the body, its date among them
    stamp: Span | None = None  # a paragraph that is only a publication stamp


def frame(article: Article) -> Frame:
    """The lead paragraph and the dateline of an article, as a reader finds them."""
    paragraphs = article.paragraphs
    lead = paragraphs[0] if paragraphs else None
    if lead is None:
        return Frame(None)
    stamp = TIME_STAMP.match(lead.text)
    if stamp:
        after = paragraphs[1] if len(paragraphs) > 1 else None
        if stamp.group("place"):  # "September 12, 2014, Dushanbe" is a dateline of its own
            return Frame(after, stamp.group("place"), lead, lead)
        return Frame(after, None, None, lead)
    m = DATELINE.match(lead.text) or DATELESS_DATELINE.match(lead.text)
    if m:
        return Frame(lead, m.group("place").strip(" .:"), Span(lead.start, lead.start + m.end(), m.group(0)))
    return Frame(lead)


def main_date(first: PartialDate) -> PartialDate:
    """The date of the main event from the lead's first date: a conference of three days or more
    stands for its month (the reported talks happened somewhere within it)."""
    if first.end is None or first.day is None or first.end.day is None:
        return replace(first, end=None)
    if first.end.month == first.month and first.end.day - first.day <= 1:
        return replace(first, end=None)
    if first.end.month == first.month:
        return PartialDate(first.year, first.month, None, None, first.year_source)
    return replace(first, end=None)


def weekday_on_or_before(anchor: PartialDate | None, weekday: str, source: str = "article") -> PartialDate | None:
    """The last `weekday` on or before the day `anchor` ("on Tuesday" in a Thursday dispatch)."""
    if anchor is None or anchor.precision != "day":
        return None
    day = _date(anchor.year, anchor.month, anchor.day)
    back = (day.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    d = day - timedelta(days=back)
    return PartialDate(d.year, d.month, d.day, None, source)


def shift_days(anchor: PartialDate, days: int, source: str = "article") -> PartialDate:
    """The day `days` after (or before) the day `anchor`."""
    d = _date(anchor.year, anchor.month, anchor.day) + timedelta(days=days)
    return PartialDate(d.year, d.month, d.day, None, source)


# ---- places and a clause's own date, shared by meetings and agreements --------------------------

# "the Kazakh capital" -> Astana; "here" -> the dateline's city.
_CAPITAL_OF = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+capital\b")
_HERE = re.compile(r"\bhere\b")
# Where a clause ends and reported speech or another event begins.
OTHER_CLAUSE = re.compile(
    r"\b(?:noted|said|says|recalled|stressed|told|underlined|added|emphasi[sz]ed|praised|reminded|"
    r"pointed\s+out|informed|since|who|whom|whose|which|when|after|before|during\s+which)\b")
# A date right after these words starts a period or dates a founding, not the clause's event.
_PERIOD_START = re.compile(r"\b(?:since|until|till|founded|established)\s+(?:on\s+|in\s+)?$")
# Where a new clause of the sentence begins: "Rahmon went to China in May 2023, and the two
# leaders held talks in Xi'an on May 18" (a list goes on: ", and Modi", ", and the then minister").
NEW_CLAUSE = re.compile(r"(?:,\s+(?:and|but|while)|;)\s+(?=(?:he|she|they|it|the\s+two|both)\b)")
# A relative clause set off by commas: ", who arrived on Sunday," dates the arrival, not the talks.
ASIDE = re.compile(r",\s*(?:who|which|whose|where)\b[^,;]*(?:,|$)")
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
# "the same day", "later that day": the day the story told last.
SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+day|later\s+that\s+day|later\s+the\s+same\s+day|"
                      r"earlier\s+that\s+day|on\s+the\s+same\s+day)\b", re.IGNORECASE)
# How far from the article's main date a day still belongs to its story ("On September 11, ...").
EPISODE_DAYS = 7


@lru_cache(maxsize=4)
def _city_pattern(lexicon: Lexicon) -> re.Pattern:
    # a city followed by a capitalised word is part of a name: "Shanghai Cooperation Organisation"
    return re.compile(rf"(?<![\w-])({alternation(lexicon.cities)})(?![\w-])(?!\s+[A-Z][a-z])")


def city_in(text: str, lexicon: Lexicon, dateline_city: str | None) -> str | None:
    """The first city `text` names: a city of the gazetteer, "the Kazakh capital", or "here"."""
    m = _city_pattern(lexicon).search(text)
    capital = _CAPITAL_OF.search(text)
    if capital:
        country = lexicon.countries.get(capital.group(1))
        city = lexicon.capitals.get(country or "")
        if city and (m is None or capital.start() < m.start()):
            return city
    if m:
        return m.group(1)
    if dateline_city and _HERE.search(text):
        return dateline_city
    return None


def dateline_city(dates: ArticleDates, lexicon: Lexicon) -> str | None:
    """The dateline's place as the gazetteer spells it ("NEW DELHI" -> "New Delhi")."""
    if not dates.dateline:
        return None
    name = " ".join(w.capitalize() for w in dates.dateline.split())
    for city in lexicon.cities:
        if fold(city) == fold(name):
            return city
    return name


def main_place_of(sentences: list[Sentence], dates: ArticleDates, lexicon: Lexicon) -> str | None:
    """Where the article's story happens: the dateline's city, else the first city of the lead."""
    place = dateline_city(dates, lexicon)
    if place is None and dates.lead is not None:
        lead_sents = [s for s in sentences if dates.lead.start <= s.start < dates.lead.end]
        place = next((c for c in (city_in(s.text, lexicon, None) for s in lead_sents) if c), None)
    return place


def last_day(mentions: list[DateMention]) -> PartialDate | None:
    """The last day (to the day, with its year) among a sentence's mentions, asides included."""
    days = [m.date for m in mentions if m.date.precision == "day" and m.date.year is not None]
    return main_date(days[-1]) if days else None


def near(d: PartialDate | None, doc_date: PartialDate | None, days: int = EPISODE_DAYS,
         precise: bool = True) -> bool:
    """Whether `d` falls within `days` of the article's main date (the same episode)."""
    if d is None or doc_date is None or d.year is None or doc_date.year is None:
        return False
    if precise and (d.precision != "day" or doc_date.precision != "day"):
        return False

    def first(p: PartialDate) -> _date:
        return _date(p.year, p.month or 1, p.day or 1)

    return abs((first(d) - first(doc_date)).days) <= days


def own_date(mentions: list[DateMention], text: str, trigger_end: int | None,
             doc_date: PartialDate | None) -> PartialDate | None:
    """The date a sentence gives itself: a written date or a resolved relative one in its
    clause, else a weekday ("on Thursday"), "today" or "yesterday" counted from the main date."""
    date = clause_date(mentions, text, trigger_end)
    if date is not None or any(m.relative for m in mentions):
        return date  # relative words were resolved already, and lie outside the clause
    weekday = LEAD_WEEKDAY.search(text)
    if weekday:
        return weekday_on_or_before(doc_date, weekday.group(1))
    if doc_date is not None and doc_date.precision == "day":
        if _TODAY.search(text):
            return doc_date
        if _YESTERDAY.search(text):
            return shift_days(doc_date, -1)
    return None


def clause_date(mentions: list[DateMention], text: str, trigger_end: int | None) -> PartialDate | None:
    """The clause's own date of an event: the first reported date with year and month in it
    (what follows "noted that", "since" or "who" is about something else)."""
    zone_end = len(text)
    if trigger_end is not None:
        cut = OTHER_CLAUSE.search(text, trigger_end)
        if cut:
            zone_end = cut.start()
    # an aside is another clause's, unless the phrase is in it: "..., who had last met in Moscow in 2020."
    asides = [(a.start(), a.end()) for a in ASIDE.finditer(text)
              if trigger_end is None or not a.start() < trigger_end <= a.end()]
    clause_start = 0
    if trigger_end:
        starts = [c.end() for c in NEW_CLAUSE.finditer(text, 0, trigger_end)]
        clause_start = starts[-1] if starts else 0
    for m in mentions:
        if m.date.year is None or m.date.month is None:
            continue
        start = text.find(m.span.text)
        if start >= zone_end or start < clause_start or any(a <= start < b for a, b in asides):
            continue
        if is_future(text, start) or _PERIOD_START.search(text[max(0, start - 20):start]):
            continue
        return main_date(m.date)
    return None
