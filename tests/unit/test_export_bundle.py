"""One export from the window: the copy and its reports all at once or not at all, then
the optional upload, and what is said about it."""

from __future__ import annotations

import errno
import json
import threading
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from desktop_app.export import bundle
from desktop_app.export.bundle import (
    ExportCancelled,
    ExportPlan,
    UploadTarget,
    describe,
    describe_failure,
    perform,
)
from desktop_app.export.docx_comments import ExportError
from desktop_app.export.selection import ReviewSnapshot, Scope
from tests.docx_inspect import inspect
from tests.export_helpers import at
from tests.unit.review_store_helpers import by_title, make_doc

BUCKET = "team-reviews"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    make_doc(tmp_path / "incident.docx", [("Summary", "The pump stopped at noon."),
                                         ("Actions", "Replace the seal.")])
    return tmp_path / "incident.docx"


def plan_for(source: Path, out: Path, formats=(".html", ".csv"), **kw) -> ExportPlan:
    from desktop_app.document import load

    doc = load(str(source))
    summary, actions = by_title(doc, "Summary"), by_title(doc, "Actions")
    snap = ReviewSnapshot.from_findings(doc, {
        summary.id: [at(summary, "pump stopped", "Say when & where.", rewrite="pump halted")],
        actions.id: [at(actions, "Replace the seal.", "Who replaces it?")],
    }, framework_name="General writing quality")
    return ExportPlan(source, doc, snap.select(Scope.ACCEPTED), out, snap.report(),
                      formats, author="Ada Lovelace", initials="AL", **kw)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_writes_the_copy_and_its_reports_beside_it(source, tmp_path):
    out = tmp_path / "out" / "incident (reviewed).docx"
    steps: list[tuple[str, int, int]] = []
    result = perform(plan_for(source, out, tracked_rewrites=True),
                     step=lambda *a: steps.append(a))
    assert result.written == [out, out.with_suffix(".html"), out.with_suffix(".csv")]
    assert all(p.is_file() for p in result.written)
    assert leftovers(out.parent) == []  # the staging folder is gone
    seen = inspect(out)
    assert sorted(seen.comments.values())[0].startswith("[MAJOR · Clarity] Say when & where.")
    assert set(seen.authors.values()) == {"Ada Lovelace"}
    assert result.summary.tracked == 1
    assert "Who replaces it?" in out.with_suffix(".csv").read_text(encoding="utf-8-sig")
    assert [s[0] for s in steps] == ["Writing incident (reviewed).docx",
                                     "Writing incident (reviewed).html",
                                     "Writing incident (reviewed).csv"]
    assert describe(result) == (
        "2 comments: 2 on their quote; 1 rewrite as tracked changes; incident (reviewed).docx,"
        " incident (reviewed).html and incident (reviewed).csv written in " + str(out.parent)
        + ".")


def test_a_folder_that_cannot_be_made_leaves_nothing(source, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    out = blocker / "sub" / "incident (reviewed).docx"
    with pytest.raises(OSError) as caught:
        perform(plan_for(source, out))
    assert caught.value.errno == errno.ENOTDIR
    assert describe_failure(caught.value).startswith("Nothing was written: cannot write ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "incident.docx"]


def test_a_report_that_fails_takes_the_copy_with_it(source, tmp_path, monkeypatch):
    """Disk full on the last file: not even the copy appears, and folders made go again."""
    out = tmp_path / "new" / "deeper" / "incident (reviewed).docx"

    def full(path, report):
        if Path(path).suffix == ".csv":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        from desktop_app.export.reports import write_report

        write_report(path, report)

    monkeypatch.setattr(bundle, "write_report", full)
    with pytest.raises(OSError) as caught:
        perform(plan_for(source, out))
    assert "No space left on device" in describe_failure(caught.value)
    assert not (tmp_path / "new").exists()


def test_a_document_changed_since_it_was_opened_is_refused(source, tmp_path):
    plan = plan_for(source, tmp_path / "x.docx")
    source.write_bytes(source.read_bytes() + b"\0")  # the bytes no longer match
    with pytest.raises(ExportError) as caught:
        perform(plan)
    assert describe_failure(caught.value).startswith(
        "Nothing was written: the document changed on disk")
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.html").exists()
    assert leftovers(tmp_path) == []


def test_the_original_is_never_the_target(source):
    with pytest.raises(ExportError, match="overwrite the original"):
        perform(plan_for(source, source))


def test_cancelled_before_the_files_are_in_place_writes_nothing(source, tmp_path):
    cancel = threading.Event()
    out = tmp_path / "incident (reviewed).docx"

    def step(what: str, done: int, total: int) -> None:
        if what.endswith(".csv"):
            cancel.set()

    with pytest.raises(ExportCancelled):
        perform(plan_for(source, out), step=step, cancel=cancel)
    assert not out.exists() and leftovers(tmp_path) == []
    assert describe_failure(ExportCancelled()) == "Export cancelled; nothing was written."


@pytest.fixture
def s3(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def test_uploads_every_file_written_under_the_prefix(source, tmp_path, s3):
    out = tmp_path / "incident (reviewed).docx"
    result = perform(plan_for(source, out, formats=(".json",),
                              upload=UploadTarget(BUCKET, "reviews/2025/")))
    assert result.upload_error is None
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"])
    assert keys == ["reviews/2025/incident (reviewed).docx",
                    "reviews/2025/incident (reviewed).json"]
    body = s3.get_object(Bucket=BUCKET, Key=keys[1])["Body"].read()
    assert json.loads(body)["schema"] == "margin.review/1"
    assert describe(result).endswith(f"Uploaded 2 files to s3://{BUCKET}/reviews/2025/.")


def test_a_failed_upload_keeps_the_files_and_says_why(source, tmp_path, s3):
    out = tmp_path / "incident (reviewed).docx"
    result = perform(plan_for(source, out, upload=UploadTarget("no-such-bucket")))
    assert out.is_file()
    assert result.upload_error is not None and "does not exist" in result.upload_error
    assert "Not uploaded: the bucket 'no-such-bucket' does not exist" in describe(result)


def test_what_the_copy_repaired_is_said(source, tmp_path):
    """A relationship to a missing part no longer stops the export: it is left out, and
    the result says so."""
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/image" Target="media/gone.png"/>'
                    b"</Relationships>"))
            zout.writestr(info, data)
    out = tmp_path / "broken (reviewed).docx"
    result = perform(plan_for(broken, out, formats=()))
    assert describe(result).endswith(
        "\nNote: word/media/gone.png is missing from the document; the reference to it "
        "from word/document.xml was left out of the copy.")


def test_an_output_that_is_a_symbolic_link_is_refused_before_anything_is_written(source,
                                                                                 tmp_path):
    out = tmp_path / "incident (reviewed).docx"
    real = tmp_path / "elsewhere.html"
    real.write_text("kept")
    out.with_suffix(".html").symlink_to(real)
    with pytest.raises(OSError) as caught:
        perform(plan_for(source, out))
    assert describe_failure(caught.value) == (
        f"Nothing was written: cannot write {out.with_suffix('.html')}: it is a symbolic link "
        f"(to {real}); give the path of the file itself.")
    assert not out.exists() and out.with_suffix(".html").is_symlink()
    assert real.read_text() == "kept" and leftovers(tmp_path) == []
