"""TAB completion that answers in a few milliseconds.

The shell scripts in `completions/` (printed by `sco completion SHELL`) run
`_SCO_FAST_COMPLETE=1 sco WORD...` with the words typed so far, the last one incomplete.
`sco_cli.entry` sees the variable before anything heavy is imported and calls `main()` here,
which imports neither Typer nor Rich nor Whoosh: commands and options come from `COMMANDS`
below (a test checks them against the Typer app), names, organisations, places and document ids
from the sorted vocabulary files every index build writes, searched by bisection.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
MEETING_FORMATS = ("in-person", "video", "phone")
SHELLS = ("bash", "zsh", "fish")

_OUTPUT = {"--json": None, "--jsonl": None, "--csv": None, "--format": "formats"}
_HELP = {"-h": None, "--help": None}
_DATES = {"--from": "", "--to": ""}
_LIMIT = {"--limit": "", "-n": "", "--fields": "", "--sort": "", "--reverse": None}

# command path -> (options: name -> where its values come from ("" a free value, None a flag),
#                  where the positional arguments' values come from)
COMMANDS: dict[tuple[str, ...], tuple[dict[str, str | None], str | None]] = {
    (): ({"--index-dir": "paths", "--version": None, **_HELP}, "commands"),
    ("search",): ({**_LIMIT, **_DATES, **_OUTPUT, **_HELP}, None),
    ("timeline",): ({**_DATES, "--person": "people", "--org": "organizations", "--absolute": None, **_LIMIT,
                     **_OUTPUT, **_HELP}, None),
    ("who-met",): ({"--with": "people", "--org": "organizations", "--place": "places",
                    "--meeting-format": "meeting_formats", **_DATES, "--include-planned": None, **_LIMIT,
                    **_OUTPUT, **_HELP}, "people"),
    ("agreements",): ({"--party": "organizations", "--kind": "kinds", **_DATES, **_LIMIT, **_OUTPUT, **_HELP}, None),
    ("docs",): ({**_LIMIT, **_OUTPUT, **_HELP}, None),
    ("show",): ({"--json": None, "--format": "formats", "--fields": "", **_HELP}, "documents"),
    ("index",): ({**_HELP}, "commands"),
    ("index", "build"): ({"--wait": "", "--allow-empty": None, **_HELP}, "paths"),
    ("index", "add"): ({"--wait": "", **_HELP}, "paths"),
    ("index", "status"): ({"--json": None, "--format": "formats", "--fields": "", **_HELP}, None),
    ("index", "check"): ({**_HELP}, None),
    ("index", "remove"): ({"--wait": "", **_HELP}, "documents"),
    ("completion",): ({**_HELP}, "shells"),
}
# What each command does, in a line: `sco --help` shows these, and so does TAB in zsh and fish.
SUMMARIES: dict[tuple[str, ...], str] = {
    ("search",): "Ranked full-text search with snippets.",
    ("timeline",): "Every date the articles mention, in order.",
    ("who-met",): "Who met whom, when, where and how.",
    ("agreements",): "Memoranda, declarations and other instruments.",
    ("docs",): "The indexed articles.",
    ("show",): "One article and what was extracted from it.",
    ("index",): "Build, extend and inspect the index.",
    ("completion",): "Print the TAB-completion script for a shell.",
    ("index", "build"): "Build a fresh index of these files.",
    ("index", "add"): "Add new and changed articles.",
    ("index", "status"): "Where the index is and what it holds.",
    ("index", "check"): "Verify every file of the index.",
    ("index", "remove"): "Remove articles from the index.",
}
# the order `sco --help` lists them in
SUBCOMMANDS = {
    (): ("search", "timeline", "who-met", "agreements", "docs", "show", "index", "completion"),
    ("index",): ("build", "add", "status", "check", "remove"),
}


def _kinds() -> list[str]:
    path = Path(__file__).parent / "data" / "agreement_kinds.txt"
    kinds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            kinds.append(line.split()[0])
    return kinds


def _paths(prefix: str) -> list[str]:
    folder, slash, stem = prefix.rpartition("/")
    base = Path(folder or ("/" if slash else ".")).expanduser()
    try:
        entries = sorted(base.iterdir())
    except OSError:
        return []
    out = []
    for entry in entries:
        if entry.name.startswith(stem) and (stem.startswith(".") or not entry.name.startswith(".")):
            shown = f"{folder}{slash}{entry.name}"
            out.append(shown + "/" if entry.is_dir() else shown)
    return out


def _from_index(index_dir: str | None, source: str, prefix: str) -> list[str]:
    from sco_cli.paths import complete_from, default_index_dir

    return complete_from(Path(index_dir).expanduser() if index_dir else default_index_dir(), source, prefix)


def _values(source: str | None, prefix: str, node: tuple[str, ...], index_dir: str | None) -> list[str]:
    if not source:
        return []
    if source == "commands":
        found = list(SUBCOMMANDS.get(node, ()))
    elif source == "formats":
        found = list(FORMATS)
    elif source == "meeting_formats":
        found = list(MEETING_FORMATS)
    elif source == "shells":
        found = list(SHELLS)
    elif source == "kinds":
        found = _kinds()
    elif source == "paths":
        return _paths(prefix)
    else:
        return _from_index(index_dir, source, prefix)
    from sco_cli.paths import completion_key

    want = completion_key(prefix)
    return [value for value in found if completion_key(value).startswith(want)]


def unquote(word: str) -> str:
    """A word as the shell hands it over, before the shell has unquoted it: bash passes
    `"Vladimir N` and `Vladimir\\ N` as typed; both are `Vladimir N`."""
    if word[:1] in ("'", '"'):
        quote = word[0]
        word = word[1:]
        return word[:-1] if word.endswith(quote) else word
    return re.sub(r"\\(.)", r"\1", word)


def complete(words: list[str]) -> list[str]:
    """Candidates for the last of `words` (the words after `sco`; the last may be empty)."""
    return [candidate for candidate, _ in described(words)]


def described(words: list[str]) -> list[tuple[str, str | None]]:
    """(candidate, what it is) for the last of `words`: a command's summary, else None."""
    node, candidates = _candidates(words)
    return [(c, SUMMARIES.get(node + (c,))) for c in candidates]


def _candidates(words: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """The command the words have reached, and the candidates for the last word."""
    *done, current = [unquote(w) for w in words] or [""]
    node: tuple[str, ...] = ()
    index_dir = os.environ.get("SCO_INDEX_DIR")
    waiting_for: str | None = None  # the option whose value comes next
    for word in done:
        options, _ = COMMANDS[node]
        if word == "=" and waiting_for is not None:
            continue  # bash splits "--format=j" into "--format", "=", "j"
        if waiting_for is not None:
            if waiting_for == "--index-dir":
                index_dir = word
            waiting_for = None
            continue
        if word.startswith("-"):
            name, has_value, value = word.partition("=")
            if name == "--index-dir" and has_value:
                index_dir = value
            if options.get(name) is not None:
                waiting_for = None if has_value else name
            continue
        child = node + (word,)
        if child in COMMANDS and word in SUBCOMMANDS.get(node, ()):
            node = child
    options, positional = COMMANDS[node]
    if waiting_for is not None:
        current = "" if current == "=" else current
        return (), _values(options.get(waiting_for), current, node, index_dir)
    if current.startswith("-"):
        name, has_value, value = current.partition("=")
        if has_value and options.get(name):
            return (), [f"{name}={v}" for v in _values(options[name], value, node, index_dir)]
        return (), [o for o in options if o.startswith(current)]
    return node, _values(positional, current, node, index_dir)


def main(argv: list[str] | None = None) -> int:
    """Print the candidates, one per line. Never fails loudly: TAB must not print tracebacks."""
    describe = os.environ.get("_SCO_COMPLETE_DESCRIPTIONS") == "1"  # zsh and fish show them
    try:
        for candidate, summary in described(list(sys.argv[1:] if argv is None else argv)):
            sys.stdout.write(f"{candidate}\t{summary}\n" if describe and summary else candidate + "\n")
    except Exception:  # a broken vocabulary file or an odd word: no candidates, no noise
        return 0
    return 0


_BASH = """\
# bash completion for sco. Generated by `sco completion bash`; install with
#   cp sco.bash ~/.local/share/bash-completion/completions/sco
_sco_completion() {
    local IFS=$'\\n' candidate cur="${COMP_WORDS[COMP_CWORD]}"
    COMPREPLY=()
    for candidate in $(_SCO_FAST_COMPLETE=1 "${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null); do
        # inside an opened quote ("Vladimir N) a name goes in as it is; else its spaces are escaped
        if [[ $cur == [\\"\\']* ]]; then
            COMPREPLY+=("$candidate")
        else
            COMPREPLY+=("$(printf '%q' "$candidate")")
        fi
    done
    return 0
}
complete -o default -F _sco_completion sco
"""

_ZSH = """\
#compdef sco
# zsh completion for sco. Generated by `sco completion zsh`; install with
#   cp _sco ~/.zfunc/_sco   (with fpath+=(~/.zfunc) before compinit in ~/.zshrc)
_sco() {
    local -a lines candidates shown
    local line
    local -i width=0
    lines=("${(@f)$(_SCO_FAST_COMPLETE=1 _SCO_COMPLETE_DESCRIPTIONS=1 ${words[1]} "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    lines=(${lines:#})
    # "who-met<TAB>Who met whom ...": the candidate, and what the menu shows for it
    for line in "${lines[@]}"; do
        candidates+=("${line%%$'\\t'*}")
        (( ${#candidates[-1]} > width )) && width=${#candidates[-1]}
    done
    for line in "${lines[@]}"; do
        if [[ $line == *$'\\t'* ]]; then
            shown+=("${(r:width:)${line%%$'\\t'*}}  -- ${line#*$'\\t'}")
        else
            shown+=("$line")
        fi
    done
    # -U: the candidates already match what was typed, ignoring case and accents ("nor" -> Norov)
    (( ${#candidates} )) && compadd -U -l -d shown -- "${candidates[@]}"
}
if [[ "${funcstack[1]}" = "_sco" ]]; then
    _sco "$@"
else
    compdef _sco sco
fi
"""

_FISH = """\
# fish completion for sco. Generated by `sco completion fish`; install with
#   cp sco.fish ~/.config/fish/completions/sco.fish
function __sco_complete
    set -l tokens (commandline -opc)
    set -e tokens[1]
    env _SCO_FAST_COMPLETE=1 _SCO_COMPLETE_DESCRIPTIONS=1 sco $tokens (commandline -ct) 2>/dev/null
end
complete -c sco -f -a '(__sco_complete)'
"""

SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}
FILE_NAMES = {"bash": "sco.bash", "zsh": "_sco", "fish": "sco.fish"}


def script(shell: str) -> str:
    return SCRIPTS[shell]
