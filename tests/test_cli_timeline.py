"""`sco timeline` through CliRunner."""
import json

import pytest

from sco_cli import index


def test_timeline_2019_over_the_seeds(sco, seeds_index):
    result = sco("timeline", "--from", "2019", "--to", "2019", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["date"], r["date_precision"], r["end_date"], r["mention"], r["doc_id"]) for r in rows] == [
        ("2018", "year", "2019", "2018-2019", "000_696adcf27fd638ed"),  # overlaps 2019
        ("2019-03-14", "day", None, "14 March 2019", "002_aed5472ea71f6ab3"),
        ("2019-03-14", "day", None, "14 March 2019", "002_aed5472ea71f6ab3"),
        ("2019-09-28", "day", None, "28 September, 2019", "003_3015c8537fc2c6bb"),
        ("2019-11-26", "day", "2019-11-28", "26-28 November 2019", "000_696adcf27fd638ed"),
    ]
    assert list(rows[0]) == ["date", "date_precision", "end_date", "mention", "sentence", "doc_id", "title",
                             "relative", "anchor", "year_source"]
    assert rows[3]["sentence"] == (
        "On 28 September, 2019 the SCO Secretary-General took part in a meeting at the United Nations "
        "Headquarters in New York with UN Secretary-General Antonio Guterres.")
    assert rows[3]["title"] == "SCO, UN Secretary-Generals held a meeting"


@pytest.fixture
def month_corpus(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Plan adopted\n\nThe plan was adopted in March 2019 in Tashkent. Talks followed on 2 May 2019.\n",
        encoding="utf-8")
    index.build(tmp_path / "index", [str(docs)])
    return docs


@pytest.mark.parametrize(
    "args, mentions",
    [
        (["--from", "2019-03-10"], ["March 2019", "2 May 2019"]),  # March 2019 overlaps
        (["--from", "2019-04-01"], ["2 May 2019"]),
        (["--to", "2019-03-01"], ["March 2019"]),
        (["--from", "14 March 2019", "--to", "March 2019"], ["March 2019"]),
        (["--from", "May 2019", "--to", "2019-05-02"], ["2 May 2019"]),
    ],
)
def test_partial_dates_filter_as_intervals(sco, month_corpus, args, mentions):
    rows = json.loads(sco("timeline", *args, "--json").stdout)
    assert [r["mention"] for r in rows] == mentions


def test_timeline_query_filters_sentences(sco, month_corpus):
    rows = json.loads(sco("timeline", "talks", "--json").stdout)
    assert [r["mention"] for r in rows] == ["2 May 2019"]


def test_timeline_table_at_width_100_puts_the_article_id_under_the_sentence(sco, month_corpus):
    result = sco("timeline", "--format", "table")
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "",
        " date         mention      sentence",
        " " + "\u2500" * 98,
        " 2019-03      March 2019   The plan was adopted in March 2019 in Tashkent.",
        "                           a",
        " 2019-05-02   2 May 2019   Talks followed on 2 May 2019.",
        "                           a",
        "",
    ]


def test_timeline_tsv_on_a_pipe(sco, month_corpus):
    lines = sco("timeline").stdout.splitlines()
    assert lines[0] == "date\tdate_precision\tend_date\tmention\tsentence\tdoc_id\ttitle\trelative\tanchor\tyear_source"
    assert lines[1] == ("2019-03\tmonth\t\tMarch 2019\tThe plan was adopted in March 2019 in Tashkent.\ta\tPlan adopted"
                        "\tfalse\t\ttext")


@pytest.mark.parametrize("bad", ["2019-13", "yesterday", "March"])
def test_bad_date_is_exit_2(sco, month_corpus, bad):
    result = sco("timeline", "--from", bad)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == "hint: use one of: 2019, 2019-03, 2019-03-14, March 2019, 14 March 2019"


def test_reversed_range_is_exit_2(sco, month_corpus):
    result = sco("timeline", "--from", "2020", "--to", "2019")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (2, "sco: --from 2020 is after --to 2019")


def test_nothing_in_range_is_exit_1(sco, month_corpus):
    assert sco("timeline", "--from", "1990", "--to", "1991").exit_code == 1


def test_search_date_filters_use_the_main_date(sco, seeds_index):
    rows = json.loads(sco("search", "Norov", "--from", "2020", "--json").stdout)
    assert sorted(r["doc_id"] for r in rows) == ["000_696adcf27fd638ed", "004_71c49925f9e23485"]
    rows = json.loads(sco("search", "Paris Pact", "--to", "2018", "--json").stdout)
    assert [r["doc_id"] for r in rows] == ["001_95c8ddcf366ad626"]


def test_docs_show_main_dates(sco, seeds_index):
    rows = json.loads(sco("docs", "--json").stdout)
    # the main dates annotated in the seeds' gold.json
    assert [(r["doc_id"], r["date"]) for r in rows] == [
        ("000_696adcf27fd638ed", "2020-03-06"), ("001_95c8ddcf366ad626", "2017-03-14"),
        ("002_aed5472ea71f6ab3", "2019-03-14"), ("003_3015c8537fc2c6bb", "2019-09-28"),
        ("004_71c49925f9e23485", "2021-02-09")]


def test_show_lists_the_dates_with_their_spans(sco, month_corpus):
    result = sco("show", "a", "--json")
    dates = json.loads(result.stdout)["dates"]
    body = json.loads(result.stdout)["body"]
    assert [(d["mention"], d["start"], d["end"]) for d in dates] == [("March 2019", 24, 34), ("2 May 2019", 66, 76)]
    assert [body[d["start"]:d["end"]] for d in dates] == ["March 2019", "2 May 2019"]
    table = sco("show", "a").stdout
    assert " 24-34   March 2019   2019-03      text" in [line.rstrip() for line in table.splitlines()]


DISPATCH = ("Ministers meet in Kazan\n\n"
            "KAZAN, May 14 (TASS) -- Russian President Dmitry Medvedev on Wednesday received the "
            "foreign ministers. They had met their hosts on Monday.\n")


@pytest.fixture
def dispatch_corpus(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kazan.txt").write_text(DISPATCH, encoding="utf-8")
    index.build(tmp_path / "index", [str(docs)])
    return docs


def test_timeline_lists_relative_dates_resolved_and_marked(sco, dispatch_corpus):
    # 14 May 2008 was a Wednesday in Medvedev's term: the dateline's year is weighed, the
    # weekdays count back from that day
    rows = json.loads(sco("timeline", "--json").stdout)
    assert [(r["date"], r["mention"], r["relative"], r["anchor"], r["year_source"]) for r in rows] == [
        ("2008-05-12", "Monday", True, "2008-05-14", "weekday"),
        ("2008-05-14", "May 14", False, None, "weekday"),
        ("2008-05-14", "Wednesday", True, "2008-05-14", "weekday"),
    ]
    rows = json.loads(sco("timeline", "--absolute", "--json").stdout)
    assert [(r["date"], r["mention"], r["relative"]) for r in rows] == [("2008-05-14", "May 14", False)]


def test_timeline_table_marks_relative_mentions(sco, dispatch_corpus):
    result = sco("timeline", "--format", "table", env={"COLUMNS": "80"})
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "",
        " date         mention            sentence",
        " " + "\u2500" * 78,
        " 2008-05-12   Monday (rel.)      They had met their hosts on Monday.",
        "                                 kazan",
        " 2008-05-14   May 14             KAZAN, May 14 (TASS) -- Russian President",
        "                                 Dmitry Medvedev on Wednesday received the",
        "                                 foreign ministers.",
        "                                 kazan",
        " 2008-05-14   Wednesday (rel.)   KAZAN, May 14 (TASS) -- Russian President",
        "                                 Dmitry Medvedev on Wednesday received the",
        "                                 foreign ministers.",
        "                                 kazan",
        "",
    ]


def test_show_records_the_clues_to_the_dateline_year(sco, dispatch_corpus):
    data = json.loads(sco("show", "kazan", "--json").stdout)
    assert (data["date"], data["date_precision"]) == ("2008-05-14", "day")
    assert [(e["source"], e["first"], e["last"], e["weight"], e["text"]) for e in data["year_evidence"]] == [
        ("weekday", 1997, 2031, 3.0, "on Wednesday"),
        ("weekday", 1992, 2026, 1.0, "on Wednesday"),  # 14 May a Thursday (calendar-checked)
        ("office", 2008, 2012, 1.5, "President Dmitry Medvedev"),
    ]
    assert data["year_evidence"][0]["years"] == [1997, 2003, 2008, 2014, 2025, 2031]
    assert [(d["mention"], d["relative"], d["anchor"]) for d in data["dates"]] == [
        ("May 14", False, None), ("Wednesday", True, "2008-05-14"), ("Monday", True, "2008-05-14")]
    text = sco("show", "kazan").stdout
    assert "date 2008-05-14 (weekday)" in text
    assert "Clues to the dateline's year (3)" in text


def test_json_on_a_pipe_is_one_object_a_line(sco, month_corpus):
    out = sco("timeline", "--json").stdout
    assert out == (
        '[\n'
        '{"date": "2019-03", "date_precision": "month", "end_date": null, "mention": "March 2019", '
        '"sentence": "The plan was adopted in March 2019 in Tashkent.", "doc_id": "a", "title": "Plan adopted", '
        '"relative": false, "anchor": null, "year_source": "text"},\n'
        '{"date": "2019-05-02", "date_precision": "day", "end_date": null, "mention": "2 May 2019", '
        '"sentence": "Talks followed on 2 May 2019.", "doc_id": "a", "title": "Plan adopted", '
        '"relative": false, "anchor": null, "year_source": "text"}\n'
        ']\n')


def _fields(line: str) -> list:
    """The row's fields of a line of timeline.jsonl (before the tab: the row as printed)."""
    return json.loads(line.split("\t")[0])


def test_timeline_rows_are_cleaned_whatever_the_file_holds(sco, seeds_index):
    from sco_cli.safety import clean_text

    # a hand-edited timeline.jsonl: six characters of a mention become the six of an escaped ESC,
    # in the row's fields and in the row as printed, so that the row offsets of timeline.idx hold
    timeline = index.current_generation(seeds_index) / "timeline.jsonl"
    lines = timeline.read_text(encoding="utf-8").split("\n")
    k = next(k for k, line in enumerate(lines) if line and len(_fields(line)[5]) > 8)
    mention = _fields(lines[k])[5]
    written = json.dumps(mention, ensure_ascii=False)
    hostile = '"\\u001b' + written[7:]
    assert len(hostile) == len(written) and lines[k].count(written) == 2
    lines[k] = lines[k].replace(written, hostile)
    timeline.write_text("\n".join(lines), encoding="utf-8")
    result = sco("timeline", "--json")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\\u001b" not in result.stdout
    assert clean_text("\x1b" + mention[6:]) in [row["mention"] for row in json.loads(result.stdout)]


def test_timeline_rows_printed_as_stored_only_when_proven_clean(sco, seeds_index):
    expected = sco("timeline", "--jsonl").stdout
    timeline = index.current_generation(seeds_index) / "timeline.jsonl"
    lines = timeline.read_text(encoding="utf-8").split("\n")
    k = next(k for k, line in enumerate(lines) if line and len(_fields(line)[5]) > 8)
    fields, printed = lines[k].split("\t")
    written = json.dumps(_fields(lines[k])[5], ensure_ascii=False)
    lines[k] = fields + "\t" + printed.replace(written, '"\\u001b' + written[7:])  # as long as it was
    timeline.write_text("\n".join(lines), encoding="utf-8")
    result = sco("timeline", "--jsonl")
    assert (result.exit_code, result.stdout) == (0, expected)  # from the fields, which are untouched
    assert "\\u001b" not in result.stdout and expected.count("\n") == 28


@pytest.fixture
def mixed_index(tmp_path):
    """The seeds and an agency dispatch of relative dates."""
    from conftest import SEEDS
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "kazan.txt").write_text(DISPATCH, encoding="utf-8")
    index.build(tmp_path / "index", [str(docs)])
    return tmp_path / "index"


@pytest.mark.parametrize("args", [
    [], ["--from", "2019", "--to", "2019"], ["--to", "2008"], ["--absolute"], ["--absolute", "--from", "2008-05"],
    ["--person", "Guterres"], ["--org", "United Nations"], ["meeting"], ["foreign ministers", "--absolute"],
    ["--limit", "3"], ["meeting", "--limit", "1"], ["no sentence says this"],
])
@pytest.mark.parametrize("fmt", ["--json", "--jsonl"])
def test_timeline_as_json_prints_the_rows_stored_at_build_time_as_the_records_would(
        sco, mixed_index, monkeypatch, args, fmt):
    from sco_cli import query

    copied, real = [], query.timeline_lines
    monkeypatch.setattr(query, "timeline_lines", lambda *a, **k: copied.append(real(*a, **k)) or copied[-1])
    fast = sco("timeline", *args, fmt)
    assert len(copied) == 1 and copied[0] is not None  # the stored rows were proven clean, and printed
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    assert fast.stdout.count('"mention"') == len(copied[0][:limit])
    monkeypatch.setattr(query, "timeline_lines", lambda *a, **k: None)  # the way of the records, as for a table
    slow = sco("timeline", *args, fmt)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert fast.exit_code == (1 if args == ["no sentence says this"] else 0)
