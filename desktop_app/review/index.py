"""The index of a run over several documents (`margin.index/1`): one line per document.

`margin review FOLDER --report-dir D` writes it as `D/index.json` (and
`D/index.html`), rewritten as each document finishes, so that it says how far
a run got even if it was stopped. Per document: its path, status, exit code,
sections and findings by severity, the sections that failed and why, what it
cost (on demand and batch), where its report and reviewed copy went, and what
the copy repaired or left out. Built from each document's `margin.review/1`
report, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.review.findings import SEVERITIES

SCHEMA = "margin.index/1"

# A document's status in the index.
DONE = "done"  # every section reviewed, everything written
FAILED = "failed"  # reviewed, but some sections failed or were cancelled
NOT_WRITTEN = "not-written"  # reviewed, but its report or reviewed copy could not be written
CANNOT_OPEN = "cannot-open"
NOT_REVIEWED = "not-reviewed"  # never started: the run was cancelled, or no reviewer could serve
STATUSES = (DONE, FAILED, NOT_WRITTEN, CANNOT_OPEN, NOT_REVIEWED)


@dataclass(slots=True)
class IndexEntry:
    path: str
    name: str  # unique in the run: the reports and copies are named after it
    status: str
    exit_code: int
    title: str = ""
    reason: str = ""  # why it cannot be opened or was not reviewed
    reports: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None  # its margin.review/1 report
    export: dict[str, Any] | None = None  # CopyOutcome.to_json(), when a copy was asked for
    problems: list[str] = field(default_factory=list)  # outputs that could not be written

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "name": self.name, "title": self.title,
                               "status": self.status, "exit_code": self.exit_code,
                               "reason": self.reason or None, "reports": list(self.reports)}
        report = self.report
        if report is None:
            out.update(sections=None, findings=None, failures=[], usage=None,
                       estimated_cost_usd=None)
        else:
            sections = report["sections"]
            by_status = {k: sum(1 for s in sections if s["status"] == k)
                         for k in ("done", "failed", "cancelled", "skipped")}
            counts = dict.fromkeys(SEVERITIES, 0)
            for s in sections:
                for f in s["findings"]:
                    counts[f["severity"]] = counts.get(f["severity"], 0) + 1
            out["title"] = report["document"]["title"]
            out["sections"] = {"total": len(sections), **by_status}
            out["findings"] = counts
            out["failures"] = [{"section": s["id"], "title": s["title"],
                                "status": s["status"], "error": s["error"]}
                               for s in sections if s["status"] in ("failed", "cancelled")]
            out["usage"] = report["usage"]
            out["estimated_cost_usd"] = report["usage"]["estimated_cost_usd"]
        out["export"] = self.export
        out["problems"] = list(self.problems)
        return out


@dataclass(slots=True)
class RunIndex:
    provider: dict[str, Any]
    framework: str
    mode: str  # "on-demand" | "batch"
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    entries: list[IndexEntry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    batch_jobs: list[dict[str, Any]] = field(default_factory=list)
    exit_code: int | None = None  # None while the run goes on

    def to_json(self) -> dict[str, Any]:
        finished = datetime.now(UTC)
        docs = [e.to_json() for e in self.entries]
        findings = dict.fromkeys(SEVERITIES, 0)
        sections = {"total": 0, "done": 0, "failed": 0, "cancelled": 0}
        cost: float | None = 0.0
        batch_cost: float | None = 0.0
        for d in docs:
            for k in findings:
                findings[k] += (d["findings"] or {}).get(k, 0)
            for k in sections:
                sections[k] += (d["sections"] or {}).get(k, 0)
            if d["usage"] is not None:
                one = d["usage"]["estimated_cost_usd"]
                cost = None if cost is None or one is None else cost + one
                b = d["usage"].get("batch", {}).get("estimated_cost_usd", 0.0)
                batch_cost = None if batch_cost is None or b is None else batch_cost + b
        return {
            "schema": SCHEMA,
            "provider": self.provider,
            "framework": {"name": self.framework},
            "mode": self.mode,
            "exit_code": self.exit_code,
            "complete": self.exit_code is not None,
            "totals": {
                "documents": len(docs),
                **{status: sum(1 for d in docs if d["status"] == status)
                   for status in STATUSES},
                "skipped": len(self.skipped),
                "sections": sections,
                "findings": findings,
                "estimated_cost_usd": None if cost is None else round(cost, 6),
                "batch_cost_usd": None if batch_cost is None else round(batch_cost, 6),
            },
            "documents": docs,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "batch_jobs": list(self.batch_jobs),
            "timing": {"started": _iso(self.started), "finished": _iso(finished),
                       "seconds": round((finished - self.started).total_seconds(), 3)},
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
