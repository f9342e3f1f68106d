"""Hostile article text: markup, escape sequences, C1 controls, bidi overrides and NUL must reach
the terminal as inert text in every command and every output format."""
import json
import re

import pytest

from sco_cli import index

HEADLINE = ("[bold red]SCO[/bold red] meets [link=https://evil.example]UNODC[/link] :smile: [/] "
            "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ "
            "\x1b]52;c;ZXZpbA==\x07\x9b31m\u202eevil\u202c\x00end")
BODY = (
    "On 6 March 2020, SCO Secretary-General Vladimir Norov met with [bold]Paris Pact[/bold] Coordinator "
    "Marie-Anne Menier\x1b[2J in Vienna [link=https://evil.example]here[/link].\n\n"
    "They recalled the Memorandum of Understanding between the SCO Secretariat and the "
    "[red]UNODC[/] (Astana, 14 June 2011) \u202e:smile:\x9b2J.\n"
)
MARKUP = ["[bold red]SCO[/bold red]", "[link=https://evil.example]UNODC[/link]", ":smile:", "[/]"]
# Everything from the data that would act on a terminal: C0 (but tab/newline), ESC, DEL, C1, bidi/format.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What styling may legitimately emit when colour is forced: SGR sequences, nothing else.
SGR = re.compile(r"\x1b\[[0-9;]*m")

COMMANDS = [
    ["search", "Norov"],
    ["timeline"],
    ["who-met"],
    ["agreements"],
    ["docs"],
]
FORMATS = ["--format=table", "--json", "--jsonl", "--csv", "--format=tsv"]


@pytest.fixture
def hostile_index(isolated):
    docs = isolated / "docs"
    docs.mkdir()
    (docs / "evil.txt").write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    index.build(isolated / "index", [str(docs)])
    return isolated / "index"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_and_format_prints_markup_literally_and_no_controls(sco, hostile_index, command, fmt):
    result = sco(*command, fmt)
    assert result.exit_code == 0, (result.stderr, result.exception)
    out = result.stdout
    assert not FORBIDDEN.search(out), repr(FORBIDDEN.findall(out))
    if command[0] in ("search", "docs") and fmt != "--format=table":
        # the headline survives whole, markup and all, only without its control characters
        assert all(m in out for m in MARKUP)
    if fmt in ("--json", "--jsonl"):
        rows = json.loads(out) if fmt == "--json" else [json.loads(line) for line in out.splitlines()]
        assert rows


@pytest.mark.parametrize("command", COMMANDS + [["show", "evil"]], ids=lambda c: c[0])
def test_forced_colour_emits_only_styling_sequences(sco, hostile_index, command):
    args = [*command] + (["--format=table"] if command[0] != "show" else [])
    result = sco(*args, env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert SGR.search(result.stdout)  # colour is on, so the check below is not vacuous
    remainder = SGR.sub("", result.stdout)
    assert not FORBIDDEN.search(remainder), repr(FORBIDDEN.findall(remainder))
    assert "\x1b]" not in result.stdout  # no OSC: no title, hyperlink or clipboard writes


def test_table_shows_the_markup_as_text(sco, hostile_index):
    out = sco("docs", "--format=table", env={"COLUMNS": "300"}).stdout
    assert "[bold red]SCO[/bold red] meets [link=https://evil.example]UNODC[/link] :smile: [/]" in out
    assert "evil.example" in out and "\U0001f604" not in out  # :smile: stays a word, no emoji


def test_show_prints_the_body_literally(sco, hostile_index):
    result = sco("show", "evil")
    assert result.exit_code == 0
    assert "[bold]Paris Pact[/bold]" in result.stdout
    assert not FORBIDDEN.search(result.stdout)
    data = json.loads(sco("show", "evil", "--json").stdout)
    assert "[link=https://evil.example]here[/link]" in data["body"]


def test_extraction_still_works_through_the_noise(sco, hostile_index):
    rows = json.loads(sco("who-met", "Norov", "--json").stdout)
    assert [(r["date"], r["place"]) for r in rows] == [("2020-03-06", "Vienna")]


def test_error_messages_are_sanitised_too(sco, hostile_index):
    result = sco("show", "bad\x1b]0;x\x07id")
    assert result.exit_code == 2
    assert not FORBIDDEN.search(result.stderr)


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_index_status_cleans_folder_names_from_disk(sco, tmp_path, flag):
    folder = tmp_path / "evil\x1b]0;owned\x07\u202etxt.exe"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nSome text.\n")
    assert sco("index", "build", str(folder)).exit_code == 0
    result = sco("index", "status", *flag)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert str(tmp_path / "eviltxt.exe") in result.stdout
