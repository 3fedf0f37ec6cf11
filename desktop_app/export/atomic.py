"""Write a file so that a crash never leaves half of it at the target path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`.

    The temporary file is in the target folder so that `os.replace` is a rename
    on one file system. On any error it is removed and the target is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes the file private (0600); a report or reviewed copy is a
    # normal document, so take the old file's mode, or the usual 0644.
    try:
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o644)
    except OSError:
        pass
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # the bytes are on disk before the rename
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_target(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomically(path: str | os.PathLike[str], text: str, encoding: str = "utf-8"
                          ) -> None:
    write_bytes_atomically(path, text.encode(encoding))
