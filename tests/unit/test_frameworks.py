"""Frameworks and guidelines from the user's files: every wrong field named,
every size and kind checked before reading, never a traceback or a hang."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop_app.review.frameworks import (
    MAX_CHECKPOINTS,
    MAX_FRAMEWORK_BYTES,
    FrameworkError,
    load_framework_file,
    load_guidelines,
)

GOOD_CHECKPOINT = '[[checkpoints]]\nid = "c1"\ntitle = "Clear"\nlook_for = "Vague words"\n'


def framework(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "said"), [
    ('name = "Mine"\nversion = "two"\n' + GOOD_CHECKPOINT, "version must be a whole number"),
    ('name = "Mine"\nversion = true\n' + GOOD_CHECKPOINT, "version must be a whole number"),
    ('name = "Mine"\ndescription = 5\n' + GOOD_CHECKPOINT, "description must be text"),
    ('name = 5\n' + GOOD_CHECKPOINT, "has no name"),
    ('name = "Mine"\n' + GOOD_CHECKPOINT + "keywords = 5\n", "keywords must be a list"),
    ('name = "Mine"\n' + GOOD_CHECKPOINT + "keywords = [1, 2]\n", "keywords must be a list"),
    ('name = "Mine"\ncheckpoints = [1, 2]\n', "checkpoint 1 must be a [[checkpoints]] table"),
    ('name = "Mine"\n[[checkpoints]]\nid = 3\ntitle = "t"\nlook_for = "l"\n',
     "checkpoint 1: id must be text, not the number 3"),
    ('name = "Mine"\n[[checkpoints]]\nid = "a"\ntitle = "t"\n', "look_for is missing"),
    ('name = "Mine"\n' + GOOD_CHECKPOINT + "x = " + "[" * 5000 + "]" * 5000 + "\n",
     "nested too deeply"),
])
def test_a_wrong_field_is_named(tmp_path, text, said):
    with pytest.raises(FrameworkError) as err:
        load_framework_file(framework(tmp_path, text))
    assert said in str(err.value) and "mine.toml" in str(err.value)


def test_too_many_checkpoints_are_refused_quickly(tmp_path):
    cps = "".join(f'[[checkpoints]]\nid = "c{i}"\ntitle = "t"\nlook_for = "l"\n'
                  for i in range(MAX_CHECKPOINTS + 1))
    with pytest.raises(FrameworkError, match=f"{MAX_CHECKPOINTS + 1:,} checkpoints"):
        load_framework_file(framework(tmp_path, 'name = "Mine"\n' + cps))


def test_a_huge_framework_is_refused_by_its_size_unread(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as fh:
        fh.truncate(27_000_000)  # sparse: nothing written, nothing to read
    with pytest.raises(FrameworkError, match="27.0 MB; the limit is"):
        load_framework_file(path)
    assert MAX_FRAMEWORK_BYTES < 27_000_000


def test_guidelines_from_a_device_are_refused_unread():
    started = time.monotonic()
    with pytest.raises(FrameworkError, match="not a regular file"):
        load_guidelines(Path("/dev/zero"))
    assert time.monotonic() - started < 5


def test_guidelines_from_a_named_pipe_are_refused_without_waiting(tmp_path):
    pipe = tmp_path / "guidelines.txt"
    os.mkfifo(pipe)
    with pytest.raises(FrameworkError, match="not a regular file"):
        load_guidelines(pipe)
    docx_pipe = tmp_path / "guidelines.docx"
    os.mkfifo(docx_pipe)
    with pytest.raises(FrameworkError, match="not a regular file"):
        load_guidelines(docx_pipe)


def test_huge_guidelines_are_refused_before_reading(tmp_path):
    path = tmp_path / "big.md"
    with open(path, "wb") as fh:
        fh.truncate(404_000_000)
    with pytest.raises(FrameworkError, match="404.0 MB; the limit is"):
        load_guidelines(path)


def test_guidelines_within_the_limit_still_load(tmp_path):
    path = tmp_path / "g.md"
    path.write_text("\ufeffUse plain words. Ünïcode is fine.\n", encoding="utf-8")
    assert load_guidelines(path) == "Use plain words. Ünïcode is fine."
