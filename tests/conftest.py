"""Shared fixtures: no test touches the user's files, and output is pinned to a fixed terminal."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sco_cli import index

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow; run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Point all state at a temporary folder and fix the terminal: 100 columns, no colour."""
    monkeypatch.setenv("SCO_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    for var in ("FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "XDG_DATA_HOME", "SCO_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def seeds_index_template(tmp_path_factory) -> Path:
    """The seeds indexed once per session; tests get their own copy."""
    base = tmp_path_factory.mktemp("seeds-index") / "index"
    index.build(base, [str(SEEDS)])
    return base


@pytest.fixture
def seeds_index(seeds_index_template, isolated) -> Path:
    """A private copy of the seeds index at $SCO_INDEX_DIR."""
    target = isolated / "index"
    shutil.copytree(seeds_index_template, target)
    return target


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def sco(runner):
    """Invoke the app like the shell would: sco(*args) -> Result (stdout and stderr apart)."""
    from sco_cli.cli import app

    def invoke(*args, input=None, env=None):
        return runner.invoke(app, list(args), input=input, env=env, prog_name="sco")

    return invoke
