"""extract/text.py: sentences, and PatternSet giving each pattern's own finditer matches in one scan."""
import re

import pytest

from sco_cli.extract.text import PatternSet, split_sentences

PATTERNS = [
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<m>[A-Z][a-z]+)\b"),  # "6 March"
    re.compile(r"\b(?P<m>[A-Z][a-z]+)\s+(?P<y>\d{4})\b"),  # "March 2019": overlaps the one above
    re.compile(r"(?<![\w/])\d{4}(?!\w)"),  # a lookbehind, no leading \b
    re.compile(r"\bmet(?:\s+with)?\b", re.IGNORECASE),
]


@pytest.mark.parametrize("text", [
    "On 6 March 2019 the ministers met with the press; on 7 April 2020 they met again.",
    "MET WITH the envoy in 1999/2000 and 2001, then Met the mayor",
    "6 March 7 April 8 May 2021 2022",
    "nothing to find here.",
    "",
])
@pytest.mark.parametrize("first", ["", r"[\w]"])
def test_pattern_set_gives_each_pattern_exactly_its_own_finditer_matches(text, first):
    for group in ([p for p in PATTERNS if not p.flags & re.IGNORECASE], [PATTERNS[3]]):
        found = PatternSet(group, first=first).matches(text)
        assert [[m.span() for m in ms] for ms in found] == [[m.span() for m in p.finditer(text)] for p in group]
        assert [[m.groupdict() for m in ms] for ms in found] == [[m.groupdict() for m in p.finditer(text)]
                                                                 for p in group]


def test_pattern_set_keeps_a_pattern_from_overlapping_its_own_matches():
    # "aaaa": finditer of "aa" gives (0, 2) and (2, 4), never (1, 3)
    [found] = PatternSet([re.compile("aa")]).matches("aaaa")
    assert [m.span() for m in found] == [(0, 2), (2, 4)]


def test_sentences_split_after_full_stops_but_not_after_abbreviations():
    text = "Mr. Norov met Dr. Stock on Sept. 16. They spoke! Then J. Smith left."
    assert [s.text for s in split_sentences(text)] == ["Mr. Norov met Dr. Stock on Sept. 16.", "They spoke!",
                                                      "Then J. Smith left."]


@pytest.mark.parametrize("text", [
    "the Minister of State for Foreign Affairs met the Minister",
    "Minister of Stateless persons; Ministry; Mayor of Astana; a Minister-designate",
    "Prime Minister and Deputy Prime Minister, the Prime Ministers",
])
def test_alternation_matches_as_the_longest_first_list_of_its_words(text):
    from sco_cli.extract.text import alternation

    words = ["Minister", "Minister of State", "Minister of State for Foreign Affairs", "Ministry", "Mayor",
             "Prime Minister", "Deputy Prime Minister", "Prime"]
    listed = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    for around in ("(?:{})", r"\b(?:{})(?![\w-])", r"(?:{})\s+(?:of|and)\b"):
        trie, plain = re.compile(around.format(alternation(words))), re.compile(around.format(listed))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], around


def test_alternation_of_the_lexicon_word_lists_matches_as_their_lists_do():
    from sco_cli.extract.text import alternation
    from sco_cli.lexicon import default_lexicon

    lexicon = default_lexicon()
    for words in (lexicon.roles, lexicon.titles, tuple(lexicon.countries), tuple(lexicon.cities)):
        text = " ".join(f"{w} {w[:-1]} {w}s {w}-x" for w in words)
        listed = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        trie, plain = (re.compile(rf"(?<![\w-])(?:{p})(?![\w-])") for p in (alternation(words), listed))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
