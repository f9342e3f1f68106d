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
from sco_cli.index.builder import BuildReport, build, ensure_index, remove, seeds_dir
from sco_cli.index.layout import current_generation, writer_lock
from sco_cli.index.meta import META_FILE, SCHEMA_VERSION, read_meta
from sco_cli.index.reader import Handle, check, open_index, read_agreement_rows, read_agreements, status
from sco_cli.index.schema import schema
from sco_cli.paths import POINTER_FILE, default_index_dir, read_vocabulary

__all__ = [
    "BuildReport", "Handle", "check", "remove", "META_FILE", "POINTER_FILE", "SCHEMA_VERSION", "build", "current_generation",
    "default_index_dir", "ensure_index", "open_index", "read_agreement_rows", "read_agreements", "read_meta", "read_vocabulary",
    "schema", "seeds_dir", "status", "writer_lock",
]
