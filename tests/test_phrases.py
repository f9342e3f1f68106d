"""Two-word phrases as terms (`index.phrases`): the pairs find exactly the articles Whoosh's phrase
matcher finds, and queries are rewritten only where that holds."""
from __future__ import annotations

import itertools

import pytest

from sco_cli.index import whoosh_fixes
from sco_cli.index.phrases import PAIRS_FIELD, PairAnalyzer, body_words, with_pairs

whoosh_fixes.load()

from whoosh import fields  # noqa: E402
from whoosh.filedb.filestore import RamStorage  # noqa: E402
from whoosh.query import And, Not, Or, Phrase, Require, Term  # noqa: E402

from sco_cli.index.whoosh_fixes import OnePassStemmingAnalyzer  # noqa: E402
from sco_cli.query import parse_query  # noqa: E402

# Sentences written for this test: stop words between words, repeated words, punctuation,
# line breaks, numbers, a word split by a hyphen, the same words in another order.
TEXTS = [
    "The heads of state signed the Charter in Bishkek on 16 June.",
    "Charter signed: the state heads met, and the heads of the state left.",
    "Talks in Bishkek\non the Charter of the organisation; signed, sealed and signed again.",
    "Ministers of foreign affairs of the member states met in Tashkent in 2016-2017.",
    "Tashkent ministers, foreign affairs ministers and state ministers of Tashkent.",
    "A memorandum of understanding was signed. Understanding the memorandum took a year.",
    "",
]


def _index(shared: bool = True):
    """The texts indexed as the schema indexes a body: the pairs from the body's own analyzer
    (`shared`), or from one of their own."""
    analyzer = OnePassStemmingAnalyzer()
    pairs = PairAnalyzer(analyzer if shared else None)
    schema = fields.Schema(n=fields.ID(stored=True), body=fields.TEXT(analyzer=analyzer),
                           **{PAIRS_FIELD: fields.TEXT(analyzer=pairs, phrase=False)})
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for n, text in enumerate(TEXTS):
            writer.add_document(n=str(n), body=text, **{PAIRS_FIELD: text})
    return ix


def _stems(text: str) -> list[str]:
    return [t.text for t in OnePassStemmingAnalyzer()(text, mode="index")]


def _phrases() -> list[list[str]]:
    """Every run of two to four stems of the texts, and every ordered pair of their stems (most
    of which no text has side by side)."""
    runs = set()
    vocabulary = sorted({stem for text in TEXTS for stem in _stems(text)})
    for text in TEXTS:
        stems = _stems(text)
        for size in (2, 3, 4):
            runs.update(tuple(stems[i:i + size]) for i in range(len(stems) - size + 1))
    runs.update(itertools.permutations(vocabulary, 2))
    return [list(run) for run in sorted(runs)]


def _found(searcher, query) -> set[str]:
    return {hit["n"] for hit in searcher.search(query, limit=None)}


@pytest.mark.parametrize("shared", [True, False])
def test_the_pairs_find_what_the_phrase_matcher_finds(shared):
    phrases = _phrases()
    assert len(phrases) > 600
    with _index(shared).searcher() as searcher:
        found_any = 0
        for words in phrases:
            phrase = Phrase("body", words)
            expected = _found(searcher, phrase)
            assert _found(searcher, with_pairs(phrase)) == expected, words
            found_any += bool(expected)
    assert found_any > 60  # the comparison is not only of empty answers


def test_the_pairs_of_a_sentence():
    tokens = [t.text for t in PairAnalyzer()("The heads of state met in Bishkek; the heads left.", mode="index")]
    # "of", "in" and "the" are stop words: the words around them are next to each other
    assert tokens == ["head state", "state met", "met bishkek", "bishkek head", "head left"]


def test_a_pair_is_counted_each_time_it_occurs():
    with _index().searcher() as searcher:
        # "heads of state" (text 0), "heads of the state" (text 1); text 1's "state heads" is another pair
        assert searcher.frequency(PAIRS_FIELD, "head state") == 2
        assert searcher.frequency(PAIRS_FIELD, "state head") == 1
        # "signed, sealed and signed again": "sign" and "again" twice, next to each other once
        assert searcher.frequency(PAIRS_FIELD, "sign again") == 1


def test_a_quoted_phrase_of_the_body_becomes_its_pair():
    query = with_pairs(parse_query('"Paris Pact"'))
    assert query == Or([Phrase("title", ["pari", "pact"], boost=1.0), Term(PAIRS_FIELD, "pari pact")])


def test_three_words_need_every_pair_and_the_phrase():
    query = with_pairs(Phrase("body", ["shanghai", "cooper", "organis"]))
    assert query == Require(And([Term(PAIRS_FIELD, "shanghai cooper"), Term(PAIRS_FIELD, "cooper organis")]),
                            Phrase("body", ["shanghai", "cooper", "organis"]))


@pytest.mark.parametrize("query", [
    Phrase("body", ["pari", "pact"], slop=3),  # words near each other: positions are needed
    Phrase("title", ["pari", "pact"]),
    Term("body", "pari"),
])
def test_other_queries_are_left_as_they_are(query):
    assert with_pairs(query) == query


def test_queries_inside_others_are_rewritten():
    query = with_pairs(parse_query('summit AND NOT "Paris Pact"'))
    assert query == And([Or([Term("title", "summit"), Term("body", "summit")]),
                         Not(Or([Phrase("title", ["pari", "pact"]), Term(PAIRS_FIELD, "pari pact")]))])


def test_the_words_a_snippet_marks():
    matched = [("body", b"summit"), (PAIRS_FIELD, b"pari pact"), ("title", b"charter")]
    assert body_words(matched) == frozenset({"summit", "pari", "pact"})


@pytest.mark.parametrize("shared, analyses", [(True, 1), (False, 2)])
def test_the_body_is_analysed_once_when_the_pairs_share_its_analyzer(monkeypatch, shared, analyses):
    calls = []
    analyse = OnePassStemmingAnalyzer.__call__
    monkeypatch.setattr(OnePassStemmingAnalyzer, "__call__", lambda self, value, **kw: calls.append(value) or
                        analyse(self, value, **kw))
    _index(shared)
    assert calls == [text for text in TEXTS for _ in range(analyses)]


def test_kept_words_of_another_text_are_made_afresh():
    analyzer = OnePassStemmingAnalyzer()
    list(analyzer("The heads of state met.", mode="index"))
    assert analyzer.kept_words("Ministers met in Tashkent") == ["minist", "met", "tashkent"]
    assert analyzer.kept_words("The heads of state met.") == ["head", "state", "met"]


def test_a_quoted_phrase_marks_its_words_in_the_snippets(seeds_index):
    from sco_cli import index, query

    hits = query.search(index.open_index(seeds_index), '"Paris Pact"')
    assert [h.doc_id for h in hits] == ["000_696adcf27fd638ed", "001_95c8ddcf366ad626"]
    for hit in hits:
        marked = [text for text, matched in hit.snippet.pieces if matched]
        assert {"Paris", "Pact"} <= set(marked) <= {"Paris", "Pact"}, hit.snippet
