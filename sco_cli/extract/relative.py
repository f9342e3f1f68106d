"""Relative dates: "on Friday", "yesterday", "last year", "the following day", resolved.

Public function:

- `find_relative(sentences, anchor, taken)` -> list of `RelativeMention`: every relative
  expression outside the spans in `taken`, with the date it names in an article written on
  `anchor` (the dateline's or publication stamp's day, else the article's main date).

News counts days from the day it is written: a weekday in a report is the last such day on or
before it ("said on Tuesday"), in an announcement the next one ("will meet on Friday").
"The following day" and "a day earlier" count from the last day the story named, kept by
`_Narrative` from sentence to sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sco_cli.extract.context import WEEKDAY_NAMES, shift_days, tense, weekday_on_or_before
from sco_cli.extract.text import Sentence
from sco_cli.model import PartialDate

# Friday, last Friday, next Tuesday, Friday's ruling, Thursday morning (the part of the day is left out)
# (not "Monday, Oct. 26": the date written after it is the mention)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_REL = re.compile(rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{WEEKDAY_NAMES})\b"
                          rf"(?!,?\s+(?:[A-Z][a-z]{{2,8}}\.?\s+)?\d){_PART_OF_DAY}")
# today, tonight, yesterday, tomorrow, the day before yesterday
_DAY_WORD = re.compile(r"\b(?P<w>[Tt]he day before yesterday|[Tt]he day after tomorrow|[Tt]oday|[Tt]onight|"
                       r"[Yy]esterday|[Tt]omorrow)\b(?!['\u2019]s\b)(?:\s+(?:morning|afternoon|evening))?")
# the day before, a day earlier, the previous day, the following day, a day later, the next day
# ("the day before" only where it ends its phrase: "the day before authorities issued ..." is a conjunction)
_NARRATIVE_DAY = re.compile(r"\b(?P<w>(?:[Tt]he\s+day|[Aa]\s+day)\s+before(?=\s*[,.;:)]|\s*$)|[Aa]\s+day\s+earlier|"
                            r"[Tt]he\s+previous\s+day|[Tt]he\s+following\s+day|[Aa]\s+day\s+later|[Tt]he\s+next\s+day)\b")
# last year, this year, next year, earlier this year, a year ago, a year earlier, two years ago
_YEAR_REL = re.compile(r"\b(?P<w>(?:[Ee]arlier|[Ll]ater)\s+this\s+year|[Ll]ast\s+year|[Tt]his\s+year|[Nn]ext\s+year|"
                       r"[Tt]he\s+previous\s+year|[Aa]\s+year\s+(?:ago|earlier)|"
                       r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years\s+ago)\b")
# last month, this month, next month, earlier this month
_MONTH_REL = re.compile(r"\b(?P<w>(?:[Ee]arlier|[Ll]ater)\s+this\s+month|[Ll]ast\s+month|[Tt]his\s+month|"
                        r"[Nn]ext\s+month|[Aa]\s+month\s+(?:ago|earlier))\b")

# Any word a relative expression needs: the cheap test that skips most sentences.
_ANY_RELATIVE = re.compile(rf"\b(?:{WEEKDAY_NAMES}|[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|day|years?|month)\b")

_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_DAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}
_NARRATIVE_SHIFT = {"the day before": -1, "a day earlier": -1, "a day before": -1, "the previous day": -1,
                    "the following day": 1, "a day later": 1, "the next day": 1}


@dataclass(frozen=True)
class RelativeMention:
    sentence: Sentence
    start: int  # offsets in the sentence
    end: int
    date: PartialDate


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _year_shift(m: re.Match) -> int:
    w = _words(m.group("w"))
    if m.group("n"):
        n = m.group("n")
        return -(int(n) if n.isdigit() else _NUMBERS[n])
    if w.startswith(("last", "the previous", "a year")):
        return -1
    return 1 if w.startswith("next") else 0


def _month_shift(anchor: PartialDate, m: re.Match) -> PartialDate:
    w = _words(m.group("w"))
    step = -1 if w.startswith(("last", "a month")) else 1 if w.startswith("next") else 0
    index = anchor.year * 12 + anchor.month - 1 + step
    return PartialDate(index // 12, index % 12 + 1, None, None, anchor.year_source)


def _weekday(anchor: PartialDate, m: re.Match, future: bool) -> PartialDate | None:
    direction = (m.group("dir") or "").lower()
    name = m.group("wd")
    if direction == "next" or (future and direction != "last"):
        back = weekday_on_or_before(shift_days(anchor, 6), name, anchor.year_source)
        if direction == "next" and back == anchor:
            back = shift_days(anchor, 7, anchor.year_source)
        return back
    if direction == "last":
        return weekday_on_or_before(shift_days(anchor, -1), name, anchor.year_source)
    return weekday_on_or_before(anchor, name, anchor.year_source)


class _Narrative:
    """Walks the sentences in order, remembering the last day the story named."""

    def __init__(self, anchor: PartialDate):
        self.anchor = anchor
        self.last_day = anchor if anchor.precision == "day" else None
        self.rules = self._rules()  # built once: they read the story's last day when they run

    def note_day(self, date: PartialDate) -> None:
        if date.precision == "day" and date.year is not None:
            self.last_day = _first_day(date)

    def sentence(self, sent: Sentence, taken: list[tuple[int, int]]) -> list[RelativeMention]:
        """The relative expressions of one sentence, each resolved by its own rule, in text order."""
        found: list[RelativeMention] = []
        if not _ANY_RELATIVE.search(sent.text):
            return found
        spans = list(taken)
        for pattern, resolve in self.rules:
            for m in pattern.finditer(sent.text):
                if any(m.start() < e and s < m.end() for s, e in spans):
                    continue
                date = resolve(m, sent.text)
                if date is not None:
                    found.append(RelativeMention(sent, m.start(), m.end(), date))
                    spans.append((m.start(), m.end()))
        found.sort(key=lambda r: r.start)
        return found

    def _rules(self):
        """(pattern, resolver) pairs, the more specific first; a resolver returns None when the
        anchor cannot place its expression (a weekday needs a day)."""
        day = self.anchor if self.anchor.precision == "day" else None
        return (
            (_DAY_WORD, lambda m, text: day and shift_days(day, _DAY_SHIFT[_words(m.group("w"))], day.year_source)),
            (_NARRATIVE_DAY, lambda m, text: self.last_day and shift_days(
                self.last_day, _NARRATIVE_SHIFT[_words(m.group("w"))], self.last_day.year_source)),
            (_WEEKDAY_REL, lambda m, text: day and _weekday(day, m, tense(text, m.start()) == "future")),
            (_MONTH_REL, lambda m, text: _month_shift(self.anchor, m) if self.anchor.month is not None else None),
            (_YEAR_REL, lambda m, text: PartialDate(self.anchor.year + _year_shift(m), None, None, None,
                                                    self.anchor.year_source)),
        )


def _first_day(date: PartialDate) -> PartialDate:
    """A range's first day stands for it when later days count from it."""
    return PartialDate(date.year, date.month, date.day, None, date.year_source)


def find_relative(sentences: list[Sentence], anchor: PartialDate | None,
                  taken: dict[int, list[tuple[int, int, PartialDate]]]) -> list[RelativeMention]:
    """Relative expressions in `sentences` resolved against `anchor`; `taken` maps a sentence's
    start to the (start, end, date) of the calendar dates already found in it."""
    if anchor is None or anchor.year is None:
        return []
    walk = _Narrative(anchor)
    out: list[RelativeMention] = []
    for sent in sentences:
        spans = taken.get(sent.start, [])
        found = walk.sentence(sent, [(s, e) for s, e, _ in spans])
        # the story's last named day moves with calendar dates and relative days, in text order
        for item in sorted([(s, d) for s, _, d in spans] + [(r.start, r.date) for r in found], key=lambda t: t[0]):
            walk.note_day(item[1])
        out.extend(found)
    return out


__all__ = ["RelativeMention", "find_relative"]
