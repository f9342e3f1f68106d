"""The index: a folder of atomic generations, each one Whoosh index plus side files.

Modules, in pipeline order:

- `layout`: where things live, the writer lock, ownership markers, publishing and cleanup;
- `whoosh_fixes`: Whoosh imported and patched (light import, a stat cache, safe unpickling);
- `schema`: the Whoosh schema and the one document each article becomes;
- `phrases`: the body's two-word phrases as terms, and the queries rewritten to ask them;
- `columns`: the side files shaped for timeline and agreements (plain JSON and integer arrays);
- `meta`: `sco.json`, the versions and counts read before anything else;
- `workers`: reading and extracting articles in worker processes, and their Whoosh segments;
- `builder`: building, adding and removing, and the rebuild an upgrade needs;
- `reader`: opening the live generation for queries.

A generation's files: Whoosh's own (`_MAIN_*.toc`, `*.seg`, ...), `sco.json`, `documents.json`
(per article: content hash, fact counts, source path), `timeline.jsonl` + `timeline.idx`,
`agreement-mentions.jsonl` and `agreements.json` (one record per instrument, grouped at build
time; `agreements.rows.jsonl` the same as `sco agreements --jsonl` writes them), `vocab.json` + `vocab-*.tsv` (what TAB completes), and the ownership marker.
"""
from __future__ import annotations

import importlib

# Where each public name lives. A name is imported on first use (PEP 562), so a query that opens
# the index never imports the build's modules (`builder`, `workers`: 3-4 ms of every start).
_HOMES = {
    "BuildReport": "builder", "build": "builder", "remove": "builder", "seeds_dir": "builder",
    "current_generation": "layout", "writer_lock": "layout",
    "META_FILE": "meta", "SCHEMA_VERSION": "meta", "read_meta": "meta",
    "Handle": "reader", "check": "reader", "ensure_index": "reader", "open_index": "reader",
    "read_agreement_rows": "reader", "read_agreements": "reader", "status": "reader",
}
_PATHS = {"POINTER_FILE", "default_index_dir", "read_vocabulary"}  # from `sco_cli.paths`

__all__ = sorted([*_HOMES, *_PATHS])


def __getattr__(name: str):
    if name in _HOMES:
        module = importlib.import_module(f"{__name__}.{_HOMES[name]}")
    elif name in _PATHS:
        module = importlib.import_module("sco_cli.paths")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(module, name)


def __dir__() -> list[str]:
    return __all__
