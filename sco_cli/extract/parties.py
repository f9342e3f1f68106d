"""Parties: who an instrument binds when its title names no "between A and B".

News names the sides of an instrument in a handful of ways, tried in this order:

- a status memorandum names its country: "the Memorandum on granting Egypt the status of SCO
  dialogue partner", "the memorandum of obligations of Iran" -> Egypt (Iran) and the SCO;
- states joined by hyphens: "the India-China joint press statement", "a Russian-Chinese plan of
  action", "the China-Mongolia-Russia corridor programme" -> those states;
- the people who sign it, when they speak for two or more states: "Xi and Rahmon signed a joint
  statement" -> China and Tajikistan;
- the organisation's own documents: a title of its member states or councils ("the Agreement between
  the Governments of the SCO Member States on ...", "the Declaration of the Council of Heads of
  State"), a summit's city declaration ("the Qingdao Declaration"), or a document an organisation's
  collective body adopts ("the heads of government issued a joint communique") -> the SCO member
  states. The collective bodies are listed in `data/adopting_bodies.txt`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sco_cli.extract.anchor import summit_cities
from sco_cli.extract.people import Cast
from sco_cli.lexicon import Lexicon
from sco_cli.normalize import fold

# The party every document of the organisation's councils binds.
MEMBER_STATES = "SCO member states"
# The organisation a status memorandum is signed with.
ORGANISATION = "SCO"

# A status memorandum's country: "granting (the Republic of) Turkey the status", "obligations of Iran",
# "the accession of the UAE", "on Iran's full membership".
_STATUS_COUNTRY = re.compile(
    r"\b(?:granting|obligations\s+of|accession\s+of|admission\s+of|on)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]*){0,4}?)"
    r"(?:'s\s+(?:full\s+)?membership|\s+(?:the\s+)?status|\s+to\s+(?:obtain|the)\b|\s+as\b|$)")
# The state a status memorandum's "its" stands for, named just before: "For the UAE, the memorandum on its ...".
_ITS_COUNTRY = re.compile(r"\b(?:[Ff]or|[Aa]s\s+for)\s+(?:the\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}),\s+"
                          r"(?:the\s+|its\s+)?$")
# Signers named after a passive: "was signed by Kazakhstan, Kyrgyzstan and Uzbekistan on 1 November",
# "the Treaty ... signed by Russia and China in July 2001".
_SIGNED_BY = re.compile(r"^\s*,?\s*(?:(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?)?(?:signed|initialled|adopted)\s+by\s+"
                        r"([^.;]+?)(?=\s+(?:on|in|at|during|last|this)\s|,\s+(?:who|which|as|after|when)\b|[.;]|$)")
# Words that make a memorandum one of status: "dialogue partner", "observer", "member state".
_STATUS_WORDS = re.compile(r"\b(?:status|dialogue\s+partner|observer|membership|member\s+state|accession)\b",
                           re.IGNORECASE)
# States joined by hyphens: "India-China", "Russian-Chinese", "China-Mongolia-Russia".
_HYPHENATED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+){1,2}\b")
# A title of the organisation's own: its member states, its councils.
_MEMBER_TITLE = re.compile(r"\b(?:[Mm]ember\s+[Ss]tates|Council\s+of\s+(?:Heads|Foreign|Ministers))\b")
# A summit's declaration named by its city: "the Qingdao Declaration".
_CITY_DECLARATION = re.compile(r"^(?P<city>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)\s+Declaration\b")
# A count before a collective body names the sides of a bilateral: "the two ministers".
_COUNTED = re.compile(r"\b(?:two|both|three|four)\s+$", re.IGNORECASE)


# The verbs of a signing or an adoption.
_ADOPTS = r"(?:signed|adopted|approved|issued|endorsed|inked|put\s+their\s+signatures\s+to|adoption\s+of|signing\s+of)"


@lru_cache(maxsize=4)
def _body_patterns(lexicon: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A collective body that adopts: before its verb ("the heads of government issued ..."), after a
    passive ("... adopted by the heads of state"), or right after "their" document ("In their joint
    communique the ministers agreed")."""
    body = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in lexicon.adopting_bodies)
    body = rf"(?:the\s+)?(?:SCO\s+|organi[sz]ation's\s+)?(?P<body>{body})"
    return (re.compile(rf"\b{body}\b[^.;]{{0,80}}?\b{_ADOPTS}\b", re.IGNORECASE),
            re.compile(rf"^[^.;]{{0,60}}?\b{_ADOPTS}\s+by\s+{body}\b", re.IGNORECASE),
            re.compile(rf"^\s*,?\s*{body}\b", re.IGNORECASE))


def infer_parties(title: str, before: str, before_start: int, after: str, cast: Cast, lexicon: Lexicon,
                  about_sco: bool) -> list[str]:
    """The parties of an instrument whose title gives none. `before` and `after` are the text of its
    clause either side of the mention (`before_start` the body offset of `before`); `about_sco`
    whether the article is about the SCO."""
    named = _status_parties(title, before, lexicon) or _hyphenated_states(title, before, lexicon) \
        or _signed_by(after, cast, lexicon)
    if named:
        return named
    signers = _signing_states(before, before_start, cast, lexicon)
    if len(signers) == 2:
        return signers  # a bilateral signed at a summit is the two states', whatever the setting
    if about_sco and _of_the_organisation(title, before, after, lexicon):
        return [MEMBER_STATES]  # "the leaders of the six member states ... signed the Astana Declaration"
    return signers


def signer_state(name: str, cast: Cast, lexicon: Lexicon) -> str:
    """'Russian Foreign Minister Sergey Lavrov' signs for Russia, and "a joint declaration with
    Elbegdorj" binds Mongolia: a person the cast knows stands for the state (or organisation) the
    text gives them; anything else is itself."""
    key = fold(name)
    for person in cast.people:
        if not person.organization:
            continue
        if key in {fold(person.name), *(fold(a) for a in person.aliases)} or key.endswith(f" {fold(person.name)}"):
            return person.organization
    return name


def _signed_by(after: str, cast: Cast, lexicon: Lexicon) -> list[str]:
    """'... was signed by Kazakhstan, Kyrgyzstan and Uzbekistan on 1 November': those it names."""
    m = _SIGNED_BY.match(after)
    if m is None:
        return []
    names = [re.sub(r"^(?:the|its)\s+", "", n.strip()) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group(1))]
    out = []
    for name in names:
        if name[:1].isupper():
            party = lexicon.countries.get(name) or signer_state(name, cast, lexicon)
            if party not in out:
                out.append(party)
    return out if len(out) >= 2 else []


def _status_parties(title: str, before: str, lexicon: Lexicon) -> list[str]:
    if not title.lower().startswith("memorand") or not _STATUS_WORDS.search(title):
        return []
    its = _ITS_COUNTRY.search(before) if re.search(r"\bits\b", title) else None
    if its and lexicon.countries.get(its.group("name")):
        return [lexicon.countries[its.group("name")], ORGANISATION]  # "For the UAE, the memorandum on its accession"
    for m in _STATUS_COUNTRY.finditer(title):
        country = lexicon.countries.get(re.sub(r"^(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?", "", m.group("name")))
        country = country or lexicon.countries.get(m.group("name"))
        if country:
            return [country, ORGANISATION]
    # "the memorandum setting out the obligations Tehran must fulfil": a state named by its capital
    capitals = {capital: country for country, capital in lexicon.capitals.items() if capital}
    for word in re.findall(r"\b[A-Z][\w'\u2019-]+", title):
        country = lexicon.countries.get(word) or capitals.get(word)
        if country:
            return [country, ORGANISATION]
    return []


def _hyphenated_states(title: str, clause: str, lexicon: Lexicon) -> list[str]:
    """'India-China joint press statement': the states the hyphens join, in the title or just before it."""
    for text in (title, " ".join(clause.split()[-3:])):
        for m in _HYPHENATED.finditer(text):
            states = [lexicon.countries.get(w) for w in m.group(0).split("-")]
            if all(states) and len(set(states)) == len(states):
                return list(states)
    return []


def _signing_states(clause: str, clause_start: int, cast: Cast, lexicon: Lexicon) -> list[str]:
    """'Xi and Rahmon signed a joint statement': the states of the people who sign, when two or more."""
    if not re.search(r"\b(?:signed|signing|adopted|issued|inked)\b", clause):
        return []
    countries = set(lexicon.countries.values())
    states = []
    for ref in cast.refs_between(clause_start, clause_start + len(clause)):
        person = cast.people[ref.key] if ref.key is not None else None
        state = person.organization if person is not None else ref.org
        if state in countries and state not in states:
            states.append(state)
    return states if len(states) >= 2 else []


def _of_the_organisation(title: str, before: str, after: str, lexicon: Lexicon) -> bool:
    """A document of the organisation's own: by its title, as a summit city's declaration, or by the
    collective body that signs or adopts it."""
    if _MEMBER_TITLE.search(title):
        return True
    city = _CITY_DECLARATION.match(title)
    if city and fold(city.group("city")) in summit_cities():
        return True
    active, passive, possessed = _body_patterns(lexicon)
    if any(not _COUNTED.search(before[:m.start("body")]) for m in active.finditer(before)):
        return True
    if passive.match(after):
        return True
    return bool(re.search(r"\btheir\s+(?:[\w-]+\s+)?$", before) and possessed.match(after))
