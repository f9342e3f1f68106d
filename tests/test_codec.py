"""codec.py: model objects as JSON-ready data and back."""
import json
from dataclasses import asdict

from sco_cli import codec
from sco_cli.model import Agreement, DateMention, Meeting, PartialDate, Person, Span, YearEvidence

DAY = PartialDate(2019, 3, 14)
RANGE = PartialDate(2018, 11, 13, PartialDate(2018, 11, 15), "dateline")
NOROV = Person("Vladimir Norov", "Secretary-General", "SCO", ("Norov",), ("Shanghai Cooperation Organisation",))
OBJECTS = {
    "date": DateMention(Span(3, 16, "14 March 2019"), DAY, "On 14 March 2019 they met.", None, None),
    "meeting": Meeting((NOROV, Person("Jurgen Stock")), RANGE, "Vienna", "in-person", "They met.", False),
    "agreement": Agreement("Memorandum of Understanding", "memorandum", ("SCO", "UNODC"), DAY, None, "Signed.", True),
    "person": NOROV,
}


def test_plain_is_what_asdict_gives_once_written_as_json():
    for obj in [*OBJECTS.values(), DAY, RANGE, YearEvidence("weekday", 2019, 2019, (2019,), 1.0, "Thursday")]:
        assert codec.plain(obj) == json.loads(json.dumps(asdict(obj))), obj


def test_every_kind_of_fact_comes_back_as_it_was_stored():
    for kind, obj in OBJECTS.items():
        assert codec.LOADERS[kind](json.loads(codec.dumps(obj))) == obj, kind
