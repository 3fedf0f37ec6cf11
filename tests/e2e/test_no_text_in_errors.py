"""A hostile or broken model answer fails a section without putting the
document's words into any error: not stderr, the log, the store or the report.

A lone surrogate ("\\ud800" in the tool input's JSON) is a malformed answer:
asked again, then the next model, like any answer that does not fit.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop_app.store.db import DB_NAME
from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.docx_factory import p, write_docx
from tests.e2e.cli import margin
from tests.fake_bedrock import Reply

MARKERS = ["QUOKKA-7F3A-SECRET-PLANT", "WOMBAT-91C2-SECRET-BUNKER"]


def write_doc(path: Path) -> Path:
    body = "".join(p(f"Part {i}", "berschrift1")
                   + p(f"The {marker} was inspected on day {i} and found sound.")
                   for i, marker in enumerate(MARKERS))
    return write_docx(path, body)


def surrogate_answer(marker: str) -> Reply:
    """Findings quoting the document, with a lone surrogate in the quote."""
    return Reply.tool_input({"findings": [{
        "category": "clarity", "severity": "minor", "confidence": 0.8,
        "quote": f"The {marker}\ud800 was inspected", "issue": f"Say what the {marker} is.",
        "suggestion": "Name it.", "checkpoints": []}]})


def test_a_lone_surrogate_is_asked_again_then_the_next_model_answers(aws_env, tmp_path,
                                                                      fake_bedrock):
    doc, report = write_doc(tmp_path / "d.docx"), tmp_path / "r.json"
    fake_bedrock.model(PRIMARY).queue(surrogate_answer(MARKERS[0]), surrogate_answer(MARKERS[0]))
    proc = margin(["review", str(doc), "--provider", "bedrock", "--concurrency", "1",
                   "--report", str(report)], aws_env)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["done", "done"]
    assert data["sections"][0]["model"] == FALLBACK
    assert len(fake_bedrock.requests_for(PRIMARY)) == 3  # asked, asked again, next section
    assert data["usage"]["requests"] == 4


def test_no_error_anywhere_carries_document_text(aws_env, tmp_path, fake_bedrock,
                                                 isolated_data_dir):
    doc, report = write_doc(tmp_path / "d.docx"), tmp_path / "r.json"
    echo = [Reply.error("ValidationException", f"Malformed input near 'The {m} was inspected "
                        f"on day {i} and found sound.'") for i, m in enumerate(MARKERS)]
    fake_bedrock.model(PRIMARY).queue(surrogate_answer(MARKERS[0]),
                                      surrogate_answer(MARKERS[0]), echo[1])
    fake_bedrock.model(FALLBACK).queue(surrogate_answer(MARKERS[0]),
                                       surrogate_answer(MARKERS[0]),
                                       Reply.error("AccessDeniedException", f"no: {MARKERS[1]} "
                                                   "was inspected on day 1"))
    proc = margin(["review", str(doc), "--provider", "bedrock", "--concurrency", "1",
                   "--report", str(report)], aws_env)
    assert proc.returncode == 5, proc.stderr
    data = json.loads(report.read_text())
    assert [s["status"] for s in data["sections"]] == ["failed", "failed"]
    assert all(s["error"] for s in data["sections"])
    assert "surrogate" in data["sections"][0]["error"]

    with closing(sqlite3.connect(isolated_data_dir / DB_NAME)) as conn:
        stored = [r[0] for r in conn.execute("SELECT error FROM review_sections")]
    log = (isolated_data_dir / "logs" / "margin.log").read_text(errors="replace")
    places = {"stderr": proc.stderr, "log": log, "store": json.dumps(stored),
              "report errors": json.dumps([s["error"] for s in data["sections"]])}
    for marker in MARKERS:
        for where, text in places.items():
            assert marker not in text, f"{marker} in {where}:\n{text}"
