"""Grouping the mentions of one instrument across articles (sco_cli/instruments.py)."""
from __future__ import annotations

from sco_cli import instruments
from sco_cli.instruments import group
from sco_cli.model import Agreement, PartialDate


def _agreement(title, parties=(), date=None, place=None, kind="memorandum"):
    return Agreement(title, kind, tuple(parties), date, place, f"evidence: {title}")


def test_one_record_per_instrument_across_articles():
    day = PartialDate(2010, 4, 5)
    records = group([
        ("a#0", "a", _agreement("Joint Declaration on Cooperation between UN and SCO Secretariats",
                                ["UN Secretariat", "SCO Secretariat"], day, "Tashkent", "declaration")),
        ("b#0", "b", _agreement("Joint Declaration on Cooperation between the Secretariats of the SCO and the UN",
                                ["SCO Secretariat", "UN Secretariat"], day, None, "declaration")),
        ("c#0", "c", _agreement("Memorandum granting dialogue partner status to Egypt", ["Egypt"],
                                PartialDate(2022, 9, 14))),
        ("c#1", "c", _agreement("Memorandum granting dialogue partner status to Qatar", ["Qatar"],
                                PartialDate(2022, 9, 14))),
        ("d#0", "d", _agreement("Resolution on cooperation between the UN and the SCO", ["UN General Assembly"],
                                PartialDate(2016, 11), kind="resolution")),
        ("e#0", "e", _agreement("Resolution on cooperation between the UN and the SCO", ["UN General Assembly"],
                                PartialDate(2016, 11), kind="resolution")),
        ("f#0", "f", _agreement("Resolution on Cooperation between the United Nations and the SCO",
                                ["UN General Assembly"], None, kind="resolution")),
    ])
    summary = [(r.agreement.kind, r.agreement.place, [m.doc_id for m in r.mentions]) for r in records]
    assert summary == [
        ("declaration", "Tashkent", ["a", "b"]),
        ("memorandum", None, ["c"]),
        ("memorandum", None, ["c"]),
        ("resolution", None, ["d", "e"]),
        ("resolution", None, ["f"]),  # undated: the same words recur in every biennial resolution
    ]
    assert [r.uids for r in records] == [("a#0", "b#0"), ("c#0",), ("c#1",), ("d#0", "e#0"), ("f#0",)]


def test_records_survive_the_file_the_index_stores():
    records = group([("a#0", "a", _agreement("Memorandum of Understanding between the SCO and UNESCO",
                                              ["SCO", "UNESCO"], PartialDate(2019, 11, 5), "Paris"))])
    assert instruments.load(instruments.dump(records)) == records


def test_grouping_compares_only_titles_that_share_rare_words(monkeypatch):
    calls = []
    real = instruments._near_titles
    monkeypatch.setattr(instruments, "_near_titles", lambda a, b: calls.append((a, b)) or real(a, b))
    # 1,000 instruments of distinct words, each named in two articles, and one told 1,000 times
    mentions = [(f"{d}#{n}", d, _agreement(f"Accord w{n}x w{n}y w{n}z", ["SCO", f"P{n}"], PartialDate(2020)))
                for n in range(1000) for d in ("a", "b")]
    mentions += [(f"c{n}#0", f"c{n}", _agreement("Accord on trade and transit", ["SCO", "UNDP"], PartialDate(2020)))
                 for n in range(1000)]
    records = group(mentions)
    assert sorted(len(r.uids) for r in records) == [2] * 1000 + [1000]
    # equal titles are joined by key; titles that share only the common word "accord" are never
    # compared (all pairs of the 1,001 distinct titles would be half a million comparisons)
    assert calls == []


def test_near_titles_of_one_year_are_found_through_their_rare_words():
    day = PartialDate(2019, 11, 5)
    records = group([
        ("a#0", "a", _agreement("Memorandum of Understanding on cooperation in tourism and sport", ["SCO", "UNWTO"],
                                day)),
        ("b#0", "b", _agreement("Memorandum of Understanding on cooperation in the field of tourism", ["UNWTO"],
                                PartialDate(2019, 11))),
        ("c#0", "c", _agreement("Memorandum of Understanding on cooperation in tourism and sport", ["SCO", "UNWTO"],
                                PartialDate(2021, 3, 1))),
    ])
    # the same title signed in another year is another instrument
    assert [r.uids for r in records] == [("a#0", "b#0"), ("c#0",)]


def test_a_summit_declaration_name_of_two_years_is_two_instruments():
    records = group([
        ("a#0", "a", _agreement("Dushanbe Declaration", ["SCO"], PartialDate(2014, 9, 12), kind="declaration")),
        ("b#0", "b", _agreement("Dushanbe Declaration", ["SCO"], PartialDate(2021, 9, 17), kind="declaration")),
        ("b#1", "b", _agreement("Dushanbe Declaration", ["SCO"], None, kind="declaration")),  # same article: 2021
        ("c#0", "c", _agreement("Dushanbe Declaration", ["SCO"], PartialDate(2021, 9), kind="declaration")),
        ("d#0", "d", _agreement("Dushanbe Declaration", ["SCO"], None, kind="declaration")),  # the one told most
    ])
    assert [(r.agreement.date.iso, r.uids) for r in records] == [
        ("2014-09-12", ("a#0",)), ("2021-09-17", ("b#0", "b#1", "c#0", "d#0"))]


def test_titles_that_differ_in_a_number_are_two_instruments():
    day = PartialDate(2011, 3)
    records = group([
        ("a#0", "a", _agreement("UN Security Council resolution 1970", ["UN Security Council"], day, kind="resolution")),
        ("a#1", "a", _agreement("UN Security Council resolution 1973", ["UN Security Council"], day, kind="resolution")),
    ])
    assert [r.uids for r in records] == [("a#0",), ("a#1",)]



def test_parties_that_share_the_organisation_still_tell_two_instruments_apart():
    day = PartialDate(2022, 9, 14)
    records = group([
        ("a#0", "a", _agreement("Memorandum granting dialogue partner status to Egypt", ["Egypt", "SCO"], day)),
        ("a#1", "a", _agreement("Memorandum granting dialogue partner status to Qatar", ["Qatar", "SCO"], day)),
    ])
    assert [r.uids for r in records] == [("a#0",), ("a#1",)]


def test_one_day_of_one_body_groups_only_a_mention_named_by_its_parties_alone():
    day = PartialDate(2020, 11, 10)
    members = ["SCO member states"]
    records = group([
        ("a#0", "a", _agreement("Statement on the digital economy", members, day, kind="statement")),
        ("a#1", "a", _agreement("Statement on food security", members, day, kind="statement")),
        ("b#0", "b", _agreement("Memorandum between the SCO Secretariat and UNESCO", ["SCO Secretariat", "UNESCO"],
                                PartialDate(2019, 6, 5))),
        ("c#0", "c", _agreement("Memorandum with UNESCO", ["SCO Secretariat", "UNESCO"], PartialDate(2019, 6, 5))),
    ])
    assert [r.uids for r in records] == [("a#0",), ("a#1",), ("b#0", "c#0")]
