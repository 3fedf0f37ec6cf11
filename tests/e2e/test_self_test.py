"""`margin --self-test` from source: healthy passes, a broken build names its fault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app import paths, self_test
from tests.e2e.cli import margin

CHECKS = ("resources", "window", "review", "export", "aws")


def test_self_test_passes_and_leaves_the_users_data_alone(env, isolated_data_dir: Path):
    result = margin(["--self-test"], env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("ok")] == list(CHECKS)
    assert "comments" in next(line for line in lines if " export " in line)
    assert lines[-1].startswith("self-test passed in")
    # It ran in a temporary data folder: no store, settings or logs appear in the real one.
    assert [p.name for p in isolated_data_dir.iterdir()] == []
    # Qt's only offscreen chatter is filtered; anything else on stderr is a finding.
    assert result.stderr == ""


@pytest.fixture
def broken_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the resources that a test can break, as a bad bundle would be."""
    copy = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), copy)
    from desktop_app.review import frameworks

    for module in (paths, frameworks):
        monkeypatch.setattr(module, "resources_dir", lambda: copy)
    return copy


def test_a_missing_sample_fails_with_its_path(broken_resources: Path, capsys):
    sample = broken_resources / "samples" / paths.sample_document().name
    sample.unlink()
    assert self_test.run() == self_test.EXIT_FAILED
    out = capsys.readouterr().out
    assert out.startswith("FAIL resources: the sample document is missing")
    assert str(sample) in out


def test_missing_frameworks_fail(broken_resources: Path, capsys):
    for toml in (broken_resources / "frameworks").glob("*.toml"):
        toml.unlink()
    assert self_test.run() == self_test.EXIT_FAILED
    assert "FAIL resources: no review frameworks" in capsys.readouterr().out


def test_an_export_without_comments_fails(qapp, monkeypatch: pytest.MonkeyPatch, capsys):
    """The check opens the copy itself; an export that silently drops comments is caught."""
    from desktop_app.export import command

    real = command.export_reviewed_docx

    def drop_comments(source, doc, chosen, out, **kwargs):
        return real(source, doc, {sid: [] for sid in chosen}, out, **kwargs)

    monkeypatch.setattr(command, "export_reviewed_docx", drop_comments)
    assert self_test.run() == self_test.EXIT_FAILED
    out = capsys.readouterr().out
    assert "ok   review" in out
    assert "FAIL export:" in out


def test_missing_botocore_models_fail(qapp, monkeypatch: pytest.MonkeyPatch, capsys):
    """As a bundle that dropped one service model too many would be."""
    import boto3.session

    real = boto3.session.Session.get_available_services

    def without_sts(self):
        return [name for name in real(self) if name != "sts"]

    monkeypatch.setattr(boto3.session.Session, "get_available_services", without_sts)
    assert self_test.run() == self_test.EXIT_FAILED
    assert "FAIL aws: botocore cannot serve Margin's AWS calls: no service model for sts" in (
        capsys.readouterr().out)
