"""Nothing lost to finding ids: a section answered from the result cache, or
split into parts, is always saved in the review store."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.store.db import DB_NAME
from tests.docx_factory import p, write_docx
from tests.e2e.cli import margin

TWIN = "The report was written by the team. TODO: add the figures. It was reviewed quickly."


def write_doc(path: Path, texts: list[str]) -> Path:
    body = "".join(p("Findings", "berschrift1") + p(text) for text in texts)
    return write_docx(path, body)


def saved(data_dir: Path) -> dict[str, str]:
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        return dict(conn.execute("SELECT section_id, status FROM review_sections"))


@pytest.mark.parametrize("provider", ["local", "bedrock"])
def test_twin_sections_answered_from_the_cache_are_saved(provider, env, aws_env, tmp_path,
                                                         isolated_data_dir):
    """The issue's reproduction: two sections of identical title and text, then a
    version where the first differs, then the first again, one at a time. The
    cache holds the twin's answer; the section must still get ids of its own."""
    run_env = aws_env if provider == "bedrock" else env
    doc = tmp_path / "twins.docx"
    report = tmp_path / "r.json"
    args = ["review", str(doc), "--provider", provider, "--concurrency", "1",
            "--report", str(report)]
    for texts in ([TWIN, TWIN], ["Another text, written later. TODO: check.", TWIN],
                  [TWIN, TWIN]):
        write_doc(doc, texts)
        proc = margin(args, run_env)
        assert proc.returncode == 0, proc.stderr
        assert "not being saved" not in proc.stderr and "internal" not in proc.stderr
        data = json.loads(report.read_text())
        assert [s["status"] for s in data["sections"]] == ["done", "done"]
        ids = [f["id"] for s in data["sections"] for f in s["findings"]]
        assert ids and len(set(ids)) == len(ids)
        assert set(saved(isolated_data_dir).values()) == {"done"}
