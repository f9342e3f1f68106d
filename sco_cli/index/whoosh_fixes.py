"""Whoosh, imported and patched the way sco needs it; the one module that touches its internals.

Call `load()` before using Whoosh. It applies, once per process:

1. a light import (`_import_whoosh_lightly`): three modules Whoosh imports and sco never uses
   are stood in for, about 55 ms of every query's start;
2. a cache of missing per-document columns (`_cache_missing_columns`): Whoosh 2.7 stats the disk
   for every posting of a field without lengths; field lengths read a field at a time
   (`_lengths_in_one_read`) instead of a byte per posting;
3. safe unpickling (`_restrict_unpickling`): Whoosh stores its table of contents, segment list,
   posting blocks and stored fields as pickles, and a pickle can run any code when loaded. Every
   place Whoosh loads one is pointed at `safe_loads`/`safe_load`, which build only plain data and
   the few classes in `ALLOWED_GLOBALS`; anything else raises `pickle.UnpicklingError` before a
   single foreign callable runs. (The schema is never unpickled at all: sco passes its own.)

`column_values` reads column fields segment by segment, around a Whoosh bug (below), and
`OnePassStemmingAnalyzer` gives StemmingAnalyzer's tokens for indexing in one loop.
"""
from __future__ import annotations

import bisect
import io
import itertools
import pickle
import re
from typing import Iterable, Iterator

# What sco's own index files need besides plain data (measured over builds, adds and every
# query: `tests/test_whoosh_fixes.py` checks a real index loads with exactly these).
ALLOWED_GLOBALS = frozenset({
    ("builtins", "bytes"), ("__builtin__", "bytes"),  # bytes in protocol-2 pickles
    ("_codecs", "encode"),  # how protocol 2 spells a bytes value
    ("builtins", "int"), ("collections", "defaultdict"),  # a segment's deleted-documents counts
    ("whoosh.codec.whoosh3", "W3Codec"), ("whoosh.codec.whoosh3", "W3Segment"),  # the segment list
})


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(f"refused to load {module}.{name} from an index file")
        return super().find_class(module, name)


# Bytes of the pickle opcodes that look up a global (GLOBAL, STACK_GLOBAL, INST, EXT1, EXT2,
# EXT4) or build an instance of one (OBJ). A pickle holding none of these bytes anywhere, even as
# data, gets no callable on its stack: it can only build plain data. Most of Whoosh's pickles are
# such (a posting's positions: a list of integers).
_NAMES_A_GLOBAL = re.compile(rb"[ci\x93\x82\x83\x84o]")


def safe_loads(data, **_ignored):
    """`pickle.loads` that builds plain data and the classes of `ALLOWED_GLOBALS` only: plain
    `pickle.loads` (in C) when no byte of `data` can name a global, else a restricted
    unpickler (in Python, ten times slower)."""
    if not _NAMES_A_GLOBAL.search(data):
        return pickle.loads(data)
    return _SafeUnpickler(io.BytesIO(data)).load()


def safe_load(file, **_ignored):
    """`pickle.load` with the same restriction as `safe_loads`."""
    return _SafeUnpickler(file).load()


class _SafePickleModule:
    """Stands in for the `pickle` module inside Whoosh modules that call `pickle.loads`."""

    loads = staticmethod(safe_loads)
    load = staticmethod(safe_load)
    dumps = staticmethod(pickle.dumps)
    dump = staticmethod(pickle.dump)
    PicklingError = pickle.PicklingError
    UnpicklingError = pickle.UnpicklingError
    HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL


# Postings spilled to disk are written this many to a pickle: one C call for many postings
# instead of a Python call for each (4 microseconds a posting to load, 1 to dump).
_RUN_CHUNK = 4096


def _write_run(self, f, items):
    """`SortingPool._write_run` (a sorted run of postings spilled to disk, one pickle each) as
    lists of `_RUN_CHUNK` postings, read back by `_read_run`."""
    items = iter(items)
    try:
        while True:
            chunk = list(itertools.islice(items, _RUN_CHUNK))
            if not chunk:
                return
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
    finally:
        f.close()


def _read_run(self, path):
    """`SortingPool._read_run` for the runs `_write_run` writes, a restricted unpickler per
    chunk (not one for the file: from protocol 4 on, a pickle's memo numbers start again at 0)."""
    f = self._open_run(path)
    try:
        while True:
            yield from _SafeUnpickler(f).load()
    except EOFError:
        return
    finally:
        f.close()
        self._remove_run(path)


def _restrict_unpickling() -> None:
    import whoosh.codec.whoosh3
    import whoosh.columns
    import whoosh.compat
    import whoosh.externalsort
    import whoosh.filedb.fileindex
    import whoosh.filedb.structfile
    import whoosh.formats
    import whoosh.index

    for module in (whoosh.compat, whoosh.codec.whoosh3, whoosh.columns, whoosh.formats):
        module.loads = safe_loads
    whoosh.compat.load = safe_load
    whoosh.externalsort.load = safe_load
    whoosh.externalsort.SortingPool._write_run = _write_run
    whoosh.externalsort.SortingPool._read_run = _read_run
    whoosh.filedb.structfile.load_pickle = safe_load
    whoosh.filedb.fileindex.pickle = _SafePickleModule
    whoosh.index.pickle = _SafePickleModule


_loaded = False


def load() -> None:
    """Import Whoosh and apply the fixes above (idempotent)."""
    global _loaded
    if _loaded:
        return
    _import_whoosh_lightly()
    _cache_missing_columns()
    _lengths_in_one_read()
    _restrict_unpickling()
    _loaded = True


def _import_whoosh_lightly() -> None:
    """Import Whoosh without three modules it pulls in and sco never uses, about 55 ms of every
    query's start (measured with `python -X importtime`):

    - `whoosh.compat` imports `urllib.request` for `urlretrieve`; a stand-in function imports the
      real module if it is ever called;
    - `whoosh.reading` takes `cached_property` from the package of that name, which imports
      `asyncio`; the standard library's `functools.cached_property` does the same job there.
    - `whoosh.query.terms` imports `whoosh.lang.morph_en` (an English morphology table compiled
      into regexes at import, 5-7 ms) for `Variations` queries, which sco never builds; a
      stand-in `variations` imports the real module if it is ever called.

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

    def variations(word):
        sys.modules.pop("whoosh.lang.morph_en", None)
        from whoosh.lang.morph_en import variations as real

        return real(word)

    stand_ins = {}
    if "whoosh.lang.morph_en" not in sys.modules:
        stand_ins["whoosh.lang.morph_en"] = types.ModuleType("whoosh.lang.morph_en")
        stand_ins["whoosh.lang.morph_en"].variations = variations
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
        import whoosh.query  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _cache_missing_columns() -> None:
    """Whoosh 2.7 looks for a field-lengths file on disk for every posting of a field that has
    none (ID and keyword fields), once per posting: 90,000 `stat` calls for 300 articles. The
    answer cannot change while a segment reader lives, so remember it."""
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


def _lengths_in_one_read() -> None:
    """Whoosh reads a document's field length (one byte per document and field) from disk each
    time it is asked: once per posting as a segment is written (a fifth of finishing one), once
    per scored document in a search. The bytes of a field are read at once instead, the first
    time one is asked, and answered from memory, as Whoosh answers (None for a zero byte)."""
    from whoosh.codec import whoosh3
    from whoosh.util.numeric import byte_to_length

    reader_class = whoosh3.W3PerDocReader
    if getattr(reader_class, "_sco_reads_lengths_at_once", False):
        return
    original = reader_class.doc_field_length

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.__dict__.setdefault("_sco_lengths", {})
        if fieldname not in lengths:
            lengths[fieldname] = _length_bytes(self, whoosh3, fieldname)
        data = lengths[fieldname]
        if data is None or docnum > self._doccount:
            return original(self, docnum, fieldname, default)
        lbyte = data[docnum] if docnum < len(data) else 0
        if lbyte:
            return byte_to_length(lbyte)
        return None

    reader_class.doc_field_length = doc_field_length
    reader_class.whoosh_doc_field_length = original  # what tests compare it with
    reader_class._sco_reads_lengths_at_once = True


def _length_bytes(perdoc, whoosh3, fieldname: str) -> bytes | None:
    """A field's length bytes, one per document (fewer when the last documents have none), or
    None when the column is missing or not the one-byte column Whoosh writes."""
    reader = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if reader is None or getattr(reader, "_fixedlen", None) != 1 or getattr(reader, "_typecode", None) != "B":
        return None
    return reader._dbfile.get(reader._basepos, reader._count)


# ---- segments written in parallel ---------------------------------------------------------------
# Whoosh's own multiprocess writer (`procs=`) hands every document through temporary files and
# deadlocks beside another process pool; sco's build workers each write a segment of their own
# instead, with the same internals it uses, and the parent lists them all in one table of contents.


def segment_writer(folder: str, schema, limitmb: int):
    """A writer of one new segment of the (created) index in `folder`, without the index lock:
    several processes write segments side by side; `commit_segments` then publishes them."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import SegmentWriter

    ix = FileStorage(folder).open_index(schema=schema)
    return SegmentWriter(ix, _lk=False, limitmb=limitmb, compound=False)


def finish_segment(writer):
    """Close a `segment_writer`'s segment and return it (picklable) for `commit_segments`.
    The writers share one scratch folder (`MAIN.tmp`), so none removes it: `commit_segments`
    does, once every segment is done."""
    segment = writer._finalize_segment()
    writer.is_closed = True
    return segment


def commit_segments(ix, segments: list) -> None:
    """Publish segments written by `segment_writer`s as the index's next generation."""
    writer = ix.writer(compound=False)
    writer._close_segment()  # this writer's own (empty) segment is not kept
    writer._commit_toc(list(segments))
    writer._finish()


# ---- column fields -------------------------------------------------------------------------------


def column_values(reader, fieldname: str, docnums: Iterable[int]) -> Iterator[bytes]:
    """The value of a column field for each of `docnums` (ascending or not), read segment by
    segment. (`MultiReader.column_reader` leaves out a segment without the column, and then reads
    that segment's documents from another segment's values; here such a segment gives b"".)"""
    leaves = reader.leaf_readers()
    offsets = [offset for _, offset in leaves]
    readers = [leaf.column_reader(fieldname, translate=False) if leaf.has_column(fieldname) else None
               for leaf, _ in leaves]
    for docnum in docnums:
        k = bisect.bisect_right(offsets, docnum) - 1
        column = readers[k]
        yield column[docnum - offsets[k]] if column is not None else b""


# ---- analysis ----------------------------------------------------------------------------------


class OnePassStemmingAnalyzer:
    """Whoosh's `StemmingAnalyzer()`, with the tokens it gives for indexing and for highlighting
    (`mode="index"`: positions, character offsets, stop words kept or not) made in one loop
    instead of a chain of four generators, and its stems cached in C (`functools.lru_cache`)
    instead of Whoosh's Python cache: a third of the analysis time of a build. Every other call
    (queries) goes to the StemmingAnalyzer itself; `tests/test_whoosh_fixes.py` proves the
    tokens the same."""

    _STEMS_CACHED = 100_000

    def __init__(self):
        self._setup()

    def _setup(self) -> None:
        import functools

        from whoosh.analysis import StemmingAnalyzer

        self.standard = StemmingAnalyzer()
        tokenizer, _lowercase, stops, stemmer = self.standard.items
        self._finditer = tokenizer.expression.finditer
        self._stops, self._min, self._max = stops.stops, stops.min, stops.max
        self._renumber = stops.renumber
        self._stem = functools.lru_cache(maxsize=self._STEMS_CACHED)(stemmer.stemfn)
        self._last_kept: tuple[str, list[str]] | None = None  # (text, the stems kept of it)

    def __getstate__(self):  # Whoosh pickles the schema into its table of contents
        return {}

    def __setstate__(self, state):
        self._setup()

    def __eq__(self, other):
        return isinstance(other, OnePassStemmingAnalyzer)

    def __getattr__(self, name):  # anything else an analyzer has, as the standard one has it
        if name.startswith("_") or name == "standard":
            raise AttributeError(name)
        return getattr(self.standard, name)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        if mode != "index" or keeporiginal or not tokenize or not self._renumber:
            return self.standard(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                 removestops=removestops, start_pos=start_pos, start_char=start_char,
                                 tokenize=tokenize, mode=mode, **kwargs)
        return self._index_tokens(value, positions, chars, removestops, start_pos, start_char, mode, kwargs)

    def _index_tokens(self, value, positions, chars, removestops, start_pos, start_char, mode, kwargs):
        """What the tokenizer, lower-case, stop and stem filters yield, in one loop: a stop word
        (too short, too long or listed) is left out, or with `removestops` off given as it is,
        marked stopped, at its own position; the words kept are numbered one after another."""
        from whoosh.analysis import Token

        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stops, shortest, longest, stem = self._stops, self._min, self._max, self._stem
        pos = None
        kept: list[str] | None = [] if removestops else None
        for n, match in enumerate(self._finditer(value)):
            text = match.group(0).lower()
            stopped = len(text) < shortest or (longest is not None and len(text) > longest) or text in stops
            if stopped and removestops:
                continue
            token.boost = 1.0
            if chars:
                token.startchar, token.endchar = start_char + match.start(), start_char + match.end()
            if stopped:
                token.text, token.stopped = text, True
                if positions:
                    token.pos = start_pos + n
            else:
                token.text, token.stopped = stem(text), False
                if positions:
                    pos = start_pos + n if pos is None else pos + 1
                    token.pos = pos
                if kept is not None:
                    kept.append(token.text)
            yield token
        if kept is not None:  # only once the text was read to its end
            self._last_kept = (value, kept)

    def kept_words(self, value: str) -> list[str]:
        """The stems indexing keeps of `value` (stop words out), in order: numbered one after
        another, so each is next to the one before it. When this very string was the last one
        analysed to its end (the body, just before its word pairs), its stems are not made again."""
        last = self._last_kept
        if last is not None and last[0] is value:
            return last[1]
        if not self._renumber:  # words around a stop word would not be next to each other
            raise ValueError("kept_words needs the stop filter's renumbering")
        return [token.text for token in self(value, mode="index")]
