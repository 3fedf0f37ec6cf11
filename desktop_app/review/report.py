"""The JSON review report (`margin.review/1`), a contract other tools rely on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.ai.prices import estimate_batch_cost, estimate_cost
from desktop_app.ai.provider import Usage
from desktop_app.document.model import Document
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.findings import Finding
from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.status import SectionStatus

SCHEMA = "margin.review/1"
_SKIPPED = SectionOutcome(SectionStatus.SKIPPED)


@dataclass(slots=True)
class ReviewRun:
    document: Document
    provider_name: str  # bedrock | local
    models: list[str]
    region: str | None
    framework_name: str
    outcomes: dict[str, SectionOutcome] = field(default_factory=dict)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime | None = None
    min_confidence: float = 0.0
    accept_all: bool = False
    prices: dict | None = None
    # What Bedrock batch jobs billed in this run, by model (at batch prices).
    batch_usage_by_model: dict[str, Usage] = field(default_factory=dict)
    document_findings: list[DocumentFinding] = field(default_factory=list)
    # what the passes over the whole document cost in this run: (model, usage)
    document_usage: list[tuple[str | None, Usage]] = field(default_factory=list)

    def usage(self) -> Usage:
        """Requests actually made in this run: cached answers cost nothing."""
        total = Usage()
        for o in self.outcomes.values():
            if o.result is not None and not o.result.from_cache:
                total.add(o.result.usage)
            elif o.error is not None:
                total.add(o.error.usage)
        for _model, usage in self.document_usage:
            total.add(usage)
        return total

    def batch_usage(self) -> Usage:
        total = Usage()
        for usage in self.batch_usage_by_model.values():
            total.add(usage)
        return total

    def batch_cost(self) -> float | None:
        """What batch jobs billed, at batch prices; None if a model's price is unknown."""
        total = 0.0
        for model, usage in self.batch_usage_by_model.items():
            cost = estimate_batch_cost(model or None, usage, self.prices)
            if cost is None:
                return None
            total += cost
        return round(total, 6)

    def cost(self) -> float | None:
        """The run's cost, on demand and batch; None if a model used has no known price."""
        batch = self.batch_cost()
        on_demand = self.on_demand_cost()
        return None if batch is None or on_demand is None else round(batch + on_demand, 6)

    def on_demand_cost(self) -> float | None:
        """Sum over models; None if any model used has no known price."""
        if self.provider_name != "bedrock":
            return 0.0
        by_model: dict[str, Usage] = {}
        for o in self.outcomes.values():
            if o.result is not None and not o.result.from_cache and o.result.model:
                by_model.setdefault(o.result.model, Usage()).add(o.result.usage)
            elif o.error is not None and o.error.model:
                by_model.setdefault(o.error.model, Usage()).add(o.error.usage)
        for model, usage in self.document_usage:
            if model:
                by_model.setdefault(model, Usage()).add(usage)
        total = 0.0
        for model, usage in by_model.items():
            cost = estimate_cost(model, usage, self.prices)
            if cost is None:
                return None
            total += cost
        return round(total, 6)

    def visible(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if f.confidence >= self.min_confidence]

    def visible_document(self) -> list[DocumentFinding]:
        return [d for d in self.document_findings if d.confidence >= self.min_confidence]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _finding_json(f: Finding, accept_all: bool) -> dict[str, Any]:
    decision = "accepted" if accept_all and f.decision == "pending" else f.decision
    out = {
        "id": f.id,
        "category": f.category,
        "severity": f.severity,
        "confidence": round(f.confidence, 3),
        "quote": f.quote,
        "anchored": f.anchored,
        "issue": f.issue,
        "suggestion": f.suggestion,
        "rewrite": f.rewrite,
        "checkpoints": list(f.checkpoints),
        "source": f.source,
        "decision": decision,
    }
    if f.quote_original is not None:
        out["quote_original"] = f.quote_original
    if f.quotes:  # a pattern that recurs in the section: every occurrence
        out["quotes"] = [q.to_report() for q in f.quotes]
    return out


def _document_json(d: DocumentFinding, accept_all: bool) -> dict[str, Any]:
    out = d.to_report()  # exactly PRODUCT.md section 2's entry
    out["confidence"] = round(d.confidence, 3)
    if accept_all and d.decision == "pending":
        out["decision"] = "accepted"
    return out


def build_report(run: ReviewRun) -> dict[str, Any]:
    finished = run.finished or datetime.now(UTC)
    sections = []
    for s in run.document.walk():
        outcome = run.outcomes.get(s.id, _SKIPPED)
        status = outcome.status.reported
        findings = []
        if status is SectionStatus.DONE:  # the findings as the review holds them
            findings = [_finding_json(f, run.accept_all) for f in run.visible(outcome.findings)]
        sections.append({
            "id": s.id,
            "title": s.title,
            "level": s.level,
            "status": str(status),
            "error": outcome.error.message if status is SectionStatus.FAILED and outcome.error
            else None,
            "model": outcome.result.model if outcome.result is not None else None,
            "findings": findings,
        })
    usage = run.usage()
    batch = run.batch_usage()
    return {
        "schema": SCHEMA,
        "document": {"path": run.document.path, "sha256": run.document.sha256,
                     "title": run.document.title},
        "provider": {"name": run.provider_name, "models": list(run.models),
                     "region": run.region},
        "framework": {"name": run.framework_name},
        "sections": sections,
        "document_findings": [_document_json(d, run.accept_all) for d in run.visible_document()],
        "usage": {
            "requests": usage.requests,
            "retries": usage.retries,
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "cache_read_tokens": usage.cache_read_tokens,
            "cache_write_tokens": usage.cache_write_tokens,
            "estimated_cost_usd": run.cost(),
            # Added within margin.review/1: what Bedrock batch jobs billed (the fields
            # above count on-demand calls; the cost above includes this one).
            "batch": {
                "records": batch.requests,
                "input_tokens": batch.input_tokens,
                "output_tokens": batch.output_tokens,
                "cache_read_tokens": batch.cache_read_tokens,
                "cache_write_tokens": batch.cache_write_tokens,
                "estimated_cost_usd": run.batch_cost(),
            },
        },
        "timing": {"started": _iso(run.started), "finished": _iso(finished),
                   "seconds": round((finished - run.started).total_seconds(), 3)},
    }
