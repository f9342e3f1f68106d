"""Make untrusted article text safe to store and to print.

Removes C0 controls except tab and newline, DEL, C1 controls, whole ANSI escape sequences
(CSI, OSC, and the two-byte forms) and invisible format characters such as bidi overrides.
Used at ingest and again at output, so text from an older index cannot slip through either.
"""
from __future__ import annotations

import json
import re
import unicodedata

# An escape sequence as a whole: CSI ("ESC [" params final), OSC/DCS/APC/PM strings up to BEL or
# ST (or the end of the line when a hostile one is left unterminated), and two-byte ESC forms.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                      # CSI: colours, cursor moves, clear screen
    | [\x1b][\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?   # OSC 0/8/52 ..., DCS, APC, PM
    | [\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?  # the same in 8-bit C1 form
    | \x9b[0-?]*[ -/]*[@-~]                      # 8-bit CSI
    | \x1b[ -/]*[0-~]?                           # two-byte and nF escapes, or a lone ESC
    """,
    re.VERBOSE,
)
# Single control characters left over: C0 but tab and newline, DEL, C1.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Zero-width joiners shape Persian and Indic scripts; every other format character (Cf) goes.
_KEEP_FORMAT = {"\u200c", "\u200d"}


# What ASCII text can hold that needs removing: controls (ESC among them) and carriage returns.
_ASCII_TROUBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\r]")


# Every character `clean_text` removes, as one class: C0 controls but tab and newline, CR, DEL, C1,
# and the format characters (Unicode category Cf, here as of Unicode 14) but the two joiners.
# tests/test_safety.py checks it against `clean_text` for every code point.
_REMOVED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b"
    "\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


# How JSON writes a character `clean_text` removes, with ensure_ascii off: \r, \b, \f, or \u00XX
# (an escaped backslash before one of these letters matches too, and is then cleaned the slow way).
_JSON_CONTROL_ESCAPE = re.compile(r"\\[bfru]")


# Printable ASCII, tab and newline: what most of any text is, and never removed.
_PLAIN_ASCII = bytes(range(0x20, 0x7f)) + b"\t\n"


def is_clean(text: str) -> bool:
    """Whether `clean_text` would leave `text` as it is. The plain ASCII is dropped first in C
    (megabytes in milliseconds); only what is left is searched."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return not rest or _REMOVED.search(rest.decode("utf-8", "surrogatepass")) is None


def is_clean_json(text: str) -> bool:
    """Whether every string the JSON `text` decodes to is clean: it holds no character `clean_text`
    removes and no escape of one."""
    return is_clean(text) and not _JSON_CONTROL_ESCAPE.search(text)


def loads_clean(text: str):
    """`json.loads(text)` with every string clean: proven by `is_clean_json` (one scan), else
    cleaned string by string (a file written by hand or damaged)."""
    data = json.loads(text)
    return data if is_clean_json(text) else clean_tree(data)


def clean_tree(value):
    """`clean_text` on every string of a JSON-ready structure (lists and dicts, at any depth)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_tree(v) for k, v in value.items()}
    return value


def clean_text(text: str) -> str:
    """Return `text` without escape sequences, control characters or bidi/format characters."""
    if not text or text.isascii() and not _ASCII_TROUBLE.search(text):
        return text  # the common case, checked in one pass
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL_CHAR.sub("", text)
    if text.isascii():
        return text
    return "".join(
        ch for ch in text if ch in _KEEP_FORMAT or unicodedata.category(ch) != "Cf"
    )


def clean_line(text: str) -> str:
    """`clean_text` for a single table cell: newlines and tabs become spaces."""
    return " ".join(clean_text(text).split())
