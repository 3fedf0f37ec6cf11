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

import os
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

POLL_ENV = "MARGIN_BATCH_POLL_SECONDS"  # how often a job is checked at first (default 30 s)


def poll_overrides() -> dict[str, float]:
    """BatchSettings' polling from MARGIN_BATCH_POLL_SECONDS, if set; ValueError if bad."""
    value = os.environ.get(POLL_ENV)
    if not value:
        return {}
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise ValueError(f"{POLL_ENV}={value}: give a number of seconds")
    return {"poll_initial": seconds, "poll_max": max(seconds, min(300.0, seconds * 10))}


def document_key(session: ReviewSession) -> str:
    """The document's key in a batch job: its review in the store."""
    return f"review-{session.review_id}"


def batch_document(session: ReviewSession, sections: Iterable[Section]) -> BatchDocument:
    """The sections as batch records carry them: the requests an on-demand run makes."""
    # The very requests an on-demand run makes: the same shared context, key facts asked.
    return BatchDocument(
        document_key(session), session.document.title, session.framework,
        [BatchSection(s.id, s.title, s.text, split_parts(s)) for s in sections],
        context=session.context, facts=True)


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
                  max_tokens: int = 4096,
                  mode: ContextMode | str | None = None) -> CostComparison:
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
        estimate = estimate_review(document, framework, models, mode=mode, facts=True,
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


@dataclass(frozen=True, slots=True)
class FolderEstimate:
    """What reviewing a whole folder would cost, both ways (every section counted: those
    already in the store will not be asked again)."""

    documents: int  # that open
    sections: int
    unopened: tuple[tuple[str, str], ...]  # (path, reason)
    comparison: CostComparison


def estimate_folder(paths: Sequence[str], framework: Framework, models: Sequence[str],
                    prices: Mapping[str, Price] | None, *, max_tokens: int = 4096,
                    mode: ContextMode | str | None = None,
                    cancel: object = None) -> FolderEstimate:
    """Open each document in turn (one held at a time) and add up both estimates.
    `cancel`: a CancelToken checked between documents (raises Cancelled)."""
    from desktop_app.ai.provider import Cancelled
    from desktop_app.document import DocumentError, load

    unopened: list[tuple[str, str]] = []
    documents = sections = requests = 0
    on_demand: float | None = 0.0
    batch: float | None = 0.0
    for path in paths:
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise Cancelled()
        try:
            document = load(path)
        except DocumentError as err:
            unopened.append((path, err.reason))
            continue
        chosen = [s for s in document.walk() if s.reviewable]  # contents are never asked
        one = compare_costs([(document, framework, chosen)], models, prices,
                            max_tokens=max_tokens, mode=mode)
        documents += 1
        sections += len(chosen)
        requests += one.requests
        on_demand = None if on_demand is None or one.on_demand_usd is None else (
            on_demand + one.on_demand_usd)
        batch = None if batch is None or one.batch_usd is None else batch + one.batch_usd
    return FolderEstimate(documents, sections, tuple(unopened),
                          CostComparison(models[0], requests, on_demand, batch))
