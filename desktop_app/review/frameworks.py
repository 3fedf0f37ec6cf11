"""Review frameworks: named checklists loaded from TOML, plus guidelines text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.paths import resources_dir

MAX_GUIDELINES_CHARS = 60_000  # keeps the system prompt within reason


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FrameworkError(f"cannot read framework {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FrameworkError(f"framework {path.name} is not valid TOML: {exc}") from None
    name = data.get("name")
    raw = data.get("checkpoints")
    if not isinstance(name, str) or not name.strip():
        raise FrameworkError(f"framework {path.name} has no name")
    if not isinstance(raw, list) or not raw:
        raise FrameworkError(f"framework {path.name} has no [[checkpoints]]")
    checkpoints, seen = [], set()
    for i, cp in enumerate(raw):
        if not isinstance(cp, dict) or not all(isinstance(cp.get(k), str) and cp[k].strip()
                                               for k in ("id", "title", "look_for")):
            raise FrameworkError(
                f"framework {path.name}: checkpoint {i + 1} needs id, title and look_for"
            )
        if cp["id"] in seen:
            raise FrameworkError(f"framework {path.name}: checkpoint id {cp['id']} repeats")
        seen.add(cp["id"])
        keywords = tuple(str(k).lower() for k in cp.get("keywords", []) if str(k).strip())
        checkpoints.append(Checkpoint(cp["id"], cp["title"].strip(), cp["look_for"].strip(),
                                      keywords))
    return Framework(name.strip(), tuple(checkpoints), str(data.get("description", "")).strip(),
                     int(data.get("version", 1)), str(path))


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
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise FrameworkError(f"cannot read guidelines {path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise FrameworkError(f"guidelines {path.name} is not UTF-8 text") from None
    else:
        raise FrameworkError(f"guidelines must be .docx, .md or .txt, not {suffix}")
    text = text.strip()
    if len(text) > MAX_GUIDELINES_CHARS:
        raise FrameworkError(
            f"guidelines {path.name} is {len(text):,} characters; the limit is "
            f"{MAX_GUIDELINES_CHARS:,} (attach the relevant part only)"
        )
    return text
