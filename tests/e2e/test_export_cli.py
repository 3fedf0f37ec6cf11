"""`margin review --out/--report` end to end: a real subprocess on the bundled sample."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop_app.paths import sample_document
from tests.docx_inspect import inspect
from tests.e2e.cli import margin
from tests.export_helpers import sha256


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy, so that 'beside the source' is a temporary folder."""
    copy = tmp_path / "Incident report.docx"
    copy.write_bytes(sample_document().read_bytes())
    return copy


def test_accept_all_exports_every_finding_on_its_quote(env, sample, tmp_path):
    before = sha256(sample)
    out, report = tmp_path / "reviewed" / "Incident (reviewed).docx", tmp_path / "r.json"
    proc = margin(["review", str(sample), "--provider", "local", "--accept-all",
                   "--out", str(out), "--report", str(report)], env)
    assert proc.returncode == 0, proc.stderr
    assert sha256(sample) == before
    data = json.loads(report.read_text())
    titles = {s["id"]: s["title"] for s in data["sections"]}
    # Section by section: its findings (and their other occurrences), then the places of
    # findings across sections there (one comment on each quote, naming the other sections).
    expected = []
    for s in data["sections"]:
        for f in s["findings"]:
            expected.append((f["severity"], f["issue"], f["quote"] if f["anchored"] else None,
                             []))
            # a pattern that recurs: a short comment on each other occurrence
            quotes = f.get("quotes", [])
            expected += [(f["severity"], f"({n} of {len(quotes)}): ", q["quote"], [])
                         for n, q in enumerate(quotes, 1) if n > 1 and q["anchored"]]
        expected += [(d["severity"], d["issue"], q["quote"] if q["anchored"] else None,
                      [titles[o] for o in dict.fromkeys(p["section"] for p in d["quotes"])
                       if o != s["id"]])
                     for d in data["document_findings"] for q in d["quotes"]
                     if q["section"] == s["id"]]
    findings = sum(len(s["findings"]) for s in data["sections"])
    assert data["document_findings"], "the sample's planted 47/94 minutes is found"
    assert any(f.get("quotes") for s in data["sections"] for f in s["findings"])
    got = inspect(out)
    assert findings > 10 and len(got.comments) == len(expected)
    assert f"wrote {out}: {len(expected)} comments" in proc.stderr
    # comments come in document order, as the report lists findings
    for (cid, text), (severity, issue, quote, others) in zip(sorted(got.comments.items()),
                                                             expected, strict=True):
        assert issue in text and text.startswith(f"[{severity.upper()} · ")
        if quote is not None:
            assert got.ranges[cid].text == quote
        for other in others:
            assert f"“{other}”" in text.splitlines()[-1]
    assert set(got.authors.values()) == {"Margin"}


def test_pending_findings_are_not_exported_and_the_count_is_said(env, sample, tmp_path):
    out, report = tmp_path / "out.docx", tmp_path / "r.json"
    proc = margin(["review", str(sample), "--provider", "local", "--out", str(out),
                   "--report", str(report)], env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text())
    n = sum(len(s["findings"]) for s in data["sections"]) + len(data["document_findings"])
    assert f"{n} pending findings not exported" in proc.stderr
    assert "--accept-all" in proc.stderr
    assert inspect(out).comments == {}


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv"])
def test_report_formats_by_extension(env, sample, tmp_path, suffix):
    report = tmp_path / f"report{suffix}"
    proc = margin(["review", str(sample), "--provider", "local", "--report", str(report),
                   "--quiet"], env)
    assert proc.returncode == 0, proc.stderr
    text = report.read_text(encoding="utf-8-sig")
    if suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert len(rows) > 10 and {r["decision"] for r in rows} == {"pending"}
    elif suffix == ".html":
        assert text.startswith("<!DOCTYPE html>") and "Investigation Report" in text
    else:
        assert text.startswith("# Review: ")


@pytest.mark.parametrize("args, message", [
    (["--out", "x.pdf"], "--out: the reviewed copy must be a .docx file"),
    (["--report", "x.txt"], "--report: unsupported format .txt"),
])
def test_bad_output_names_are_usage_errors(env, sample, args, message):
    proc = margin(["review", str(sample), *args], env)
    assert proc.returncode == 2 and message in proc.stderr


def test_out_never_overwrites_the_document(env, sample):
    before = sha256(sample)
    proc = margin(["review", str(sample), "--provider", "local", "--out", str(sample)], env)
    assert proc.returncode == 2 and "never overwritten" in proc.stderr
    assert sha256(sample) == before
