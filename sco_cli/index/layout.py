"""Where an index lives on disk, who may write it, and which folders sco owns.

Layout of an index directory (`$SCO_INDEX_DIR`, `--index-dir`, or the XDG data directory)::

    CURRENT          the name of the live generation, replaced atomically (os.replace)
    gen-<ns>/        one complete generation (see `sco_cli.index` for its files)
    .build-<rand>/   a generation being written; never read; removed by the next writer
    writer.lock      held (fcntl) by the one process that may build or add

Every generation and staging folder holds `OWNER_FILE`, written by sco when it creates the folder.
Cleanup removes only folders that hold it (a user's own `gen-backup/` is never touched), and
never a generation a reader holds: readers keep a shared lock on that file while they use it.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sco_cli.errors import IndexCorrupt, IndexLocked
from sco_cli.paths import POINTER_FILE, generation_name

LOCK_FILE = "writer.lock"
OWNER_FILE = ".sco-generation"
_OWNER_TEXT = "written by sco; this folder is removed by sco when it is no longer needed\n"
GENERATION_PREFIX = "gen-"
STAGING_PREFIX = ".build-"


def current_generation(base: Path) -> Path | None:
    """The live generation folder (None when there is none)."""
    try:
        name = generation_name(base)
    except UnicodeDecodeError:
        raise IndexCorrupt(f"the index at {base} is damaged (bad {POINTER_FILE})",
                           hint="run sco index build PATH") from None
    except OSError as exc:
        raise IndexCorrupt(f"cannot read the index at {base}: {exc.strerror}", hint="run sco index build PATH") from exc
    if name is None:
        return None
    if not name.startswith(GENERATION_PREFIX) or "/" in name or "\x00" in name:
        raise IndexCorrupt(f"the index at {base} is damaged (bad {POINTER_FILE})", hint="run sco index build PATH")
    return base / name


def fsync_dir(path: Path) -> None:
    """Make the names in `path` durable (after files were written or renamed in it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def writer_lock(base: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the one writer lock of `base`, waiting up to `wait` seconds for another writer.
    The kernel releases it when the holder dies, however it dies."""
    base.mkdir(parents=True, exist_ok=True)
    fd = os.open(base / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexLocked(f"another sco is writing the index in {base}",
                                      hint="wait for it, or pass --wait SECONDS") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


def make_staging(base: Path) -> Path:
    """A new, owned staging folder under `base`."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=base))
    mark_owned(staging)
    return staging


def mark_owned(folder: Path) -> None:
    (folder / OWNER_FILE).write_text(_OWNER_TEXT, encoding="utf-8")


def is_owned(folder: Path) -> bool:
    try:
        return (folder / OWNER_FILE).read_text(encoding="utf-8") == _OWNER_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def publish(base: Path, staging: Path) -> Path:
    """Turn a finished staging folder into the live generation (one atomic rename of CURRENT)."""
    gen = base / f"{GENERATION_PREFIX}{time.time_ns()}"
    os.rename(staging, gen)
    tmp = base / f".{POINTER_FILE}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(gen.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, base / POINTER_FILE)
    fsync_dir(base)
    return gen


def hold_generation(gen: Path) -> int | None:
    """Take a shared lock on a generation for as long as this process reads it (the returned
    descriptor stays open); None when the generation is gone."""
    try:
        fd = os.open(gen / OWNER_FILE, os.O_RDONLY)
    except OSError:
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)
    return fd


def _remove_unless_held(folder: Path) -> None:
    """Remove `folder` unless a reader holds it; the exclusive lock is kept while removing, so a
    reader arriving meanwhile finds no marker and looks at CURRENT again."""
    try:
        fd = os.open(folder / OWNER_FILE, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return
    try:
        os.unlink(folder / OWNER_FILE)
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        os.close(fd)


def prune(base: Path, live: str) -> None:
    """Remove sco's own dead staging folders and generations older than the previous one that no
    reader holds. Called with the writer lock held."""
    gens = sorted((p for p in base.glob(GENERATION_PREFIX + "*") if p.is_dir() and is_owned(p)),
                  key=lambda p: p.name)
    for old in gens[:-2]:
        if old.name != live:
            _remove_unless_held(old)
    for stale in base.glob(STAGING_PREFIX + "*"):
        if stale.is_dir() and is_owned(stale):
            shutil.rmtree(stale, ignore_errors=True)
