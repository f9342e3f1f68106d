"""The files a generation keeps beside Whoosh, each shaped for one question.

- `timeline.jsonl` + `timeline.idx`: every date mention, one line each, in timeline order
  (start, end, article, position). A line is two JSON texts and a tab between them (JSON never
  writes a raw tab): the row's fields, `[doc_id, n, start, end, *timeline_fields(...)]`, and the
  row as `sco timeline --jsonl` prints it, copied as it is when nothing asks for the fields
  (`TimelineColumn.row_texts`). The index file holds, per span class, the sorted starts, the
  ends and the row numbers as binary arrays, and every line's offset. A date range is answered by
  bisection: the cost is the answer plus, per class, the mentions that start at most one span
  before the range (none for days, a month's worth for months, a year's for years).
- `agreement-mentions.jsonl`: every agreement mention (uid, article, agreement), the input of the
  grouping; an `index add` regroups from it without reading Whoosh.
- `documents.json`: per article its content hash and fact counts (an `index add` decides what
  changed from it).

All are plain JSON or arrays of integers: nothing here is unpickled.
"""
from __future__ import annotations

import json
import mmap
import os
from array import array
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Iterable, Iterator

from sco_cli import codec
from sco_cli.jsonrows import encode, timeline_row
from sco_cli.model import TimelineEntry

TIMELINE_FILE = "timeline.jsonl"
TIMELINE_INDEX = "timeline.idx"
MENTIONS_FILE = "agreement-mentions.jsonl"
DOCUMENTS_FILE = "documents.json"

# Span classes (end - start, as yyyymmdd integers): a day, up to a month or two, up to a year, longer.
_SPAN_CLASSES = (0, 100, 10000)
# Where a date whose year is unknown sorts: after every real date.
_UNDATED = 99999999


def _span_class(start: int, end: int) -> int:
    span = end - start
    return sum(1 for ceiling in _SPAN_CLASSES if span > ceiling)


def timeline_fields(mention, title: str) -> list:
    """What a timeline entry is made of, after its article id, position and bounds."""
    return [codec.plain(mention.date), mention.span.text, mention.sentence, title,
            mention.relative, mention.anchor]


def timeline_entry(row: list) -> TimelineEntry:
    """The entry of a decoded row, `[doc_id, n, start, end, *timeline_fields(...)]`."""
    doc_id, _n, _start, _end, date, mention, sentence, title, relative, anchor = row
    return TimelineEntry(codec.partial_date(date), mention, sentence, doc_id, title, relative, anchor)


def mention_uid(row: list) -> str:
    """The uid of a decoded row's mention: "000_696adcf27fd638ed#date2"."""
    doc_id, n = row[:2]
    return f"{doc_id}#date{n}"


def _fields(line: bytes) -> list:
    """The decoded fields of a line of `timeline.jsonl`: [doc_id, n, start, end, ...]."""
    return json.loads(line.partition(b"\t")[0])


def _doc_id(line: bytes) -> str:
    return _fields(line)[0]


def write_synced(path: Path, data: bytes) -> None:
    """Write `data` to `path` and make it durable before returning."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


class TimelineWriter:
    """Collects date rows in any order and writes them sorted. Lines wait in a scratch file, so
    memory holds only the sort keys."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._scratch_path = folder / (TIMELINE_FILE + ".unsorted")
        self._scratch = open(self._scratch_path, "wb")
        self._keys: list[tuple[int, int, str, int, int, int]] = []

    def add(self, doc_id: str, n: int, bounds: tuple[int, int] | None, fields: list) -> None:
        """One mention: `fields` is what a timeline entry is made of (`timeline_fields`)."""
        start, end = bounds or (_UNDATED, _UNDATED)
        row = [doc_id, n, start, end, *fields]
        printed = encode(timeline_row(timeline_entry(row)))
        line = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\t" + printed).encode()
        self._keys.append((start, end, doc_id, n, self._scratch.tell(), len(line)))
        self._scratch.write(line + b"\n")

    def add_lines(self, lines: Iterable[bytes]) -> None:
        """Rows from another generation's `timeline.jsonl`, as they are."""
        for line in lines:
            line = line.rstrip(b"\n")
            doc_id, n, start, end = _fields(line)[:4]
            self._keys.append((start, end, doc_id, n, self._scratch.tell(), len(line)))
            self._scratch.write(line + b"\n")

    def finish(self) -> dict:
        """Write the sorted files; returns what `sco.json` records about them."""
        self._scratch.close()
        self._keys.sort()
        offsets = array("q")
        classes = [(array("i"), array("i"), array("i")) for _ in range(len(_SPAN_CLASSES) + 1)]
        undated_from = len(self._keys)
        # the scratch lines are read with pread, not mapped: a mapping's pages count in the build's
        # resident memory (with one, a 50,000-article build peaked at 634 MiB)
        with open(self._scratch_path, "rb") as src, open(self.folder / TIMELINE_FILE, "wb") as out:
            for row, (start, end, _doc, _n, offset, length) in enumerate(self._keys):
                offsets.append(out.tell())
                out.write(os.pread(src.fileno(), length + 1, offset))
                if start == _UNDATED:
                    undated_from = min(undated_from, row)
                    continue
                starts, ends, rows = classes[_span_class(start, end)]
                starts.append(start)
                ends.append(end)
                rows.append(row)
            offsets.append(out.tell())
            out.flush()
            os.fsync(out.fileno())
        os.unlink(self._scratch_path)
        blob = b"".join(a.tobytes() for group in classes for a in group) + offsets.tobytes()
        write_synced(self.folder / TIMELINE_INDEX, blob)
        spans = []
        for starts, ends, _rows in classes:
            spans.append([max((e - s for s, e in zip(starts, ends)), default=0), len(starts)])
        return {"rows": len(self._keys), "undated_from": undated_from, "classes": spans}

    def abandon(self) -> None:
        self._scratch.close()


class TimelineColumn:
    """The timeline files of one generation, read by bisection."""

    def __init__(self, folder: Path, meta: dict):
        self.folder = folder
        self.rows = meta["rows"]
        self.undated_from = meta["undated_from"]
        blob = (folder / TIMELINE_INDEX).read_bytes()
        self._classes = []
        pos = 0
        for max_span, count in meta["classes"]:
            arrays = []
            for _ in range(3):
                a = array("i")
                a.frombytes(blob[pos:pos + 4 * count])
                pos += 4 * count
                arrays.append(a)
            self._classes.append((max_span, *arrays))
        self._offsets = array("q")
        self._offsets.frombytes(blob[pos:])
        if len(self._offsets) != self.rows + 1:
            raise ValueError(f"{TIMELINE_INDEX} does not match {TIMELINE_FILE}")

    def row_numbers(self, lo: int | None, hi: int | None) -> list[int]:
        """Rows whose interval overlaps [lo, hi] (either open), in timeline order; with neither
        bound, every row, those without a year last."""
        if lo is None and hi is None:
            return list(range(self.rows))
        lo = 0 if lo is None else lo
        hi = _UNDATED - 1 if hi is None else hi
        found: list[int] = []
        for max_span, starts, ends, rows in self._classes:
            first, last = bisect_left(starts, lo - max_span), bisect_right(starts, hi)
            found.extend(rows[i] for i in range(first, last) if ends[i] >= lo)
        found.sort()
        return found

    def row_texts(self, row_numbers: Iterable[int]) -> Iterator[tuple[str, str]]:
        """Each row undecoded: (its fields as JSON, the row as printed), neither proven clean."""
        with open(self.folder / TIMELINE_FILE, "rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if self.rows else b""
            try:
                for row in row_numbers:
                    fields, _, printed = data[self._offsets[row]:self._offsets[row + 1]].decode("utf-8").partition("\t")
                    yield fields, printed.rstrip("\n")
            finally:
                if self.rows:
                    data.close()

    def raw_lines(self, leaving_out: set[str] | frozenset[str] = frozenset()) -> Iterator[bytes]:
        """The lines as they are, but those of the articles `leaving_out` names."""
        with open(self.folder / TIMELINE_FILE, "rb") as fh:
            for line in fh:
                if not leaving_out or _doc_id(line) not in leaving_out:
                    yield line


def write_jsonl(path: Path, rows: Iterable) -> None:
    data = "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows)
    write_synced(path, data.encode("utf-8"))


def read_jsonl(path: Path) -> Iterator:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def write_json(path: Path, data) -> None:
    write_synced(path, json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode())


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
