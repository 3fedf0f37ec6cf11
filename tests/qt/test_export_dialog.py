"""File → Export…: choices and counts, the files written off the GUI thread, failures
that leave nothing behind, the S3 upload (moto) with its cancel, and the folder opened.

The sample document is reviewed with the built-in reviewer, some findings are
accepted or rejected, and the reviewer adds findings of their own.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import boto3
import pytest
from moto import mock_aws
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QRadioButton

from desktop_app.ai.local_reviewer import LocalProvider
from desktop_app.ai.provider import AnalysisRequest, CancelToken
from desktop_app.document import Document, load
from desktop_app.export.document_comments import short_issue
from desktop_app.export.docx_comments import default_output_path
from desktop_app.export.selection import ReviewSnapshot, Scope
from desktop_app.paths import sample_document
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import find_framework
from desktop_app.session import ProviderIdentity, ReviewSession, Storage
from desktop_app.ui.export.dialog import ExportDialog
from desktop_app.ui.export.prefs import ExportPrefs, load_export_prefs, save_export_prefs
from desktop_app.ui.export.source import snapshot_of
from desktop_app.ui.settings import store as app_settings
from desktop_app.workers.jobs import JobRunner
from tests.docx_inspect import inspect
from tests.export_helpers import at

TIMEOUT = 30_000
FRAMEWORK = find_framework("General writing quality")
BUCKET = "team-reviews"


def review(doc: Document) -> dict[str, list[Finding]]:
    """The built-in reviewer's findings: every 3rd accepted, and every one marked at
    several occurrences (so that the accepted ones make more comments than findings,
    whatever order the rules list them in), every 4th rejected, the rest pending; and
    two of the reviewer's own, one of them rejected."""
    provider = LocalProvider.for_document(doc)
    found: dict[str, list[Finding]] = {}
    n = 0
    for s in doc.walk():
        request = AnalysisRequest(s.id, s.title, s.text, FRAMEWORK, document_title=doc.title)
        found[s.id] = provider.analyse(request, CancelToken()).findings
        for f in found[s.id]:
            n += 1
            several = len(f.quotes) > 1
            f.decision = ("accepted" if n % 3 == 0 or several else
                          "rejected" if n % 4 == 0 else "pending")
    first = next(s for s in doc.walk() if len(s.text.split()) > 12)
    words = first.text.split()
    found[first.id] += [
        at(first, " ".join(words[:3]), "Mine: say who decided this.", source="user",
           decision="pending", fid="u-mine"),
        at(first, " ".join(words[4:7]), "Mine, rejected: never exported.", source="user",
           decision="rejected", fid="u-rejected"),
    ]
    return found


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    copy = tmp_path / "docs" / sample_document().name
    copy.parent.mkdir()
    shutil.copyfile(sample_document(), copy)
    return load(str(copy))


@pytest.fixture
def snapshot(doc: Document) -> ReviewSnapshot:
    return ReviewSnapshot.from_findings(doc, review(doc), framework_name=FRAMEWORK.name)


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def dialog(qtbot, doc, snapshot, opened) -> ExportDialog:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    d = ExportDialog(doc, snapshot, app_settings.app_settings(), runner,
                     open_folder=opened.append)
    d._test_runner = runner  # type: ignore[attr-defined]  # kept alive with the dialog
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def export(qtbot, dialog: ExportDialog):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def click_radio(qtbot, button: QRadioButton) -> None:  # type: ignore[no-untyped-def]
    """On the indicator: a radio button's middle may lie past its text, where it is no hit."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def match_comments(comments: list[str], expected: list[Finding]) -> None:
    """One comment per finding, each containing its finding's issue, and one on each
    other occurrence of a finding that lists a pattern's occurrences."""
    remaining = list(comments)
    for f in expected:
        hit = next((i for i, text in enumerate(remaining) if f.issue in text), None)
        assert hit is not None, f"no comment for {f.id}: {f.issue}"
        remaining.pop(hit)
        for n, q in enumerate(f.quotes[1:], 2):
            if not q.anchored:
                continue
            short = short_issue(f, n, len(f.quotes))
            hit = next((i for i, text in enumerate(remaining) if short in text), None)
            assert hit is not None, f"no comment on occurrence {n} of {f.id}"
            remaining.pop(hit)
    assert remaining == []


def test_counts_follow_the_choice(qtbot, dialog: ExportDialog, snapshot) -> None:
    counts = snapshot.counts()
    accepted, everything, own = (counts.by_scope[s] for s in Scope)
    assert own == 1 and accepted < everything
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.scope is Scope.ACCEPTED
    # A finding marked at several occurrences is a comment on each: the count says
    # how many comments the reviewer will find in Word (checked against an export
    # in test_enter_exports_the_copy_and_the_chosen_reports).
    comments = counts.comments[Scope.ACCEPTED]
    assert comments > accepted
    assert (f"{accepted} findings will become {comments} comments"
            in dialog.count_label.text())
    assert "pending" in dialog.count_label.text() and "rejected" in dialog.count_label.text()
    click_radio(qtbot, dialog.scope_buttons[Scope.WITH_PENDING])
    assert (f"{everything} findings will become {counts.comments[Scope.WITH_PENDING]} comments"
            in dialog.count_label.text())
    click_radio(qtbot, dialog.scope_buttons[Scope.OWN])
    assert "1 finding will become a comment" in dialog.count_label.text()
    assert dialog.scope_buttons[Scope.OWN].text().endswith("(1)")
    for widget in (dialog.path_edit, dialog.browse_button, dialog.tracked, dialog.author,
                   dialog.initials, dialog.upload_box, dialog.bucket, dialog.prefix,
                   dialog.open_after, dialog.export_button, *dialog.report_boxes.values(),
                   *dialog.scope_buttons.values()):
        assert widget.accessibleName()
    assert dialog.path_edit.text() == str(default_output_path(snapshot.document.path))
    assert not dialog.upload_box.isChecked()
    assert "only thing" in dialog.disclosure.text()


def test_enter_exports_the_copy_and_the_chosen_reports(qtbot, dialog: ExportDialog, snapshot,
                                                       opened) -> None:
    dialog.report_boxes[".html"].setChecked(False)
    dialog.report_boxes[".md"].setChecked(True)
    dialog.report_boxes[".json"].setChecked(True)
    dialog.author.setText("Ada Lovelace")
    dialog.path_edit.setFocus()
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    result = blocker.args[0]
    out = default_output_path(snapshot.document.path)
    assert result.written == [out, out.with_suffix(".md"), out.with_suffix(".json")]
    assert not out.with_suffix(".html").exists()
    seen = inspect(out)
    expected = [f for found in snapshot.select(Scope.ACCEPTED).values() for f in found]
    assert any(f.source == "user" for f in expected)
    assert all(f.decision == "accepted" or f.source == "user" for f in expected)
    match_comments(list(seen.comments.values()), expected)
    # As many comments as the dialog announced before the export.
    assert len(seen.comments) == snapshot.counts().comments[Scope.ACCEPTED]
    assert set(seen.authors.values()) == {"Ada Lovelace"}
    s = result.summary
    assert dialog.status.text().startswith(f"{s.comments} comments: {s.on_quote} on their quote")
    assert out.with_suffix(".md").name in dialog.status.text()
    assert opened == []  # not asked for
    assert not dialog.busy and dialog.export_button.isEnabled()
    saved = load_export_prefs(app_settings.app_settings())
    assert (saved.author, saved.reports) == ("Ada Lovelace", [".md", ".json"])
    assert "already exist" in dialog.paths_note.text()  # exporting again would replace them


def test_only_own_findings(qtbot, dialog: ExportDialog, snapshot) -> None:
    dialog.set_scope(Scope.OWN)
    result = export(qtbot, dialog)
    comments = list(inspect(result.written[0]).comments.values())
    assert len(comments) == 1 and "Mine: say who decided this." in comments[0]


def test_a_folder_that_cannot_be_written_leaves_nothing(qtbot, dialog: ExportDialog,
                                                        tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    out = blocker / "reviews" / "copy.docx"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.export_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    message = failed.args[0]
    assert message.startswith("Nothing was written: cannot write")
    assert dialog.status.text() == message and dialog.status.isVisible()
    assert not out.exists() and blocker.read_text() == "in the way"
    assert not dialog.busy and dialog.export_button.isEnabled()


def test_a_name_that_is_not_a_docx_is_refused_before_anything_runs(qtbot, dialog) -> None:
    dialog.path_edit.setText(str(Path(dialog.path_edit.text()).with_suffix(".txt")))
    with qtbot.waitSignal(dialog.export_failed) as failed:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "must be a .docx file" in failed.args[0]
    assert not dialog.busy


@pytest.fixture
def s3(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def test_upload_puts_the_copy_and_the_report_under_the_prefix(qtbot, dialog: ExportDialog,
                                                              s3, doc, snapshot) -> None:
    dialog.upload_box.setChecked(True)
    dialog.bucket.setText(BUCKET)
    dialog.prefix.setText("reviews/2025/")
    assert f"s3://{BUCKET}/reviews/2025/" in dialog.disclosure.text()
    result = export(qtbot, dialog)
    assert result.upload_error is None
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"])
    assert keys == sorted(f"reviews/2025/{p.name}" for p in result.written)
    assert [Path(k).suffix for k in sorted(keys)] == [".docx", ".html"]
    assert f"Uploaded 2 files to s3://{BUCKET}/reviews/2025/." in dialog.status.text()
    # Bucket and prefix are remembered; the upload itself is asked for every time.
    again = ExportDialog(doc, snapshot, app_settings.app_settings(), JobRunner())
    qtbot.addWidget(again)
    assert (again.bucket.text(), again.prefix.text()) == (BUCKET, "reviews/2025/")
    assert not again.upload_box.isChecked()


def test_cancel_stops_the_upload_and_keeps_the_files(qtbot, dialog: ExportDialog, s3) -> None:
    entered, gate = threading.Event(), threading.Event()

    def slow_session(_target):  # type: ignore[no-untyped-def]
        entered.set()
        gate.wait(TIMEOUT / 1000)
        return boto3.Session(region_name="us-east-1")

    dialog.session_factory = slow_session
    dialog.upload_box.setChecked(True)
    dialog.bucket.setText(BUCKET)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=TIMEOUT)
    assert dialog.busy and dialog.cancel_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # while exporting, Esc cancels
    assert dialog.isVisible() and dialog.status.text() == "Cancelling…"
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as blocker:
        gate.set()
    result = blocker.args[0]
    assert result.upload_cancelled and all(p.is_file() for p in result.written)
    assert "upload was cancelled" in dialog.status.text()
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # idle again: Esc closes
    assert not dialog.isVisible()


def test_the_folder_is_opened_when_asked(qtbot, dialog: ExportDialog, opened) -> None:
    dialog.open_after.setChecked(True)
    result = export(qtbot, dialog)
    assert opened == [result.written[0].parent]


def test_export_prefs_round_trip(tmp_path: Path) -> None:
    ini = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert load_export_prefs(ini) == ExportPrefs()
    prefs = ExportPrefs(author="Ada Lovelace", initials="", tracked_rewrites=True,
                        reports=[".md", ".csv"], s3_bucket="b", s3_prefix="p/q",
                        open_folder=True)
    assert save_export_prefs(ini, prefs)
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert load_export_prefs(again) == prefs
    prefs.reports = []
    save_export_prefs(again, prefs)
    assert load_export_prefs(QSettings(str(tmp_path / "settings.ini"),
                                       QSettings.Format.IniFormat)).reports == []


def test_the_window_review_becomes_a_snapshot(doc: Document, tmp_path: Path) -> None:
    """What the window's session holds, decisions and own findings included."""
    from desktop_app.ai.provider import AnalysisResult

    found = review(doc)
    storage = Storage(lambda: tmp_path / "store")
    session = ReviewSession(doc, FRAMEWORK, storage, ProviderIdentity("local"))
    for sid, findings in found.items():
        model = [f for f in findings if f.source != "user"]
        session.record_result(sid, AnalysisResult(model, None), "built-in reviewer")
        for f in findings:
            if f.source == "user":
                session.add_user_finding(sid, f)
            if f.decision != "pending":
                session.set_decision(f.id, f.decision)
    prefs = app_settings.ReviewPrefs(provider="local")
    snap = snapshot_of(session, prefs, None)
    storage.close()
    expected = ReviewSnapshot.from_findings(doc, found)
    for scope in Scope:
        assert ({sid: [f.id for f in fs] for sid, fs in snap.select(scope).items()}
                == {sid: [f.id for f in fs] for sid, fs in expected.select(scope).items()})
    report = snap.report()
    assert report["framework"]["name"] == FRAMEWORK.name
    assert report["provider"] == {"name": "local", "models": [], "region": None}
    assert {s["status"] for s in report["sections"]} == {"done"}
