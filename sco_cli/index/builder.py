"""Building a generation: read and extract articles (in worker processes when there are many),
write one Whoosh document per article, then the side files, then make it live.

`build(base, paths)` holds the writer lock, writes everything into an owned staging folder, and
publishes it with one atomic rename; a failure or a kill at any point leaves the old index live.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sco_cli import EXTRACTION_VERSION, __version__, codec, instruments
from sco_cli.jsonrows import agreement_row, encode
from sco_cli.errors import IndexMissing, IndexVersionMismatch, UsageError
from sco_cli.index import columns, whoosh_fixes
from sco_cli.index.layout import current_generation, fsync_dir, make_staging, prune, publish, writer_lock
from sco_cli.index.meta import (
    file_digests,
    AGREEMENT_ROWS_FILE,
    AGREEMENTS_FILE,
    INDEX_FORMAT,
    META_FILE,
    SCHEMA_VERSION,
    is_current,
    read_meta,
)
from sco_cli.index.schema import schema
from sco_cli.index.workers import PARALLEL_FROM, WRITER_LIMIT_MB, Prepared, SegmentWorkers, can_fork, prepared
from sco_cli.paths import VOCAB_FILE, write_completion_files

@dataclass(frozen=True)
class BuildReport:
    base: Path
    added: int
    updated: int
    unchanged: int
    documents: int
    facts: dict
    problems: tuple  # of corpus.Problem
    seconds: float


Progress = Callable[[int, int], None]


# ---- a generation, in the main process -------------------------------------------------------


class _Generation:
    """The staging folder of one build or add, written in named steps."""

    def __init__(self, base: Path, staging: Path, live: Path | None):
        self.base, self.staging, self.live = base, staging, live
        self.documents: dict[str, list] = {}  # doc_id -> [content hash, dates, meetings, agreements, path]
        self.vocab = {"people": set(), "organizations": set(), "places": set()}
        self.sources: list[str] = []
        self.mentions: list[list] = []  # [uid, doc_id, agreement dict]
        self.timeline = columns.TimelineWriter(staging)
        self.changed: set[str] = set()  # articles of the live index that this one replaces
        self.published: Path | None = None  # the live generation this one became
        self.added = self.updated = self.unchanged = 0

    def open_writer(self, *, writer: bool = True):
        """A Whoosh writer on a fresh index, or on a copy of the live one (for add); with
        `writer=False` only the index (workers write its segments, see `SegmentWorkers`)."""
        from whoosh.index import create_in

        if self.live is None:
            ix = create_in(str(self.staging), schema())
        else:
            old = read_meta(self.live)
            if not is_current(old):
                raise IndexVersionMismatch(f"the index in {self.base} is from another sco version",
                                           hint="run sco index build PATH (not add) to rebuild it")
            for name in os.listdir(self.live):
                if not name.startswith(".") and name != columns.TIMELINE_FILE + ".unsorted":
                    shutil.copy2(self.live / name, self.staging / name)
            from sco_cli.index.reader import open_whoosh

            ix, searcher = open_whoosh(self.base, self.staging)
            searcher.close()
            self.sources = list(old.get("sources", []))
            self.documents = columns.read_json(self.live / columns.DOCUMENTS_FILE)
            vocab = json.loads((self.live / VOCAB_FILE).read_text(encoding="utf-8"))
            for key in self.vocab:
                self.vocab[key].update(vocab.get(key, []))
        # separate files, not one compound file: Whoosh copies a compound file's parts into
        # memory when it opens them (77 ms for the 10k index against a few ms)
        return ix, (ix.writer(limitmb=WRITER_LIMIT_MB, compound=False) if writer else None)

    def known_hashes(self) -> dict[str, str]:
        return {doc_id: entry[0] for doc_id, entry in self.documents.items()}

    def take(self, item: Prepared, writer) -> None:
        """Write one prepared article (or count it as unchanged)."""
        if item.doc_id is None:
            return
        if item.document is None and not item.written:
            self.unchanged += 1
            return
        if item.doc_id in self.documents:
            writer.delete_by_term("doc_id", item.doc_id)
            self.changed.add(item.doc_id)
            self.updated += 1
        else:
            self.added += 1
        if not item.written:
            writer.add_document(**item.document)
        self.documents[item.doc_id] = [item.content_hash, *item.counts, str(Path(item.path).absolute())]
        for n, bounds, row in item.timeline:
            self.timeline.add(item.doc_id, n, bounds, row)
        self.mentions.extend([instruments.mention_uid(item.doc_id, n), item.doc_id, a] for n, a in item.agreements)
        for key, values in zip(("people", "organizations", "places"), item.vocabulary):
            self.vocab[key].update(values)

    def carry_over(self) -> None:
        """An add keeps the live generation's rows of every article it did not replace."""
        if self.live is None:
            return
        live = columns.TimelineColumn(self.live, read_meta(self.live)["timeline"])
        self.timeline.add_lines(live.raw_lines(leaving_out=self.changed))
        old = [m for m in columns.read_jsonl(self.live / columns.MENTIONS_FILE) if m[1] not in self.changed]
        self.mentions = old + self.mentions

    def complete(self, ix, paths: list[str]) -> tuple[int, dict]:
        """After Whoosh's commit: the side files, `sco.json`, then the generation made live.
        Returns (articles, fact counts)."""
        ix.close()
        self.carry_over()
        docs, facts = self.finish(paths)
        self.published = publish(self.base, self.staging)
        return docs, facts

    def finish(self, paths: list[str]) -> tuple[int, dict]:
        """Write the side files and `sco.json`; returns (articles, fact counts)."""
        timeline = self.timeline.finish()
        self.mentions.sort(key=lambda m: instruments.mention_place(m[0]))
        columns.write_jsonl(self.staging / columns.MENTIONS_FILE, self.mentions)
        # stored in the order `sco agreements` lists them, so that it never sorts them again
        grouped = instruments.in_order(instruments.group([(uid, doc, codec.agreement(a))
                                                          for uid, doc, a in self.mentions]))
        _write_text(self.staging / AGREEMENTS_FILE, instruments.dump(grouped))
        _write_text(self.staging / AGREEMENT_ROWS_FILE, "".join(encode(agreement_row(r)) + "\n" for r in grouped))
        columns.write_json(self.staging / columns.DOCUMENTS_FILE, self.documents)
        facts = {kind: sum(entry[i] for entry in self.documents.values())
                 for i, kind in enumerate(("date", "meeting", "agreement"), start=1)}
        sources = list(dict.fromkeys(self.sources + [str(Path(p).absolute()) for p in paths]))
        vocab = {key: sorted(values) for key, values in self.vocab.items()}
        vocab["documents"] = sorted(self.documents)
        _write_text(self.staging / VOCAB_FILE, json.dumps(vocab, ensure_ascii=False, indent=1, sort_keys=True))
        write_completion_files(self.staging, vocab)
        meta = {
            "files": file_digests(self.staging),
            "format": INDEX_FORMAT,
            "schema_version": SCHEMA_VERSION,
            "extraction_version": EXTRACTION_VERSION,
            "sco_version": __version__,
            "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "documents": len(self.documents),
            "facts": facts,
            "instruments": len(grouped),  # records of agreements.json, lines of agreements.rows.jsonl
            "sources": sources,
            "timeline": timeline,
        }
        _write_text(self.staging / META_FILE, json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True))
        fsync_dir(self.staging)
        return len(self.documents), facts


def _write_text(path: Path, text: str) -> None:
    columns.write_synced(path, text.encode("utf-8"))


def build(base: Path, paths: Iterable[str], *, add: bool = False, wait: float = 0.0,
          progress: Progress | None = None, on_problem: Callable | None = None,
          workers: int | None = None, allow_empty: bool = False,
          unless_current: bool = False) -> BuildReport | None:
    """Index `paths` into a new generation under `base` and make it live.

    With `add=False` the new index holds exactly these articles. With `add=True` it starts as a copy
    of the live index; new articles are added and changed ones (by content hash) replaced.
    A path that does not exist, or a build that would hold no article, changes nothing and raises
    `UsageError` (a mistyped folder must not empty the index); `allow_empty` permits both. Two
    files that would share an article id are refused the same way. With `unless_current`, a
    build that finds, once it holds the lock, a current index (another process built one while
    it waited) changes nothing and returns None: a query's automatic build never replaces it.
    """
    import gc

    from sco_cli.corpus import article_files

    gc.enable()  # the console script leaves it off for queries (sco_cli.entry); a build runs long
    whoosh_fixes.load()
    started = time.monotonic()
    paths = [str(p) for p in paths]
    workers = workers or min(4, os.cpu_count() or 1)
    problems: list = []

    def report(problem) -> None:
        problems.append(problem)
        if on_problem:
            on_problem(problem)

    files, file_problems = article_files(paths)
    _check_inputs(paths, files, add=add, allow_empty=allow_empty)
    with writer_lock(base, wait):
        if unless_current and _has_current_index(base):
            return None
        live = current_generation(base) if add else None
        if add and live is None:
            raise IndexMissing(f"no index in {base} to add to", hint="run sco index build PATH first")
        with _staged(base, live) as gen:
            parallel = None
            if not add and workers > 1 and len(files) >= PARALLEL_FROM and can_fork():
                parallel = SegmentWorkers(gen.staging, [str(f) for f in files], workers)
            ix, writer = gen.open_writer(writer=parallel is None)
            if add:
                _check_same_sources(gen.documents, files)
            for problem in file_problems:
                report(problem)
            _write_articles(gen, ix, writer, parallel, [str(f) for f in files], workers, report, progress)
            docs, facts = gen.complete(ix, paths)
    return BuildReport(base, gen.added, gen.updated, gen.unchanged, docs, facts, tuple(problems),
                       time.monotonic() - started)


def _write_articles(gen: _Generation, ix, writer, parallel, files: list[str], workers: int, report,
                    progress: Progress | None) -> None:
    """Every file prepared (in workers) and written, then committed; on failure, nothing kept."""
    items = parallel.run() if parallel else prepared(files, gen.known_hashes(), workers)
    try:
        for done, item in enumerate(items, start=1):
            for problem in item.problems:
                report(problem)
            gen.take(item, writer)
            if progress:
                progress(done, len(files))
        if parallel:
            whoosh_fixes.commit_segments(ix, parallel.segments)
        else:
            writer.commit(optimize=gen.live is None)
    except BaseException:
        if parallel:
            parallel.stop()
        if writer is not None:
            writer.cancel()
        raise


@contextmanager
def _staged(base: Path, live: Path | None) -> Iterator[_Generation]:
    """A `_Generation` in a new staging folder, published by `_Generation.complete`; on any
    failure the folder is removed and the live index is as it was. Cleanup follows a success."""
    gen = _Generation(base, make_staging(base), live)
    try:
        yield gen
    except BaseException:
        gen.timeline.abandon()
        shutil.rmtree(gen.staging, ignore_errors=True)
        raise
    prune(base, gen.published.name)


def remove(base: Path, doc_ids: Iterable[str], *, wait: float = 0.0) -> BuildReport:
    """A new generation without these articles (the deliberate way to make an index smaller).
    An id the index does not hold is refused (`UsageError`) before anything changes."""
    whoosh_fixes.load()
    started = time.monotonic()
    doc_ids = list(dict.fromkeys(doc_ids))
    with writer_lock(base, wait):
        live = current_generation(base)
        if live is None:
            raise IndexMissing(f"no index in {base}", hint="run sco index build PATH first")
        with _staged(base, live) as gen:
            ix, writer = gen.open_writer()
            unknown = [d for d in doc_ids if d not in gen.documents]
            if unknown:
                writer.cancel()
                raise UsageError(f"no article {unknown[0]!r} in the index", hint="see sco docs; nothing was removed")
            for doc_id in doc_ids:
                writer.delete_by_term("doc_id", doc_id)
                del gen.documents[doc_id]
                gen.changed.add(doc_id)
            writer.commit(optimize=True)
            docs, facts = gen.complete(ix, [])
    return BuildReport(base, 0, 0, 0, docs, facts, (), time.monotonic() - started)


def _check_inputs(paths: list[str], files: list, *, add: bool, allow_empty: bool) -> None:
    """Refuse, before anything is touched, inputs that would lose the user's index by mistake."""
    from sco_cli.corpus import duplicate_ids

    clash = duplicate_ids(files)
    if clash:
        first, second, doc_id = clash
        raise UsageError(f"{first} and {second} would both be article {doc_id!r}",
                         hint="rename one of them; the index was not changed")
    if allow_empty:
        return
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder",
                         hint="check the path; nothing was added" if add else
                         "check the path; the index was not changed (--allow-empty builds anyway)")
    if not add and not files:
        raise UsageError(f"no .txt articles in {', '.join(paths)}",
                         hint="the index was not changed; --allow-empty builds an empty index")


def _check_same_sources(documents: dict[str, list], files: list) -> None:
    """An add must not replace an article with a different file that happens to share its name."""
    from sco_cli.corpus import doc_id_of

    for path in files:
        entry = documents.get(doc_id_of(path))
        if entry and len(entry) > 4 and entry[4] != str(Path(path).absolute()):
            raise UsageError(f"{path} would replace article {doc_id_of(path)!r}, indexed from {entry[4]}",
                             hint="rename the file, or rebuild with sco index build; nothing was added")


# ---- opening, with the rebuild an upgrade needs ----------------------------------------------


def seeds_dir() -> Path:
    """The bundled example articles: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here / "seeds"


def rebuild_default(base: Path, problem: IndexMissing | IndexVersionMismatch,
                    note: Callable[[str], None] | None = None) -> None:
    """Build the default index `problem` says is missing (from the bundled seeds) or from another
    sco version (rebuilt from the sources it records, the seeds only if it was built from them);
    refuse, with the command to run, when those sources are gone: an upgrade never replaces a
    user's articles with the seeds. (`reader.ensure_index` calls this, then opens the index.)"""
    sources = [str(seeds_dir())]
    reason = "no index yet"
    if isinstance(problem, IndexVersionMismatch):
        sources = _recorded_sources(base) or sources
        reason = "the index is from another sco version"
        missing = [p for p in sources if not Path(p).exists()]
        if missing:
            raise IndexVersionMismatch(
                f"{reason}, and its sources are gone ({missing[0]})",
                hint="run sco index build PATH with your articles to rebuild it") from None
    if note and sources == [str(seeds_dir())]:
        note(f"sco: {reason}; building one from the bundled seed articles in {base}")
    elif note:
        note(f"sco: {reason}; rebuilding it from its sources ({'; '.join(sources)}) in {base}")
    if build(base, sources, wait=30.0, unless_current=True) is None and note:
        note("sco: another sco built the index meanwhile; using that one")


def _live_meta(base: Path) -> dict | None:
    """What the live generation's `sco.json` says (plain JSON), or None when there is none or it
    cannot be read."""
    from sco_cli.errors import IndexCorrupt

    try:
        gen = current_generation(base)
        return read_meta(gen) if gen is not None else None
    except IndexCorrupt:
        return None


def _has_current_index(base: Path) -> bool:
    meta = _live_meta(base)
    return meta is not None and is_current(meta)


def _recorded_sources(base: Path) -> list[str]:
    """The sources the live generation says it was built from."""
    sources = (_live_meta(base) or {}).get("sources")
    return [s for s in sources if isinstance(s, str)] if isinstance(sources, list) else []
