"""sco_cli/output.py: the one output switch, with its streams pinned (as Rich's own tests do)."""
from __future__ import annotations

import io

import pytest

from sco_cli.output import Environment, OutputFormat, emit, emit_one
from sco_cli.render import Column

ROWS = [{"name": "Vladimir Norov", "roles": ["Secretary-General", "SCO"], "year": 2020},
        {"name": "Jürgen Stock", "roles": [], "year": None}]
COLUMNS = (Column("name", lambda r: r["name"], ratio=1), Column("year", lambda r: str(r["year"] or ""),
                                                               no_wrap=True))


def _env(tty: bool = False) -> tuple[Environment, io.StringIO]:
    out = io.StringIO()
    return Environment(stdout=out, stderr=io.StringIO(), stdout_isatty=tty, width=40), out


@pytest.mark.parametrize("fmt, expected", [
    (OutputFormat.json, '[\n{"name": "Vladimir Norov", "roles": ["Secretary-General", "SCO"], "year": 2020},\n'
                        '{"name": "Jürgen Stock", "roles": [], "year": null}\n]\n'),
    (OutputFormat.jsonl, '{"name": "Vladimir Norov", "roles": ["Secretary-General", "SCO"], "year": 2020}\n'
                         '{"name": "Jürgen Stock", "roles": [], "year": null}\n'),
    (OutputFormat.csv, 'name,roles,year\nVladimir Norov,"[""Secretary-General"",""SCO""]",2020\nJürgen Stock,[],\n'),
    (OutputFormat.tsv, 'name\troles\tyear\nVladimir Norov\t["Secretary-General","SCO"]\t2020\nJürgen Stock\t[]\t\n'),
])
def test_emit_writes_each_format(fmt, expected):
    env, out = _env()
    emit(env, fmt, ROWS, COLUMNS, ROWS)
    assert out.getvalue() == expected


def test_emit_table_at_a_fixed_width():
    env, out = _env()
    emit(env, OutputFormat.table, ROWS, COLUMNS, ROWS)
    assert [line.rstrip() for line in out.getvalue().splitlines()] == [
        "", " name                              year", " " + "\u2500" * 38, " Vladimir Norov                    2020",
        " Jürgen Stock", ""]


def test_emit_cleans_what_it_writes_unless_told_it_is_clean():
    env, out = _env()
    emit(env, OutputFormat.jsonl, [{"name": "a\x1b[2Jb\u202e"}], COLUMNS, [])
    assert out.getvalue() == '{"name": "ab"}\n'


@pytest.mark.parametrize("fmt, fields, expected", [
    (OutputFormat.json, [], '{\n  "name": "Vladimir Norov",\n  "roles": [\n    "Secretary-General",\n    "SCO"\n  ],'
                            '\n  "year": 2020\n}\n'),
    (OutputFormat.tsv, ["year", "name"], "year\tname\n2020\tVladimir Norov\n"),
    (OutputFormat.table, [], "location  here\n"),
])
def test_emit_one_writes_one_object(fmt, fields, expected):
    env, out = _env()
    emit_one(env, fmt, ROWS[0], fields, ["location  here"])
    assert out.getvalue() == expected


def test_csv_and_tsv_add_plain_names_after_the_participants():
    env, out = _env()
    row = {"date": "2019-03-14", "participants": [{"name": "Vladimir Norov", "role": "Secretary-General"},
                                                  {"name": "Jurgen Stock", "role": None}], "place": "Vienna"}
    emit(env, OutputFormat.tsv, [row], COLUMNS, [row])
    assert out.getvalue() == ('date\tparticipants\tnames\tplace\n2019-03-14\t[{"name":"Vladimir Norov","role":'
                              '"Secretary-General"},{"name":"Jurgen Stock","role":null}]\tVladimir Norov; Jurgen Stock'
                              '\tVienna\n')
