"""A process killed while polling a batch job; a new one resumes from the stored handle.

The fake control plane holds the job InProgress until the first process is
dead (SIGKILL: no clean-up runs), then lets it complete; the second process
has only the handle file, and must neither create a second job nor lose a
section.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.ai.batch import JobHandle

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_polling_then_resumed_from_the_stored_handle(
        tmp_path, aws_env, fake_bedrock, fake_batch, batch_bucket, moto_s3_url):
    fake_batch.hold = True
    handle_file, result_file = tmp_path / "handle.json", tmp_path / "result.json"
    env = dict(aws_env, MARGIN_TEST_BEDROCK_URL=fake_bedrock.url, MARGIN_TEST_S3_URL=moto_s3_url,
               MARGIN_TEST_S3_URI=f"s3://{batch_bucket}/nightly",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                        os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "tests.batch_child"]
    first = subprocess.Popen([*command, "submit", str(handle_file), str(result_file)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        # Submitted, Validating, InProgress, and one more look while held there.
        assert fake_batch.wait_for("get", 4, timeout=60), first.stderr.read() \
            if first.poll() is not None else "the child never polled"
        stored = JobHandle.from_json(handle_file.read_text(encoding="utf-8"))
        assert stored.job_arn in fake_batch.jobs
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL
    assert not result_file.exists()

    fake_batch.release()
    second = subprocess.run([*command, "resume", str(handle_file), str(result_file)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["job_arn"] == stored.job_arn and result["state"] == "Completed"
    assert sorted((doc, sid) for doc, sid, _ok, _anchored in result["sections"]) == [
        (f"doc-{d}", f"s{s}") for d in (1, 2) for s in (1, 2, 3)]
    assert all(ok and anchored == [True] for _d, _s, ok, anchored in result["sections"])
    assert fake_batch.count("create") == 1 and len(fake_batch.jobs) == 1
