"""The year of a dispatch whose dateline writes none (extract/anchor.py): one table per clue,
each row with the year expected, where it came from and the evidence that must be recorded.
Sentences are written for these tests; weekdays are checked with the calendar, not copied."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from sco_cli.corpus import parse_article
from sco_cli.extract.anchor import WEIGHTS, weigh
from sco_cli.extract.context import WEEKDAYS
from sco_cli.extract.dates import find_dates
from sco_cli.model import YearEvidence


def read(body: str):
    return find_dates(parse_article("Headline\n\n" + body, "t"))


def clues(found) -> list[tuple]:
    """(source, first, last, weight, words) of each clue, without the weekday's list of years."""
    return [(e.source, e.first, e.last, e.weight, e.text) for e in found.evidence]


def years_with(month: int, day: int, weekday: str, *, lo=1990, hi=2035) -> tuple[int, ...]:
    return tuple(y for y in range(lo, hi + 1) if date(y, month, day).weekday() == WEEKDAYS.index(weekday))


def test_weekday_in_the_lead_admits_the_years_of_that_weekday():
    found = read("ALMATY, March 3 (Xinhua) -- The ministers on Thursday opened a forum on trade. "
                 "Officials recalled the agreement of 2011.")
    assert found.doc_date.iso == "2011-03-03" and found.doc_date.year_source == "weekday"
    weekday, day_before, tense = found.evidence
    assert (weekday.source, weekday.weight, weekday.text) == ("weekday", 3.0, "on Thursday")
    assert weekday.years == years_with(3, 3, "thursday")
    # the dispatch may be filed the morning after: March 3 a Friday, so Thursday was March 2
    assert (day_before.weight, day_before.years) == (1.0, years_with(3, 3, "friday"))
    assert (tense.source, tense.first, tense.last, tense.text) == ("tense", 2011, None, "2011")


OFFICE_CASES = [
    # (lead, year, source, office clues as (first, last, words))
    # alone, the latest year of the term (no reported year bounds it)
    ("KAZAN, May 14 (TASS) -- Russian President Dmitry Medvedev received the visiting premier.",
     2012, "office", [(2008, 2012, "President Dmitry Medvedev")]),
    # with a weekday the term picks one of its years: 14 May 2008 was a Wednesday
    ("KAZAN, May 14 (TASS) -- Russian President Dmitry Medvedev on Wednesday received the premier.",
     2008, "weekday", [(2008, 2012, "President Dmitry Medvedev")]),
    # the years that fit the term rule out a heavier reading of the weekday: 5 July 2018 was a
    # Thursday, but Shehbaz Sharif was prime minister from 2022 (and again from March 2024); 4 July
    # 2024 was a Thursday too, the day before the dateline
    ("ISLAMABAD, July 5 (APP) -- Prime Minister Shehbaz Sharif on Thursday met President Alexander "
     "Lukashenko in Astana.", 2024, "office", [(2022, date.today().year, "Prime Minister Shehbaz Sharif"),
                                               (1994, None, "President Alexander Lukashenko")]),
    # "former" and "then" say nothing about the day of writing
    ("KAZAN, May 14 (TASS) -- Former President Dmitry Medvedev spoke to students.", None, None, []),
    ("KAZAN, May 14 (TASS) -- The pact was signed by then Foreign Minister Li Zhaoxing and his host.",
     None, None, []),
    # a title in a sentence that writes its own year belongs to that year
    ("KAZAN, May 14 (TASS) -- Talks opened. The pact was signed in 2005 by Secretary-General "
     "Zhang Deguang.", 2005, "tense", []),
]


@pytest.mark.parametrize("lead, year, source, offices", OFFICE_CASES)
def test_office_holders_bound_the_year_by_their_term(lead, year, source, offices):
    found = read(lead)
    assert (found.doc_date.year if found.doc_date else None) == year
    assert (found.doc_date.year_source if found.doc_date else None) == source
    assert [(e.first, e.last, e.text) for e in found.evidence if e.source == "office"] == offices


def test_two_terms_of_one_person_are_one_clue():
    found = read("MOSCOW, May 20 (TASS) -- President Vladimir Putin chaired a meeting.")
    (office,) = [e for e in found.evidence if e.source == "office"]
    assert office.years == tuple(range(2000, 2009)) + tuple(range(2012, date.today().year + 1))


EVENT_CASES = [
    # a dateline at an SCO council meeting's city and days: both Astana summits in early July
    # fit; the president's term tells them apart
    ("ASTANA, July 4 (Kazinform) -- President Kassym-Jomart Tokayev welcomed the leaders here.",
     2024, "event", [("event", 2005, 2005), ("event", 2024, 2024), ("office", 2019, None)]),
    # the council's ordinal names one meeting
    ("TASHKENT, June 11 (UzA) -- The tenth meeting of the Council of Heads of State of the SCO "
     "opened here.", 2010, "event", [("event", 2010, 2010), ("event", 2010, 2010)]),
    # no council met in Almaty near 20 May: no event clue
    ("ALMATY, May 20 (Kazinform) -- Ministers met here.", None, None, []),
]


@pytest.mark.parametrize("lead, year, source, expected", EVENT_CASES)
def test_sco_meetings_place_a_dispatch_in_their_year(lead, year, source, expected):
    found = read(lead)
    assert (found.doc_date.year if found.doc_date else None) == year
    assert (found.doc_date.year_source if found.doc_date else None) == source
    assert [(e.source, e.first, e.last) for e in found.evidence] == expected


ANNIVERSARY_CASES = [
    ("MINSK, June 15 (BelTA) -- The organisation, founded in Shanghai in 2001, marked its 20th "
     "anniversary with a reception.", 2021, "anniversary", [("anniversary", 2021, 2021, 3.0, "20th anniversary")]),
    # counted from the SCO's founding in data/sco_events.txt when the text gives no year
    ("MINSK, June 15 (BelTA) -- Diplomats in Minsk celebrated the tenth anniversary of the SCO.",
     2011, "anniversary", [("anniversary", 2011, 2011, 3.0, "tenth anniversary")]),
    # still to come: "next year" puts the article a year before it
    ("MINSK, June 15 (BelTA) -- The SCO prepares for its 25th anniversary, which it will mark next year.",
     2025, "anniversary", [("anniversary", 2025, 2025, 3.0, "25th anniversary")]),
    ("MINSK, June 15 (BelTA) -- Twenty years after its founding in 2001, the SCO has ten members.",
     2021, "anniversary", [("anniversary", 2021, 2021, 3.0, "Twenty years after its founding")]),
    # "newly created": the founding year or the next; 15 June 2002 was a Saturday
    ("MINSK, June 15 (BelTA) -- Ministers of the newly created Shanghai Cooperation Organization met "
     "on Saturday.", 2002, "weekday", [("anniversary", 2001, 2002, 1.5, "newly created")]),
]


@pytest.mark.parametrize("lead, year, source, anniversaries", ANNIVERSARY_CASES)
def test_anniversaries_count_from_the_founding(lead, year, source, anniversaries):
    found = read(lead)
    assert (found.doc_date.year, found.doc_date.year_source) == (year, source)
    assert [c for c in clues(found) if c[0] == "anniversary"] == anniversaries


def test_reported_years_bound_from_below_and_announced_ones_from_above():
    found = read("ALMATY, October 20 (Kazinform) -- Ministers met here. They reviewed the plan adopted "
                 "on 5 November 2018. The Games the city is to host in 2022 were discussed.")
    # 5 November 2018 was reported in an October dispatch: it is October 2019 at the earliest
    assert clues(found) == [("tense", 2019, None, 1.0, "5 November 2018"), ("tense", None, 2022, 1.0, "2022")]
    assert (found.doc_date.iso, found.doc_date.year_source) == ("2019-10-20", "tense")


def test_a_written_year_on_the_dateline_needs_no_clues():
    # 22 October 2015 was a Thursday: the lead's Tuesday is the 20th
    found = read("ALMATY, October 22, 2015 (Kazinform) -- Ministers met on Tuesday.")
    assert (found.doc_date.iso, found.doc_date.year_source, found.evidence) == ("2015-10-20", "text", ())


def test_weigh_prefers_the_heaviest_clue_and_reports_it():
    evidence = [YearEvidence("office", 2008, 2012, WEIGHTS["office"], "President Dmitry Medvedev"),
                YearEvidence("tense", 2001, None, WEIGHTS["tense"], "2001"),
                YearEvidence("event", 2010, 2010, WEIGHTS["event"], "Tashkent summit")]
    assert weigh(evidence) == (2010, "event")
    assert weigh([]) is None


@settings(max_examples=300, deadline=None)
@given(day=st.dates(date(1995, 1, 1), date(2030, 12, 31)),
       weekday=st.sampled_from(WEEKDAYS),
       background=st.integers(1990, 2030),
       office=st.sampled_from(["", "Chinese President Hu Jintao ", "Kazakh Prime Minister Karim Massimov ",
                               "UN Secretary-General Ban Ki-moon "]))
def test_an_inferred_year_always_agrees_with_the_stated_weekday(day, weekday, background, office):
    month_name = day.strftime("%B")
    found = read(f"ALMATY, {month_name} {day.day} (Kazinform) -- {office or 'The minister '}"
                 f"on {weekday.title()} met visiting officials. They recalled the talks of {background}.")
    if found.doc_date is None:  # only 29 February in a window without a leap year of that weekday
        assert (day.month, day.day) == (2, 29)
        return
    written = date(found.doc_date.year, day.month, day.day)
    # the lead's weekday is the dateline's day or the day before it, whatever else the text says
    assert WEEKDAYS.index(weekday) in (written.weekday(), (written.weekday() - 1) % 7)
    assert found.doc_date.year_source in ("weekday", "office", "tense", "event")


def test_an_anniversary_of_something_else_is_no_clue_without_its_year():
    found = read("ASTANA, June 15 (Kazinform) -- The president noted that this year marks the 20th anniversary "
                 "of Kazakhstan's independence.")
    assert [e for e in found.evidence if e.source == "anniversary"] == []


def test_a_period_an_instrument_covers_is_no_tense_clue():
    found = read("ASTANA, June 15 (Kazinform) -- The leaders approved the Anti-Drug Strategy for 2011-2016.")
    assert [e for e in found.evidence if e.source == "tense"] == []
