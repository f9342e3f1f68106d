"""A damaged index, a full disk, a folder that is a file: one line, a hint, exit 3; never a traceback."""
from __future__ import annotations

import errno
import json
import shutil

import pytest

from sco_cli import index
from tests.conftest import SEEDS

SEED = sorted(p.stem for p in SEEDS.glob("*.txt"))[0]
COMMANDS = [("docs",), ("search", "Norov"), ("who-met", "Norov"), ("timeline", "--from", "2019"),
            ("agreements", "memorandum"), ("agreements", "--json"), ("show", SEED), ("index", "status"), ("index", "add", str(SEEDS))]


def _emptied(data: bytes) -> bytes:
    return b""


def _halved(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _scrambled(data: bytes) -> bytes:
    return bytes(b ^ 0x5A for b in data) if data else b"\xff"


DAMAGE = {"emptied": _emptied, "halved": _halved, "scrambled": _scrambled}
FILES = ["_MAIN_1.toc", "*.pst", "*.trm", "*_stored.col", "*_body_len.col", "sco.json", "documents.json",
         "timeline.jsonl", "timeline.idx", "agreements.json", "agreements.rows.jsonl", "agreement-mentions.jsonl",
         "vocab.json", "*.heading.col", "*.meetings.col", "*.agreements.col"]


def _damage(base, pattern: str, kind: str) -> None:
    (path,) = index.current_generation(base).glob(pattern)
    path.write_bytes(DAMAGE[kind](path.read_bytes()))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
@pytest.mark.parametrize("pattern", FILES)
def test_every_command_on_a_damaged_file_ends_in_one_line_and_an_exit_code(sco, seeds_index, pattern, kind):
    _damage(seeds_index, pattern, kind)
    for command in COMMANDS:
        result = sco(*command)
        assert result.exit_code in (0, 1, 3), (command, result.exit_code, result.exception)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
            (command, repr(result.exception))
        if result.exit_code == 3:
            lines = result.stderr.splitlines()
            assert lines[0].startswith("sco: ") and lines[-1].startswith("hint: "), (command, result.stderr)
            assert len(lines) <= 3, (command, result.stderr)


def test_a_damaged_pointer_that_is_not_utf8(sco, seeds_index):
    (seeds_index / "CURRENT").write_bytes(b"gen-\xff\xfe\n")
    result = sco("docs")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"sco: the index at {seeds_index} is damaged (bad CURRENT)\n")


def test_a_full_disk_during_a_build_is_one_line_and_the_index_survives(sco, seeds_index, monkeypatch):
    from sco_cli.index import builder

    before = index.current_generation(seeds_index)

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(builder, "_write_text", full)
    result = sco("index", "build", str(SEEDS))
    assert result.exit_code == 3
    assert result.stderr.endswith("No space left on device\nhint: free some disk space and run the command "
                                  "again; the live index was not changed\n")
    assert index.current_generation(seeds_index) == before
    assert not list(seeds_index.glob(".build-*"))
    assert json.loads(sco("docs", "--json").stdout)


def test_an_index_dir_that_is_a_file(sco, tmp_path):
    target = tmp_path / "file"
    target.write_text("not a folder")
    result = sco("index", "build", str(SEEDS), env={"SCO_INDEX_DIR": str(target)})
    assert result.exit_code == 3
    assert result.stderr == (f"sco: {target}: File exists\n"
                             "hint: SCO_INDEX_DIR / --index-dir must name a folder, not a file\n")
    assert target.read_text() == "not a folder"


def test_an_unwritable_index_dir(sco, tmp_path, monkeypatch):
    from sco_cli.index import layout

    def refused(base):
        raise PermissionError(errno.EACCES, "Permission denied", str(base))

    monkeypatch.setattr(layout, "make_staging", refused)
    monkeypatch.setattr("sco_cli.index.builder.make_staging", refused)
    result = sco("index", "build", str(SEEDS))
    assert result.exit_code == 3
    assert result.stderr.endswith("Permission denied\nhint: check the folder's permissions, or point "
                                  "SCO_INDEX_DIR / --index-dir elsewhere\n")


def test_copying_the_seeds_index_is_not_damage(seeds_index_template, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seeds_index_template, copy)
    assert index.open_index(copy).meta["documents"] == 5
