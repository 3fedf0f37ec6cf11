"""Settings: values round-trip through settings.ini.

Listing profiles and Test connection run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app.ai.config import DEFAULT_MODELS, Quota
from desktop_app.ai.prices import DEFAULT_PRICES
from desktop_app.ui.settings import store as app_settings
from desktop_app.ui.settings.dialog import SettingsDialog
from desktop_app.ui.window.main_window import MainWindow
from tests.conftest_bedrock import FALLBACK, PRIMARY

TIMEOUT = 10_000



def open_dialog(qtbot, window: MainWindow) -> SettingsDialog:  # type: ignore[no-untyped-def]
    window.action["settings"].trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def set_price(dialog: SettingsDialog, model: str, values: tuple[str, str, str]) -> None:
    table = dialog.prices
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == model)
    for col, value in enumerate(values, start=1):
        table.item(row, col).setText(value)


def test_defaults(qtbot, window: MainWindow) -> None:
    assert window.action["settings"].shortcut().toString() == "Ctrl+,"
    dialog = open_dialog(qtbot, window)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.provider.currentData() == "auto"
    assert dialog.models.toPlainText().splitlines() == list(DEFAULT_MODELS)
    assert dialog.prices.rowCount() == len(DEFAULT_PRICES)
    assert dialog.min_confidence.value() == 0
    dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)


def test_settings_round_trip_through_the_ini_file(qtbot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.provider.setCurrentIndex(dialog.provider.findData("local"))
    dialog.profile.setEditText("work-sso")
    dialog.region.setEditText("eu-west-1")
    dialog.endpoint.setText("https://vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com")
    dialog.models.setPlainText(f"{FALLBACK}\n\n  {PRIMARY}  \n")
    dialog.concurrency.setValue(3)
    dialog.temperature.setValue(0.45)
    dialog.max_tokens.setValue(8192)
    dialog.timeout.setValue(90)
    dialog.min_confidence.setValue(65)
    dialog.frameworks_dir.setText(str(tmp_path))
    set_price(dialog, PRIMARY, ("2.5", "12", "0.25"))
    quotas = dialog.quota_page.table
    assert [quotas.item(r, 0).text() for r in range(quotas.rowCount())] == list(DEFAULT_MODELS)
    quotas.item(0, 1).setText("250")
    quotas.item(0, 2).setText("2,000,000")
    with qtbot.waitSignal(dialog.prefs_accepted):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.settings_dialog is None)

    ini = QSettings(window._settings.fileName(), QSettings.Format.IniFormat)
    assert ini.value("review/provider") == "local"
    assert ini.value("bedrock/profile") == "work-sso"
    assert ini.value("bedrock/models") == [FALLBACK, PRIMARY]
    prefs = app_settings.load_review_prefs(ini)
    c = prefs.bedrock
    assert prefs.provider == "local"
    assert (c.profile, c.region) == ("work-sso", "eu-west-1")
    assert c.endpoint_url == "https://vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com"
    assert c.models == [FALLBACK, PRIMARY]
    assert (c.max_concurrency, c.temperature, c.max_tokens, c.read_timeout) == (3, 0.45, 8192,
                                                                                 90.0)
    assert prefs.min_confidence == 0.65
    assert prefs.frameworks_dir == str(tmp_path)
    assert c.prices[PRIMARY] == (2.5, 12.0, 0.25)
    assert c.prices[FALLBACK] == DEFAULT_PRICES[FALLBACK]
    assert c.quotas == {DEFAULT_MODELS[0]: Quota(250, 2_000_000)}
    assert window.prefs.min_confidence == 0.65
    assert window.findings.model.min_confidence == 0.65
    window.close()

    # A new window, and its Settings, show the same values.
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    dialog = open_dialog(qtbot, again)
    assert dialog.provider.currentData() == "local"
    assert dialog.profile.currentText() == "work-sso"
    assert dialog.region.currentText() == "eu-west-1"
    assert dialog.models.toPlainText() == f"{FALLBACK}\n{PRIMARY}"
    assert dialog.min_confidence.value() == 65
    assert dialog.temperature.value() == pytest.approx(0.45)
    # The chain changed: its models first, then the one that has a quota.
    table = dialog.quota_page.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        FALLBACK, PRIMARY, *(m for m in [DEFAULT_MODELS[0]] if m not in (FALLBACK, PRIMARY))]
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index(DEFAULT_MODELS[0])
    assert (table.item(row, 1).text(), table.item(row, 2).text()) == ("250", "2000000")
    dialog.reject()


def test_invalid_values_keep_the_dialog_open(qtbot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.models.setPlainText("")
    dialog.accept()
    assert dialog.isVisible()
    assert "model chain is empty" in dialog.error.text()
    dialog.models.setPlainText(PRIMARY)
    dialog.endpoint.setText("bedrock.example.com")
    dialog.accept()
    assert dialog.isVisible() and "https://" in dialog.error.text()
    dialog.endpoint.setText("")
    set_price(dialog, PRIMARY, ("cheap", "1", "1"))
    dialog.accept()
    assert dialog.isVisible() and "not a number" in dialog.error.text()
    set_price(dialog, PRIMARY, ("1", "1", "1"))
    dialog.quota_page.table.item(0, 1).setText("lots")
    dialog.accept()
    assert dialog.isVisible() and "requests / min quota" in dialog.error.text()
    dialog.reject()


def test_profiles_include_sso_and_credentials_profiles(
    qtbot, window: MainWindow, isolated_data_dir: Path
) -> None:
    (isolated_data_dir / "aws-config").write_text(
        "[profile dev-sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
        "sso_role_name = Reviewer\nregion = eu-west-1\n"
        "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
        "sso_region = eu-west-1\n", encoding="utf-8")
    (isolated_data_dir / "aws-credentials").write_text(
        "[legacy-keys]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n",
        encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    combo = dialog.profile

    def items() -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    qtbot.waitUntil(lambda: "dev-sso" in items(), timeout=TIMEOUT)
    assert "legacy-keys" in items()
    assert combo.currentText() == ""  # the saved choice (none) is kept
    dialog.reject()


def test_test_connection_shows_identity_and_models(
    qtbot, window: MainWindow, fake_bedrock
) -> None:
    from moto import mock_aws

    fake_bedrock.deny(FALLBACK)
    dialog = open_dialog(qtbot, window)
    dialog.region.setEditText("us-east-1")
    dialog.endpoint.setText(fake_bedrock.url)
    dialog.models.setPlainText(f"{PRIMARY}\n{FALLBACK}")
    with mock_aws():  # STS from moto; bedrock-runtime on 127.0.0.1 passes through
        with qtbot.waitSignal(dialog.test_finished, timeout=TIMEOUT) as blocker:
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            assert not dialog.test_button.isEnabled()  # running, and the dialog still answers
            assert dialog.test_button.text() == "Testing…"
    lines = blocker.args[0]
    assert lines[0].startswith("Signed in as arn:aws:")
    assert f"{PRIMARY}: OK" in lines
    shown = dialog.test_output.toPlainText()
    assert f"✓ {PRIMARY}: OK" in shown
    assert f"✗ {FALLBACK}: denied" in shown
    assert dialog.test_button.isEnabled()
    dialog.reject()


def test_test_connection_failure_is_shown_plainly(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ai import connection

    def broken(config):  # type: ignore[no-untyped-def]
        raise RuntimeError("proxy refused the connection")

    monkeypatch.setattr(connection, "test_connection", broken)
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.test_finished, timeout=TIMEOUT):
        dialog.test_button.click()
    assert "✗ Test failed: proxy refused the connection" in dialog.test_output.toPlainText()
    dialog.reject()


def test_without_credentials_test_connection_says_how_to_sign_in(
    qtbot, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.region.setEditText("us-east-1")
    with qtbot.waitSignal(dialog.test_finished, timeout=TIMEOUT) as blocker:
        dialog.test_button.click()
    [line] = blocker.args[0]
    assert "aws configure" in line or "aws sso login" in line
    dialog.reject()


def test_new_settings_switch_the_reviewer(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from tests.qt.review_doubles import make_flawed_docx

    path = make_flawed_docx(tmp_path / "flawed.docx")
    with qtbot.waitSignal(window.review.provider_ready, timeout=TIMEOUT):
        window.open_path(path)
    assert "no AWS credentials found" in window.status_bar.provider_notice.text()
    dialog = open_dialog(qtbot, window)
    dialog.provider.setCurrentIndex(dialog.provider.findData("local"))
    with qtbot.waitSignal(window.review.provider_ready, timeout=TIMEOUT) as blocker:
        dialog.accept()
    assert blocker.args[0].offline
    assert "chosen in Settings" in window.status_bar.provider_notice.text()


def test_bedrock_chosen_without_credentials_says_there_is_no_reviewer(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The same choice `margin review --provider bedrock` refuses with exit 4: said at
    once, not after every section has failed."""
    from dataclasses import replace

    from tests.qt.review_doubles import make_flawed_docx
    from tests.qt.window_helpers import visible_boxes

    path = make_flawed_docx(tmp_path / "flawed.docx")
    with qtbot.waitSignal(window.review.provider_ready, timeout=TIMEOUT):
        window.open_path(path)
    with qtbot.waitSignal(window.review.provider_failed, timeout=TIMEOUT) as blocker:
        window.apply_prefs(replace(window.prefs, provider="bedrock"))
    assert blocker.args[0].startswith("no AWS credentials found")
    notice = window.status_bar.provider_notice.text()
    assert notice.startswith("No reviewer: no AWS credentials found")
    (box,) = visible_boxes(window)
    assert box.objectName() == "providerErrorBox" and "aws sso login" in box.informativeText()
    box.close()


def test_context_consistency_and_the_estimate_threshold_are_kept(qtbot, window: MainWindow
                                                                  ) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.context.currentData() == "auto"
    assert not dialog.consistency.isChecked()
    assert dialog.ask_above.value() == 0.0 and dialog.ask_above.text() == "always"
    dialog.context.setCurrentIndex(dialog.context.findData("related"))
    dialog.consistency.setChecked(True)
    dialog.ask_above.setValue(2.5)
    dialog.accept()
    assert (window.prefs.context, window.prefs.consistency, window.prefs.ask_above_usd) == (
        "related", True, 2.5)
    window.save_state()
    saved = app_settings.load_review_prefs(QSettings(window._settings.fileName(),
                                                     QSettings.Format.IniFormat))
    assert (saved.context, saved.consistency, saved.ask_above_usd) == ("related", True, 2.5)
    assert saved.context_mode == "related"
