"""`sco.json`: what a generation says about itself, read before anything else in it is opened."""
from __future__ import annotations

import json
from pathlib import Path

from sco_cli import EXTRACTION_VERSION
from sco_cli.errors import IndexCorrupt

# 6: one Whoosh document per article, facts stored with it; timeline and agreement side files.
SCHEMA_VERSION = 6
INDEX_FORMAT = "sco-index"
META_FILE = "sco.json"
AGREEMENTS_FILE = "agreements.json"


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
