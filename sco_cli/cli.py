"""The Typer app. Each command parses its options, calls one library function, and hands the result
to `output.emit`; domain errors become a one-line message, a hint and a documented exit code.
"""
from __future__ import annotations

import errno
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Iterator, List, Optional

import typer
from typer.core import TyperGroup


from sco_cli import __version__
from sco_cli.complete import SUMMARIES
from sco_cli.errors import ScoError, UsageError
from sco_cli import jsonrows, output
from sco_cli.output import Environment, OutputFormat


class ExitStatus(IntEnum):
    """The exit-code contract (README, `sco --help`)."""

    OK = 0
    NO_MATCH = 1
    USAGE = 2
    INDEX = 3


EXIT_CODES_HELP = (
    "Exit codes: 0 results printed; 1 nothing matched; 2 usage error, bad query or bad date; "
    "3 index missing, corrupt, locked or from another version."
)

# What Ctrl-C prints, wherever it lands (exit 130, as shells expect).
INTERRUPTED = "sco: interrupted"

# Options of `sco` itself that may also be written after the command, as users do with gh and git.
GLOBAL_VALUE_OPTIONS = ("--index-dir",)


def global_options_first(args: list[str]) -> list[str]:
    """`sco who-met Norov --index-dir X` read as `sco --index-dir X who-met Norov` (an "--"
    ends the options: what follows is left alone)."""
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
    return front + rest


class _OneLineErrors(TyperGroup):
    """The app's Click group: a usage error (unknown option, bad value, missing argument) is one
    line and a hint on stderr, exit 2, like every other sco error; Click's own is four lines."""

    def main(self, args=None, *rest, standalone_mode: bool = True, **kwargs):
        from typer._click.exceptions import Abort, ClickException, NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError

        args = (global_options_first(list(sys.argv[1:] if args is None else args)), *rest)
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except NoArgsIsHelpError as err:  # `sco` or `sco index` alone: the help, as Click shows it
            err.show()
            sys.exit(err.exit_code)
        except ClickException as err:
            sys.stderr.write(f"sco: {' '.join(err.format_message().split())}\n")
            if isinstance(err, ClickUsageError) and err.ctx is not None:
                sys.stderr.write(f"hint: see {err.ctx.command_path} --help\n")
            sys.exit(err.exit_code)
        except Abort:
            sys.stderr.write(INTERRUPTED + "\n")
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)  # an Exit's code comes back as the result


app = typer.Typer(
    name="sco",
    cls=_OneLineErrors,
    help=f"Search and question news about the Shanghai Cooperation Organisation.\n\n"
    f"Example: sco search \"Paris Pact\"\n\n{EXIT_CODES_HELP}",
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # the shipped scripts in completions/ (`sco completion SHELL`) are the completion; Typer's
    # --install-completion would overwrite them with a slower one and edit the shell's rc file
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
index_app = typer.Typer(
    help=f"{SUMMARIES[('index',)]}\n\nExample: sco index build ~/articles",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(index_app, name="index")


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


def _say(env: Environment, message: str) -> None:
    from sco_cli.safety import clean_line

    env.stderr.write(clean_line(message) + "\n")
    env.stderr.flush()


def _silence_stdout() -> None:
    """After the reader of a pipe went away: send what is still buffered nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test runner's buffer)
        pass


@contextmanager
def reported(env: Environment) -> Iterator[None]:
    """Turn a domain error into `sco: message` + `hint: ...` on stderr and its exit code;
    end quietly with 0 when the reader of stdout goes away (`sco search x | head -1`)."""
    from typer._click.exceptions import ClickException

    try:
        yield
    except (typer.Exit, typer.Abort, ClickException):  # the app's own exits and usage errors
        raise
    except ScoError as err:
        _say(env, f"sco: {err}")
        if err.hint:
            _say(env, f"hint: {err.hint}")
        raise typer.Exit(err.exit_code) from None
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(ExitStatus.OK) from None
    except KeyboardInterrupt:  # Ctrl-C: a build in progress leaves the live index as it was
        _say(env, INTERRUPTED)
        raise typer.Exit(130) from None
    except OSError as exc:  # a full disk, a read-only or vanished folder, a file where a folder should be
        where = f"{exc.filename}: " if exc.filename else ""
        _say(env, f"sco: {where}{exc.strerror or exc}")
        _say(env, "hint: " + _OS_HINTS.get(exc.errno, "check the path and its permissions; "
                                                       "an index being written was left as it was"))
        raise typer.Exit(ExitStatus.INDEX) from None
    except Exception as exc:  # noqa: BLE001 - anything else from reading a damaged index
        if os.environ.get("SCO_DEBUG"):
            raise
        _say(env, f"sco: cannot read the index ({type(exc).__name__}: {exc})")
        _say(env, "hint: run sco index build PATH to rebuild it (SCO_DEBUG=1 shows the traceback)")
        raise typer.Exit(ExitStatus.INDEX) from None


# What to do about the file-system errors users meet (errno -> hint).
_OS_HINTS = {
    errno.ENOSPC: "free some disk space and run the command again; the live index was not changed",
    errno.EACCES: "check the folder's permissions, or point SCO_INDEX_DIR / --index-dir elsewhere",
    errno.EROFS: "the file system is read-only; point SCO_INDEX_DIR / --index-dir elsewhere",
    errno.ENOTDIR: "SCO_INDEX_DIR / --index-dir must name a folder, not a file",
    errno.EEXIST: "SCO_INDEX_DIR / --index-dir must name a folder, not a file",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sco {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    index_dir: Annotated[Optional[Path], typer.Option(
        "--index-dir", help="Index directory (default: $SCO_INDEX_DIR, else $XDG_DATA_HOME/sco).",
        file_okay=False, show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    from sco_cli.index import default_index_dir

    ctx.obj = State(index_dir or default_index_dir(), explicit=index_dir is not None)


# ---- shared options ----------------------------------------------------------------------------

JsonOpt = Annotated[bool, typer.Option("--json", help="Write a JSON array.")]
# `show` and `index status` answer with one record, so their --json writes one object
JsonObjectOpt = Annotated[bool, typer.Option("--json", help="Write a JSON object.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Write one JSON object per line.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Write CSV with a header row.")]
FormatOpt = Annotated[Optional[OutputFormat], typer.Option(
    "--format", help="Output format (default: table on a terminal, tsv on a pipe).",
    case_sensitive=False, show_default=False)]
ObjectFormatOpt = Annotated[Optional[OutputFormat], typer.Option(
    "--format", help="Output format (default: table; csv and tsv give one row).", case_sensitive=False,
    show_default=False)]
ObjectFieldsOpt = Annotated[Optional[str], typer.Option(
    "--fields", help="Only these fields, in this order (comma-separated JSON field names).", show_default=False)]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", "-n", min=0, help="Show at most N results (0: all).")]
FieldsOpt = Annotated[Optional[str], typer.Option(
    "--fields", help="Only these fields, in this order (comma-separated JSON field names), in every format.",
    show_default=False)]
SortOpt = Annotated[Optional[str], typer.Option("--sort", help="Order by this JSON field.", show_default=False)]
ReverseOpt = Annotated[bool, typer.Option("--reverse", help="Reverse the order.")]
FromOpt = Annotated[Optional[str], typer.Option(
    "--from", help="Only from this date on: 2019, 2019-03, 2019-03-14, 'March 2019', '14 March 2019'.",
    show_default=False)]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Only up to this date (same forms as --from).",
                                              show_default=False)]


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


def _field_names(fields: str | None) -> list[str]:
    return [f.strip() for f in (fields or "").split(",") if f.strip()]


def open_handle(ctx: typer.Context, env: Environment):
    from sco_cli.index import ensure_index

    state: State = ctx.obj
    return ensure_index(state.index_dir, explicit=state.explicit, note=lambda m: _say(env, m))


def date_bounds(date_from: str | None, date_to: str | None):
    from sco_cli.dateopts import parse_date_option

    lo = parse_date_option(date_from) if date_from is not None else None
    hi = parse_date_option(date_to) if date_to is not None else None
    if lo is not None and hi is not None and lo.bounds()[0] > hi.bounds()[1]:
        raise UsageError(f"--from {date_from} is after --to {date_to}", hint="swap the two dates")
    return lo, hi


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
        _say(env, f"sco: {nothing}")
        raise typer.Exit(ExitStatus.NO_MATCH)
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
    _say_cut(env, len(shown), total)


def finish_encoded(env: Environment, fmt: OutputFormat, lines: list[str], limit: int | None) -> None:
    """`finish` for rows encoded at build time, in the command's own order (no --sort or --fields)."""
    shown = lines[:limit] if limit else lines
    output.emit_encoded(env, fmt, shown)
    _say_cut(env, len(shown), len(lines))


def _say_cut(env: Environment, shown: int, total: int) -> None:
    """When items were left out, a terminal is told how many on stderr; a pipe is not."""
    if total > shown and env.stderr_isatty:
        _say(env, f"sco: showing {shown} of {total} (--limit 0 for all)")


# ---- commands -----------------------------------------------------------------------------------


@app.command(short_help=SUMMARIES[("search",)])
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words, \"phrases\", AND/OR/NOT, field:value (title, body).",
                                         show_default=False)],
    limit: LimitOpt = 10,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Ranked full-text search over the articles, with highlighted snippets.

    \b
    Examples:
      sco search "Paris Pact"
      sco search 'memorandum AND (UNODC OR Interpol)' --from 2019 --json
    \b
    JSON fields: rank, score, doc_id, title, date, date_precision, path, snippet.
    --from/--to keep articles whose main date overlaps the range.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        lo, hi = date_bounds(date_from, date_to)
        handle = open_handle(ctx, env)
        hits = q.search(handle, query, limit=limit or None, date_from=lo, date_to=hi)
        if not hits:
            better = q.suggest(handle, query)
            if better:
                _say(env, f"sco: did you mean: {better}")
        # the full count costs a second pass of the matcher: only a person at a terminal is told it
        cut = bool(limit) and len(hits) == limit and env.stderr_isatty
        total = q.count(handle, query, date_from=lo, date_to=hi) if cut else None
        finish(env, fmt_, hits, jsonrows.search_row, render.SEARCH_COLUMNS, f"no article matches {query!r}",
               Listing(None, fields, sort, reverse), total=total)


@app.command(short_help=SUMMARIES[("timeline",)])
def timeline(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(help="Only dates whose sentence matches this query.",
                                                   show_default=False)] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    person: Annotated[Optional[str], typer.Option("--person", help="Only articles where this person meets someone.",
                                                  show_default=False)] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="Only articles where this organisation takes part.",
                                               show_default=False)] = None,
    limit: LimitOpt = None,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    absolute: Annotated[bool, typer.Option("--absolute", help="Leave out relative dates (\"on Friday\", \"last year\").")] = False,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Every date the articles mention, in chronological order, at the precision written.

    \b
    Examples:
      sco timeline --from 2019 --to 2020
      sco timeline memorandum --json
      sco timeline --person Norov --from "March 2019"
    \b
    JSON fields: date, date_precision, end_date, mention, sentence, doc_id, title,
    relative, anchor, year_source. Dates are ISO cut to their precision (2019, 2019-03,
    2019-03-14); a range has an end_date. A relative date ("on Friday", "last year") is
    resolved against the article's date, given as its anchor; --absolute leaves them out. --from/--to keep dates whose interval overlaps the range: "March 2019"
    is kept by --from 2019-03-10.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        lo, hi = date_bounds(date_from, date_to)
        rows = q.timeline(open_handle(ctx, env), query, date_from=lo, date_to=hi, person=person, org=org,
                          absolute=absolute)
        # the entries' strings are clean: the timeline column reads them with safety.loads_clean
        finish(env, fmt_, rows, jsonrows.timeline_row, render.TIMELINE_COLUMNS, "no dates match",
               Listing(limit, fields, sort, reverse), clean=False)


class MeetingFormat(str, Enum):
    in_person = "in-person"
    video = "video"
    phone = "phone"


@app.command("who-met", short_help=SUMMARIES[("who-met",)])
def who_met(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Argument(
        help="A participant: full name, surname or alias (Norov, Guterres, UNODC).", show_default=False)] = None,
    with_: Annotated[Optional[str], typer.Option("--with", help="Another participant of the same meeting.",
                                                 show_default=False)] = None,
    org: Annotated[Optional[str], typer.Option("--org", help="A participant's organisation or its acronym.",
                                               show_default=False)] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="The city where they met.",
                                                 show_default=False)] = None,
    meeting_format: Annotated[Optional[MeetingFormat], typer.Option(
        "--meeting-format", help="in-person, video or phone.", case_sensitive=False, show_default=False)] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    include_planned: Annotated[bool, typer.Option("--include-planned",
                                                  help="Also list announced or planned meetings.")] = False,
    limit: LimitOpt = None,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Who met whom, when, where and how (in person, by video, by phone).

    \b
    Examples:
      sco who-met Norov
      sco who-met --with Guterres --json | jq '.[].participants'
      sco who-met --org UNODC --meeting-format video --from 2020
    \b
    JSON fields: id, date, date_precision, participants [{name, role, organization}],
    place, format, doc_id, title, evidence.
    Names match case- and accent-insensitively by full name, part of it or alias.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        lo, hi = date_bounds(date_from, date_to)
        handle = open_handle(ctx, env)
        conditions = dict(with_=with_, org=org, place=place, date_from=lo, date_to=hi,
                          meeting_format=meeting_format.value if meeting_format else None,
                          include_planned=include_planned)
        if not (fields or sort or reverse) and output.writes_encoded(env, fmt_):
            lines = q.who_met_lines(handle, name, **conditions)
            if lines:  # as JSON, in the command's order: the rows stored at build time are printed
                return finish_encoded(env, fmt_, lines, limit)
        rows = q.who_met(handle, name, **conditions)
        # the records' strings are clean: query reads them with safety.loads_clean
        finish(env, fmt_, rows, jsonrows.meeting_row, render.MEETING_COLUMNS, "no meetings match",
               Listing(limit, fields, sort, reverse), clean=False)


def _kind_names() -> list[str]:
    from sco_cli.lexicon import default_lexicon

    return list(default_lexicon().kinds)


def _check_kind(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from sco_cli.lexicon import default_lexicon

    # any word data/agreement_kinds.txt maps to a kind: "MoU", "memoranda", "communique"
    kind = default_lexicon().agreement_kinds.get(" ".join(value.replace("_", " ").lower().split()))
    if kind is None:
        raise typer.BadParameter(f"{value!r} is not a kind; use one of: {', '.join(_kind_names())}")
    return kind


def _complete_kind(incomplete: str) -> list[str]:
    return [k for k in _kind_names() if k.startswith(incomplete.lower())]


@app.command(short_help=SUMMARIES[("agreements",)])
def agreements(
    ctx: typer.Context,
    query: Annotated[Optional[str], typer.Argument(help="Only instruments whose title or evidence matches.",
                                                   show_default=False)] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="A party: organisation, state or acronym.",
                                                 show_default=False)] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="memorandum, declaration, resolution, ...",
                                                callback=_check_kind, autocompletion=_complete_kind,
                                                show_default=False)] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: LimitOpt = None,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Memoranda, declarations, resolutions and other instruments, one record per instrument.

    \b
    Examples:
      sco agreements --party UNODC
      sco agreements --kind memorandum --from 2010 --json
    \b
    JSON fields: id, title, kind, parties, date, date_precision, place,
    mentions [{doc_id, evidence}].
    Kinds: memorandum, declaration, resolution, statement, agreement, treaty,
    convention, charter, strategy, plan, programme, protocol.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        lo, hi = date_bounds(date_from, date_to)
        handle = open_handle(ctx, env)
        every = not (query or party or kind or lo or hi or fields or sort or reverse)
        lines = q.agreement_lines(handle) if every and output.writes_encoded(env, fmt_) else None
        if lines:  # every instrument, as JSON: the rows written at build time are copied
            return finish_encoded(env, fmt_, lines, limit)
        rows = q.agreements(handle, query, party=party, kind=kind, date_from=lo, date_to=hi)
        # the records' strings are clean: instruments.load reads them with safety.loads_clean
        finish(env, fmt_, rows, jsonrows.agreement_row, render.AGREEMENT_COLUMNS, "no agreements match",
               Listing(limit, fields, sort, reverse), clean=False)


@app.command(short_help=SUMMARIES[("docs",)])
def docs(
    ctx: typer.Context,
    limit: LimitOpt = None,
    fields: FieldsOpt = None,
    sort: SortOpt = None,
    reverse: ReverseOpt = False,
    json_: JsonOpt = False,
    jsonl: JsonlOpt = False,
    csv_: CsvOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """List the indexed articles with their main date and length.

    \b
    Example:
      sco docs --json
    \b
    JSON fields: doc_id, title, date, date_precision, path, words.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        fmt_ = output_format(env, json_, jsonl, csv_, fmt)
        rows = q.docs(open_handle(ctx, env))
        finish(env, fmt_, rows, jsonrows.doc_row, render.DOC_COLUMNS, "the index is empty",
               Listing(limit, fields, sort, reverse))


@app.command(short_help=SUMMARIES[("show",)])
def show(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="A document id, as listed by sco docs.", show_default=False)],
    json_: JsonObjectOpt = False,
    fmt: ObjectFormatOpt = None,
    fields: ObjectFieldsOpt = None,
) -> None:
    """Show one article: headline, date, path, body, and what was extracted from it.

    \b
    Example:
      sco show 000_696adcf27fd638ed
    \b
    JSON fields: doc_id, title, date, date_precision, path, words, body, dates (each
    with relative, anchor, year_source), year_evidence, people, meetings, agreements.
    """
    from sco_cli import query as q
    from sco_cli import render

    env = environment()
    with reported(env):
        handle = open_handle(ctx, env)
        view = q.show(handle, doc_id)
        if view is None:
            raise UsageError(f"no document {doc_id!r} in the index", hint="sco docs lists the document ids")
        chosen = object_format(json_, fmt)
        parts = render.show_renderables(view) if chosen is OutputFormat.table and not fields else []
        output.emit_one(env, chosen, jsonrows.show_row(view), _field_names(fields), parts)


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


@app.command(short_help=SUMMARIES[("completion",)])
def completion(shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", show_default=False)]) -> None:
    """Print the TAB-completion script for a shell (the same files ship in completions/).

    \b
    Examples:
      sco completion bash > ~/.local/share/bash-completion/completions/sco
      sco completion zsh > ~/.zfunc/_sco
      sco completion fish > ~/.config/fish/completions/sco.fish
    """
    from sco_cli.complete import script

    sys.stdout.write(script(shell.value))


# ---- index --------------------------------------------------------------------------------------

PathsArg = Annotated[List[Path], typer.Argument(help="Article files (.txt) or folders of them.",
                                                show_default=False)]
WaitOpt = Annotated[float, typer.Option("--wait", min=0, help="Wait up to SECONDS for another writer.")]


AllowEmptyOpt = Annotated[bool, typer.Option("--allow-empty",
                                              help="Build even when a path is missing or no article is found.")]


def _run_build(ctx: typer.Context, paths: List[Path], wait: float, add: bool, allow_empty: bool = False) -> None:
    from sco_cli import index

    env = environment()
    state: State = ctx.obj
    with reported(env):
        with _progress(env) as progress:
            report = index.build(state.index_dir, [str(p) for p in paths], add=add, wait=wait,
                                 progress=progress, on_problem=lambda p: _say(env, f"sco: warning: {p}"),
                                 allow_empty=allow_empty)
        facts = ", ".join(f"{n} {k}s" for k, n in report.facts.items())
        verb = "added" if add else "indexed"
        extra = f" ({report.updated} updated, {report.unchanged} unchanged)" if add else ""
        _say(env, f"sco: {verb} {report.added + report.updated if add else report.added} articles{extra} "
                  f"in {report.seconds:.1f}s; the index holds {report.documents} articles and {facts}")


@contextmanager
def _progress(env: Environment):
    """A Rich progress bar on a terminal's stderr; nothing at all on a pipe."""
    if not env.stderr_isatty:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn(),
                  console=env.console(stderr=True), transient=True) as bar:
        task = bar.add_task("index", total=None, rate="-")
        start = [None]

        def update(done: int, total: int) -> None:
            import time

            start[0] = start[0] or time.monotonic()
            elapsed = max(time.monotonic() - start[0], 1e-6)
            bar.update(task, completed=done, total=total, rate=f"{done / elapsed:.0f}")

        yield update


@index_app.command("build", short_help=SUMMARIES[("index", "build")])
def index_build(ctx: typer.Context, paths: PathsArg, wait: WaitOpt = 0.0, allow_empty: AllowEmptyOpt = False) -> None:
    """Build a fresh index of exactly these files and folders, then swap it in.

    A missing path, or no article at all, is refused (exit 2) and the index is left as it was,
    unless --allow-empty is given.

    \b
    Example:
      sco index build ~/articles/sco extra-article.txt
    """
    _run_build(ctx, paths, wait, add=False, allow_empty=allow_empty)


@index_app.command("add", short_help=SUMMARIES[("index", "add")])
def index_add(ctx: typer.Context, paths: PathsArg, wait: WaitOpt = 0.0) -> None:
    """Add new articles to the index and re-index changed ones (by content hash). A missing path
    is refused (exit 2) and nothing is added.

    \b
    Example:
      sco index add ~/articles/new
    """
    _run_build(ctx, paths, wait, add=True)


@index_app.command("status", short_help=SUMMARIES[("index", "status")])
def index_status(ctx: typer.Context, json_: JsonObjectOpt = False, fmt: ObjectFormatOpt = None,
                 fields: ObjectFieldsOpt = None) -> None:
    """Say where the index is, what it holds, how big it is, when and by what it was built.

    \b
    Example:
      sco index status --json
    \b
    JSON fields: location, documents, facts, size_bytes, built_at, sco_version,
    schema_version, extraction_version, sources.
    """
    from sco_cli import index, render

    env = environment()
    state: State = ctx.obj
    with reported(env):
        status = index.status(state.index_dir)
        chosen = object_format(json_, fmt)
        output.emit_one(env, chosen, jsonrows.status_row(status), _field_names(fields), render.status_lines(status))


@index_app.command("check", short_help=SUMMARIES[("index", "check")])
def index_check(ctx: typer.Context) -> None:
    """Verify every file of the index against the digests recorded when it was built, then read
    it the way queries do. Says what is wrong and exits 3 when anything is.

    \b
    Example:
      sco index check
    """
    from sco_cli import index

    env = environment()
    state: State = ctx.obj
    with reported(env):
        gen, problems = index.check(state.index_dir)
        if not problems:
            env.stdout.write(f"ok: every file of {gen} is as sco wrote it\n")
            return
        for problem in problems:
            _say(env, f"sco: {gen.name}: {problem}")
        _say(env, f"hint: rebuild it: sco --index-dir {state.index_dir} index build PATH")
        raise typer.Exit(ExitStatus.INDEX)


@index_app.command("remove", short_help=SUMMARIES[("index", "remove")])
def index_remove(
    ctx: typer.Context,
    doc_ids: Annotated[List[str], typer.Argument(help="Ids of the articles to remove (see sco docs).",
                                                 show_default=False)],
    wait: WaitOpt = 0.0,
) -> None:
    """Remove articles from the index (a new generation without them is swapped in). An id the
    index does not hold is refused (exit 2) and nothing is removed.

    \b
    Example:
      sco index remove 001_old_dispatch
    """
    from sco_cli import index

    env = environment()
    state: State = ctx.obj
    with reported(env):
        report = index.remove(state.index_dir, doc_ids, wait=wait)
        facts = ", ".join(f"{n} {k}s" for k, n in report.facts.items())
        _say(env, f"sco: removed {len(set(doc_ids))} articles; the index holds {report.documents} articles and {facts}")


def _tolerate_narrow_encodings() -> None:
    """On a stream that cannot encode all of Unicode (PYTHONIOENCODING=ascii, a C locale), print
    what it cannot as '?' rather than end in a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf16", "utf32") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main() -> None:
    """The console script: run the app, and end quietly when the reader of a pipe goes away."""
    _tolerate_narrow_encodings()
    try:
        app(prog_name="sco")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.OK)
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED + "\n")
        sys.exit(130)
