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
    ("show",): ({"--json": None, **_HELP}, "documents"),
    ("index",): ({**_HELP}, "commands"),
    ("index", "build"): ({"--wait": "", "--allow-empty": None, **_HELP}, "paths"),
    ("index", "add"): ({"--wait": "", **_HELP}, "paths"),
    ("index", "status"): ({"--json": None, **_HELP}, None),
    ("index", "check"): ({**_HELP}, None),
    ("index", "remove"): ({"--wait": "", **_HELP}, "documents"),
    ("completion",): ({**_HELP}, "shells"),
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


def complete(words: list[str]) -> list[str]:
    """Candidates for the last of `words` (the words after `sco`; the last may be empty)."""
    *done, current = words or [""]
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
        return _values(options.get(waiting_for), current, node, index_dir)
    if current.startswith("-"):
        name, has_value, value = current.partition("=")
        if has_value and options.get(name):
            return [f"{name}={v}" for v in _values(options[name], value, node, index_dir)]
        return [o for o in options if o.startswith(current)]
    return _values(positional, current, node, index_dir)


def main(argv: list[str] | None = None) -> int:
    """Print the candidates, one per line. Never fails loudly: TAB must not print tracebacks."""
    try:
        for candidate in complete(list(sys.argv[1:] if argv is None else argv)):
            sys.stdout.write(candidate + "\n")
    except Exception:  # a broken vocabulary file or an odd word: no candidates, no noise
        return 0
    return 0


_BASH = """\
# bash completion for sco. Generated by `sco completion bash`; install with
#   cp sco.bash ~/.local/share/bash-completion/completions/sco
_sco_completion() {
    local IFS=$'\\n' candidate
    COMPREPLY=()
    for candidate in $(_SCO_FAST_COMPLETE=1 "${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null); do
        COMPREPLY+=("$(printf '%q' "$candidate")")
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
    local -a candidates
    candidates=("${(@f)$(_SCO_FAST_COMPLETE=1 ${words[1]} "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    candidates=(${candidates:#})
    # -U: the candidates already match what was typed, ignoring case and accents ("nor" -> Norov)
    (( ${#candidates} )) && compadd -U -- "${candidates[@]}"
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
    env _SCO_FAST_COMPLETE=1 sco $tokens (commandline -ct) 2>/dev/null
end
complete -c sco -f -a '(__sco_complete)'
"""

SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}
FILE_NAMES = {"bash": "sco.bash", "zsh": "_sco", "fish": "sco.fish"}


def script(shell: str) -> str:
    return SCRIPTS[shell]
