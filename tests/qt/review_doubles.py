"""Test doubles for the window's analysis: providers behind `MainWindow.provider_factory`."""

from __future__ import annotations

import threading
from pathlib import Path

import docx

from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.document import Document
from desktop_app.review.findings import Finding
from desktop_app.session import ProviderSetup
from desktop_app.ui.settings.store import ReviewPrefs

DETAILS = "Revenue fell by 4% in March. The cause is described in the the appendix."


def make_flawed_docx(path: Path, details: str = DETAILS) -> Path:
    """Obvious flaws the built-in reviewer must catch: a repeated word, TODO, TBD.

    `details`: the text of the "Details" section (a second version of the document).
    """
    d = docx.Document()
    d.add_heading("Flawed report", level=0)
    d.add_heading("Summary", level=1)
    d.add_paragraph("The the report was written by the team. TODO: add numbers.")
    d.add_heading("Details", level=1)
    d.add_paragraph(details)
    d.add_heading("Owners", level=1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Action"
    table.cell(0, 1).text = "Owner"
    table.cell(1, 0).text = "Fix alerts"
    table.cell(1, 1).text = "TBD"
    d.save(str(path))
    return path


class ScriptedProvider:
    """Quotes each section's first three words; can fail or block on demand."""

    name = "scripted"

    def __init__(self) -> None:
        self.error: ProviderError | None = None  # raised by every call while set
        self.gate: threading.Event | None = None  # calls wait here (cancellable) while set
        self.started = threading.Semaphore(0)  # released as each call begins
        self.calls = 0
        self.take = ""  # appended to each issue: a different answer, with new finding ids
        self._lock = threading.Lock()

    @property
    def models(self) -> list[str]:
        return ["scripted-1"]

    def cache_identity(self) -> str:
        return "scripted/v1"

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult:
        with self._lock:
            self.calls += 1
        self.started.release()
        gate = self.gate
        if gate is not None:
            while not gate.wait(0.01):
                if cancel.cancelled:
                    raise Cancelled()
        if self.error is not None:
            raise self.error
        quote = " ".join(request.text.split()[:3])
        finding = Finding("clarity", "major", 0.9, quote, f"Issue in {request.title}{self.take}",
                          "Say it plainly.", ["GW-01"], rewrite="A plainer start")
        return AnalysisResult([finding], "scripted-1", Usage(requests=1))


def factory_for(provider: ScriptedProvider, threads: int = 2):  # type: ignore[no-untyped-def]
    def factory(document: Document, prefs: ReviewPrefs) -> ProviderSetup:
        return ProviderSetup(provider, offline=False, notice="Scripted test reviewer",
                             threads=threads)

    return factory


SERVICE_DOWN = ProviderError(FailureKind.SERVICE,
                             "scripted-1: the service is unavailable (HTTP 503) after 5 attempts")
