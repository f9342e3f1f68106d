"""Whoosh as sco loads it: no pickle from disk runs code; a real index loads with the allow-list."""
from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from sco_cli import index
from sco_cli.index import whoosh_fixes
from sco_cli.index.schema import schema
from tests.conftest import SEEDS


class _Planted:
    """A pickle that, when loaded without restriction, creates the file `marker`."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _write_toc(folder: Path, generation: int, segments) -> None:
    """A Whoosh table of contents whose segment list is `segments` (pickled by Whoosh itself)."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    TOC(schema(), segments, generation).write(FileStorage(str(folder)), "MAIN")


def _live(base: Path) -> Path:
    return index.current_generation(base)


def _plant_copied_meta(base: Path, marker: Path) -> None:
    """A new generation made of a real sco.json (and marker) and a crafted table of contents."""
    real = _live(base)
    fake = base / "gen-9999999999999999999"
    fake.mkdir()
    for name in ("sco.json", ".sco-generation"):
        shutil.copy(real / name, fake / name)
    _write_toc(fake, 1, [_Planted(marker)])
    (base / "CURRENT").write_text(fake.name + "\n")


def _plant_replaced_toc(base: Path, marker: Path) -> None:
    live = _live(base)
    (toc,) = live.glob("_MAIN_*.toc")
    generation = int(toc.stem.rsplit("_", 1)[1])
    toc.unlink()
    _write_toc(live, generation, [_Planted(marker)])


def _plant_newer_toc(base: Path, marker: Path) -> None:
    _write_toc(_live(base), 7, [_Planted(marker)])


@pytest.mark.parametrize("plant", [_plant_copied_meta, _plant_replaced_toc, _plant_newer_toc],
                         ids=["copied sco.json", "replaced TOC", "extra _MAIN_7.toc"])
@pytest.mark.parametrize("command", [("docs",), ("search", "Norov"), ("who-met",), ("index", "status"),
                                     ("index", "add", str(SEEDS))])
def test_a_planted_pickle_never_runs(sco, seeds_index, tmp_path, plant, command):
    marker = tmp_path / "owned"
    plant(seeds_index, marker)
    assert not marker.exists()
    result = sco(*command)
    assert not marker.exists(), "a pickle from the index ran code"
    if command[:2] != ("index", "status"):  # status reads sco.json only, which is plain JSON
        assert result.exit_code == 3, result.stdout
        assert result.stderr.startswith(f"sco: the index in {seeds_index} is damaged (UnpicklingError)")
        assert result.stderr.endswith("hint: run sco index build PATH to rebuild it\n")


def test_the_planted_pickle_does_run_without_the_fix(tmp_path):
    # the payload above is real: plain pickle runs it
    marker = tmp_path / "owned"
    pickle.loads(pickle.dumps(_Planted(marker)))
    assert marker.exists()


def test_safe_loads_refuses_any_callable_outside_the_allow_list():
    with pytest.raises(pickle.UnpicklingError, match="refused to load posix.system"):
        whoosh_fixes.safe_loads(pickle.dumps(_Planted(Path("/nonexistent/x"))))
    with pytest.raises(pickle.UnpicklingError, match="refused to load builtins.eval"):
        whoosh_fixes.safe_loads(b"cbuiltins\neval\n(S'1'\ntR.")


def test_safe_loads_builds_plain_data():
    data = {"doc_id": "a", "n": [1, 2.5, None, True], "b": b"\x00\xff", "t": ("x", (1, -2 ** 70))}
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert whoosh_fixes.safe_loads(pickle.dumps(data, protocol)) == data


# Every opcode that gives a pickle something callable: a global looked up by name (or by
# extension code), or an instance of one. REDUCE, BUILD, NEWOBJ and NEWOBJ_EX call only what
# one of these put on the stack; PERSID and BINPERSID fail without a persistent_load.
_OPCODES_NAMING_A_GLOBAL = {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "EXT1", "EXT2", "EXT4"}


def test_the_fast_path_of_safe_loads_knows_every_opcode_that_names_a_global():
    import pickletools

    codes = {op.name: op.code.encode("latin-1") for op in pickletools.opcodes}
    assert _OPCODES_NAMING_A_GLOBAL <= set(codes)
    for name in _OPCODES_NAMING_A_GLOBAL:
        assert whoosh_fixes._NAMES_A_GLOBAL.search(b"\x80\x02" + codes[name] + b"."), name
    for op in pickletools.opcodes:  # every other opcode is plain data, a mark, or a call of those
        if op.name not in _OPCODES_NAMING_A_GLOBAL:
            assert not whoosh_fixes._NAMES_A_GLOBAL.search(op.code.encode("latin-1")), op.name


@pytest.mark.parametrize("value", [[3, 99, 105, 111], "cio", b"\x93\x82", [1, 2, 3], {"k": (1.5, None)}])
def test_safe_loads_gives_plain_data_the_same_on_either_path(value):
    data = pickle.dumps(value, 2)
    assert whoosh_fixes.safe_loads(data) == value  # bytes like "c" (99) in the data: the slow path


def test_a_real_index_needs_nothing_outside_the_allow_list(seeds_index_template, tmp_path, monkeypatch):
    # every global the seeds index's pickles name, over a build, an add and the queries
    seen = set()
    original = whoosh_fixes._SafeUnpickler.find_class

    def record(self, module, name):
        seen.add((module, name))
        return original(self, module, name)

    monkeypatch.setattr(whoosh_fixes._SafeUnpickler, "find_class", record)
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    extra = tmp_path / "extra.txt"
    extra.write_text("Norov meets Lavrov\n\nMOSCOW, 3 May 2021. Vladimir Norov met Sergey Lavrov.\n")
    index.build(base, [str(extra)], add=True)
    from sco_cli import query

    handle = index.open_index(base)
    assert query.search(handle, "Norov") and query.who_met(handle, "Norov") and query.timeline(handle)
    assert seen and seen <= whoosh_fixes.ALLOWED_GLOBALS
    meta = json.loads((index.current_generation(base) / "sco.json").read_text())
    assert meta["documents"] == 6


def test_column_values_read_each_segment_even_after_one_without_the_column(tmp_path):
    from whoosh import columns, fields
    from whoosh.filedb.filestore import FileStorage

    whoosh_fixes.load()
    schema = fields.Schema(key=fields.ID(stored=True), value=fields.COLUMN(columns.VarBytesColumn()))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    for batch in ([("a", None), ("b", None)], [("c", b"3"), ("d", b"4")], [("e", b"5")]):
        with ix.writer(merge=False) as writer:
            for key, value in batch:
                writer.add_document(key=key, **({} if value is None else {"value": value}))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert [len(list(leaf.all_doc_ids())) for leaf, _ in reader.leaf_readers()] == [2, 2, 1]
        assert not reader.leaf_readers()[0][0].has_column("value")
        docnums = [searcher.document_number(key=k) for k in "abcde"]
        assert list(whoosh_fixes.column_values(reader, "value", docnums)) == [b"", b"", b"3", b"4", b"5"]


def test_whoosh_loads_without_the_modules_sco_never_uses_and_they_still_work_when_called():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sco_cli.index import whoosh_fixes\n"
        "whoosh_fixes.load()\n"
        "import whoosh.query.terms, whoosh.compat, whoosh.searching\n"
        "print(sorted(m for m in ('asyncio', 'urllib.request', 'whoosh.lang.morph_en') if m in sys.modules))\n"
        "print(sorted(whoosh.query.terms.variations('treaty')))\n"
        "print('whoosh.lang.morph_en' in sys.modules, callable(whoosh.compat.urlretrieve))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    from whoosh.lang.morph_en import variations

    assert out.splitlines() == ["[]", str(sorted(variations("treaty"))), "True True"]
    assert "treaties" in variations("treaty")


def _index_tokens(analyzer, text: str, **options):
    return [(t.text, t.pos, t.boost) for t in analyzer(text, positions=True, boosts=True, mode="index", **options)]


@pytest.mark.parametrize("text", [
    "The SCO Secretary-General met the Minister of Foreign Affairs on 14 March 2019 in Vienna.",
    "a an the of it is was be to in -- and, or: 3.141 big-time under_score U.S. e.g. x y z",
    "Jürgen Stock, Москва, 北京, naïve café coöperation; treaties treaty treated treating",
    "   ", "", "the the the of", "Running runs ran; organisations organizations' organisational",
])
def test_one_pass_analyzer_indexes_the_tokens_of_whoosh_stemming_analyzer(text):
    from whoosh.analysis import StemmingAnalyzer

    whoosh_fixes.load()
    fast, standard = whoosh_fixes.OnePassStemmingAnalyzer(), StemmingAnalyzer()
    assert _index_tokens(fast, text) == _index_tokens(standard, text)
    assert _index_tokens(fast, text, start_pos=7) == _index_tokens(standard, text, start_pos=7)
    highlighting = {"positions": True, "chars": True, "mode": "index", "removestops": False}
    for options in ({"mode": "query"}, {"chars": True, "positions": True}, {"removestops": False}, highlighting,
                    {**highlighting, "removestops": True}, {**highlighting, "start_char": 5, "start_pos": 3}):
        def seen(analyzer):
            return [(t.text, t.pos if t.positions else None, t.startchar if t.chars else None,
                     t.endchar if t.chars else None, t.stopped, t.boost) for t in analyzer(text, **options)]

        assert seen(fast) == seen(standard), options


def test_one_pass_analyzer_gives_the_same_postings_on_the_seed_articles():
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    whoosh_fixes.load()
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        fast = fields.TEXT(analyzer=whoosh_fixes.OnePassStemmingAnalyzer())
        standard = fields.TEXT(analyzer=StemmingAnalyzer())
        assert list(fast.index(body)) == list(standard.index(body)), path.name


def test_one_pass_analyzer_survives_the_pickle_whoosh_makes_of_the_schema():
    from whoosh.analysis import StemmingAnalyzer

    analyzer = pickle.loads(pickle.dumps(whoosh_fixes.OnePassStemmingAnalyzer()))
    assert _index_tokens(analyzer, "Treaties signed") == _index_tokens(StemmingAnalyzer(), "Treaties signed") == [
        ("treati", 0, 1.0), ("sign", 1, 1.0)]  # Porter: "ies" -> "i", "ed" dropped
    assert analyzer.has_morph()


def test_postings_spilled_to_disk_come_back_sorted_and_a_planted_pickle_is_refused(tmp_path):
    from whoosh.externalsort import SortingPool

    whoosh_fixes.load()
    items = [("body", f"w{n % 7}".encode(), n, 1.0, None) for n in range(25)]
    pool = SortingPool(maxsize=4, tempdir=str(tmp_path))
    for item in items:
        pool.add(item)
    assert len(pool.runs) == 6 and list(pool.items(maxfiles=3)) == sorted(items)

    marker = tmp_path / "ran"
    planted = SortingPool(maxsize=2, tempdir=str(tmp_path))
    for item in items[:4]:
        planted.add(item)
    with open(planted.runs[0], "ab") as run:
        pickle.dump(_Planted(marker), run, 2)
    with pytest.raises(pickle.UnpicklingError):
        list(planted.items())
    assert not marker.exists()


def test_spilled_runs_written_in_chunks_come_back_whole(tmp_path, monkeypatch):
    from whoosh.externalsort import SortingPool

    whoosh_fixes.load()
    monkeypatch.setattr(whoosh_fixes, "_RUN_CHUNK", 3)  # runs of 10 postings: four chunks each
    # the same strings again and again: each chunk's pickle numbers its memo from 0
    items = [(("body", "title", "names")[n % 3], f"w{n % 5}".encode(), n, float(n % 4), b"v" * (n % 2))
             for n in range(95)]
    pool = SortingPool(maxsize=10, tempdir=str(tmp_path))
    for item in items:
        pool.add(item)
    assert len(pool.runs) == 9
    assert list(pool.items(maxfiles=3)) == sorted(items)  # merged runs are written in chunks too


def _postings(ix) -> dict:
    with ix.searcher() as searcher:
        reader = searcher.reader()
        return {(field, text): [(m.id(), m.weight(), m.value()) for m in _walk(reader.postings(field, text))]
                for field, text in reader.all_terms()}


def _walk(matcher):
    while matcher.is_active():
        yield matcher
        matcher.next()


def _seed_index(folder: Path, limitmb: float):
    from whoosh import fields
    from whoosh.filedb.filestore import FileStorage

    schema = fields.Schema(n=fields.ID(stored=True), body=fields.TEXT(analyzer=whoosh_fixes.OnePassStemmingAnalyzer()),
                           tags=fields.KEYWORD())
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(schema)
    writer = ix.writer(limitmb=limitmb)
    for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        writer.add_document(n=str(n), body=path.read_text(encoding="utf-8"), tags=f"t{n % 3} all")
    writer.add_document(n="empty", body="", tags="")
    writer.commit()
    return ix


def test_a_segment_spilled_in_many_runs_has_the_postings_of_one_sorted_in_memory(tmp_path, monkeypatch):
    from whoosh.externalsort import SortingPool

    whoosh_fixes.load()
    runs = []
    write_run = SortingPool._write_run
    monkeypatch.setattr(SortingPool, "_write_run", lambda pool, f, items: runs.append(1) or write_run(pool, f, items))
    monkeypatch.setattr(whoosh_fixes, "_RUN_CHUNK", 7)  # each run many chunks
    spilled = _seed_index(tmp_path / "spilled", limitmb=0.02)  # 20 KB of postings a run
    assert len(runs) >= 8
    runs.clear()
    in_memory = _seed_index(tmp_path / "memory", limitmb=256)
    assert runs == []
    postings = _postings(in_memory)
    assert len(postings) > 500
    assert _postings(spilled) == postings


def test_field_lengths_read_at_once_answer_as_whoosh_does(tmp_path):
    from whoosh.codec.whoosh3 import W3PerDocReader

    whoosh_fixes.load()
    ix = _seed_index(tmp_path / "ix", limitmb=256)
    with ix.searcher() as searcher:
        perdoc = searcher.reader()._perdoc
        count = searcher.doc_count_all()
        for field in ("body", "tags", "n", "not_a_field"):
            got = [perdoc.doc_field_length(n, field) for n in range(count + 1)]
            expected = [W3PerDocReader.whoosh_doc_field_length(perdoc, n, field) for n in range(count + 1)]
            assert got == expected, field
        body = [perdoc.doc_field_length(n, "body") for n in range(count)]
        assert body[-1] is None and all(length > 100 for length in body[:-1])  # Whoosh's None for 0
        with pytest.raises(IndexError):
            perdoc.doc_field_length(count + 1, "body")
