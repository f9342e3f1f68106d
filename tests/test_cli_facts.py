"""`sco who-met`, `sco agreements` and `sco show` facts through CliRunner, over the seeds."""
import json

import pytest

from sco_cli import index

NOROV_MEETINGS = [  # the seeds' gold meetings with Norov (seeds/gold.json), in date order
    ("2019-03-14", ["Vladimir Norov", "Jurgen Stock"], "Vienna", "in-person", "002_aed5472ea71f6ab3"),
    ("2019-09-28", ["Vladimir Norov", "Antonio Guterres"], "New York", "in-person", "003_3015c8537fc2c6bb"),
    ("2020-03-06", ["Vladimir Norov", "Marie-Anne Menier"], "Vienna", "in-person", "000_696adcf27fd638ed"),
    ("2021-02-09", ["Vladimir Norov", "Miroslav Jenča", "Natalia Gherman"], None, "video", "004_71c49925f9e23485"),
]


def summary(rows):
    return [(r["date"], [p["name"] for p in r["participants"]], r["place"], r["format"], r["doc_id"]) for r in rows]


@pytest.mark.parametrize("name", ["Norov", "norov", "Vladimir Norov", "NOROV"])
def test_who_met_by_surname_or_full_name_any_case(sco, seeds_index, name):
    result = sco("who-met", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert summary(json.loads(result.stdout)) == NOROV_MEETINGS


def test_who_met_json_fields(sco, seeds_index):
    rows = json.loads(sco("who-met", "Stock", "--json").stdout)
    assert rows == [{
        "id": "002_aed5472ea71f6ab3#meeting0",
        "date": "2019-03-14",
        "date_precision": "day",
        "participants": [
            {"name": "Vladimir Norov", "role": "Secretary-General", "organization": "SCO"},
            {"name": "Jurgen Stock", "role": "Secretary-General", "organization": "Interpol"},
        ],
        "place": "Vienna",
        "format": "in-person",
        "doc_id": "002_aed5472ea71f6ab3",
        "title": "SCO, Interpol strive to play active role in facilitating regional security",
        "evidence": "On 14 March 2019, SCO Secretary-General Vladimir Norov met with International Criminal Police "
                    "Organisation (Interpol) Secretary-General Jurgen Stock on the sidelines of the ministerial segment "
                    "of the 62nd session of the UN Commission on Narcotic Drugs at the Headquarters of the UN Office at "
                    "Vienna.",
    }]


def test_who_met_accent_insensitive(sco, seeds_index):
    rows = json.loads(sco("who-met", "Jenca", "--json").stdout)
    assert [r["doc_id"] for r in rows] == ["004_71c49925f9e23485"]


@pytest.mark.parametrize(
    "args, doc_ids",
    [
        (["--with", "Guterres"], ["003_3015c8537fc2c6bb"]),
        (["Norov", "--with", "Menier"], ["000_696adcf27fd638ed"]),
        (["--org", "UNRCCA"], ["004_71c49925f9e23485"]),
        (["--org", "Interpol"], ["002_aed5472ea71f6ab3"]),
        (["--org", "UNODC"], ["001_95c8ddcf366ad626"]),
        (["--place", "vienna"], ["001_95c8ddcf366ad626", "002_aed5472ea71f6ab3", "000_696adcf27fd638ed"]),
        (["--meeting-format", "video"], ["004_71c49925f9e23485"]),
        (["--from", "2020", "--to", "2020"], ["000_696adcf27fd638ed"]),
        (["--from", "March 2019", "--to", "2019-03"], ["002_aed5472ea71f6ab3"]),
        (["--limit", "1"], ["003_3015c8537fc2c6bb"]),
    ],
)
def test_who_met_filters(sco, seeds_index, args, doc_ids):
    result = sco("who-met", *args, "--json")
    assert result.exit_code == 0, result.stderr
    assert [r["doc_id"] for r in json.loads(result.stdout)] == doc_ids


def test_who_met_unknown_name_exits_1(sco, seeds_index):
    result = sco("who-met", "Nobody")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "sco: no meetings match\n")


def test_who_met_bad_format_exits_2(sco, seeds_index):
    assert sco("who-met", "--meeting-format", "carrier-pigeon").exit_code == 2


WHO_MET_TABLES = {
    60: [
        " date         participants               place    format",
        " 2020-03-06   Vladimir Norov             Vienna   in-person",
        "              (Secretary-General)",
        "              Marie-Anne Menier",
        "              (Coordinator)",
        "              000_696adcf27fd638ed",
    ],
    80: [
        " date         participants                                   place    format",
        " 2020-03-06   Vladimir Norov (Secretary-General)             Vienna   in-person",
        "              Marie-Anne Menier (Coordinator)",
        "              000_696adcf27fd638ed",
    ],
    120: [
        " date         participants" + " " * 75 + "place    format",
        " 2020-03-06   Vladimir Norov (Secretary-General)" + " " * 53 + "Vienna   in-person",
        "              Marie-Anne Menier (Coordinator)",
        "              000_696adcf27fd638ed",
    ],
}


@pytest.mark.parametrize("width", sorted(WHO_MET_TABLES))
def test_who_met_table_at_60_80_120_columns(sco, seeds_index, width):
    # one participant per line, names whole, the article id on a line of its own
    result = sco("who-met", "Menier", "--format", "table", env={"COLUMNS": str(width)})
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    expected = WHO_MET_TABLES[width]
    assert lines == ["", expected[0], " " + "\u2500" * (width - 2), *expected[1:], ""]


def test_agreements_party_unodc_is_one_record(sco, seeds_index):
    result = sco("agreements", "--party", "UNODC", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert (row["kind"], row["date"], row["date_precision"], row["place"]) == ("memorandum", "2011-06-14", "day",
                                                                               "Astana")
    assert row["parties"] == ["SCO Secretariat", "UNODC"]
    assert list(row) == ["id", "title", "kind", "parties", "date", "date_precision", "place", "mentions"]
    assert [m["doc_id"] for m in row["mentions"]] == ["001_95c8ddcf366ad626"]
    assert "the Memorandum of Understanding between the SCO Secretariat and the UNODC was signed" in \
        row["mentions"][0]["evidence"]


@pytest.mark.parametrize("party", ["UN Office on Drugs and Crime", "united nations office on drugs and crime"])
def test_agreements_party_by_full_name(sco, seeds_index, party):
    rows = json.loads(sco("agreements", "--party", party, "--json").stdout)
    assert [r["date"] for r in rows] == ["2011-06-14"]


def test_agreements_same_instrument_in_two_articles_is_one_record(sco, seeds_index):
    rows = json.loads(sco("agreements", "--kind", "declaration", "--json").stdout)
    joint = [r for r in rows if r["date"] == "2010-04-05"]
    assert len(joint) == 1
    assert [m["doc_id"] for m in joint[0]["mentions"]] == ["001_95c8ddcf366ad626", "003_3015c8537fc2c6bb"]
    assert joint[0]["place"] == "Tashkent"


def test_agreements_dedup_holds_after_index_add(sco, tmp_path, seeds_index):
    from conftest import SEEDS
    import shutil

    docs = tmp_path / "more"
    docs.mkdir()
    text = (SEEDS / "003_3015c8537fc2c6bb.txt").read_text(encoding="utf-8")
    (docs / "copy_of_003.txt").write_text(text.replace("SCO, UN", "Copy: SCO, UN", 1), encoding="utf-8")
    assert sco("index", "add", str(docs)).exit_code == 0
    rows = json.loads(sco("agreements", "--kind", "declaration", "--from", "2010-04", "--to", "2010-04",
                          "--json").stdout)
    assert [[m["doc_id"] for m in r["mentions"]] for r in rows] == [
        ["001_95c8ddcf366ad626", "003_3015c8537fc2c6bb", "copy_of_003"]]


def test_agreements_bad_kind_exits_2_listing_the_kinds(sco, seeds_index):
    result = sco("agreements", "--kind", "bogus")
    assert result.exit_code == 2
    assert ("'bogus' is not a kind; use one of: memorandum, declaration, resolution, statement, agreement, "
            "treaty, convention, charter, strategy, plan, programme, protocol") in result.stderr


def test_agreements_query_matches_title_or_evidence(sco, seeds_index):
    rows = json.loads(sco("agreements", "Interpol", "--json").stdout)
    # the programme's sentence names Interpol too
    assert [r["title"] for r in rows] == ["Memorandum of understanding between RATS and Interpol", "Programme Kalkan"]


def test_show_lists_people_meetings_and_agreements(sco, seeds_index):
    data = json.loads(sco("show", "002_aed5472ea71f6ab3", "--json").stdout)
    assert [p["name"] for p in data["people"]] == ["Vladimir Norov", "Jurgen Stock"]
    assert [(m["date"], [p["name"] for p in m["participants"]]) for m in data["meetings"]] == [
        ("2019-03-14", ["Vladimir Norov", "Jurgen Stock"])]
    assert [a["kind"] for a in data["agreements"]] == ["programme", "memorandum"]
    text = sco("show", "002_aed5472ea71f6ab3").stdout
    assert "Meetings (1)" in text and "Agreements (2)" in text and "People (2)" in text


def test_timeline_person_filter(sco, seeds_index):
    rows = json.loads(sco("timeline", "--person", "Guterres", "--json").stdout)
    assert {r["doc_id"] for r in rows} == {"003_3015c8537fc2c6bb"}


def test_who_met_lists_a_day_of_bilaterals_one_row_each(sco, tmp_path):
    from test_meetings import DAY_OF_BILATERALS

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "astana.txt").write_text("Japarov holds bilaterals in Astana\n\n" + DAY_OF_BILATERALS + "\n",
                                     encoding="utf-8")
    index.build(tmp_path / "index", [str(docs)])
    rows = json.loads(sco("who-met", "Japarov", "--json").stdout)
    assert [(r["date"], [p["name"] for p in r["participants"]]) for r in rows] == [
        ("2024-07-03", ["Sadyr Japarov", other]) for other in
        ["Xi Jinping", "Vladimir Putin", "Recep Tayyip Erdogan", "Masoud Pezeshkian", "Ukhnaagiin Khurelsukh"]]


@pytest.mark.parametrize("flag, delimiter", [("--csv", ","), ("--format=tsv", "\t")])
def test_csv_and_tsv_keep_nested_values_as_json(sco, seeds_index, flag, delimiter):
    import csv
    import io

    reference = json.loads(sco("who-met", "--json").stdout)
    table = list(csv.DictReader(io.StringIO(sco("who-met", flag).stdout), delimiter=delimiter))
    assert [json.loads(row["participants"]) for row in table] == [r["participants"] for r in reference]
    agreements = json.loads(sco("agreements", "--json").stdout)
    rows = list(csv.DictReader(io.StringIO(sco("agreements", flag).stdout), delimiter=delimiter))
    assert [json.loads(r["parties"]) for r in rows] == [a["parties"] for a in agreements]
    assert [json.loads(r["mentions"]) for r in rows] == [a["mentions"] for a in agreements]


@pytest.mark.parametrize("args, shown", [
    (["--json"], None), (["--jsonl"], None), (["--json", "--limit", "2"], 2), (["--format", "jsonl", "--limit", "1"], 1),
])
def test_agreements_as_json_copy_the_rows_written_at_build_time_and_print_what_the_records_would(
        sco, seeds_index, monkeypatch, args, shown):
    from sco_cli import query

    copied = []
    real = query.agreement_lines
    monkeypatch.setattr(query, "agreement_lines", lambda handle: copied.append(1) or real(handle))
    fast = sco("agreements", *args)
    monkeypatch.setattr(query, "agreement_lines", lambda handle: None)  # as for rows not proven clean
    slow = sco("agreements", *args)
    assert copied == [1]
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr) == (0, slow.stdout, "")
    every = len(json.loads((index.current_generation(seeds_index) / "agreements.json").read_text(encoding="utf-8")))
    assert slow.stdout.count('{"id": "a-') == (shown or every) and every > 2


def test_agreement_rows_not_proven_clean_are_not_copied(sco, seeds_index):
    gen = index.current_generation(seeds_index)
    rows = gen / "agreements.rows.jsonl"
    first, rest = rows.read_text(encoding="utf-8").split("\n", 1)
    rows.write_text(first.replace('"title": "', '"title": "\\u001b[2J', 1) + "\n" + rest, encoding="utf-8")
    result = sco("agreements", "--jsonl")
    assert result.exit_code == 0
    assert "\\u001b" not in result.stdout and result.stdout.split("\n", 1)[0] == first


@pytest.mark.parametrize("args", [
    ["Norov"], ["norov", "--with", "Stock"], ["--org", "Interpol"], ["--place", "vienna"], ["--meeting-format", "video"],
    ["--from", "2019-06", "--to", "2020"], ["Norov", "--limit", "2"], ["--include-planned"], [],
    ["Nobody At All"],
])
@pytest.mark.parametrize("fmt", ["--json", "--jsonl"])
def test_who_met_as_json_prints_the_rows_stored_at_build_time_as_the_records_would(
        sco, seeds_index, monkeypatch, args, fmt):
    from sco_cli import query

    copied, real = [], query.who_met_lines
    monkeypatch.setattr(query, "who_met_lines", lambda *a, **k: copied.append(1) or real(*a, **k))
    fast = sco("who-met", *args, fmt)
    assert copied == [1]
    monkeypatch.setattr(query, "who_met_lines", lambda *a, **k: [])  # the way of the records, as for a table
    slow = sco("who-met", *args, fmt)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert fast.exit_code == (1 if args == ["Nobody At All"] else 0)


def test_who_met_rows_not_proven_clean_are_not_printed_as_stored(sco, seeds_index, monkeypatch):
    from sco_cli.index.reader import Handle

    expected = sco("who-met", "Norov", "--jsonl").stdout
    real = Handle.column_values
    tampered = []

    def column_values(self, fieldname, docnums):  # stored rows with an escaped ESC, as a damaged index could hold
        for text in real(self, fieldname, docnums):
            if fieldname == "meeting_rows" and '"Vladimir' in text:
                text = text.replace('"Vladimir', '"\\u001b[2JVladimir')
                tampered.append(fieldname)
            yield text

    monkeypatch.setattr(Handle, "column_values", column_values)
    result = sco("who-met", "Norov", "--jsonl")
    assert tampered and (result.exit_code, result.stdout) == (0, expected)
    assert "\\u001b" not in result.stdout and expected.count("\n") == 4
