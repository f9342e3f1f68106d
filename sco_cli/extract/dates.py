"""Dates: find the calendar dates an article mentions, at the precision written.

The public functions are `find_dates` (mentions in a text) and `parse_date_option` (the
`--from/--to` values). Candidate spans are found with the named regexes below; each span is then
parsed on its own with python-dateutil, never a whole sentence.
"""
from __future__ import annotations

import re
from datetime import datetime

from sco_cli.errors import UsageError
from sco_cli.lexicon import default_lexicon
from sco_cli.model import PartialDate

DATE_OPTION_FORMS = "2019, 2019-03, 2019-03-14, March 2019, 14 March 2019"

# --from/--to: a year, an ISO month or day, "March 2019", "14 March 2019" (also "March 14, 2019").
_OPTION_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_OPTION_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?(?:\s+(\d{1,2}),?)?\s+(\d{4})$")


def _valid(year: int, month: int | None, day: int | None) -> bool:
    try:
        datetime(year, month or 1, day or 1)
    except ValueError:
        return False
    return 1 <= year <= 9999


def parse_date_option(text: str) -> PartialDate:
    """Parse a --from/--to value; anything but the accepted forms is a UsageError."""
    value = " ".join(text.split())
    year = month = day = None
    m = _OPTION_ISO.match(value)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
    else:
        m = _OPTION_WORDS.match(value)
        if m and (m.group(1) is None or m.group(3) is None):
            month = default_lexicon().month_spellings.get(m.group(2).lower())
            day_text = m.group(1) or m.group(3)
            year, day = int(m.group(4)), int(day_text) if day_text else None
    if year is None or (m and month is None and not _OPTION_ISO.match(value)) or not _valid(year, month, day):
        raise UsageError(f"not a date: {text!r}", hint=f"use one of: {DATE_OPTION_FORMS}")
    return PartialDate(year, month, day)
