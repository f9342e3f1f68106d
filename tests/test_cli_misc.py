"""Help, version, docs, show and index commands through CliRunner."""
import re
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sco_cli import __version__
from sco_cli.cli import app
from sco_cli.index.meta import SCHEMA_VERSION
from conftest import SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def all_commands():
    """Every command path of the app, e.g. ("search",), ("index", "build")."""
    import typer.main

    group = typer.main.get_command(app)
    paths = []

    def walk(cmd, prefix):
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            if getattr(sub, "commands", None):
                walk(sub, prefix + (name,))
            else:
                paths.append(prefix + (name,))

    walk(group, ())
    return paths


def test_the_command_list_is_what_the_design_promises():
    expected = {("search",), ("docs",), ("show",), ("index", "build"), ("index", "add"), ("index", "status")}
    assert expected <= set(all_commands())


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p))
def test_every_command_has_help_with_a_summary_and_an_example(sco, path):
    result = sco(*path, "--help")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"Usage: sco {' '.join(path)} ")
    summary = out.split("\n\n")[1].strip()
    assert summary and summary.endswith(".")
    assert "Example" in out and f"sco {path[0]}" in out.split("Example", 1)[1]


def test_top_level_help_lists_commands_and_exit_codes(sco):
    out = sco("--help").stdout
    assert "Exit codes: 0 results printed; 1 nothing matched; 2 usage error" in out
    commands = out.split("Commands:")[1].split()
    assert commands.index("search") < commands.index("docs") < commands.index("index")


def test_version(sco):
    result = sco("--version")
    assert (result.exit_code, result.stdout) == (0, f"sco {__version__}\n")


def test_docs_lists_every_seed(sco, seeds_index):
    rows = json.loads(sco("docs", "--json").stdout)
    assert [r["doc_id"] for r in rows] == SEED_IDS
    assert list(rows[0]) == ["doc_id", "title", "date", "date_precision", "path", "words"]
    first = rows[0]
    text = (SEEDS / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    assert first["title"] == text.splitlines()[0]
    assert first["path"] == str(SEEDS / f"{SEED_IDS[0]}.txt")


def test_show_prints_headline_and_body(sco, seeds_index):
    result = sco("show", "002_aed5472ea71f6ab3")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "SCO, Interpol strive to play active role in facilitating regional security"
    assert "On 14 March 2019, SCO Secretary-General Vladimir Norov met with" in result.stdout


def test_show_unknown_document_exits_2(sco, seeds_index):
    result = sco("show", "nope")
    assert result.exit_code == 2
    assert result.stderr == "sco: no document 'nope' in the index\nhint: sco docs lists the document ids\n"


def test_index_build_add_status(sco, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[0]}.txt", docs)
    (docs / "empty.txt").write_text("")
    result = sco("index", "build", str(docs))
    assert result.exit_code == 0
    err = result.stderr.splitlines()
    assert err[0] == f"sco: warning: {docs / 'empty.txt'}: empty file, skipped"
    assert err[1].startswith("sco: indexed 1 articles in ")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, docs)
    result = sco("index", "add", str(docs))
    assert result.exit_code == 0
    assert "sco: added 4 articles (0 updated, 1 unchanged)" in result.stderr
    status = json.loads(sco("index", "status", "--json").stdout)
    assert status["documents"] == 5
    assert status["sources"] == [str(docs)]
    text = sco("index", "status").stdout
    assert text.splitlines()[1] == "documents   5"


def test_index_build_when_locked_exits_3(sco, tmp_path):
    from sco_cli import index

    base = tmp_path / "index"
    with index.writer_lock(base):
        result = sco("index", "build", str(SEEDS))
    assert result.exit_code == 3
    assert result.stderr == (f"sco: another sco is writing the index in {base}\n"
                             "hint: wait for it, or pass --wait SECONDS\n")


def test_index_status_without_index_exits_3(sco, tmp_path):
    assert sco("index", "status").exit_code == 3


def _installed_sco():
    exe = shutil.which("sco", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("sco is not installed beside this Python")
    return exe


def test_installed_sco_runs_as_a_process_and_pipes_quietly(tmp_path):
    exe = _installed_sco()
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix")}
    first = subprocess.run([exe, "search", "Paris Pact", "--json"], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)[0]["doc_id"] == "000_696adcf27fd638ed"
    # a reader that goes away early, with far more output than a pipe buffer holds:
    # no traceback, no 'Broken pipe' noise, exit 0
    big = tmp_path / "big"
    big.mkdir()
    (big / "big.txt").write_text("Big\n\n" + "Paris Pact talks continued. " * 40000, encoding="utf-8")
    benv = {**env, "SCO_INDEX_DIR": str(tmp_path / "bigix")}
    subprocess.run([exe, "index", "build", str(big)], check=True, capture_output=True, env=benv)
    piped = subprocess.run(f"'{exe}' show big | head -c 1; exit ${{PIPESTATUS[0]}}", shell=True,
                           executable="/bin/bash", capture_output=True, text=True, env=benv)
    assert (piped.returncode, piped.stderr, piped.stdout) == (0, "", "B")
    module = subprocess.run([sys.executable, "-m", "sco_cli", "--help"], capture_output=True, text=True, env=env)
    assert module.stdout.startswith("Usage: sco ")


@pytest.mark.parametrize("command", [["show"], ["index", "status"]])
def test_one_record_commands_say_their_json_is_an_object(sco, command):
    assert re.search(r"--json +Write a JSON object\.", sco(*command, "--help").stdout)


@pytest.fixture
def terminal_stderr(monkeypatch):
    """stderr as a terminal (stdout stays a pipe): what a person at a shell sees."""
    import dataclasses

    from sco_cli import commands

    real = commands.environment
    monkeypatch.setattr(commands, "environment", lambda: dataclasses.replace(real(), stderr_isatty=True))


@pytest.mark.parametrize("command, total", [(("search", "SCO"), 5), (("timeline",), 28), (("who-met",), 6),
                                            (("agreements",), 11), (("docs",), 5)])
def test_a_cut_listing_says_how_much_was_left_out_on_a_terminal(sco, seeds_index, terminal_stderr, command, total):
    result = sco(*command, "--limit", "2", "--jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == f"sco: showing 2 of {total} (--limit 0 for all)\n"
    everything = sco(*command, "--limit", "0", "--jsonl")
    assert (len(everything.stdout.splitlines()), everything.stderr) == (total, "")


def test_a_cut_listing_says_nothing_on_a_pipe(sco, seeds_index):
    result = sco("timeline", "--limit", "2", "--jsonl")
    assert (len(result.stdout.splitlines()), result.stderr) == (2, "")


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--bogus"], "sco: No such option: --bogus\nhint: see sco search --help\n"),
    (["search"], "sco: Missing argument 'QUERY'.\nhint: see sco search --help\n"),
    (["timeline", "--limit", "many"], "sco: Invalid value for '--limit' / '-n': 'many' is not a valid integer range.\n"
                                      "hint: see sco timeline --help\n"),
    (["agreements", "--kind", "letter"], "sco: Invalid value for '--kind': 'letter' is not a kind; use one of: "
     "memorandum, declaration, resolution, statement, agreement, treaty, convention, charter, strategy, plan, "
     "programme, protocol\nhint: see sco agreements --help\n"),
])
def test_usage_errors_are_one_line_and_a_hint(sco, seeds_index, args, message):
    result = sco(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize("spelling", ["MoU", "memoranda", "Memorandum", "memorandum_of_understanding"])
def test_kind_takes_every_word_the_kinds_file_maps(sco, seeds_index, spelling):
    rows = json.loads(sco("agreements", "--kind", spelling, "--json").stdout)
    assert rows and {r["kind"] for r in rows} == {"memorandum"}


def test_choices_ignore_case_like_format_does(sco, seeds_index):
    assert json.loads(sco("who-met", "--meeting-format", "Video", "--json").stdout)[0]["format"] == "video"
    assert sco("who-met", "--format", "JSON").exit_code == 0


def test_an_ascii_terminal_gets_question_marks_not_a_traceback(tmp_path):
    exe = shutil.which("sco", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("sco is not installed beside this Python")
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix"), "PYTHONIOENCODING": "ascii"}
    subprocess.run([exe, "index", "build", str(SEEDS)], env=env, capture_output=True, check=True)
    result = subprocess.run([exe, "who-met", "Jenca", "--json"], env=env, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert b"Miroslav Jen?a" in result.stdout and b"Traceback" not in result.stderr


def test_show_takes_a_unique_start_of_an_id(sco, seeds_index):
    ids = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert json.loads(sco("show", ids[1][:3], "--json").stdout)["doc_id"] == ids[1]
    several = sco("show", ids[0][:2])
    assert several.exit_code == 2
    assert several.stderr == (f"sco: {ids[0][:2]!r} is the start of 5 article ids: {', '.join(ids)}\n"
                              "hint: give more of the id\n")


@pytest.mark.parametrize("spelling", [["--index-dir", "{dir}"], ["--index-dir={dir}"]])
def test_index_dir_may_follow_the_command(sco, seeds_index, tmp_path, spelling):
    import shutil

    moved = tmp_path / "moved"
    shutil.move(str(seeds_index), moved)
    args = [a.format(dir=moved) for a in spelling]
    result = sco("who-met", "Menier", *args, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["doc_id"] == "000_696adcf27fd638ed"
    assert not seeds_index.exists()  # the default index was neither used nor built


def test_global_options_first_leaves_what_follows_a_double_dash():
    from sco_cli.cli import global_options_first

    assert global_options_first(["search", "x", "--index-dir", "d", "--json"]) == \
        ["--index-dir", "d", "search", "x", "--json"]
    assert global_options_first(["search", "--", "--index-dir", "d"]) == ["search", "--", "--index-dir", "d"]


def test_fields_pick_and_order_json_fields_in_every_format(sco, seeds_index):
    rows = json.loads(sco("who-met", "Menier", "--fields", "place,date", "--json").stdout)
    assert rows == [{"place": "Vienna", "date": "2020-03-06"}]
    assert sco("who-met", "Menier", "--fields", "place,date", "--csv").stdout == "place,date\nVienna,2020-03-06\n"
    table = sco("who-met", "Menier", "--fields", "place,date", "--format", "table", env={"COLUMNS": "40"})
    assert [line.rstrip() for line in table.stdout.splitlines()] == [
        "", " place                date", " " + "\u2500" * 38, " Vienna               2020-03-06", ""]


def test_sort_and_reverse_order_any_listing(sco, seeds_index):
    words = [d["words"] for d in json.loads(sco("docs", "--sort", "words", "--json").stdout)]
    assert words == sorted(words)
    back = [d["words"] for d in json.loads(sco("docs", "--sort", "words", "--reverse", "--json").stdout)]
    assert back == words[::-1]
    dates = [m["date"] for m in json.loads(sco("who-met", "--reverse", "--limit", "2", "--json").stdout)]
    every = [m["date"] for m in json.loads(sco("who-met", "--json").stdout)]
    assert dates == every[::-1][:2]


@pytest.mark.parametrize("option", ["--fields", "--sort"])
def test_an_unknown_field_is_a_usage_error_listing_the_fields(sco, seeds_index, option):
    result = sco("docs", option, "wordz")
    assert result.exit_code == 2
    assert result.stderr.endswith("'wordz'\nhint: fields: doc_id, title, date, date_precision, path, words\n")


@pytest.mark.parametrize("args, expected", [
    (["show", "003_3015c8537fc2c6bb", "--format", "tsv", "--fields", "doc_id,words"],
     "doc_id\twords\n003_3015c8537fc2c6bb\t481\n"),
    (["show", "003_3015c8537fc2c6bb", "--format", "jsonl", "--fields", "doc_id,date"],
     '{"doc_id": "003_3015c8537fc2c6bb", "date": "2019-09-28"}\n'),
    (["show", "003_3015c8537fc2c6bb", "--format", "csv", "--fields", "title"],
     'title\n"SCO, UN Secretary-Generals held a meeting"\n'),
    (["index", "status", "--format", "tsv", "--fields", "documents,schema_version"], f"documents\tschema_version\n5\t{SCHEMA_VERSION}\n"),
    (["index", "status", "--format", "json", "--fields", "documents"], '{\n  "documents": 5\n}\n'),
])
def test_one_record_commands_take_format_and_fields(sco, seeds_index, args, expected):
    result = sco(*args)
    assert (result.exit_code, result.stdout) == (0, expected)


@pytest.mark.parametrize("args, message", [
    (["show", "003", "--json", "--format", "csv"], "sco: choose one output format\nhint: use only one of --json, --format\n"),
    (["index", "status", "--fields", "nope"], "sco: unknown field 'nope'\nhint: fields: location, documents, facts, "
                                              "size_bytes, built_at, sco_version, schema_version, extraction_version, "
                                              "sources\n"),
])
def test_one_record_commands_refuse_bad_output_options(sco, seeds_index, args, message):
    result = sco(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
