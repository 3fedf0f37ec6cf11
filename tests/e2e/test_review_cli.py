"""`margin review` end to end: a real subprocess, a real boto3 client, a fake Bedrock.

The fake server runs in the test process on 127.0.0.1; the subprocess finds it
through AWS_ENDPOINT_URL_BEDROCK_RUNTIME, as a user's proxy setup would.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from desktop_app.paths import sample_document
from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.docx_factory import p, write_docx
from tests.e2e.cli import margin
from tests.fake_bedrock import Reply

REQUIRED_FINDING_KEYS = {"id", "category", "severity", "confidence", "quote", "anchored", "issue",
                         "suggestion", "rewrite", "checkpoints", "source", "decision"}



@pytest.fixture
def small_doc(tmp_path: Path) -> Path:
    body = "".join(p(f"Part {i}", "berschrift1") + p(f"The system failed on day {i}. It "
                   "recovered later.") for i in range(3))
    return write_docx(tmp_path / "small.docx", body)


def test_without_credentials_the_built_in_reviewer_reviews_the_sample(env, tmp_path):
    report = tmp_path / "r.json"
    proc = margin(["review", str(sample_document()), "--report", str(report)], env)
    assert proc.returncode == 0, proc.stderr
    assert "built-in reviewer" in proc.stderr
    data = json.loads(report.read_text())
    assert data["schema"] == "margin.review/1"
    assert data["provider"]["name"] == "local" and data["provider"]["models"] == []
    assert data["framework"]["name"] == "General writing quality"
    assert all(s["status"] == "done" and s["error"] is None for s in data["sections"])
    findings = [f for s in data["sections"] for f in s["findings"]]
    assert len(findings) > 10
    for f in findings:
        assert set(f) >= REQUIRED_FINDING_KEYS and f["source"] == "rules"
        assert f["decision"] == "pending"
    assert data["usage"]["requests"] == 0
    assert data["timing"]["started"].endswith("Z")


def test_bedrock_run_report_contract_and_store_reuse(aws_env, small_doc, tmp_path, fake_bedrock):
    report = tmp_path / "r.json"
    args = ["review", str(small_doc), "--provider", "bedrock", "--report", str(report),
            "--accept-all"]
    proc = margin(args, aws_env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text())
    assert data["provider"] == {"name": "bedrock", "models": [PRIMARY, FALLBACK],
                                "region": "us-east-1"}
    sections = data["sections"]
    assert [s["title"] for s in sections] == ["Part 0", "Part 1", "Part 2"]
    for s in sections:
        assert s["status"] == "done" and s["model"] == PRIMARY
        (finding,) = s["findings"]
        assert finding["anchored"] and finding["quote"].startswith("The system failed on day")
        assert finding["decision"] == "accepted"
    assert data["usage"]["requests"] == 3 and data["usage"]["retries"] == 0
    assert data["usage"]["input_tokens"] > 0
    assert data["usage"]["estimated_cost_usd"] > 0
    assert len(fake_bedrock.requests) == 3

    again = margin(args, aws_env)  # the same document, framework and models: from the store
    assert again.returncode == 0, again.stderr
    assert len(fake_bedrock.requests) == 3
    assert json.loads(report.read_text())["usage"]["requests"] == 0

    fresh = margin(args + ["--fresh"], aws_env)
    assert fresh.returncode == 0, fresh.stderr
    assert len(fake_bedrock.requests) == 6


def test_failing_sections_exit_5_with_every_reason(aws_env, small_doc, tmp_path, fake_bedrock):
    fake_bedrock.model(PRIMARY).queue(Reply.error("ValidationException", "Input is too long"))
    fake_bedrock.model(FALLBACK).queue(Reply.error("ValidationException", "Input is too long"))
    report = tmp_path / "r.json"
    proc = margin(["review", str(small_doc), "--provider", "bedrock", "--concurrency", "1",
                   "--report", str(report)], aws_env)
    assert proc.returncode == 5, proc.stderr
    data = json.loads(report.read_text())
    failed = [s for s in data["sections"] if s["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["error"] and failed[0]["findings"] == []
    assert f"{failed[0]['title']}: {failed[0]['error']}" in proc.stderr


def test_dead_endpoint_fails_every_section_in_bounded_time(env, small_doc, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = dict(env, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                AWS_DEFAULT_REGION="us-east-1",
                AWS_ENDPOINT_URL_BEDROCK_RUNTIME=f"http://127.0.0.1:{port}")
    report = tmp_path / "r.json"
    start = time.monotonic()
    proc = margin(["review", str(small_doc), "--provider", "bedrock", "--model", PRIMARY,
                   "--report", str(report)], dead, timeout=90)
    assert time.monotonic() - start < 60
    assert proc.returncode == 5, proc.stderr
    data = json.loads(report.read_text())
    assert all(s["status"] == "failed" and s["error"] for s in data["sections"])
    assert data["usage"]["requests"] >= 3
    assert "Traceback" not in proc.stderr


def test_every_model_denied_is_exit_4(aws_env, small_doc, fake_bedrock):
    fake_bedrock.deny(PRIMARY)
    fake_bedrock.deny(FALLBACK)
    proc = margin(["review", str(small_doc), "--provider", "bedrock"], aws_env)
    assert proc.returncode == 4, proc.stderr
    assert "access" in proc.stderr.lower()


def test_bedrock_without_credentials_is_exit_4(env, small_doc):
    proc = margin(["review", str(small_doc), "--provider", "bedrock"], env)
    assert proc.returncode == 4
    assert "no AWS credentials" in proc.stderr


def test_refused_document_and_usage_errors(env, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("nope")
    proc = margin(["review", str(bad)], env)
    assert proc.returncode == 3
    assert proc.stderr.strip() == (f"margin: cannot open {bad}: not a Word document: not a ZIP "
                                   "package as every .docx is")
    unknown = margin(["review", str(sample_document()), "--framework", "Nope"], env)
    assert unknown.returncode == 2 and "no framework named" in unknown.stderr
    assert margin(["review"], env).returncode == 2


def _sections_doc(tmp_path: Path, n: int) -> Path:
    body = "".join(p(f"Part {i}", "berschrift1") + p(f"The system failed on day {i}. It "
                   "recovered later.") for i in range(n))
    return write_docx(tmp_path / "many.docx", body)


def test_a_throttling_endpoint_is_paced_and_every_call_counted(aws_env, tmp_path, fake_bedrock):
    doc = _sections_doc(tmp_path, 12)
    fake_bedrock.model(PRIMARY).throttle(rate=10, burst=2)
    fake_bedrock.model(PRIMARY).latency = 0.2
    report = tmp_path / "r.json"
    proc = margin(["review", str(doc), "--provider", "bedrock", "--concurrency", "8",
                   "--report", str(report)], aws_env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text())
    assert all(s["status"] == "done" and s["model"] == PRIMARY for s in data["sections"])
    refused = sum(r.throttled for r in fake_bedrock.requests)
    assert refused > 0  # eight sent at once against a bucket of two
    assert data["usage"]["requests"] == len(fake_bedrock.requests)
    assert data["usage"]["retries"] == refused
    assert f"Bedrock {PRIMARY} throttled: " in proc.stderr and "requests/min" in proc.stderr


def test_a_known_quota_starts_the_pace_there(aws_env, tmp_path, fake_bedrock):
    doc = _sections_doc(tmp_path, 6)
    proc = margin(["review", str(doc), "--provider", "bedrock", "--rpm", "300",
                   "--tpm", f"{FALLBACK}=90000"], aws_env)
    assert proc.returncode == 0, proc.stderr
    arrivals = sorted(r.at for r in fake_bedrock.requests)
    assert len(arrivals) == 6
    # Five a second from the first request on (unpaced, all six would leave at once).
    assert min(b - a for a, b in zip(arrivals, arrivals[1:], strict=False)) > 0.15
    assert f"Bedrock {PRIMARY} paced: 300 requests/min" in proc.stderr
    assert all(not r.throttled for r in fake_bedrock.requests)


@pytest.mark.parametrize("flag", [["--rpm", "0"], ["--rpm", "x=fast"], ["--tpm", "-5"]])
def test_a_bad_quota_is_a_usage_error(env, small_doc, flag):
    proc = margin(["review", str(small_doc), *flag], env)
    assert proc.returncode == 2
    assert f"{flag[0]} {flag[1]}: give a positive number per minute" in proc.stderr


def test_a_table_of_contents_is_never_sent_to_the_model(aws_env, tmp_path, fake_bedrock):
    toc = "".join(p(f"{title}\t{page}") for title, page in (("Timeline", 2), ("Causes", 3),
                                                            ("Actions", 4)))
    body = (p("Contents") + toc
            + "".join(p(t, "berschrift1") + p(f"What happened: {t.lower()} in detail, "
                                             "as the team recorded it on the day.")
                      for t in ("Timeline", "Causes", "Actions")))
    doc = write_docx(tmp_path / "toc.docx", body)
    report = tmp_path / "r.json"
    proc = margin(["review", str(doc), "--provider", "bedrock", "--report", str(report)],
                  aws_env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text())
    status = {s["title"]: s["status"] for s in data["sections"]}
    assert status == {"Contents": "skipped", "Timeline": "done", "Causes": "done",
                      "Actions": "done"}
    assert len(fake_bedrock.requests) == 3
    sent = " ".join(r.section_text or "" for r in fake_bedrock.requests)
    assert "Timeline\t2" not in sent and "What happened: timeline" in sent
    listed = json.loads(margin(["sections", str(doc), "--json"], aws_env).stdout)
    assert [s["origin"] for s in listed["sections"]] == ["contents", "style", "style", "style"]
