"""Sentences with character offsets, shared by every extractor.

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
