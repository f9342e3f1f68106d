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
