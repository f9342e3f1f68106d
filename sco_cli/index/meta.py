"""`sco.json`: what a generation says about itself, read before anything else in it is opened."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sco_cli import EXTRACTION_VERSION
from sco_cli.errors import IndexCorrupt

# 6: one Whoosh document per article, facts stored with it; timeline and agreement side files.
# 7: an article's heading, meetings and agreements in Whoosh columns of their own; agreement rows.
# 8: what who-met checks and prints of each meeting, in a column (`schema.meeting_keys`).
# 9: the meeting keys hold their rows encoded, as printed.
# 10: the rows apart from the keys, a line each (`schema.meeting_rows`).
# 11: the body's two-word phrases as terms (`phrases.PAIRS_FIELD`).
# 12: each timeline row stored also as printed (`columns.TimelineColumn.row_texts`).
SCHEMA_VERSION = 12
INDEX_FORMAT = "sco-index"
META_FILE = "sco.json"
AGREEMENTS_FILE = "agreements.json"
# The same records as `sco agreements --jsonl` writes them, a line each (`jsonrows.encode`).
AGREEMENT_ROWS_FILE = "agreements.rows.jsonl"


def read_meta(gen: Path) -> dict:
    try:
        meta = json.loads((gen / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"the index at {gen.parent} is damaged ({META_FILE} unreadable)",
                           hint="run sco index build PATH") from exc
    if not isinstance(meta, dict) or meta.get("format") != INDEX_FORMAT:
        raise IndexCorrupt(f"{gen} was not written by sco", hint="run sco index build PATH")
    return meta


def is_current(meta: dict) -> bool:
    return meta.get("schema_version") == SCHEMA_VERSION and meta.get("extraction_version") == EXTRACTION_VERSION


def file_digests(gen: Path) -> dict[str, list]:
    """{file name: [size, sha256]} of every file of a generation but `sco.json` and the marker:
    what `sco index check` compares the files with."""
    digests = {}
    for path in sorted(gen.iterdir()):
        if path.is_file() and path.name != META_FILE and not path.name.startswith("."):
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            digests[path.name] = [path.stat().st_size, digest.hexdigest()]
    return digests


def check_files(gen: Path, meta: dict) -> list[str]:
    """What is wrong with a generation's files against the digests its `sco.json` records."""
    recorded = meta.get("files")
    if not isinstance(recorded, dict):
        return [f"{META_FILE} records no file digests"]
    found = file_digests(gen)
    problems = [f"{name}: missing" for name in sorted(set(recorded) - set(found))]
    problems += [f"{name}: not written by sco" for name in sorted(set(found) - set(recorded))]
    for name in sorted(set(recorded) & set(found)):
        size, digest = recorded[name]
        if found[name][0] != size:
            problems.append(f"{name}: {found[name][0]} bytes, {size} expected")
        elif found[name][1] != digest:
            problems.append(f"{name}: content changed")
    return problems
