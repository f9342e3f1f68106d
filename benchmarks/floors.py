#!/usr/bin/env python3
"""The floors under sco's build and search: what Whoosh and Python cost with no sco on top.

    python benchmarks/floors.py [--size 10000] [--runs 15] [--work benchmarks/work]

Run by hand after `benchmarks/run.py` (it reuses that run's corpus and index of --size articles,
building them when missing); the Markdown it prints goes into benchmarks/RESULTS.md.

- Search: a fresh Python that imports Whoosh as sco does (`whoosh_fixes.load`, loaded from its
  file so that no other sco module is imported), opens the same index, asks the phrase "Paris Pact"
  as the single pair term sco asks (`phrases.with_pairs`) and prints the ten hits' ids, titles and
  200 characters of their bodies: no query parsing, snippets, table or sco modules. It is timed
  interleaved with `rg -l`, `python -c pass` and `sco search '"Paris Pact"'`, the median of --runs.
- Build: Whoosh alone writes every article's text fields (id, title, body) into segments in two
  processes, as a build's workers do, with and without the body's pairs field; reading the files
  is included, extraction is not. Then the extraction of one article, alone, in one process.
"""
from __future__ import annotations

import argparse
import glob
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import HERE, ROOT, compile_package, ensure_ripgrep, installed_sco

# The child that searches with Whoosh alone. Its schema repeats the field types of
# `sco_cli.index.schema.schema()` with Whoosh's own analyzer (a term query never analyses);
# `check_schema` proves the two name the same fields with the same types before anything is timed.
SEARCH_CHILD = '''
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("whoosh_fixes", {fixes!r})
fixes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixes)
fixes.load()
from whoosh import columns, fields, index
from whoosh.analysis import StemmingAnalyzer
from whoosh.query import Term
text, tags = StemmingAnalyzer(), dict(commas=True, lowercase=True, scorable=False)
blob = lambda: fields.COLUMN(columns.VarBytesColumn())
schema = fields.Schema(
    doc_id=fields.ID(unique=True, stored=True), title=fields.TEXT(stored=True, analyzer=text, field_boost=2.0),
    body=fields.TEXT(stored=True, analyzer=text), body_pairs=fields.TEXT(analyzer=text, phrase=False),
    date_start=fields.NUMERIC(int, bits=32, stored=True), date_end=fields.NUMERIC(int, bits=32, stored=True),
    facts=fields.KEYWORD(**tags), names=fields.KEYWORD(**tags), orgs=fields.KEYWORD(**tags),
    place=fields.KEYWORD(**tags), meeting_format=fields.KEYWORD(**tags), agreement_kind=fields.KEYWORD(**tags),
    payload=fields.STORED(), dates=fields.STORED(), heading=blob(), meetings=blob(), agreements=blob(),
    meeting_keys=blob(), meeting_rows=blob())
if sys.argv[1:] == ["--fields"]:
    print(sorted((name, type(field).__name__) for name, field in schema.items()))
    sys.exit()
base = os.environ["SCO_INDEX_DIR"]
with open(os.path.join(base, "CURRENT")) as fh:
    generation = os.path.join(base, fh.read().strip())
searcher = index.open_dir(generation, schema=schema).searcher()
hits = searcher.search(Term("body_pairs", "pari pact"), limit=10)
sys.stdout.write("".join(f"{{h['doc_id']}}  {{h['title']}}  {{h['body'][:200]}}\\n" for h in hits))
print(len(hits), "articles")
'''


def check_schema(child: Path) -> None:
    from sco_cli.index.schema import schema

    ours = str(sorted((name, type(field).__name__) for name, field in schema().items()))
    theirs = subprocess.run([sys.executable, str(child), "--fields"], capture_output=True, text=True, check=True)
    if theirs.stdout.strip() != ours:
        sys.exit(f"the search floor's schema differs from sco's:\n{theirs.stdout}\n{ours}")


def search_floor(sco: str, rg: str, corpus: Path, index: Path, runs: int) -> dict[str, float]:
    """Median ms of each command, interleaved run by run so that the machine's drift hits all alike."""
    child = Path(tempfile.mkdtemp()) / "whoosh_alone.py"
    child.write_text(SEARCH_CHILD.format(fixes=str(ROOT / "sco_cli" / "index" / "whoosh_fixes.py")))
    check_schema(child)
    env = {**os.environ, "SCO_INDEX_DIR": str(index)}
    commands = {
        'rg -l "Paris Pact"': [rg, "-l", "Paris Pact", str(corpus)],
        "python -c pass": [sys.executable, "-c", "pass"],
        "Whoosh alone (floor)": [sys.executable, str(child)],
        "sco search '\"Paris Pact\"'": [sco, "search", '"Paris Pact"'],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            if run:  # the first round warms the file cache
                times[name].append(time.perf_counter() - start)
    shutil.rmtree(child.parent)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def _write_text_fields(folder: str, files: list[str], pairs: bool, done) -> None:
    from sco_cli.corpus import Problem, read_file
    from sco_cli.index import whoosh_fixes
    from sco_cli.index.phrases import PAIRS_FIELD
    from sco_cli.index.schema import schema
    from sco_cli.index.workers import WRITER_LIMIT_MB

    whoosh_fixes.load()
    writer = whoosh_fixes.segment_writer(folder, schema(), WRITER_LIMIT_MB // 2)
    for path in files:
        for article in read_file(Path(path)):
            if not isinstance(article, Problem):
                document = dict(doc_id=article.doc_id, title=article.headline, body=article.body)
                writer.add_document(**document, **({PAIRS_FIELD: article.body} if pairs else {}))
    done.put(whoosh_fixes.finish_segment(writer))


def build_floor(files: list[str], pairs: bool, workers: int = 2) -> float:
    """Seconds for Whoosh alone to index the text fields of `files`, `workers` segments at a time."""
    from whoosh.index import create_in

    from sco_cli.index import whoosh_fixes
    from sco_cli.index.schema import schema

    folder = tempfile.mkdtemp()
    whoosh_fixes.load()
    ix = create_in(folder, schema())
    context = multiprocessing.get_context("fork")
    done = context.Queue()
    start = time.perf_counter()
    processes = [context.Process(target=_write_text_fields, args=(folder, files[i::workers], pairs, done))
                 for i in range(workers)]
    for process in processes:
        process.start()
    segments = [done.get() for _ in processes]
    for process in processes:
        process.join()
    whoosh_fixes.commit_segments(ix, segments)
    seconds = time.perf_counter() - start
    shutil.rmtree(folder)
    return seconds


def extraction_ms(files: list[str]) -> float:
    """Mean ms to extract one article's facts (after 50 warm-up articles), in this process."""
    from sco_cli.corpus import Problem, read_file
    from sco_cli.extract import extract

    articles = [a for path in files for a in read_file(Path(path)) if not isinstance(a, Problem)]
    for article in articles[:50]:
        extract(article)
    start = time.perf_counter()
    for article in articles:
        extract(article)
    return (time.perf_counter() - start) / len(articles) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--work", type=Path, default=HERE / "work")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    sco, rg = installed_sco(), ensure_ripgrep()
    compile_package()
    corpus, index = args.work / f"corpus-{args.size}", args.work / f"index-{args.size}"
    if not (index / "CURRENT").exists():
        sys.exit(f"no index in {index}: run benchmarks/run.py --sizes {args.size} first")
    files = sorted(glob.glob(str(corpus / "*.txt")))

    ms = search_floor(sco, rg, corpus, index, args.runs)
    rg_ms = ms['rg -l "Paris Pact"']
    print(f"Search, {args.size:,} articles, median of {args.runs} interleaved runs:\n")
    print("| process | ms | ratio to `rg -l` |\n| --- | ---: | ---: |")
    for name, value in ms.items():
        print(f"| `{name}` | {value:.0f} | {value / rg_ms:.2f}x |")

    with_pairs, without = build_floor(files, pairs=True), build_floor(files, pairs=False)
    extract = extraction_ms(files[:1000])
    print(f"\nBuild, {len(files):,} articles, two processes, Whoosh alone (reading included):\n")
    print(f"- text fields with the pairs field: {with_pairs:.1f} s; without it: {without:.1f} s")
    print(f"- extraction: {extract:.2f} ms per article, so {extract * len(files) / 2000:.1f} s "
          "on two cores on top of Whoosh's share")
    return 0


if __name__ == "__main__":
    sys.exit(main())
