"""Bad files, damaged indexes, other versions, and a second writer: one-line messages and
documented exit codes, never a traceback, never a lost index."""
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sco_cli import EXTRACTION_VERSION, corpus, index
from conftest import SEEDS, SHARED


def _lines(text):
    return [line for line in text.splitlines() if line]


def test_bad_files_are_indexed_or_skipped_with_one_warning_each(sco, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "000_696adcf27fd638ed.txt", docs)
    (docs / "latin1.txt").write_bytes("Caf\xe9 talks\n\nThe ministers met.".encode("latin-1"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (docs / "big.txt").write_text("Big article\n\n" + "The SCO met in Vienna on 6 March 2020. " * 270_000,
                                  encoding="utf-8")  # 10.5 MB
    result = sco("index", "build", str(docs))
    assert result.exit_code == 0, result.stderr
    warnings = _lines(result.stderr)[:-1]
    assert warnings == [
        f"sco: warning: {docs / 'binary.txt'}: looks like a binary file, skipped",
        f"sco: warning: {docs / 'empty.txt'}: empty file, skipped",
        f"sco: warning: {docs / 'latin1.txt'}: not valid UTF-8 (first bad byte at 3), decoded with replacement",
    ]
    assert _lines(result.stderr)[-1].startswith("sco: indexed 3 articles in ")
    ids = [r["doc_id"] for r in json.loads(sco("docs", "--json").stdout)]
    assert ids == ["000_696adcf27fd638ed", "big", "latin1"]


def test_a_file_that_vanishes_during_the_build_is_reported(sco, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / "000_696adcf27fd638ed.txt", docs)
    gone = docs / "gone.txt"
    gone.write_text("Soon gone\n\nText.", encoding="utf-8")
    listed = corpus.article_files

    def list_then_delete(paths):
        files, problems = listed(paths)
        gone.unlink()  # listed, then deleted before it is read
        return files, problems

    monkeypatch.setattr(corpus, "article_files", list_then_delete)
    result = sco("index", "build", str(docs))
    assert result.exit_code == 0
    assert _lines(result.stderr)[0] == f"sco: warning: {gone}: cannot read (No such file or directory)"


def test_a_folder_without_articles_is_refused_and_the_index_kept(sco, seeds_index, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.md").write_text("x")
    result = sco("index", "build", str(empty))
    assert result.exit_code == 2
    assert result.stderr == (f"sco: no .txt articles in {empty}\n"
                             "hint: the index was not changed; --allow-empty builds an empty index\n")
    assert len(json.loads(sco("docs", "--json").stdout)) == 5  # the seeds are still there


def test_allow_empty_builds_an_empty_index_with_a_warning(sco, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = sco("index", "build", "--allow-empty", str(empty))
    assert result.exit_code == 0
    assert _lines(result.stderr)[0] == f"sco: warning: {empty}: no .txt files in this folder"
    assert sco("docs").exit_code == 1


def test_a_mistyped_path_changes_nothing(sco, seeds_index, tmp_path):
    # "sco index build ~/artciles" once emptied the index with exit 0
    for command, hint in (("build", "the index was not changed (--allow-empty builds anyway)"),
                          ("add", "nothing was added")):
        result = sco("index", command, str(SEEDS), str(tmp_path / "missing"))
        assert result.exit_code == 2
        assert result.stderr == f"sco: {tmp_path / 'missing'}: no such file or folder\nhint: check the path; {hint}\n"
    assert len(json.loads(sco("docs", "--json").stdout)) == 5


def test_allow_empty_builds_with_a_missing_path_as_a_warning(sco, tmp_path):
    result = sco("index", "build", "--allow-empty", str(SEEDS), str(tmp_path / "missing"))
    assert result.exit_code == 0
    assert _lines(result.stderr)[0] == f"sco: warning: {tmp_path / 'missing'}: no such file or folder"


@pytest.mark.parametrize("damage", ["truncate-toc", "delete-segment", "garbage-pointer", "garbage-meta"])
def test_a_damaged_index_is_exit_3_with_the_command_to_run(sco, seeds_index, damage):
    gen = index.current_generation(seeds_index)
    if damage == "truncate-toc":
        for toc in gen.glob("*.toc"):
            toc.write_bytes(toc.read_bytes()[:10])
    elif damage == "delete-segment":
        for part in gen.glob("MAIN_*.trm"):  # a segment's term dictionary
            part.unlink()
    elif damage == "garbage-pointer":
        (seeds_index / "CURRENT").write_text("gen-nonexistent\n")
    else:
        (gen / "sco.json").write_bytes(b"\x00\xff")
    result = sco("--index-dir", str(seeds_index), "search", "Norov")
    assert result.exit_code == 3, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert _lines(result.stderr)[-1].startswith("hint: run sco index build")


def test_another_version_is_refused_for_an_explicit_dir_and_rebuilt_by_default(sco, seeds_index):
    meta_path = index.current_generation(seeds_index) / "sco.json"
    meta = json.loads(meta_path.read_text())
    meta["extraction_version"] = EXTRACTION_VERSION - 1
    meta_path.write_text(json.dumps(meta))
    refused = sco("--index-dir", str(seeds_index), "docs")
    assert refused.exit_code == 3
    assert "was built by sco" in refused.stderr and "hint: run sco index build PATH" in refused.stderr
    rebuilt = sco("docs", "--json")  # the same directory, as the default index
    assert rebuilt.exit_code == 0
    assert rebuilt.stderr.startswith("sco: the index is from another sco version; ")
    assert len(json.loads(rebuilt.stdout)) == 5


def _stale(base):
    meta_path = index.current_generation(base) / "sco.json"
    meta = json.loads(meta_path.read_text())
    meta["extraction_version"] = EXTRACTION_VERSION - 1
    meta_path.write_text(json.dumps(meta))


def test_an_upgrade_rebuilds_a_users_index_from_its_own_sources(sco, isolated, tmp_path):
    # an upgrade once replaced a user's 32 articles with the 5 bundled seeds
    docs = tmp_path / "mine"
    docs.mkdir()
    for n in range(7):
        (docs / f"a{n}.txt").write_text(f"Talks {n}\n\nOn 2 May 2019 ministers met in Tashkent ({n}).\n")
    assert sco("index", "build", str(docs)).exit_code == 0
    _stale(isolated / "index")
    result = sco("docs", "--json")
    assert result.exit_code == 0
    assert result.stderr == (f"sco: the index is from another sco version; rebuilding it from its sources "
                             f"({docs.absolute()}) in {isolated / 'index'}\n")
    assert sorted(r["doc_id"] for r in json.loads(result.stdout)) == [f"a{n}" for n in range(7)]


def test_an_upgrade_whose_sources_are_gone_is_refused_not_replaced(sco, isolated, tmp_path):
    docs = tmp_path / "mine"
    docs.mkdir()
    (docs / "a.txt").write_text("Talks\n\nOn 2 May 2019 ministers met in Tashkent.\n")
    assert sco("index", "build", str(docs)).exit_code == 0
    _stale(isolated / "index")
    shutil.rmtree(docs)
    result = sco("docs")
    assert result.exit_code == 3
    assert result.stderr == (f"sco: the index is from another sco version, and its sources are gone "
                             f"({docs.absolute()})\nhint: run sco index build PATH with your articles to rebuild it\n")


def test_a_foreign_directory_is_never_unpickled(sco, tmp_path):
    foreign = tmp_path / "foreign"
    (foreign / "gen-1").mkdir(parents=True)
    (foreign / "CURRENT").write_text("gen-1\n")
    (foreign / "gen-1" / "MAIN_x.toc").write_bytes(b"cos\nsystem\n(S'echo owned'\ntR.")  # a pickle payload
    result = sco("--index-dir", str(foreign), "docs")
    assert result.exit_code == 3
    assert "damaged" in result.stderr


def test_second_writer_waits_with_wait(sco, tmp_path):
    import threading

    base = tmp_path / "index"
    held = threading.Event()
    release = threading.Event()

    def hold():
        with index.writer_lock(base):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    timer = threading.Timer(0.5, release.set)
    timer.start()
    result = sco("index", "build", str(SEEDS), "--wait", "10")
    t.join()
    assert result.exit_code == 0, result.stderr


def _installed_sco():
    exe = shutil.which("sco", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("sco is not installed beside this Python")
    return exe


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A few hundred synthetic articles from the shared generator."""
    out = tmp_path_factory.mktemp("synthetic")
    generator = SHARED / "tools" / "gen_corpus.py"
    if not generator.exists():
        pytest.skip("../shared/tools/gen_corpus.py is not beside the checkout")
    subprocess.run([sys.executable, str(generator), "300", str(out)], check=True, capture_output=True)
    return out


def test_concurrent_build_is_refused_while_readers_keep_answering(tmp_path, synthetic):
    exe = _installed_sco()
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix")}
    subprocess.run([exe, "index", "build", str(SEEDS)], check=True, capture_output=True, env=env)
    first = subprocess.Popen([exe, "index", "build", str(synthetic)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while not list((tmp_path / "ix").glob(".build-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run([exe, "index", "build", str(SEEDS)], capture_output=True, text=True, env=env)
        reader = subprocess.run([exe, "search", "Paris Pact", "--json"], capture_output=True, text=True, env=env)
    finally:
        first.wait(120)
    assert second.returncode == 3
    assert second.stderr.splitlines() == [f"sco: another sco is writing the index in {tmp_path / 'ix'}",
                                          "hint: wait for it, or pass --wait SECONDS"]
    assert reader.returncode == 0 and json.loads(reader.stdout)[0]["doc_id"] == "000_696adcf27fd638ed"
    assert first.returncode == 0
    status = json.loads(subprocess.run([exe, "index", "status", "--json"], capture_output=True, text=True,
                                       env=env).stdout)
    assert status["documents"] == 300


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 2.5])
def test_kill_9_during_a_build_leaves_the_old_or_the_new_index(tmp_path, synthetic, delay):
    exe = _installed_sco()
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix")}
    subprocess.run([exe, "index", "build", str(SEEDS)], check=True, capture_output=True, env=env)
    proc = subprocess.Popen([exe, "index", "build", str(synthetic)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    os.killpg(proc.pid, 9)  # the build and its worker processes, without warning
    proc.wait()
    status = subprocess.run([exe, "index", "status", "--json"], capture_output=True, text=True, env=env)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["documents"] in (5, 300)  # the old index or the new one
    search = subprocess.run([exe, "search", "Norov", "--json"], capture_output=True, text=True, env=env)
    assert search.returncode == 0
    # and the next build cleans up after the killed one
    subprocess.run([exe, "index", "build", str(SEEDS)], check=True, capture_output=True, env=env)
    assert not list((tmp_path / "ix").glob(".build-*"))


def _children(pid: int) -> list[int]:
    """Live processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signal_number", [9, 2])
def test_workers_end_with_a_killed_or_interrupted_build_and_free_the_lock(tmp_path, synthetic, signal_number):
    exe = _installed_sco()
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix")}
    proc = subprocess.Popen([exe, "index", "build", str(synthetic)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the build did not start its workers"
    os.kill(proc.pid, signal_number)  # the main process only, as a crash or Ctrl-C in a terminal would
    _, stderr = proc.communicate(timeout=30)
    deadline = time.monotonic() + 3
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]
    assert "Traceback" not in stderr
    if signal_number == 2:
        assert (proc.returncode, stderr.splitlines()[-1]) == (130, "sco: interrupted")
    again = subprocess.run([exe, "index", "build", str(SEEDS)], capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr  # the lock went with the dead writer


def test_a_query_during_the_first_build_never_replaces_it_with_the_seeds(tmp_path, synthetic):
    exe = _installed_sco()
    env = {**os.environ, "SCO_INDEX_DIR": str(tmp_path / "ix")}
    first = subprocess.Popen([exe, "index", "build", str(synthetic)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not list((tmp_path / "ix").glob(".build-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    query = subprocess.run([exe, "search", "Norov", "--json"], capture_output=True, text=True, env=env)
    _, first_stderr = first.communicate(timeout=120)
    assert first.returncode == 0, first_stderr
    assert query.returncode == 0, query.stderr
    if "building one from the bundled seed articles" in query.stderr:  # it had to wait for the lock
        assert "another sco built the index meanwhile; using that one" in query.stderr
    status = json.loads(subprocess.run([exe, "index", "status", "--json"], capture_output=True, text=True,
                                       env=env).stdout)
    assert status["documents"] == 300  # the user's articles, not the 5 seeds
