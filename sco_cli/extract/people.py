"""People and organisations: who is named in an article, with role and organisation, and where.

`find_people(article, sentences)` returns a `Cast`: every person named (full name as first
given, role, organisation), every place in the text that refers to one of them ("Vladimir
Norov", "Mr Norov", "Norov", "the Secretary-General"), unnamed role mentions ("the UN Secretary
General" where no name is ever given), and the organisations the article defines with acronyms.

A capitalised run of words is a person only with evidence: a role or title before it ("SCO
Secretary-General Vladimir Norov", "Mr Stock"), a role after it ("Khusrav Noziri, Secretary
General of ..."), or "of <country>" ("Vladimir Putin of Russia"). Later mentions by surname or by
role then resolve to the person first introduced.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from sco_cli.extract.text import Sentence, alternation
from sco_cli.lexicon import Lexicon
from sco_cli.model import Article, Person
from sco_cli.normalize import fold

_UPPER = "A-Z\u00c0-\u00de\u0100-\u017f"
_LOWER = "a-z\u00df-\u00ff\u0100-\u017f'\u2019"
# One word of a name: "Norov", "Marie-Anne", "Al-Muraikhi", "Xi", "Jenča".
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*"
# Lowercase words that may sit inside a name.
_PARTICLES = ("bin", "ibn", "bint", "al", "el", "de", "da", "van", "von", "der", "du", "la", "ul", "ud")
# Initials before a name: "S. Jaishankar", "D. Y. Chandrachud", "N.P. Patrushev", "Sh. Mirziyoyev".
# (a capital, or a transliterated digraph; never "Mr." or "Dr."); Indian copy drops the stop:
# "S Jaishankar" (never "A" or "I", which are words)
_INITIAL = r"(?:[A-Z]|Sh|Ch|Zh|Kh|Ts|Yu|Ya)\."
_INITIALS = rf"(?:(?:{_INITIAL}\s?)|[B-HJ-Z]\s){{1,3}}"
_INITIALS_WORD = re.compile(rf"(?:{_INITIAL})+|[B-HJ-Z]")
# A run of capitalised words (with particles and role hyphens) that may contain a name.
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w.-])(?:{_INITIALS}(?={_NAME_WORD}))?(?:{_NAME_WORD}|[A-Z]{{2,}})"
    rf"(?:\s+(?!{_INITIAL}\s)(?:(?:{'|'.join(_PARTICLES)})\s+)?(?:{_NAME_WORD}|[A-Z]{{2,}}))*"
)
# "Full Name (ACR)": an organisation the article names with its acronym.
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*)(?:\s+(?:[A-Z][\w'\u2019.-]*|of|on|and|for|the|in|at|to|de)){0,10})\s+"
    r"\(([A-Z][A-Za-z]{1,11}|[A-Z]{2,6}\s?[A-Z]{0,6})\)"
)
# "the President of Mongolia, Khaltmaagiin Battulga": a role of a country, a comma, then the name.
_OF_COUNTRY_APPOSITION = re.compile(r"\s*of\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
                                    r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?,\s*")
# "met with its rector, Abdukhalil Ghafurzoda": a lowercase role after a possessive, then the name.
_POSSESSIVE_APPOSITION = re.compile(r"\b(?:its|his|her|their)\s+[a-z][\w-]+(?:\s+[a-z][\w-]+)?,\s*$")
# Words that refer back to someone already named.
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PersonRef:
    """A place in the article (body offsets) that refers to person `key` of the cast, or to an
    unnamed role (key None, `role_text` as written)."""

    start: int
    end: int
    key: int | None
    role_text: str | None = None  # "SCO Secretary General" for a mention by role
    role: str | None = None
    org: str | None = None
    office: bool = False  # an office of a named country ("the President of Kyrgyzstan"): never linked later


@dataclass
class Cast:
    people: list[Person] = field(default_factory=list)
    refs: list[PersonRef] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)  # acronym -> full name, as defined
    _starts: list[int] | None = None

    def refs_between(self, start: int, end: int) -> list[PersonRef]:
        """The references inside [start, end) (refs are kept sorted by start)."""
        import bisect

        if self._starts is None or len(self._starts) != len(self.refs):
            self._starts = [r.start for r in self.refs]
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self.refs[lo:hi] if r.end <= end]


# ---- vocabulary-driven patterns (compiled once per lexicon) ------------------------------------


@lru_cache(maxsize=4)
def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern]:
    # word lists as tries (`alternation`): the same matches, a few words tried per position
    roles = alternation(lexicon.roles)
    titles = alternation(lexicon.titles)
    lower_roles = alternation({r.lower() for r in lexicon.roles})
    countries = alternation(lexicon.countries)
    modifier = r"(?:(?:Deputy|Vice|Acting|First|Former|former|Interim|then|Senior|Principal)\s+)*"
    return {
        # "SCO Secretary-General", "Chinese President", "Prime Minister of India"
        "role": re.compile(rf"{modifier}(?:{roles})(?![\w-])"),
        "title": re.compile(rf"(?<![\w.])(?:{titles})(?![\w])"),
        "title_end": re.compile(rf"(?<![\w.])(?:{titles})\s+$"),
        # ", Secretary General of the Economic Cooperation Organization (ECO)," after a name
        "role_after": re.compile(rf"^,?\s+(?:the\s+|a\s+|an\s+)?(?:newly\s+appointed\s+|recently\s+appointed\s+)?"
                                 rf"(?P<role>{modifier}(?:{roles}))(?![\w-])"
                                 rf"(?P<rest>(?:\s+(?:ad\s+interim|of|for|to|and|at|in|on|the|[A-Z][\w'\u2019.-]*"
                                 rf"|\([A-Za-z]+\)))*)"),
        # "the Secretary-General", "the SCO Secretary General", "the Vice Minister" with no name
        "role_ref": re.compile(rf"\b[Tt]he\s+(?P<org>(?:[A-Z][\w'\u2019-]*\s+){{0,3}}?)(?P<role>{modifier}(?:{roles})"
                               # "the UN High Commissioner for Refugees": what the office is for
                               rf"(?P<for>\s+for\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)?)"
                               rf"(?![\w-])(?!\s+(?:of\s+)?[A-Z][a-z])"),
        # an office named by its country and no person: "the President of Kyrgyzstan", "the defence
        # minister of Kyrgyzstan", "Turkmenistan's president" ("the Russian minister" is left out:
        # news uses it to refer back to a minister it has named)
        "office_of": re.compile(rf"\b[Tt]he\s+(?:newly\s+appointed\s+|new\s+)?(?P<role>{lower_roles})\s+of\s+(?:the\s+)?"
                                rf"(?P<country>{countries})"
                                rf"(?:\s+delegation)?"  # "the head of the Russian delegation"
                                # "the Ambassador of Pakistan to China": where an envoy serves
                                rf"(?:\s+to\s+(?:the\s+)?(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))?"
                                # ... and not when the holder's name follows: ", Khalil Hashmi"
                                rf"(?![\w-])(?-i:(?!\s*,?\s+[A-Z][a-z]))", re.IGNORECASE),
        "country_office": re.compile(rf"\b(?P<country>{countries})['\u2019]s\s+"
                                     rf"(?P<role>{lower_roles})(?![\w-])(?!\s*,?\s+[A-Z][a-z])"),
    }


def _words(text: str) -> list[str]:
    return text.split()


def _strip_non_names(run: str, lexicon: Lexicon) -> tuple[int, int]:
    """(first, last+1) word indexes of the name inside a capitalised run."""
    words = _words(run)
    lo, hi = 0, len(words)

    while lo < hi and _not_a_name_word(words[lo], lexicon):
        lo += 1
    while hi > lo and _not_a_name_word(words[hi - 1], lexicon):
        hi -= 1
    # a not-name word inside ("Shanghai International Convention Center") means it is no name
    if any(_not_a_name_word(w, lexicon) for w in words[lo:hi]):
        return (0, 0)
    return lo, hi


@lru_cache(maxsize=65536)  # the same capitalised words come back in every article
def _not_a_name_word(w: str, lexicon: Lexicon) -> bool:
    """Whether a word of a capitalised run can be no part of a person's name."""
    if _INITIALS_WORD.fullmatch(w):
        return False  # "S." in "S. Jaishankar"
    base = w.rstrip("'\u2019s") if w.endswith(("'s", "\u2019s")) else w
    return (w in lexicon.not_names or base in lexicon.not_names or w.isupper() and len(w) > 1
            or w.endswith("s") and w[:-1] in lexicon.not_names  # "Ministers", "Nations"
            or any(part in lexicon.not_names for part in w.split("-") if part))


def _org_from_prefix(prefix: str, lexicon: Lexicon, defined: dict[str, str]) -> str | None:
    """The organisation in the words before a role: "SCO", "Paris Pact", "Chinese" -> China,
    "International Criminal Police Organisation (Interpol)" -> Interpol."""
    prefix = prefix.strip()
    if not prefix:
        return None
    paren = re.search(r"\(([^)]+)\)\s*$", prefix)
    if paren:
        return paren.group(1)
    words = prefix.split()
    chunk: list[str] = []
    for w in reversed(words):
        if w.endswith((",", ";", ":")) or w in lexicon.not_names and w.lower() in ("the", "on", "in", "at"):
            break  # "On 6 March, SCO Secretary-General": the organisation starts after the comma
        if w[:1].isupper() or w in ("of", "on", "for"):
            chunk.insert(0, w)
        else:
            break
    while chunk and not chunk[0][:1].isupper():
        chunk.pop(0)
    if not chunk:
        return None
    text = " ".join(chunk)
    if text in lexicon.countries:
        return lexicon.countries[text]
    if chunk[-1] in lexicon.countries:
        return lexicon.countries[chunk[-1]]
    acronym = lexicon.organizations.get(fold(text))
    return acronym or text


def _org_from_rest(rest: str, lexicon: Lexicon) -> str | None:
    """The organisation in "... of the Economic Cooperation Organization (ECO)" after a role."""
    m = re.search(r"\b(?:of|to)\s+(?:the\s+)?(.+)$", rest.strip())
    if not m:
        return None
    text = m.group(1).strip(" ,")
    paren = re.search(r"\(([A-Za-z]+)\)", text)
    if paren:
        return paren.group(1)
    text = re.split(r"\s+(?:in|at|on|for|to)\s+", text)[0]
    if text in lexicon.countries:
        return lexicon.countries[text]
    return lexicon.organizations.get(fold(text)) or text or None


def _aliases(name: str, lexicon: Lexicon) -> tuple[str, ...]:
    words = name.split()
    out = [words[-1]]
    if len(words) == 2 and words[0] in lexicon.family_name_first:
        out.append(words[0])
    return tuple(dict.fromkeys(out))


def _org_aliases(org: str | None, lexicon: Lexicon, defined: dict[str, str]) -> tuple[str, ...]:
    if not org:
        return ()
    out = [org]
    full = defined.get(org) or lexicon.acronyms.get(org)
    if full:
        out.append(full)
    acronym = lexicon.organizations.get(fold(org))
    if acronym:
        out.append(acronym)
    for acr, name in defined.items():
        if fold(name) == fold(org):
            out.append(acr)
    return tuple(dict.fromkeys(out))


def defined_organizations(text: str) -> dict[str, str]:
    """Acronyms the text defines: {"UNODC": "United Nations Office on Drugs and Crime"}."""
    out: dict[str, str] = {}
    for m in _DEFINED_ACRONYM.finditer(text):
        acronym = m.group(2).strip()
        name = _name_for_acronym(" ".join(m.group(1).split()), acronym)
        if len(name.split()) >= 2 and acronym not in out:
            out[acronym] = name
    return out


def _initials(words: list[str]) -> str:
    return "".join(part[0] for w in words for part in w.split("-") if part[:1].isupper())


def _name_for_acronym(text: str, acronym: str) -> str:
    """The words before "(ACR)" that the acronym stands for: in "the SCO Secretariat and the United
    Nations Office on Drugs and Crime (UNODC)" only the last five capitalised words do."""
    words = text.split()
    starts = [i for i, w in enumerate(words) if w[:1].isupper() and w not in ("The",)]
    for i in starts:
        if _initials(words[i:]).lower() == acronym.lower():
            return " ".join(words[i:])
    for i in starts:
        if words[i][0].lower() == acronym[0].lower():
            return " ".join(words[i:])
    return " ".join(words[starts[0]:]) if starts else text


# ---- the cast ----------------------------------------------------------------------------------


def find_people(article: Article, sentences: list[Sentence], lexicon: Lexicon) -> Cast:
    """The article's people and every place that refers to one of them (by name, surname, alias
    or role). The headline introduces people too ("Vladimir Putin attends SCO summit ..."), but its
    offsets are outside the body, so it adds no references."""
    reader = _CastReader(article, lexicon)
    reader.sentence(Sentence(-len(article.headline) - 1, -1, article.headline, -1), headline=True)
    for sent in sentences:
        reader.sentence(sent)
    _link_roles_to_people(reader.cast, lexicon)
    reader.cast.refs.sort(key=lambda r: r.start)
    return reader.cast


class _CastReader:
    """Builds the cast sentence by sentence: names in capitalised runs, then roles that stand
    for a person ("the Secretary-General"), then bare roles of official readouts."""

    def __init__(self, article: Article, lexicon: Lexicon):
        self.lexicon = lexicon
        self.cast = Cast(organizations=defined_organizations(article.body))
        self.pats = _patterns(lexicon)
        self.by_key: dict[str, int] = {}  # folded full name -> index
        self.by_alias: dict[str, int] = {}  # folded alias -> index (latest introduced wins)

    def sentence(self, sent: Sentence, headline: bool = False) -> None:
        taken: list[tuple[int, int]] = []
        for run in _CAPITALISED_RUN.finditer(sent.text):
            self._name(sent, run, taken, headline)
        if headline:
            return
        self._role_refs(sent, taken)
        self._bare_roles(sent, taken)

    def introduce(self, name: str, role: str | None, org: str | None) -> int:
        key, cast, lexicon = fold(name), self.cast, self.lexicon
        if key in self.by_key:
            i = self.by_key[key]
            p = cast.people[i]
            if (p.role is None and role) or (p.organization is None and org):
                cast.people[i] = replace(p, role=p.role or role, organization=p.organization or org,
                                         org_aliases=p.org_aliases or _org_aliases(org, lexicon, cast.organizations))
            return i
        # "Vladimir Norov" after "Norov" alone cannot happen (no evidence); a longer form of a
        # known name ("William Lacy Swing" after "William Swing") is the same person
        for alias in _aliases(name, lexicon):
            i = self.by_alias.get(fold(alias))
            if i is not None and set(fold(cast.people[i].name).split()) <= set(key.split()):
                self.by_key[key] = i
                return i
        cast.people.append(Person(name, role, org, _aliases(name, lexicon),
                                  _org_aliases(org, lexicon, cast.organizations)))
        i = len(cast.people) - 1
        self.by_key[key] = i
        for alias in _aliases(name, lexicon):
            self.by_alias[fold(alias)] = i
        return i

    # ---- names -------------------------------------------------------------------------------

    def _name(self, sent: Sentence, run: re.Match, taken: list, headline: bool) -> None:
        text = sent.text
        words = _words(run.group(0))
        lo, hi = _strip_non_names(run.group(0), self.lexicon)
        if hi <= lo:
            return
        # character offsets of the kept words inside the run
        starts = [m.start() for m in re.finditer(r"\S+", run.group(0))]
        n_start = run.start() + starts[lo]
        n_end = run.start() + starts[hi - 1] + len(words[hi - 1])
        name = text[n_start:n_end]
        if name.endswith(("'s", "\u2019s")):
            name = name[:-2]
            n_end -= 2
        evidence, role, org = self._evidence(text[:n_start], text[n_end:], name)
        i = self._who(name, evidence, role, org)
        if i is None:
            return
        if not headline:
            self.cast.refs.append(PersonRef(sent.start + n_start, sent.start + n_end, i))
        taken.append((n_start, n_end))

    def _evidence(self, before: str, after: str, name: str) -> tuple[bool, str | None, str | None]:
        """(is it a person's name, their role, their organisation) from the words around it."""
        pats, lexicon, cast = self.pats, self.lexicon, self.cast
        n_words = len(name.split())
        role = org = None
        evidence = False
        role_m = None
        window = before[-120:]
        for m in pats["role"].finditer(window):
            role_m = m
        gap = window[role_m.end():] if role_m is not None else None
        if role_m is not None and (not gap.strip() or _title_gap(gap, pats, lexicon)):
            evidence = True
            role = role_m.group(0)
            org = _org_from_prefix(window[:role_m.start()], lexicon, cast.organizations)
            of_org = re.match(r"^\s*of\s+(?:the\s+)?([A-Z][\w' -]+?)\s*$", gap)
            if of_org:
                org = lexicon.countries.get(of_org.group(1), of_org.group(1))
        elif role_m is not None and (of_apposition := _OF_COUNTRY_APPOSITION.fullmatch(gap)) and \
                of_apposition.group(1) in lexicon.countries:
            evidence = True  # "the President of Mongolia, Khaltmaagiin Battulga"
            role, org = role_m.group(0), lexicon.countries[of_apposition.group(1)]
        elif pats["title_end"].search(window[-40:]) or _POSSESSIVE_APPOSITION.search(window[-60:]):
            evidence = True
        after_m = pats["role_after"].match(after)
        if after_m:
            evidence = True
            role = role or after_m.group("role")
            org = org or _org_from_rest(after_m.group("rest"), lexicon)
        of_country = re.match(r"^\s+of\s+(?:the\s+)?([A-Z][\w ]+?)(?=[,.;)]|\s+and\b|\s*$)", after)
        if of_country and of_country.group(1) in lexicon.countries:
            evidence = True
            org = org or lexicon.countries[of_country.group(1)]
        next_word = re.match(r"^\s+(?:also\s+|then\s+|later\s+)?([a-z]+)", after)
        if not evidence and n_words >= 2 and next_word and next_word.group(1) in lexicon.person_verbs:
            evidence = True  # "Vladimir Norov noted ..."
        first_word = name.split()[0]
        # "Xi Jinping", and the three-word names of Vietnam and Korea ("Le Luong Minh")
        known_first = first_word in lexicon.given_names or (n_words in (2, 3) and first_word in lexicon.family_name_first)
        if not evidence and 2 <= n_words <= 4 and known_first:
            evidence = True  # "Almazbek Atambayev, Vladimir Putin and Emomali Rahmon"
        if role is None and role_m is not None and known_first and re.fullmatch(
                r"\s*of\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+(?:of\s+)?){1,5}", gap or ""):
            # "Premier of the State Council Li Qiang": the role, its body, then the name
            role = role_m.group(0)
            org = gap.strip()[3:].strip().removeprefix("the ").strip()
        return evidence, role, org

    def _who(self, name: str, evidence: bool, role: str | None, org: str | None) -> int | None:
        """The cast index a name refers to: a known person, a new one, or none."""
        key, n_words = fold(name), len(name.split())
        if key in self.by_key:
            return self.introduce(name, role, org)
        if evidence and n_words >= 2:
            return self.introduce(name, role, org)
        if n_words == 1 and key in self.by_alias:
            return self.by_alias[key]
        surname = fold(name.split()[-1])
        if n_words >= 2 and surname in self.by_alias and set(key.split()) & set(
                fold(self.cast.people[self.by_alias[surname]].name).split()) == set(key.split()):
            return self.by_alias[surname]
        return None

    # ---- roles -------------------------------------------------------------------------------

    def _role_refs(self, sent: Sentence, taken: list) -> None:
        """"the Secretary-General", "the SCO Secretary General": a role standing for its holder."""
        text, cast = sent.text, self.cast
        for m in self.pats["role_ref"].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if re.search(r"\b(?:under|to)\s+$", text[:m.start()]) or m.group("for") and re.search(
                    r"\bof\s+$", text[:m.start()]):
                # "the Academy ... under the President of Tajikistan" names an institution, "Special
                # Representative of the Secretary-General for Central Asia" the title of another person
                continue
            role = m.group("role")
            org_words = (m.group("org") or "").strip()
            org = _org_from_prefix(org_words, self.lexicon, cast.organizations) if org_words else None
            i = _resolve_role(cast, role, org)
            written = f"{org_words} {role}".strip()
            cast.refs.append(PersonRef(sent.start + m.start(), sent.start + m.end(), i, written, role, org))
            taken.append((m.start(), m.end()))
        for name in ("office_of", "country_office"):
            for m in self.pats[name].finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                country = self.lexicon.countries.get(m.group("country"))
                if country is None or re.search(r"\b(?:under|to|of)\s+$", text[:m.start()]):
                    continue  # "the Academy ... under the President of Tajikistan" names an institution
                written = re.sub(r"^(?:[Tt]he\s+)?(?:newly\s+appointed\s+|new\s+)?", "", m.group(0))
                i = _resolve_office(cast, m.group("role"), country) if name == "office_of" else None
                cast.refs.append(PersonRef(sent.start + m.start(), sent.start + m.end(), i, written,
                                           m.group("role"), country, office=True))
                taken.append((m.start(), m.end()))

    def _bare_roles(self, sent: Sentence, taken: list) -> None:
        """A bare role standing for its holder, as official readouts write: "Prime Minister then
        met President Vladimir Putin", "Prime Minister and President Jeenbekov held talks"."""
        text = sent.text
        for m in self.pats["role"].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before, after = text[:m.start()], text[m.end():]
            if re.search(r"[A-Za-z]\s*$", before) and not re.search(r"\b(?:and|with|by|to|that)\s+$", before):
                continue  # "Indian Prime Minister", "the Prime Minister" (handled above)
            if re.match(r"^\s+(?:of\b|[A-Z])|^-", after):
                continue  # "Prime Minister of India ...", "President Xi"
            i = _resolve_role(self.cast, m.group(0), None)
            if i is not None:
                self.cast.refs.append(PersonRef(sent.start + m.start(), sent.start + m.end(), i, m.group(0),
                                                m.group(0), None))


def _link_roles_to_people(cast: Cast, lexicon: Lexicon) -> None:
    """Resolve role mentions written before the name they stand for. When the article names
    exactly one person without a role and refers to one unresolved role, they are the same
    ("the SCO Secretary-General took part ..." then "Vladimir Norov focused on ...")."""
    pending = [r for r in cast.refs if r.key is None and r.role_text and not r.office]
    if not pending:
        return
    for n, ref in enumerate(cast.refs):
        if ref.key is None and ref.role_text and not ref.office:
            i = _resolve_role(cast, ref.role, ref.org)
            if i is not None:
                cast.refs[n] = replace(ref, key=i)
    pending = {r.role_text for r in cast.refs if r.key is None and r.role_text and not r.office}
    roleless = [i for i, p in enumerate(cast.people) if not p.role]
    if len(roleless) != 1 or len({fold(t) for t in pending}) != 1:
        return
    i = roleless[0]
    ref = next(r for r in cast.refs if r.key is None and r.role_text and not r.office)
    p = cast.people[i]
    org = p.organization or ref.org
    cast.people[i] = replace(p, role=ref.role, organization=org,
                             org_aliases=_org_aliases(org, lexicon, cast.organizations))
    for n, ref in enumerate(cast.refs):
        if ref.key is None and ref.role_text and not ref.office:
            cast.refs[n] = replace(ref, key=i)


def _title_gap(gap: str, pats, lexicon: Lexicon) -> bool:
    """Whether what stands between a role and a name still ties them: a rank or courtesy title
    ("Defence Minister Colonel General X") or "of <country>" ("Prime Minister of India X")."""
    stripped = gap.strip()
    if stripped in ("", ",") or stripped and pats["title"].fullmatch(stripped.strip(",").strip()):
        return True
    of_country = re.fullmatch(r"of\s+(?:the\s+)?([A-Z][\w' -]+?)", stripped)
    return bool(of_country and of_country.group(1) in lexicon.countries)


def _resolve_role(cast: Cast, role: str, org: str | None) -> int | None:
    """The person already named with this role (and organisation, when given); None if none."""
    want = fold(role).replace("general secretary", "secretary general")
    best = None
    for i, p in enumerate(cast.people):
        if not p.role:
            continue
        have = fold(p.role).replace("general secretary", "secretary general")
        if have.endswith(want) or want.endswith(have):
            if org is None or (p.organization and (fold(org) in {fold(a) for a in p.org_aliases}
                                                  or fold(org) == fold(p.organization))):
                best = i
                break
    return best


def _resolve_office(cast: Cast, role: str, country: str) -> int | None:
    """The person the article named with this office of this very country, if any."""
    want = fold(role)
    for i, p in enumerate(cast.people):
        if p.role and p.organization and fold(p.organization) == fold(country) and (
                fold(p.role).endswith(want) or want.endswith(fold(p.role))):
            return i
    return None


def has_pronoun(text: str) -> bool:
    return bool(_PRONOUN.search(text))
