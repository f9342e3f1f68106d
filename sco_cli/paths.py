"""Where state lives, readable without importing Whoosh or the extractors (TAB completion uses it).

One environment variable, `SCO_INDEX_DIR`, relocates everything; see `sco_cli.index` for the layout.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

POINTER_FILE = "CURRENT"
VOCAB_FILE = "vocab.json"


def default_index_dir() -> Path:
    """`$SCO_INDEX_DIR`, else `$XDG_DATA_HOME/sco`, else `~/.local/share/sco`."""
    env = os.environ.get("SCO_INDEX_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "sco"


def generation_name(base: Path) -> str | None:
    """The name of the live generation directory, as CURRENT says (None when there is none)."""
    try:
        return (base / POINTER_FILE).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None


def read_vocabulary(base: Path) -> dict:
    """The completion vocabulary of the live index; empty when there is none. Never opens Whoosh."""
    try:
        name = generation_name(base)
        if not name or not name.startswith("gen-") or "/" in name:
            return {}
        data = json.loads((base / name / VOCAB_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}
