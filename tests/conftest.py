"""Shared fixtures: an isolated data folder, and the shared corpus.

Tests that need `../shared/corpus` skip with a reason in a user's clone; CI
sets MARGIN_REQUIRE_CORPUS=1 so that a missing corpus fails instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.conftest_bedrock", "tests.conftest_batch"]

# Tests are headless everywhere: set before pytest-qt creates the QApplication.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path_factory.mktemp("margin-data")
    monkeypatch.setenv("MARGIN_DATA_DIR", str(data))
    # Never reach real AWS from a test, whatever the machine has configured.
    for var in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(data / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(data / "aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return data


def corpus_path(relative: str = "") -> Path:
    """A corpus path, or skip (fail under CI) when the corpus is not there."""
    if not CORPUS.is_dir():
        if os.environ.get("MARGIN_REQUIRE_CORPUS") == "1":
            pytest.fail(f"the shared corpus is required in CI but missing at {CORPUS}")
        pytest.skip(f"needs the shared corpus at {CORPUS} (present in CI, not in a user's clone)")
    path = CORPUS / relative
    if relative and not path.exists():
        pytest.fail(f"corpus file missing: {relative}")
    return path


@pytest.fixture
def corpus() -> Path:
    return corpus_path()


@pytest.fixture
def acronyms_without_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Report never-defined acronyms whatever the document's own practice: for tests of
    what counts as an acronym or a definition, on texts too short to define any."""
    from desktop_app.ai.rules import acronyms

    monkeypatch.setattr(acronyms, "OWN_PRACTICE", 0)


@pytest.fixture
def report_like(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every document as one that reports results to general readers (unless it
    is technical or for developers), so that the vague-wording and passive-voice rules
    run: for tests of their patterns on texts too short to state figures. The genre
    gate itself is tested in tests/unit/test_rules_precision.py."""
    from desktop_app.ai.rules.document import DocumentIndex

    monkeypatch.setattr(DocumentIndex, "report_like", property(
        lambda self: not self.technical and not self.acronyms.developers))
