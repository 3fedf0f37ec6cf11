"""Progress of `margin review` on stderr: a live bar on a terminal, lines otherwise."""

from __future__ import annotations

import sys
from typing import TextIO


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "ETA --"
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"ETA {seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"ETA {seconds // 60}m{seconds % 60:02d}s"
    return f"ETA {seconds}s"


class ProgressPrinter:
    def __init__(self, titles: dict[str, str], *, quiet: bool = False,
                 stream: TextIO | None = None) -> None:
        self.titles = titles
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar_shown = False
        self._count = 0

    def _line(self, text: str) -> None:
        if self.quiet:
            return
        if self._bar_shown:
            self.stream.write("\r\x1b[K")
            self._bar_shown = False
        self.stream.write(text + "\n")
        self.stream.flush()

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

    def progress(self, p) -> None:  # the dispatcher's Progress (total, finished, eta…)
        if self.quiet or not self.tty or p.total == 0:
            return
        width = 30
        filled = int(width * p.finished / p.total)
        bar = "█" * filled + "░" * (width - filled)
        extra = f", {p.failed} failed" if p.failed else ""
        self.stream.write(f"\r\x1b[K{bar} {p.finished}/{p.total} sections{extra}  "
                          f"{format_eta(p.eta_seconds)}")
        self.stream.flush()
        self._bar_shown = True

    def close(self) -> None:
        if self._bar_shown and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
            self._bar_shown = False
