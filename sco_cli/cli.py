"""The Typer app. Each command parses its options, calls one library function, and hands the result
to `output.emit`; domain errors become a one-line message, a hint and a documented exit code
(`commands.reported`). The bodies of the questions, `docs` and `show` live in `commands`, which
also answers them without Typer.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from typer.core import TyperGroup


from sco_cli import __version__, commands
from sco_cli.commands import (
    INTERRUPTED,
    ExitStatus,
    State,
    field_names,
    global_options_first,
    object_format,
    reported,
    run_console,
    say,
)
from sco_cli.complete import SUMMARIES
from sco_cli import jsonrows, output
from sco_cli.output import Environment, OutputFormat


EXIT_CODES_HELP = (
    "Exit codes: 0 results printed; 1 nothing matched; 2 usage error, bad query or bad date; "
    "3 index missing, corrupt, locked or from another version."
)

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
    commands.search(ctx.obj, query, limit=limit, fields=fields, sort=sort, reverse=reverse, date_from=date_from,
                    date_to=date_to, json_=json_, jsonl=jsonl, csv_=csv_, fmt=fmt)


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
    commands.timeline(ctx.obj, query, date_from=date_from, date_to=date_to, person=person, org=org, limit=limit,
                      fields=fields, sort=sort, reverse=reverse, absolute=absolute, json_=json_, jsonl=jsonl,
                      csv_=csv_, fmt=fmt)


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
    commands.who_met(ctx.obj, name, with_=with_, org=org, place=place,
                     meeting_format=meeting_format.value if meeting_format else None, date_from=date_from,
                     date_to=date_to, include_planned=include_planned, limit=limit, fields=fields, sort=sort,
                     reverse=reverse, json_=json_, jsonl=jsonl, csv_=csv_, fmt=fmt)


def _kind_names() -> list[str]:
    from sco_cli.lexicon import default_lexicon

    return list(default_lexicon().kinds)


def _check_kind(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    kind = commands.agreement_kind(value)
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
    commands.agreements(ctx.obj, query, party=party, kind=kind, date_from=date_from, date_to=date_to, limit=limit,
                        fields=fields, sort=sort, reverse=reverse, json_=json_, jsonl=jsonl, csv_=csv_, fmt=fmt)


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
    commands.docs(ctx.obj, limit=limit, fields=fields, sort=sort, reverse=reverse, json_=json_, jsonl=jsonl,
                  csv_=csv_, fmt=fmt)


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
    commands.show(ctx.obj, doc_id, json_=json_, fmt=fmt, fields=fields)


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

    env = commands.environment()
    state: State = ctx.obj
    with reported(env):
        with _progress(env) as progress:
            report = index.build(state.index_dir, [str(p) for p in paths], add=add, wait=wait,
                                 progress=progress, on_problem=lambda p: say(env, f"sco: warning: {p}"),
                                 allow_empty=allow_empty)
        facts = ", ".join(f"{n} {k}s" for k, n in report.facts.items())
        verb = "added" if add else "indexed"
        extra = f" ({report.updated} updated, {report.unchanged} unchanged)" if add else ""
        say(env, f"sco: {verb} {report.added + report.updated if add else report.added} articles{extra} "
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

    env = commands.environment()
    state: State = ctx.obj
    with reported(env):
        status = index.status(state.index_dir)
        chosen = object_format(json_, fmt)
        output.emit_one(env, chosen, jsonrows.status_row(status), field_names(fields), render.status_lines(status))


@index_app.command("check", short_help=SUMMARIES[("index", "check")])
def index_check(ctx: typer.Context) -> None:
    """Verify every file of the index against the digests recorded when it was built, then read
    it the way queries do. Says what is wrong and exits 3 when anything is.

    \b
    Example:
      sco index check
    """
    from sco_cli import index

    env = commands.environment()
    state: State = ctx.obj
    with reported(env):
        gen, problems = index.check(state.index_dir)
        if not problems:
            env.stdout.write(f"ok: every file of {gen} is as sco wrote it\n")
            return
        for problem in problems:
            say(env, f"sco: {gen.name}: {problem}")
        say(env, f"hint: rebuild it: sco --index-dir {state.index_dir} index build PATH")
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

    env = commands.environment()
    state: State = ctx.obj
    with reported(env):
        report = index.remove(state.index_dir, doc_ids, wait=wait)
        facts = ", ".join(f"{n} {k}s" for k, n in report.facts.items())
        say(env, f"sco: removed {len(set(doc_ids))} articles; the index holds {report.documents} articles and {facts}")


def main() -> None:
    """The console script: run the app, and end quietly when the reader of a pipe goes away."""
    run_console(lambda: app(prog_name="sco"))
