"""The PyInstaller bundle that `.ci/run` builds: whole, small, and healthy.

A user's clone has no bundle, so these skip there; CI builds `dist/margin`
first and sets MARGIN_REQUIRE_BUNDLE=1, so a missing bundle fails instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "margin"
EXE = BUNDLE / ("margin.exe" if sys.platform == "win32" else "margin")
LIMIT_MB = 180


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not EXE.is_file():
        if os.environ.get("MARGIN_REQUIRE_BUNDLE") == "1":
            pytest.fail(f"CI builds the bundle before the tests, but {EXE} is missing")
        pytest.skip("needs the bundle: run `pyinstaller --noconfirm build.spec` (CI does)")
    return BUNDLE


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())
    return total / 1e6


def test_the_bundle_is_under_its_size_limit(bundle: Path):
    assert size_mb(bundle) < LIMIT_MB


def test_the_bundle_leaves_out_what_margin_never_uses(bundle: Path):
    internal = bundle / "_internal"
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert not (internal / "cryptography").exists()
    services = {p.name for p in (internal / "botocore" / "data").iterdir() if p.is_dir()}
    assert services == {"bedrock-runtime", "bedrock", "sts", "s3"}
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert "libqvnc.so" not in platforms


def test_the_bundle_carries_its_resources(bundle: Path):
    resources = bundle / "_internal" / "resources"
    assert sorted(p.name for p in (resources / "frameworks").glob("*.toml")) == sorted(
        p.name for p in (ROOT / "resources" / "frameworks").glob("*.toml"))
    assert (resources / "icons" / "margin.png").is_file()
    assert list((resources / "samples").glob("*.docx"))


def test_the_bundles_self_test_passes_quietly(bundle: Path, env: dict[str, str]):
    result = run(["--self-test"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test passed")
    # qutebrowser's rule: a frozen build's stderr is checked against an allow-list (empty).
    assert result.stderr == ""


def test_the_bundle_reports_its_version_and_runs_commands(bundle: Path, env: dict[str, str],
                                                          tmp_path: Path):
    assert run(["--version"], env).stdout.strip() == f"Margin {__version__}"
    sample = next((bundle / "_internal" / "resources" / "samples").glob("*.docx"))
    report = tmp_path / "report.json"
    result = run(["review", str(sample), "--provider", "local", "--quiet",
                  "--report", str(report)], env)
    assert result.returncode == 0, result.stderr
    assert '"schema": "margin.review/1"' in report.read_text(encoding="utf-8")
