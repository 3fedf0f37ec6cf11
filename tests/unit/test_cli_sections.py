"""`margin sections`: the tree, the JSON contract and the refusal contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_app.cli import main
from tests.docx_factory import p, table, write_docx


def _doc(tmp_path: Path) -> Path:
    body = (
        p("Opening remark.")
        + p("Summary", "berschrift1") + p("It went well overall.")
        + p("Details", "berschrift1") + p("Scope", "berschrift2") + table([["a", "b c"]])
    )
    return write_docx(tmp_path / "report & notes.docx", body)


def test_sections_text_tree(tmp_path: Path, capsys):
    assert main(["sections", str(_doc(tmp_path))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "4 sections, 9 words"
    rows = out[3:]
    assert rows[0].startswith("Before the first heading")
    assert rows[3].startswith("  Scope")  # indented under Details
    assert "3 words" in rows[3]


def test_sections_json_contract(tmp_path: Path, capsys):
    path = _doc(tmp_path)
    assert main(["sections", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"document", "sections"}
    assert data["document"]["path"] == str(path)
    assert len(data["document"]["sha256"]) == 64
    secs = data["sections"]
    assert [s["title"] for s in secs] == ["Before the first heading", "Summary", "Details", "Scope"]
    for s in secs:
        assert set(s) >= {"id", "title", "level", "parent", "paragraphs", "words"}
    by_title = {s["title"]: s for s in secs}
    assert by_title["Scope"]["parent"] == by_title["Details"]["id"]
    assert by_title["Summary"]["parent"] is None
    assert by_title["Scope"]["level"] == 2 and by_title["Scope"]["paragraphs"] == 2
    assert by_title["Summary"]["words"] == 4


def test_refused_document_exit_3_one_line(tmp_path: Path):
    bad = tmp_path / "fake.docx"
    bad.write_text("hello")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "sections", str(bad)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr == (f"margin: cannot open {bad}: not a Word document: not a ZIP "
                           "package as every .docx is\n")


def test_usage_error_exit_2(capsys):
    assert main(["sections"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_missing_file_exit_3(tmp_path: Path, capsys):
    assert main(["sections", str(tmp_path / "gone.docx")]) == 3
    assert "cannot open" in capsys.readouterr().err
