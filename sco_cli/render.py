"""Model objects -> Rich renderables, and rows (`jsonrows`) cut, sorted and flattened; no I/O
(`output.py` writes them).

Every table cell is a `rich.text.Text` built from sanitised text, never a markup string.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from sco_cli.model import (
    DocumentView,
    Highlighted,
    IndexStatus,
    PartialDate,
    YearEvidence,
    MeetingRecord,
    Person,
)
from sco_cli.safety import clean_line, clean_text, clean_tree

# ---- values ----------------------------------------------------------------------------------


def display_date(date: PartialDate | None) -> str:
    """'2019-03-14', '2018-11-13..2018-11-15', '--03-06' for a date whose year is unknown."""
    if date is None:
        return ""
    if date.iso is None:
        return f"--{date.month or 0:02d}" + (f"-{date.day:02d}" if date.day else "")
    return date.iso + (f"..{date.end.iso}" if date.end is not None and date.end.iso else "")


# ---- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Any], Any]  # item -> str | Text
    style: str | None = None
    no_wrap: bool = False
    ratio: int | None = None
    justify: str = "left"
    # an identifier that would take a column's width from the facts: shown instead as a dim line
    # under the row's first flexible cell (as `gh pr list` does), so it never squeezes the content
    detail: bool = False
    max_width: int | None = None  # a short fixed column that may wrap beyond this width


def _text(value: Any, style: str | None = None):
    from rich.text import Text

    if value is None:
        return Text("")
    if isinstance(value, Text):
        return value
    return Text(clean_line(str(value)), style=style or "")


def highlighted_text(snippet: Highlighted):
    from rich.text import Text

    text = Text()
    for piece, matched in snippet.pieces:
        text.append(clean_line(piece) if "\n" in piece or "\t" in piece else clean_text(piece),
                    style="bold yellow" if matched else "")
    return text


def table(columns: Sequence[Column], items: Sequence[Any], title: str | None = None):
    """A Rich table of `items`. Flexible columns (with a ratio) share what the fixed ones leave;
    `detail` columns go on a dim second line inside the first flexible cell."""
    from rich import box
    from rich.table import Table

    shown = [c for c in columns if not c.detail]
    details = [c for c in columns if c.detail]
    host = next((c for c in shown if c.ratio), None)
    expand = host is not None
    t = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", expand=expand, pad_edge=False)
    for c in shown:
        t.add_column(c.header, style=c.style, no_wrap=c.no_wrap, ratio=c.ratio, justify=c.justify,
                     max_width=c.max_width, overflow="fold")
    for item in items:
        cells = []
        for c in shown:
            cell = _text(c.cell(item))
            if c is host and details:
                cell = _with_detail(cell, [_text(d.cell(item)) for d in details])
            cells.append(cell)
        t.add_row(*cells)
    return t


def _with_detail(cell, details: list):
    """`cell` followed by a dim line of the detail values."""
    from rich.text import Text

    out = cell.copy()
    line = Text("  ").join(d for d in details if d.plain)
    if line.plain:
        out.append("\n")
        out.append(Text(line.plain, style="dim"))
    return out


SEARCH_COLUMNS = (
    Column("#", lambda h: str(h.rank), justify="right", no_wrap=True),
    Column("title", lambda h: h.title, style="bold", ratio=2),
    Column("snippet", lambda h: highlighted_text(h.snippet), ratio=3),
    Column("date", lambda h: display_date(h.date), detail=True),
    Column("doc_id", lambda h: h.doc_id, detail=True),
)

TIMELINE_COLUMNS = (
    Column("date", lambda e: display_date(e.date), no_wrap=True),
    Column("mention", lambda e: e.mention + (" (rel.)" if e.relative else ""), style="bold", max_width=16),
    Column("sentence", lambda e: e.sentence, ratio=1),
    Column("doc_id", lambda e: e.doc_id, detail=True),
)

def _participants(r: MeetingRecord):
    return _people_lines(r.meeting.participants)


def _people_lines(participants: Sequence[Person]):
    """One participant per line, the name bold and the role after it."""
    from rich.text import Text

    lines = []
    for p in participants:
        line = Text(clean_line(p.name), style="bold")
        if p.role and p.role != p.name:
            line.append(f" ({clean_line(p.role)})")
        lines.append(line)
    return Text("\n").join(lines)


MEETING_COLUMNS = (
    Column("date", lambda r: display_date(r.meeting.date), no_wrap=True),
    Column("participants", _participants, ratio=3),
    Column("place", lambda r: r.meeting.place or "", max_width=14),
    Column("format", lambda r: r.meeting.format, max_width=9),
    Column("doc_id", lambda r: r.doc_id, detail=True),
)

def _lines(values):
    """One value per line (parties, names): a list that wraps between entries, not inside them."""
    from rich.text import Text

    return Text("\n").join(Text(clean_line(v)) for v in values)


AGREEMENT_COLUMNS = (
    Column("date", lambda r: display_date(r.agreement.date), no_wrap=True),
    Column("title", lambda r: r.agreement.title, style="bold", ratio=3),
    Column("parties", lambda r: _lines(r.agreement.parties), ratio=2),
    Column("place", lambda r: r.agreement.place or "", max_width=12),
    Column("kind", lambda r: r.agreement.kind, detail=True),
    Column("mentions", lambda r: f"{len(r.mentions)} mention{'s' if len(r.mentions) != 1 else ''}", detail=True),
)

DOC_COLUMNS = (
    Column("date", lambda d: display_date(d.date), no_wrap=True),
    Column("title", lambda d: d.title, style="bold", ratio=1),
    Column("doc_id", lambda d: d.doc_id, detail=True),
    Column("words", lambda d: f"{d.words} words", detail=True),
)


# ---- the output switch -------------------------------------------------------------------------


def flat(value: Any) -> str:
    """A JSON value as one TSV/CSV cell: scalars as text, lists and objects as compact JSON, so
    that nested values (participants, parties, mentions) survive the round trip."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as JSON writes them
    if isinstance(value, (list, dict)):
        return json.dumps(clean_tree(value), ensure_ascii=False, separators=(",", ":"))
    return clean_line(str(value))


def field_columns(fields: Sequence[str]) -> tuple[Column, ...]:
    """Table columns for rows cut to `fields` (`--fields` with a table): each value as one cell."""
    return tuple(Column(name, lambda row, name=name: flat(row[name]), ratio=1) for name in fields)


def select_fields(rows: list[dict], fields: Sequence[str], known: Sequence[str]) -> list[dict]:
    """`rows` with only `fields`, in that order (`--fields a,b`); an unknown name is a usage error."""
    from sco_cli.errors import UsageError

    unknown = [f for f in fields if f not in known]
    if unknown:
        raise UsageError(f"unknown field {unknown[0]!r}", hint=f"fields: {', '.join(known)}")
    return [{f: row[f] for f in fields} for row in rows]


def sort_key(field: str, known: Sequence[str]) -> Callable[[dict], tuple]:
    """The order of rows by one field (`--sort`): empty values last, numbers as numbers, text
    without regard to case, lists and objects by their JSON text."""
    from sco_cli.errors import UsageError

    if field not in known:
        raise UsageError(f"cannot sort by {field!r}", hint=f"fields: {', '.join(known)}")

    def key(row: dict) -> tuple:
        value = row[field]
        if value is None or value == "" or value == []:
            return (2, 0, "")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (0, value, "")
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return (1, 0, text.casefold())

    return key


# ---- single-object views ---------------------------------------------------------------------


def status_lines(s: IndexStatus) -> list[str]:
    """`sco index status` for people; folder names come from disk and are cleaned like article text."""
    facts = ", ".join(f"{n} {k}s" for k, n in s.facts.items())
    return [
        f"location    {clean_line(s.location)}",
        f"documents   {s.documents}",
        f"facts       {facts}",
        f"size        {s.size_bytes / 1024 / 1024:.1f} MiB ({s.size_bytes} bytes)",
        f"built       {s.built_at}",
        f"versions    sco {s.sco_version}, schema {s.schema_version}, extraction {s.extraction_version}",
        f"sources     {'; '.join(clean_line(source) for source in s.sources)}",
    ]


def show_renderables(view: DocumentView) -> list:
    """`sco show` as Rich renderables: headline, metadata, the body with date spans underlined,
    then what was extracted, each fact with its evidence."""
    from rich.text import Text

    s, facts = view.summary, view.extraction
    parts: list = [
        Text(clean_line(s.title), style="bold"),
        Text(f"doc_id {clean_line(s.doc_id)}   date {display_date(s.date) or '-'}"
             f"{f' ({s.date.year_source})' if s.date is not None and s.date.year_source else ''}   "
             f"words {s.words}", style="dim"),
        # a path is copied whole: never wrapped, at any width
        Text(f"path {clean_line(s.path)}", style="dim", no_wrap=True, overflow="ignore"),
        Text(""),
        *_body_pieces(clean_text(view.body), [(d.span.start, d.span.end) for d in facts.dates]),
    ]
    sections = (
        ("Dates", DATE_SPAN_COLUMNS, facts.dates),
        ("People", PEOPLE_COLUMNS, facts.people),
        ("Meetings", SHOW_MEETING_COLUMNS, facts.meetings),
        ("Agreements", SHOW_AGREEMENT_COLUMNS, facts.agreements),
    )
    if facts.year_evidence:  # only a dispatch whose dateline writes no year has these
        sections = (sections[0], ("Clues to the dateline's year", YEAR_EVIDENCE_COLUMNS, facts.year_evidence),
                    *sections[1:])
    for title, columns, items in sections:
        parts.append(Text(""))
        if items:
            parts.append(table(columns, items, title=f"{title} ({len(items)})"))
        else:
            parts.append(Text(f"{title}: none found", style="dim"))
    return parts


# Rich wraps a Text in time that grows faster than its length; the body is handed over in pieces
# of at most this many characters (its paragraphs, long ones cut at a space), so `sco show` of a
# 10 MB article takes seconds, not minutes.
BODY_PIECE_CHARS = 4000


def _body_pieces(body: str, spans: list[tuple[int, int]]) -> list:
    """The body as Rich Texts, one per paragraph (or piece of one), date spans underlined."""
    from bisect import bisect_left

    from rich.text import Text

    spans = sorted(spans)
    starts = [a for a, _ in spans]
    pieces, pos = [], 0
    for line in body.split("\n"):
        while True:
            cut = len(line) if len(line) <= BODY_PIECE_CHARS else line.rfind(" ", 0, BODY_PIECE_CHARS) + 1 or BODY_PIECE_CHARS
            chunk, end = line[:cut], pos + cut
            text = Text(chunk)
            for a, b in spans[bisect_left(starts, pos - BODY_PIECE_CHARS):bisect_left(starts, end)]:
                if b > pos:
                    text.stylize("underline cyan", max(a, pos) - pos, min(b, end) - pos)
            pieces.append(text)
            line, pos = line[cut:], end
            if not line:
                break
        pos += 1  # the newline
    return pieces


DATE_SPAN_COLUMNS = (
    Column("span", lambda d: f"{d.span.start}-{d.span.end}", no_wrap=True, justify="right"),
    Column("text", lambda d: d.span.text, style="bold", no_wrap=True),
    Column("date", lambda d: display_date(d.date), no_wrap=True),
    Column("year from", lambda d: (d.date.year_source or "unknown") + (f", from {d.anchor}" if d.relative else ""),
           no_wrap=True),
)

YEAR_EVIDENCE_COLUMNS = (
    Column("clue", lambda e: e.source, no_wrap=True),
    Column("years", lambda e: evidence_years(e), ratio=1),
    Column("weight", lambda e: f"{e.weight:g}", no_wrap=True, justify="right"),
    Column("words", lambda e: e.text, style="bold", ratio=2),
)


def evidence_years(e: YearEvidence) -> str:
    """The years a clue admits, as a reader says them: "2008", "2003-2013", "2001-", "-2014"."""
    if e.years:
        return ", ".join(str(y) for y in e.years)
    if e.first == e.last:
        return str(e.first)
    return f"{e.first or ''}-{e.last or ''}"


PEOPLE_COLUMNS = (
    Column("name", lambda p: p.name, style="bold", ratio=2),
    Column("role", lambda p: p.role or "", ratio=2),
    Column("organization", lambda p: p.organization or "", ratio=2),
)

# `show` prints the article above its facts, so its fact tables leave the evidence sentence out
# (`show --json` keeps it) and are laid out as the who-met and agreements listings are.
SHOW_MEETING_COLUMNS = (
    Column("date", lambda m: display_date(m.date), no_wrap=True),
    Column("participants", lambda m: _people_lines(m.participants), ratio=3),
    Column("place", lambda m: m.place or "", max_width=14),
    Column("format", lambda m: m.format + (" (planned)" if m.planned else ""), max_width=9),
)

SHOW_AGREEMENT_COLUMNS = (
    Column("date", lambda a: display_date(a.date), no_wrap=True),
    Column("title", lambda a: a.title, style="bold", ratio=3),
    Column("parties", lambda a: _lines(a.parties), ratio=2),
    Column("place", lambda a: a.place or "", max_width=12),
    Column("kind", lambda a: a.kind, detail=True),
)


