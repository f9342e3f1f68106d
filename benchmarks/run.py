#!/usr/bin/env python3
"""Benchmarks for sco, run by hand; results go to benchmarks/RESULTS.md.

    python benchmarks/run.py [--sizes 1000,10000,50000] [--runs 10] [--work benchmarks/work]

For each size it generates a synthetic corpus with ../shared/tools/gen_corpus.py, builds an index
(wall time, articles/s, peak RSS of the build process from /usr/bin/time, index size), then times
whole processes, each the median of --runs runs after one warm-up: the user-facing commands,
TAB completion, and `rg -l "Paris Pact"` over the same raw files. Every sco figure is also given
as a ratio to rg's. Standard library only; ripgrep is installed from Debian when missing.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = ROOT.parent / "shared" / "tools" / "gen_corpus.py"


def ensure_ripgrep() -> str:
    rg = shutil.which("rg")
    if rg is None:
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "ripgrep"], check=True)
        rg = shutil.which("rg")
    return rg


def median_ms(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Median wall time of `cmd` as a fresh process, after one warm-up run."""
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def build(sco: str, corpus: Path, index: Path) -> dict:
    if index.exists():
        shutil.rmtree(index)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", sco, "--index-dir", str(index), "index", "build", str(corpus)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {proc.stderr[-500:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    articles = len(list(corpus.glob("*.txt")))
    return {"wall_s": wall, "docs_per_s": articles / wall, "rss_mib": rss / 1024, "size_mib": size / 2**20}


def measure(size: int, work: Path, runs: int, sco: str, rg: str) -> dict:
    corpus = work / f"corpus-{size}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != size:
        subprocess.run([sys.executable, str(GENERATOR), str(size), str(corpus)], check=True,
                       stdout=subprocess.DEVNULL)
    index = work / f"index-{size}"
    out = {"size": size, "build": build(sco, corpus, index)}
    env = {**os.environ, "SCO_INDEX_DIR": str(index)}
    tab_env = {**env, "_SCO_FAST_COMPLETE": "1"}
    commands = {
        "rg -l \"Paris Pact\"": ([rg, "-l", "Paris Pact", str(corpus)], None),
        "sco search '\"Paris Pact\"'": ([sco, "search", '"Paris Pact"'], env),
        "sco who-met Norov --json": ([sco, "who-met", "Norov", "--json"], env),
        "sco timeline --from 2019 --to 2020 --json": ([sco, "timeline", "--from", "2019", "--to", "2020", "--json"],
                                                      env),
        "sco --help": ([sco, "--help"], env),
        "TAB: sco who-met Nor": ([sco, "who-met", "Nor"], tab_env),
        "python -c pass": ([sys.executable, "-c", "pass"], None),
    }
    out["times_ms"] = {name: median_ms(cmd, runs, e) for name, (cmd, e) in commands.items()}
    return out


def versions(sco: str) -> str:
    def version(module: str) -> str:
        code = f"import importlib.metadata as m; print(m.version({module!r}))"
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()

    rg = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    sco_version = subprocess.run([sco, "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{sco_version}; typer {version('typer')}, rich {version('rich')}, whoosh-reloaded "
            f"{version('whoosh-reloaded')}, python-dateutil {version('python-dateutil')}; "
            f"Python {platform.python_version()}; {rg}")


def report(results: list[dict], sco: str, runs: int) -> str:
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    lines = [
        "# sco benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} by `python benchmarks/run.py` on {machine}.",
        f"Versions: {versions(sco)}.",
        f"Times are the median of {runs} fresh processes after a warm-up (file cache warm).",
        "",
        "## Index builds (synthetic corpora from ../shared/tools/gen_corpus.py, all extraction included)",
        "",
        "| articles | wall | articles/s | peak RSS (build process) | index size |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        b = r["build"]
        lines.append(f"| {r['size']:,} | {b['wall_s']:.1f} s | {b['docs_per_s']:.0f} | {b['rss_mib']:.0f} MiB | "
                     f"{b['size_mib']:.0f} MiB |")
    names = list(results[0]["times_ms"])
    lines += ["", "## Whole-process times, ms (ratio to `rg -l \"Paris Pact\"` over the same files)", "",
              "| command | " + " | ".join(f"{r['size']:,}" for r in results) + " |",
              "| --- | " + " | ".join("---:" for _ in results) + " |"]
    for name in names:
        cells = []
        for r in results:
            ms = r["times_ms"][name]
            rg = r["times_ms"]["rg -l \"Paris Pact\""]
            cells.append(f"{ms:.0f}" + ("" if name.startswith("rg ") else f" ({ms / rg:.1f}x)"))
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="where the Markdown tables go")
    args = ap.parse_args()
    sco = shutil.which("sco") or sys.exit("sco is not installed (see README)")
    rg = ensure_ripgrep()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"benchmarking {size:,} articles ...", file=sys.stderr)
        results.append(measure(size, args.work, args.runs, sco, rg))
    text = report(results, sco, args.runs)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
