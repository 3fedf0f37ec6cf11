"""`margin --self-test`: is this build whole? Offscreen, in a temporary data folder.

It does what a reviewer's first minute does — open the bundled sample in the
window, review it with the built-in reviewer, export a reviewed copy — and
checks each result, so a data file or hidden import a bundle left out fails
here rather than on a reviewer's desktop. Each check prints one line; the exit
code is 0 when all pass, 1 with the first failure's reason otherwise.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EXIT_OK, EXIT_FAILED = 0, 1


class SelfTestFailure(Exception):
    """A check found the build broken; the message says what is missing."""


def run(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    user_data = os.environ.get("MARGIN_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="margin-self-test-") as tmp:
        # Never the reviewer's own store, settings or recent files.
        os.environ["MARGIN_DATA_DIR"] = str(Path(tmp) / "data")
        try:
            failure = _run_checks(_Checks(Path(tmp)), out)
        finally:
            if user_data is None:
                os.environ.pop("MARGIN_DATA_DIR", None)
            else:
                os.environ["MARGIN_DATA_DIR"] = user_data
    if failure:
        return EXIT_FAILED
    print(f"self-test passed in {time.perf_counter() - started:.2f} s", file=out)
    # Nothing left matters: spare the interpreter's last collection over the
    # window's object graph at exit (~0.3 s of a 2 s budget).
    gc.freeze()
    return EXIT_OK


def _run_checks(checks: _Checks, out: TextIO) -> bool:
    """Runs the checks in order; True when one failed (and said why)."""
    for name, check in checks.all():
        t0 = time.perf_counter()
        try:
            detail = check()
        except SelfTestFailure as exc:
            print(f"FAIL {name}: {exc}", file=out)
            return True
        except Exception as exc:  # noqa: BLE001 - a broken build fails in any way
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out)
            return True
        print(f"ok   {name} ({detail}, {time.perf_counter() - t0:.2f} s)", file=out)
    return False


class _Checks:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.sections = 0
        self.report: dict = {}

    def all(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("resources", self.resources),
            ("window", self.window),
            ("review", self.review),
            ("export", self.export),
            ("aws", self.aws),
        ]

    def resources(self) -> str:
        from desktop_app import paths
        from desktop_app.review.frameworks import available_frameworks

        sample = paths.sample_document()
        if not sample.is_file():
            raise SelfTestFailure(f"the sample document is missing: {sample}")
        icon = paths.resources_dir() / "icons" / "margin.png"
        if not icon.is_file():
            raise SelfTestFailure(f"the app icon is missing: {icon}")
        frameworks = available_frameworks()
        if not frameworks:
            raise SelfTestFailure("no review frameworks found in the resources")
        return f"{len(frameworks)} frameworks, sample, icon"

    def window(self) -> str:
        """The real window, offscreen: Qt plugins, styles and fonts load, the sample opens."""
        from PySide6.QtCore import qInstallMessageHandler

        from desktop_app.app import create_application
        from desktop_app.ui.window.main_window import MainWindow

        def qt_message(_kind, _context, message: str) -> None:
            # The offscreen platform cannot size a native frame; nothing is wrong.
            if "propagateSizeHints" not in message:
                print(f"Qt: {message}", file=sys.stderr)

        previous = qInstallMessageHandler(qt_message)
        try:
            return self._window(create_application(), MainWindow)
        finally:
            qInstallMessageHandler(previous)

    def _window(self, app, MainWindow) -> str:  # noqa: N803 - the class, imported late
        from desktop_app import paths
        from desktop_app.ui.common.about_dialog import version_info

        unknown = [name for name, version in version_info() if version == "not found"]
        if unknown:
            raise SelfTestFailure(f"About cannot tell the version of {', '.join(unknown)}: "
                                  "the package metadata is missing")
        window = MainWindow()
        loaded: list = []
        refused: list[str] = []
        window.document_loaded.connect(loaded.append)
        window.document_refused.connect(refused.append)
        window.show()
        window.open_path(str(paths.sample_document()))
        deadline = time.monotonic() + 10
        while not (loaded or refused) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)
        try:
            if refused:
                raise SelfTestFailure(f"the window refused the sample: {refused[0]}")
            if not loaded:
                raise SelfTestFailure("the window did not open the sample within 10 s")
            self.sections = sum(1 for _ in loaded[0].walk())
            app.processEvents()  # lay out and paint the loaded document
            handle = window.windowHandle()
            if handle is None or not handle.isExposed():
                raise SelfTestFailure("the window was not put on screen")
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
        return f"{self.sections} sections shown"

    def review(self) -> str:
        """The headless engine: dispatcher, built-in reviewer, store, JSON report."""
        from desktop_app import paths
        from desktop_app.cli_review import run as review

        report_path = self.work / "report.json"
        self.copy = self.work / "reviewed.docx"
        code = review([str(paths.sample_document()), "--provider", "local", "--accept-all",
                       "--quiet", "--report", str(report_path), "--out", str(self.copy)])
        if code != 0:
            raise SelfTestFailure(f"the built-in review exited with {code}")
        self.report = json.loads(report_path.read_text(encoding="utf-8"))
        sections = self.report["sections"]
        not_done = [s["title"] for s in sections if s["status"] != "done"]
        if not_done:
            raise SelfTestFailure(f"sections not reviewed: {', '.join(not_done)}")
        if len(sections) != self.sections:
            raise SelfTestFailure(f"the report has {len(sections)} sections, "
                                  f"the window showed {self.sections}")
        findings = sum(len(s["findings"]) for s in sections)
        if findings == 0:
            raise SelfTestFailure("the built-in reviewer found nothing in the sample, "
                                  "which has planted flaws")
        self.findings = findings
        # A finding about the document as a whole is a comment on each of its quotes, and
        # one about a pattern that recurs in a section a comment on each occurrence.
        from desktop_app.export.document_comments import MAX_OCCURRENCES

        occurrences = sum(min(MAX_OCCURRENCES - 1, sum(q["anchored"] for q in f["quotes"][1:]))
                          for s in sections for f in s["findings"] if f.get("quotes"))
        self.comments = findings + occurrences + sum(
            len(d["quotes"]) for d in self.report.get("document_findings", []))
        return f"{findings} findings in {len(sections)} sections"

    def export(self) -> str:
        """The copy is a Word document with one real comment per finding."""
        from desktop_app.document import DocumentError, load

        try:
            reopened = load(self.copy)
        except DocumentError as err:
            raise SelfTestFailure(f"the reviewed copy does not open: {err.reason}") from err
        with zipfile.ZipFile(self.copy) as package:
            names = set(package.namelist())
            if "word/comments.xml" not in names:
                raise SelfTestFailure("the reviewed copy has no comments part")
            comments = etree.fromstring(package.read("word/comments.xml"))
            body = etree.fromstring(package.read("word/document.xml"))
        count = len(comments.findall(f"{{{W_NS}}}comment"))
        if count != self.comments:
            raise SelfTestFailure(f"{count} comments for {self.findings} findings and "
                                  f"{self.comments - self.findings} more places of findings "
                                  "about several")
        references = len(body.findall(f".//{{{W_NS}}}commentReference"))
        if references != count:
            raise SelfTestFailure(f"{references} comment marks in the text for {count} comments")
        if sum(1 for _ in reopened.walk()) != self.sections:
            raise SelfTestFailure("the reviewed copy's sections differ from the original's")
        return f"{count} Word comments"

    def aws(self) -> str:
        """botocore's service models for the calls Margin makes (no request is sent)."""
        import boto3

        session = boto3.session.Session(aws_access_key_id="self-test",
                                        aws_secret_access_key="self-test",
                                        region_name="us-east-1")
        services = ("bedrock-runtime", "bedrock", "sts", "s3")
        try:
            session.client("bedrock-runtime")  # endpoints, partitions, retry config
            # The other models are only listed: parsing S3's alone costs ~40 ms.
            bundled = set(session.get_available_services())
        except Exception as exc:  # noqa: BLE001 - UnknownServiceError, DataNotFoundError
            raise SelfTestFailure(f"botocore cannot serve Margin's AWS calls: {exc}") from exc
        missing = [name for name in services if name not in bundled]
        if missing:
            raise SelfTestFailure(f"botocore cannot serve Margin's AWS calls: no service model "
                                  f"for {', '.join(missing)}")
        return ", ".join(services)
