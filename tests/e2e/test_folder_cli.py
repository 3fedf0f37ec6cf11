"""`margin review FOLDER`: several documents in one run, one pacer, the index, exit codes.

Real subprocesses against the fake Bedrock (tests/fake_bedrock.py); each
document's section texts name the document, so the fake's record of requests
says which document each request was for, and when it was in flight.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.docx_factory import p, write_docx
from tests.e2e.cli import margin
from tests.fake_bedrock import FakeBedrock, Reply

_DOC = re.compile(r"Document (\d+) ")


def make_folder(root: Path, documents: int = 5, sections: int = 3) -> Path:
    """`documents` small reports in `root` (one in a subfolder), `sections` sections each."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sub").mkdir(exist_ok=True)
    for d in range(1, documents + 1):
        body = "".join(p(f"Part {i}", "berschrift1")
                       + p(f"Document {d} says the pump failed on day {i}. It recovered later.")
                       for i in range(1, sections + 1))
        where = root / "sub" if d == documents else root
        write_docx(where / f"report {d}.docx", body)
    return root


def doc_of(request) -> int:  # type: ignore[no-untyped-def]
    found = _DOC.search(request.section_text or "")
    assert found, "every request carries its document's section text"
    return int(found.group(1))


def overlaps(requests) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(most requests in flight at once, most documents in flight at once)."""
    events = sorted([(r.at, 1, doc_of(r)) for r in requests]
                    + [(r.answered_at, -1, doc_of(r)) for r in requests],
                    key=lambda e: (e[0], e[1]))
    live: dict[int, int] = {}
    most = most_docs = 0
    for _at, step, doc in events:
        live[doc] = live.get(doc, 0) + step
        most = max(most, sum(live.values()))
        most_docs = max(most_docs, sum(1 for n in live.values() if n > 0))
    return most, most_docs


def test_a_folder_runs_documents_together_under_one_cap(aws_env, tmp_path,
                                                        fake_bedrock: FakeBedrock):
    folder = make_folder(tmp_path / "in", documents=5, sections=2)
    (folder / "notes.txt").write_text("not a document")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    fake_bedrock.model(PRIMARY).latency = 0.3
    reports = tmp_path / "reports"
    proc = margin(["review", str(folder), "--provider", "bedrock", "--concurrency", "3",
                   "--report-dir", str(reports)], aws_env)
    assert proc.returncode == 0, proc.stderr
    answered = [r for r in fake_bedrock.requests_for(PRIMARY) if not r.throttled]
    assert len(answered) == 10  # every section of every document, once
    most, most_docs = overlaps(answered)
    assert most <= 3, "no more requests in flight than the cap, over all documents"
    assert most_docs >= 2, "sections of several documents were in flight together"
    # Three requests of two-section documents in flight at once: several documents at a time.
    assert most == 3
    # Skipped files are named with the reason; the subfolder's document is found.
    assert f"skipped {folder / 'notes.txt'}: not a .docx file" in proc.stderr
    assert "old.doc: a Word 97-2003 document" in proc.stderr
    index = json.loads((reports / "index.json").read_text())
    assert index["schema"] == "margin.index/1" and index["exit_code"] == 0
    assert index["complete"] is True and index["mode"] == "on-demand"
    names = [d["name"] for d in index["documents"]]
    assert names == [f"report {d}.docx" for d in range(1, 5)] + ["sub/report 5.docx"]
    for doc in index["documents"]:
        assert doc["status"] == "done" and doc["exit_code"] == 0
        assert doc["sections"] == {"total": 2, "done": 2, "failed": 0, "cancelled": 0,
                                   "skipped": 0}
        assert sum(doc["findings"].values()) == 2 and doc["failures"] == []
        assert doc["usage"]["requests"] == 2 and doc["estimated_cost_usd"] > 0
        report = json.loads(Path(doc["reports"][0]).read_text())
        assert report["schema"] == "margin.review/1"
        assert report["document"]["path"] == doc["path"]
        assert doc["reports"][1].endswith(".html") and Path(doc["reports"][1]).exists()
    assert {s["reason"] for s in index["skipped"]} >= {"not a .docx file"}
    assert index["totals"]["findings"]["minor"] == 10
    assert index["totals"]["estimated_cost_usd"] == pytest.approx(
        sum(d["estimated_cost_usd"] for d in index["documents"]))
    page = (reports / "index.html").read_text()
    assert "sub/report 5.docx" in page and 'href="sub/report%205.html"' in page
    assert "<script" not in page


def test_exit_codes_are_the_worst_documents_and_a_bad_one_stops_nothing(aws_env, tmp_path,
                                                                       fake_bedrock):
    folder = make_folder(tmp_path / "in", documents=3, sections=2)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    # One section of the run fails on both models: its document exits 5, the run 3.
    fake_bedrock.model(PRIMARY).queue(Reply.error("ValidationException", "Input is too long"))
    fake_bedrock.model(FALLBACK).queue(Reply.error("ValidationException", "Input is too long"))
    reports, copies = tmp_path / "reports", tmp_path / "copies"
    proc = margin(["review", str(folder), "--provider", "bedrock", "--concurrency", "1",
                   "--report-dir", str(reports), "--out-dir", str(copies), "--accept-all"],
                  aws_env)
    assert proc.returncode == 3, proc.stderr
    assert f"margin: cannot open {folder / 'broken.docx'}: damaged" in proc.stderr
    index = json.loads((reports / "index.json").read_text())
    assert index["exit_code"] == 3
    by_name = {d["name"]: d for d in index["documents"]}
    assert by_name["broken.docx"]["status"] == "cannot-open"
    assert by_name["broken.docx"]["exit_code"] == 3 and by_name["broken.docx"]["reason"]
    failed = [d for d in index["documents"] if d["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["exit_code"] == 5
    assert failed[0]["failures"][0]["error"].endswith("Input is too long") or \
        "too long" in failed[0]["failures"][0]["error"]
    done = [d for d in index["documents"] if d["status"] == "done"]
    assert len(done) == 2
    for doc in failed + done:  # every reviewed document has its copy, and its notes
        copy = Path(doc["export"]["path"])
        assert copies in copy.parents and copy.name.endswith(" (reviewed).docx")
        assert copy.exists() and doc["export"]["written"] and doc["export"]["notes"] == []
        assert json.loads(Path(doc["reports"][0]).read_text())["export"] == doc["export"]
    # Without the damaged document the worst is the failed section: 5.
    (folder / "broken.docx").unlink()
    proc = margin(["review", str(folder), "--provider", "bedrock", "--report-dir",
                   str(reports)], aws_env)
    assert proc.returncode == 0, proc.stderr  # the failed section is asked again; it works now


def test_the_copies_notes_reach_the_index_and_the_report(env, tmp_path):
    """A document Word would repair: the copy says what it mended (issue 17's notes)."""
    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    source = folder / "report 1.docx"
    broken = tmp_path / "in" / "with a missing image.docx"
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>",
                                    b'<Relationship Id="rId9" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/image" '
                                    b'Target="media/gone.png"/></Relationships>')
            dst.writestr(item, data)
    reports, copies = tmp_path / "reports", tmp_path / "copies"
    proc = margin(["review", str(folder), "--provider", "local", "--accept-all",
                   "--report-dir", str(reports), "--out-dir", str(copies)], env)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((reports / "index.json").read_text())
    doc = next(d for d in index["documents"] if d["name"] == "with a missing image.docx")
    notes = doc["export"]["notes"]
    assert notes and any("gone.png" in n or "image" in n for n in notes)
    report = json.loads(Path(doc["reports"][0]).read_text())
    assert report["export"]["notes"] == notes and report["schema"] == "margin.review/1"
    assert notes[0] in proc.stderr  # said on stderr too, as before
    assert "copy: " in (reports / "index.html").read_text()


def test_one_file_keeps_report_and_out_and_refuses_dir_options_mixed(env, tmp_path):
    folder = make_folder(tmp_path / "in", documents=2, sections=1)
    proc = margin(["review", str(folder), "--provider", "local", "--report",
                   str(tmp_path / "r.json")], env)
    assert proc.returncode == 2 and "--report-dir" in proc.stderr
    proc = margin(["review", str(folder / "report 1.docx"), "--provider", "local",
                   "--batch", "s3://bucket/prefix"], env)
    assert proc.returncode == 2 and "--role-arn" in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.md").write_text("nothing here")
    proc = margin(["review", str(empty), "--provider", "local", "--report-dir",
                   str(tmp_path / "out")], env)
    assert proc.returncode == 0 and "no .docx document to review" in proc.stderr
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert index["documents"] == [] and index["skipped"][0]["reason"] == "not a .docx file"


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_mid_folder_the_rerun_asks_only_what_is_left(aws_env, tmp_path,
                                                           fake_bedrock: FakeBedrock):
    folder = make_folder(tmp_path / "in", documents=4, sections=3)
    fake_bedrock.model(PRIMARY).latency = 0.4
    reports = tmp_path / "reports"
    args = [sys.executable, "-m", "desktop_app", "review", str(folder), "--provider", "bedrock",
            "--concurrency", "2", "--report-dir", str(reports)]
    env = dict(aws_env, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT),
                                                               aws_env.get("PYTHONPATH")])))
    first = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # a few answers stored, the folder half done
            answered = [r for r in fake_bedrock.requests_for(PRIMARY)
                        if r.answered_at is not None]
            if len(answered) >= 5:
                break
            time.sleep(0.05)
        time.sleep(0.3)  # the answers reach the store (one write a turn)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=30)
    asked_before = len(fake_bedrock.requests_for(PRIMARY))
    assert 5 <= asked_before < 12
    index = json.loads((reports / "index.json").read_text()) if (
        reports / "index.json").exists() else None
    assert index is None or index["complete"] is False

    second = margin(args[3:], aws_env)
    assert second.returncode == 0, second.stderr
    asked_again = len(fake_bedrock.requests_for(PRIMARY)) - asked_before
    index = json.loads((reports / "index.json").read_text())
    assert index["complete"] and all(d["status"] == "done" for d in index["documents"])
    # What the first run stored is not asked again (only what was in flight at the kill is).
    assert asked_again <= 12 - 4
    assert asked_again == sum(d["usage"]["requests"] for d in index["documents"])
    assert "(stored)" not in second.stderr  # several documents: one line per document
    assert re.search(r"done: report \d\.docx - 3 sections, [1-3] stored", second.stderr)


def test_a_folder_gets_the_whole_document_checks_and_estimates_without_a_call(
        aws_env, tmp_path, fake_bedrock, isolated_data_dir):
    """Each document of a folder is checked as a whole, as a single one is (issue 13);
    --estimate over a folder prints each document's cost and sends nothing."""
    from tests.cross_section_docs import ISSUES, write

    folder = make_folder(tmp_path / "in", documents=2, sections=2)
    write(folder / "planted.docx")
    reports = tmp_path / "reports"
    proc = margin(["review", str(folder), "--provider", "local", "--report-dir", str(reports)],
                  aws_env)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((reports / "index.json").read_text())
    by_name = {d["name"]: json.loads(Path(d["reports"][0]).read_text())
               for d in index["documents"]}
    assert len(by_name["planted.docx"]["document_findings"]) == len(ISSUES)
    assert by_name["report 1.docx"]["document_findings"] == []
    estimate = margin(["review", str(folder), "--estimate"], aws_env)
    assert estimate.returncode == 0, estimate.stderr
    assert "planted.docx: " in estimate.stdout and "report 1.docx: " in estimate.stdout
    assert estimate.stdout.count("  cost ") == 3 and "Nothing was sent" in estimate.stdout
    assert not fake_bedrock.requests


def test_pending_findings_left_out_of_the_copies_are_said_once_for_the_run(env, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in (1, 2, 3):  # each with a placeholder the built-in reviewer raises
        write_docx(folder / f"plan {n}.docx", p("Plan", "berschrift1")
                   + p(f"Plan {n}: the owner of the migration is TBD until the review."))
    reports, copies = tmp_path / "reports", tmp_path / "copies"
    proc = margin(["review", str(folder), "--provider", "local", "--report-dir", str(reports),
                   "--out-dir", str(copies)], env)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((reports / "index.json").read_text())
    left_out = [d["export"]["pending_left_out"] for d in index["documents"]]
    assert all(n >= 1 for n in left_out)
    assert proc.stderr.count("not exported") == 1
    assert (f"{sum(left_out)} pending findings not exported to 3 reviewed copies in {copies}"
            in proc.stderr)
