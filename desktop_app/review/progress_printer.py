"""Progress of `margin review` on stderr: a live bar on a terminal, lines otherwise.

Both say when Bedrock throttles and the pace Margin settled on ("throttled:
42 requests/min"): on the bar as it changes, as a line (at most once a
minute, and whenever throttling starts or stops) otherwise.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from desktop_app.ai.pacer import describe

PACE_LINE_EVERY = 60.0  # seconds between pace lines in a log, while it keeps changing


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "ETA --"
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"ETA {seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"ETA {seconds // 60}m{seconds % 60:02d}s"
    return f"ETA {seconds}s"


class _Lines:
    """Lines on stderr that a progress bar (on a terminal) makes way for."""

    def __init__(self, quiet: bool, stream: TextIO | None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar_shown = False

    def _line(self, text: str) -> None:
        if self.quiet:
            return
        if self._bar_shown:
            self.stream.write("\r\x1b[K")
            self._bar_shown = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def note(self, text: str) -> None:
        """A line of its own (a pass over the whole document, a notice)."""
        self._line(text)


class ProgressPrinter(_Lines):
    def __init__(self, titles: dict[str, str], *, quiet: bool = False,
                 stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(quiet, stream)
        self.titles = titles
        self._count = 0
        self._clock = clock
        self._pace_said = ""  # the last pace line written (not a terminal)
        self._pace_said_at = -float("inf")



    def section_done(self, sid: str, findings: int, cached: bool) -> None:
        self._count += 1
        if not self.tty:
            origin = " (stored)" if cached else ""
            self._line(f"[{self._count}/{len(self.titles)}] done: {self.titles.get(sid, sid)} - "
                       f"{findings} finding{'s' * (findings != 1)}{origin}")

    def section_failed(self, sid: str, reason: str) -> None:
        self._count += 1
        self._line(f"[{self._count}/{len(self.titles)}] FAILED: {self.titles.get(sid, sid)}: "
                   f"{reason}")

    def progress(self, p) -> None:  # the dispatcher's Progress (total, finished, eta, pace…)
        if self.quiet or p.total == 0:
            return
        pace = describe(getattr(p, "pace", None))
        if not self.tty:
            self._pace_line(pace, getattr(getattr(p, "pace", None), "model", ""))
            return
        width = 30
        filled = int(width * p.finished / p.total)
        bar = "█" * filled + "░" * (width - filled)
        extra = f", {p.failed} failed" if p.failed else ""
        self.stream.write(f"\r\x1b[K{bar} {p.finished}/{p.total} sections{extra}  "
                          f"{format_eta(p.eta_seconds)}{'  ' + pace if pace else ''}")
        self.stream.flush()
        self._bar_shown = True

    def _pace_line(self, pace: str, model: str) -> None:
        now = self._clock()
        was = self._pace_said
        started_or_stopped = was.split(":")[0] != pace.split(":")[0]
        if pace == was or not (started_or_stopped or now - self._pace_said_at >= PACE_LINE_EVERY):
            return
        self._pace_said, self._pace_said_at = pace, now
        if pace:
            self._line(f"Bedrock {model + ' ' if model else ''}{pace}")
        elif was.startswith("throttled"):
            self._line("Bedrock no longer throttling")

    def close(self) -> None:
        if self._bar_shown and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False


class FolderPrinter(_Lines):
    """Progress of `margin review` over several documents: a line per document as it
    ends (and per failed section), a bar over documents and sections on a terminal;
    the batch job's state and Bedrock's pace as lines when they change."""

    def __init__(self, total: int, *, quiet: bool = False, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(quiet, stream)
        self.total = total
        self._count = 0
        self._batch_said = ""
        self._pace = ProgressPrinter({}, quiet=quiet, stream=self.stream, clock=clock)


    def document_done(self, name: str, sections: int, stored: int, failed: int,
                      findings: int) -> None:
        self._count += 1
        origin = f", {stored} stored" if stored else ""
        if failed:
            head = f"[{self._count}/{self.total}] FAILED: {name} - {failed} of {sections} " \
                   f"sections not reviewed"
        else:
            head = f"[{self._count}/{self.total}] done: {name} - {sections} " \
                   f"section{'s' * (sections != 1)}{origin}"
        self._line(f"{head}, {findings} finding{'s' * (findings != 1)}")

    def document_refused(self, line: str) -> None:
        """`line`: "margin: cannot open FILE: REASON", said as for one document."""
        self._count += 1
        self._line(line)

    def document_not_reviewed(self, name: str) -> None:
        self._count += 1
        self._line(f"[{self._count}/{self.total}] not reviewed: {name}")

    def section_failed(self, name: str, title: str, reason: str) -> None:
        self._line(f"  FAILED: {name} › {title}: {reason}")

    def batch(self, text: str) -> None:
        if text != self._batch_said:
            self._batch_said = text
            self._line(text)

    def progress(self, p) -> None:  # FolderProgress
        if self.quiet:
            return
        pace = describe(getattr(p, "pace", None))
        if not self.tty:
            self._pace._pace_line(pace, getattr(getattr(p, "pace", None), "model", ""))
            return
        width = 24
        done = p.documents_finished
        filled = int(width * done / p.documents) if p.documents else width
        bar = "█" * filled + "░" * (width - filled)
        extra = f", {p.sections_failed} failed" if p.sections_failed else ""
        sections = f"{p.sections_finished}/{p.sections_total}"
        if p.unopened:
            sections += "+"
        self.stream.write(f"\r\x1b[K{bar} {done}/{p.documents} documents, {sections} sections"
                          f"{extra}  {format_eta(p.eta_seconds)}{'  ' + pace if pace else ''}")
        self.stream.flush()
        self._bar_shown = True

    def close(self) -> None:
        if self._bar_shown and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False
