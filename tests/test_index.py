import json
import os
from pathlib import Path

import pytest

from sco_cli import EXTRACTION_VERSION, index
from sco_cli.index import builder, workers
from sco_cli.errors import IndexCorrupt, IndexLocked, IndexMissing, IndexVersionMismatch
from conftest import SEEDS

SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_build_indexes_exactly_the_given_articles(tmp_path):
    base = tmp_path / "ix"
    report = index.build(base, [str(SEEDS)])
    assert (report.added, report.documents) == (5, 5)
    handle = index.open_index(base)
    with handle.searcher() as s:
        assert sorted(f["doc_id"] for f in s.all_stored_fields()) == SEED_IDS
    assert handle.meta["extraction_version"] == EXTRACTION_VERSION
    assert (base / index.POINTER_FILE).read_text().strip() == handle.path.name


def test_rebuild_swaps_generations_and_keeps_one_previous(tmp_path):
    base = tmp_path / "ix"
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Alpha\n\nBody one.")
    for _ in range(4):
        index.build(base, [str(docs)])
    gens = sorted(p.name for p in base.glob("gen-*"))
    assert len(gens) == 2
    assert not list(base.glob(".build-*"))


def test_add_adds_new_replaces_changed_skips_unchanged(tmp_path):
    base = tmp_path / "ix"
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Alpha\n\nBody one.")
    write(docs, "b.txt", "Beta\n\nBody two.")
    index.build(base, [str(docs)])
    write(docs, "b.txt", "Beta changed\n\nBody two, revised.")
    write(docs, "c.txt", "Gamma\n\nBody three.")
    report = index.build(base, [str(docs)], add=True)
    assert (report.added, report.updated, report.unchanged, report.documents) == (1, 1, 1, 3)
    handle = index.open_index(base)
    with handle.searcher() as s:
        titles = sorted(f["title"] for f in s.all_stored_fields())
    assert titles == ["Alpha", "Beta changed", "Gamma"]


def test_add_without_index_is_missing(tmp_path):
    with pytest.raises(IndexMissing):
        index.build(tmp_path / "ix", [str(SEEDS)], add=True)


def test_open_missing(tmp_path):
    with pytest.raises(IndexMissing) as err:
        index.open_index(tmp_path / "nothing")
    assert err.value.hint == f"run: sco --index-dir {tmp_path / 'nothing'} index build PATH"


def test_other_extraction_version_is_refused(tmp_path):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    gen = index.current_generation(base)
    meta = json.loads((gen / index.META_FILE).read_text())
    meta["extraction_version"] = EXTRACTION_VERSION + 1
    (gen / index.META_FILE).write_text(json.dumps(meta))
    with pytest.raises(IndexVersionMismatch):
        index.open_index(base)


def test_default_index_is_built_from_seeds_and_rebuilt_when_stale(tmp_path):
    base = tmp_path / "ix"
    notes = []
    handle = index.ensure_index(base, explicit=False, note=notes.append)
    assert handle.meta["documents"] == 5
    assert notes == [f"sco: no index yet; building one from the bundled seed articles in {base}"]
    meta_path = handle.path / index.META_FILE
    meta = json.loads(meta_path.read_text())
    meta["extraction_version"] = 0
    meta_path.write_text(json.dumps(meta))
    index.ensure_index(base, explicit=False, note=notes.append)
    assert notes[-1] == ("sco: the index is from another sco version; "
                         f"building one from the bundled seed articles in {base}")


@pytest.mark.parametrize("damage", ["pointer", "meta", "toc", "foreign"])
def test_damaged_index_is_corrupt_not_a_traceback(tmp_path, damage):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    gen = index.current_generation(base)
    if damage == "pointer":
        (base / index.POINTER_FILE).write_text("../../etc\n")
    elif damage == "meta":
        (gen / index.META_FILE).write_text("{trunc")
    elif damage == "toc":
        for toc in gen.glob("*.toc"):
            toc.write_bytes(toc.read_bytes()[:20])
    else:
        (gen / index.META_FILE).write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(IndexCorrupt):
        index.open_index(base)


def test_second_writer_fails_fast_with_index_locked(tmp_path):
    base = tmp_path / "ix"
    with index.writer_lock(base):
        with pytest.raises(IndexLocked) as err:
            index.build(base, [str(SEEDS)])
    assert err.value.hint == "wait for it, or pass --wait SECONDS"
    assert index.current_generation(base) is None


def test_failed_build_leaves_the_old_index(tmp_path, monkeypatch):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    before = index.current_generation(base)

    def boom(*a, **k):
        raise RuntimeError("crash in the middle")

    monkeypatch.setattr(workers, "extract", boom)
    with pytest.raises(RuntimeError):
        index.build(base, [str(SEEDS)])
    assert index.current_generation(base) == before
    assert index.open_index(base).meta["documents"] == 5
    assert not list(base.glob(".build-*"))


def test_status(tmp_path):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    st = index.status(base)
    assert st.documents == 5
    assert st.location == str(index.current_generation(base))
    assert st.sources == (str(SEEDS),)
    assert st.size_bytes == sum(f.stat().st_size for f in Path(st.location).iterdir())
    assert set(st.facts) == {"date", "meeting", "agreement"}


def test_vocabulary_file_is_written(tmp_path):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    vocab = index.read_vocabulary(base)
    assert vocab["documents"] == SEED_IDS
    assert index.read_vocabulary(tmp_path / "none") == {}


def _answers(base: Path) -> dict:
    """Every fact question's full answer, as JSON text."""
    from dataclasses import asdict

    from sco_cli import query

    handle = index.open_index(base)
    return {
        "timeline": json.dumps([asdict(e) for e in query.timeline(handle)]),
        "who_met": json.dumps([asdict(r) for r in query.who_met(handle, include_planned=True)]),
        "agreements": json.dumps([asdict(r) for r in query.agreements(handle)]),
        "meta": json.dumps({k: handle.meta[k] for k in ("documents", "facts", "timeline")}),
    }


MEETING = ("Talks in {city}\n\n{city_upper}, 4 May 2021. SCO Secretary-General Vladimir Norov met the "
           "Foreign Minister of {country}, {minister}, on Tuesday. The two sides signed a memorandum of "
           "understanding on cooperation in {field}. On 12 March 2020 they had met in Moscow.\n")


def _meeting_article(folder: Path, name: str, city: str, country: str, minister: str, field: str) -> Path:
    return write(folder, name, MEETING.format(city=city, city_upper=city.upper(), country=country,
                                              minister=minister, field=field))


def test_an_add_answers_exactly_as_a_fresh_build_of_the_same_articles(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _meeting_article(first, "a.txt", "Tashkent", "Uzbekistan", "Bakhtiyor Saidov", "tourism")
    _meeting_article(first, "b.txt", "Bishkek", "Kyrgyzstan", "Jeenbek Kulubaev", "education")
    _meeting_article(second, "c.txt", "Dushanbe", "Tajikistan", "Sirojiddin Muhriddin", "health")
    changed = _meeting_article(second, "b2.txt", "Astana", "Kazakhstan", "Mukhtar Tileuberdi", "trade")
    index.build(tmp_path / "added", [str(first)])
    index.build(tmp_path / "added", [str(second)], add=True)
    changed.write_text(changed.read_text().replace("trade", "transport"))
    index.build(tmp_path / "added", [str(second)], add=True)  # replaces b2 in place
    index.build(tmp_path / "fresh", [str(first), str(second)])
    added, fresh = _answers(tmp_path / "added"), _answers(tmp_path / "fresh")
    assert added == fresh
    assert json.loads(fresh["meta"])["documents"] == 4
    assert "transport" in fresh["agreements"] and "trade" not in fresh["agreements"]


def test_two_files_with_one_name_are_refused_and_nothing_changes(tmp_path):
    from sco_cli.errors import UsageError

    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    before = index.current_generation(base)
    a = write(tmp_path / "a", "same.txt", "One\n\nFirst text.")
    b = write(tmp_path / "b", "same.txt", "Two\n\nSecond text.")
    with pytest.raises(UsageError, match=f"^{a} and {b} would both be article 'same'$"):
        index.build(base, [str(tmp_path / "a"), str(tmp_path / "b")])
    assert index.current_generation(base) == before


def test_an_add_never_replaces_an_article_with_another_file_of_its_name(tmp_path):
    from sco_cli.errors import UsageError

    base = tmp_path / "ix"
    a = write(tmp_path / "a", "same.txt", "One\n\nFirst text.")
    index.build(base, [str(a)])
    b = write(tmp_path / "b", "same.txt", "Two\n\nSecond text.")
    with pytest.raises(UsageError, match=f"would replace article 'same', indexed from {a.absolute()}"):
        index.build(base, [str(b)], add=True)
    with index.open_index(base).searcher() as s:
        assert [f["title"] for f in s.all_stored_fields()] == ["One"]


def test_article_ids_from_file_names_lose_control_characters(tmp_path):
    base = tmp_path / "ix"
    write(tmp_path / "docs", "esc\x1b]0;pwned\x07red\u202e.txt", "Title\n\nText.")
    index.build(base, [str(tmp_path / "docs")])
    with index.open_index(base).searcher() as s:
        assert [f["doc_id"] for f in s.all_stored_fields()] == ["escred"]
    assert index.read_vocabulary(base)["documents"] == ["escred"]


def test_index_check_passes_a_fresh_index_and_names_each_damaged_file(sco, seeds_index):
    gen = index.current_generation(seeds_index)
    ok = sco("index", "check")
    assert (ok.exit_code, ok.stdout) == (0, f"ok: every file of {gen} is as sco wrote it\n")
    (stored,) = gen.glob("*_stored.col")
    data = bytearray(stored.read_bytes())
    data[10] ^= 0xFF
    stored.write_bytes(bytes(data))
    (gen / "timeline.idx").write_bytes(b"")
    (gen / "_MAIN_7.toc").write_bytes(b"planted")
    result = sco("index", "check")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"sco: {gen.name}: _MAIN_7.toc: not written by sco",
        f"sco: {gen.name}: {stored.name}: content changed",
        f"sco: {gen.name}: timeline.idx: 0 bytes, {json.loads((gen / 'sco.json').read_text())['files']['timeline.idx'][0]} expected",
        f"hint: rebuild it: sco --index-dir {seeds_index} index build PATH",
    ]


def test_index_remove_takes_articles_out_and_refuses_unknown_ids(sco, seeds_index):
    first, second = SEED_IDS[:2]
    refused = sco("index", "remove", first, "no-such-article")
    assert (refused.exit_code, refused.stderr) == (2, "sco: no article 'no-such-article' in the index\n"
                                                      "hint: see sco docs; nothing was removed\n")
    assert [d["doc_id"] for d in json.loads(sco("docs", "--json").stdout)] == SEED_IDS
    done = sco("index", "remove", first, second)
    assert done.exit_code == 0, done.stderr
    assert done.stderr.startswith("sco: removed 2 articles; the index holds 3 articles and ")
    assert [d["doc_id"] for d in json.loads(sco("docs", "--json").stdout)] == SEED_IDS[2:]
    timeline = json.loads(sco("timeline", "--json").stdout)
    assert timeline and {row["doc_id"] for row in timeline} <= set(SEED_IDS[2:])
    agreements = json.loads(sco("agreements", "--json").stdout)
    assert {m["doc_id"] for a in agreements for m in a["mentions"]} <= set(SEED_IDS[2:])
    assert sco("show", first).exit_code == 2  # no such article
    assert sco("index", "check").exit_code == 0


def test_a_build_turns_the_cycle_collector_back_on_that_the_console_script_leaves_off(tmp_path):
    import gc

    gc.disable()  # as sco_cli.entry leaves it for a query
    try:
        index.build(tmp_path / "index", [str(SEEDS)])
        assert gc.isenabled()
    finally:
        gc.enable()


def test_worker_segments_are_listed_in_worker_order_whichever_worker_ends_first(tmp_path):
    class Ended:  # a worker process that has already sent its messages
        def start(self):
            pass

        def join(self):
            pass

        def is_alive(self):
            return False

    pool = workers.SegmentWorkers(tmp_path, [], 3)
    pool.processes = [Ended(), Ended(), Ended()]
    for message in [("segment", (2, "third")), ("items", []), ("segment", (0, "first")), ("segment", (1, None))]:
        pool.queue.put(message)
    assert list(pool.run()) == [] and pool.segments == ["first", "third"]
