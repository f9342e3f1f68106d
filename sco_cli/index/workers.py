"""The worker side of a build: one file read and extracted (`prepare`), many in a pool
(`prepared`), or a fresh build's workers that also write Whoosh segments of their own
(`SegmentWorkers`). Workers leave Ctrl-C to their parent and die with it."""
from __future__ import annotations

import dataclasses
import os
import signal
from dataclasses import dataclass
from pathlib import Path

from sco_cli import codec
from sco_cli.index import columns, whoosh_fixes
from sco_cli.index.schema import article_document, date_bounds, schema
from sco_cli.model import Article, Extraction

# Below this many files a build extracts in its own process; above, in a pool of worker processes
# (extraction is pure Python and the rest of a build waits for it).
PARALLEL_FROM = 200
# Files handed to the workers at a time; bounds the memory held by extracted, unwritten articles.
_WINDOW = 512
# Memory the Whoosh writer may use for postings before it spills a run to disk.
WRITER_LIMIT_MB = 128


def extract(article: Article) -> Extraction:
    """The extractors, imported on first use: queries never need them."""
    from sco_cli.extract import extract as run

    return run(article)


# ---- one article, in a worker ----------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """One input file, read and extracted, ready for the writer."""

    path: str
    problems: tuple = ()
    doc_id: str | None = None
    content_hash: str | None = None
    document: dict | None = None  # the Whoosh document; None when the article is unchanged
    timeline: tuple = ()  # (n, bounds, row fields) per date mention
    agreements: tuple = ()  # (n, agreement as a dict) per agreement mention
    counts: tuple = (0, 0, 0)  # dates, meetings, agreements
    vocabulary: tuple = ()  # (people, organisations, places) this article adds
    written: bool = False  # already in a segment its worker wrote (see `SegmentWorkers`)


_known_hashes: dict[str, str] = {}


def init_worker(known: dict[str, str]) -> None:
    global _known_hashes
    _known_hashes = known
    if os.getpid() != _parent_pid:
        # a worker leaves Ctrl-C to its parent, and dies with it
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()


_parent_pid = os.getpid()


def _die_with_parent() -> None:
    """Ask Linux to end this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # not Linux: the pool's own cleanup still applies
        pass


def prepare(path: str) -> Prepared:
    """Read one file and extract its facts, unless the index already has this exact text."""
    from sco_cli.corpus import Problem, read_file

    problems, article = [], None
    for item in read_file(Path(path)):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            article = item
    if article is None:
        return Prepared(path, tuple(problems))
    if _known_hashes.get(article.doc_id) == article.content_hash:
        return Prepared(path, tuple(problems), article.doc_id, article.content_hash)
    facts = extract(article)
    people = {p.name for m in facts.meetings for p in m.participants}
    orgs = {o for m in facts.meetings for p in m.participants for o in (p.organization, *p.org_aliases) if o}
    orgs.update(party for a in facts.agreements for party in a.parties)
    places = {m.place for m in facts.meetings if m.place} | {a.place for a in facts.agreements if a.place}
    return Prepared(
        path, tuple(problems), article.doc_id, article.content_hash,
        document=article_document(article, facts),
        timeline=tuple((n, date_bounds(m.date), columns.timeline_fields(m, article.headline))
                       for n, m in enumerate(facts.dates)),
        agreements=tuple((n, codec.plain(a)) for n, a in enumerate(facts.agreements)),
        counts=(len(facts.dates), len(facts.meetings), len(facts.agreements)),
        vocabulary=(tuple(people), tuple(orgs), tuple(places)),
    )


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def prepared(files: list[str], known: dict[str, str], workers: int):
    """`Prepared` for every file, in order; in worker processes when there are many files."""
    if workers <= 1 or len(files) < PARALLEL_FROM:
        init_worker(known)
        yield from map(prepare, files)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers, initializer=init_worker, initargs=(known,)) as pool:
        # a window at a time: the workers outrun the writer, and unbounded results would pile up
        for start in range(0, len(files), _WINDOW):
            yield from pool.imap(prepare, files[start:start + _WINDOW], chunksize=16)


class SegmentWorkers:
    """A fresh build on several cores: each worker process reads and extracts its share of the
    files and writes them into a Whoosh segment of its own; the parent gets back everything but
    the documents (for the side files) and, at the end, the segments, which it lists in one table
    of contents. Neither extraction nor Whoosh's analysis waits for a single writer."""

    _BATCH = 32  # prepared articles per message to the parent

    def __init__(self, staging: Path, files: list[str], workers: int):
        import multiprocessing

        self.context = multiprocessing.get_context("fork")
        self.queue = self.context.Queue(maxsize=64)
        self.parent = os.getpid()
        self.processes = [self.context.Process(target=self._work, args=(k, str(staging), files[k::workers]),
                                               daemon=True) for k in range(workers)]

    def _send(self, message) -> None:
        """Put a message for the parent; end at once if the parent is gone (no one will read)."""
        import queue

        while True:
            try:
                self.queue.put(message, timeout=1)
                return
            except queue.Full:
                if os.getppid() != self.parent:
                    os._exit(1)

    def stop(self) -> None:
        """End every worker now (the build failed or was interrupted)."""
        for process in self.processes:
            if process.is_alive():
                process.kill()

    def _work(self, number: int, folder: str, files: list[str]) -> None:
        init_worker({})
        try:
            writer = whoosh_fixes.segment_writer(folder, schema(), WRITER_LIMIT_MB // 2)
            batch = []
            for path in files:
                item = prepare(path)
                if item.document is not None:
                    writer.add_document(**item.document)
                    item = dataclasses.replace(item, document=None, written=True)
                batch.append(item)
                if len(batch) >= self._BATCH:
                    self._send(("items", batch))
                    batch = []
            self._send(("items", batch))
            segment = whoosh_fixes.finish_segment(writer) if writer.doc_count() else None
            self._send(("segment", (number, segment)))
        except BaseException as exc:  # the parent re-raises it
            self._send(("error", exc if _picklable(exc) else RuntimeError(repr(exc))))
        self._flush_and_exit()

    def _flush_and_exit(self) -> None:
        """Wait until the parent has everything sent, or is gone, then end. (Left to itself, a
        process at exit waits for its queue to drain however long that takes: a sibling worker
        holds the pipe open, so a dead parent would leave it waiting for ever.)"""
        import threading

        self.queue.close()
        flusher = threading.Thread(target=self.queue.join_thread, daemon=True)
        flusher.start()
        while flusher.is_alive() and os.getppid() == self.parent:
            flusher.join(0.5)
        os._exit(0)

    def run(self):
        """Yield the prepared articles as they come; the segments are in `self.segments` after, in
        the order of the workers, not the order they ended in: articles Whoosh scores alike are
        listed in the same order by every build of the same files."""
        self.segments = []
        numbered = []
        for process in self.processes:
            process.start()
        try:
            pending = len(self.processes)
            while pending:
                kind, payload = self.queue.get()
                if kind == "items":
                    yield from payload
                elif kind == "segment":
                    pending -= 1
                    numbered.append(payload)
                else:
                    raise payload
            self.segments = [segment for _, segment in sorted(numbered, key=lambda pair: pair[0])
                             if segment is not None]
            for process in self.processes:
                process.join()
        finally:
            self.stop()


def _picklable(exc: BaseException) -> bool:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return True
    except Exception:  # noqa: BLE001 - any failure means "send a stand-in"
        return False
