"""File → Review Folder… in the window: the dialog, the Reviews list's live rows, a document
opened into its own review while the folder runs, Cancel, and a batch job resumed at start."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.session import ProviderSetup, SectionStatus
from desktop_app.session.folder import DocumentState
from tests.conftest_batch import ROLE
from tests.qt.review_doubles import ScriptedProvider, factory_for, make_flawed_docx
from tests.qt.window_helpers import TIMEOUT, new_window, section, status_text

FOLDER_TIMEOUT = 30_000


def make_folder(root: Path, count: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, count + 1):
        make_flawed_docx(root / f"report {i}.docx", details=f"Revenue fell by {i}% in March.")
    (root / "notes.txt").write_text("not a document")
    return root


def start_from_dialog(qtbot, window, folder: Path, *, batch: bool = False,  # type: ignore[no-untyped-def]
                      s3: str = "") -> None:
    window.choose_folder()
    dialog = window.folder_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.choose(str(folder))
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=TIMEOUT)
    assert "3 documents found; 1 other file skipped (notes.txt: not a .docx file)" \
        in dialog.found_label.text()
    if batch:
        dialog.batch.setChecked(True)
        dialog.s3.setText(s3)
        dialog.role.setText(ROLE)
        dialog.min_records.setValue(3)
        qtbot.waitUntil(lambda: dialog.estimate is not None, timeout=TIMEOUT)
        assert "batch ~$" in dialog.estimate_label.text()
        assert "cheaper" in dialog.estimate_label.text()
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(window.folder.started, timeout=TIMEOUT):
        dialog.start_button.click()


def test_a_folder_is_reviewed_with_its_documents_rows_live_in_the_reviews_list(qtbot, tmp_path):
    provider = ScriptedProvider()
    window = new_window(qtbot)
    window.provider_factory = factory_for(provider)
    folder = make_folder(tmp_path / "in")
    assert window.action["review_folder"].isEnabled()
    with qtbot.waitSignal(window.folder.finished, timeout=FOLDER_TIMEOUT) as done:
        start_from_dialog(qtbot, window, folder)
        dialog = window.reviews_dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert dialog.folder_view is not None
        assert not window.action["review_folder"].isEnabled()
        assert window.action["cancel_folder"].isEnabled()
    progress = done.args[0]
    assert progress.documents == 3 and progress.documents_finished == 3
    view = dialog.folder_view
    rows = [view.table.topLevelItem(i) for i in range(view.table.topLevelItemCount())]
    assert [r.text(0) for r in rows] == ["report 1.docx", "report 2.docx", "report 3.docx"]
    assert all(r.text(1) == "Done" and r.text(2) == "4 / 4" for r in rows)
    assert all("major" in r.text(3) for r in rows)
    # Each document became a review of its own: the stored list has them.
    qtbot.waitUntil(lambda: len(dialog.reviews()) == 3, timeout=TIMEOUT)
    assert "3 of 3 documents" in view.totals.text()
    assert not window.status_bar.folder_label.isVisible()  # the run is over
    # Sections with the same text in several documents (here all but "Details") are
    # answered once: the result cache is keyed by text, across documents too.
    assert provider.calls == 6
    window.close()


def test_a_document_opens_into_its_own_review_while_the_folder_runs(qtbot, tmp_path):
    provider = ScriptedProvider()
    provider.gate = threading.Event()
    window = new_window(qtbot)
    window.provider_factory = factory_for(provider, threads=2)
    folder = make_folder(tmp_path / "in")
    start_from_dialog(qtbot, window, folder)
    view = window.reviews_dialog.folder_view
    qtbot.waitUntil(lambda: window.folder.entries[0].state is DocumentState.RUNNING,
                    timeout=TIMEOUT)
    assert window.status_bar.folder_label.isVisible()
    assert "Folder: 0 of 3 documents" in window.status_bar.folder_label.text()
    view.table.setCurrentItem(view.table.topLevelItem(0))
    with qtbot.waitSignal(window.document_loaded, timeout=TIMEOUT) as loaded:
        view.open_button.click()
    doc = loaded.args[0]
    held = window.folder.run.session_for(str(folder / "report 1.docx"))
    assert held is not None and window.review.session is held  # the very same review
    assert window.reviews_dialog is not None and window.reviews_dialog.isVisible()
    provider.gate.set()  # the answers come: the tree shows them as they arrive
    qtbot.waitUntil(lambda: status_text(window, section(doc, "Summary")).startswith("Done"),
                    timeout=FOLDER_TIMEOUT)
    with qtbot.waitSignal(window.folder.finished, timeout=FOLDER_TIMEOUT):
        pass
    # The document's review stays open in the window after its folder run ended.
    assert window.review.session is held and not held.closed
    window.select_section(section(doc, "Summary").id)
    assert window.findings.list.model().rowCount() >= 1
    window.close()


def test_cancel_stops_the_folder_and_keeps_what_is_done(qtbot, tmp_path, isolated_data_dir):
    provider = ScriptedProvider()
    provider.gate = threading.Event()
    window = new_window(qtbot)
    window.provider_factory = factory_for(provider, threads=1)
    folder = make_folder(tmp_path / "in")
    start_from_dialog(qtbot, window, folder)
    qtbot.waitUntil(lambda: provider.calls >= 1, timeout=TIMEOUT)
    provider.gate.set()
    qtbot.waitUntil(lambda: window.folder.entries[0].done >= 1, timeout=FOLDER_TIMEOUT)
    provider.gate.clear()
    with qtbot.waitSignal(window.folder.finished, timeout=FOLDER_TIMEOUT):
        window.action["cancel_folder"].trigger()
    states = [e.state for e in window.folder.entries]
    assert DocumentState.DONE not in states[1:] and DocumentState.CANCELLED in states
    with sqlite3.connect(isolated_data_dir / "margin.sqlite3") as conn:
        done = conn.execute("SELECT COUNT(*) FROM review_sections WHERE status = 'done'"
                            ).fetchone()[0]
    assert done >= 1  # what was answered before Cancel is stored
    assert window.action["review_folder"].isEnabled()
    window.close()


# -- batch ---------------------------------------------------------------------------------


@pytest.fixture
def batch_window_env(monkeypatch, fake_bedrock, fake_batch, moto_s3_url):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AWS_ENDPOINT_URL_BEDROCK", fake_bedrock.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", moto_s3_url)
    monkeypatch.setenv("MARGIN_BATCH_POLL_SECONDS", "0.02")


def bedrock_factory(bedrock_config):  # type: ignore[no-untyped-def]
    def factory(document, prefs) -> ProviderSetup:  # type: ignore[no-untyped-def]
        return ProviderSetup(BedrockProvider(bedrock_config()), offline=False,
                             notice="Amazon Bedrock (fake)", threads=4)

    return factory


def test_a_batch_folder_review_in_the_window_and_its_statistics(
        qtbot, tmp_path, batch_window_env, bedrock_config, fake_bedrock, fake_batch,
        batch_bucket):
    window = new_window(qtbot)
    window.prefs.provider = "bedrock"
    window.provider_factory = bedrock_factory(bedrock_config)
    folder = make_folder(tmp_path / "in")
    with qtbot.waitSignal(window.folder.finished, timeout=FOLDER_TIMEOUT):
        start_from_dialog(qtbot, window, folder, batch=True, s3=f"s3://{batch_bucket}/window")
    assert fake_batch.count("create") == 1 and not fake_bedrock.requests
    assert all(e.state is DocumentState.DONE for e in window.folder.entries)
    # A document of the batch opens into its review; the statistics say what batch cost.
    with qtbot.waitSignal(window.document_loaded, timeout=TIMEOUT) as loaded:
        window.open_path(folder / "report 2.docx")
    doc = loaded.args[0]
    assert window.review.status(section(doc, "Summary").id) is SectionStatus.DONE
    window.refresh_statistics()
    details = window.statistics.details.text()
    assert "(batch)" in details and "batch jobs: $" in details
    window.close()


def test_a_batch_job_left_running_at_close_is_resumed_at_the_next_start(
        qtbot, tmp_path, batch_window_env, bedrock_config, fake_bedrock, fake_batch,
        batch_bucket):
    fake_batch.hold = True
    window = new_window(qtbot)
    window.prefs.provider = "bedrock"
    window.provider_factory = bedrock_factory(bedrock_config)
    folder = make_folder(tmp_path / "in")
    start_from_dialog(qtbot, window, folder, batch=True, s3=f"s3://{batch_bucket}/window")
    qtbot.waitUntil(lambda: fake_batch.count("get") >= 4, timeout=FOLDER_TIMEOUT)
    qtbot.waitUntil(lambda: "InProgress" in window.status_bar.folder_label.text(),
                    timeout=TIMEOUT)
    window.close()  # the job runs on in Bedrock
    assert fake_batch.count("stop") == 0
    fake_batch.release()

    # The next start finds the job in the store, shows it and collects it.
    again = new_window_with_factory(qtbot, bedrock_factory(bedrock_config))
    with qtbot.waitSignal(again.folder.finished, timeout=FOLDER_TIMEOUT):
        pass
    assert fake_batch.count("create") == 1
    assert all(e.state is DocumentState.DONE for e in again.folder.entries)
    assert len(again.folder.entries) == 3
    again.close()


def new_window_with_factory(qtbot, factory):  # type: ignore[no-untyped-def]
    """A window whose provider factory is set before its start-up resumes batch jobs."""
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow()
    window.prefs.provider = "bedrock"
    window.review.provider_factory = factory
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_cancel_stops_the_batch_job(qtbot, tmp_path, batch_window_env, bedrock_config,
                                    fake_bedrock, fake_batch, batch_bucket):
    fake_batch.hold = True
    window = new_window(qtbot)
    window.prefs.provider = "bedrock"
    window.provider_factory = bedrock_factory(bedrock_config)
    folder = make_folder(tmp_path / "in")
    start_from_dialog(qtbot, window, folder, batch=True, s3=f"s3://{batch_bucket}/window")
    qtbot.waitUntil(lambda: fake_batch.count("get") >= 3, timeout=FOLDER_TIMEOUT)
    with qtbot.waitSignal(window.folder.finished, timeout=FOLDER_TIMEOUT):
        window.reviews_dialog.folder_view.cancel_button.click()
    assert fake_batch.count("stop") == 1
    assert all(e.state is DocumentState.CANCELLED for e in window.folder.entries)
    assert not fake_bedrock.requests
    window.close()

