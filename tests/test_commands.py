"""`commands`: the questions (and `docs`, `show`) answered without Typer print what Typer's way prints, byte for byte,
and every command line the fast way does not read exactly is left to Typer."""
from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_cli import commands
from sco_cli.commands import FAST_COMMANDS, OPTION_PARAMS, parse_fast, run_fast
from sco_cli.complete import COMMANDS, FORMATS, MEETING_FORMATS


def _click_command(name: str):
    import typer

    from sco_cli.cli import app

    return typer.main.get_command(app).commands[name]


@pytest.mark.parametrize("name", sorted(FAST_COMMANDS))
def test_the_tables_agree_with_the_typer_app(name):
    from typer._click import types

    function, takes = FAST_COMMANDS[name]
    options, _ = COMMANDS[(name,)]
    keywords = set(inspect.signature(function).parameters)
    click_command = _click_command(name)
    arguments = [p for p in click_command.params if p.param_type_name == "argument"]
    assert len(arguments) == (takes is not None)
    if arguments:
        assert arguments[0].required == (takes == "required")
        assert list(inspect.signature(function).parameters)[1] == arguments[0].name  # passed by position
    seen = set()
    for param in click_command.params:
        if param.param_type_name != "option" or "--help" in param.opts:
            continue
        for opt in param.opts:
            seen.add(opt)
            assert OPTION_PARAMS[opt] == param.name and param.name in keywords, opt
            assert (options[opt] is None) == param.is_flag, opt
            counts = isinstance(param.type, types.IntRange)
            assert counts == (opt in ("--limit", "-n")) and (not counts or param.type.min == 0), opt
            choices = {"--format": FORMATS, "--meeting-format": MEETING_FORMATS}.get(opt)
            assert tuple(getattr(param.type, "choices", None) or ()) == (choices or ()), opt
    assert seen == set(options) - {"-h", "--help"}


# Command lines answered both ways on the seed articles; each is read by the fast way.
SAME = [
    ["search", "Paris Pact"],
    ["search", "Paris Pact", "--json"],
    ["search", '"Paris Pact"', "--jsonl"],
    ["search", "SCO", "--csv", "--limit", "2"],
    ["search", "SCO", "-n", "3", "--format", "table"],
    ["search", "SCO", "--limit=0", "--fields", "doc_id,date", "--sort", "date", "--reverse"],
    ["search", "SCO", "--from", "2019", "--to", "2020", "--format", "json"],
    ["search", "zzqxv"],
    ["search", "zzqxv", "--json"],
    ["search", "secretery general"],
    ["search", "SCO", "--from", "not a date"],
    ["search", "SCO", "--from", "2021", "--to", "2019"],
    ["search", "SCO", "--json", "--csv"],
    ["search", ""],
    ["timeline", "--from", "2019", "--to", "2020", "--json"],
    ["timeline", "memorandum", "--jsonl"],
    ["timeline", "--person", "Norov", "--absolute", "--format", "tsv"],
    ["timeline", "--org", "UNODC", "--limit", "2", "--format", "table"],
    ["who-met", "Norov", "--json"],
    ["who-met", "--with", "Guterres", "--jsonl"],
    ["who-met", "--org", "UNODC", "--meeting-format", "in-person", "--include-planned"],
    ["who-met", "Norov", "--place", "Vienna", "--fields", "date,place", "--csv"],
    ["who-met", "Nobody Atall"],
    ["agreements", "--json"],
    ["agreements", "--jsonl", "--limit", "3"],
    ["agreements", "--kind", "MoU", "--format", "table"],
    ["agreements", "--party", "UNODC", "--sort", "date", "--json"],
    ["agreements", "memorandum", "--from", "2010"],
    ["docs"],
    ["docs", "--json", "--sort", "words", "--reverse", "-n", "2"],
    ["docs", "--fields", "doc_id,words", "--format", "csv"],
    ["show", "000_696adcf27fd638ed"],
    ["show", "000_696adcf27fd638ed", "--json"],
    ["show", "001_95c8ddcf366ad626", "--format", "table"],
    ["show", "001_95c8ddcf366ad626", "--fields", "doc_id,title", "--format", "tsv"],
    ["show", "no_such_document"],
    ["show", "000_696adcf27fd638ed", "--json", "--format", "csv"],
    ["search", "Paris Pact", "--index-dir", "{missing}"],
    ["--index-dir", "{missing}", "who-met", "Norov"],
]


def _fast(args, capsys) -> tuple[str, str, int]:
    with pytest.raises(SystemExit) as ended:
        run_fast(args)
    out, err = capsys.readouterr()
    return out, err, ended.value.code


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_the_fast_way_prints_what_typer_prints(sco, seeds_index, capsys, tmp_path, args):
    args = [a.replace("{missing}", str(tmp_path / "nowhere")) for a in args]
    assert parse_fast(args) is not None
    typer_way = sco(*args)
    assert _fast(args, capsys) == (typer_way.stdout, typer_way.stderr, typer_way.exit_code)


def test_the_answers_compared_are_answers(sco, seeds_index):
    # the comparison above is of real output, not of two empty strings
    rows = json.loads(sco("search", "Paris Pact", "--json").stdout)
    assert [r["doc_id"] for r in rows] == ["000_696adcf27fd638ed", "001_95c8ddcf366ad626"]
    assert sco("who-met", "Norov", "--json").stdout.count('"doc_id"') >= 2


@pytest.mark.parametrize("args", [
    [], ["search"], ["search", "a", "b"], ["search", "x", "--help"], ["search", "-h"], ["--version"],
    ["--help"], ["docs", "x"], ["show"], ["show", "a", "b"], ["index", "status"], ["completion", "bash"],
    ["search", "x", "--limit", "-1"], ["search", "x", "--limit", "ten"], ["search", "x", "-n5"], ["search", "x", "-n=5"],
    ["search", "x", "--limit"], ["search", "x", "--format", "JSON"], ["search", "x", "--format", "xml"],
    ["search", "x", "--json=yes"], ["search", "x", "--nope"], ["search", "x", "--person", "Norov"],
    ["search", "x", "--limit", "1", "--limit", "2"], ["search", "--", "-x"], ["search", "-"],
    ["search", "x", "--sort", "--reverse"], ["agreements", "--kind", "nonsense"],
    ["who-met", "--meeting-format", "fax"], ["who-met", "--meeting-format", "VIDEO"],
    ["--index-dir", "", "search", "x"], ["--index-dir", "a", "--index-dir", "b", "search", "x"],
    ["--index-dir", "{file}", "search", "x"], ["--index-dir"], ["search", "x", "--index-dir"],
])
def test_other_command_lines_are_left_to_typer(tmp_path, args):
    file = tmp_path / "a-file"
    file.write_text("", encoding="utf-8")
    assert parse_fast([a.replace("{file}", str(file)) for a in args]) is None


def test_the_fast_way_reads_the_options_as_typer_passes_them(tmp_path):
    function, state, positional, kwargs = parse_fast(["--index-dir", str(tmp_path), "who-met", "Norov", "-n", "7",
                                                      "--json", "--meeting-format", "video", "--from=2019"])
    assert function is commands.who_met and (state.index_dir, state.explicit) == (tmp_path, True)
    assert positional == ("Norov",)
    assert kwargs == {"limit": 7, "json_": True, "meeting_format": "video", "date_from": "2019"}
    function, state, positional, kwargs = parse_fast(["agreements", "--kind", "memoranda", "--format", "csv"])
    assert positional == () and not state.explicit
    assert kwargs == {"kind": "memorandum", "fmt": commands.OutputFormat.csv}


def test_a_question_imports_neither_typer_nor_rich(seeds_index):
    probe = ("import atexit, sys\n"
             "atexit.register(lambda: sys.stderr.write(repr(sorted({m.split('.')[0] for m in sys.modules}"
             " & {'typer', 'click', 'rich'}))))\n"
             "sys.argv = ['sco', 'search', 'Paris Pact', '--json']\n"
             "from sco_cli.entry import main\n"
             "main()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "SCO_INDEX_DIR": str(seeds_index)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["doc_id"] == "000_696adcf27fd638ed"
    assert done.stderr == "[]"


# Generated command lines: wherever the fast way takes one, it answers as Typer does.
_values = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2019", "2019-03", "March 2019", "2021-02-30", "0", "3", "007", "-1", "json", "table",
                     "csv", "video", "in-person", "MoU", "memoranda", "Norov", "UNODC", "Vienna", "date", "doc_id,title",
                     "nope", "", "-", "--json"]),
)
_positionals = st.one_of(st.none(), st.text(max_size=12),
                         st.sampled_from(["Paris Pact", '"Paris Pact"', "Norov", "memorandum", "-x", "SCO", "",
                                          "000_696adcf27fd638ed"]))


@st.composite
def _command_lines(draw):
    command = draw(st.sampled_from(sorted(FAST_COMMANDS)))
    options, _ = COMMANDS[(command,)]
    args = [command]
    positional = draw(_positionals)
    if positional is not None:
        args.append(positional)
    for name in draw(st.lists(st.sampled_from(sorted(set(options) - {"-h", "--help"})), max_size=4)):
        if options[name] is None:
            args.append(name)
        elif draw(st.booleans()):
            args += [name, draw(_values)]
        else:
            args.append(f"{name}={draw(_values)}")
    return args


def _answer_alike(sco, capsys, args):
    if parse_fast(args) is None:  # about a third of these lines are the fast way's
        return
    typer_way = sco(*args)
    assert _fast(args, capsys) == (typer_way.stdout, typer_way.stderr, typer_way.exit_code), args


_QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_LONG = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("profile", [pytest.param(_QUICK, id="ci"), pytest.param(_LONG, id="slow",
                                                                                   marks=pytest.mark.slow)])
def test_generated_command_lines_answer_alike(sco, seeds_index, capsys, profile):
    profile(given(args=_command_lines())(lambda args: _answer_alike(sco, capsys, args)))()
