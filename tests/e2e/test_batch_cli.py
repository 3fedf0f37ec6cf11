"""`margin review --batch`: a folder through a Bedrock batch job, end to end.

The subprocess talks to moto's S3 server and to the fake control plane behind
the fake Bedrock (tests/fake_batch.py), through the standard AWS endpoint
variables, as a user's VPC-endpoint setup would; on-demand calls (re-asks,
records retried, too few records) go to the same fake's runtime.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest_batch import ROLE
from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.e2e.cli import margin
from tests.e2e.test_folder_cli import make_folder
from tests.fake_bedrock import Reply

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def batch_env(aws_env, fake_bedrock, fake_batch, moto_s3_url):  # type: ignore[no-untyped-def]
    return dict(aws_env, AWS_ENDPOINT_URL_BEDROCK=fake_bedrock.url,
                AWS_ENDPOINT_URL_S3=moto_s3_url, MARGIN_BATCH_POLL_SECONDS="0.02")


def batch_args(folder: Path, bucket: str, reports: Path, *more: str) -> list[str]:
    return ["review", str(folder), "--batch", f"s3://{bucket}/reviews", "--role-arn", ROLE,
            "--batch-min-records", "3", "--report-dir", str(reports), *more]


def stored_jobs(data_dir: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(data_dir / "margin.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM batch_jobs ORDER BY id").fetchall()


def reports_of(index: dict) -> dict[str, dict]:
    return {d["name"]: json.loads(Path(d["reports"][0]).read_text())
            for d in index["documents"]}


def test_a_whole_folder_through_one_batch_job(batch_env, tmp_path, fake_bedrock, fake_batch,
                                              batch_bucket, isolated_data_dir):
    folder = make_folder(tmp_path / "in", documents=3, sections=2)
    reports = tmp_path / "reports"
    proc = margin(batch_args(folder, batch_bucket, reports, "--out-dir", str(tmp_path / "out"),
                             "--accept-all"), batch_env)
    assert proc.returncode == 0, proc.stderr
    assert fake_batch.count("create") == 1 and not fake_bedrock.requests  # nothing on demand
    assert "estimate for 6 requests on " in proc.stderr
    assert "batch is cheaper" in proc.stderr or "on demand is cheaper" in proc.stderr
    assert ": InProgress" in proc.stderr and "collected" in proc.stderr  # the job's states
    index = json.loads((reports / "index.json").read_text())
    assert index["mode"] == "batch" and index["exit_code"] == 0
    assert [j["state"] for j in index["batch_jobs"]] == ["Completed"]
    for name, report in reports_of(index).items():
        assert all(s["status"] == "done" and s["findings"] for s in report["sections"]), name
        assert all(f["anchored"] for s in report["sections"] for f in s["findings"])
        assert report["usage"]["requests"] == 0  # on demand: nothing
        batch = report["usage"]["batch"]
        assert batch["records"] == 2 and batch["input_tokens"] > 0
        assert batch["estimated_cost_usd"] == report["usage"]["estimated_cost_usd"] > 0
    assert index["totals"]["batch_cost_usd"] == pytest.approx(
        index["totals"]["estimated_cost_usd"])
    jobs = stored_jobs(isolated_data_dir)
    assert len(jobs) == 1 and jobs[0]["open"] == 0 and jobs[0]["state"] == "Completed"
    assert jobs[0]["job_arn"] in fake_batch.jobs
    # The answers are in the store like on-demand ones: a rerun asks nothing at all.
    again = margin(batch_args(folder, batch_bucket, reports), batch_env)
    assert again.returncode == 0, again.stderr
    assert fake_batch.count("create") == 1 and not fake_bedrock.requests
    with sqlite3.connect(isolated_data_dir / "margin.sqlite3") as conn:
        billed = conn.execute("SELECT SUM(requests), SUM(input_tokens) FROM usage_events"
                              " WHERE batch = 1").fetchone()
        on_demand = conn.execute("SELECT COUNT(*) FROM usage_events WHERE batch = 0"
                                 ).fetchone()[0]
    assert billed[0] == 6 and billed[1] > 0 and on_demand == 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_polling_the_same_command_resumes_the_stored_job(
        batch_env, tmp_path, fake_bedrock, fake_batch, batch_bucket, isolated_data_dir):
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    fake_batch.hold = True
    env = dict(batch_env, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                                 batch_env.get("PYTHONPATH")])))
    first = subprocess.Popen([sys.executable, "-m", "desktop_app",
                              *batch_args(folder, batch_bucket, reports)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert fake_batch.wait_for("get", 4, timeout=60), "the first run never polled"
        jobs = stored_jobs(isolated_data_dir)
        assert len(jobs) == 1 and jobs[0]["open"] == 1 and jobs[0]["job_arn"]
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=30)
    fake_batch.release()
    second = margin(batch_args(folder, batch_bucket, reports), batch_env)
    assert second.returncode == 0, second.stderr
    assert "resuming batch job" in second.stderr
    assert fake_batch.count("create") == 1 and len(fake_batch.jobs) == 1  # no second job
    index = json.loads((reports / "index.json").read_text())
    assert all(d["status"] == "done" for d in index["documents"])
    assert sum(r["usage"]["batch"]["records"] for r in reports_of(index).values()) == 4
    assert not fake_bedrock.requests
    jobs = stored_jobs(isolated_data_dir)
    assert len(jobs) == 1 and jobs[0]["open"] == 0


def test_error_records_and_a_damaged_line_are_asked_on_demand(batch_env, tmp_path, fake_bedrock,
                                                              fake_batch, batch_bucket):
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    # Records in submission order: report 1 (R1, R2), then sub/report 2 (R3, R4).
    fake_batch.script["R0000000001"] = Reply.error("InternalServerException",
                                                   "the model could not answer", status=500)
    fake_batch.malformed.add("R0000000004")
    proc = margin(batch_args(folder, batch_bucket, reports), batch_env)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((reports / "index.json").read_text())
    reports_by_name = reports_of(index)
    first, second = reports_by_name["report 1.docx"], reports_by_name["sub/report 2.docx"]
    assert all(s["status"] == "done" for r in (first, second) for s in r["sections"])
    assert len(fake_bedrock.requests_for(PRIMARY)) == 2  # the two records, on demand
    assert first["usage"]["requests"] == 1 and first["usage"]["batch"]["records"] == 1
    assert second["usage"]["requests"] == 1
    # The damaged line's record was billed by the job but its answer was unreadable.
    assert second["usage"]["batch"]["records"] in (1, 2)


def test_an_error_record_whose_retry_fails_is_reported_with_its_error(
        batch_env, tmp_path, fake_bedrock, fake_batch, batch_bucket):
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    fake_batch.script["R0000000002"] = Reply.error("ValidationException", "bad record",
                                                   status=400)
    fake_bedrock.model(PRIMARY).queue(Reply.error("ValidationException", "Input is too long"))
    fake_bedrock.model(FALLBACK).queue(Reply.error("ValidationException", "Input is too long"))
    proc = margin(batch_args(folder, batch_bucket, reports), batch_env)
    assert proc.returncode == 5, proc.stderr
    index = json.loads((reports / "index.json").read_text())
    failed = [d for d in index["documents"] if d["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["name"] == "report 1.docx"
    assert failed[0]["failures"][0]["title"] == "Part 2"
    assert "too long" in failed[0]["failures"][0]["error"]
    assert "Part 2: " in proc.stderr


def test_below_the_minimum_the_folder_is_reviewed_on_demand_and_says_so(
        batch_env, tmp_path, fake_bedrock, fake_batch, batch_bucket):
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    args = batch_args(folder, batch_bucket, reports)
    args[args.index("--batch-min-records") + 1] = "100"
    proc = margin(args, batch_env)
    assert proc.returncode == 0, proc.stderr
    assert ("4 requests is below Bedrock's minimum of 100 records per batch job for "
            f"{PRIMARY} (a service quota): reviewing on demand instead") in proc.stderr
    assert fake_batch.count("create") == 0
    assert len(fake_bedrock.requests_for(PRIMARY)) == 4
    index = json.loads((reports / "index.json").read_text())
    assert all(d["status"] == "done" and d["usage"]["batch"]["records"] == 0
               for d in index["documents"])


def test_a_job_that_fails_as_a_whole_fails_its_sections_with_the_reason(
        batch_env, tmp_path, fake_bedrock, fake_batch, batch_bucket, isolated_data_dir):
    fake_batch.roles_without_s3.add(ROLE)
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    proc = margin(batch_args(folder, batch_bucket, reports), batch_env)
    assert proc.returncode == 4, proc.stderr  # the role cannot read the bucket: nothing can run
    assert proc.stderr.count("Access Denied") == 1 and "Traceback" not in proc.stderr
    assert "docs/batch.md" in proc.stderr
    assert not fake_bedrock.requests  # nothing spent on demand without being asked
    jobs = stored_jobs(isolated_data_dir)
    assert len(jobs) == 1 and jobs[0]["open"] == 0 and jobs[0]["state"] == "Failed"


def test_batch_needs_bedrock(env, tmp_path):
    folder = make_folder(tmp_path / "in", documents=1, sections=1)
    proc = margin(["review", str(folder), "--batch", "s3://bucket/p", "--role-arn", ROLE],
                  env)
    assert proc.returncode == 4 and "no AWS credentials" in proc.stderr
    assert "--provider local" not in proc.stderr
    proc = margin(["review", str(folder), "--batch", "s3://Bad_Bucket/p", "--role-arn", ROLE],
                  env)
    assert proc.returncode == 2 and "not a valid S3 bucket name" in proc.stderr


def test_batch_records_carry_the_shared_context_as_on_demand_requests_do(
        batch_env, tmp_path, fake_bedrock, fake_batch, batch_bucket, isolated_data_dir):
    """The same requests as on demand (issue 13): the document's context in each record,
    and the passes over the whole document run after the job, as after on-demand calls."""
    from desktop_app.ai.prompts import CONTEXT_BEGIN
    from tests.fake_batch import _system_text, _user_text

    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    reports = tmp_path / "reports"
    proc = margin(batch_args(folder, batch_bucket, reports, "--context", "whole"), batch_env)
    assert proc.returncode == 0, proc.stderr
    assert len(fake_batch.records) == 4
    for record in fake_batch.records:
        body = record["modelInput"]
        assert CONTEXT_BEGIN in _system_text(body) + _user_text(body)
    with sqlite3.connect(isolated_data_dir / "margin.sqlite3") as conn:
        passes = conn.execute("SELECT DISTINCT review_id, status FROM document_passes"
                              " WHERE origin = 'rules'").fetchall()
    assert len(passes) == 2 and {status for _, status in passes} == {"done"}
