"""What a command does around its library call, without Typer: where output goes, how an error
ends (a line, a hint, an exit code), how a listing is cut and printed; and the four questions
(`search`, `timeline`, `who-met`, `agreements`) and the two read-only listings (`docs`,
`show`) as plain functions.

`cli.py` declares the command line with Typer and calls these functions. The questions are also
answered without Typer (`run_fast`, called by `sco_cli.entry`): importing Typer, its vendored
Click and this app, and building the command tree, took about 90 ms of a 290 ms search at 10,000
articles (benchmarks/RESULTS.md). `run_fast` reads only command lines it understands
completely, from `complete.COMMANDS` (the table TAB completes from, checked against the Typer
app by tests/test_commands.py) and `OPTION_PARAMS` below; anything else (help, a bad value, an
option it does not know) is left to Typer, which says what is wrong. tests/test_commands.py
proves both ways print the same bytes and exit with the same code.
"""
from __future__ import annotations

import errno
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Callable, Iterator, NoReturn

from sco_cli import jsonrows, output
from sco_cli.complete import COMMANDS, FORMATS, MEETING_FORMATS
from sco_cli.errors import ScoError, UsageError
from sco_cli.output import Environment, OutputFormat


class ExitStatus(IntEnum):
    """The exit-code contract (README, `sco --help`)."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    INDEX = 3


# What Ctrl-C prints, wherever it lands (exit 130, as shells expect).
INTERRUPTED = "sco: interrupted"


@dataclass
class State:
    index_dir: Path
    explicit: bool


def environment() -> Environment:
    """The real terminal; built per call so that test runners' swapped streams are honoured."""
    width = os.environ.get("COLUMNS")
    return Environment(
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdout_isatty=sys.stdout.isatty(),
        stderr_isatty=sys.stderr.isatty(),
        width=int(width) if width and width.isdigit() else None,
    )


def say(env: Environment, message: str) -> None:
    from sco_cli.safety import clean_line

    env.stderr.write(clean_line(message) + "\n")
    env.stderr.flush()


def silence_stdout() -> None:
    """After the reader of a pipe went away: send what is still buffered nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test runner's buffer)
        pass


def _is_typer_signal(exc: BaseException) -> bool:
    """An exit or usage error of Typer's (its Click is vendored as `typer._click`): never imported
    on the way without Typer, so none can be raised there."""
    click = sys.modules.get("typer._click.exceptions")
    return click is not None and isinstance(exc, (click.Exit, click.Abort, click.ClickException))


@contextmanager
def reported(env: Environment) -> Iterator[None]:
    """Turn a domain error into `sco: message` + `hint: ...` on stderr and its exit code;
    end quietly with 0 when the reader of stdout goes away (`sco search x | head -1`)."""
    try:
        yield
    except ScoError as err:
        say(env, f"sco: {err}")
        if err.hint:
            say(env, f"hint: {err.hint}")
        raise SystemExit(err.exit_code) from None
    except BrokenPipeError:
        silence_stdout()
        raise SystemExit(ExitStatus.OK) from None
    except KeyboardInterrupt:  # Ctrl-C: a build in progress leaves the live index as it was
        say(env, INTERRUPTED)
        raise SystemExit(130) from None
    except OSError as exc:  # a full disk, a read-only or vanished folder, a file where a folder should be
        where = f"{exc.filename}: " if exc.filename else ""
        say(env, f"sco: {where}{exc.strerror or exc}")
        say(env, "hint: " + _OS_HINTS.get(exc.errno, "check the path and its permissions; "
                                                      "an index being written was left as it was"))
        raise SystemExit(ExitStatus.INDEX) from None
    except Exception as exc:  # noqa: BLE001 - anything else from reading a damaged index
        if _is_typer_signal(exc) or os.environ.get("SCO_DEBUG"):
            raise
        say(env, f"sco: cannot read the index ({type(exc).__name__}: {exc})")
        say(env, "hint: run sco index build PATH to rebuild it (SCO_DEBUG=1 shows the traceback)")
        raise SystemExit(ExitStatus.INDEX) from None


# What to do about the file-system errors users meet (errno -> hint).
_OS_HINTS = {
    errno.ENOSPC: "free some disk space and run the command again; the live index was not changed",
    errno.EACCES: "check the folder's permissions, or point SCO_INDEX_DIR / --index-dir elsewhere",
    errno.EROFS: "the file system is read-only; point SCO_INDEX_DIR / --index-dir elsewhere",
    errno.ENOTDIR: "SCO_INDEX_DIR / --index-dir must name a folder, not a file",
    errno.EEXIST: "SCO_INDEX_DIR / --index-dir must name a folder, not a file",
}


def tolerate_narrow_encodings() -> None:
    """On a stream that cannot encode all of Unicode (PYTHONIOENCODING=ascii, a C locale), print
    what it cannot as '?' rather than end in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def run_console(run: Callable[[], object]) -> None:
    """The console script around `run`: end quietly when the reader of a pipe goes away, and
    with 130 on Ctrl-C."""
    tolerate_narrow_encodings()
    try:
        run()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitStatus.OK)
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.exit(130)


# Options of `sco` itself that may also be written after the command, as users do with gh and git.
GLOBAL_VALUE_OPTIONS = ("--index-dir",)


def split_global_options(args: list[str]) -> tuple[list[str], list[str]]:
    """(the options of `sco` itself in `args`, each with its value, wherever they are written
    before an "--"; the other words, in order; an option without a value stays among them)."""
    front, rest, i = [], [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front += args[i:i + 2]
            i += 2
            continue
        if arg.split("=", 1)[0] in GLOBAL_VALUE_OPTIONS and "=" in arg:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front, rest


def global_options_first(args: list[str]) -> list[str]:
    """`sco who-met Norov --index-dir X` read as `sco --index-dir X who-met Norov` (an "--"
    ends the options: what follows is left alone)."""
    front, rest = split_global_options(args)
    return front + rest


# ---- options every listing shares ----------------------------------------------------------------


def output_format(env: Environment, json_: bool, jsonl: bool, csv_: bool, fmt: OutputFormat | None) -> OutputFormat:
    chosen = [f for f, on in ((OutputFormat.json, json_), (OutputFormat.jsonl, jsonl),
                              (OutputFormat.csv, csv_), (fmt, fmt is not None)) if on]
    if len(set(chosen)) > 1:
        raise UsageError("choose one output format", hint="use only one of --json, --jsonl, --csv, --format")
    if chosen:
        return chosen[0]
    return OutputFormat.table if env.stdout_isatty else OutputFormat.tsv


def object_format(json_: bool, fmt: OutputFormat | None) -> OutputFormat:
    """`show` and `index status` print one object: a table (their readable form) unless told."""
    if json_ and fmt is not None and fmt is not OutputFormat.json:
        raise UsageError("choose one output format", hint="use only one of --json, --format")
    return OutputFormat.json if json_ else fmt or OutputFormat.table


def field_names(fields: str | None) -> list[str]:
    return [f.strip() for f in (fields or "").split(",") if f.strip()]


def date_bounds(date_from: str | None, date_to: str | None):
    from sco_cli.dateopts import parse_date_option

    lo = parse_date_option(date_from) if date_from is not None else None
    hi = parse_date_option(date_to) if date_to is not None else None
    if lo is not None and hi is not None and lo.bounds()[0] > hi.bounds()[1]:
        raise UsageError(f"--from {date_from} is after --to {date_to}", hint="swap the two dates")
    return lo, hi


def open_index(state: State, env: Environment):
    from sco_cli.index import ensure_index

    return ensure_index(state.index_dir, explicit=state.explicit, note=lambda m: say(env, m))


def agreement_kind(value: str) -> str | None:
    """The kind `value` names (any word data/agreement_kinds.txt maps to one: "MoU", "memoranda",
    "communique"), None when it names none."""
    from sco_cli.lexicon import default_lexicon

    return default_lexicon().agreement_kinds.get(" ".join(value.replace("_", " ").lower().split()))


@dataclass(frozen=True)
class Listing:
    """How a listing is cut and ordered: --limit, --fields, --sort, --reverse."""

    limit: int | None = None
    fields: str | None = None
    sort: str | None = None
    reverse: bool = False


def finish(env: Environment, fmt: OutputFormat, items: list, row, columns, nothing: str,
           listing: Listing = Listing(), *, total: int | None = None, clean: bool = True) -> None:
    """Print the items (sorted, reversed, cut to the limit, cut to the fields as asked), or say
    that nothing matched and exit 1. When items were left out, a terminal is told how many on
    stderr; a pipe is not."""
    from sco_cli import render

    if not items:
        if fmt is OutputFormat.json:
            env.stdout.write("[]\n")
        say(env, f"sco: {nothing}")
        raise SystemExit(ExitStatus.NO_MATCH)
    total = len(items) if total is None else total
    pairs = [(row(item), item) for item in items] if listing.sort or listing.fields else None
    if listing.sort:
        key = render.sort_key(listing.sort, list(pairs[0][0]))
        pairs.sort(key=lambda pair: key(pair[0]))  # stable: ties keep the command's own order
    order = list(reversed(pairs if pairs is not None else items)) if listing.reverse else (pairs or items)
    shown = order[:listing.limit] if listing.limit else order
    if listing.fields:
        wanted = [f.strip() for f in listing.fields.split(",") if f.strip()]
        rows = render.select_fields([r for r, _ in shown], wanted, list(pairs[0][0]))
        output.emit(env, fmt, rows, render.field_columns(wanted), rows, clean)
    elif pairs is not None:
        output.emit(env, fmt, [r for r, _ in shown], columns, [i for _, i in shown], clean)
    else:
        output.emit(env, fmt, [row(item) for item in shown], columns, shown, clean)
    say_cut(env, len(shown), total)


def finish_encoded(env: Environment, fmt: OutputFormat, lines: list[str], limit: int | None) -> None:
    """`finish` for rows encoded at build time, in the command's own order (no --sort or --fields)."""
    shown = lines[:limit] if limit else lines
    output.emit_encoded(env, fmt, shown)
    say_cut(env, len(shown), len(lines))


def say_cut(env: Environment, shown: int, total: int) -> None:
    """When items were left out, a terminal is told how many on stderr; a pipe is not."""
    if total > shown and env.stderr_isatty:
        say(env, f"sco: showing {shown} of {total} (--limit 0 for all)")


# ---- the questions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Asked:
    """What every question starts from: where output goes, in which format, the dates asked
    for (`PartialDate`s or None), and the open index."""

    env: Environment
    fmt: OutputFormat
    date_from: object
    date_to: object
    handle: object


@contextmanager
def _asked(state: State, date_from: str | None, date_to: str | None, json_: bool, jsonl: bool, csv_: bool,
           fmt: OutputFormat | None) -> Iterator[_Asked]:
    """A question's start, in the order its mistakes are told (format, dates, then the index),
    inside `reported`."""
    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        lo, hi = date_bounds(date_from, date_to)
        yield _Asked(env, fmt_, lo, hi, open_index(state, env))


def search(state: State, query: str, *, limit: int | None = 10, fields: str | None = None,
           sort: str | None = None, reverse: bool = False, date_from: str | None = None,
           date_to: str | None = None, json_: bool = False, jsonl: bool = False, csv_: bool = False,
           fmt: OutputFormat | None = None) -> None:
    from sco_cli import query as q
    from sco_cli import render

    with _asked(state, date_from, date_to, json_, jsonl, csv_, fmt) as asked:
        lo, hi = asked.date_from, asked.date_to
        hits = q.search(asked.handle, query, limit=limit or None, date_from=lo, date_to=hi)
        if not hits:
            better = q.suggest(asked.handle, query)
            if better:
                say(asked.env, f"sco: did you mean: {better}")
        # the full count costs a second pass of the matcher: only a person at a terminal is told it
        cut = bool(limit) and len(hits) == limit and asked.env.stderr_isatty
        total = q.count(asked.handle, query, date_from=lo, date_to=hi) if cut else None
        finish(asked.env, asked.fmt, hits, jsonrows.search_row, render.SEARCH_COLUMNS, f"no article matches {query!r}",
               Listing(None, fields, sort, reverse), total=total)


def timeline(state: State, query: str | None = None, *, date_from: str | None = None,
             date_to: str | None = None, person: str | None = None, org: str | None = None,
             limit: int | None = None, fields: str | None = None, sort: str | None = None,
             reverse: bool = False, absolute: bool = False, json_: bool = False, jsonl: bool = False,
             csv_: bool = False, fmt: OutputFormat | None = None) -> None:
    from sco_cli import query as q
    from sco_cli import render

    with _asked(state, date_from, date_to, json_, jsonl, csv_, fmt) as asked:
        conditions = dict(date_from=asked.date_from, date_to=asked.date_to, person=person, org=org, absolute=absolute)
        if not (fields or sort or reverse) and output.writes_encoded(asked.env, asked.fmt):
            lines = q.timeline_lines(asked.handle, query, **conditions)
            if lines:  # as JSON, in timeline order: the rows stored at build time are printed
                return finish_encoded(asked.env, asked.fmt, lines, limit)
        rows = q.timeline(asked.handle, query, **conditions)
        # the entries' strings are clean: the timeline column reads them with safety.loads_clean
        finish(asked.env, asked.fmt, rows, jsonrows.timeline_row, render.TIMELINE_COLUMNS, "no dates match",
               Listing(limit, fields, sort, reverse), clean=False)


def who_met(state: State, name: str | None = None, *, with_: str | None = None, org: str | None = None,
            place: str | None = None, meeting_format: str | None = None, date_from: str | None = None,
            date_to: str | None = None, include_planned: bool = False, limit: int | None = None,
            fields: str | None = None, sort: str | None = None, reverse: bool = False,
            json_: bool = False, jsonl: bool = False, csv_: bool = False,
            fmt: OutputFormat | None = None) -> None:
    from sco_cli import query as q
    from sco_cli import render

    with _asked(state, date_from, date_to, json_, jsonl, csv_, fmt) as asked:
        conditions = dict(with_=with_, org=org, place=place, date_from=asked.date_from, date_to=asked.date_to,
                          meeting_format=meeting_format, include_planned=include_planned)
        if not (fields or sort or reverse) and output.writes_encoded(asked.env, asked.fmt):
            lines = q.who_met_lines(asked.handle, name, **conditions)
            if lines:  # as JSON, in the command's order: the rows stored at build time are printed
                return finish_encoded(asked.env, asked.fmt, lines, limit)
        rows = q.who_met(asked.handle, name, **conditions)
        # the records' strings are clean: query reads them with safety.loads_clean
        finish(asked.env, asked.fmt, rows, jsonrows.meeting_row, render.MEETING_COLUMNS, "no meetings match",
               Listing(limit, fields, sort, reverse), clean=False)


def agreements(state: State, query: str | None = None, *, party: str | None = None, kind: str | None = None,
               date_from: str | None = None, date_to: str | None = None, limit: int | None = None,
               fields: str | None = None, sort: str | None = None, reverse: bool = False,
               json_: bool = False, jsonl: bool = False, csv_: bool = False,
               fmt: OutputFormat | None = None) -> None:
    """`kind` is a kind's own name (`agreement_kind` gives it for any word that names one)."""
    from sco_cli import query as q
    from sco_cli import render

    with _asked(state, date_from, date_to, json_, jsonl, csv_, fmt) as asked:
        lo, hi = asked.date_from, asked.date_to
        every = not (query or party or kind or lo or hi or fields or sort or reverse)
        lines = q.agreement_lines(asked.handle) if every and output.writes_encoded(asked.env, asked.fmt) else None
        if lines:  # every instrument, as JSON: the rows written at build time are copied
            return finish_encoded(asked.env, asked.fmt, lines, limit)
        rows = q.agreements(asked.handle, query, party=party, kind=kind, date_from=lo, date_to=hi)
        # the records' strings are clean: instruments.load reads them with safety.loads_clean
        finish(asked.env, asked.fmt, rows, jsonrows.agreement_row, render.AGREEMENT_COLUMNS, "no agreements match",
               Listing(limit, fields, sort, reverse), clean=False)


def docs(state: State, *, limit: int | None = None, fields: str | None = None, sort: str | None = None,
         reverse: bool = False, json_: bool = False, jsonl: bool = False, csv_: bool = False,
         fmt: OutputFormat | None = None) -> None:
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        rows = q.docs(open_index(state, env))
        finish(env, fmt_, rows, jsonrows.doc_row, render.DOC_COLUMNS, "the index is empty",
               Listing(limit, fields, sort, reverse))


def show(state: State, doc_id: str, *, json_: bool = False, fmt: OutputFormat | None = None,
         fields: str | None = None) -> None:
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        view = q.show(open_index(state, env), doc_id)
        if view is None:
            raise UsageError(f"no document {doc_id!r} in the index", hint="sco docs lists the document ids")
        chosen = object_format(json_, fmt)
        parts = render.show_renderables(view) if chosen is OutputFormat.table and not fields else []
        output.emit_one(env, chosen, jsonrows.show_row(view), field_names(fields), parts)


# ---- the questions without Typer -----------------------------------------------------------------

# option -> the keyword argument of the functions above it sets (Typer's parameter name)
OPTION_PARAMS = {
    "--limit": "limit", "-n": "limit", "--fields": "fields", "--sort": "sort", "--reverse": "reverse",
    "--from": "date_from", "--to": "date_to", "--json": "json_", "--jsonl": "jsonl", "--csv": "csv_",
    "--format": "fmt", "--person": "person", "--org": "org", "--absolute": "absolute", "--with": "with_",
    "--place": "place", "--meeting-format": "meeting_format", "--include-planned": "include_planned",
    "--party": "party", "--kind": "kind",
}
# command -> (function, its positional argument: "required", "optional" or None for none)
FAST_COMMANDS = {
    "search": (search, "required"),
    "timeline": (timeline, "optional"),
    "who-met": (who_met, "optional"),
    "agreements": (agreements, "optional"),
    "docs": (docs, None),
    "show": (show, "required"),
}
# options whose value is an integer of 0 or more, or one of a few words (as typed: other
# spellings, which Typer also takes, are left to it)
_COUNTS = {"--limit", "-n"}
_CHOICES = {"--format": FORMATS, "--meeting-format": MEETING_FORMATS}
_DIGITS = re.compile(r"[0-9]{1,9}")


def parse_fast(args: list[str]) -> tuple[Callable, State, tuple[str, ...], dict] | None:
    """(command function, state, positional arguments, keyword arguments) for a command line
    `run_fast` can answer exactly as Typer would, else None."""
    index_dir, args = _index_dir(args)
    if index_dir is False or not args or args[0] not in FAST_COMMANDS:
        return None
    function, takes = FAST_COMMANDS[args[0]]
    options, _ = COMMANDS[(args[0],)]
    positional, kwargs = [], {}
    words = iter(args[1:])
    for word in words:
        if not word.startswith("-"):
            positional.append(word)
            continue
        # `--opt=value` (Click reads `-n=5` as -n with the value "=5")
        name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in options or name in ("-h", "--help") or OPTION_PARAMS[name] in kwargs:
            return None
        if options[name] is None:  # a flag
            if eq:
                return None
            kwargs[OPTION_PARAMS[name]] = True
            continue
        if not eq:
            value = next(words, None)
        converted = _value(name, value)
        if converted is None:
            return None
        kwargs[OPTION_PARAMS[name]] = converted
    if len(positional) > (takes is not None) or takes == "required" and not positional:
        return None
    from sco_cli.paths import default_index_dir

    state = State(Path(index_dir) if index_dir else default_index_dir(), explicit=index_dir is not None)
    return function, state, tuple(positional), kwargs


def _value(option: str, value: str | None):
    """The option's value as Typer would pass it, or None for one left to Typer to judge."""
    if value is None or value.startswith("-") and value != "-":
        return None
    if option in _COUNTS:
        return int(value) if _DIGITS.fullmatch(value) else None
    if option in _CHOICES:
        return None if value not in _CHOICES[option] else (OutputFormat(value) if option == "--format" else value)
    if option == "--kind":
        return agreement_kind(value)
    return value


def _index_dir(args: list[str]) -> tuple[str | None | bool, list[str]]:
    """`--index-dir DIR` taken out of `args` (`split_global_options`); False when it is there in
    a form left to Typer (given twice, empty, naming a file, or an `--` on the line)."""
    if "--" in args:
        return False, args
    front, rest = split_global_options(args)
    words = iter(front)
    found = [next(words) if word == "--index-dir" else word.partition("=")[2] for word in words]
    if not found:
        return None, rest
    if len(found) > 1 or not found[0] or found[0].startswith("-") or Path(found[0]).is_file():
        return False, rest
    return found[0], rest


def run_fast(args: list[str]) -> None:
    """Answer a question without Typer when its command line is one `parse_fast` reads; return
    (having done nothing) when it is not."""
    parsed = parse_fast(args)
    if parsed is None:
        return
    function, state, positional, kwargs = parsed

    def run() -> NoReturn:
        function(state, *positional, **kwargs)
        sys.exit(ExitStatus.OK)

    run_console(run)
