"""The `sco` console script. TAB completion is answered before Typer, Rich or Whoosh is imported."""
from __future__ import annotations

import os
import sys


def main() -> None:
    if os.environ.get("_SCO_FAST_COMPLETE"):
        from sco_cli.complete import main as complete

        sys.exit(complete())
    from sco_cli.cli import main as run

    run()
