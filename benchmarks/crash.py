#!/usr/bin/env python3
"""Crash bench for the index, run by hand; the counts go to README ("The index is yours").

    python benchmarks/crash.py [--points 20] [--race-seconds 60] [--work benchmarks/work]

1. kill -9 of `sco index build` and of `sco index add` at `--points` moments spread over a run
   (the whole process group: the writer and its workers); after each, the index must answer
   with the old or the new article count, and the next build must succeed and leave no staging.
2. writers racing readers: two processes rebuild the index in turn while two others query it
   for `--race-seconds`; every reader must exit 0 with a full answer.
Standard library only; needs `sco` installed and ../shared/tools/gen_corpus.py.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "tools" / "gen_corpus.py"
SEEDS = HERE.parent / "seeds"


def sco_exe() -> str:
    beside = Path(sys.executable).parent / "sco"
    return str(beside) if beside.exists() else (shutil.which("sco") or sys.exit("sco is not installed"))


def run(sco: str, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sco, *args], env=env, capture_output=True, text=True)


def documents(sco: str, env: dict) -> int | None:
    status = run(sco, env, "index", "status", "--json")
    return json.loads(status.stdout)["documents"] if status.returncode == 0 else None


def kills(sco: str, work: Path, corpus: Path, extra: Path, points: int, add: bool) -> tuple[int, list[str]]:
    """(survived, failures) over `points` kills spread over one run of build or add."""
    env = {**os.environ, "SCO_INDEX_DIR": str(work / "kill-index")}
    timing = work / "kill-timing"
    shutil.rmtree(env["SCO_INDEX_DIR"], ignore_errors=True)
    run(sco, env, "index", "build", str(corpus))
    start = time.monotonic()
    run(sco, env, "index", "add" if add else "build", str(extra if add else corpus))
    length = time.monotonic() - start
    timing.write_text(f"{length:.2f}")
    survived, failures = 0, []
    total = len(list(corpus.glob("*.txt")))
    before, after = (total, total + len(list(extra.glob("*.txt")))) if add else (total, total)
    for k in range(points):
        shutil.rmtree(env["SCO_INDEX_DIR"], ignore_errors=True)
        run(sco, env, "index", "build", str(corpus))
        cmd = [sco, "index", "add", str(extra)] if add else [sco, "index", "build", str(corpus)]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(length * (k + 0.5) / points)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        count = documents(sco, env)
        search = run(sco, env, "search", "Norov", "--json")
        rebuilt = run(sco, env, "index", "build", str(corpus))
        staging = list(Path(env["SCO_INDEX_DIR"]).glob(".build-*"))
        if count in (before, after) and search.returncode == 0 and rebuilt.returncode == 0 and not staging:
            survived += 1
        else:
            failures.append(f"kill {k}: count {count}, search {search.returncode}, rebuild {rebuilt.returncode} "
                            f"{rebuilt.stderr.strip()[:200]}, staging {len(staging)}")
    return survived, failures


def race(sco: str, work: Path, corpus: Path, seconds: float) -> tuple[int, int, list[str]]:
    """(reader runs, writer runs, failures) of readers racing writers."""
    env = {**os.environ, "SCO_INDEX_DIR": str(work / "race-index")}
    shutil.rmtree(env["SCO_INDEX_DIR"], ignore_errors=True)
    run(sco, env, "index", "build", str(corpus))
    deadline = time.monotonic() + seconds
    counts = {"read": 0, "write": 0}
    failures: list[str] = []
    lock = threading.Lock()

    def writer():
        while time.monotonic() < deadline:
            r = run(sco, env, "index", "build", str(corpus), "--wait", "60")
            with lock:
                counts["write"] += 1
                if r.returncode != 0:
                    failures.append(f"writer exit {r.returncode}: {r.stderr.strip()[:200]}")

    def reader(args):
        while time.monotonic() < deadline:
            r = run(sco, env, *args)
            with lock:
                counts["read"] += 1
                if r.returncode != 0 or not r.stdout.strip():
                    failures.append(f"reader {' '.join(args)} exit {r.returncode}: {r.stderr.strip()[:200]}")

    threads = [threading.Thread(target=writer) for _ in range(2)]
    threads += [threading.Thread(target=reader, args=(a,)) for a in (("search", "Norov", "--json"),
                                                                     ("who-met", "Norov", "--json"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts["read"], counts["write"], failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--points", type=int, default=20)
    ap.add_argument("--race-seconds", type=float, default=60)
    ap.add_argument("--work", type=Path, default=HERE / "work")
    args = ap.parse_args()
    sco = sco_exe()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus, extra = args.work / "crash-corpus", args.work / "crash-extra"
    for folder, size in ((corpus, 300), (extra, 60)):
        if not folder.exists():
            subprocess.run([sys.executable, str(GENERATOR), str(size), str(folder)], check=True,
                           stdout=subprocess.DEVNULL)
    for path in extra.glob("[!e]*.txt"):  # ids of their own, so an add adds
        path.rename(path.with_name("extra-" + path.name))
    results = {}
    for add in (False, True):
        survived, failures = kills(sco, args.work, corpus, extra, args.points, add)
        results["add" if add else "build"] = (survived, failures)
        print(f"kill -9 during {'add' if add else 'build'}: survived {survived}/{args.points}", *failures, sep="\n  ")
    reads, writes, failures = race(sco, args.work, corpus, args.race_seconds)
    print(f"race: {writes} builds by 2 writers x {reads} reads by 2 readers in {args.race_seconds:.0f} s: "
          f"{len(failures)} failures", *failures[:10], sep="\n  ")
    return 0 if not failures and all(not f for _, f in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
