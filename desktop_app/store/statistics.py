"""The numbers of one review: findings, sections, tokens, cost, time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from desktop_app.ai.prices import Price, estimate_batch_cost, estimate_cost
from desktop_app.ai.provider import Usage
from desktop_app.review.findings import DECISIONS, SEVERITIES, SOURCES
from desktop_app.review.status import SectionStatus
from desktop_app.store.db import Database, StoreBugError
from desktop_app.store.review_rows import usage_from_row
from desktop_app.store.review_state import ReviewStatistics

NO_MODEL = "unknown model"  # requests that failed before any model answered


def review_statistics(db: Database, review_id: int,
                      prices: Mapping[str, Price] | None = None) -> ReviewStatistics:
    review = db.query("SELECT seconds_spent FROM reviews WHERE id = ?", (review_id,))
    if not review:
        raise StoreBugError(f"internal database error (no review {review_id})")
    sections = db.query(
        "SELECT section_id, status FROM review_sections WHERE review_id = ?"
        " ORDER BY status = 'removed', position", (review_id,))
    # Section findings (those a document-level finding absorbed are counted there) and
    # document-level findings: the same columns, counted together.
    current = ("FROM (SELECT section_id, severity, category, decision, source, edits"
               " FROM findings WHERE review_id = ? AND superseded = 0 AND absorbed_into IS NULL"
               " UNION ALL SELECT NULL, severity, category, decision, source, edits"
               " FROM document_findings WHERE review_id = ? AND superseded = 0)")

    def grouped(column: str) -> dict[str, int]:
        return {row[0]: row[1] for row in db.query(
            f"SELECT {column} AS k, COUNT(*) {current} GROUP BY k ORDER BY COUNT(*) DESC, k",
            (review_id, review_id))}

    by_severity = grouped("COALESCE(json_extract(edits, '$.severity'), severity)")
    by_section = {s["section_id"]: 0 for s in sections if s["status"] != SectionStatus.REMOVED}
    by_section.update(grouped("section_id"))
    document_findings = by_section.pop(None, 0)  # type: ignore[call-overload]
    statuses = Counter(s["status"] for s in sections)

    usage_by_model: dict[str, Usage] = {}
    batch_by_model: dict[str, Usage] = {}
    for row in db.query(
            "SELECT model, batch, SUM(requests) AS requests, SUM(retries) AS retries,"
            " SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,"
            " SUM(cache_read_tokens) AS cache_read_tokens,"
            " SUM(cache_write_tokens) AS cache_write_tokens"
            " FROM usage_events WHERE review_id = ? GROUP BY model, batch ORDER BY model",
            (review_id,)):
        table = batch_by_model if row["batch"] else usage_by_model
        table.setdefault(row["model"] or NO_MODEL, Usage()).add(usage_from_row(row))
    cost_by_model = {model: _cost(model, usage, prices) for model, usage in
                     usage_by_model.items()}
    batch_cost_by_model = {model: _cost(model, usage, prices, batch=True)
                           for model, usage in batch_by_model.items()}
    costs = [*cost_by_model.values(), *batch_cost_by_model.values()]
    known = [c for c in costs if c is not None]
    total = None if len(known) < len(costs) else round(sum(known), 6)

    return ReviewStatistics(
        findings_by_severity={k: by_severity.get(k, 0) for k in SEVERITIES},
        findings_by_category=grouped("category"),
        findings_by_decision=_keyed(grouped("decision"), DECISIONS),
        findings_by_source=_keyed(grouped("source"), SOURCES),
        findings_by_section=by_section,
        sections_total=len(sections) - statuses[SectionStatus.REMOVED],
        sections_done=statuses[SectionStatus.DONE],
        sections_failed=statuses[SectionStatus.FAILED],
        sections_stale=statuses[SectionStatus.CHANGED],
        sections_not_analysed=statuses[SectionStatus.NOT_ANALYSED],
        sections_removed=statuses[SectionStatus.REMOVED],
        usage_by_model=usage_by_model,
        cost_by_model=cost_by_model,
        estimated_cost_usd=total,
        batch_usage_by_model=batch_by_model,
        batch_cost_by_model=batch_cost_by_model,
        seconds_spent=float(review[0]["seconds_spent"]),
        document_findings=document_findings,
    )


def _keyed(counts: dict[str, int], keys: tuple[str, ...]) -> dict[str, int]:
    return {key: counts.get(key, 0) for key in keys}


def _cost(model: str, usage: Usage, prices: Mapping[str, Price] | None, *,
          batch: bool = False) -> float | None:
    if not (usage.input_tokens or usage.output_tokens or usage.cache_read_tokens
            or usage.cache_write_tokens):
        return 0.0  # requests that never got an answer are not billed
    name = None if model == NO_MODEL else model
    if batch:
        return estimate_batch_cost(name, usage, prices)
    return estimate_cost(name, usage, prices)
