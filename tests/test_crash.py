"""The crash bench of `benchmarks/crash.py` as tests (slow: run with --run-slow): kill -9 of
`index build` and `index add` at 20 points, and writers racing readers for a minute."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def crash(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("crash", ROOT / "benchmarks" / "crash.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generator = SHARED / "tools" / "gen_corpus.py"
    if not generator.exists() or shutil.which("sco", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("needs ../shared/tools/gen_corpus.py and an installed sco")
    work = tmp_path_factory.mktemp("crash")
    for name, size in (("crash-corpus", 300), ("crash-extra", 60)):
        subprocess.run([sys.executable, str(generator), str(size), str(work / name)], check=True,
                       capture_output=True)
    for path in (work / "crash-extra").glob("*.txt"):
        path.rename(path.with_name("extra-" + path.name))
    return module, work


@pytest.mark.slow
@pytest.mark.parametrize("add", [False, True], ids=["build", "add"])
def test_kill_9_at_20_points_leaves_the_old_or_the_new_index(crash, add):
    module, work = crash
    survived, failures = module.kills(module.sco_exe(), work, work / "crash-corpus", work / "crash-extra", 20, add)
    assert (survived, failures) == (20, [])


@pytest.mark.slow
def test_writers_racing_readers_for_a_minute(crash):
    module, work = crash
    reads, writes, failures = module.race(module.sco_exe(), work, work / "crash-corpus", 60)
    assert failures == [] and reads > 0 and writes > 0
