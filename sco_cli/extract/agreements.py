"""Agreements: the instruments an article mentions (memoranda, declarations, resolutions, ...).

An instrument is a record when the text identifies it:

- a title ("the Vienna Declaration", "the Memorandum of Understanding between the SCO Secretariat
  and the ICRC", "the Treaty on Long-Term Good-Neighbourliness, Friendship and Cooperation");
- a number or a quoted title ("resolution 75/69, \"Cooperation between ...\"");
- a lowercase kind word with what it is about or between whom ("a memorandum of understanding
  on technical cooperation ...", "a road map on support for Afghanistan", "memoranda of
  understanding with ...: A, B and C", "RATS and Interpol signed a memorandum of understanding").

A kind word alone ("the memorandum", "the three basic UN conventions", "existing agreements")
identifies nothing and is no record. Kinds come from `data/agreement_kinds.txt`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sco_cli.extract.context import (DATELESS_DATELINE, DATELINE, NEW_CLAUSE, SAME_DAY, WEEKDAYS, city_in,
                                     is_future, last_day, main_date, main_place_of, near, own_date)
from sco_cli.extract.dates import ArticleDates
from sco_cli.extract.parties import MEMBER_STATES, ORGANISATION, infer_parties, signer_state
from sco_cli.extract.people import Cast
from sco_cli.extract.text import Sentence, group_by_sentence
from sco_cli.lexicon import Lexicon
from sco_cli.model import Agreement, Article, DateMention, PartialDate
from sco_cli.normalize import fold, identifying, title_key

# Small words that may sit inside a title: "Memorandum of Understanding between the SCO and ...".
_CONNECTORS = frozenset("of on between for to against in with and the at by under within".split())
# A capitalised kind word, where one title ends and the next begins.
_KIND_HEAD = re.compile(r"Memorandum|Declaration|Resolution|Statement|Agreement|Treaty|Convention|Charter|"
                        r"Strategy|Plan|Programme|Program|Protocol|Communiqu[eé]|Roadmap")
# The signing or adoption told in this sentence: the verb right before the instrument ("adopting the
# Samarkand Declaration", "signed a memorandum"), or a passive after it ("... was signed in Tashkent").
_SIGNED_BEFORE = re.compile(r"\b(?:signed|signing|signs?|adopted|adopting|adopts?|approved|approving|approves?|issued|"
                            r"adoption\s+of|"  # "ended with the adoption of the Dushanbe Declaration"
                            r"issuing|issues?|concluded|endorsed|inked|ink|put\s+their\s+signatures\s+to)"
                            r"(?:\s*,\s*(?:in|at|on)\s+[^,.;]{1,40},)?"  # "signed, in Samarkand, the memorandum"
                            r"\s+(?:[\w'\u2019-]+\s+){0,4}$",
                            re.IGNORECASE)
_SIGNED_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:signed|adopted|"
                           r"approved|issued|concluded|endorsed|inked)\b", re.IGNORECASE)
# A joint document of the meeting the sentence tells about: issued there, whatever the verb.
_JOINT_DOCUMENT = re.compile(r"^[Jj]oint\s+(?:communiqu|statement|declaration)")
# A resolution or document number after the kind word: "resolution 75/69", "Resolution A/RES/59/48",
# "resolution 1267" (the Security Council numbers its resolutions), "A/77/L.107" (a General Assembly draft).
_NUMBER = re.compile(r"^\s+(?:No\.\s*)?(?:(?:[A-Z\u0410]/RES/)?\d+/\d+|A/\d+/L\.\d+|\d{3,4}\b(?!\s*(?:-|to)\s*\d))")
# A quoted title close after the kind word.
_QUOTED = re.compile(r"^\s*,?\s*(?:entitled\s+|titled\s+|called\s+)?[\"\u201c]([^\"\u201d]{3,200})[\"\u201d]")
# Words that start what a lowercase kind word is about.
_COMPLEMENT_START = re.compile(
    r"^\s+(?:of\s+understanding\s+)?(?:[Bb]etween|[Oo]n|[Ff]or|to\s+implement|establishing|granting|setting\s+out|raising|"
    r"expressing|condemning|calling\s+for|concerning|regarding|of\s+obligations|of\s+joint|of\s+cooperation|"
    r"of\s+action|of\s+measures|of\s+(?:the\s+)?(?=[A-Z0-9])(?!January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|covering|in\s+the\s+field|under\s+which|"
    # "the Declaration of the tenth meeting of the Council of Heads of State": a meeting's document
    r"of\s+the\s+(?:[\w-]+\s+)?(?:meeting|session|summit|sitting)\s+of)\b")
# A lowercase kind word's "of the ..." that names it when its clause tells the signing: "the programme
# of the economic corridor was signed in Tashkent" (a visit's programme is never signed).
_OF_THE = re.compile(r"^\s+of\s+the\s+(?=[a-z])")
# A state that signs its own status memorandum: "Myanmar signed its memorandum", "Cambodia's memorandum".
_STATUS_SIGNER = re.compile(r"\b(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)(?:['\u2019]s|(?:,[^,;]{1,60},)?"
                            r"(?:\s+(?:had|has)\s+[a-z]+\s+[^.;,]{0,60}?\s+and)?"  # "Belarus had applied ... and signed"
                            r"\s+(?:had\s+|has\s+)?signed\s+(?:its(?:\s+own)?|an?|the))\s+$")
# The status a memorandum grants, as the sentence names it.
_STATUS_NAMED = re.compile(r"\b(dialogue\s+partner|observer|member\s+state)\b", re.IGNORECASE)
# Complements a programme may have; "the programme of the conference" is a schedule, no instrument.
_PROGRAMME_COMPLEMENT = re.compile(r"^\s+(?:of\s+(?:cooperation|action|measures|joint)|on|to\s+implement|against)\b")
# Where a lowercase complement ends.
_COMPLEMENT_END = re.compile(r"[,.;:()\u2013\u2014]|\s(?:was|were|is|are|which|that|who|signed|adopted|approved|"
                             r"dating|dated|goes|went|has|have|had|will|would|broadens|and\s+(?:for|to|with|reach)|"
                             r"and\s+[a-z]+ed|and\s+(?:[a-z]+ly\s+)?(?!during\b)[a-z]+ing)\b|"
                             # "... of 22 points and a statement on ...": the next instrument of a list
                             r"\s+and\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:statements?|memorand(?:um|a)|agreements?|"
                             r"declarations?|plans?|programmes?|programs?|protocols?|treat(?:y|ies)|conventions?|"
                             r"charters?|strateg(?:y|ies)|communiqu[e\u00e9]s?|roadmaps?|road\s+maps?|list)\b")
# Where the clause that tells about an instrument ends: "..., and designated Varanasi as ...".
_CLAUSE_BREAK = re.compile(r",\s+and\s+|;\s*|\s+and\s+(?:also\s+)?[a-z]+ed\b|\s+and\s+(?:[a-z]+ly\s+)?(?!during\b)[a-z]+ing\b")
# Words before a mention that make it unsigned: still planned, drafted or proposed.
_UNSIGNED = re.compile(r"\b(?:prospects?|draft(?:ed|ing)?|future|possible|potential|proposed|planned|could|would|"
                       r"will|(?-i:may)|might|expected|upcoming|forthcoming|suggested|proposal|work\s+on|studied|"
                       r"preparations?\s+for|being|(?:is|are)\s+to\s+(?:sign|adopt|approve|conclude)|(?:plans?|intends?)\s+to\s+sign)\b"
                       r"[^.;,]*$", re.IGNORECASE)
# An instrument named as one of the drafts: "agreed the draft documents, including a plan of ...".
_AMONG_DRAFTS = re.compile(r"\bdraft(?:s|ed)?\b[^.;]{0,60}\b(?:including|such\s+as|among\s+them)\s+"
                           r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# A clause that says the instrument is still to be signed: "... could be signed soon", "is to be adopted".
_UNSIGNED_AFTER = re.compile(r"^[^.;]{0,120}?\b(?:could|would|will|should|may|might|is\s+to|are\s+to|was\s+to|"
                             r"were\s+to|is\s+expected\s+to|are\s+expected\s+to)\s+be\s+(?:signed|adopted|"
                             r"concluded|approved|finali[sz]ed)\b", re.IGNORECASE)
# A statement a spokesperson makes is none of the instruments the article counts.
_SPOKESMAN = re.compile(r"\bspokes(?:man|woman|person|people)\b|\bpress\s+secretary\b", re.IGNORECASE)
# A kind word that heads an organisation's or a building's name: "Collective Security Treaty Organisation".
_NAME_HEAD_AFTER = re.compile(r"^\s+(?:and\s+[A-Z][\w-]*\s+)?(?:Organi[sz]ation|Cent(?:er|re)|Hall|Secretariat|"
                              r"Committee|Office|Council|Implementation\s+Committee)\b")
# A headline that reports documents signed or adopted.
_HEADLINE_ADOPTS = re.compile(r"\b(?:adopts?|adopted|signs?|signed|approves?|approved|inks?|inked|endorses?|endorsed)\b",
                              re.IGNORECASE)
# An instrument named again to date it: "That declaration was signed on August 21, 2014."
_BACK_REFERENCE = re.compile(r"\b(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?P<word>memorandum|declaration|agreement|treaty|"
                             r"statement|communiqu[e\u00e9]|protocol|convention|charter|plan|programme|roadmap)\s+"
                             r"(?:was|had\s+been|has\s+been)\s+(?:signed|adopted|concluded)\b")
# Numbered instruments listed after a plural kind word: "resolutions 1970 and 1973".
_NUMBERS_LIST = re.compile(r"^\s+\d{3,4}(?:\s*,\s*\d{3,4})*\s*,?\s+and\s+\d{3,4}\b")
# A title that says its year: "the bilateral treaty of 2001".
_OF_YEAR = re.compile(r"\bof\s+((?:1[5-9]|20)\d\d)$")
# The organisation or state whose instrument it is, written before its title: "the SCO's ...".
_OWNER = re.compile(r"^([A-Z][\w-]*)['\u2019]s\s+(?=[A-Z])")
# A date of the reporting verb: "said on Friday", "told reporters on Monday".
_SAID_ON = re.compile(r"\b(?:said|says|told\s+\w+|announced|stressed|noted|recalled)\s+(?:on\s+)?$")
# The participle that tells an instrument's own signing, right after it: ", signed in Tashkent on ...".
_ITS_SIGNING = re.compile(r"^\s*,?\s*(?:which\s+was\s+|that\s+was\s+)?(?:signed|adopted|approved|concluded|endorsed)\b[^.;]*$")
# A date after these words is a period the instrument covers, a deadline ("completed by the 2024
# summit"), or another thing's founding.
_NOT_ITS_DATE = re.compile(r"\b(?:for|until|till|through|covering|up\s+to|since|by|before|established|founded|created|"
                           r"set\s+up)\s+"
                           r"(?:in\s+|on\s+)?(?:the\s+(?:period\s+|years\s+)?)?$")
_MONTH_WORDS = frozenset("January February March April May June July August September October November "
                         "December".split())

# What a title runs on into and is not part of it: "... on tourism in Qingdao", "... next year",
# "... on Monday".
_TITLE_TAIL = re.compile(r"(?:\s+(?:in|at)\s+(?:the\s+)?(?P<city>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)"
                         r"(?:,\s*[A-Z][\w-]*)?|\s+(?:next|this|last)\s+(?:year|month|week)|\s+(?:on|in)\s+(?:early\s+|"
                         rf"late\s+|mid-)?(?:{'|'.join(sorted(_MONTH_WORDS, key=lambda w: (-len(w), w)))})(?:\s+(?:1[5-9]|20)\d\d)?"
                         r"|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                         r"|\s+in\s+(?:1[5-9]|20)\d\d|\s+(?:on|in)\s+\d{1,2}\s+"
                         r"[A-Z][a-z]+(?:\s+\d{4})?|\s+(?:on|in)\s+[A-Z][a-z]+\s+\d{1,2}(?:,\s*\d{4})?)$")
# A plural kind word followed by its topics, each with its own "on": "statements on A and on B".
_ON_EACH = re.compile(r"^\s+on\s+([^.;:()]+?\s+(?:and\s+)?on\s+[^.;:()]+?)(?=[.;:]|,\s+(?:and\s+)?[a-z]+ed\b|$)")
_ON_SPLIT = re.compile(r",?\s+(?:and\s+)?on\s+")
# A plural kind word that lists its instruments one by one: "two joint statements: one on ...".
_ONE_ON = re.compile(r"^\s*[:,\u2013\u2014-]\s*(?:one|the\s+first)\s+on\s+")
# "memoranda of understanding with ...: A, B and C" and "a memorandum with X ..., one with Y".
_WITH = re.compile(r"^\s+(?:of\s+understanding\s+)?with\s+")
_ONE_WITH = re.compile(r"\b(?:one|another)\s+with\s+")
# "is a leading international programme": the kind word describes, it names no instrument.
_COPULA = re.compile(r"\b(?:is|was|are|were|as|becomes|became|remains)\s+(?:an?|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}$")
# Lowercase words before a kind word that say which one it is: "their strategic partnership treaty".
_MODIFIERS = re.compile(r"(?:\b(?:their|its|his|her|the|[A-Z][\w-]*'s)\s+)((?:[a-z][\w-]+\s+){1,3})$")
# Words before a lowercase kind word that belong to its title: "Five-year action plan", "joint declaration".
_LOWER_LEFT = re.compile(r"((?:\b[A-Z][\w-]*\s+)*(?:\b(?:[Jj]oint|[Cc]omprehensive|[Ff]ive-year|[Tt]hree-year|"
                         r"[Dd]evelopment|[Aa]ction|[Mm]odel|[Ii]ntergovernmental|[Cc]redit)\s+)*)$")
# An article about the SCO names it: its documents bind its member states.
_ABOUT_SCO = re.compile(r"\bSCO\b|Shanghai\s+Cooperation\s+Organi[sz]ation")
# "signed a memorandum", "signed a joint communique": its subject signed it (one word may come between).
_SIGNED_A = re.compile(r"\bsigned\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$")
# The verb right before an instrument whose subject signed it: "India and Kazakhstan signed an MoU".
_SIGNED_RIGHT_BEFORE = re.compile(r"\b(?:signed|inked)\s+(?:an?\s+|the\s+)?$")
# How far before and after a mention its own words are looked for: the searches stay linear
# however long a sentence an article writes.
_LOOK_BACK = 200
_LOOK_AHEAD = 400
# How far back a clause's signers may be listed: "The leaders of the six member states, A, B, C,
# D, E and F, signed the Astana Declaration".
_CLAUSE_REACH = 1000
# A year written before a lowercase kind word, as its adjective: "a 2006 protocol on rice exports".
_YEAR_BEFORE = re.compile(r"\b(?:an?|the|its|their)\s+((?:1[5-9]|20)\d\d)\s+$")
# A city in parentheses or after "in" close to the mention: "(Astana, 14 June 2011)", "signed in Tashkent".
_PAREN = re.compile(r"^\s*\(([^)]{3,60})\)")


@lru_cache(maxsize=4)
def _kind_pattern(lexicon: Lexicon) -> re.Pattern:
    words = sorted(lexicon.agreement_kinds, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@dataclass
class _Found:
    start: int  # in the sentence
    end: int
    title: str
    kind: str
    parties: list[str]
    date_span: tuple[int, int] | None = None



def _before(text: str, at: int) -> str:
    """The words just before `at`, as far as a mention's own words reach (`_LOOK_BACK`)."""
    return text[max(0, at - _LOOK_BACK):at]


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and word not in _MONTH_WORDS


def _tokens(text: str):
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\([^)]*\)|[\"\u201c][^\"\u201d]*[\"\u201d]|[^\s,;:.()]+(?:\.(?=\w))?|[,;:.]", text)]


def _title_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a capitalised kind word into the title around it."""
    toks = _tokens(text)
    i = next(k for k, t in enumerate(toks) if t[0] >= start)
    j = next(k for k, t in enumerate(toks) if t[1] >= end)
    # left: capitalised words ("UN General Assembly Resolution", "Joint Declaration")
    lo = i
    while lo > 0 and _is_capitalised(toks[lo - 1][2]) and toks[lo - 1][2] not in ("On", "In", "The", "A", "An", "At"):
        lo -= 1
    # right: connectors and capitalised words; a comma only inside a list of capitalised words
    hi = j
    k = j + 1
    while k < len(toks):
        word = toks[k][2]
        if word == "and" and any(_KIND_HEAD.fullmatch(t[2]) for t in toks[k + 1:k + 4]):
            break  # "the Joint Declaration ... and the Memorandum of ...": two titles
        if word.startswith("(") and not re.fullmatch(r"\([A-Z][A-Za-z]{1,9}\)", word):
            break  # "(Astana, 14 June 2011)" tells where and when, it is no part of the title
        if word.lower() in _CONNECTORS or _is_capitalised(word) or word.startswith("("):
            hi = k if word.lower() not in _CONNECTORS else hi
            k += 1
            continue
        if word == "," and k + 1 < len(toks) and _is_capitalised(toks[k + 1][2]) and any(
                t[2] == "and" for t in toks[k + 1:k + 6]) and toks[j + 1:k] and toks[j + 1][2].lower() in ("on", "of"):
            k += 1
            continue
        break
    return toks[lo][0], toks[hi][1]


def _split_parties(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """'the SCO Secretariat and the United Nations Office on Drugs and Crime' -> the two names; a
    known organisation's own "and" does not split it."""
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    for name in sorted(known, key=len, reverse=True):
        if " and " in name:
            text = re.sub(re.escape(name), lambda m: m.group(0).replace(" and ", " \x00 "), text, flags=re.I)
    parts = [p.replace(" \x00 ", " and ") for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text)]
    out = []
    for p in parts:
        p = re.sub(r"^(?:the|its)\s+", "", p.strip()).strip()
        if p and p[0].isupper():
            out.append(p)
    return out


def _acronym(party: str, defined: dict[str, str], lexicon: Lexicon) -> str:
    """A party as the text's acronym for it, when the text gives one."""
    paren = re.search(r"\(([A-Za-z]{2,10})\)\s*$", party)
    if paren:
        return paren.group(1)
    for acronym, name in defined.items():
        if fold(name) == fold(party):
            return acronym
    return party


def _between(title: str, known: frozenset[str]) -> list[str]:
    m = re.search(r"\bbetween\s+(?:the\s+)?(.+)$", title)
    if not m:
        return []
    tail = re.split(r"\s+(?:on|for|in|to|of)\s+(?=(?!the\b)[a-z])", m.group(1))[0]
    if re.match(r"(?:the\s+)?(?:Governments\s+of\s+)?(?:the\s+)?SCO\s+[Mm]ember\s+[Ss]tates\b", tail):
        return [MEMBER_STATES]  # "the Agreement between the Governments of the SCO Member States on ..."
    shared = re.match(r"([A-Z][a-z]+)s\s+of\s+(?:the\s+)?(.+)$", tail)
    if shared:  # "the Secretariats of the SCO and the UN" -> SCO Secretariat, UN Secretariat
        return [f"{p} {shared.group(1)}" for p in _split_parties(shared.group(2), known)]
    shared = re.match(r"(.+?)\s+and\s+(?:the\s+)?([A-Z][\w-]*)\s+([A-Z][a-z]+)s$", tail)
    if shared and " " not in shared.group(1).strip():  # "UN and SCO Secretariats" -> UN Secretariat, SCO Secretariat
        return [f"{shared.group(1).strip()} {shared.group(3)}", f"{shared.group(2)} {shared.group(3)}"]
    return _split_parties(tail, known)


def _subject_parties(before: str, cast: Cast, lexicon: Lexicon) -> list[str]:
    """'In 2014, the SCO's RATS and Interpol signed a memorandum': the organisations before the verb."""
    dateline = DATELINE.match(before) or DATELESS_DATELINE.match(before)
    before = before[dateline.end():] if dateline else before  # "TASHKENT, Nov. 2 (Xinhua) --" signs nothing
    clause = re.split(r"[,;]\s*", before)[-1] if before.count(",") else before
    clause = re.sub(r"\b(?:signed|have|has|had|also|jointly)\b.*$", "", clause)
    clause = re.sub(r"(?:[A-Z][\w'-]*\s+){1,6}\(([A-Z][A-Za-z]{1,9})\)", r"\1", clause)  # "Name (RATS)" -> RATS
    names = re.findall(r"\b(?:[A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*)*)", clause)
    out = []
    for n in names:
        n = re.sub(r"^(?:The|In|On)\s+", "", n).replace("SCO's ", "").strip()
        if not n or n in ("The", "In", "On") or n in lexicon.given_names or n.split()[0] in _MONTH_WORDS \
                or n.lower() in WEEKDAYS or n.split()[0] in _role_words(lexicon):
            continue
        out.append(lexicon.countries.get(n, n) if n in lexicon.countries else signer_state(n, cast, lexicon))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4)
def _role_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of roles ("Prime", "Minister"): "Prime ministers ... signed" names no party."""
    return frozenset(w for r in lexicon.roles for w in r.split() if w[:1].isupper())


def _find_in_sentence(text: str, cast: Cast, lexicon: Lexicon) -> list[_Found]:
    """Every instrument one sentence names (see `_SentenceInstruments`)."""
    return _SentenceInstruments(text, cast, lexicon).read()


class _SentenceInstruments:
    """The instruments of one sentence, kind word by kind word: a plural lists several, a
    capitalised one grows into its title, a lowercase one needs what identifies it (a number, a
    quoted title, a complement, its signers). Spans already read are not read again."""

    def __init__(self, text: str, cast: Cast, lexicon: Lexicon):
        self.text, self.cast, self.lexicon = text, cast, lexicon
        self.known = _known_names(cast, lexicon)
        self.found: list[_Found] = []
        self.taken: list[tuple[int, int]] = []
        self.lowercase_spans: list[tuple[int, int]] = []
        self.spokesman = _SPOKESMAN.search(text) is not None

    def read(self) -> list[_Found]:
        for m in _kind_pattern(self.lexicon).finditer(self.text):
            word = m.group(0)
            kind = self.lexicon.agreement_kinds[" ".join(word.lower().split())]
            if self._skipped(m, word, kind):
                continue
            if _is_plural(word, self.lexicon):
                self.found.extend(_listed(self.text, m, kind, self.taken, self.known, self.lexicon))
            elif _is_capitalised(word) and not (m.start() == 0 and not _title_like(self.text[m.end():])):
                self._keep(self._titled(m, word, kind))
            else:
                self._lowercase(m, word, kind)
        return _without_unsigned(self.text, self.found)

    def _skipped(self, m: re.Match, word: str, kind: str) -> bool:
        """Inside a title already read (a capitalised title inside a lowercase one counts), the head
        of a name ("Collective Security Treaty Organisation"), still to be signed, or a spokesman's."""
        text = self.text
        if any(s <= m.start() < e for s, e in self.taken) and not (_is_capitalised(word) and any(
                s <= m.start() < e for s, e in self.lowercase_spans)):
            return True
        if _NAME_HEAD_AFTER.match(text[m.end():]):
            return True
        if _UNSIGNED.search(text[max(0, m.start() - 60):m.start()]) or _AMONG_DRAFTS.search(_before(text, m.start())):
            return True
        return self.spokesman and kind == "statement"  # "in a statement of 5 February, a spokesman said"

    def _keep(self, f: _Found | None, lowercase: bool = False) -> None:
        if f is None:
            return
        self.found.append(f)
        self.taken.append((f.start, f.end))
        if lowercase:
            self.lowercase_spans.append((f.start, f.end))

    def _titled(self, m: re.Match, word: str, kind: str) -> _Found | None:
        """A capitalised kind word grown into its title: "the Memorandum of Understanding between ..."."""
        text, lexicon = self.text, self.lexicon
        s, e = _title_span(text, m.start(), m.end())
        complement = _COMPLEMENT_START.match(text[e:])
        if complement and (re.match(r"\s+[a-z]", text[e + complement.end():])
                           or complement.group(0).strip().endswith("ing")):
            # "Agreement on the stay of the Russian military base ...", "Joint Statement raising ..."
            stop = _COMPLEMENT_END.search(text, e + complement.end())
            e = stop.start() if stop else len(text)
        e = s + len(_trim_title(text[s:e], lexicon))  # its clause's place and date are not the title's
        title = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", text[s:e])
        quoted = _QUOTED.match(text[e:])
        number = _NUMBER.match(text[e:])
        if number:
            e += number.end()
            title = text[s:e]
            quoted = _QUOTED.match(text[e:])
        if quoted:
            title = f"{title} \"{quoted.group(1).strip()}\""
            e += quoted.end()
        owner = _OWNER.match(title)  # "the SCO's New Delhi Declaration": the SCO's
        title = title[owner.end():] if owner else title
        if fold(title) == fold(word) and not number and not quoted:
            return None  # "the Memorandum" alone: a reference back, no new record
        parties = _parties(title, word, kind, text, lexicon, self.known) or (
            [lexicon.countries.get(owner.group(1), owner.group(1))] if owner else [])
        if not parties and _SIGNED_RIGHT_BEFORE.search(_before(text, s)):
            # "India and Kazakhstan on Friday signed an MoU on ...": the signers are its parties
            signers = _subject_parties(_before(text, s), self.cast, lexicon)
            parties = signers if len(signers) >= 2 else []
        return _Found(s, e, title, kind, parties)

    def _lowercase(self, m: re.Match, word: str, kind: str) -> None:
        """A lowercase kind word, kept when a number, a quoted title, a complement or its signers
        identify it."""
        text, lexicon = self.text, self.lexicon
        s, e = m.start(), m.end()
        if _COPULA.search(_before(text, s)):
            return  # "The Paris Pact Initiative is a leading international programme on ...": a description
        left = _LOWER_LEFT.search(text, max(0, s - _LOOK_BACK), s)
        if left and left.group(1).strip() and not re.fullmatch(r"(?:the|a|an)\s*", left.group(1).strip(), re.I):
            s = left.start(1)
        year = _YEAR_BEFORE.search(text, max(0, s - _LOOK_BACK), s)
        if year:
            s = year.start(1)  # "a 2006 protocol on rice exports": named, and dated, by its year
        number = _NUMBER.match(text[e:])
        if number:
            e += number.end()
        quoted = _QUOTED.match(text[e:])
        if quoted:
            e += quoted.end()
        parties: list[str] = []
        signers: list[str] = []
        if not number and not quoted:
            status = _status_memorandum(text, m, kind, lexicon)
            if status is not None:
                self._keep(status, lowercase=True)
                return
            told = self._identified(m, word, kind, s, e)
            if told is None:
                return
            s, e, parties, signers = told
        e = s + len(_trim_title(text[s:e], lexicon))  # "... on tourism on 13 June": the date is the clause's
        title = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", text[s:e].strip())
        if parties and "between" not in title:
            title = f"{title} between {' and '.join(parties)}"
        parties = parties or signers or _parties(title, word, kind, text, lexicon, self.known)
        title = title[0].upper() + title[1:] if title else title
        self._keep(_Found(s, e, title, kind, parties, date_span=(year.start(1), year.end(1)) if year else None),
                   lowercase=True)

    def _identified(self, m: re.Match, word: str, kind: str, s: int, e: int):
        """What identifies a lowercase kind word without a number or a quoted title: (start, end,
        parties, signers), or None when nothing does (or when it lists items of its own)."""
        text = self.text
        parties: list[str] = []
        signers: list[str] = []
        complement = _COMPLEMENT_START.match(text[e:]) or (
            _OF_THE.match(text[e:]) if _SIGNED_AFTER.match(text[e:]) else None)
        if complement and kind == "programme" and not _PROGRAMME_COMPLEMENT.match(text[e:]) \
                and not _SIGNED_AFTER.match(text[e:]):
            complement = None
        signed_before = _SIGNED_A.search(_before(text, m.start()))
        if complement and complement.group(0).strip().startswith("under"):
            stop = re.compile(r"[.;]").search(text, e)  # "an agreement under which ... until 2042"
            e = stop.start() if stop else len(text)
        elif complement:
            stop = _COMPLEMENT_END.search(text, e + complement.end())
            e = stop.start() if stop else len(text)
            if signed_before and not re.match(r"\s+(?:of\s+understanding\s+)?between\b", text[m.end():]):
                # "The SCO Secretariat and the Roscongress Foundation signed a memorandum on ...":
                # the signers are its parties (its title stays as written)
                found_signers = _subject_parties(_before(text, m.start()), self.cast, self.lexicon)
                signers = found_signers if len(found_signers) >= 2 else []
        elif _WITH.match(text[e:]):
            self.found.extend(_with_items(text, s, e, kind, word, self.taken))
            return None
        elif kind in ("statement", "declaration") and (re.search(r"\b[Jj]oint\s+$", _before(text, m.start()))
                                                       or word.lower().startswith("joint")):
            pass  # "signed a joint communique", "in their joint communique": a joint document is one
        elif signed_before:
            parties = _subject_parties(_before(text, m.start()), self.cast, self.lexicon)
            if len(parties) < 2:
                return None
        elif re.match(r"^\s+(?:of|(?:signed|adopted|approved|concluded)\s+(?:on|in))\s+[A-Z0-9]", text[e:]) and (
                s < m.start() or _MODIFIERS.search(text, max(0, m.start() - _LOOK_BACK), m.start())):
            # "their strategic partnership treaty of June 16, 2004", "the Consortium's development
            # strategy approved in Astana in June 2017": named by what it is and when it was made
            modifiers = _MODIFIERS.search(text, max(0, m.start() - _LOOK_BACK), m.start())
            if modifiers and s == m.start():
                s = modifiers.start(1)
        else:
            return None
        return s, e, parties, signers


def _without_unsigned(text: str, found: list[_Found]) -> list[_Found]:
    """Drop the instrument a later "could be signed" is said of: the first one before that verb (the
    treaty in "a plan of action, building on the treaty of 2001, could be signed soon" stays)."""
    subjects: dict[int, _Found] = {}
    for f in sorted(found, key=lambda f: f.start):
        later = _UNSIGNED_AFTER.match(text[f.end:])
        if later:
            subjects.setdefault(f.end + later.end(), f)
    unsigned = {id(f) for f in subjects.values()}
    return [f for f in found if id(f) not in unsigned]


def _status_memorandum(text: str, m: re.Match, kind: str, lexicon: Lexicon) -> _Found | None:
    """'Myanmar signed its memorandum in May 2023', 'Cambodia's memorandum on dialogue partner status
    was signed ...', in a sentence about a status: the memorandum granting that state the status."""
    if kind != "memorandum":
        return None
    signer = _STATUS_SIGNER.search(text, max(0, m.start() - _LOOK_BACK), m.start())
    status = _STATUS_NAMED.search(text, max(0, m.start() - _LOOK_AHEAD), m.end() + _LOOK_AHEAD)
    country = lexicon.countries.get(signer.group("name")) if signer else None
    obligations = re.match(r"\s+of\s+obligations\b", text[m.end():])
    if country is None or status is None and not obligations:
        return None
    end = m.end() + (obligations.end() if obligations else 0)  # the title is made, its clause's date stays out
    if obligations:
        title = f"Memorandum of obligations of {country} to obtain the status of SCO member state"
    else:
        title = f"Memorandum on granting {country} the status of SCO {' '.join(status.group(1).lower().split())}"
    return _Found(signer.start("name"), end, title, kind, [country, ORGANISATION])


def _trim_title(title: str, lexicon: Lexicon) -> str:
    """A title ends before the place, date or time words of its clause: "Memorandum on tourism in
    Qingdao" is the "Memorandum on tourism", "Treaty on friendship next year" the "Treaty on friendship"."""
    while True:
        m = _TITLE_TAIL.search(title)
        if m is None or (m.group("city") and m.group("city") not in lexicon.cities
                         and m.group("city") not in lexicon.countries):
            return title
        title = title[:m.start()]


def _is_plural(word: str, lexicon: Lexicon) -> bool:
    """'memoranda', 'agreements', 'MoUs', 'treaties' name several instruments, none in particular."""
    w = " ".join(word.lower().split())
    head = w.split()[0]
    if head in ("memoranda",) or head.endswith("ies"):
        return True
    return head.endswith("s") and head[:-1] in lexicon.agreement_kinds


def _known_names(cast: Cast, lexicon: Lexicon) -> frozenset[str]:
    return frozenset([*cast.organizations.values(), *lexicon.acronyms.values()])


def _title_like(after: str) -> bool:
    return bool(re.match(r"^\s+(?:of|on|between|for)\s+", after))


def _parties(title: str, word: str, kind: str, sentence: str, lexicon: Lexicon,
             known: frozenset[str]) -> list[str]:
    """Who is bound: a resolution's adopting body (the one its own title names, else the one the
    sentence names); else those the title names "between"; else the organisation that names it
    ("SCO Convention on ...")."""
    if kind == "resolution":
        for text in (title, sentence):
            if re.search(r"Security\s+Council|UNSC", text):
                return ["UN Security Council"]
            if re.search(r"General\s+Assembly|UNGA", text):
                return ["UN General Assembly"]
        return []
    return _between(title, known) or _prefix_party(title, word, lexicon)


def _prefix_party(title: str, word: str, lexicon: Lexicon) -> list[str]:
    """'SCO Convention on ...', 'UN Charter': the organisation that names the instrument."""
    head = title.split(word)[0].strip()
    for token in head.split():
        if token.isupper() and 2 <= len(token) <= 8:
            return [token]
    return []


def _listed(text: str, m: re.Match, kind: str, taken: list, known: frozenset[str],
            lexicon: Lexicon) -> list[_Found]:
    """'has memoranda of understanding with several UN bodies: A (X), B, C and D' -> one each."""
    granting = re.match(r"^\s+((?:granting|establishing|conferring)\s+[^.;,]*?\s+(?:to|on|with))\s+"
                        r"((?:the\s+)?[A-Z][\w' -]+?(?:,\s*(?:the\s+)?[A-Z][\w' -]+?)*\s+and\s+(?:the\s+)?"
                        r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", text[m.end():])
    numbers = _NUMBERS_LIST.match(text[m.end():])
    if numbers:  # "UN Security Council resolutions 1970 and 1973" -> one each, its body's name in front
        left = re.search(r"((?:\b[A-Z][\w-]*\s+){1,4})$", text[:m.start()])
        head = f"{left.group(1)}{kind}" if left else kind.title()
        span = (m.start() - (len(left.group(1)) if left else 0), m.end() + numbers.end())
        parties = _parties(head, kind, kind, text[:m.start()], lexicon, known)
        out = [_Found(span[0], span[1], f"{head} {num}", kind, list(parties))
               for num in re.findall(r"\d{3,4}", numbers.group(0))]
        taken.append(span)
        return out
    if granting:  # "memoranda granting dialogue partner status to Egypt and Qatar" -> one each
        granted_by = [ORGANISATION] if re.search(r"\bstatus\b", granting.group(1)) else []
        out = [_Found(m.start(), m.end() + granting.end(), f"{kind.title()} {granting.group(1)} {item}", kind,
                      [item, *granted_by]) for item in _split_parties(granting.group(2), known)]
        taken.append((m.start(), m.end() + granting.end()))
        return out
    topics = _ON_EACH.match(text[m.end():m.end() + _LOOK_AHEAD])
    if topics and len(_ON_SPLIT.split(topics.group(1))) >= 2:  # "statements on the digital economy and on food security"
        head = kind.capitalize()
        span = (m.start(), m.end() + topics.end())
        taken.append(span)
        return [_Found(span[0], span[1], f"{head} on {piece.strip(' ,')}", kind, [])
                for piece in _ON_SPLIT.split(topics.group(1)) if piece.strip(" ,")]
    ones = _ONE_ON.match(text[m.end():])
    if ones:  # "two joint statements: one on countering radicalisation, and one on digital transformation"
        return _one_on_items(text, m, kind, taken, ones.end())
    colon = text.find(":", m.end())
    with_at = re.match(r"^\s+(?:of\s+understanding\s+)?with\b", text[m.end():])
    if not with_at or colon < 0:
        return []
    items = _split_parties(text[colon + 1:].rstrip("."), known)
    out = []
    for item in items:
        out.append(_Found(m.start(), len(text), f"{kind.title()} with {item}", kind, [item]))
    taken.append((m.start(), len(text)))
    return out


def _one_on_items(text: str, m: re.Match, kind: str, taken: list, first: int) -> list[_Found]:
    """The instruments a plural kind word lists as "one on A, and one on B" (or "another on B")."""
    left = re.search(r"\b([Jj]oint|[Ff]inal)\s+$", text[:m.start()])
    head = f"{left.group(1).capitalize()} {kind}" if left else kind.capitalize()
    start = m.end() + first
    stop = re.compile(r"[.;]|\s+(?:and\s+)?(?:[Tt]hey|[Tt]he\s+leaders)\b").search(text, start)
    stop_at = stop.start() if stop else len(text)
    out = []
    for piece in re.split(r",?\s*(?:and\s+)?\b(?:one|another|the\s+other)\s+on\s+", text[start:stop_at]):
        piece = piece.strip(" ,")
        if piece:
            out.append(_Found(m.start(), stop_at, f"{head} on {piece}", kind, []))
    taken.append((m.start(), stop_at))
    return out


def _with_items(text: str, s: int, e: int, kind: str, word: str, taken: list) -> list[_Found]:
    """'a memorandum with X dating from 2008, one with Y signed in June 2011, ...'."""
    out = []
    segment_starts = [s] + [mm.start() for mm in _ONE_WITH.finditer(text, e)] + [
        mm.start() for mm in re.finditer(rf"\b(?:an?|another)\s+{re.escape(word)}\s+with\s+", text[e:] and text)
        if mm.start() > s]
    segment_starts = sorted(set(segment_starts))
    for n, start in enumerate(segment_starts):
        stop = segment_starts[n + 1] if n + 1 < len(segment_starts) else len(text)
        piece = text[start:stop]
        w = re.search(r"\bwith\s+(?:the\s+)?(.+)", piece)
        if not w:
            continue
        party = re.split(r"\s+(?:dating|dated|signed|concluded|adopted|since|in\s+\d|\(|and\s+one\b|and\s+another\b|and\s+a\s+)",
                         w.group(1))[0].strip(" ,.;")
        party = re.split(r",|\s+(?:in|at)\s+(?=[A-Z])", party)[0].strip()  # "with Elbegdorj in Ulan Bator"
        party = re.match(r"(?:[A-Z][\w'-]*|of|for|and|the|on|in)(?:\s+(?:[A-Z][\w'-]*|of|for|and|the|on|in))*", party)
        party = re.sub(r"(?:\s+(?:of|for|and|the|on|in))+$", "", party.group(0)) if party else ""
        if not party or not party[0].isupper():
            continue
        head = text[s:e].strip() if n == 0 else kind
        out.append(_Found(start, stop, f"{head[0].upper()}{head[1:]} with {party}", kind, [party],
                          date_span=(start, stop)))
    if out:
        taken.append((s, len(text)))
    return out


# What may stand between two instruments of one list: a comma or a conjunction, after the years
# the first one covers ("the Strategy for 2011-2016 together with a programme ...").
_LIST_GAP = re.compile(
    r"(?:\s+(?:for|covering)\s+(?:the\s+(?:years?|period)\s+)?(?:1[89]|20)\d\d(?:\s*[-\u2013]\s*(?:1[89]|20)?\d\d)?)?"
    r"\s*(?:,|and|,\s*and|together\s+with|along\s+with|as\s+well\s+as)?\s*(?:the\s+|an?\s+)?")


def _share_a_later_verb(items: list[list]) -> None:
    """Instruments listed together share the verb that follows the last of them: in "a memorandum
    on transport and a memorandum on trade were signed" the first is signed too, the same day."""
    for k in range(len(items) - 1, 0, -1):
        _, told, listed = items[k]
        before = items[k - 1][1]
        if listed and told[0] and not before[0] and before[1] is None:
            items[k - 1][1] = told


def _covers(mentions: list[DateMention], day: PartialDate | None) -> bool:
    """Whether one of the mentions is a range of days that holds `day` (the main date)."""
    if day is None or day.bounds() is None:
        return False
    d = day.bounds()[0]
    return any(m.date.end is not None and m.date.bounds() is not None and m.date.bounds()[0] <= d <= m.date.bounds()[1]
               for m in mentions)


def _is_reported(text: str, f: _Found, background: bool = False) -> bool:
    """Whether the sentence tells the signing or adoption itself ("signed the ...", "... was
    adopted"), or names a joint document of the meeting it tells ("in their joint communique"),
    unless it writes a year of its own (`background`)."""
    return bool(_SIGNED_BEFORE.search(_before(text, f.start)) or _SIGNED_AFTER.match(text[f.end:])
                or _JOINT_DOCUMENT.match(f.title) and not background)


def _clause_date(mentions: list[DateMention], sent: Sentence, f: _Found, lo: int = 0,
                 hi: int | None = None) -> PartialDate | None:
    """The date written with the mention: inside its own segment, else nearest in the sentence
    (within its clause), not inside the title itself."""
    hi = len(sent.text) if hi is None else hi
    candidates = []
    for mm in mentions:
        at = mm.span.start - sent.start
        if mm.date.year is None:
            continue
        if f.start <= at < f.end and f.date_span is None:
            continue  # "a plan covering 2023-2027", "until 2042": the years belong to the title
        if not lo <= at < hi:
            continue  # the date of a neighbouring instrument in the same sentence
        if _NOT_ITS_DATE.search(sent.text[max(0, at - 40):at]):
            continue  # "the Strategy for 2011-2016", "the partnership established in 2005"
        if f.date_span is not None:
            if f.date_span[0] <= at < f.date_span[1]:
                candidates.append((0, mm))
            continue
        gap = sent.text[min(at, f.end):max(at, f.start)]
        if ";" in gap or at < f.start and NEW_CLAUSE.search(gap):
            continue  # "... the summit in July, and the two-day meeting ended with the signing of ..."
        if _SAID_ON.search(sent.text[max(0, at - 20):at]):
            continue  # "Zhang said on Friday that the memorandum ...": the day of the words, not of the signing
        distance = at - f.end if at >= f.end else (f.start - at) * 1.5
        if at >= f.end and _ITS_SIGNING.match(gap):
            distance = 0  # "the memorandum ..., signed in Tashkent on 5 June 2019, ..."
        candidates.append((distance, mm))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: c[0])[1]
    return main_date(best.date) if best.date.end is not None and best.date.month is not None else best.date


def _place(text: str, f: _Found, lexicon: Lexicon, reported: bool, dated_here: bool, lo: int, hi: int,
           main_place: str | None) -> str | None:
    """Where it was signed: "(Astana, 14 June 2011)", "signed in Tashkent", a city in the same
    clause when the sentence dates or reports the signing, else the article's place for a signing
    it reports."""
    paren = _PAREN.match(text[f.end:])
    if paren:
        city = city_in(paren.group(1), lexicon, None)
        if city:
            return city
    window = text[f.end:f.end + 80] if f.date_span is None else text[f.date_span[0]:f.date_span[1]]
    m = re.search(r"\b(?:in|at)\s+([A-Z][\w'. -]+)", window)
    if m:
        city = city_in(m.group(1), lexicon, None)
        if city:
            return city
    if reported or dated_here:
        for m in re.finditer(r"\b(?:[Ii]n|at)\s+((?:[A-Z][\w'-]*\s?){1,3})", text[lo:f.start] + " . " + text[f.end:hi]):
            city = city_in(m.group(1), lexicon, None)
            if city:
                return city  # "met in Tashkent and signed", "adopted in Astana on 9 June"
    if reported:
        first = f.title.split()[0] if f.title else ""
        if first in lexicon.cities:
            return first  # "the Samarkand Declaration", adopted at the summit in Samarkand
        return main_place
    return None


def find_agreements(article: Article, sentences: list[Sentence], cast: Cast, dates: ArticleDates,
                    lexicon: Lexicon) -> list[Agreement]:
    """Every instrument the article names, once each, dated and placed by its own clause."""
    reader = _AgreementReader(article, sentences, cast, dates, lexicon)
    for n, sent in enumerate(sentences):
        reader.sentence(n, sent)
    return reader.out


class _AgreementReader:
    """Finds the instruments of each sentence, gives each its date and place (a listed one shares
    the one before it), then keeps it or merges it with an earlier mention of the same one."""

    def __init__(self, article: Article, sentences: list[Sentence], cast: Cast, dates: ArticleDates,
                 lexicon: Lexicon):
        self.sentences, self.cast, self.dates, self.lexicon = sentences, cast, dates, lexicon
        self.by_sentence: dict[int, list[DateMention]] = group_by_sentence(sentences, dates.event_mentions())
        self.main_place = main_place_of(sentences, dates, lexicon)
        # "SCO leaders ... adopt the Moscow Declaration": the headline tells which instruments the
        # main event signed or adopted, however the body goes on to name them
        self.headline_signed = {title_key(f.title) for f in _find_in_sentence(article.headline, cast, lexicon)
                                if _is_reported(article.headline, f)}
        # a headline that reports a signing or an adoption: the documents the body names without a
        # date of their own are those of the main event
        self.headline_adopts = bool(_HEADLINE_ADOPTS.search(article.headline))
        self.out: list[Agreement] = []
        self.keys: dict[str, int] = {}
        self.about_sco = bool(_ABOUT_SCO.search(article.headline) or _ABOUT_SCO.search(article.body[:4000]))

    def sentence(self, n: int, sent: Sentence) -> None:
        self._date_back_reference(n, sent)
        found = sorted(_find_in_sentence(sent.text, self.cast, self.lexicon), key=lambda f: f.start)
        previous: tuple[bool, PartialDate | None, str | None] = (False, None, None)
        items: list[list] = []  # [instrument, (reported, date, place), listed with the one before]
        for k, f in enumerate(found):
            nested = any(o is not f and o.start <= f.start and f.end <= o.end and (o.start, o.end) != (f.start, f.end)
                         for o in found)
            listed = k > 0 and (found[k - 1].start, found[k - 1].end) == (f.start, f.end) or k > 0 and bool(
                _LIST_GAP.fullmatch(sent.text[found[k - 1].end:f.start] or "-"))
            respective = self._respectively(n, sent, found, k)
            if nested:
                told = (False, _clause_date([], sent, f), None)
            elif respective is not None:
                told = (previous[0], respective, previous[2])  # "resolutions 1970 and 1973, adopted in February and March"
            elif listed and (previous[0] or previous[1] is not None):
                told = previous  # "signed the Astana Declaration, the SCO Convention ... and ..."
            else:
                told = self._when_and_where(n, sent, f, found)
            previous = told
            items.append([f, told, bool(listed) and not nested])
        _share_a_later_verb(items)
        for f, told, _ in items:
            self._keep(sent, f, *told)

    def _when_and_where(self, n: int, sent: Sentence, f: _Found, found: list[_Found]):
        """(reported here, date, place) of one instrument from its own clause."""
        dates, text = self.dates, sent.text
        lo = max((o.end for o in found if o.end <= f.start), default=0)
        hi = min((o.start for o in found if o.start >= f.end), default=len(text))
        background = any(m.date.year_source == "text" for m in self.by_sentence.get(n, []))
        reported = (_is_reported(text, f, background) or title_key(f.title) in self.headline_signed) \
            and not is_future(text, f.start)
        if any(o is not f and f.start < o.start < f.end for o in found):
            hi = f.start  # "a plan for implementing the Treaty on ..., signed in 2007": the treaty's date
        clause_end = _CLAUSE_BREAK.search(text, f.end)
        if clause_end and clause_end.start() < hi:
            hi = clause_end.start()
        date = _clause_date(self.by_sentence.get(n, []), sent, f, lo, hi)
        dated_here = date is not None
        if date is None and reported:
            date = self._reported_date(n, sent)
        elif date is None and self.headline_adopts and not background and not is_future(text, f.start) \
                and not _UNSIGNED.search(text[:f.start]):
            date = dates.doc_date  # "... adopt the Moscow Declaration": the summit's documents are of its day
        main_place = self.main_place if date == dates.doc_date or date is None or near(date, dates.doc_date) else None
        return reported, date, _place(text, f, self.lexicon, reported, dated_here, lo, hi, main_place)

    def _reported_date(self, n: int, sent: Sentence) -> PartialDate | None:
        """A signing told without a date: "on Saturday", the day the previous sentence told (when
        no more than the main date's episode said less precisely: "met on 4-5 May ... ended with
        the signing"), or the main date."""
        doc_date = self.dates.doc_date
        date = own_date([], sent.text, None, doc_date)
        same_paragraph = n > 0 and self.sentences[n - 1].paragraph == sent.paragraph
        if date is None and same_paragraph and SAME_DAY.search(sent.text):
            date = last_day(self.by_sentence.get(n - 1, []))  # "The same day they signed ..."
        if date is None and same_paragraph:
            before = self.by_sentence.get(n - 1, [])
            earlier = own_date(before, self.sentences[n - 1].text, 0, doc_date)
            date = earlier if earlier is not None and near(earlier, doc_date) and not _covers(before, doc_date) \
                else None
        return date or doc_date

    def _respectively(self, n: int, sent: Sentence, found: list[_Found], k: int) -> PartialDate | None:
        """The k-th of instruments listed in one span takes the k-th of as many dates after it."""
        f = found[k]
        same = [o for o in found if (o.start, o.end) == (f.start, f.end)]
        if len(same) < 2:
            return None
        after = [d.date for d in self.by_sentence.get(n, []) if d.span.start - sent.start >= f.end
                 and d.date.year is not None and d.date.month is not None and not d.relative]
        return after[same.index(f)] if len(after) == len(same) else None

    def _date_back_reference(self, n: int, sent: Sentence) -> None:
        """"That declaration was signed on August 21, 2014": the date of the instrument just named."""
        m = _BACK_REFERENCE.search(sent.text)
        if m is None:
            return
        kind = self.lexicon.agreement_kinds.get(m.group("word").lower())
        date = next((d.date for d in self.by_sentence.get(n, []) if d.span.start - sent.start > m.start()
                     and d.date.year is not None and d.date.month is not None and not d.relative), None)
        latest = next((k for k in range(len(self.out) - 1, -1, -1) if self.out[k].kind == kind), None)
        if kind is None or date is None or latest is None:
            return
        old = self.out[latest]
        if old.date is None or old.date == self.dates.doc_date:
            self.out[latest] = Agreement(old.title, old.kind, old.parties, main_date(date), old.place, old.evidence,
                                         old.reported)

    def _inferred_parties(self, sent: Sentence, f: _Found) -> list[str]:
        """Parties the title does not give, from the instrument's clause (see `extract/parties.py`)."""
        text = sent.text
        lo = max(text.rfind(";", 0, f.start) + 1, f.start - _CLAUSE_REACH, 0)
        clause_end = _CLAUSE_BREAK.search(text, f.end, f.end + _LOOK_AHEAD)
        after = text[f.end:clause_end.start() if clause_end else min(len(text), f.end + _LOOK_AHEAD)]
        return infer_parties(f.title, text[lo:f.start], sent.start + lo, after, self.cast, self.lexicon,
                             self.about_sco)

    def _told_by_kind_only(self, agreement: Agreement) -> int | None:
        """"According to the joint communique, ..." and later "issued a joint communique of 22 points":
        one article names one joint communique, first by its kind alone. The earlier record of the
        same kind (and parties, when both have them) named by nothing but its kind is this one, or
        this one is it."""
        key = title_key(agreement.title)
        for k, a in enumerate(self.out):
            if a.kind != agreement.kind or a.parties and agreement.parties and \
                    {fold(p) for p in a.parties} != {fold(p) for p in agreement.parties}:
                continue
            if identifying(title_key(a.title)) != identifying(key):
                return k
        return None

    def _keep(self, sent: Sentence, f: _Found, reported: bool, date: PartialDate | None, place: str | None) -> None:
        cast, lexicon = self.cast, self.lexicon
        parties = tuple(dict.fromkeys(_acronym(signer_state(p, cast, lexicon), cast.organizations, lexicon)
                                      for p in f.parties or self._inferred_parties(sent, f)))
        with_one = re.match(r"^((?:[\w-]+\s+)?\w+) with ", f.title)
        if with_one and len(parties) == 1:
            f.title = f"{with_one.group(1)} with {parties[0]}"
        f.title = _trim_title(f.title, lexicon)
        parties = tuple(_trim_title(p, lexicon) for p in parties)  # "... and the WHO in Astana": the WHO
        of_year = _OF_YEAR.search(f.title)
        if date is None and of_year:
            date = PartialDate(int(of_year.group(1)))  # "the treaty of 2001"
        agreement = Agreement(f.title, f.kind, parties, date, place, sent.text,
                              reported and (date is None or date == self.dates.doc_date))
        key = f"{f.kind}|{title_key(f.title)}"
        alt = f"{f.kind}|{'+'.join(sorted(fold(p) for p in parties))}" if len(parties) >= 2 else None
        same = self.keys.get(key) if key in self.keys else self.keys.get(alt) if alt else None
        if same is None:
            same = self._told_by_kind_only(agreement)
        if same is None and parties and not _own_words(f.title, f.kind, parties):
            # "the memorandum with the FAO" after "the Memorandum ... between the SCO and the FAO"
            same = next((k for k, a in enumerate(self.out) if a.kind == f.kind and a.parties and
                         {fold(p) for p in parties} <= {fold(p) for p in a.parties}), None)
        if same is not None:
            self.out[same] = _richer(self.out[same], agreement)
            return
        self.keys[key] = len(self.out)
        if alt:
            self.keys.setdefault(alt, len(self.out))
        self.out.append(agreement)


def _own_words(title: str, kind: str, parties) -> set[str]:
    """The words of a title beyond its kind and parties: none in 'Memorandum with FAO'."""
    words = set(title_key(title).split()) - {kind, "understanding", "memorandum"}
    for p in parties:
        words -= set(fold(p).split())
    return words


def _richer(a: Agreement, b: Agreement) -> Agreement:
    """Two mentions of one instrument in an article: keep the fuller fields of each."""
    return Agreement(
        title=a.title if len(a.title) >= len(b.title) else b.title,
        kind=a.kind,
        parties=a.parties if len(a.parties) >= len(b.parties) else b.parties,
        date=_more_precise(a.date, b.date),
        place=a.place or b.place,
        evidence=a.evidence,
        reported=a.reported or b.reported,
    )


def _more_precise(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    order = {"year": 0, "month": 1, "day": 2}
    return b if order[b.precision] > order[a.precision] and (a.year == b.year) else a
