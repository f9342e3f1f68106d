"""TAB completion: the shipped scripts, the command table, and real bash, zsh and fish."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sco_cli import complete
from sco_cli.cli import app
from conftest import ROOT

COMPLETIONS = ROOT / "completions"


@pytest.mark.parametrize("shell", complete.SHELLS)
def test_shipped_scripts_match_the_generated_ones(sco, shell):
    result = sco("completion", shell)
    assert result.exit_code == 0
    committed = (COMPLETIONS / complete.FILE_NAMES[shell]).read_text(encoding="utf-8")
    assert result.stdout == committed, f"run: sco completion {shell} > completions/{complete.FILE_NAMES[shell]}"


def _typer_tree():
    """{command path: set of option names} read from the Typer app itself."""
    import typer.main

    tree = {}

    def walk(cmd, path):
        options = {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts) if opt.startswith("-")}
        tree[path] = options | {"-h", "--help"}  # help_option_names, from the app's context_settings
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, path + (name,))

    walk(typer.main.get_command(app), ())
    return tree


def test_the_completion_table_matches_the_app():
    tree = _typer_tree()
    assert set(tree) == set(complete.COMMANDS)
    for path, options in tree.items():
        assert set(complete.COMMANDS[path][0]) == options, path
    import typer.main

    group = typer.main.get_command(app)
    assert set(complete.SUBCOMMANDS[()]) == set(group.commands)


@pytest.mark.parametrize(
    "words, expected",
    [
        (["wh"], ["who-met"]),
        ([""], ["search", "timeline", "who-met", "agreements", "docs", "show", "index", "completion"]),
        (["index", ""], ["build", "add", "status", "check", "remove"]),
        (["who-met", "Nor"], ["Norov"]),
        (["who-met", "vla"], ["Vladimir Norov"]),
        (["who-met", "\"Vladimir N"], ["Vladimir Norov"]),  # as bash hands over an opened quote
        (["who-met", "Vladimir\\ N"], ["Vladimir Norov"]),  # and escaped spaces
        (["who-met", "--with", "'vladimir norov'", "--place", ""], ["Astana", "New York", "Tashkent", "Vienna"]),
        (["who-met", "--with", "Gu"], ["Guterres"]),
        (["timeline", "--person", "Men"], ["Menier"]),
        (["agreements", "--party", "Inter"], ["International Criminal Police Organisation", "Interpol"]),
        (["who-met", "--place", "Vi"], ["Vienna"]),
        (["who-met", "--meeting-format", ""], ["in-person", "video", "phone"]),
        (["agreements", "--kind", "me"], ["memorandum"]),
        (["agreements", "--kind=dec"], ["--kind=declaration"]),
        (["search", "--fo"], ["--format"]),
        (["search", "--format", "j"], ["json", "jsonl"]),
        (["show", "002"], ["002_aed5472ea71f6ab3"]),
        (["completion", "z"], ["zsh"]),
        (["search", "--limit", ""], []),
    ],
)
def test_complete(seeds_index, words, expected):
    assert complete.complete(words) == expected


def test_complete_uses_the_index_dir_given_on_the_line(seeds_index, tmp_path, monkeypatch):
    monkeypatch.setenv("SCO_INDEX_DIR", str(tmp_path / "elsewhere"))
    assert complete.complete(["who-met", "Nor"]) == []
    assert complete.complete(["--index-dir", str(seeds_index), "who-met", "Nor"]) == ["Norov"]


def test_complete_paths(tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "a.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert complete.complete(["index", "build", ""]) == ["a.txt", "articles/"]
    assert complete.complete(["index", "build", f"{tmp_path}/ar"]) == [f"{tmp_path}/articles/"]


def test_complete_without_index_offers_no_names(isolated):
    assert complete.complete(["who-met", "N"]) == []


def test_completion_imports_no_heavy_module():
    code = ("import sys, sco_cli.entry, sco_cli.complete; sco_cli.complete.complete(['who-met', 'N']); "
            "print(sorted(m for m in ('typer', 'rich', 'whoosh', 'dateutil') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---- real shells --------------------------------------------------------------------------------


def _shell(name):
    path = shutil.which(name)
    if path is None:
        if os.environ.get("SCO_REQUIRE_SHELLS"):
            pytest.fail(f"{name} is not installed")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture
def shell_env(seeds_index):
    sco = shutil.which("sco", path=os.path.dirname(sys.executable))
    if sco is None:
        pytest.skip("sco is not installed beside this Python")
    return {**os.environ, "PATH": f"{os.path.dirname(sco)}:{os.environ.get('PATH', '')}",
            "SCO_INDEX_DIR": str(seeds_index)}


def _run(cmd, env):
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=30).stdout.splitlines()


def test_bash(shell_env):
    bash = _shell("bash")
    script = COMPLETIONS / "sco.bash"
    probe = (f"source {script}; "
             "COMP_WORDS=(sco wh); COMP_CWORD=1; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"; "
             "COMP_WORDS=(sco who-met Nor); COMP_CWORD=2; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"; "
             "COMP_WORDS=(sco who-met Vla); COMP_CWORD=2; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"; "
             # bash splits "--format=j" at the "=" (COMP_WORDBREAKS)
             "COMP_WORDS=(sco search --format = j); COMP_CWORD=4; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"; "
             # a name typed in an opened quote or with escaped spaces: bash hands the word over as typed
             "COMP_WORDS=(sco who-met '\"Vla'); COMP_CWORD=2; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"; "
             "COMP_WORDS=(sco who-met 'Vladimir\\ N'); COMP_CWORD=2; _sco_completion; printf '%s\\n' \"${COMPREPLY[@]}\"")
    assert _run([bash, "--norc", "-c", probe], shell_env) == ["who-met", "Norov", "Vladimir\\ Norov", "json", "jsonl",
                                                               "Vladimir Norov", "Vladimir\\ Norov"]


def test_zsh(shell_env):
    zsh = _shell("zsh")
    script = COMPLETIONS / "_sco"
    # compadd and compdef are zsh's completion builtins; stand-ins print what the script offers
    # (-U is required: without it zsh filters the folded matches by the typed case, "nor" -> none)
    # (-d names the array of what the menu shows: the candidate and its summary)
    probe = ("compdef() { :; }; compadd() { [[ $1 == -U ]] || return 1; local _d; "
             "while [[ $1 != -- ]]; do [[ $1 == -d ]] && { shift; _d=$1; }; shift; done; shift; "
             "print -l -- \"$@\" \"${(@P)_d}\"; }; "
             f"source {script}; "
             "words=(sco wh); CURRENT=2; _sco; words=(sco who-met Nor); CURRENT=3; _sco; "
             "words=(sco who-met nor); CURRENT=3; _sco; words=(sco who-met '\"Vla'); CURRENT=3; _sco; "
             "words=(sco index s); CURRENT=3; _sco")
    assert _run([zsh, "-f", "-c", probe], shell_env) == [
        "who-met", "who-met  -- Who met whom, when, where and how.", "Norov", "Norov", "Norov", "Norov",
        "Vladimir Norov", "Vladimir Norov",
        "status", "status  -- Where the index is and what it holds."]


def test_fish(shell_env):
    fish = _shell("fish")
    script = COMPLETIONS / "sco.fish"
    probe = (f"source {script}; complete -C 'sco wh'; complete -C 'sco who-met Nor'; "
             "complete -C 'sco who-met \"vla'; complete -C 'sco who-met Vladimir\\ N'")
    assert _run([fish, "--no-config", "-c", probe], shell_env) == [
        "who-met\tWho met whom, when, where and how.", "Norov", "Vladimir Norov", "Vladimir Norov"]


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("", ["Abe", "Jenča", "Jürgen Stock", "Norov", "Stock", "Vladimir Norov", "Zed"]),
        ("a", ["Abe"]),
        ("je", ["Jenča"]),
        ("JU", ["Jürgen Stock"]),
        ("jurgen", ["Jürgen Stock"]),
        ("s", ["Stock"]),
        ("zz", []),
        ("0", []),
    ],
)
def test_completion_files_are_searched_by_bisection(tmp_path, prefix, expected):
    from sco_cli.paths import complete_from, write_completion_files

    gen = tmp_path / "gen-1"
    gen.mkdir()
    (tmp_path / "CURRENT").write_text("gen-1\n")
    write_completion_files(gen, {"people": ["Vladimir Norov", "Jürgen Stock", "Jenča", "Abe", "Zed"]})
    assert complete_from(tmp_path, "people", prefix) == expected
    assert complete_from(tmp_path, "places", prefix) == []
