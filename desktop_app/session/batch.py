"""Review sessions as a Bedrock batch job: what goes in, what it costs, what comes back. No Qt.

The batch engine (`ai/batch/`) knows documents by a key and sections by id;
this module ties those to review sessions:

    key = document_key(session)                        # the review's store id
    doc = batch_document(session, sections)            # what the job is asked
    comparison = compare_costs(work, models, prices)   # batch or on demand: which is cheaper
    settle(session, outcome, model, source_of)         # an answer recorded like an on-demand one

A job's handle carries, in its `extra`, where each document lives and the
framework, so that a restart can open them again and resume the job
(`handle_documents`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.ai.batch import BatchDocument, BatchSection, JobHandle, SectionOutcome
from desktop_app.ai.estimate import estimate_review
from desktop_app.ai.parts import split_parts
from desktop_app.ai.prices import Price, estimate_batch_cost
from desktop_app.ai.provider import ContextMode, Usage
from desktop_app.document import Document, Section
from desktop_app.review.frameworks import Framework
from desktop_app.review.status import SectionStatus
from desktop_app.session.session import ReviewSession

# The context on-demand section requests carry today (the section alone): the batch
# records must be the very same requests, and the estimates count those.
CONTEXT = ContextMode.SECTION


def document_key(session: ReviewSession) -> str:
    """The document's key in a batch job: its review in the store."""
    return f"review-{session.review_id}"


def batch_document(session: ReviewSession, sections: Iterable[Section]) -> BatchDocument:
    """The sections as batch records carry them: the requests an on-demand run makes."""
    return BatchDocument(
        document_key(session), session.document.title, session.framework,
        [BatchSection(s.id, s.title, s.text, split_parts(s)) for s in sections])


def job_extra(sessions: Sequence[ReviewSession]) -> dict:
    """What a restart needs to open the job's documents again."""
    framework = sessions[0].framework.name if sessions else ""
    return {"framework": framework,
            "paths": {document_key(s): s.document.path for s in sessions}}


def handle_documents(handle: JobHandle) -> tuple[str, dict[str, str]]:
    """(framework name, {document key: path}) a stored job was made for."""
    extra = handle.extra or {}
    paths = extra.get("paths") if isinstance(extra.get("paths"), dict) else {}
    return str(extra.get("framework") or ""), {str(k): str(v) for k, v in paths.items()}


# -- the estimate ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CostComparison:
    """The same sections reviewed on demand (prompt cache) and as one batch job."""

    model: str
    requests: int
    on_demand_usd: float | None  # None: no price for the model
    batch_usd: float | None

    @property
    def batch_cheaper(self) -> bool | None:
        if self.on_demand_usd is None or self.batch_usd is None:
            return None
        return self.batch_usd < self.on_demand_usd

    def summary(self) -> str:
        """One line: both estimates, and which is cheaper."""
        if self.on_demand_usd is None or self.batch_usd is None:
            return (f"estimate for {self.requests} requests on {self.model}: no price is "
                    f"known for this model, so batch and on demand cannot be compared")
        od, b = self.on_demand_usd, self.batch_usd
        if b < od:
            verdict = f"batch is cheaper by {(1 - b / od) * 100:.0f} %" if od else ""
        elif b > od:
            verdict = (f"on demand is cheaper by {(1 - od / b) * 100:.0f} % (the prompt cache "
                       f"reads the shared prompt at a tenth of the price; batch records pay "
                       f"all of it)")
        else:
            verdict = "both cost the same"
        return (f"estimate for {self.requests} requests on {self.model}: on demand "
                f"~${od:,.2f}, batch ~${b:,.2f}: {verdict}")


def compare_costs(work: Sequence[tuple[Document, Framework, Sequence[Section]]],
                  models: Sequence[str], prices: Mapping[str, Price] | None = None, *,
                  max_tokens: int = 4096) -> CostComparison:
    """Both estimates for reviewing these sections (`ai/estimate.py`'s counts).

    On demand, the shared prefix is written once and read from the cache; a
    batch record carries no cache point and pays its whole prompt at the batch
    price.
    """
    model = models[0]
    requests = 0
    on_demand: float | None = 0.0
    usage = Usage()
    for document, framework, sections in work:
        if not sections:
            continue
        estimate = estimate_review(document, framework, models, mode=CONTEXT,
                                   sections=sections, prices=prices, max_tokens=max_tokens)
        requests += estimate.requests
        on_demand = (None if on_demand is None or estimate.cost_usd is None
                     else on_demand + estimate.cost_usd)
        usage.add(Usage(requests=estimate.requests,
                        input_tokens=estimate.input_tokens + estimate.cache_write_tokens
                        + estimate.cache_read_tokens,
                        output_tokens=estimate.output_tokens))
    batch = estimate_batch_cost(model, usage, prices)
    return CostComparison(model, requests, on_demand, batch)


# -- answers ----------------------------------------------------------------------------


def settle(session: ReviewSession, outcome: SectionOutcome, model: str,
           source_of: Callable[[str | None], str]) -> tuple[SectionStatus, bool]:
    """Record a section the job settled, as an on-demand answer is recorded.

    What the job billed is logged apart (batch prices). Returns the section's
    status and whether it should be asked again on demand: a record the job
    could not answer (an error record, a damaged line, no answer, a section
    changed since submission) is; an answer that failed its checks after the
    on-demand re-asks is recorded as failed with its reason.
    """
    sid = outcome.section_id
    session.record_batch_usage(sid, model, outcome.batch_usage)
    if outcome.result is not None:
        session.record_result(sid, outcome.result, source_of(outcome.result.model))
        return session.status(sid), False
    if outcome.from_job:
        return session.status(sid), True
    assert outcome.error is not None
    session.record_failure(sid, outcome.error)
    return session.status(sid), False
