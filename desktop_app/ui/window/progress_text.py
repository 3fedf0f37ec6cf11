"""The analysis progress in words: "7 / 16 sections · 1 failed · about 40 s left"."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from desktop_app.ai.pacer import describe

if TYPE_CHECKING:
    from desktop_app.workers.dispatcher import Progress


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 10:
        return "a few seconds left"
    if seconds < 90:
        return f"about {int(math.ceil(seconds / 5) * 5)} s left"
    return f"about {round(seconds / 60)} min left"


def progress_text(p: Progress) -> str:
    """"7 / 16 sections · 1 failed · about 40 s left · throttled: 42 requests/min"."""
    parts = [f"{p.finished} / {p.total} section{'s' if p.total != 1 else ''}"]
    if p.failed:
        parts.append(f"{p.failed} failed")
    if p.cancelled:
        parts.append(f"{p.cancelled} cancelled")
    if p.finished < p.total:
        eta = eta_text(p.eta_seconds)
        if eta:
            parts.append(eta)
        pace = describe(p.pace)
        if pace:
            parts.append(pace)
    return " · ".join(parts)
