"""One record per instrument: the same agreement named in several articles, grouped once.

Public names:

- `group(mentions)` -> list of `AgreementRecord`: the mentions (uid, doc_id, agreement) grouped
  by instrument, each record carrying the most complete telling and every article naming it;
- `same_instrument(a, b)`: the rule two mentions must pass to be one instrument;
- `dump(records)` / `load(text)`: the records as the JSON file an index generation stores.

`index.build` groups at build (and `index add`) time and stores the records beside the Whoosh
index, so `sco agreements` reads them instead of regrouping on every call. The grouping is the
extraction's: a change of these rules is a change of `EXTRACTION_VERSION`.

Grouping never compares all pairs. Mentions are first joined by exact keys (kind and title key;
kind, parties and day); near-identical titles are then compared only between distinct title keys
of the same kind that share one of the shorter title's rarest words (prefix filtering).
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from typing import NamedTuple

from sco_cli import codec, safety
from sco_cli.model import Agreement, AgreementRecord, Mention, date_order
from sco_cli.normalize import GENERIC_TITLE_WORDS, fold, identifying, title_key

# Near-identical titles: the share of the shorter title's words the two must have in common,
# and the fewest words a title needs for that comparison to mean anything.
NEAR_TITLE_OVERLAP = 0.8
NEAR_TITLE_MIN_WORDS = 3


def completeness(a: Agreement) -> tuple:
    """How fully a mention tells its instrument: dated, with parties, placed, to the day, ..."""
    return (a.date is not None and a.date.iso is not None, bool(a.parties), a.place is not None,
            a.date.precision == "day" if a.date else False, len(a.parties), len(a.title))


def _year(a: Agreement) -> str | None:
    return a.date.iso[:4] if a.date is not None and a.date.iso is not None else None


def _day(a: Agreement) -> str | None:
    return a.date.iso if a.date is not None and a.date.precision == "day" and a.date.iso else None


def _parties(a: Agreement) -> frozenset[str]:
    return frozenset(fold(p) for p in a.parties)


def _near_titles(key_a: str, key_b: str) -> bool:
    """Titles that share nearly all their words, and no number tells apart ("resolution 1970" and
    "resolution 1973", "the 13th meeting" and "the 14th" are two)."""
    words_a, words_b = set(key_a.split()), set(key_b.split())
    if any(any(ch.isdigit() for ch in w) for w in words_a ^ words_b):
        return False
    shorter = min(len(words_a), len(words_b))
    return shorter >= NEAR_TITLE_MIN_WORDS and len(words_a & words_b) / shorter >= NEAR_TITLE_OVERLAP


class _Told(NamedTuple):
    """What `same_instrument` compares of a mention, worked out once per mention."""

    kind: str
    key: str  # the title key
    identifying: bool
    wordless: bool  # the title says nothing its kind and parties do not: "Memorandum with UNESCO"
    parties: frozenset
    year: str | None
    day: str | None


def _wordless(key: str, parties: frozenset[str]) -> bool:
    """Whether a title key names nothing beyond its kind and its parties."""
    party_words = {w for p in parties for w in p.split()}
    return all(w in GENERIC_TITLE_WORDS or w in party_words or w in ("with", "between") for w in key.split())


def _told(a: Agreement) -> _Told:
    key = title_key(a.title)
    parties = _parties(a)
    return _Told(a.kind, key, identifying(key), _wordless(key, parties), parties, _year(a), _day(a))


def same_instrument(a: Agreement, b: Agreement) -> bool:
    """One instrument told twice: same kind, and the same normalised title (the same day too for
    a title that names only its kind: "Joint communique"), or the same parties and the same day,
    or titles that share nearly all their words and dates of the same year
    (recurring instruments such as the UN resolution on cooperation with the SCO share their
    words: they are one only when their years agree), unless each has a party the other lacks
    ("memoranda granting status to Egypt and Qatar", both with the SCO, are two)."""
    return _same(_told(a), _told(b))


def _same(a: _Told, b: _Told) -> bool:
    if a.kind != b.kind:
        return False
    if a.key == b.key:
        # "the joint communique" of two summits are two: a title that names only the kind must
        # also agree in day
        return a.identifying or (a.day is not None and a.day == b.day)
    if a.parties and a.parties == b.parties and a.day is not None and a.day == b.day and (a.wordless or b.wordless):
        return True  # "the memorandum with UNESCO" signed the day of "the Memorandum ... and UNESCO"
    if a.parties and b.parties and not (a.parties <= b.parties or b.parties <= a.parties):
        return False  # "granting the status to Egypt" (Egypt, SCO) and "... to Qatar" (Qatar, SCO) are two
    return a.year is not None and a.year == b.year and _near_titles(a.key, b.key)


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def _join_exact(mentions: list[tuple[str, str, Agreement]], groups: _Groups) -> None:
    """Join mentions that share (kind, title key, year), or (kind, parties, day). Summits reuse
    their declarations' names ("the Dushanbe Declaration" of 2014 and of 2021), so one title of two
    years is two instruments; an undated mention joins the dated one of its own article, else the
    one told most often, else the other undated mentions of its title."""
    first: dict[tuple, int] = {}
    undated: list[int] = []
    same_day: dict[tuple, list[int]] = defaultdict(list)  # (kind, parties, day) -> mentions
    for i, (_, _, a) in enumerate(mentions):
        key = title_key(a.title)
        title = None
        if identifying(key) and _year(a) is not None:
            title = ("title", a.kind, key, _year(a))
        elif identifying(key):
            undated.append(i)
        elif _day(a) is not None:
            title = ("title", a.kind, key, _day(a))
        if title is not None:
            groups.join(i, first.setdefault(title, i))
        if a.parties and _day(a) is not None:
            same_day[(a.kind, _parties(a), _day(a))].append(i)
    for (_, parties, _), indexes in same_day.items():
        _join_same_day(mentions, groups, parties, indexes)
    if undated:
        _join_undated(mentions, groups, undated)


def _join_same_day(mentions: list[tuple[str, str, Agreement]], groups: _Groups, parties: frozenset[str],
                   indexes: list[int]) -> None:
    """Mentions of one kind with the same parties and day: those whose title names nothing but the
    parties ("the memorandum with UNESCO") are the one instrument of that day with a fuller title,
    when there is just one; a summit's many statements of its member states stay apart."""
    wordless = [i for i in indexes if _wordless(title_key(mentions[i][2].title), parties)]
    worded = {title_key(mentions[i][2].title) for i in indexes} - {title_key(mentions[i][2].title) for i in wordless}
    if not wordless or len(worded) > 1:
        return
    for i in indexes:
        groups.join(i, indexes[0])


def _join_undated(mentions: list[tuple[str, str, Agreement]], groups: _Groups, undated: list[int]) -> None:
    dated: dict[tuple[str, str], set[int]] = defaultdict(set)  # (kind, title key) -> dated group roots
    docs: dict[int, set[str]] = defaultdict(set)  # group root -> its articles
    size: dict[int, int] = defaultdict(int)
    for i, (_, doc, a) in enumerate(mentions):
        root = groups.find(i)
        docs[root].add(doc)
        size[root] += 1
        if _year(a) is not None:
            dated[(a.kind, title_key(a.title))].add(root)
    alone: dict[tuple[str, str], int] = {}
    for i in undated:
        _, doc, a = mentions[i]
        key = (a.kind, title_key(a.title))
        roots = sorted(dated.get(key, ()))
        target = next((r for r in roots if doc in docs[r]), None)
        if target is None and roots:
            target = max(roots, key=lambda r: size[r])
        if target is None:
            target = alone.setdefault(key, i)
        groups.join(i, target)


def _join_near(told: list[_Told], groups: _Groups) -> None:
    """Join near-identical titles of the same kind and year whose parties are not disjoint.

    Never all pairs: two titles whose shorter one shares NEAR_TITLE_OVERLAP of its words with
    the other must share one of the shorter title's rarest words (its prefix, in order of how
    many titles hold a word), so each title is compared only with the longer-or-equal titles
    that hold one of those."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, t in enumerate(told):
        by_key[(t.kind, t.key)].append(i)
    signatures = {k: _by_signature(told, indexes) for k, indexes in by_key.items()}
    holders: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for kind, key in by_key:
        for word in set(key.split()):
            holders[(kind, word)].append((kind, key))
    for kind, key in by_key:
        words = sorted(set(key.split()), key=lambda w: (len(holders[(kind, w)]), w))
        if len(words) < NEAR_TITLE_MIN_WORDS:
            continue
        prefix = words[:len(words) - math.ceil(NEAR_TITLE_OVERLAP * len(words)) + 1]
        candidates = {other for w in prefix for other in holders[(kind, w)]
                      if (len(set(other[1].split())), other) > (len(words), (kind, key))}
        for other in candidates:
            if not _near_titles(key, other[1]):
                continue
            for members_a in signatures[(kind, key)]:
                for members_b in signatures[other]:
                    if _same(told[members_a[0]], told[members_b[0]]):
                        for i in members_a + members_b:
                            groups.join(members_a[0], i)


def _by_signature(told: list[_Told], indexes: list[int]) -> list[list[int]]:
    """The mentions of one title split by what else `same_instrument` looks at (parties, year,
    day): mentions alike in all of it answer alike, so one of each stands for all, and a title
    told a thousand times is compared once per distinct telling, not a thousand times."""
    alike: dict[tuple, list[int]] = defaultdict(list)
    for i in indexes:
        alike[(told[i].parties, told[i].year, told[i].day)].append(i)
    return list(alike.values())


def _record(items: list[tuple[str, str, Agreement]]) -> AgreementRecord:
    ranked = sorted(items, key=lambda t: completeness(t[2]), reverse=True)
    best = ranked[0][2]
    date = next((a.date for _, _, a in ranked if a.date is not None and a.date.iso is not None), best.date)
    place = best.place or next((a.place for _, _, a in items if a.place), None)
    merged = Agreement(best.title, best.kind, best.parties, date, place, best.evidence,
                       any(a.reported for _, _, a in items))
    ident = "a-" + hashlib.sha1(f"{merged.kind}|{title_key(merged.title)}".encode()).hexdigest()[:10]
    mentions = list(dict.fromkeys(Mention(doc_id, a.evidence) for _, doc_id, a in items))
    return AgreementRecord(ident, merged, tuple(mentions), tuple(uid for uid, _, _ in items))


def in_order(records: list[AgreementRecord]) -> list[AgreementRecord]:
    """The records as `sco agreements` lists them: by date (undated last), instruments of one day in
    the order their articles name them ("the Moscow Declaration and the statements on ..."), then
    by title."""
    return sorted(records, key=lambda r: (date_order(r.agreement.date), _first_mention(r), r.agreement.title))


def mention_uid(doc_id: str, n: int) -> str:
    """The uid of an article's n-th agreement mention: "000_696adcf27fd638ed#agreement2"."""
    return f"{doc_id}#agreement{n}"


def mention_place(uid: str) -> tuple[str, int]:
    """(article, place in it) of a mention uid, the inverse of `mention_uid`."""
    doc, _, n = uid.rpartition("#agreement")
    return doc, int(n) if n.isdigit() else 0


def _first_mention(record: AgreementRecord) -> tuple[str, int]:
    """(article, place in it) of a record's first mention."""
    return min((mention_place(uid) for uid in record.uids), default=("", 0))


def group(mentions: list[tuple[str, str, Agreement]]) -> list[AgreementRecord]:
    """One record per instrument from (uid, doc_id, agreement) mentions, in the mentions' order."""
    groups = _Groups(len(mentions))
    _join_exact(mentions, groups)
    _join_near([_told(a) for _, _, a in mentions], groups)
    members: dict[int, list[tuple[str, str, Agreement]]] = {}
    for i, item in enumerate(mentions):
        members.setdefault(groups.find(i), []).append(item)
    return [_record(items) for items in members.values()]


def dump(records: list[AgreementRecord]) -> str:
    return json.dumps([codec.plain(r) for r in records], ensure_ascii=False, separators=(",", ":"))


def load(text: str) -> list[AgreementRecord]:
    """The records of `dump`, every string clean (`safety.loads_clean`)."""
    data = safety.loads_clean(text)
    out = []
    for d in data:
        out.append(AgreementRecord(d["id"], codec.agreement(d["agreement"]),
                                   tuple(Mention(m["doc_id"], m["evidence"]) for m in d["mentions"]),
                                   tuple(d["uids"])))
    return out
