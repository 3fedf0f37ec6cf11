"""Write a file so that a crash never leaves half of it at the target path.

The file is written beside the target under a temporary name and renamed over
it. It is created as any program creates a file, with the user's umask
(`mkstemp`'s private 0600 would hide a report from a reader it is meant for);
replacing an existing file keeps that file's permissions. A symbolic link at
the target is refused: the rename would replace the link itself with a file,
and following it would write wherever the link points, which in a shared
folder may be a file someone else chose. The user names the real file instead.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LinkedTarget(OSError):
    """The target path is a symbolic link; nothing was written."""


def link_problem(path: str | os.PathLike[str]) -> str | None:
    """Why `path` is not written to (it is a symbolic link), or None."""
    if not os.path.islink(path):
        return None
    try:
        where = os.readlink(path)
    except OSError:
        where = "somewhere else"
    return f"it is a symbolic link (to {where}); give the path of the file itself"


def refuse_link(path: str | os.PathLike[str]) -> None:
    problem = link_problem(path)
    if problem is not None:
        raise LinkedTarget(errno.ELOOP, problem, os.fspath(path))


def create_beside(target: Path) -> Path:
    """A new, empty file in `target`'s folder, with the mode the umask gives."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def keep_mode(tmp: Path, target: Path) -> None:
    """Give `tmp` the permissions of the regular file it is about to replace, if any."""
    try:
        st = os.stat(target, follow_symlinks=False)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode):
        try:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        except OSError:
            pass


@contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`.

    The temporary file is in the target folder so that `os.replace` is a rename
    on one file system. On any error it is removed and the target is untouched.
    """
    target = Path(path)
    refuse_link(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = create_beside(target)
    keep_mode(tmp, target)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # the bytes are on disk before the rename
            os.fsync(fh.fileno())
        refuse_link(target)  # not made a link while we wrote
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
