"""`sco search` and the output contract, through CliRunner, with exact expected output."""
import csv
import io
import json

import pytest

from conftest import SEEDS

PARIS = "000_696adcf27fd638ed"
UNODC = "001_95c8ddcf366ad626"
PARIS_SNIPPET = (
    "...Routes from Central Asia to Europe. Currently, the Paris Pact partners include 58 countries and "
    "23 organisations, including the ... Paris Pact expert meetings on transborder cooperation and "
    "on preventing chemical..."
)


def expected_rows():
    return [
        {"rank": 1, "doc_id": PARIS, "title": "SCO Secretary-General meets with Paris Pact coordinator",
         "date": "2020-03-06", "date_precision": "day",
         "path": str(SEEDS / f"{PARIS}.txt"), "snippet": PARIS_SNIPPET},
        {"rank": 2, "doc_id": UNODC, "title": "SCO Secretary-General meets with UNODC Executive Director",
         "date": "2017-03-14", "date_precision": "day",
         "path": str(SEEDS / f"{UNODC}.txt"),
         "snippet": "...on the regular basis, including within the framework of the Paris Pact Initiative. "
                    "The November 2016 UN General Assembly Resolution on Cooperation..."},
    ]


def without_volatile(rows):
    """Drop the BM25 score; its order is checked separately."""
    return [{k: v for k, v in r.items() if k != "score"} for r in rows]


def test_search_json_fields_and_order(sco, seeds_index):
    result = sco("search", "Paris Pact", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [list(r) for r in rows] == [
        ["rank", "score", "doc_id", "title", "date", "date_precision", "path", "snippet"]] * 2
    assert without_volatile(rows) == expected_rows()
    assert rows[0]["score"] > rows[1]["score"] > 0


@pytest.mark.parametrize("flag", ["--jsonl", "--csv", "--format=tsv", "--format=jsonl", "--format=csv", None])
def test_every_format_carries_the_same_rows(sco, seeds_index, flag):
    reference = json.loads(sco("search", "Paris Pact", "--json").stdout)
    result = sco("search", "Paris Pact", *([flag] if flag else []))
    assert result.exit_code == 0
    if flag in ("--jsonl", "--format=jsonl"):
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert rows == reference
        return
    delimiter = "," if flag in ("--csv", "--format=csv") else "\t"  # piped default is TSV
    table = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
    assert table[0] == list(reference[0])
    assert table[1:] == [["" if v is None else str(v) for v in r.values()] for r in reference]


SEARCH_TABLES = {
    60: [
        " #   title                  snippet",
        " 1   SCO                    ...Routes from Central Asia to",
        "     Secretary-General      Europe. Currently, the Paris",
        "     meets with Paris       Pact partners include 58",
        "     Pact coordinator       countries and 23 organisations,",
        "     2020-03-06             including the ... Paris Pact",
        "     000_696adcf27fd638ed   expert meetings on transborder",
        "                            cooperation and on preventing",
        "                            chemical...",
    ],
    80: [
        " #   title                          snippet",
        " 1   SCO Secretary-General meets    ...Routes from Central Asia to Europe.",
        "     with Paris Pact coordinator    Currently, the Paris Pact partners include",
        "     2020-03-06                     58 countries and 23 organisations,",
        "     000_696adcf27fd638ed           including the ... Paris Pact expert",
        "                                    meetings on transborder cooperation and on",
        "                                    preventing chemical...",
    ],
    120: [
        " #   title                                          snippet",
        " 1   SCO Secretary-General meets with Paris Pact    ...Routes from Central Asia to Europe. Currently, the Paris Pact",
        "     coordinator                                    partners include 58 countries and 23 organisations, including the",
        "     2020-03-06  000_696adcf27fd638ed               ... Paris Pact expert meetings on transborder cooperation and on",
        "                                                    preventing chemical...",
    ],
}


@pytest.mark.parametrize("width", sorted(SEARCH_TABLES))
def test_search_table_at_60_80_120_columns(sco, seeds_index, width):
    # words never break, identifiers sit on a dim line under the title, the snippet gets the room
    result = sco("search", "Paris Pact", "--format", "table", "--limit", "1", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    expected = SEARCH_TABLES[width]
    assert lines == ["", expected[0], " " + "\u2500" * (width - 2), *expected[1:], ""]
    assert max(len(line) for line in lines) <= width


def test_search_phrase_differs_from_words(sco, seeds_index):
    words = json.loads(sco("search", "Norov Vienna", "--json").stdout)
    phrase = sco("search", '"Norov Vienna"', "--json")
    assert len(words) >= 2
    assert phrase.exit_code == 1


def test_search_field_syntax(sco, seeds_index):
    rows = json.loads(sco("search", "title:interpol", "--json").stdout)
    assert [r["doc_id"] for r in rows] == ["002_aed5472ea71f6ab3"]


def test_nonsense_word_exits_1_quietly_on_stdout(sco, seeds_index):
    result = sco("search", "zzqxv")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "sco: no article matches 'zzqxv'\n"


def test_misspelling_gets_a_suggestion(sco, seeds_index):
    result = sco("search", "memorandim vienn")
    assert result.exit_code == 1
    assert result.stderr == ("sco: did you mean: memorandum vienna\n"
                             "sco: no article matches 'memorandim vienn'\n")


def test_empty_json_result_is_an_empty_array(sco, seeds_index):
    result = sco("search", "zzqxv", "--json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")


def test_bad_date_exits_2_with_the_accepted_forms(sco, seeds_index):
    result = sco("search", "Paris", "--from", "notadate")
    assert result.exit_code == 2
    assert result.stderr == ("sco: not a date: 'notadate'\n"
                             "hint: use one of: 2019, 2019-03, 2019-03-14, March 2019, 14 March 2019\n")


def test_two_formats_at_once_is_a_usage_error(sco, seeds_index):
    result = sco("search", "Paris", "--json", "--csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "sco: choose one output format"


def test_explicit_index_dir_without_index_exits_3(sco, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = sco("--index-dir", str(empty), "search", "Paris")
    assert result.exit_code == 3
    assert result.stderr == (f"sco: no index in {empty}\n"
                             f"hint: run: sco --index-dir {empty} index build PATH\n")


def test_first_query_builds_the_default_index_from_seeds(sco, isolated):
    result = sco("search", "Paris Pact", "--json")
    assert result.exit_code == 0
    assert result.stderr == ("sco: no index yet; building one from the bundled seed articles in "
                             f"{isolated / 'index'}\n")
    assert json.loads(result.stdout)[0]["doc_id"] == PARIS
    again = sco("search", "Paris Pact", "--json")
    assert again.stderr == ""


def test_unknown_option_is_exit_2(sco, seeds_index):
    assert sco("search", "x", "--bogus").exit_code == 2


@pytest.mark.parametrize("query", ["NOT Norov", "*:*", "title:* OR body:*"])
def test_negations_and_match_alls_list_articles(sco, seeds_index, query):
    # these once ended in KeyError: 'title' (the index held fact documents beside articles)
    result = sco("search", query, "--json", "--limit", "20")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(set(r) == {"rank", "score", "doc_id", "title", "date", "date_precision", "path",
                                   "snippet"} for r in rows)
    assert len({r["doc_id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("query", ["uid:*", "payload:Norov", "date_start:[20190101 TO 20201231]"])
def test_internal_field_names_are_read_as_words(sco, seeds_index, query):
    # only title and body belong to the query language; "payload" is a word no seed contains
    result = sco("search", query, "--json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr.startswith(f"sco: no article matches {query!r}")


def test_a_negation_lists_the_articles_without_the_word(sco, seeds_index):
    rows = json.loads(sco("search", "NOT Norov", "--json", "--limit", "20").stdout)
    with_norov = {p.stem for p in SEEDS.glob("*.txt") if "norov" in p.read_text(encoding="utf-8").lower()}
    assert {r["doc_id"] for r in rows} == {p.stem for p in SEEDS.glob("*.txt")} - with_norov


@pytest.mark.parametrize("typed, suggestion", [("secratary generl", "secretary general"),
                                               ('"Paris Pactt"', '"Paris Pact"'), ("Secratary", "Secretary")])
def test_suggestions_are_words_the_articles_write_not_stems(sco, seeds_index, typed, suggestion):
    result = sco("search", typed)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"sco: did you mean: {suggestion}"


def test_a_correction_that_rewrites_most_of_a_word_is_no_suggestion():
    from sco_cli.query import _close, _edits

    assert [_edits("pari", "dai"), _edits("generl", "gener"), _edits("", "ab"), _edits("kitten", "sitting")] == \
        [2, 1, 2, 3]
    assert not _close("pari", "dai") and not _close("pact", "pai")
    assert _close("generl", "gener") and _close("memorandim", "memorandum")
