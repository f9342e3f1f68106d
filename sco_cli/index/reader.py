"""Opening the live generation for reading, and what a reader may ask of it besides Whoosh."""
from __future__ import annotations

import os
import weakref
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from sco_cli import EXTRACTION_VERSION
from sco_cli.errors import IndexCorrupt, IndexMissing, IndexVersionMismatch
from sco_cli.index import columns, whoosh_fixes
from sco_cli.index.layout import OWNER_FILE, current_generation, hold_generation
from sco_cli.index.meta import AGREEMENT_ROWS_FILE, AGREEMENTS_FILE, SCHEMA_VERSION, check_files, is_current, read_meta
from sco_cli.model import IndexStatus

# How often a reader looks at CURRENT again when the generation it named went away meanwhile.
_OPEN_ATTEMPTS = 5


@dataclass
class Handle:
    """An open index generation: where it is, what `sco.json` says, the Whoosh index, and the one
    searcher every query of this process shares (opening it reads every segment, so it is done
    once, when the index is opened, which also finds missing or damaged segment files)."""

    base: Path
    path: Path
    meta: dict
    ix: object
    shared_searcher: object
    _timeline: columns.TimelineColumn | None = field(default=None, repr=False)

    def searcher(self):
        return nullcontext(self.shared_searcher)

    def column_values(self, fieldname: str, docnums: list[int]) -> Iterator[str]:
        """The text of a column field of `schema.schema()` for each of `docnums`."""
        for value in whoosh_fixes.column_values(self.shared_searcher.reader(), fieldname, docnums):
            yield value.decode("utf-8")

    def timeline(self) -> columns.TimelineColumn:
        """The date column, read on first use."""
        if self._timeline is None:
            try:
                self._timeline = columns.TimelineColumn(self.path, self.meta["timeline"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise _damaged(self.base, f"timeline unreadable: {type(exc).__name__}") from None
        return self._timeline


def _check_version(base: Path, meta: dict) -> None:
    """Raise `IndexVersionMismatch` unless `meta` is of this sco's schema and extraction."""
    if not is_current(meta):
        raise IndexVersionMismatch(
            f"the index in {base} was built by sco {meta.get('sco_version')} "
            f"(schema {meta.get('schema_version')}, extraction {meta.get('extraction_version')}); "
            f"this sco needs schema {SCHEMA_VERSION}, extraction {EXTRACTION_VERSION}",
            hint="run sco index build PATH to rebuild it",
        )


def _damaged(base: Path, what: str) -> IndexCorrupt:
    return IndexCorrupt(f"the index in {base} is damaged ({what})", hint="run sco index build PATH to rebuild it")


def open_index(base: Path) -> Handle:
    """Open the live generation under `base`, checking it was written by this `sco`. The
    generation is held (a shared lock) until the process ends, so no writer removes it."""
    for _ in range(_OPEN_ATTEMPTS):
        gen = current_generation(base)
        if gen is None:
            raise IndexMissing(f"no index in {base}", hint=f"run: sco --index-dir {base} index build PATH")
        held = hold_generation(gen)
        if held is not None:
            break
        if current_generation(base) == gen:  # live, yet without sco's marker
            _check_version(base, read_meta(gen))  # an index of an older sco: rebuilt, or refused
            raise _damaged(base, f"{gen.name} has no {OWNER_FILE}; it was not written by this sco")
    else:
        raise IndexCorrupt(f"the index in {base} keeps changing, or its live generation is gone",
                           hint="try again, or run sco index build PATH")
    try:
        meta = read_meta(gen)
        _check_version(base, meta)
        ix, searcher = open_whoosh(base, gen)
    except BaseException:
        os.close(held)  # not kept: the generation is not held after all
        raise
    handle = Handle(base, gen, meta, ix, searcher)
    weakref.finalize(handle, os.close, held)
    return handle


def ensure_index(base: Path, *, explicit: bool, note: Callable[[str], None] | None = None) -> Handle:
    """Open the index. A default index (not `explicit`) that is missing or from another sco
    version is built first (`builder.rebuild_default`); opening alone imports nothing of a build."""
    try:
        return open_index(base)
    except (IndexMissing, IndexVersionMismatch) as exc:
        if explicit:
            raise
        from sco_cli.index import builder

        builder.rebuild_default(base, exc, note)
        return open_index(base)


def open_whoosh(base: Path, gen: Path):
    """(Whoosh index, searcher) of a generation; any failure to read it is `IndexCorrupt`."""
    whoosh_fixes.load()  # before any Whoosh import
    from whoosh.index import open_dir

    from sco_cli.index.schema import schema

    try:
        ix = open_dir(str(gen), schema=schema())
        return ix, ix.searcher()
    except Exception as exc:  # Whoosh raises many kinds on damaged files; all mean the same here
        raise _damaged(base, type(exc).__name__) from exc


def read_agreements(handle: Handle) -> list:
    """The instruments grouped at build time (`AgreementRecord`s)."""
    from sco_cli import instruments

    try:
        text = (handle.path / AGREEMENTS_FILE).read_text(encoding="utf-8")
        return instruments.load(text)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _damaged(handle.base, f"{AGREEMENTS_FILE} unreadable: {type(exc).__name__}") from None


def read_agreement_rows(handle: Handle) -> list[str] | None:
    """The instruments as `sco agreements --jsonl` writes them, a line each, in listing order;
    None when the file is not proven clean (`safety.is_clean_json`): the records then take the
    way that cleans them."""
    from sco_cli.safety import is_clean_json

    try:
        text = (handle.path / AGREEMENT_ROWS_FILE).read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise _damaged(handle.base, f"{AGREEMENT_ROWS_FILE} unreadable: {type(exc).__name__}") from None
    lines = text.splitlines()
    if len(lines) != handle.meta.get("instruments") or text and not text.endswith("}\n"):
        raise _damaged(handle.base, f"{AGREEMENT_ROWS_FILE} cut short")
    return lines if is_clean_json(text) else None


def status(base: Path) -> IndexStatus:
    handle = open_index(base)
    size = sum(f.stat().st_size for f in handle.path.iterdir() if f.is_file())
    meta = handle.meta
    return IndexStatus(
        location=str(handle.path),
        documents=meta.get("documents", 0),
        facts=dict(meta.get("facts", {})),
        size_bytes=size,
        built_at=meta.get("built_at", ""),
        sco_version=meta.get("sco_version", ""),
        schema_version=meta.get("schema_version", 0),
        extraction_version=meta.get("extraction_version", 0),
        sources=tuple(meta.get("sources", ())),
    )


def check(base: Path) -> tuple[Path, list[str]]:
    """(live generation, what is wrong with it): every file against the digests `sco.json`
    records, then the index opened and read the way queries read it. Nothing is unpickled
    unless every file matches."""
    gen = current_generation(base)
    if gen is None:
        raise IndexMissing(f"no index in {base}", hint=f"run: sco --index-dir {base} index build PATH")
    problems = check_files(gen, read_meta(gen))
    if problems:
        return gen, problems
    try:
        handle = open_index(base)
        handle.timeline().row_numbers(None, None)
        read_agreements(handle)
        with handle.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                fields["doc_id"]
    except (IndexCorrupt, IndexVersionMismatch) as exc:
        problems.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - whatever reading a damaged file raises
        problems.append(f"reading the index failed ({type(exc).__name__}: {exc})")
    return gen, problems
