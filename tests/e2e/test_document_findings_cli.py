"""The built-in reviewer's cross-section findings, through `margin review --report --out`.

A document with four planted flaws across sections (a missing section
reference, an acronym spelled out two ways, a time given two values, a term
used before its definition) and a near miss beside each (a reference that
exists, an acronym spelled out the same way twice, a value repeated, a term
used after its definition): the report lists the four, each quote anchored
in its own section, the reviewed copy has a comment on each quote naming the
other sections, and the findings survive a rerun, a decision made in the
store, and a changed document (re-anchored, saying which sections changed).
"""

from __future__ import annotations

import json

from desktop_app.document import load
from desktop_app.store.db import Database
from desktop_app.store.reviews import ReviewStore
from tests.cross_section_docs import ISSUES, PLANTED, write
from tests.docx_inspect import inspect
from tests.e2e.cli import margin


def findings_by_issue(report: dict) -> dict[str, dict]:
    out = {}
    for d in report["document_findings"]:
        [key] = [k for k in ISSUES if k in d["issue"]]
        out[key] = d
    return out


def test_planted_flaws_are_reported_and_exported_near_misses_are_not(env, tmp_path) -> None:
    doc_path = write(tmp_path / "planted.docx")
    report, out = tmp_path / "x.json", tmp_path / "y.docx"
    proc = margin(["review", str(doc_path), "--report", str(report), "--out", str(out),
                   "--accept-all"], env)
    assert proc.returncode == 0, proc.stderr
    assert "Cross-section checks: 4 document-level findings" in proc.stderr
    data = json.loads(report.read_text())
    doc = load(str(doc_path))
    titles = {s.id: s.title for s in doc.walk()}
    texts = {s.id: s.text for s in doc.walk()}
    found = findings_by_issue(data)
    assert set(found) == set(ISSUES)  # the four, and nothing for the near misses
    for key, d in found.items():
        assert d["source"] == "rules" and d["decision"] == "accepted"
        assert [titles[q["section"]] for q in d["quotes"]] == ISSUES[key]
        for q in d["quotes"]:
            assert q["anchored"] and q["quote"] in texts[q["section"]]
    # One comment on each quote, the issue verbatim, the other sections named.
    got = inspect(out)
    for d in found.values():
        places = [(cid, text) for cid, text in got.comments.items() if d["issue"] in text]
        assert sorted(got.ranges[cid].text for cid, _ in places) == sorted(
            q["quote"] for q in d["quotes"])
        for q, (_cid, text) in zip(d["quotes"], sorted(
                places, key=lambda c: [q["quote"] for q in d["quotes"]].index(
                    got.ranges[c[0]].text)), strict=True):
            others = [titles[o["section"]] for o in d["quotes"] if o["section"] != q["section"]]
            for other in others:
                assert f"“{other}”" in text


def test_document_findings_survive_a_rerun_a_decision_and_a_changed_document(
        env, tmp_path, isolated_data_dir) -> None:
    doc_path = write(tmp_path / "planted.docx")
    report = tmp_path / "x.json"
    args = ["review", str(doc_path), "--report", str(report)]
    assert margin(args, env).returncode == 0
    values = findings_by_issue(json.loads(report.read_text()))["The time the outage began"]

    db = Database(isolated_data_dir)  # what the window does when the reviewer decides
    try:
        store = ReviewStore(db)
        (summary,) = store.list_reviews()
        store.set_document_decision(summary.review_id, values["id"], "rejected")
        store.edit_document_finding(summary.review_id, values["id"],
                                    issue="Which start time is right?")
    finally:
        db.close()

    again = margin(args, env)
    assert again.returncode == 0, again.stderr
    kept = findings_by_issue({"document_findings": [
        d for d in json.loads(report.read_text())["document_findings"]
        if d["id"] != values["id"]]})
    assert len(kept) == 3
    [back] = [d for d in json.loads(report.read_text())["document_findings"]
              if d["id"] == values["id"]]
    assert (back["decision"], back["issue"]) == ("rejected", "Which start time is right?")

    # The Timeline's sentence moves within its section and is reworded: found again, anchored
    # in the new text, and the reviewer's decision carried over to it.
    changed = [(t, ["The first payment failed at 14:20 UTC.", "The outage began at 14:20 UTC."]
                if t == "4 Timeline" else items) for t, items in PLANTED]
    write(doc_path, changed)
    third = margin(args, env)
    assert third.returncode == 0, third.stderr
    moved = findings_by_issue(json.loads(report.read_text()))["The time the outage began"]
    assert moved["decision"] == "rejected"
    timeline = next(s for s in load(str(doc_path)).walk() if s.title == "4 Timeline")
    [quote] = [q for q in moved["quotes"] if q["section"] == timeline.id]
    assert quote["anchored"] and quote["quote"] == "The outage began at 14:20 UTC."
