"""`margin review` and the review store: decisions carry into the report, and a
changed document costs only its changed sections."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.store.db import Database
from desktop_app.store.reviews import ReviewStore
from tests.conftest_bedrock import PRIMARY
from tests.docx_factory import p, write_docx
from tests.docx_inspect import inspect
from tests.e2e.cli import margin


def write_doc(path: Path, texts: list[str]) -> Path:
    body = "".join(p(f"Part {i}", "berschrift1") + p(text) for i, text in enumerate(texts))
    return write_docx(path, body)


def test_decisions_made_in_the_store_reach_the_report(aws_env, tmp_path, isolated_data_dir):
    doc = write_doc(tmp_path / "d.docx", ["The system failed on day one. It recovered.",
                                         "The fix was deployed on day two. It held."])
    report = tmp_path / "r.json"
    args = ["review", str(doc), "--provider", "bedrock", "--report", str(report)]
    assert margin(args, aws_env).returncode == 0
    first = json.loads(report.read_text())["sections"][0]["findings"][0]

    db = Database(isolated_data_dir)  # what the window does when the reviewer decides
    try:
        store = ReviewStore(db)
        (summary,) = store.list_reviews()
        store.set_decision(summary.review_id, first["id"], "rejected")
        store.edit_finding(summary.review_id, first["id"], issue="Name the failing system.")
    finally:
        db.close()

    again = margin(args, aws_env)
    assert again.returncode == 0, again.stderr
    data = json.loads(report.read_text())
    assert data["usage"]["requests"] == 0
    kept = data["sections"][0]["findings"][0]
    assert (kept["id"], kept["decision"], kept["issue"]) == (
        first["id"], "rejected", "Name the failing system.")


def test_a_changed_document_asks_only_for_its_changed_sections(aws_env, tmp_path,
                                                                fake_bedrock):
    texts = [f"Step {i} ran for {i + 1} minutes. It passed." for i in range(4)]
    doc = write_doc(tmp_path / "d.docx", texts)
    report = tmp_path / "r.json"
    args = ["review", str(doc), "--provider", "bedrock", "--report", str(report)]
    assert margin(args, aws_env).returncode == 0
    assert len(fake_bedrock.requests_for(PRIMARY)) == 4

    texts[2] = "Step 2 ran for ninety minutes. It failed twice, then passed."
    write_doc(doc, texts)
    proc = margin(args, aws_env)
    assert proc.returncode == 0, proc.stderr
    asked = [r.section_text for r in fake_bedrock.requests_for(PRIMARY)[4:]]
    assert asked == [texts[2]]
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done"] * 4
    assert data["usage"]["requests"] == 1


def test_a_rerun_answered_from_the_store_keeps_a_findings_occurrences(env, tmp_path):
    passives = ["The change was approved", "The alert was acknowledged",
                "The rollback was initiated"]
    doc = write_doc(tmp_path / "d.docx", [
        "The change was approved at 09:00. The alert was acknowledged late. "
        "The rollback was initiated at 10:38.",
        # a report of results (figures): where passives are raised
        "Customers saw errors for an hour: 12% of orders failed. Refunds to the customers "
        "came to $4,200 that week."])
    report, out = tmp_path / "r.json", tmp_path / "reviewed.docx"
    args = ["review", str(doc), "--provider", "local", "--accept-all", "--report", str(report),
            "--out", str(out)]
    assert margin(args, env).returncode == 0
    first = json.loads(report.read_text())
    report.unlink()
    out.unlink()

    again = margin(args, env)  # every section up to date: read back from the store
    assert again.returncode == 0, again.stderr
    data = json.loads(report.read_text())
    assert data["sections"] == first["sections"]
    (folded,) = [f for s in data["sections"] for f in s["findings"] if "quotes" in f]
    assert [q["quote"] for q in folded["quotes"]] == passives
    assert all(q["anchored"] for q in folded["quotes"])
    got = inspect(out)
    assert sorted(r.text for r in got.ranges.values()) == sorted(passives)
