"""The Whoosh index: schema (declared once), atomic builds, incremental adds, opening and checks.

Layout of an index directory (`$SCO_INDEX_DIR`, `--index-dir`, or the XDG data directory)::

    CURRENT          the name of the live generation, replaced atomically (os.replace)
    gen-<ns>/        one complete Whoosh index + sco.json (versions, counts) + vocab.json (the
                     values TAB completes) + vocab-*.tsv (the same, sorted for bisection) +
                     agreements.json (one record per instrument, grouped at build time)
    .build-<rand>/   a generation being written; never read; removed by the next writer
    writer.lock      held (fcntl) by the one process that may build or add

A build or an add writes a whole new generation and then points CURRENT at it, so a reader or a
crash only ever sees the old index or the new one. The previous generation is kept for readers
that opened it just before the swap; older ones are removed.

Whoosh pickles the schema into its table of contents and unpickles it on open. `open_index`
therefore reads `sco.json` first and opens only directories that `sco` wrote itself.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sco_cli import EXTRACTION_VERSION, __version__, codec
from sco_cli.errors import IndexCorrupt, IndexLocked, IndexMissing, IndexVersionMismatch
from sco_cli.model import Article, Extraction, IndexStatus, Meeting, Person
from sco_cli.normalize import fold
from sco_cli.paths import (
    POINTER_FILE,
    VOCAB_FILE,
    default_index_dir,
    generation_name,
    read_vocabulary,
    write_completion_files,
)

__all__ = ["build", "ensure_index", "open_index", "status", "default_index_dir", "read_vocabulary", "schema"]

SCHEMA_VERSION = 5
INDEX_FORMAT = "sco-index"
META_FILE = "sco.json"
AGREEMENTS_FILE = "agreements.json"
LOCK_FILE = "writer.lock"
FACT_KINDS = ("date", "meeting", "agreement")


def seeds_dir() -> Path:
    """The bundled example articles: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here / "seeds"


def _import_whoosh_lightly() -> None:
    """Import Whoosh without two modules it pulls in and sco never uses, 50 ms of every query's
    start (measured with `python -X importtime`):

    - `whoosh.compat` imports `urllib.request` for `urlretrieve`; a stand-in function imports the
      real module if it is ever called;
    - `whoosh.reading` takes `cached_property` from the package of that name, which imports
      `asyncio`; the standard library's `functools.cached_property` does the same job there.

    The stand-in modules are removed from `sys.modules` right after, so nothing else sees them.
    """
    import functools
    import sys
    import types

    if "whoosh.reading" in sys.modules:
        return

    def urlretrieve(*args, **kwargs):
        sys.modules.pop("urllib.request", None)
        from urllib.request import urlretrieve as real

        return real(*args, **kwargs)

    stand_ins = {}
    if "urllib.request" not in sys.modules:
        stand_ins["urllib.request"] = types.ModuleType("urllib.request")
        stand_ins["urllib.request"].urlretrieve = urlretrieve
    if "cached_property" not in sys.modules:
        stand_ins["cached_property"] = types.ModuleType("cached_property")
        stand_ins["cached_property"].cached_property = functools.cached_property
    sys.modules.update(stand_ins)
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _patch_whoosh() -> None:
    """Whoosh 2.7 looks for a field-lengths file on disk for every posting of a field that has
    none (ID and keyword fields), once per posting: 90,000 `stat` calls for 300 articles. The
    answer cannot change while a segment reader lives, so remember it."""
    _import_whoosh_lightly()
    from whoosh.codec import whoosh3

    reader_class = whoosh3.W3PerDocReader
    if getattr(reader_class, "_sco_caches_missing_columns", False):
        return
    original = reader_class._cached_reader

    def cached_reader(self, fieldname, column):
        if fieldname not in self._readers:
            self._readers[fieldname] = original(self, fieldname, column)
        return self._readers[fieldname]

    reader_class._cached_reader = cached_reader
    reader_class._sco_caches_missing_columns = True


def schema():
    """The one Whoosh schema. Articles and facts share it; `kind` tells them apart."""
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    text = StemmingAnalyzer()
    tags = dict(commas=True, lowercase=True, scorable=False)
    return fields.Schema(
        uid=fields.ID(unique=True, stored=True),
        kind=fields.ID(stored=True),
        doc_id=fields.ID(stored=True),
        content_hash=fields.ID(stored=True),
        title=fields.TEXT(stored=True, analyzer=text, field_boost=2.0),
        headline=fields.STORED(),  # a fact's article title: shown, never searched
        body=fields.TEXT(stored=True, analyzer=text),
        # a fact's sentence: apart from `body`, so that article searches never scan fact documents
        sentence=fields.TEXT(stored=True, analyzer=text),
        # a date as the interval it covers, yyyymmdd; partial dates filter by overlap
        date_start=fields.NUMERIC(int, bits=32, stored=True),
        date_end=fields.NUMERIC(int, bits=32, stored=True),
        names=fields.KEYWORD(**tags),
        orgs=fields.KEYWORD(**tags),
        place=fields.KEYWORD(**tags),
        meeting_format=fields.ID(),
        agreement_kind=fields.ID(),
        payload=fields.STORED(),
    )


# ---- documents ------------------------------------------------------------------------------


def _date_fields(date) -> dict:
    bounds = date.bounds() if date is not None else None
    return {"date_start": bounds[0], "date_end": bounds[1]} if bounds else {}


def person_terms(person: Person) -> list[str]:
    """What a participant can be looked up by: full name, each part of it, aliases."""
    terms = {fold(person.name)}
    terms.update(fold(person.name).split())
    terms.update(fold(alias) for alias in person.aliases)
    return sorted(t for t in terms if t)


def org_terms(meeting: Meeting) -> list[str]:
    """What a meeting can be found by with --org: each participant's organisation, all its names."""
    terms = set()
    for p in meeting.participants:
        if p.organization:
            terms.add(fold(p.organization))
        terms.update(fold(a) for a in p.org_aliases)
    return sorted(t for t in terms if t)


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v.replace(",", " ") for v in values if v)


def article_documents(article: Article, facts: Extraction) -> Iterator[dict]:
    """The Whoosh documents for one article: itself, then one per extracted fact."""
    yield {
        "uid": article.doc_id,
        "kind": "article",
        "doc_id": article.doc_id,
        "content_hash": article.content_hash,
        "title": article.headline,
        "body": article.body,
        "payload": json.dumps(
            {
                "path": article.path,
                "words": article.words,
                "doc_date": None if facts.doc_date is None else json.loads(codec.dumps(facts.doc_date)),
                "people": [json.loads(codec.dumps(p)) for p in facts.people],
                "organizations": [list(o) for o in facts.organizations],
                "year_evidence": [json.loads(codec.dumps(e)) for e in facts.year_evidence],
            },
            ensure_ascii=False,
        ),
        **_date_fields(facts.doc_date),
    }
    for n, mention in enumerate(facts.dates):
        yield {
            "uid": f"{article.doc_id}#date{n}",
            "kind": "date",
            "doc_id": article.doc_id,
            "headline": article.headline,
            "sentence": mention.sentence,
            "payload": codec.dumps(mention),
            **_date_fields(mention.date),
        }
    for n, meeting in enumerate(facts.meetings):
        names = [t for p in meeting.participants for t in person_terms(p)]
        yield {
            "uid": f"{article.doc_id}#meeting{n}",
            "kind": "meeting",
            "doc_id": article.doc_id,
            "headline": article.headline,
            "sentence": meeting.evidence,
            "names": _keywords(names),
            "orgs": _keywords(org_terms(meeting)),
            "place": fold(meeting.place),
            "meeting_format": meeting.format,
            "payload": codec.dumps(meeting),
            **_date_fields(meeting.date),
        }
    for n, agreement in enumerate(facts.agreements):
        yield {
            "uid": f"{article.doc_id}#agreement{n}",
            "kind": "agreement",
            "doc_id": article.doc_id,
            "headline": article.headline,
            "sentence": f"{agreement.title}\n{agreement.evidence}",
            "orgs": _keywords(fold(p) for p in agreement.parties),
            "place": fold(agreement.place),
            "agreement_kind": agreement.kind,
            "payload": codec.dumps(agreement),
            **_date_fields(agreement.date),
        }


# ---- locations, locking, generations ---------------------------------------------------------


@dataclass(frozen=True)
class Handle:
    """An open index generation: where it is, what `sco.json` says, the Whoosh index, and the one
    searcher every query of this process shares (opening it reads every segment, so it is done
    once, when the index is opened, which also finds missing or damaged segment files)."""

    base: Path
    path: Path
    meta: dict
    ix: object
    shared_searcher: object

    def searcher(self):
        from contextlib import nullcontext

        return nullcontext(self.shared_searcher)


def current_generation(base: Path) -> Path | None:
    try:
        name = generation_name(base)
    except OSError as exc:
        raise IndexCorrupt(f"cannot read the index at {base}: {exc.strerror}", hint="run sco index build") from exc
    if name is None:
        return None
    if not name.startswith("gen-") or "/" in name:
        raise IndexCorrupt(f"the index at {base} is damaged (bad {POINTER_FILE})", hint="run sco index build PATH")
    return base / name


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


def open_index(base: Path) -> Handle:
    """Open the live generation under `base`, checking it was written by this `sco`."""
    gen = current_generation(base)
    if gen is None:
        raise IndexMissing(f"no index in {base}", hint=f"run: sco --index-dir {base} index build PATH")
    meta = read_meta(gen)
    if not is_current(meta):
        raise IndexVersionMismatch(
            f"the index in {base} was built by sco {meta.get('sco_version')} "
            f"(schema {meta.get('schema_version')}, extraction {meta.get('extraction_version')}); "
            f"this sco needs schema {SCHEMA_VERSION}, extraction {EXTRACTION_VERSION}",
            hint="run sco index build PATH to rebuild it",
        )
    try:
        _patch_whoosh()
        from whoosh.index import open_dir

        ix = open_dir(str(gen))
        searcher = ix.searcher()
    except Exception as exc:  # Whoosh raises many kinds on damaged files; all mean the same here
        raise IndexCorrupt(f"the index in {base} is damaged ({type(exc).__name__})",
                           hint="run sco index build PATH") from exc
    return Handle(base, gen, meta, ix, searcher)


@contextmanager
def writer_lock(base: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the one writer lock of `base`, waiting up to `wait` seconds for another writer."""
    base.mkdir(parents=True, exist_ok=True)
    fd = os.open(base / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexLocked(f"another sco is writing the index in {base}",
                                      hint="wait for it, or pass --wait SECONDS") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(base: Path, staging: Path) -> Path:
    """Turn a finished staging directory into the live generation."""
    gen = base / f"gen-{time.time_ns()}"
    os.rename(staging, gen)
    tmp = base / f".{POINTER_FILE}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(gen.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, base / POINTER_FILE)
    _fsync_dir(base)
    return gen


def _prune(base: Path, keep: set[str]) -> None:
    """Remove dead staging directories and generations older than the previous one."""
    gens = sorted((p for p in base.glob("gen-*") if p.is_dir()), key=lambda p: p.name)
    for old in gens[:-2]:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in base.glob(".build-*"):
        shutil.rmtree(stale, ignore_errors=True)


# ---- building --------------------------------------------------------------------------------


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


def _write_meta(staging: Path, docs: int, facts: dict, sources: list[str], vocab: dict) -> None:
    meta = {
        "format": INDEX_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "extraction_version": EXTRACTION_VERSION,
        "sco_version": __version__,
        "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "documents": docs,
        "facts": facts,
        "sources": sources,
    }
    for name, data in ((META_FILE, meta), (VOCAB_FILE, vocab)):
        with open(staging / name, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
    write_completion_files(staging, vocab)


def _write_agreements(staging: Path, searcher) -> None:
    """Group every agreement of the index into one record per instrument, once, for `sco agreements`."""
    from sco_cli import instruments

    def order(uid: str) -> tuple[str, int]:
        doc, _, tail = uid.rpartition("#agreement")
        return doc, int(tail or 0)

    mentions = sorted(((f["uid"], f["doc_id"], codec.loads("agreement", f["payload"]))
                       for f in searcher.documents(kind="agreement")), key=lambda t: order(t[0]))
    with open(staging / AGREEMENTS_FILE, "w", encoding="utf-8") as fh:
        fh.write(instruments.dump(instruments.group(mentions)))
        fh.flush()
        os.fsync(fh.fileno())


def read_agreements(handle: Handle) -> list:
    """The instruments grouped at build time (`AgreementRecord`s)."""
    from sco_cli import instruments

    try:
        text = (handle.path / AGREEMENTS_FILE).read_text(encoding="utf-8")
        return instruments.load(text)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"cannot read {handle.path / AGREEMENTS_FILE}: {exc}",
                           hint="run sco index build PATH to rebuild the index") from None


def _count(searcher) -> tuple[int, dict]:
    """(articles, {fact kind: count}) in the index."""
    counts = {kind: sum(1 for _ in searcher.document_numbers(kind=kind)) for kind in ("article",) + FACT_KINDS}
    return counts.pop("article"), counts


def extract(article: Article) -> Extraction:
    """The extractors, imported on first use: queries never need them."""
    from sco_cli.extract import extract as run

    return run(article)


# Below this many files a build extracts in its own process; above, in a pool of worker processes
# (extraction is pure Python and the rest of a build waits for it).
PARALLEL_FROM = 200
# Files handed to the workers at a time; bounds the memory held by extracted, unwritten articles.
_WINDOW = 512
# Memory the Whoosh writer may use for postings before it spills a run to disk.
WRITER_LIMIT_MB = 128


@dataclass(frozen=True)
class _Prepared:
    """One input file, read and extracted, ready for the writer."""

    path: str
    problems: tuple = ()
    doc_id: str | None = None
    content_hash: str | None = None
    documents: tuple = ()  # Whoosh documents; empty when unchanged
    vocabulary: tuple = ()  # (people, organisations, places) this article adds


_known_hashes: dict[str, str] = {}


def _init_worker(known: dict[str, str]) -> None:
    global _known_hashes
    _known_hashes = known


def _prepare(path: str) -> _Prepared:
    """Read one file and extract its facts, unless the index already has this exact text."""
    from sco_cli.corpus import Problem, read_file

    problems, article = [], None
    for item in read_file(Path(path)):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            article = item
    if article is None:
        return _Prepared(path, tuple(problems))
    if _known_hashes.get(article.doc_id) == article.content_hash:
        return _Prepared(path, tuple(problems), article.doc_id, article.content_hash)
    facts = extract(article)
    people = {p.name for m in facts.meetings for p in m.participants}
    orgs = {o for m in facts.meetings for p in m.participants for o in (p.organization, *p.org_aliases) if o}
    orgs.update(party for a in facts.agreements for party in a.parties)
    places = {m.place for m in facts.meetings if m.place} | {a.place for a in facts.agreements if a.place}
    return _Prepared(path, tuple(problems), article.doc_id, article.content_hash,
                     tuple(article_documents(article, facts)), (tuple(people), tuple(orgs), tuple(places)))


def _prepared(files: list[str], known: dict[str, str], workers: int):
    """`_Prepared` for every file, in order; in worker processes when there are many files."""
    if workers <= 1 or len(files) < PARALLEL_FROM:
        _init_worker(known)
        yield from map(_prepare, files)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers, initializer=_init_worker, initargs=(known,)) as pool:
        # a window at a time: the workers outrun the writer, and unbounded results would pile up
        for start in range(0, len(files), _WINDOW):
            yield from pool.imap(_prepare, files[start:start + _WINDOW], chunksize=16)


def build(base: Path, paths: Iterable[str], *, add: bool = False, wait: float = 0.0,
          progress: Progress | None = None, on_problem: Callable | None = None,
          workers: int | None = None, allow_empty: bool = False) -> BuildReport:
    """Index `paths` into a new generation under `base` and make it live.

    With `add=False` the new index holds exactly these articles. With `add=True` it starts as a copy
    of the live index; new articles are added and changed ones (by content hash) replaced.
    A path that does not exist, or a build that would hold no article, changes nothing and raises
    `UsageError` (a mistyped folder must not empty the index); `allow_empty` permits both.
    """
    from whoosh.index import create_in, open_dir

    from sco_cli.corpus import article_files

    _patch_whoosh()
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
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=base))
        try:
            live = current_generation(base) if add else None
            sources = [str(Path(p).absolute()) for p in paths]
            vocab = {"people": [], "organizations": [], "places": [], "documents": []}
            if live is not None:
                old_meta = read_meta(live)
                if not is_current(old_meta):
                    raise IndexVersionMismatch(f"the index in {base} is from another sco version",
                                               hint="run sco index build PATH (not add) to rebuild it")
                shutil.rmtree(staging)
                shutil.copytree(live, staging)
                ix = open_dir(str(staging))
                sources = list(dict.fromkeys(old_meta.get("sources", []) + sources))
                vocab.update(read_vocabulary(base))
            elif add:
                raise IndexMissing(f"no index in {base} to add to", hint="run sco index build PATH first")
            else:
                ix = create_in(str(staging), schema())
            people, orgs, places = (set(vocab.get(k, [])) for k in ("people", "organizations", "places"))
            added = updated = unchanged = 0
            for problem in file_problems:
                report(problem)
            # a large build writes its postings in one pass; a small add merges into what is there
            # separate files, not one compound file: Whoosh copies a compound file's parts into
            # memory when it opens them (77 ms for the 10k index against a few ms)
            writer = ix.writer(limitmb=WRITER_LIMIT_MB, compound=False)
            try:
                known: dict[str, str] = {}
                if live is not None:
                    with ix.searcher() as s:
                        known = {f["doc_id"]: f.get("content_hash") for f in s.documents(kind="article")}
                done = 0
                for item in _prepared([str(f) for f in files], known, workers):
                    done += 1
                    for problem in item.problems:
                        report(problem)
                    if item.doc_id is not None and not item.documents:
                        unchanged += 1
                    elif item.doc_id is not None:
                        if item.doc_id in known:
                            writer.delete_by_term("doc_id", item.doc_id)
                            updated += 1
                        else:
                            added += 1
                        known[item.doc_id] = item.content_hash
                        for doc in item.documents:
                            writer.add_document(**doc)
                        for bucket, values in zip((people, orgs, places), item.vocabulary):
                            bucket.update(values)
                    if progress:
                        progress(done, len(files))
                writer.commit(optimize=not add)
            except BaseException:
                writer.cancel()
                raise
            with ix.searcher() as s:
                docs, facts = _count(s)
                _write_agreements(staging, s)
            ix.close()
            vocab = {"people": sorted(people), "organizations": sorted(orgs), "places": sorted(places),
                     "documents": sorted(known)}
            _write_meta(staging, docs, facts, sources, vocab)
            _fsync_dir(staging)
            gen = _publish(base, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _prune(base, keep={gen.name})
    return BuildReport(base, added, updated, unchanged, docs, facts, tuple(problems),
                       time.monotonic() - started)


def _check_inputs(paths: list[str], files: list, *, add: bool, allow_empty: bool) -> None:
    """Refuse, before anything is touched, inputs that would lose the user's index by mistake."""
    from sco_cli.errors import UsageError

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


def ensure_index(base: Path, *, explicit: bool, note: Callable[[str], None] | None = None) -> Handle:
    """Open the index. A default index that is missing is built from the bundled seeds; one from
    another sco version is rebuilt from the sources it records (the seeds only if it was built
    from them), or refused with the command to run when those sources are gone: an upgrade never
    replaces a user's articles with the seeds."""
    try:
        return open_index(base)
    except (IndexMissing, IndexVersionMismatch) as exc:
        if explicit:
            raise
        sources = [str(seeds_dir())]
        reason = "no index yet"
        if isinstance(exc, IndexVersionMismatch):
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
        build(base, sources, wait=30.0)
        return open_index(base)


def _recorded_sources(base: Path) -> list[str]:
    """The sources the live generation says it was built from (sco.json, plain JSON)."""
    gen = current_generation(base)
    if gen is None:
        return []
    try:
        meta = read_meta(gen)
    except IndexCorrupt:
        return []
    sources = meta.get("sources")
    return [s for s in sources if isinstance(s, str)] if isinstance(sources, list) else []
