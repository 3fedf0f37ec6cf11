"""The shape of the front ends, held by reading their source (no Qt needed).

- `ui/` is parts that own themselves: only the window's module knows `MainWindow`,
  and no part reaches for the store: the session is the one way in.
- No mixins: a class assembled from pieces that re-declare their host's attributes
  is a part that has not found its owner.
- One job base: every QRunnable in `workers/` is a `JobBase`.
- One status vocabulary: no module spells a section's state as its own strings.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "desktop_app"
UI = APP / "ui"
WINDOW = UI / "window" / "main_window.py"


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imported(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names) for every import, relative ones resolved against desktop_app."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_only_the_window_module_knows_the_main_window() -> None:
    offenders = []
    for path in _modules(UI):
        if path == WINDOW:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, names in _imported(tree):
            if module.endswith("main_window") or "MainWindow" in names:
                offenders.append(_rel(path))
        if any(isinstance(n, ast.Name) and n.id == "MainWindow" for n in ast.walk(tree)):
            offenders.append(_rel(path))
    assert sorted(set(offenders)) == []


def test_the_ui_reaches_the_store_only_through_the_session() -> None:
    offenders = []
    for path in _modules(UI):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, names in _imported(tree):
            if module == "desktop_app.store" or module.startswith("desktop_app.store."):
                offenders.append(f"{_rel(path)}: {module}")
            if module == "desktop_app" and "store" in names:
                offenders.append(f"{_rel(path)}: desktop_app.store")
    assert offenders == []


def test_no_mixins_in_the_front_ends() -> None:
    offenders = []
    for folder in (UI, APP / "workers"):
        for path in _modules(folder):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and (
                        node.name.endswith("Mixin")
                        or any(isinstance(b, ast.Name) and b.id.endswith("Mixin")
                               for b in node.bases)):
                    offenders.append(f"{_rel(path)}: {node.name}")
    assert offenders == []


def test_every_job_is_a_job_base() -> None:
    runnables = {}
    for path in _modules(APP / "workers"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
                runnables[node.name] = (bases, _rel(path))
    direct = [name for name, (bases, _) in runnables.items() if "QRunnable" in bases]
    assert direct == ["JobBase"]

    def is_job(name: str) -> bool:
        bases = runnables.get(name, (set(), ""))[0]
        return name == "JobBase" or any(is_job(b) for b in bases)

    jobs = sorted(name for name in runnables if name.endswith("Job"))
    assert jobs == ["AnalysisJob", "ChatJob", "DocumentCheckJob", "Job"]
    assert all(is_job(j) for j in jobs)


def test_a_sections_state_is_never_spelled_as_a_string_outside_its_enum() -> None:
    """The old vocabularies: "not analysed" (the dispatcher's), "not-analysed" and "stale"
    compared as strings in Python code (SQL text aside, where the column holds them)."""
    words = {"not analysed", "not-analysed", "stale"}
    offenders = []
    for path in _modules(APP):
        if path.name == "status.py" and path.parent.name == "review":
            continue  # where they are defined
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                for value in [node.left, *node.comparators]:
                    if isinstance(value, ast.Constant) and value.value in words:
                        offenders.append(f"{_rel(path)}:{node.lineno}")
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and key.value in words:
                        offenders.append(f"{_rel(path)}:{node.lineno}")
    assert offenders == []
