"""Word lists and gazetteers, read once from the documented data files in `sco_cli/data/`.

Every file is UTF-8 text, one entry per line; `#` starts a comment; blank lines are ignored.
The header of each file says what its lines mean. Users extend `sco` by adding lines there, or by
pointing `SCO_DATA_DIR` at a folder with files of the same names whose lines are added.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_entries(name: str) -> list[str]:
    """The entries of data file `name`, plus those of `$SCO_DATA_DIR/name` when that exists."""
    entries: list[str] = []
    dirs = [DATA_DIR]
    extra = os.environ.get("SCO_DATA_DIR")
    if extra:
        dirs.append(Path(extra))
    for folder in dirs:
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if line:
                entries.append(line)
    return entries


@dataclass(frozen=True, eq=False)  # hashed by identity: it is built once and cached
class Lexicon:
    """All vocabularies the extractors use. Built once per process by `default_lexicon()`."""

    month_spellings: dict[str, int]
    agreement_kinds: dict[str, str]  # word or phrase (lowercase, spaces) -> kind

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.agreement_kinds.values()))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    months: dict[str, int] = {}
    for line in read_entries("months.txt"):
        number, *spellings = line.split()
        for spelling in spellings:
            months[spelling.lower().rstrip(".")] = int(number)
    kinds: dict[str, str] = {}
    for line in read_entries("agreement_kinds.txt"):
        kind, *words = line.split()
        for word in [kind, *words]:
            kinds[word.replace("_", " ").lower()] = kind
    return Lexicon(month_spellings=months, agreement_kinds=kinds)
