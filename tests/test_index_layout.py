"""Generations on disk: sco removes only what it owns, and never what a reader holds."""
from __future__ import annotations

from sco_cli import index
from sco_cli.index import layout
from tests.conftest import SEEDS


def _generations(base):
    return sorted(p.name for p in base.glob("gen-*") if layout.is_owned(p))


def test_cleanup_never_removes_folders_sco_did_not_make(tmp_path):
    base = tmp_path / "ix"
    (base / "gen-0backup").mkdir(parents=True)
    (base / "gen-0backup" / "notes.txt").write_text("mine")
    (base / ".build-cache").mkdir()
    for _ in range(3):
        index.build(base, [str(SEEDS)])
    assert (base / "gen-0backup" / "notes.txt").read_text() == "mine"
    assert (base / ".build-cache").is_dir()
    assert len(_generations(base)) == 2  # the live one and the previous one


def test_dead_staging_folders_of_sco_are_removed(tmp_path):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    dead = layout.make_staging(base)  # as a killed build leaves it
    (dead / "half-written").write_text("x")
    index.build(base, [str(SEEDS)])
    assert not dead.exists()


def test_a_generation_held_by_a_reader_outlives_later_builds(tmp_path):
    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    handle = index.open_index(base)
    held = handle.path
    for _ in range(3):
        index.build(base, [str(SEEDS)])
    assert held.is_dir() and held.name in _generations(base)
    with handle.searcher() as searcher:  # still readable
        assert searcher.doc_count() == 5
    del handle, searcher
    import gc

    gc.collect()
    index.build(base, [str(SEEDS)])
    assert not held.exists()
    assert len(_generations(base)) == 2


def test_a_live_generation_without_the_marker_is_refused(tmp_path):
    import pytest

    from sco_cli.errors import IndexCorrupt

    base = tmp_path / "ix"
    index.build(base, [str(SEEDS)])
    (index.current_generation(base) / layout.OWNER_FILE).unlink()
    with pytest.raises(IndexCorrupt, match="has no .sco-generation; it was not written by this sco"):
        index.open_index(base)


def _as_previous_version(base):
    """Make the live generation look as the previous sco left it: schema 5, no ownership marker."""
    import json

    gen = index.current_generation(base)
    (gen / layout.OWNER_FILE).unlink()
    meta = json.loads((gen / "sco.json").read_text())
    meta["schema_version"] = 5
    (gen / "sco.json").write_text(json.dumps(meta))


def test_an_index_of_the_previous_version_is_rebuilt_from_its_sources(sco, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Alpha\n\nVladimir Norov met Sergey Lavrov in Moscow on 3 May 2021.\n")
    base = tmp_path / "index"  # the default index of the tests
    index.build(base, [str(docs)])
    _as_previous_version(base)
    result = sco("docs", "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("sco: the index is from another sco version; rebuilding it from its sources")
    assert '"doc_id": "a"' in result.stdout


def test_an_explicit_index_of_the_previous_version_is_refused_with_the_command(sco, tmp_path):
    base = tmp_path / "elsewhere"
    index.build(base, [str(SEEDS)])
    _as_previous_version(base)
    result = sco("--index-dir", str(base), "docs")
    assert result.exit_code == 3
    assert "(schema 5, extraction" in result.stderr and result.stderr.endswith(
        "hint: run sco index build PATH to rebuild it\n")
