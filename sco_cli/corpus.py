"""Files -> `Article`s.

An article file is UTF-8 text: the first non-empty line is the headline, the body follows with
paragraphs separated by blank lines. The headline may be repeated at the top of the body and some
lines may be in another script (Russian, Chinese), as on the SCO website: both are recognised so
that extraction reads only the English prose, while search still indexes everything.

Nothing here raises on a bad file: problems come back as `Problem`s beside the articles.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from sco_cli.model import Article, Span
from sco_cli.safety import clean_line, clean_text

ARTICLE_SUFFIX = ".txt"
# A file bigger than this is read but truncated; the extractors are linear, this bounds memory.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

# Spaces other than the plain one: no-break, figure, narrow no-break, en/em and thin spaces.
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A blank line (spaces allowed) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input path, reported as a one-line warning."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def article_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the article files under them, sorted, without duplicates."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file())
            if not found:
                problems.append(Problem(str(path), f"no {ARTICLE_SUFFIX} files in this folder"))
        elif path.is_file():
            found = [path]
        else:
            problems.append(Problem(str(path), "no such file or folder"))
            continue
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, problems


def doc_id_of(path: Path) -> str:
    """An article's id: its file name without `.txt`, with control and format characters removed
    (an id is printed, typed and completed)."""
    return clean_line(path.stem) or "_"


def duplicate_ids(files: Iterable[Path]) -> tuple[Path, Path, str] | None:
    """The first two files that would share an article id, or None."""
    first: dict[str, Path] = {}
    for path in files:
        doc_id = doc_id_of(path)
        if doc_id in first:
            return first[doc_id], path, doc_id
        first[doc_id] = path
    return None


def read_articles(paths: Iterable[str | os.PathLike]) -> Iterator[Article | Problem]:
    """Yield an `Article` for every readable article under `paths` and a `Problem` for the rest."""
    files, problems = article_files(paths)
    yield from problems
    for path in files:
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Article | Problem]:
    """The article in one file, after any problems with it (none, or a warning, or why it was skipped)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:  # vanished, unreadable, a directory named *.txt ...
        yield Problem(str(path), f"cannot read ({exc.strerror or exc})")
        return
    if len(data) > MAX_ARTICLE_BYTES:
        data = data[:MAX_ARTICLE_BYTES]
        yield Problem(str(path), f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB, truncated")
    if _looks_binary(data[:8192]):
        yield Problem(str(path), "looks like a binary file, skipped")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        yield Problem(str(path), f"not valid UTF-8 (first bad byte at {exc.start}), decoded with replacement")
    article = parse_article(text, doc_id=doc_id_of(path), path=str(path.absolute()), raw=data)
    if article is None:
        yield Problem(str(path), "empty file, skipped")
    else:
        yield article


# Bytes that text never holds in bulk: C0 controls but tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# More control bytes than this share of the first 8 KB marks a binary file (hostile text with a
# few escape sequences stays far below it).
BINARY_SHARE = 0.05


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > BINARY_SHARE


def parse_article(text: str, doc_id: str, path: str = "", raw: bytes | None = None) -> Article | None:
    """Build an `Article` from the text of one file; None when it has no text at all."""
    content_hash = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    # no-break and other fixed-width spaces become plain ones (one character for one: offsets hold)
    text = _ODD_SPACE.sub(" ", clean_text(text))
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    headline = " ".join(lines[first].split())
    body = "\n".join(lines[first + 1:]).strip("\n")
    paragraphs: list[Span] = []
    foreign: list[Span] = []
    pos = 0
    for chunk in _PARAGRAPH_BREAK.split(body):
        start = body.index(chunk, pos)
        pos = start + len(chunk)
        stripped = chunk.strip()
        if not stripped:
            continue
        start += chunk.index(stripped)
        span = Span(start, start + len(stripped), stripped)
        if " ".join(stripped.split()) == headline:
            continue  # the headline repeated as the first line of the body
        if is_foreign_script(stripped):
            foreign.append(span)
        else:
            paragraphs.append(span)
    return Article(
        doc_id=doc_id,
        path=path,
        headline=headline,
        body=body,
        paragraphs=tuple(paragraphs),
        foreign_lines=tuple(foreign),
        content_hash=content_hash,
    )


def is_foreign_script(text: str) -> bool:
    """True when most letters of `text` are not Latin (a Russian or Chinese version line)."""
    if text.isascii():  # most paragraphs: every letter Latin, found in one C pass
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return latin < len(letters) / 2
