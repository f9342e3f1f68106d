"""Two-word phrases indexed as terms of their own, so a quoted phrase is one posting list.

Whoosh answers `"Paris Pact"` by walking every article holding both words and comparing their
positions in Python: 50 ms at 10,000 articles, 230 ms at 50,000, most of a search. The body's
word pairs (each word with the word after it, stems as the body indexes them: "pari pact") are
indexed in the field `PAIRS_FIELD`, and a phrase of the body is asked of that field instead:

- two words: the one pair term, ranked by BM25 of the pair (how often the article writes the
  phrase), as Lucene ranks a phrase by the phrase's frequency;
- three or more: the article must hold every pair (posting lists intersected) and is ranked by
  their sum; Whoosh's own phrase matcher then checks the words really run on, but only in the
  articles holding every pair.

Pairs follow the body's positions (stop words are dropped and the words after renumbered, as
Whoosh's phrase matcher expects), so an article holds the pair exactly when Whoosh's phrase
matcher would find the two words next to each other: tests/test_phrases.py proves it.
Phrases with slop (`"a b"~3`) and phrases of the title keep Whoosh's own matcher. This is what
Elasticsearch's `index_phrases` does for a text field (two-word shingles in a field of their own,
used by phrase queries without slop); the price is a larger index and a slower build
(benchmarks/RESULTS.md, schema 11).
"""
from __future__ import annotations

from typing import Iterable

# The field of the body's word pairs, and the character between a pair's two stems (never in a stem).
PAIRS_FIELD = "body_pairs"
PAIRS_OF = "body"
_SEPARATOR = " "


def pair_text(first: str, second: str) -> str:
    return first + _SEPARATOR + second


class PairAnalyzer:
    """A Whoosh analyzer giving the pairs of consecutive words of a text as the body's analyzer
    (`words`, an `OnePassStemmingAnalyzer`) indexes it, one token per pair, in text order. Given
    the body's own analyzer, it reuses the stems the body was just indexed with."""

    def __init__(self, words=None):
        self._setup(words)

    def _setup(self, words=None) -> None:
        from sco_cli.index.whoosh_fixes import OnePassStemmingAnalyzer

        self._words = words if words is not None else OnePassStemmingAnalyzer()

    def __getstate__(self):  # Whoosh pickles the schema into its table of contents
        return {}

    def __setstate__(self, state):
        self._setup()

    def __eq__(self, other):
        return isinstance(other, PairAnalyzer)

    def __call__(self, value, mode="", **kwargs):
        from whoosh.analysis import Token

        token = Token(mode=mode)
        token.boost = 1.0
        words = self._words.kept_words(value)
        for first, second in zip(words, words[1:]):
            token.text = pair_text(first, second)
            yield token


def with_pairs(query):
    """`query` with each phrase of the body (no slop, two words or more) asked of the pairs."""
    from whoosh.query import Phrase

    if isinstance(query, Phrase):
        return _pair_query(query) or query
    return query.apply(with_pairs)


def _pair_query(phrase):
    from whoosh.query import And, Require, Term

    words = list(phrase.words)
    if phrase.fieldname != PAIRS_OF or phrase.slop != 1 or len(words) < 2:
        return None
    pairs = [Term(PAIRS_FIELD, pair_text(a, b), boost=phrase.boost) for a, b in zip(words, words[1:])]
    if len(pairs) == 1:
        return pairs[0]
    return Require(And(pairs), phrase)


def body_words(matched: Iterable[tuple[str, bytes]]) -> frozenset[str]:
    """The body's words among a search's matched terms, the words of matched pairs included:
    what a snippet marks."""
    words = set()
    for fieldname, text in matched:
        if fieldname == PAIRS_OF:
            words.add(text.decode("utf-8"))
        elif fieldname == PAIRS_FIELD:
            words.update(text.decode("utf-8").split(_SEPARATOR))
    return frozenset(words)
