"""Folding names for matching: case, accents and punctuation do not matter."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)  # names are folded again and again: at build time and per query
def fold(text: str | None) -> str:
    """'Jürgen  STOCK' -> 'jurgen stock'; 'Secretary-General' -> 'secretary general'."""
    if not text:
        return ""
    if text.isascii():  # the common case: no accents to strip
        return " ".join(_NON_WORD.sub(" ", text.lower()).replace("_", " ").split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


# Small words that do not tell one instrument's title from another's.
_TITLE_STOP = frozenset("the of on and between in for a an to with by at".split())


def title_key(title: str | None) -> str:
    """'the Memorandum of Understanding between the SCO and the FAO' -> 'memorandum understanding sco fao'."""
    return " ".join(w for w in fold(title).split() if w not in _TITLE_STOP)


# Words that tell no instrument from another of its kind: "the joint communique", "the final declaration".
GENERIC_TITLE_WORDS = frozenset("joint final memorandum understanding declaration resolution statement communique "
                                "agreement treaty convention charter strategy plan programme program protocol "
                                "action roadmap".split())


def identifying(key: str) -> bool:
    """Whether a title key names one instrument ("memorandum sco unesco") or only its kind
    ("joint communique")."""
    return any(w not in GENERIC_TITLE_WORDS for w in key.split())
