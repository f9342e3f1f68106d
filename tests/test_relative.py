"""Relative dates and tense-aware years (extract/relative.py, extract/dates.py), resolved against
the article's date. The stamp line "March 12, 2020" (a Thursday) dates every article here."""
from __future__ import annotations

import pytest

from sco_cli.corpus import parse_article
from sco_cli.extract.dates import find_dates

STAMP = "March 12, 2020\n\n"


def found(body: str, stamp: str = STAMP):
    return find_dates(parse_article("Headline\n\n" + stamp + body, "t"))


def relative(body: str, stamp: str = STAMP) -> list[tuple[str, str, str]]:
    return [(m.span.text, m.date.iso, m.anchor) for m in found(body, stamp).mentions if m.relative]


RELATIVE_CASES = [
    ("The ministers met on Tuesday.", [("Tuesday", "2020-03-10", "2020-03-12")]),
    ("The ministers met on Thursday.", [("Thursday", "2020-03-12", "2020-03-12")]),
    ("The ministers will meet on Friday.", [("Friday", "2020-03-13", "2020-03-12")]),
    ("The ministers will meet on Thursday.", [("Thursday", "2020-03-12", "2020-03-12")]),
    ("They spoke last Thursday.", [("last Thursday", "2020-03-05", "2020-03-12")]),
    ("They will speak next Thursday.", [("next Thursday", "2020-03-19", "2020-03-12")]),
    ("He said he would travel as soon as Monday.", [("Monday", "2020-03-16", "2020-03-12")]),
    ("Monday's talks were cancelled.", [("Monday", "2020-03-09", "2020-03-12")]),
    ("The envoy arrived on Wednesday evening.", [("Wednesday evening", "2020-03-11", "2020-03-12")]),
    ("The envoy arrived yesterday and leaves tomorrow; today he rests.",
     [("yesterday", "2020-03-11", "2020-03-12"), ("tomorrow", "2020-03-13", "2020-03-12"),
      ("today", "2020-03-12", "2020-03-12")]),
    ("Trade grew last year and will grow next year.",
     [("last year", "2019", "2020-03-12"), ("next year", "2021", "2020-03-12")]),
    ("Earlier this year the forum met; two years ago it did not.",
     [("Earlier this year", "2020", "2020-03-12"), ("two years ago", "2018", "2020-03-12")]),
    ("The office opened last month and a second one opens this month.",
     [("last month", "2020-02", "2020-03-12"), ("this month", "2020-03", "2020-03-12")]),
    # the day before or after the last day the story named
    ("The forum opened on 3 March 2020. Talks were held the following day.",
     [("the following day", "2020-03-04", "2020-03-12")]),
    ("The forum closed on 3 March 2020. The experts had met a day earlier.",
     [("a day earlier", "2020-03-02", "2020-03-12")]),
    # "the day before" that opens a clause is a conjunction, not a date
    ("He left the day before talks began.", []),
    # a weekday written with its date is that date's mention
    ("The talks of Monday, March 9 went well.", []),
]


@pytest.mark.parametrize("body, expected", RELATIVE_CASES)
def test_relative_expressions_resolve_against_the_article_date(body, expected):
    assert relative(body) == expected


def test_relative_mentions_keep_the_anchor_year_source():
    # the stamp writes its year; a dispatch's weighed year would give "weekday", "office", ...
    (mention,) = [m for m in found("They met on Tuesday.").mentions if m.relative]
    assert (mention.relative, mention.date.year_source) == (True, "text")
    dispatch = found("They met on Tuesday.", "ALMATY, March 12 (Kazinform) -- Talks opened on Thursday.\n\n")
    assert [(m.span.text, m.date.iso, m.date.year_source) for m in dispatch.mentions if m.relative] == [
        ("Thursday", "2020-03-12", "weekday"), ("Tuesday", "2020-03-10", "weekday")]


def test_no_relative_dates_without_an_article_date():
    assert relative("They met on Tuesday and will meet again next year.", stamp="") == []


MONTH_CASES = [
    # (stamp, sentence, mention, value): year-less months by the tense of their clause
    ("March 10, 2020\n\n", "The minister was dismissed in July.", "July", "2019-07"),
    ("March 10, 2020\n\n", "The summit will be held in July.", "July", "2020-07"),
    ("November 3, 2020\n\n", "The coupon is payable Jan. 2.", "Jan. 2", "2021-01-02"),
    ("December 5, 2020\n\n", "A summit is planned for April.", "April", "2021-04"),
    ("December 5, 2020\n\n", "Prices fell in April.", "April", "2020-04"),
    ("March 10, 2020\n\n", "The treaty was signed last June.", "last June", "2019-06"),
    ("March 10, 2020\n\n", "The treaty was signed last February.", "last February", "2020-02"),
    ("March 10, 2020\n\n", "The treaty will be signed next June.", "next June", "2020-06"),
    ("March 10, 2020\n\n", "The treaty will be signed next February.", "next February", "2021-02"),
]


@pytest.mark.parametrize("stamp, sentence, mention, value", MONTH_CASES)
def test_year_less_months_take_the_year_their_tense_implies(stamp, sentence, mention, value):
    mentions = [(m.span.text, m.date.iso) for m in found(sentence, stamp).mentions if not m.relative]
    assert mentions[1:] == [(mention, value)]  # [0] is the stamp itself
