"""Meetings: who met whom, when, where and how, from the sentences that report them.

A sentence reports a meeting when it holds one of the phrases of `data/meeting_verbs.txt`
("met with", "held talks with", "received", "had a telephone conversation with", ...). The people
before the phrase are one side, the people after it (up to the next phrase) the other; "He",
"the two presidents" or "the parties" stand for people named just before. Several phrases in one
sentence are several meetings ("he met Lavrov and held consultations with Morgulov"), and "held
separate talks with A, B and C" is one meeting with each.

Planned or hoped-for meetings ("will meet", "agreed to hold") are kept with `planned=True`.
The date is the sentence's own (or "the same day", "on Thursday", "today"), else the article's
main date; the place is the city the sentence names, else the article's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sco_cli.extract import context
from sco_cli.extract.dates import ArticleDates
from sco_cli.extract.people import Cast, PersonRef, has_pronoun
from sco_cli.extract.text import PatternSet, Sentence, group_by_sentence
from sco_cli.lexicon import Lexicon
from sco_cli.model import Article, DateMention, Meeting, PartialDate, Person
from sco_cli.normalize import fold

# Words before a meeting phrase that make it planned, announced or hoped for, not reported.
_PLANNED = re.compile(
    r"\b(?:will|shall|would|is to|are to|plans? to|planning to|agreed to|expected to|scheduled to|planned|"
    r"intends? to|hopes? to|ready to|due to|going to|next|upcoming|forthcoming|invited\s+\w+\s+to)\b[^.;]*$",
    re.IGNORECASE)
# Words after a meeting phrase that say it did not happen: "no meeting ... was planned",
# "could not take place", "was cancelled", "is being prepared".
_NOT_HELD = re.compile(
    r"\b(?:was|were|had been|has been)\s+(?:not\s+)?(?:planned|scheduled|expected|cancelled|canceled|postponed|"
    r"called off)\b|\b(?:could|did|does|will)\s+not\s+take\s+place\b|\bno\s+(?:bilateral\s+)?(?:meeting|talks)\b|"
    r"\b(?:is|are)\s+being\s+(?:prepared|planned|arranged|organi[sz]ed)\b",
    re.IGNORECASE)
# Words that set the format wherever they stand in the sentence.
_PHONE = re.compile(r"\b(?:tele)?phone\b|\bphone\s+call\b", re.IGNORECASE)
_VIDEO = re.compile(r"\bvideo(?:conference|\s*link|\s+call|\s+conference)?\b|\bonline\b|\bvirtual(?:ly)?\b|"
                    r"\bvideo-?conferencing\b", re.IGNORECASE)
# "the two presidents", "the parties", "they": the people of the previous meeting.
_BOTH_SIDES = re.compile(r"\b(?:[Tt]he\s+two\s+(?:\w+\s+)?(?:presidents|leaders|sides|ministers|heads|diplomats|"
                         r"officials|secretaries-general|men|women|premiers|prime\s+ministers|counterparts|"
                         r"chancellors|envoys)|[Tt]he\s+parties|[Tt]he\s+sides|[Tt]hey|"
                         r"[Bb]oth\s+sides)\b")
# "received" and "hosted by" report a meeting only when a person follows closely.
_NEEDS_PERSON_AFTER = re.compile(r"^(?:received|receives|called\s+on|hosted)$", re.IGNORECASE)
# A meeting told in a relative clause of the people just named: "X and Y, who had last met in ...".
_WHO_MET = re.compile(r",\s*who\s+(?:had\s+|have\s+|has\s+)?(?:last\s+|first\s+|previously\s+|already\s+)?$")
# Those who sat in on the meeting just told: "attended the meeting", "were also at the table".
_SAT_IN = re.compile(r"\b(?:attended|joined|sat\s+in\s+on)\s+the\s+(?:meeting|talks|signing|ceremony|lunch|dinner|"
                     r"conversation|negotiations)\b|\bwere\s+(?:also\s+)?(?:present|at\s+the\s+table)\b",
                     re.IGNORECASE)
# How many sentences after a meeting its attendees may still be named.
_SAT_IN_REACH = 2
# A day written right after a person met: "met A on Tuesday and B on Wednesday".
_OWN_DAY_GAP = re.compile(r"\s*,?\s*(?:on|in)\s+")
_OWN_DAY_REACH = 6
# A greeting on arrival is protocol, not a meeting: "was received at the airport by ...".
_ON_ARRIVAL = re.compile(r"\b(?:airport|on\s+arrival|upon\s+arrival|on\s+arriving|at\s+the\s+foot\s+of\s+the\s+"
                         r"(?:plane|aircraft))\b", re.IGNORECASE)
_PERSON_REACH = 90
# How far after its phrase a bare year dates a meeting ("had met his predecessor in 2021").
_YEAR_REACH = 60
# A meeting this close to the main date took place where the article's story does, unless the
# sentence names another city.
_SAME_PLACE_DAYS = 62
# A meeting phrase that starts with "their": its sides are the people just named.
_THEIR = re.compile(r"[Tt]heir\b")
# "US President Donald Trump's special envoy Steve Witkoff": the envoy is met, not Trump; "met
# Kasymaliev's predecessor": not Kasymaliev.
_POSSESSOR = re.compile(r"['\u2019]s?\s+(?:(?:[a-z][\w-]*\s+){0,3}[A-Z]|(?!(?:and|or)\b)[a-z])")
# A possessive before a meeting noun: "At his meeting with ...", "His talks with ...".
_POSSESSIVE = re.compile(r"\b(?:his|her|their)\b", re.IGNORECASE)
# A new verb phrase ends the other side: "met A, and exchanged pleasantries with B".
_OBJECT_STOP = re.compile(r",?\s+and\s+(?:later\s+|then\s+|also\s+)?(?!met\b)[a-z]+ed\b")
# Pronouns in the other side of a meeting: "joined them", "called on him".
_THEM = re.compile(r"\bthem\b")
# How far after a phrase its pronoun object may stand: "met with him", "received them".
_PRONOUN_REACH = 12
_HIM = re.compile(r"\b(?:him|her)\b")


@dataclass(frozen=True)
class _Trigger:
    start: int  # offsets in the sentence
    end: int
    format: str  # in-person | video | phone | any | separate


@lru_cache(maxsize=4)
def _trigger_patterns(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((fmt, re.compile(rf"\b(?:{phrase})\b", re.IGNORECASE)) for fmt, phrase in lexicon.meeting_phrases)


@lru_cache(maxsize=4)
def _trigger_set(lexicon: Lexicon) -> tuple[tuple[str, ...], PatternSet]:
    """The formats of the meeting phrases, and the phrases as one `PatternSet`."""
    formats, patterns = zip(*_trigger_patterns(lexicon))
    return formats, PatternSet(list(patterns), first=r"[\w,]")  # a word, or the comma of ", and with"


def _triggers(text: str, lexicon: Lexicon) -> list[_Trigger]:
    found: list[_Trigger] = []
    formats, phrases = _trigger_set(lexicon)
    for fmt, matches in zip(formats, phrases.matches(text)):
        for m in matches:
            found.append(_Trigger(m.start(), m.end(), fmt))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[_Trigger] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


def find_meetings(article: Article, sentences: list[Sentence], cast: Cast, dates: ArticleDates,
                  lexicon: Lexicon) -> list[Meeting]:
    """Every meeting the article reports (and, marked planned, those it announces or denies)."""
    return _MeetingReader(sentences, cast, dates, lexicon).read()


@dataclass
class _Clause:
    """What one sentence with meeting phrases says, before each phrase is read."""

    n: int
    sent: Sentence
    refs: list[PersonRef]
    triggers: list[_Trigger]
    clause_date: PartialDate | None  # the date the sentence gives itself
    date: PartialDate | None  # that, else the date the story has reached
    background: bool  # a meeting of another year: roles as written, not today's office holder
    city: str | None
    subject: list = field(default_factory=list)
    pronoun_subject: bool = False  # "At his meeting with X, Mr Putin noted": the owner comes after
    planned: bool = False

    @property
    def text(self) -> str:
        return self.sent.text

    def identity(self, ref: PersonRef):
        if ref.role_text and (ref.key is None or self.background):
            return ref.role_text
        return ref.key


class _MeetingReader:
    """Reads an article's sentences in order, carrying who and when the story is about.

    Named steps per sentence: follow the story's date, find the meeting phrases, date the
    sentence, find its subject, then read each phrase (its own date, subject, objects, format,
    place) and record the meetings, one per group of sides."""

    def __init__(self, sentences: list[Sentence], cast: Cast, dates: ArticleDates, lexicon: Lexicon):
        self.sentences, self.cast, self.dates, self.lexicon = sentences, cast, dates, lexicon
        self.dateline_city = context.dateline_city(dates, lexicon)
        self.main_place = context.main_place_of(sentences, dates, lexicon)
        self.mentions: dict[int, list[DateMention]] = group_by_sentence(sentences, dates.event_mentions())
        self.protagonist = cast.refs[0].key if cast.refs and cast.refs[0].key is not None else None
        self.meetings: list[Meeting] = []
        self.seen: list[tuple[frozenset, str | None]] = []
        self.last_subject: list = []
        self.meeting_subject: list = []  # the subject of the latest meeting reported
        self.last_participants: list = []
        self.last_date: PartialDate | None = None
        self.last_format: str | None = None  # the format of the latest meeting reported
        self.phone_round = False  # the article reports calls: "held a series of telephone conversations"
        self.narrative_date: PartialDate | None = None  # the main event's day the story has reached
        self.last_meeting_at: int | None = None  # the sentence of the latest meeting recorded

    def read(self) -> list[Meeting]:
        for n, sent in enumerate(self.sentences):
            self._sentence(n, sent)
        return [self._to_the_day(m) for m in self.meetings]

    def _to_the_day(self, meeting: Meeting) -> Meeting:
        """A meeting dated to the month that the article later dates to the day by its place: "their
        informal summit in Wuhan in late April ... At Wuhan on April 27-28 they ..."."""
        date, place = meeting.date, meeting.place
        if date is None or date.precision != "month" or not place:
            return meeting
        for mention in self.dates.event_mentions():
            d = mention.date
            if d.year != date.year or d.month != date.month or d.day is None or mention.relative:
                continue
            at = mention.span.start
            sent = next((s for s in self.sentences if s.start <= at < s.end), None)
            before = sent.text[max(0, at - sent.start - 25):at - sent.start] if sent else ""
            if re.search(rf"\b(?:in|at)\s+{re.escape(place)}\s*,?\s+(?:on\s+)?$", before, re.IGNORECASE):
                return Meeting(meeting.participants, context.main_date(d), place, meeting.format, meeting.evidence,
                               meeting.planned)
        return meeting

    # ---- one sentence ------------------------------------------------------------------------

    def _sentence(self, n: int, sent: Sentence) -> None:
        refs = self.cast.refs_between(sent.start, sent.end)
        self._follow_story_date(n, sent.text)
        triggers = self._phrases(sent, refs)
        if not triggers:
            self._sat_in(n, sent, refs)
            self._note_people(refs)
            return
        clause = self._date_clause(n, sent, refs, triggers)
        self._find_subject(clause)
        for i in range(len(triggers)):
            self._phrase(clause, i)
        if clause.date is not None and not clause.planned:
            self.last_date = clause.date
        if clause.subject:
            self.meeting_subject = clause.subject
        self.last_subject = clause.subject or self.last_subject

    def _follow_story_date(self, n: int, text: str) -> None:
        if n in self.mentions or "day" in text:  # only these can move the story's date
            here_and_now = context.own_date(self.mentions.get(n, []), text, 0, self.dates.doc_date)
            if here_and_now is not None and context.near(here_and_now, self.dates.doc_date):
                self.narrative_date = here_and_now

    def _phrases(self, sent: Sentence, refs: list[PersonRef]) -> list[_Trigger]:
        text = sent.text
        found = _triggers(text, self.lexicon)
        self.phone_round = self.phone_round or any(_PHONE.search(text[t.start:t.end + 30]) for t in found)
        on_arrival = bool(found) and _ON_ARRIVAL.search(text) is not None
        return [t for t in found if _confirmed(t, text, refs, sent)
                and not (on_arrival and _NEEDS_PERSON_AFTER.match(text[t.start:t.end]))]

    def _sat_in(self, n: int, sent: Sentence, refs: list[PersonRef]) -> None:
        """"X, Y and Z attended the meeting", "... were also at the table", "X, who attended the
        signing, said": people named just after a meeting sat in on it."""
        m = _SAT_IN.search(sent.text)
        last = self.last_meeting_at
        if m is None or last is None or not self.meetings or n - last > _SAT_IN_REACH \
                or self.sentences[last].paragraph != sent.paragraph:
            return
        meeting = self.meetings[-1]
        known = {fold(p.name) for p in meeting.participants}
        added = [_person(r.key, self.cast) for r in refs if r.key is not None and r.start - sent.start < m.start()]
        added = [p for p in dict.fromkeys(added) if fold(p.name) not in known]
        if added and not meeting.planned:
            self.meetings[-1] = Meeting((*meeting.participants, *added), meeting.date, meeting.place,
                                        meeting.format, meeting.evidence, meeting.planned)

    def _note_people(self, refs: list[PersonRef]) -> None:
        """A sentence without a meeting: "he" in the next one is the one who has been meeting
        people, else the first named here."""
        if refs:
            first = _identity(refs[0])
            self.last_subject = self.meeting_subject if self.meeting_subject and first not in self.meeting_subject \
                and any(_identity(r) in self.meeting_subject for r in refs) else [first]

    def _date_clause(self, n: int, sent: Sentence, refs: list[PersonRef], triggers: list[_Trigger]) -> _Clause:
        text, doc_date = sent.text, self.dates.doc_date
        clause_date = context.own_date(self.mentions.get(n, []), text, triggers[0].end, doc_date)
        date = clause_date = clause_date or self._year_of(n, sent, triggers[0])
        if date is None and context.SAME_DAY.search(text):
            # "... Hu Jintao, who arrived on Wednesday. The same day Karimov and Hu held talks": the
            # last day the previous sentence names, else the day of the last meeting told
            previous = self.mentions.get(n - 1, []) if n > 0 and self.sentences[n - 1].paragraph == sent.paragraph else []
            date = context.last_day(previous) or self.last_date
        if date is None and n > 0 and self.sentences[n - 1].paragraph == sent.paragraph:
            # "The host spent the previous day, 27 April 2023, in meetings. He first received ..."
            # (a day the story tells: "the consensus of the summit in June" is only recalled)
            earlier = context.own_date(self.mentions.get(n - 1, []), self.sentences[n - 1].text, None, doc_date)
            date = earlier if earlier is not None and earlier.precision == "day" else None
        stay = _DURING_STAY.search(text)
        visit = doc_date
        if stay and stay.group("same"):
            # "... announced in New York in March 2013 ... During the same trip he met X": the trip the
            # sentence before tells, else the one of the meeting told last
            told = context.own_date(self.mentions.get(n - 1, []), self.sentences[n - 1].text, None, doc_date) \
                if n > 0 and self.sentences[n - 1].paragraph == sent.paragraph else None
            visit = told or self.last_date or doc_date
        if date is None and stay and visit is not None and visit.month:
            # "met his counterpart during his stay": some day of the visit, so the month only ("the
            # same trip": the visit the story told last)
            date = PartialDate(visit.year, visit.month, None, None, visit.year_source)
        if date is None:
            date = self.narrative_date or doc_date
        background = date is not None and doc_date is not None and date.year != doc_date.year
        clause_end = context.OTHER_CLAUSE.search(text, triggers[0].end)
        zone_end = min(clause_end.start() if clause_end else len(text),
                       triggers[1].start if len(triggers) > 1 else len(text))  # a later phrase names its own city
        zone = text[:zone_end]
        city = context.city_in(zone, self.lexicon, self.dateline_city) or (
            None if zone_end < len(text) else context.city_in(text, self.lexicon, self.dateline_city))
        return _Clause(n, sent, refs, triggers, clause_date, date, background, city)

    def _year_of(self, n: int, sent: Sentence, trig: _Trigger) -> PartialDate | None:
        """A meeting dated by its year alone, right after the phrase: "had met his predecessor in 2021"."""
        for m in self.mentions.get(n, []):
            at = m.span.start - sent.start
            if m.date.year is not None and m.date.month is None and m.date.end is None and \
                    trig.end <= at <= trig.end + _YEAR_REACH and re.search(r"\bin\s+$", sent.text[:at]):
                return m.date
        return None

    def _find_subject(self, c: _Clause) -> None:
        first = c.triggers[0]
        text, before = c.text, c.text[:first.start]
        subject = _unique(c.identity(r) for r in c.refs if r.end - c.sent.start <= first.start)
        if _BOTH_SIDES.search(before[-60:]) or _THEIR.match(text, first.start):
            subject = []  # "X welcomed him, and the two heads of government then had a meeting"
        if not subject:
            if _BOTH_SIDES.search(before) or _THEIR.match(text, first.start):
                # "the two heads of government then had a brief meeting": the people just named, the
                # two of the sentence before when it names two ("Modi and Sharif exchanged greetings.
                # It was their first encounter since ..."), else those of the latest meeting
                n, sentences = c.n, self.sentences
                before_refs = self.cast.refs_between(sentences[n - 1].start, sentences[n - 1].end) \
                    if n > 0 and sentences[n - 1].paragraph == c.sent.paragraph else []
                named_before = _unique(_identity(r) for r in before_refs)
                subject = named_before[:2] if len(named_before) >= 2 else list(self.last_participants) or _unique(
                    c.identity(r) for r in [*before_refs, *c.refs])[:2]
            elif has_pronoun(before) and self.last_subject:
                subject = list(self.last_subject)
                c.pronoun_subject = bool(_POSSESSIVE.search(before))
        c.subject = subject
        c.planned = bool(_PLANNED.search(before) or _NOT_HELD.search(text, 0, _own_clause_end(c, 0)))

    # ---- one meeting phrase ------------------------------------------------------------------

    def _phrase(self, c: _Clause, i: int) -> None:
        text, triggers, trig = c.text, c.triggers, c.triggers[i]
        # "he met A, and he was due to meet B": each phrase has its own words before it (an aside
        # such as ", who said Moscow was ready to help," is not among them)
        between = context.ASIDE.sub(",", text[triggers[i - 1].end:trig.start]) if i > 0 else ""
        planned = c.planned or bool(_PLANNED.search(between))
        own_clause = _CLAUSE_START.search(between) if i > 0 else None
        if own_clause:
            # "had no talks with X ..., but met Y": a later clause is held or not on its own words
            planned = bool(_PLANNED.search(between[own_clause.end():])
                           or _NOT_HELD.search(text, trig.start, _own_clause_end(c, i)))
        if i == 0 and _WHO_MET.search(text[:trig.start]):
            # "No meeting was scheduled between X and Y, who had last met in Moscow in 2020": the
            # relative clause tells a meeting that took place, whatever the main clause denies
            planned = bool(_NOT_HELD.search(text[trig.start:]))
        stop = triggers[i + 1].start if i + 1 < len(triggers) else len(text)
        # "held calls on Friday ... about his meeting on Wednesday with Y", "met A on Wednesday, and on
        # Thursday had a meeting with B": a later phrase's own date, in its own clause
        if i > 0:
            clauses = [m.end() for m in _CLAUSE_START.finditer(text, triggers[i - 1].end, trig.start)]
            # without a new clause, a date between the phrases is the earlier one's ("held talks on
            # Wednesday, recalling their previous meeting in Bishkek in May"), unless a "when" ties it
            # to the later one ("their first meeting since September 2020, when they met in Moscow")
            when = re.search(r",\s*when\b", text[triggers[i - 1].end:trig.start])
            start = clauses[-1] if clauses else triggers[i - 1].end if when else trig.start
            date = _date_after(self.mentions.get(c.n, []), text, start, stop) or c.date
        else:
            date = c.date
        stop = self._objects_end(c, i, stop)
        objects = self._objects(c, trig, stop)
        sides = self._sides(c, i, objects)
        region = text[trig.start:stop]
        days = self._days_of(c, trig, stop, objects)
        separate = trig.format == "separate" or _SEPARATELY.search(region) is not None or bool(days) or \
            _EACH_ITS_OWN.search(text, trig.start, trig.end) is not None and not _JOINT.search(text) or \
            _one_by_one(sides[0] if sides else [], objects, text, trig, self.cast)
        fmt_text = text[triggers[i - 1].end if i else 0:stop]
        for group in ([[o] for o in objects] if separate else [objects]):
            participants = _unique([*(p for side in sides for p in side), *group])
            if len(participants) < 2:
                continue
            fmt = _format(trig, fmt_text, "phone" if self.phone_round else self.last_format)
            place = self._place(c, i, stop, fmt, date)
            self._record(c, i, participants, days.get(group[0], date) if days else date, place, fmt, planned)

    def _days_of(self, c: _Clause, trig: _Trigger, stop: int, objects: list) -> dict:
        """"met A on Tuesday and B on Wednesday": each person met on a day of their own, one meeting
        each ({identity: day}); empty unless every one of two or more has a day, and the days differ."""
        if len(objects) < 2:
            return {}
        at, days = c.sent.start, {}
        for r in c.refs:
            who = c.identity(r)
            if who not in objects or who in days or not trig.end <= r.start - at < stop:
                continue
            for m in self.mentions.get(c.n, []):
                gap = c.text[r.end - at:m.span.start - at]
                if 0 <= m.span.start - r.end <= _OWN_DAY_REACH and _OWN_DAY_GAP.fullmatch(gap) and m.date.day:
                    days[who] = context.main_date(m.date)
                    break
        return days if len(days) == len(objects) and len(set(days.values())) == len(days) else {}

    def _objects_end(self, c: _Clause, i: int, stop: int) -> int:
        text, trig = c.text, c.triggers[i]
        other_verb = _OBJECT_STOP.search(text, trig.end, stop)
        if other_verb:
            stop = other_verb.start()  # "..., and exchanged pleasantries with Y": Y is no side
        if i + 1 < len(c.triggers):
            next_subject = _subject_before(c.refs, c.sent, text, c.triggers[i + 1])
            if next_subject is not None:
                stop = min(stop, next_subject.start - c.sent.start)  # "..., while Putin met Y": Putin is no side
        return stop

    def _objects(self, c: _Clause, trig: _Trigger, stop: int) -> list:
        """The people a phrase meets: named after it (not a possessor, not in a ", who ..." aside),
        or "them" / "him" of the sentences before."""
        text, at = c.text, c.sent.start
        asides = [(a.start(), a.end()) for a in context.ASIDE.finditer(text, trig.end)]
        objects = _unique(c.identity(r) for r in c.refs if trig.end <= r.start - at < stop
                          and not _POSSESSOR.match(text, r.end - at)
                          and not any(a < r.start - at < b for a, b in asides))
        # "joined them", "called on him", "met with her": the pronoun is the phrase's object only
        # right after it ("at a meeting with athletes, that people close to him ..." is no meeting with him)
        region = text[trig.start:min(stop, trig.end + _PRONOUN_REACH)]
        if _THEM.search(region) and self.last_participants:
            objects = _unique([*self.last_participants, *objects])
        elif _HIM.search(region) and self.last_subject and not objects:
            objects = list(self.last_subject)
        return objects

    def _sides(self, c: _Clause, i: int, objects: list) -> list[list]:
        """Who meets the objects: the phrase's own subject, the sentence's, or the article's ("their
        first meeting since ..." after a phrase of the same sentence: the sides of that phrase)."""
        if i > 0 and _THEIR.match(c.text, c.triggers[i].start) and self.last_participants:
            return [list(self.last_participants)]
        own_subject = _subject_before(c.refs, c.sent, c.text, c.triggers[i]) if i > 0 else None
        sides = [[c.identity(own_subject)]] if own_subject is not None else [c.subject] if c.subject else []
        if c.pronoun_subject and len(objects) >= 2:
            sides = []  # "At his meeting with X, Mr Putin noted": the owner is named after
        before = c.text[:c.triggers[0].start]
        phrase = c.text[c.triggers[i].start:c.triggers[i].end]
        if not c.subject and len(objects) < 2 and self.protagonist is not None and not _GROUP.search(before) \
                and not _ONE_EVENT.match(phrase):
            # "During the meeting with X, ..." in an article about someone: they met X (but "The
            # heads of delegation were received by X" is a group the article does not name, and
            # "the summit, which was attended by X" no meeting with the article's first person)
            sides = [[self.protagonist]] if not has_pronoun(before) or not self.last_subject else [self.last_subject]
        return sides

    def _place(self, c: _Clause, i: int, stop: int, fmt: str, date: PartialDate | None) -> str | None:
        """Where phrase i's meeting (of `date`) took place."""
        if fmt != "in-person":
            return None
        trig, doc_date = c.triggers[i], self.dates.doc_date
        # a later phrase names its own city: "..., when they met in Moscow"
        place = i > 0 and _in_city(c.text[trig.start:stop], self.lexicon)
        own_day = i > 0 and date is not c.date
        background = own_day and date is not None and doc_date is not None and \
            not context.near(date, doc_date, _SAME_PLACE_DAYS, precise=False)
        if background or own_day and _in_country(c.text[trig.start:stop], self.lexicon):
            # "..., after a meeting on July 9 in Japan": another time, another place (a country's city unknown)
            return place or None
        place = place or c.city
        if place is None and c.clause_date is None:
            place = _earlier_city(self.sentences, c.n, self.lexicon, self.dateline_city)
        if place is None and (c.date is None or doc_date is None
                              or context.near(c.date, doc_date, _SAME_PLACE_DAYS, precise=False)):
            place = self.main_place
        return place

    def _record(self, c: _Clause, i: int, participants: list, date: PartialDate | None, place: str | None,
                fmt: str, planned: bool) -> None:
        """Keep a meeting, unless told already; merge one sentence's multilateral event."""
        trig, text = c.triggers[i], c.text
        people = [_person(p, self.cast) for p in participants]
        key = (frozenset(fold(p.name) for p in people), date.iso if date else None)
        self.last_participants = participants
        if any(key[1] == k[1] and key[0] <= k[0] for k in self.seen):
            return  # the same meeting told again
        self.seen.append(key)
        phrase = text[trig.start:trig.end]
        same = next((k for k, m in enumerate(self.meetings) if m.evidence == text and m.date == date
                     and len({fold(p.name) for p in m.participants} & key[0]) >= 2), None) \
            if i == 0 or _ONE_EVENT.match(phrase) or _GOES_ON.match(phrase) else None
        if same is not None:
            # one sentence, one multilateral event: "signed ... attended by ..." (but "met A, and
            # later held a trilateral meeting with A and B" is a second meeting)
            old = self.meetings[same]
            self.meetings[same] = Meeting(tuple(_unique([*old.participants, *people])), date, old.place, old.format,
                                          text, old.planned)
            return
        self.meetings.append(Meeting(tuple(people), date, place, fmt, text, planned))
        self.last_format = fmt
        self.last_meeting_at = c.n


# Words that make one meeting of a leader and several others: "a trilateral meeting", "together",
# "hosted a lunch for A, B and C".
_JOINT = re.compile(r"\b(?:trilateral|three-way|four-way|quadrilateral|jointly|together|joint\s+meeting|"
                    r"format|group|delegations?|lunch|dinner|breakfast)\b", re.IGNORECASE)
# A meeting dated only by the visit it took place in.
_DURING_STAY = re.compile(r"\bduring\s+(?:his|her|their|the)\s+(?P<same>same\s+)?(?:\w+\s+)?(?:stay|visit|trip|tour)\b",
                          re.IGNORECASE)
# A group the article does not name as the subject: "The heads of delegation were received by X".
_GROUP = re.compile(r"\b[Tt]he\s+(?:\w+\s+){0,2}(?:heads|leaders|ministers|participants|delegations|members|"
                    r"delegates|ambassadors|officials|secretaries|representatives)\b")
# A phrase that adds people to the meeting just reported: "met first in restricted format and then with ...".
_GOES_ON = re.compile(r"^(?:,\s*)?(?:and|as\s+well\s+as)\b", re.IGNORECASE)
# Phrases that list those present at one session or ceremony, not counterparts met one by one.
_ONE_EVENT = re.compile(r"^(?:attended|joined|took\s+part|participated|signed|put\s+their)", re.IGNORECASE)


def _one_by_one(subject: list, objects: list, text: str, trig: _Trigger, cast: Cast) -> bool:
    """Whether "X met A, B and C" reports separate bilaterals: one person meets several people of
    different states or organisations ("also met the presidents of Uzbekistan, Turkey and Iran"),
    unless the sentence makes it one meeting ("a trilateral meeting", "together"). People of one
    side ("received the Secretary-General and his deputy") are met together."""
    if len(subject) != 1 or len(objects) < 2 or _JOINT.search(text) or \
            _ONE_EVENT.match(text[trig.start:trig.end]):
        return False
    sides = [_person(o, cast).organization for o in objects]
    return all(sides) and len({fold(s) for s in sides}) == len(sides)


# Where a later clause of the sentence starts: "..., and on Thursday had a meeting with B".
_CLAUSE_START = re.compile(r",\s+(?:and|but|while|then)\s+|;\s*")


def _own_clause_end(c: _Clause, i: int) -> int:
    """Where the clause of phrase i ends: where the next phrase's own clause starts, else the sentence's end."""
    if i + 1 >= len(c.triggers):
        return len(c.text)
    clauses = [m.start() for m in _CLAUSE_START.finditer(c.text, c.triggers[i].end, c.triggers[i + 1].start)]
    return clauses[-1] if clauses else len(c.text)
# Calls and meetings in the plural, with several people: one each ("had telephone conversations
# with A, B and C", "held meetings with A and B").
_EACH_ITS_OWN = re.compile(r"\b(?:conversations|calls|meetings)\b", re.IGNORECASE)
# "received A and, separately, B": one meeting with each.
_SEPARATELY = re.compile(r"\b(?:separately|one\s+by\s+one|in\s+turn)\b")
# Words that may stand between a new subject and its phrase: "while Putin also met ...".
_SUBJECT_GAP = re.compile(r"^\s*(?:(?:also|then|later|separately|himself|herself)\s+)*$")


# What opens a clause with its own subject, up to the subject's name: ", while Russian President ".
_NEW_SUBJECT = re.compile(r"(?:,|;)\s*(?:while|and|but|whereas)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,4}$")


def _subject_before(refs: list[PersonRef], sent: Sentence, text: str, trig: _Trigger) -> PersonRef | None:
    """The person named right before a later phrase of the sentence, its own subject:
    "Xi held talks with A, while Putin met B" (Putin met B; Putin did not meet Xi)."""
    before = [r for r in refs if r.end - sent.start <= trig.start]
    if not before:
        return None
    last = before[-1]
    if not _SUBJECT_GAP.match(text[last.end - sent.start:trig.start]):
        return None
    clause = text[:last.start - sent.start]
    return last if _NEW_SUBJECT.search(clause) else None


def _in_country(region: str, lexicon: Lexicon) -> bool:
    """Whether the region places its meeting in a country ("... in Japan"), no city named."""
    return any(m.group(1) in lexicon.countries for m in re.finditer(r"\bin\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)",
                                                                 region))


def _in_city(region: str, lexicon: Lexicon) -> str | None:
    """A city the region names after "in" ("when they met in Moscow"; not "the Samarkand summit"),
    or after a visit's "to" ("since Putin's visit to New Delhi")."""
    for m in re.finditer(r"\bin\s+|\b(?:visit|trip|stopover)\s+to\s+", region):
        city = context.city_in(region[m.end():m.end() + 40], lexicon, None)
        if city and region.startswith(city, m.end()):
            return city
    return None


def _date_after(mentions: list[DateMention], text: str, start: int, stop: int) -> PartialDate | None:
    """The first date with a day or month written between two meeting phrases."""
    for m in mentions:
        at = text.find(m.span.text)
        if start <= at < stop and m.date.year is not None and m.date.month is not None:
            return context.main_date(m.date)
    return None


def _earlier_city(sentences: list[Sentence], n: int, lexicon: Lexicon, dateline_city: str | None) -> str | None:
    """The latest city named earlier in the same paragraph ("... in Astana. He then met ...")."""
    for earlier in reversed(sentences[:n]):
        if earlier.paragraph != sentences[n].paragraph:
            return None
        city = context.city_in(earlier.text, lexicon, dateline_city)
        if city:
            return city
    return None


def _confirmed(trigger: _Trigger, text: str, refs: list[PersonRef], sent: Sentence) -> bool:
    """'received' and 'hosted by' need a person close after them ("received a letter" is no meeting)."""
    if not _NEEDS_PERSON_AFTER.match(text[trigger.start:trigger.end]):
        return True
    window_end = trigger.end + _PERSON_REACH
    clause_end = re.search(r"[.;:]", text[trigger.end:])
    if clause_end:
        window_end = min(window_end, trigger.end + clause_end.start())
    if _HIM.match(text[trigger.end:].lstrip()):
        return True  # "called on him"
    return any(trigger.end <= r.start - sent.start < window_end for r in refs)


def _identity(ref: PersonRef):
    return ref.key if ref.key is not None else ref.role_text


def _unique(items) -> list:
    out = []
    for item in items:
        if item is not None and item not in out:
            out.append(item)
    return out


def _format(trigger: _Trigger, text: str, previous: str | None) -> str:
    """The format a phrase gives, else the words of its clause ("telephone", "video link"), else
    for a "talk" phrase `previous`: "phone" in an article that reports calls, else the format of
    the meeting reported before it."""
    if trigger.format in ("in-person", "video", "phone"):
        return trigger.format
    if _PHONE.search(text):
        return "phone"
    if _VIDEO.search(text):
        return "video"
    if trigger.format == "talk" and previous is not None:
        return previous
    return "in-person"


def _person(identity, cast: Cast) -> Person:
    if isinstance(identity, int):
        return cast.people[identity]
    return Person(identity, identity, None)
