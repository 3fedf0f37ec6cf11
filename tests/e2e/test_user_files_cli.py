"""`margin review` with hostile framework and guidelines files: exit 2, one
clear line, at once (never a traceback, an out-of-memory or a hang)."""

from __future__ import annotations

import os

from desktop_app.paths import sample_document
from tests.e2e.cli import margin


def test_guidelines_that_are_a_device_or_a_pipe_are_refused(env, tmp_path):
    pipe = tmp_path / "rules.txt"
    os.mkfifo(pipe)
    for guidelines in ("/dev/zero", str(pipe)):
        proc = margin(["review", str(sample_document()), "--provider", "local",
                       "--guidelines", guidelines], env, timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


def test_a_framework_with_a_wrong_field_is_refused_naming_it(env, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "Bad"\nversion = "two"\n[[checkpoints]]\nid = "a"\ntitle = "t"\n'
                   'look_for = "l"\n')
    proc = margin(["review", str(sample_document()), "--provider", "local",
                   "--framework", str(bad)], env, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "bad.toml: version must be a whole number" in proc.stderr
    assert "Traceback" not in proc.stderr
