"""Dates: each written form, the non-dates, year inference, the main date, --from/--to values."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sco_cli.corpus import parse_article
from sco_cli.errors import UsageError
from sco_cli.dateopts import parse_date_option
from sco_cli.extract.dates import find_dates
from sco_cli.model import PartialDate


def mentions(body: str, headline: str = "Headline"):
    """[(text, iso, end iso, year source)] of the dates found in an article with this body."""
    article = parse_article(f"{headline}\n\n{body}", "doc")
    return [(m.span.text, m.date.iso, m.date.end.iso if m.date.end else None, m.date.year_source)
            for m in find_dates(article).mentions]


def doc_date(body: str, headline: str = "Headline"):
    d = find_dates(parse_article(f"{headline}\n\n{body}", "doc")).doc_date
    return None if d is None else d.iso


ANCHOR = " The meeting of 2 February 2019 was recalled."  # gives year-less dates a year (2019)


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param("They met on 14 March 2019.", [("14 March 2019", "2019-03-14", None, "text")], id="d-month-y"),
        pytest.param("They met on March 14, 2019.", [("March 14, 2019", "2019-03-14", None, "text")], id="month-d-y"),
        pytest.param("Held on 28 September, 2019.", [("28 September, 2019", "2019-09-28", None, "text")],
                     id="d-month-comma-y"),
        pytest.param("Signed on 2019-03-14 in Beijing.", [("2019-03-14", "2019-03-14", None, "text")], id="iso"),
        pytest.param("Held on 13-15 November 2018.", [("13-15 November 2018", "2018-11-13", "2018-11-15", "text")],
                     id="day-range"),
        pytest.param("Next meeting on 29-30 June 2020.", [("29-30 June 2020", "2020-06-29", "2020-06-30", "text")],
                     id="day-range-2"),
        pytest.param("From 26 November - 2 December 2019 it ran.",
                     [("26 November - 2 December 2019", "2019-11-26", "2019-12-02", "text")], id="cross-month-range"),
        pytest.param("Talks on November 7-8, 2023 followed.",
                     [("November 7-8, 2023", "2023-11-07", "2023-11-08", "text")], id="us-day-range"),
        pytest.param("Adopted in May 2003 in Paris.", [("May 2003", "2003-05", None, "text")], id="in-month-y"),
        pytest.param("Signed in June 2011.", [("June 2011", "2011-06", None, "text")], id="in-june-y"),
        pytest.param("It opened in Septemebr 2020.", [("Septemebr 2020", "2020-09", None, "text")], id="misspelt-month"),
        pytest.param("Held on 15 Janury 2024.", [("15 Janury 2024", "2024-01-15", None, "text")],
                     id="misspelt-month-not-in-the-list"),
        pytest.param("In 2014, RATS and Interpol signed it.", [("2014", "2014", None, "text")], id="in-year"),
        pytest.param("An observer since 2004.", [("2004", "2004", None, "text")], id="since-year"),
        pytest.param("Established in 1997, the office grew.", [("1997", "1997", None, "text")], id="established-in"),
        pytest.param("Meetings held in 2018-2019 helped.", [("2018-2019", "2018", "2019", "text")], id="year-range"),
        pytest.param("A plan for 2023-2025 was approved.", [("2023-2025", "2023", "2025", "text")], id="year-range-2"),
        pytest.param("The programme runs from 2018 to 2028.", [("2018 to 2028", "2018", "2028", "text")],
                     id="year-range-to"),
        pytest.param("Work resumes by mid-2023.", [("mid-2023", "2023", None, "text")], id="mid-year"),
        pytest.param("Tajikistan's 2021 SCO chairmanship began.", [("2021", "2021", None, "text")], id="possessive-year"),
    ],
)
def test_forms_with_a_year(body, expected):
    assert mentions(body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param("On 6 March, they met." + ANCHOR, ("6 March", "2019-03-06", None, "article"), id="on-d-month"),
        pytest.param("Then 6 March came." + ANCHOR, ("6 March", "2019-03-06", None, "article"), id="d-month"),
        pytest.param("Talks on May 22 went well." + ANCHOR, ("May 22", "2019-05-22", None, "article"), id="month-d"),
        pytest.param("From 8-9 June they met." + ANCHOR, ("8-9 June", "2019-06-08", "2019-06-09", "article"),
                     id="year-less-range"),
        pytest.param("On June 18 to 21 they toured." + ANCHOR, ("June 18 to 21", "2019-06-18", "2019-06-21", "article"),
                     id="year-less-us-range"),
        pytest.param("The summit in June was a success." + ANCHOR, ("June", "2019-06", None, "article"),
                     id="in-month"),
        pytest.param("A summit in Astana in June of this year is due." + ANCHOR,
                     ("June of this year", "2019-06", None, "article"), id="month-of-this-year"),
        pytest.param("It was July last year." + ANCHOR, ("July last year", "2018-07", None, "article"),
                     id="month-last-year"),
        pytest.param("Contacts resumed in early February." + ANCHOR, ("early February", "2019-02", None, "article"),
                     id="early-month"),
    ],
)
def test_year_less_forms_take_the_articles_year(body, expected):
    assert mentions(body)[0] == expected


def test_year_less_date_without_any_year_stays_unknown():
    assert mentions("On 6 March, they met.") == [("6 March", None, None, None)]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("The 62nd session of the Commission opened.", id="session-ordinal"),
        pytest.param("The partners include 58 countries and 23 organisations.", id="counts"),
        pytest.param("The UN has 194 member-countries.", id="count-hyphen"),
        pytest.param("They support the 2030 Agenda for Sustainable Development.", id="2030-agenda"),
        pytest.param("Resolution A/RES/59/48 granted the status.", id="resolution-code"),
        pytest.param("The COVID-19 pandemic slowed work.", id="covid-19"),
        pytest.param("The Peace Mission 2021 exercise ended.", id="name-with-year"),
        pytest.param("Visitors came to EXPO-2017 in Astana.", id="expo-2017"),
        pytest.param("They implement the Development Strategy of the SCO until 2025.", id="strategy-until"),
        pytest.param("The text recalls resolution 71/14 of the Assembly.", id="resolution-number"),
        pytest.param("They met on Tuesday and again the following day.", id="weekday-relative"),
        pytest.param("The sides may sign a plan.", id="modal-may"),
        pytest.param("About 1500 participants attended.", id="four-digit-count-out-of-range"),
    ],
)
def test_not_dates(body):
    assert mentions(body) == []


def test_resolution_number_before_a_month_is_not_a_day():
    assert mentions("It recalls resolution 71/14 of November 2016.") == [("November 2016", "2016-11", None, "text")]


def test_dateline_is_a_mention_and_the_main_date():
    body = ("BEIJING, July 14 (Xinhua) -- Talks were held here. The plan of 2 March 2022 was recalled.")
    assert mentions(body)[0] == ("July 14", "2022-07-14", None, "tense")
    assert doc_date(body) == "2022-07-14"


def test_dateline_with_a_year_gives_year_less_dates_their_year():
    body = "MOSCOW, March 16, 2023 (TASS) -- Talks began. The sides met again on 20 March."
    assert mentions(body) == [("March 16, 2023", "2023-03-16", None, "text"),
                              ("20 March", "2023-03-20", None, "dateline")]


def test_year_of_the_lead_wins_over_background_years():
    body = ("TASHKENT, 18 August (UzA). The meeting is part of Uzbekistan's 2021-2022 chairmanship.\n\n"
            "A similar meeting took place on 28 April 2011.")
    assert mentions(body)[0] == ("18 August", "2022-08-18", None, "tense")


def test_year_less_date_follows_the_latest_past_event():
    # no year in the lead: the present comes after the latest dated past event (October 2018)
    # (Almaty held no SCO council near May 22, so no meeting of data/sco_events.txt places it)
    body = ("ALMATY, May 22 (Xinhua) -- Ministers met here.\n\n"
            "They reviewed the summit of 9-10 June 2018 and the meeting of 11-12 October 2018.")
    assert mentions(body)[0] == ("May 22", "2019-05-22", None, "tense")


def test_future_dates_do_not_set_the_present():
    body = ("On 6 March, the two met.\n\nThey prepared the next meeting on 29-30 June 2020. "
            "Expert meetings were held on 13-15 November 2018 and on 26-28 November 2019.")
    assert mentions(body)[0] == ("6 March", "2020-03-06", None, "article")


def test_main_date_is_the_lead_event_not_background():
    body = ("On 14 March 2019, the Secretary-General met the Director.\n\n"
            "Their organisations signed a memorandum on 14 June 2011.")
    assert doc_date(body) == "2019-03-14"


def test_main_date_weekday_in_the_lead():
    # 13 June 2025 was a Friday: the statement issued "on Saturday" is of 14 June
    body = "The members on Saturday issued a statement condemning strikes carried out on 13 June 2025."
    assert doc_date(body) == "2025-06-14"


def test_a_publication_stamp_is_the_day_of_writing_and_a_lead_weekday_goes_back_from_it():
    # 27 October 2023 was a Friday: "on Thursday" is the 26th, not the Thursday after
    assert doc_date("2023-10-27 21:40\n\nBISHKEK -- The heads of government met on Thursday in Bishkek.") == \
        "2023-10-26"
    assert doc_date("2023-10-27 21:40\n\nBISHKEK -- The heads of government met in Bishkek.") == "2023-10-27"


def test_main_date_of_a_long_conference_is_its_month():
    assert doc_date("They met on the sidelines of a forum held on 6-9 June 2022.") == "2022-06"


def test_no_dates_no_main_date():
    assert doc_date("Nothing dated here.") is None


# ---- --from / --to --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019", PartialDate(2019)),
        ("2019-03", PartialDate(2019, 3)),
        ("2019-03-14", PartialDate(2019, 3, 14)),
        ("March 2019", PartialDate(2019, 3)),
        ("14 March 2019", PartialDate(2019, 3, 14)),
        ("March 14, 2019", PartialDate(2019, 3, 14)),
        ("sept 2019", PartialDate(2019, 9)),
    ],
)
def test_date_option_forms(text, expected):
    assert parse_date_option(text) == expected


@pytest.mark.parametrize("text", ["notadate", "2019-13", "2019-02-30", "14 Marchy 2019", "", "19", "March",
                                  "14 March", "2019/03/14", "March 14 15 2019"])
def test_date_option_rejects(text):
    with pytest.raises(UsageError) as err:
        parse_date_option(text)
    assert err.value.hint == "use one of: 2019, 2019-03, 2019-03-14, March 2019, 14 March 2019"


def test_partial_dates_filter_as_intervals():
    march = PartialDate(2019, 3)
    assert march.bounds() == (20190301, 20190331)
    assert PartialDate(2020, 2).bounds() == (20200201, 20200229)
    assert PartialDate(2018, end=PartialDate(2019)).bounds() == (20180101, 20191231)


# ---- properties: a formatted random date parses back to itself -----------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
FORMS = {
    "d-month-y": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "month-d-y": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "d-month-comma-y": lambda d: f"{d.day} {MONTHS[d.month - 1]}, {d.year}",
    "iso": lambda d: d.isoformat(),
}


@pytest.mark.parametrize("form", sorted(FORMS))
@settings(max_examples=60, deadline=None)
@given(d=days)
def test_day_forms_round_trip(form, d):
    text = FORMS[form](d)
    assert mentions(f"It happened on {text} in Vienna.") == [(text, d.isoformat(), None, "text")]


@settings(max_examples=60, deadline=None)
@given(d=days)
def test_month_year_round_trips(d):
    text = f"{MONTHS[d.month - 1]} {d.year}"
    assert mentions(f"It was adopted in {text}.") == [(text, f"{d.year}-{d.month:02d}", None, "text")]


@settings(max_examples=60, deadline=None)
@given(d=days, span=st.integers(min_value=1, max_value=5))
def test_day_ranges_round_trip(d, span):
    end = d + timedelta(days=span)
    if end.month != d.month:
        text = f"{d.day} {MONTHS[d.month - 1]} - {end.day} {MONTHS[end.month - 1]} {end.year}"
        if end.year != d.year:
            return  # a range across New Year names two years; not a form news uses
    else:
        text = f"{d.day}-{end.day} {MONTHS[d.month - 1]} {d.year}"
    assert mentions(f"It was held on {text} in Beijing.") == [(text, d.isoformat(), end.isoformat(), "text")]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(min_value=1950, max_value=2049), length=st.integers(min_value=1, max_value=10))
def test_year_ranges_round_trip(year, length):
    text = f"{year}-{year + length}"
    assert mentions(f"A programme for {text} was approved.") == [(text, str(year), str(year + length), "text")]
