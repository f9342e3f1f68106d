"""Sentences with character offsets, and one scan for many patterns, shared by every extractor.

News prose is split at `.`, `!` or `?` followed by whitespace and a capital letter, a digit or a
quote, except after abbreviations that news writes with a full stop (Mr., Dr., Sept., U.N., No.)
and initials ("J. Stock", "Sh. Mirziyoyev").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sco_cli.model import Article

# Candidate sentence ends: terminal punctuation (and closing quotes) then whitespace, then the
# start of the next sentence.
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)]*\s+(?=["'\u201c\u2018(]?[A-Z0-9\u0400-\u04FF])""")
# The word before a full stop that does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Sr|Jr|No|Nos|Art|para|Amb|H\.E|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|e\.g|i\.e|approx|U\.N|U\.S|U\.K|Sh|Ch|Zh|Kh)|\b[A-Z])\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into Article.body
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs


def split_sentences(text: str, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Split one paragraph of prose into sentences; offsets are shifted by `offset`."""
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start() + 1]
        if _ABBREVIATION.search(head):
            continue
        piece = text[start:m.end()].rstrip()
        if piece:
            out.append(Sentence(offset + start, offset + start + len(piece), piece, paragraph))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        out.append(Sentence(offset + start, offset + start + len(tail), tail, paragraph))
    return out


def sentences(article: Article) -> list[Sentence]:
    """Every sentence of the article's English paragraphs, in order."""
    out: list[Sentence] = []
    for n, para in enumerate(article.paragraphs):
        out.extend(split_sentences(para.text, para.start, n))
    return out


def group_by_sentence(sentences: list[Sentence], items, start=lambda item: item.span.start) -> dict[int, list]:
    """{sentence index: the items that start inside it}, in one pass (sentences are in order)."""
    starts = [s.start for s in sentences]
    out: dict[int, list] = {}
    for item in items:
        n = bisect.bisect_right(starts, start(item)) - 1
        if n >= 0 and start(item) < sentences[n].end:
            out.setdefault(n, []).append(item)
    return out


# A named group's opening, made plain for the scan of `PatternSet` (several patterns name the same groups).
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class PatternSet:
    """Several patterns looked for in one scan of the text. `matches(text)` gives, per pattern,
    exactly the matches its own `finditer` gives: a zero-width union of all the patterns finds
    every position where one of them matches, and each pattern is tried at those positions only,
    from the end of its previous match on. Most sentences hold no match of most patterns, and a
    scan per pattern would walk all of them. (Not for patterns with backreferences, or that can
    match the empty string.)

    `first`, a character class every match starts with, lets the scan pass the other positions
    at once; a leading `\\b` shared by patterns is tested once for all of them."""

    def __init__(self, patterns: list[re.Pattern], first: str = ""):
        self.patterns = patterns
        flags = {p.flags for p in patterns}
        assert len(flags) <= 1, "the patterns of a set share their flags"
        plain = [_NAMED_GROUP.sub("(?:", p.pattern) for p in patterns]
        at_word = [text[2:] for text in plain if text.startswith("\\b")]
        others = [text for text in plain if not text.startswith("\\b")]
        union = "|".join([f"\\b(?={_any_of(at_word)})"] * bool(at_word) + [f"(?={_any_of(others)})"] * bool(others))
        self._starts = re.compile(f"(?={first})(?:{union})" if first else union, flags.pop() if flags else 0)

    def matches(self, text: str) -> list[list[re.Match]]:
        found: list[list[re.Match]] = [[] for _ in self.patterns]
        resume = [0] * len(self.patterns)  # where each pattern's own finditer would look next
        for start in self._starts.finditer(text):
            at = start.start()
            for k, pattern in enumerate(self.patterns):
                if at >= resume[k]:
                    m = pattern.match(text, at)
                    if m is not None:
                        found[k].append(m)
                        resume[k] = m.end() if m.end() > at else at + 1
        return found


def _any_of(patterns: list[str]) -> str:
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def alternation(words) -> str:
    """A regex (no groups) for any of `words`, the longest first where several match: the matches
    of `"|".join(re.escape(w) for w in words-longest-first)`, written as a trie ("Minister(?: of
    (?:State|...)|...)?"), so that a position is tried against the few words that start with its
    character instead of against every word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _trie_regex(trie)


_END = None  # the trie key of "a word ends here"


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in node.items() if ch is not _END]
    if _END in node:  # longer words first: the greedy `?` tries going on before ending here
        return f"(?:{'|'.join(branches)})?" if branches else ""
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
