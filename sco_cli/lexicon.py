"""Word lists and gazetteers, read once from the documented data files in `sco_cli/data/`.

Every file is UTF-8 text, one entry per line; `#` starts a comment; blank lines are ignored.
The header of each file says what its lines mean. Users extend `sco` by adding lines there, or by
pointing `SCO_DATA_DIR` at a folder with files of the same names whose lines are added.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sco_cli.normalize import fold

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
    roles: tuple[str, ...] = ()  # longest first
    titles: tuple[str, ...] = ()
    countries: dict[str, str] = field(default_factory=dict)  # name, other name or demonym -> country
    capitals: dict[str, str] = field(default_factory=dict)  # country -> capital
    cities: frozenset[str] = frozenset()
    organizations: dict[str, str] = field(default_factory=dict)  # folded name -> acronym
    acronyms: dict[str, str] = field(default_factory=dict)  # acronym -> full name
    family_name_first: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    meeting_phrases: tuple[tuple[str, str], ...] = ()  # (format, regex)
    person_verbs: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    adopting_bodies: tuple[str, ...] = ()  # longest first

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
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in read_entries("countries.txt"):
        name, demonyms, capital, others = (part.strip() for part in (line.split("|") + ["", "", ""])[:4])
        for word in [name, *demonyms.split(","), *others.split(",")]:
            if word.strip():
                countries[word.strip()] = name
        capitals[name] = capital
    organizations: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for line in read_entries("organizations.txt"):
        acronym, full, others = (part.strip() for part in (line.split("|") + ["", ""])[:3])
        acronyms[acronym] = full
        for name in [full, *others.split(",")]:
            if name.strip():
                organizations[fold(name)] = acronym
    roles = tuple(sorted(read_entries("roles.txt"), key=len, reverse=True))
    titles = tuple(sorted(read_entries("titles.txt"), key=len, reverse=True))
    cities = frozenset(read_entries("cities.txt")) | frozenset(c for c in capitals.values() if c)
    months_words = {w.title() for w in months}
    not_names = (frozenset(read_entries("not_names.txt")) | frozenset(countries) | cities
                 | {w for r in roles for w in r.replace("-", " ").split()} | frozenset(acronyms)
                 | {w for t in titles for w in t.split()} | months_words)
    phrases = []
    for line in read_entries("meeting_verbs.txt"):
        fmt, _, phrase = line.partition("|")
        phrases.append((fmt.strip(), phrase.strip()))
    return Lexicon(
        month_spellings=months,
        agreement_kinds=kinds,
        roles=roles,
        titles=titles,
        countries=countries,
        capitals=capitals,
        cities=cities,
        organizations=organizations,
        acronyms=acronyms,
        family_name_first=frozenset(read_entries("family_name_first.txt")),
        not_names=not_names,
        meeting_phrases=tuple(phrases),
        person_verbs=frozenset(read_entries("person_verbs.txt")),
        given_names=frozenset(read_entries("given_names.txt")),
        adopting_bodies=tuple(sorted(read_entries("adopting_bodies.txt"), key=len, reverse=True)),
    )
