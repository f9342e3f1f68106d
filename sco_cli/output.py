"""The one place output is written: every command, `show` and `index status` included.

`emit` decides between a Rich table, JSON, JSON Lines, CSV and TSV for a listing, `emit_one` for
a single object; `Environment` is where output goes (stdout, stderr, whether each is a terminal,
the width), built by the CLI from `sys` and pinned by tests. JSON is written with `json.dumps`,
never through Rich; rows and renderables come from `render.py`.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from enum import Enum
from typing import Any, Sequence, TextIO

from sco_cli.jsonrows import encode
from sco_cli.render import Column, field_columns, flat, select_fields, table
from sco_cli.safety import clean_tree


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


@dataclass(frozen=True)
class Environment:
    """Where output goes and what it is; the CLI builds one from sys, tests pin their own."""

    stdout: TextIO
    stderr: TextIO
    stdout_isatty: bool
    stderr_isatty: bool = False
    width: int | None = None

    def console(self, stderr: bool = False):
        from rich.console import Console

        color_system: str | None = "auto"
        force = None
        if os.environ.get("CLICOLOR_FORCE", "0") not in ("", "0") or os.environ.get("FORCE_COLOR"):
            force = True
        if os.environ.get("NO_COLOR") or os.environ.get("CLICOLOR") == "0":
            color_system = None
        console = Console(
            file=self.stderr if stderr else self.stdout,
            emoji=False,
            markup=False,
            highlight=False,
            force_terminal=force,
            color_system=color_system,
            width=self.width,
        )
        console.on_broken_pipe = _broken_pipe  # Rich would exit 1; the CLI decides instead
        return console


def _with_names(row: dict) -> dict:
    """A CSV/TSV row with its participants also as plain names ("Vladimir Norov; Jurgen Stock")
    in a `names` column right after them, for a spreadsheet's filter; the JSON keeps its fields."""
    people = row.get("participants")
    if not isinstance(people, list) or "names" in row:
        return row
    out = {}
    for key, value in row.items():
        out[key] = value
        if key == "participants":
            out["names"] = "; ".join(p.get("name") or "" for p in people if isinstance(p, dict))
    return out


def _broken_pipe() -> None:
    raise BrokenPipeError()


def json_array(lines: Sequence[str]) -> str:
    """Rows encoded one a line (`jsonrows.encode`) as the JSON array `--json` writes on a pipe."""
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def writes_encoded(env: Environment, fmt: OutputFormat) -> bool:
    """Whether `fmt` writes each row as `jsonrows.encode` does, so rows encoded ahead can be copied."""
    return fmt is OutputFormat.jsonl or fmt is OutputFormat.json and not env.stdout_isatty


def emit_encoded(env: Environment, fmt: OutputFormat, lines: Sequence[str]) -> None:
    """Rows encoded ahead, clean, in a format of `writes_encoded`: the output `emit` would write."""
    env.stdout.write(json_array(lines) if fmt is OutputFormat.json else "".join(line + "\n" for line in lines))
    env.stdout.flush()


def emit(env: Environment, fmt: OutputFormat, rows: list[dict], columns: Sequence[Column],
         items: Sequence[Any], clean: bool = True) -> None:
    """Write `rows` (JSON-ready) or `items` (as a table of `columns`) in format `fmt`; `clean`
    False for rows whose strings are clean already (`instruments.load` guarantees it)."""
    rows = clean_tree(rows) if clean else rows
    out = env.stdout
    if fmt is OutputFormat.json and env.stdout_isatty:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is OutputFormat.json:
        # on a pipe one object a line, as gh does: the same array, written by json's C encoder
        # (indentation takes its pure-Python path: 0.5 s for 20,000 agreements)
        out.write(json_array([encode(row) for row in rows]))
    elif fmt is OutputFormat.jsonl:
        for row in rows:
            out.write(encode(row) + "\n")
    elif fmt in (OutputFormat.csv, OutputFormat.tsv):
        rows = [_with_names(row) for row in rows]
        headers = list(rows[0]) if rows else []
        buf = io.StringIO()
        if fmt is OutputFormat.csv:
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(headers)
            writer.writerows([flat(row[h]) for h in headers] for row in rows)
        else:
            buf.write("\t".join(headers) + "\n")
            for row in rows:
                buf.write("\t".join(flat(row[h]) for h in headers) + "\n")
        out.write(buf.getvalue())
    else:
        env.console().print(table(columns, items))
    out.flush()


def emit_one(env: Environment, fmt: OutputFormat, row: dict, fields: Sequence[str], parts: Sequence[Any]) -> None:
    """One object (`show`, `index status`): `parts` (renderables, or plain lines) as its table form,
    else `row` (cut to `fields` when given) as a JSON object, one JSON line, or a one-row CSV/TSV."""
    if fields:
        row = select_fields([row], fields, list(row))[0]
    if fmt is OutputFormat.table and not fields:
        console = env.console() if any(not isinstance(part, str) for part in parts) else None
        for part in parts:
            if isinstance(part, str):
                env.stdout.write(part + "\n")  # a line of its own ("location  /path"), never rewrapped
            else:
                # a line marked no_wrap (a path) is printed whole, for the terminal to fold if it must
                console.print(part, soft_wrap=getattr(part, "no_wrap", None) is True)
        env.stdout.flush()
    elif fmt is OutputFormat.json:
        env.stdout.write(json.dumps(clean_tree(row), ensure_ascii=False, indent=2) + "\n")
        env.stdout.flush()
    else:
        emit(env, fmt, [row], field_columns(list(row)), [row])


