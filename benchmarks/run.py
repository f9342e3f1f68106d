#!/usr/bin/env python3
"""Benchmarks for sco, run by hand; results go to benchmarks/RESULTS.md.

    python benchmarks/run.py [--sizes 1000,10000,50000] [--runs 10] [--work benchmarks/work]
    python benchmarks/run.py --quick          # 1,000 articles, 3 runs: under two minutes

For each size it generates a synthetic corpus with ../shared/tools/gen_corpus.py, builds an index
(wall time, articles/s, peak RSS of the build process from /usr/bin/time, index size), then times
whole processes, each the median of --runs runs after one warm-up: the user-facing commands,
TAB completion, and `rg -l "Paris Pact"` over the same raw files. Every sco figure is also given
as a ratio to rg's, and each command's growth with the corpus is fitted as an exponent k in
time ~ size^k (least squares over log-log points; 1 is linear). sco's bytecode is written first,
as an installed package has it. The tables replace the part of RESULTS.md between the two
`run.py` marker comments; the rest of that file is kept. Standard library only; ripgrep is
installed from Debian when missing.
"""
from __future__ import annotations

import argparse
import datetime
import math
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


BEGIN, END = "<!-- run.py: begin -->", "<!-- run.py: end -->"


def replace_block(document: str, block: str) -> str:
    """`document` with the text between the markers replaced by `block` (appended when absent)."""
    new = f"{BEGIN}\n{block}{END}"
    if BEGIN in document and END in document:
        head, _, rest = document.partition(BEGIN)
        return head + new + rest.partition(END)[2]
    return document.rstrip("\n") + "\n\n" + new + "\n"


def installed_sco() -> str:
    """The `sco` beside this Python, not a version manager's shim (a shim adds ~100 ms per run)."""
    beside = Path(sys.executable).parent / "sco"
    found = str(beside) if beside.exists() else shutil.which("sco")
    return found or sys.exit("sco is not installed (see README)")


def compile_package() -> None:
    """Write the bytecode of sco's modules, as installing a package does: an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every timed process."""
    code = "import compileall, os, sco_cli; compileall.compile_dir(os.path.dirname(sco_cli.__file__), quiet=1)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


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
        "sco agreements --json": ([sco, "agreements", "--json"], env),
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
              "| command | " + " | ".join(f"{r['size']:,}" for r in results) + " | growth k |",
              "| --- | " + " | ".join("---:" for _ in results) + " | ---: |"]
    for name in names:
        cells = []
        for r in results:
            ms = r["times_ms"][name]
            rg = r["times_ms"]["rg -l \"Paris Pact\""]
            cells.append(f"{ms:.0f}" + ("" if name.startswith("rg ") else f" ({ms / rg:.1f}x)"))
        growth = _exponent([(r["size"], r["times_ms"][name]) for r in results])
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines) + "\n"


def _exponent(points: list[tuple[int, float]]) -> str:
    """k in time ~ size^k, fitted by least squares on logarithms; '-' with fewer than two sizes."""
    if len(points) < 2:
        return "-"
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(max(ms, 0.1)) for _, ms in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return f"{k:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="1,000 articles, 3 runs")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="where the Markdown tables go")
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.runs = "1000", 3
    sco = installed_sco()
    rg = ensure_ripgrep()
    compile_package()
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"benchmarking {size:,} articles ...", file=sys.stderr)
        results.append(measure(size, args.work, args.runs, sco, rg))
    text = report(results, sco, args.runs)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else "# sco benchmarks\n\n"
    args.out.write_text(replace_block(old, text), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
