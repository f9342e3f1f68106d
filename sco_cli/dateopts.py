"""`--from` / `--to` values: 2019, 2019-03, 2019-03-14, March 2019, 14 March 2019 (March 14, 2019).

Kept apart from the extractors so that a query parses its options without loading them.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from sco_cli.errors import UsageError
from sco_cli.model import PartialDate

DATE_OPTION_FORMS = "2019, 2019-03, 2019-03-14, March 2019, 14 March 2019"

# 2019, 2019-03, 2019-03-14
_OPTION_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# March 2019, 14 March 2019, March 14, 2019
_OPTION_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?(?:\s+(\d{1,2}),?)?\s+(\d{4})$")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    from sco_cli.lexicon import read_entries

    out: dict[str, int] = {}
    for line in read_entries("months.txt"):
        number, *spellings = line.split()
        for spelling in spellings:
            out[spelling.lower().rstrip(".")] = int(number)
    return out


def _valid(year: int, month: int | None, day: int | None) -> bool:
    try:
        datetime(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def parse_date_option(text: str) -> PartialDate:
    """Parse a --from/--to value; anything but the accepted forms is a UsageError."""
    value = " ".join(text.split())
    year = month = day = None
    iso = _OPTION_ISO.match(value)
    words = None if iso else _OPTION_WORDS.match(value)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
    elif words and (words.group(1) is None or words.group(3) is None):
        month = _months().get(words.group(2).lower())
        day_text = words.group(1) or words.group(3)
        year, day = int(words.group(4)), int(day_text) if day_text else None
    if year is None or (words and month is None) or year < 1 or not _valid(year, month, day):
        raise UsageError(f"not a date: {text!r}", hint=f"use one of: {DATE_OPTION_FORMS}")
    return PartialDate(year, month, day)
