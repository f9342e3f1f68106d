"""The `sco` console script. TAB completion is answered before Typer, Rich or Whoosh is imported,
and the questions, `docs` and `show` without Typer when their command line is plain
(`commands.run_fast`)."""
from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    # A command builds its answer and exits: the cycle collector would walk the decoded facts again
    # and again as they pile up (half of who-met's query time at 10k and 50k articles), while
    # reference counting frees them all the same. Builds, which run long, turn it back on.
    gc.disable()
    if os.environ.get("_SCO_FAST_COMPLETE"):
        from sco_cli.complete import main as complete

        sys.exit(complete())
    if not os.environ.get("_SCO_COMPLETE"):  # Click's own completion variable: Typer's to answer
        from sco_cli.commands import run_fast

        run_fast(sys.argv[1:])  # exits when it answered
    from sco_cli.cli import main as run

    run()
