"""Folding names for matching: case, accents and punctuation do not matter."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str | None) -> str:
    """'Jürgen  STOCK' -> 'jurgen stock'; 'Secretary-General' -> 'secretary general'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())
