"""Where state lives, readable without importing Whoosh or the extractors (TAB completion uses it).

One environment variable, `SCO_INDEX_DIR`, relocates everything; see `sco_cli.index` for the layout.
"""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

POINTER_FILE = "CURRENT"
VOCAB_FILE = "vocab.json"
# One sorted file per kind of value TAB completes: "key<TAB>value" lines, key = completion_key(value).
VOCAB_SOURCES = ("people", "organizations", "places", "documents")


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


def completion_key(text: str) -> str:
    """What TAB compares a typed prefix with: lowercase, accents removed ("Jenča" -> "jenca")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def vocabulary_file(source: str) -> str:
    return f"vocab-{source}.tsv"


def write_completion_files(folder: Path, vocab: dict) -> None:
    """The sorted per-source files `complete_from` bisects; people also under their surname."""
    for source in VOCAB_SOURCES:
        values = set(vocab.get(source, []))
        rows = {(completion_key(v), v) for v in values}
        if source == "people":  # "Nor" completes to "Norov" as well as "Vladimir Norov"
            rows |= {(completion_key(v.split()[-1]), v.split()[-1]) for v in values if v.split()}
        text = "".join(f"{key}\t{value}\n" for key, value in sorted(rows) if "\t" not in value and "\n" not in value)
        with open(folder / vocabulary_file(source), "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())


def complete_from(base: Path, source: str, prefix: str) -> list[str]:
    """Values of `source` in the live index that start with `prefix` (case and accents ignored),
    found by bisection in its sorted file: TAB stays fast however large the index is."""
    name = generation_name(base) if base.is_dir() else None
    if not name or not name.startswith("gen-") or "/" in name:
        return []
    try:
        data = (base / name / vocabulary_file(source)).read_bytes()
    except OSError:
        return []
    want = completion_key(prefix).encode("utf-8")
    pos = _first_line_at_or_after(data, want)
    out = []
    while pos < len(data):
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        key, _, value = data[pos:end].partition(b"\t")
        if not key.startswith(want):
            break
        out.append(value.decode("utf-8"))
        pos = end + 1
    return sorted(set(out), key=lambda v: (completion_key(v), v))


def _first_line_at_or_after(data: bytes, want: bytes) -> int:
    """Offset of the first line whose key is >= `want`, by bisection over the raw bytes (no
    splitting into lines: a 50k-article index has a 4 MB people file)."""
    lo, hi = 0, len(data)  # invariant: the answer is a line start in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1  # the line that holds `mid`
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end].partition(b"\t")[0] < want:
            lo = end + 1
        else:
            hi = start
    return lo
