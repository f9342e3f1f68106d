"""Domain errors. The library raises them; the CLI maps each to a message, a hint and an exit code."""
from __future__ import annotations


class ScoError(Exception):
    """Base class: `str(error)` is the one-line message, `hint` what to do about it."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class UsageError(ScoError):
    """A bad option value, a bad date, a query the parser rejects."""

    exit_code = 2


class IndexError_(ScoError):
    """The index is missing, corrupt, locked or from another version."""

    exit_code = 3


class IndexMissing(IndexError_):
    pass


class IndexCorrupt(IndexError_):
    pass


class IndexLocked(IndexError_):
    pass


class IndexVersionMismatch(IndexError_):
    pass
