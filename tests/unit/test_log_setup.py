"""The log file: where it is, what a line says, rotation, and what never reaches it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.diagnostics import log_setup
from desktop_app.diagnostics.log_setup import configure_logging, remove_logging
from desktop_app.diagnostics.redaction import redact

FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"  # AWS's documented example shape
FAKE_TOKEN = "IQoJb3JpZ2luX2VjEFAKEFAKEFAKEtokenvalue0123456789abcdef"
FAKE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


@pytest.fixture
def log_file(isolated_data_dir: Path) -> Iterator[Path]:
    path = configure_logging(isolated_data_dir)
    yield path
    remove_logging()


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_is_in_the_data_folder_and_says_when_where_and_who(
        log_file: Path, isolated_data_dir: Path) -> None:
    assert log_file == isolated_data_dir / "logs" / "margin.log"
    worker = threading.Thread(target=lambda: logging.getLogger("desktop_app.ai.bedrock").info(
        "model answered in %.1f s", 2.5), name="analysis-3")
    worker.start()
    worker.join()
    line = read(log_file).splitlines()[-1]
    assert line.endswith("INFO    desktop_app.ai.bedrock [analysis-3] model answered in 2.5 s")
    assert line[:4].isdigit() and line[4] == "-"  # starts with the date and time


def test_configuring_twice_adds_no_second_handler(log_file: Path,
                                                  isolated_data_dir: Path) -> None:
    before = list(logging.getLogger().handlers)
    assert configure_logging(isolated_data_dir) == log_file
    assert logging.getLogger().handlers == before
    logging.getLogger("desktop_app").warning("said once")
    assert read(log_file).count("said once") == 1


def test_warnings_are_echoed_on_stderr_info_is_not(log_file: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    logging.getLogger("desktop_app.store").warning("the store is locked")
    logging.getLogger("desktop_app.store").info("opened the store")
    assert capsys.readouterr().err == "the store is locked\n"
    assert "opened the store" in read(log_file)


def test_removing_puts_levels_back(isolated_data_dir: Path) -> None:
    root = logging.getLogger()
    level = root.level
    configure_logging(isolated_data_dir)
    assert root.level == logging.INFO
    remove_logging()
    assert root.level == level
    assert not [h for h in root.handlers if h.get_name() == "margin"]


def test_startup_line_names_versions_not_user_data(log_file: Path) -> None:
    log_setup.log_startup("window")
    line = read(log_file).splitlines()[-1]
    assert f"Margin {__version__} window started: Python 3." in line


def test_rotation_keeps_three_backups_of_a_megabyte(log_file: Path) -> None:
    log = logging.getLogger("desktop_app.test")
    chunk = "x" * 1000
    for i in range(4_500):  # ~4.5 MB: margin.log plus .1 .2 .3, and one dropped
        log.info("%05d %s", i, chunk)
    folder = log_file.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "margin.log", "margin.log.1", "margin.log.2", "margin.log.3"]
    assert all(p.stat().st_size <= log_setup.MAX_BYTES for p in folder.iterdir())
    assert "04499 x" in read(log_file)


def test_credentials_never_reach_the_log(log_file: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", FAKE_SECRET)
    monkeypatch.setenv("AWS_SESSION_TOKEN", FAKE_TOKEN)
    log = logging.getLogger("desktop_app.ai.aws")
    log.warning("resolved credentials %s / %s", FAKE_KEY_ID, FAKE_SECRET)
    log.info("config: {'aws_session_token': '%s', 'region': 'eu-west-1'}", "other-token-1234567")
    log.info("headers: Authorization: AWS4-HMAC-SHA256 Credential=%s/20250101/eu-west-1/"
             "bedrock/aws4_request, SignedHeaders=host, Signature=abc123", FAKE_KEY_ID)
    log.info("X-Amz-Security-Token: %s", FAKE_TOKEN)
    log.info("shared https://b.s3.amazonaws.com/r.html?X-Amz-Credential=ASIAXXXXXXXXXXXXXXXX"
             "%%2F20250101&X-Amz-Signature=deadbeef&X-Amz-Date=20250101")
    try:
        raise RuntimeError(f"signing failed for aws_secret_access_key={FAKE_SECRET}")
    except RuntimeError:
        log.exception("a call failed with token %s", FAKE_TOKEN)
    text, echoed = read(log_file), capsys.readouterr().err
    assert echoed.startswith("resolved credentials [redacted] / [redacted]\n")
    for secret in (FAKE_SECRET, FAKE_TOKEN, FAKE_KEY_ID, "other-token-1234567", "abc123",
                   "ASIAXXXXXXXXXXXXXXXX", "deadbeef"):
        assert secret not in text
        assert secret not in echoed  # the stderr echo is scrubbed as well
    assert "RuntimeError: signing failed for aws_secret_access_key=[redacted]" in text
    assert "region': 'eu-west-1'" in text  # what is not a secret stays readable
    assert "X-Amz-Date=20250101" in text


def test_redaction_leaves_ordinary_text_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")  # too short to hunt for
    text = "testing 40 sections; sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12; session ended"
    assert redact(text) == text


def test_botocore_debug_never_reaches_the_file(log_file: Path) -> None:
    # botocore at DEBUG logs request bodies: the document text itself.
    logging.getLogger("botocore.endpoint").debug("Making request with body: SECRET SECTION")
    logging.getLogger("urllib3.connectionpool").info("Starting new HTTPS connection")
    assert logging.getLogger("botocore.endpoint").getEffectiveLevel() >= logging.WARNING
    text = read(log_file)
    assert "SECRET SECTION" not in text and "Starting new HTTPS" not in text


def test_an_unusable_logs_folder_never_stops_margin(isolated_data_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.diagnostics.crash_log import enable_crash_log

    (isolated_data_dir / "logs").write_text("a file where the folder should be")
    try:
        assert configure_logging(isolated_data_dir) is None
        assert enable_crash_log(isolated_data_dir) is None  # and faulthandler left alone
    finally:
        remove_logging()
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"no log file: {isolated_data_dir / 'logs' / 'margin.log'}: ")
    assert err[1].startswith(f"crash log unavailable at {isolated_data_dir / 'logs'}")
