"""The year of a dispatch whose dateline writes none, weighed from the clues a reader would use.

Public names (a clue is a `model.YearEvidence`: the years it admits, its weight, its words):

- `year_evidence(...)` -> the clues of one article;
- `weigh(evidence)` -> (year, source) or None: the year the clues agree on most.

Clues, each a small function below:

- weekday: "BEIJING, March 3 -- ... on Thursday met" admits the years in which March 3 (or,
  less often, March 4) is a Thursday;
- tense: a year written in a report bounds the article's year from below ("the treaty of 2001"),
  one in an announcement from above ("Sochi is to stage the Games in 2014");
- office: "Russian President Dmitry Medvedev" admits that president's term (data/office_holders.txt);
- event: a dispatch datelined in a city within days of an SCO council meeting held there, or
  naming its ordinal ("the tenth meeting of the Council of Heads of State"), admits that
  meeting's year (data/sco_events.txt);
- anniversary: "its tenth anniversary", "20 years after its founding in 2001".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache

from sco_cli.extract.context import LEAD_WEEKDAY, WEEKDAYS, is_future, tense
from sco_cli.extract.text import Sentence
from sco_cli.lexicon import read_entries
from sco_cli.model import PartialDate, Span, YearEvidence
from sco_cli.normalize import fold

# How much each kind of clue counts; a clue admits its years, the year admitted by most weight wins.
WEIGHTS = {
    "weekday": 3.0,  # the lead's weekday is the dateline's day
    "weekday_next": 1.0,  # ... or the day before it (a dispatch filed the morning after)
    "event": 2.5,
    "ordinal": 3.0,
    "anniversary": 3.0,
    "office": 1.5,
    "tense": 1.0,
}


def weigh(evidence: list[YearEvidence]) -> tuple[int, str] | None:
    """The year most weight admits, and the source of the heaviest clue admitting it. Among
    equals, the year closest to (and not before) the latest year the article reports; when it
    reports none, the latest year not after `present_year()`."""
    if not evidence:
        return None
    finite = [y for e in evidence for y in ((*e.years,) or (e.first, e.last)) if y is not None]
    if not finite:
        return None
    lo, hi = min(finite) - 1, max(finite) + 1
    reports = [e.first for e in evidence if e.source == "tense" and e.last is None]

    def score(year: int) -> tuple[float, float]:
        total = sum(e.weight for e in evidence if e.admits(year))
        if reports:  # news looks back a little: just after the latest year it reports
            return total, -abs(year - max(reports)) - (year < max(reports)) * 0.5
        now = present_year()  # else the latest year that is not after the present
        return total, -(now - year) if year <= now else -1000 - (year - now)

    # a weekday the lead gives is a fact about the calendar: only its years are candidates
    weekday = [e for e in evidence if e.source == "weekday"]
    candidates = sorted({y for e in weekday for y in e.years}) or range(lo, hi + 1)
    # so is the term of an office-holder the article names by title: the years that fit every such
    # term, when there are any ("Prime Minister Shehbaz Sharif on Thursday" is no 2018 dispatch)
    offices = [e for e in evidence if e.source == "office"]
    candidates = [y for y in candidates if all(e.admits(y) for e in offices)] or candidates
    best = max(candidates, key=score)
    if score(best)[0] == 0:
        return None
    strongest = max((e for e in evidence if e.admits(best)), key=lambda e: e.weight)
    return best, strongest.source


# ---- weekday -------------------------------------------------------------------------------------

# Years a dispatch of this century may carry: the window the weekday clue is read in.
_WEEKDAY_WINDOW = range(1990, 2036)


def _weekday_clues(lead: Span | None, dateline: PartialDate) -> list[YearEvidence]:
    if lead is None or dateline.day is None or dateline.month is None:
        return []
    m = LEAD_WEEKDAY.search(lead.text)
    if not m:
        return []
    wanted = WEEKDAYS.index(m.group(1).lower())
    same, next_day = [], []
    for year in _WEEKDAY_WINDOW:
        try:
            day = _date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if day.weekday() == wanted:
            same.append(year)
        elif (day.weekday() - 1) % 7 == wanted:
            next_day.append(year)
    return [YearEvidence("weekday", years[0], years[-1], WEIGHTS[kind], m.group(0), tuple(years))
            for kind, years in (("weekday", same), ("weekday_next", next_day)) if years]


# ---- tense ---------------------------------------------------------------------------------------


# A period an instrument or a plan covers: "for 2011-2016", "until 2025", "up to 2035".
_PERIOD_COVERED = re.compile(r"\b(?:for|until|till|through|up\s+to)\s+(?:the\s+(?:period\s+|years\s+)?)?$")


def _tense_clues(written: list[tuple[PartialDate, Sentence, int, str]],
                 dateline: PartialDate) -> list[YearEvidence]:
    """Each year the article writes: reported ones bound the article's year from below (a dated
    event later in its year than the dateline's day pushes it to the next; a period, its last
    year), announced ones from above."""
    clues: dict[tuple, YearEvidence] = {}
    for date, sent, at, text in written:
        if _PERIOD_COVERED.search(sent.text[max(0, at - 30):at]):
            continue  # "the Strategy for 2011-2016": a period, neither past nor announced
        if tense(sent.text, at) == "future":
            key = ("future", date.year)
            clues[key] = YearEvidence("tense", None, date.year, WEIGHTS["tense"], text)
            continue
        first = date.end.year if date.end is not None and date.end.year is not None else date.year
        if date.month is not None and dateline.month is not None and \
                (date.month, date.day or 1) > (dateline.month, dateline.day or 31):
            first += 1  # "on 20 October" reported in a "March 3" dispatch: the next year at least
        clues.setdefault(("past", first), YearEvidence("tense", first, None, WEIGHTS["tense"], text))
    return list(clues.values())


# ---- office-holders --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    names: tuple[str, ...]  # full name first, then other spellings
    titles: tuple[str, ...]
    first: int
    last: int | None


@lru_cache(maxsize=1)
def _terms() -> tuple[_Term, ...]:
    out = []
    for line in read_entries("office_holders.txt"):
        name, others, titles, _where, start, end = (p.strip() for p in (line.split("|") + [""] * 6)[:6])
        names = (name, *(o.strip() for o in others.split(",") if o.strip()))
        out.append(_Term(names, tuple(t.strip() for t in titles.split("/")), int(start[:4]),
                         int(end[:4]) if end else None))
    return tuple(out)


# Words that may stand between a title and the name: "President of Azerbaijan Ilham Aliyev",
# "Russian Foreign Minister Sergey Lavrov", "SCO Secretary-General Vladimir Norov".
_BETWEEN = r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,3}?\s+"
# "former President X" or "the then President X" says nothing about today.
_NOT_NOW = re.compile(r"\b(?:former|ex|then|late|outgoing|incoming|future|next)[\s-]+$", re.IGNORECASE)
# "signed by then ASEAN Secretary-General X and SCO Secretary-General Y": "then" covers the list.
_THEN = re.compile(r"\bthen\b")


@lru_cache(maxsize=1)
def _office_patterns() -> tuple[tuple[re.Pattern, _Term], ...]:
    out = []
    for term in _terms():
        titles = "|".join(re.escape(t) for t in term.titles)
        names = "|".join(re.escape(n) for n in sorted(term.names, key=len, reverse=True))
        out.append((re.compile(rf"\b(?:{titles}){_BETWEEN}(?:{names})\b"), term))
    return tuple(out)


def _office_clues(sentences: list[Sentence], dated: set[int]) -> list[YearEvidence]:
    """Titles next to names, in sentences about the present: a sentence that writes a year, or
    says "then", dates its titles itself ("signed in 2005 by then Secretary-General ...")."""
    found: dict[tuple, YearEvidence] = {}
    for sent in sentences:
        if sent.start in dated:
            continue
        text = sent.text
        for pattern, term in _office_patterns():
            if term.names[0].split()[-1] not in text and not any(n in text for n in term.names[1:]):
                continue  # the cheap test: most office-holders are not in most sentences
            for m in pattern.finditer(text):
                if _NOT_NOW.search(text[max(0, m.start() - 12):m.start()]) or _THEN.search(text[:m.start()]):
                    continue
                found.setdefault((term.names[0], term.first),
                                 YearEvidence("office", term.first, term.last, WEIGHTS["office"], m.group(0)))
                break
    # one person's two terms in the same office are alternatives: they share one weight
    by_person: dict[str, list[YearEvidence]] = {}
    for (name, _), clue in found.items():
        by_person.setdefault(name, []).append(clue)
    out = []
    for clues in by_person.values():
        if len(clues) == 1:
            out.extend(clues)
        else:
            years = tuple(sorted({y for c in clues for y in range(c.first, (c.last or _date.today().year) + 1)}))
            out.append(YearEvidence("office", years[0], years[-1], WEIGHTS["office"], clues[0].text, years))
    return out


# ---- SCO meetings and anniversaries ----------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    first: _date
    last: _date
    cities: tuple[str, ...]  # folded
    body: str
    number: str  # ordinal, or the founded organisation's names for a founding


@lru_cache(maxsize=1)
def _events() -> tuple[_Event, ...]:
    out = []
    for line in read_entries("sco_events.txt"):
        first, last, cities, body, number = (p.strip() for p in (line.split("|") + [""] * 5)[:5])
        start = _date.fromisoformat(first)
        out.append(_Event(start, _date.fromisoformat(last) if last else start,
                          tuple(fold(c) for c in cities.split(",")), body, number))
    return tuple(out)


@lru_cache(maxsize=1)
def summit_cities() -> frozenset[str]:
    """The cities (folded) where the Council of Heads of State has met: "the Qingdao Declaration"
    is a summit's."""
    return frozenset(c for e in _events() if e.body == "Council of Heads of State" for c in e.cities)


@lru_cache(maxsize=1)
def present_year() -> int:
    """The newest year data/sco_events.txt knows: the present as far as the clues can tell, so
    that the same text gets the same year whatever day it is read."""
    return max(e.first.year for e in _events())


# A dateline this many days from a meeting in its city is a dispatch about that meeting.
_EVENT_DAYS = 3


def _event_clues(place: str | None, dateline: PartialDate, text: str) -> list[YearEvidence]:
    if not place or dateline.month is None or dateline.day is None:
        return []
    city = fold(place)
    clues: dict[int, YearEvidence] = {}
    for event in _events():
        if event.body == "founding" or city not in event.cities:
            continue
        try:
            day = _date(event.first.year, dateline.month, dateline.day)
        except ValueError:
            continue
        if (event.first - day).days <= _EVENT_DAYS and (day - event.last).days <= _EVENT_DAYS:
            clues[event.first.year] = YearEvidence("event", event.first.year, event.first.year,
                                                   WEIGHTS["event"], f"{place}: {event.body} {event.first}")
    return list(clues.values())


_ORDINALS = {w: n for n, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINALS.update({"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
                  "twenty-fifth": 25, "thirtieth": 30})
_ORDINAL = r"(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
# "the tenth meeting of the Council of Heads of State", "the 24th SCO summit"
_COUNCIL_ORDINAL = re.compile(
    rf"\b{_ORDINAL}\s+(?:regular\s+)?(?:meeting|session|summit)\s+of\s+the\s+(?:SCO\s+)?"
    rf"(?P<body>Council\s+of\s+Heads\s+of\s+(?:State|Government)|Council\s+of\s+Foreign\s+Ministers)",
    re.IGNORECASE)
_SUMMIT_ORDINAL = re.compile(rf"\b{_ORDINAL}\s+(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)\s+summit\b",
                             re.IGNORECASE)
# "the tenth anniversary of the organisation", "its 20th anniversary", "marks 25 years since its founding"
_ANNIVERSARY = re.compile(rf"\b{_ORDINAL}\s+anniversary\b", re.IGNORECASE)
_YEARS_SINCE = re.compile(
    r"\b(?P<n>\d{1,2}|ten|twenty|thirty|a\s+quarter\s+of\s+a|two\s+decades|three\s+decades)\s+"
    r"(?:years|century)\s+(?:since|after)\s+(?:its|the|their)\s+(?:founding|foundation|establishment|creation)",
    re.IGNORECASE)
# "the newly created grouping": within a year or so of its founding.
_NEWLY_FOUNDED = re.compile(r"\bnewly[\s-](?:created|established|founded|formed)\b", re.IGNORECASE)
_SPAN_WORDS = {"ten": 10, "twenty": 20, "thirty": 30, "a quarter of a": 25, "two decades": 20,
               "three decades": 30}
# "founded in Shanghai on June 15, 2001": the year an anniversary counts from, written nearby.
_FOUNDED_IN = re.compile(r"\b(?:founded|established|created|set up|founding|establishment|creation)\b[^.;]{0,40}?"
                         r"\b(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


# An anniversary still to come: "prepares for its 25th anniversary, which it will mark next year".
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.IGNORECASE)
_PREPARES = re.compile(r"\b(?:prepar\w*|ahead\s+of|approach\w*|upcoming|forthcoming)\b", re.IGNORECASE)


# An anniversary of the SCO itself ("the tenth anniversary of the organization", "its 20th
# anniversary"); "the 20th anniversary of Kazakhstan's independence" counts from something else.
_OF_THE_SCO = re.compile(r"\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation|organi[sz]ation|grouping|"
                         r"bloc)\b|(?!\s+of\b)", re.IGNORECASE)
_ITS = re.compile(r"\b(?:its|the\s+(?:SCO|organi[sz]ation|grouping)['\u2019]s|SCO['\u2019]s)\s+(?:\w+\s+){0,2}$",
                  re.IGNORECASE)


def _ordinal(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"(\d+)", word)
    return int(digits.group(1)) if digits else _ORDINALS.get(word)


def _ordinal_clues(sentences: list[Sentence]) -> list[YearEvidence]:
    out = []
    for sent in sentences:
        for pattern in (_COUNCIL_ORDINAL, _SUMMIT_ORDINAL):
            for m in pattern.finditer(sent.text):
                number = _ordinal(m.group("n"))
                body = " ".join((m.groupdict().get("body") or "Council of Heads of State").split()).lower()
                years = {e.first.year for e in _events() if e.number == str(number) and e.body.lower() == body}
                if len(years) == 1 and not is_future(sent.text, m.start()):
                    year = years.pop()
                    out.append(YearEvidence("event", year, year, WEIGHTS["ordinal"], m.group(0)))
    return out


def _founding_year(text: str) -> int | None:
    m = _FOUNDED_IN.search(text)
    if m:
        return int(m.group("y"))
    for event in _events():
        if event.body == "founding" and any(name.strip() in text for name in event.number.split(",")):
            return event.first.year if "SCO" in event.number else None
    return None


def _years_since(m: re.Match) -> int | None:
    n = m.group("n")
    return int(n) if n.isdigit() else _SPAN_WORDS.get(" ".join(n.lower().split()))


def _anniversary_clues(sentences: list[Sentence], whole: str) -> list[YearEvidence]:
    out = []
    for sent in sentences:
        newly = _NEWLY_FOUNDED.search(sent.text)
        if newly and (base := _founding_year(sent.text) or _founding_year(whole)) is not None:
            out.append(YearEvidence("anniversary", base, base + 1, WEIGHTS["anniversary"] / 2, newly.group(0)))
        spans = [(m, _ordinal(m.group("n"))) for m in _ANNIVERSARY.finditer(sent.text)]
        spans += [(m, _years_since(m)) for m in _YEARS_SINCE.finditer(sent.text)]
        for m, n in spans:
            if not n:
                continue
            base = _founding_year(sent.text)
            if base is None and _OF_THE_SCO.match(sent.text, m.end()) or base is None and _ITS.search(
                    sent.text[max(0, m.start() - 40):m.start()]):
                base = _founding_year(whole)  # the SCO's own anniversary, counted from data/sco_events.txt
            if base is None:
                continue
            year = base + n
            if _NEXT_YEAR.search(sent.text):
                out.append(YearEvidence("anniversary", year - 1, year - 1, WEIGHTS["anniversary"], m.group(0)))
            elif is_future(sent.text, len(sent.text)) or _PREPARES.search(sent.text):
                out.append(YearEvidence("anniversary", year - 1, year, WEIGHTS["anniversary"] / 2, m.group(0)))
            else:
                out.append(YearEvidence("anniversary", year, year, WEIGHTS["anniversary"], m.group(0)))
    return out


def year_evidence(sentences: list[Sentence], lead: Span | None, place: str | None, dateline: PartialDate,
                  written: list[tuple[PartialDate, Sentence, int, str]], text: str) -> list[YearEvidence]:
    """Every clue to the year of a dispatch datelined `place`, `dateline` (day and month, no year).

    `written` lists the article's dates that write a year: (date, sentence, offset in it, text)."""
    dated = {sent.start for _, sent, _, _ in written}
    return [*_weekday_clues(lead, dateline), *_event_clues(place, dateline, text), *_ordinal_clues(sentences),
            *_anniversary_clues(sentences, text), *_office_clues(sentences, dated), *_tense_clues(written, dateline)]
