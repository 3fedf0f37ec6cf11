"""Review frameworks: named checklists loaded from TOML, plus guidelines text."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.paths import resources_dir

MAX_GUIDELINES_CHARS = 60_000  # keeps the system prompt within reason
# A framework is a checklist in the system prompt: the built-in ones are ~10 KB
# with 13 checkpoints. A 27 MB file of 200,000 checkpoints ran for minutes.
MAX_FRAMEWORK_BYTES = 512 * 1024
MAX_CHECKPOINTS = 200


class FrameworkError(ValueError):
    """A framework or guidelines file that cannot be used (message says why)."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    id: str
    title: str
    look_for: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Framework:
    name: str
    checkpoints: tuple[Checkpoint, ...]
    description: str = ""
    version: int = 1
    path: str | None = None
    guidelines: str = field(default="", compare=False)

    def with_guidelines(self, text: str) -> Framework:
        return Framework(self.name, self.checkpoints, self.description, self.version,
                         self.path, text)

    def checkpoint(self, cid: str) -> Checkpoint | None:
        return next((c for c in self.checkpoints if c.id == cid), None)


def builtin_dir() -> Path:
    return resources_dir() / "frameworks"


def load_framework_file(path: Path) -> Framework:
    """A framework TOML file, checked field by field: a wrong one is named, never a traceback."""
    raw_text = read_text_file(path, MAX_FRAMEWORK_BYTES, "framework")
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError(f"framework {path.name} is not valid TOML: {exc}") from None
    except RecursionError:
        raise FrameworkError(f"framework {path.name} is not valid TOML: its arrays or tables "
                             "are nested too deeply") from None
    where = f"framework {path.name}"
    name = data.get("name")
    raw = data.get("checkpoints")
    if not isinstance(name, str) or not name.strip():
        raise FrameworkError(f"{where} has no name (name = \"...\")")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise FrameworkError(f"{where}: description must be text in quotes")
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FrameworkError(f"{where}: version must be a whole number from 1 up, "
                             f"not {_kind(version)}")
    if not isinstance(raw, list) or not raw:
        raise FrameworkError(f"{where} has no [[checkpoints]]")
    if len(raw) > MAX_CHECKPOINTS:
        raise FrameworkError(f"{where} has {len(raw):,} checkpoints; the limit is "
                             f"{MAX_CHECKPOINTS} (a review prompt cannot hold more)")
    checkpoints, seen = [], set()
    for i, cp in enumerate(raw):
        here = f"{where}: checkpoint {i + 1}"
        if not isinstance(cp, dict):
            raise FrameworkError(f"{here} must be a [[checkpoints]] table, not {_kind(cp)}")
        for key in ("id", "title", "look_for"):
            if not isinstance(cp.get(key), str) or not cp[key].strip():
                problem = "is missing" if key not in cp else f"must be text, not {_kind(cp[key])}"
                raise FrameworkError(f"{here}: {key} {problem} (it needs id, title and "
                                     "look_for)")
        if cp["id"] in seen:
            raise FrameworkError(f"{where}: checkpoint id {cp['id']} repeats")
        seen.add(cp["id"])
        words = cp.get("keywords", [])
        if not isinstance(words, list) or not all(isinstance(k, str) for k in words):
            raise FrameworkError(f"{here} ({cp['id']}): keywords must be a list of words in "
                                 f"quotes, not {_kind(words)}")
        keywords = tuple(k.strip().lower() for k in words if k.strip())
        checkpoints.append(Checkpoint(cp["id"], cp["title"].strip(), cp["look_for"].strip(),
                                      keywords))
    return Framework(name.strip(), tuple(checkpoints), description.strip(), version, str(path))


def _kind(value: object) -> str:
    """A TOML value's kind in the words of the file, for messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def read_text_file(path: Path, max_bytes: int, what: str) -> str:
    """A regular file's UTF-8 text, its kind and size checked before any read: a
    device (/dev/zero) or a named pipe is never read, and so never blocks or fills
    memory; a file over `max_bytes` is refused by its size, unread."""
    try:
        # O_NONBLOCK: opening a named pipe for reading must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FrameworkError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FrameworkError(f"{what} {path} is not a regular file (a folder, device or "
                                 "pipe cannot be read as one)")
        if info.st_size > max_bytes:
            raise FrameworkError(f"{what} {path.name} is {_size(info.st_size)}; the limit is "
                                 f"{_size(max_bytes)}")
        data = fh.read(max_bytes + 1)  # a file that grew since fstat is still bounded
    if len(data) > max_bytes:
        raise FrameworkError(f"{what} {path.name} is over the limit of {_size(max_bytes)}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FrameworkError(f"{what} {path.name} is not UTF-8 text") from None


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{n / 1000:.0f} KB" if n >= 1000 else f"{n} bytes"


def available_frameworks(user_dir: Path | None = None) -> list[Framework]:
    """Built-in frameworks, then the user's (a broken user file is skipped)."""
    found = [load_framework_file(p) for p in sorted(builtin_dir().glob("*.toml"))]
    if user_dir and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                found.append(load_framework_file(path))
            except FrameworkError:
                continue
    return found


def find_framework(name_or_path: str | None, user_dir: Path | None = None) -> Framework:
    """By name (case-insensitive), file stem, or a path to a TOML file."""
    if not name_or_path:
        name_or_path = "General writing quality"
    path = Path(name_or_path)
    if path.suffix.lower() == ".toml" and path.exists():
        return load_framework_file(path)
    wanted = name_or_path.strip().lower()
    frameworks = available_frameworks(user_dir)
    for fw in frameworks:
        if fw.name.lower() == wanted or (fw.path and Path(fw.path).stem.lower() == wanted):
            return fw
    names = ", ".join(f'"{fw.name}"' for fw in frameworks)
    raise FrameworkError(f"no framework named {name_or_path!r}; available: {names}")


def load_guidelines(path: Path) -> str:
    """Text of a guidelines document (.docx, .md or .txt) for the system prompt."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from desktop_app.document import DocumentError, load

        check_regular_file(path, "guidelines")
        try:
            doc = load(str(path))
        except DocumentError as err:
            raise FrameworkError(f"cannot read guidelines {path.name}: {err.reason}") from None
        parts = []
        for s in doc.walk():
            parts.append(s.title)
            if s.text:
                parts.append(s.text)
        text = "\n".join(parts)
    elif suffix in (".md", ".txt", ".markdown", ""):
        # Up to 4 UTF-8 bytes a character, and a BOM: a longer file cannot fit.
        text = read_text_file(path, 4 * MAX_GUIDELINES_CHARS + 3, "guidelines")
    else:
        raise FrameworkError(f"guidelines must be .docx, .md or .txt, not {suffix}")
    text = text.strip()
    if len(text) > MAX_GUIDELINES_CHARS:
        raise FrameworkError(
            f"guidelines {path.name} is {len(text):,} characters; the limit is "
            f"{MAX_GUIDELINES_CHARS:,} (attach the relevant part only)"
        )
    return text


def check_regular_file(path: Path, what: str) -> None:
    """Refuse what is not a regular file before anything opens it to read."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise FrameworkError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise FrameworkError(f"{what} {path} is not a regular file (a folder, device or pipe "
                             "cannot be read as one)")
