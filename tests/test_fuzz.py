"""Generated input through the CLI: every invocation ends with a documented exit code and no
traceback. CI runs a small profile; `pytest --run-slow` runs the 10,000-invocation one."""
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_cli.cli import app

SLOW_EXAMPLES = int(os.environ.get("SCO_FUZZ_EXAMPLES", "2500"))  # x 4 tests = 10,000 invocations

query_words = st.sampled_from(["Paris", "Pact", "Norov", "memorandum", "UNODC", "Vienna", "AND", "OR", "NOT",
                               "title:", "body:", "kind:date", "date:", "*", "?", "~", "^2", "TO", "[", "]",
                               "(", ")", '"', "'", "\\", "-", "+", "{", "}", ":", "/", "\x00", "\u202e", "ü"])
queries = st.one_of(
    st.text(max_size=40),
    st.lists(query_words, max_size=8).map(" ".join),
    st.lists(query_words, max_size=8).map("".join),
)
dates = st.one_of(st.text(max_size=20), st.sampled_from(["2019", "2019-03", "2019-03-14", "March 2019",
                                                          "14 March 2019", "2019-02-30", "0000", "9999-12",
                                                          "March 14, 2019", "-1", "1e9"]))
names = st.one_of(st.text(max_size=30), st.sampled_from(["Norov", "Guterres", "UNODC", "Vienna", "", "vladimir",
                                                          "Jenča", "ü", "'", "--json"]))


def _check(result):
    assert result.exit_code in (0, 1, 2, 3), (result.exit_code, result.exception)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    # the index is healthy: the catch-all for damaged indexes must never be what answered
    assert "cannot read the index (" not in result.stderr, result.stderr


def _invocations(seeds_index, runner):
    def run(args):
        return runner.invoke(app, args, prog_name="sco", env={"SCO_INDEX_DIR": str(seeds_index)})
    return run


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=SLOW_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _search(run, q, d1, d2, fmt):
    args = ["search", q] + (["--from", d1] if d1 is not None else []) + (["--to", d2] if d2 is not None else [])
    _check(run(args + [fmt]))


def _who(run, name, other, place, fmt):
    args = ["who-met"] + ([name] if name is not None else []) + (["--with", other] if other is not None else [])
    _check(run(args + (["--place", place] if place is not None else []) + [fmt]))


def _timeline(run, q, d1, limit):
    args = ["timeline"] + ([q] if q is not None else []) + (["--from", d1] if d1 is not None else [])
    _check(run(args + (["--limit", limit] if limit is not None else [])))


def _agreements(run, q, party, kind):
    args = ["agreements"] + ([q] if q is not None else []) + (["--party", party] if party is not None else [])
    _check(run(args + (["--kind", kind] if kind is not None else [])))


formats = st.sampled_from(["--json", "--jsonl", "--csv", "--format=tsv", "--format=table", "--format=xml"])
opt = st.none() | dates


@pytest.mark.parametrize("profile", [pytest.param(FAST, id="ci"), pytest.param(SLOW, id="slow",
                                                                                  marks=pytest.mark.slow)])
def test_fuzz_search(seeds_index, runner, profile):
    run = _invocations(seeds_index, runner)
    profile(given(q=queries, d1=opt, d2=opt, fmt=formats)(lambda q, d1, d2, fmt: _search(run, q, d1, d2, fmt)))()


@pytest.mark.parametrize("profile", [pytest.param(FAST, id="ci"), pytest.param(SLOW, id="slow",
                                                                                  marks=pytest.mark.slow)])
def test_fuzz_who_met(seeds_index, runner, profile):
    run = _invocations(seeds_index, runner)
    profile(given(name=st.none() | names, other=st.none() | names, place=st.none() | names, fmt=formats)(
        lambda name, other, place, fmt: _who(run, name, other, place, fmt)))()


@pytest.mark.parametrize("profile", [pytest.param(FAST, id="ci"), pytest.param(SLOW, id="slow",
                                                                                  marks=pytest.mark.slow)])
def test_fuzz_timeline(seeds_index, runner, profile):
    run = _invocations(seeds_index, runner)
    profile(given(q=st.none() | queries, d1=opt, limit=st.none() | st.sampled_from(["0", "-1", "5", "x", "99999"]))(
        lambda q, d1, limit: _timeline(run, q, d1, limit)))()


@pytest.mark.parametrize("profile", [pytest.param(FAST, id="ci"), pytest.param(SLOW, id="slow",
                                                                                  marks=pytest.mark.slow)])
def test_fuzz_agreements(seeds_index, runner, profile):
    run = _invocations(seeds_index, runner)
    profile(given(q=st.none() | queries, party=st.none() | names,
                  kind=st.none() | st.sampled_from(["memorandum", "plan", "MEMORANDUM", "bogus", ""]))(
        lambda q, party, kind: _agreements(run, q, party, kind)))()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["On 6 March", "2019", " met with ", "Mr Norov", "SCO Secretary-General Vladimir",
                                   " Norov", "the Memorandum of Understanding between the ", "(UNODC)", ".", "\n\n",
                                   "[bold]", "\x1b[2J", "\u202e", "13-15 November 2018", "Resolution 59/48"]),
                  max_size=30).map("".join))
def test_fuzz_documents_index_and_query(tmp_path_factory, text):
    """Any text as an article: the build completes and every command answers."""
    from typer.testing import CliRunner

    base = tmp_path_factory.mktemp("fuzzdoc")
    (base / "docs").mkdir()
    (base / "docs" / "x.txt").write_text("Headline\n\n" + text, encoding="utf-8")
    runner = CliRunner()
    env = {"SCO_INDEX_DIR": str(base / "ix")}
    built = runner.invoke(app, ["index", "build", str(base / "docs")], env=env, prog_name="sco")
    _check(built)
    for args in (["docs", "--json"], ["timeline"], ["who-met"], ["agreements"], ["show", "x", "--json"]):
        _check(runner.invoke(app, args, env=env, prog_name="sco"))
