"""Settle every section of a finished job: validate, re-ask, merge parts, anchor.

Answers go through `BedrockProvider.analyse_answer`, the on-demand path from
the schema check on: an unusable answer is asked again on demand, a
`max_tokens` stop retried or split, a model that cannot serve passed down
the chain. The parts of a section are then merged and anchored on the whole
section text exactly as an on-demand review does (`workers/analysis_job.py`).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed

from desktop_app.ai.anchoring import anchor_findings, anchor_parts
from desktop_app.ai.batch.handle import JobHandle, JobStatus
from desktop_app.ai.batch.records import BatchDocument, BatchSection, Record, build_records
from desktop_app.ai.batch.results import (
    Answer,
    BatchOutcome,
    Failure,
    SectionOutcome,
    parse_output,
)
from desktop_app.ai.batch.settings import InvocationType
from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.document_anchoring import anchor_facts
from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.parts import merge_parts
from desktop_app.ai.prices import estimate_batch_cost
from desktop_app.ai.provider import (
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.review.findings import assign_ids

log = logging.getLogger(__name__)

PartResult = AnalysisResult | ProviderError
Place = tuple[str, str]  # document key, section id


def _stale(model: str) -> ProviderError:
    return ProviderError(FailureKind.INTERNAL,
                         "the section or its framework changed after the batch job was "
                         "submitted, so the job's answer does not apply: review it again",
                         model=model)


def _unanswered(model: str, status: JobStatus) -> ProviderError:
    return ProviderError(FailureKind.SERVICE,
                         f"{model}: the batch job ended ({status.state.value}) without an "
                         f"answer for this part: review it again", model=model)


class _Sections:
    """Parts as they settle; a section is reported once all of its parts are in."""

    def __init__(self, handle: JobHandle, documents: Sequence[BatchDocument],
                 on_section: Callable[[SectionOutcome], None] | None) -> None:
        self._texts: dict[Place, BatchSection] = {
            (d.key, s.section_id): s for d in documents for s in d.sections}
        self._expected: dict[Place, int] = {}
        for ref in handle.records.values():
            self._expected[(ref.document, ref.section_id)] = ref.parts
        self._parts: dict[Place, dict[int, PartResult]] = defaultdict(dict)
        self._batch: dict[Place, Usage] = defaultdict(Usage)
        self._from_job: set[Place] = set()  # a part failed in the job itself
        self._on_section = on_section
        self.settled: list[SectionOutcome] = []

    def add(self, place: Place, part: int, result: PartResult, batch_usage: Usage | None,
            *, from_job: bool = False) -> None:
        if batch_usage is not None:
            self._batch[place].add(batch_usage)
        if from_job:
            self._from_job.add(place)
        self._parts[place][part] = result
        if len(self._parts[place]) == self._expected[place]:
            outcome = self._settle(place)
            self.settled.append(outcome)
            if self._on_section is not None:
                self._on_section(outcome)

    def _settle(self, place: Place) -> SectionOutcome:
        document, section_id = place
        parts = [self._parts[place][i] for i in sorted(self._parts[place])]
        on_demand = Usage()
        for part in parts:
            on_demand.add(part.usage)
        errors = [p for p in parts if isinstance(p, ProviderError)]
        batch = self._batch[place]
        section = self._texts.get(place)
        if errors or section is None:
            error = errors[0] if errors else _stale("")
            error.usage = on_demand  # calls made for the other parts still count
            return SectionOutcome(document, section_id, None, error, batch,
                                  from_job=place in self._from_job or section is None)
        findings = []
        facts = []
        model = None
        seconds = 0.0
        for part in parts:
            assert isinstance(part, AnalysisResult)
            findings.extend(part.findings)
            facts.extend(part.facts)
            model = model or part.model
            seconds += part.seconds
        # Each part's quotes in that part first (a passage the section repeats is
        # the one the part saw), then ids unique across the parts: as on demand.
        by_part = [p.findings for p in parts if isinstance(p, AnalysisResult)]
        if len(by_part) == len(section.parts):
            anchor_parts(section.text, section.parts, by_part)
        else:
            anchor_findings(section.text, findings)
        if len(parts) > 1:  # one finding for what several parts said alike
            findings = merge_parts(section_id, findings)
        assign_ids(section_id, findings)
        anchor_facts(section.text, facts)
        for fact in facts:
            fact.section_id = section_id
        return SectionOutcome(document, section_id, AnalysisResult(
            findings, model, on_demand, seconds, facts=facts), None, batch)


def collect(provider: BedrockProvider, handle: JobHandle, documents: Sequence[BatchDocument],
            status: JobStatus, lines: list[str], cancel: CancelToken,
            on_section: Callable[[SectionOutcome], None] | None) -> BatchOutcome:
    started = time.monotonic()
    invocation = InvocationType(handle.invocation_type)
    model = handle.model
    # The records rebuilt from today's documents, with the job's own settings: a
    # digest that differs means the request is no longer the one that was answered.
    rebuilt: dict[tuple[str, str, int, int], Record] = {
        (r.ref.document, r.ref.section_id, r.ref.part, r.ref.parts): r
        for r in build_records(documents, model, invocation, max_tokens=handle.max_tokens,
                               temperature=handle.temperature,
                               cache_points=handle.cache_points)}
    outcomes = parse_output(lines, set(handle.records), model, invocation)
    sections = _Sections(handle, documents, on_section)
    batch_usage = Usage()
    pending: list[tuple[str, Record, Answer]] = []
    for record_id, ref in handle.records.items():
        place = (ref.document, ref.section_id)
        outcome = outcomes.get(record_id)
        if isinstance(outcome, Answer):
            batch_usage.add(outcome.usage)
        record = rebuilt.get((ref.document, ref.section_id, ref.part, ref.parts))
        if record is None or record.ref.digest != ref.digest:
            sections.add(place, ref.part, _stale(model),
                         outcome.usage if isinstance(outcome, Answer) else None, from_job=True)
        elif isinstance(outcome, Failure):
            sections.add(place, ref.part, outcome.error, None, from_job=True)
        elif outcome is None:
            sections.add(place, ref.part, _unanswered(model, status), None, from_job=True)
        else:
            pending.append((record_id, record, outcome))
    log.info("batch %s: %d answers to validate, %d records failed or missing",
             handle.job_name, len(pending), len(handle.records) - len(pending))
    _validate(provider, model, pending, sections, cancel)
    on_demand = Usage()
    on_demand_cost: float | None = 0.0
    for settled in sections.settled:
        usage = settled.result.usage if settled.result else settled.error.usage  # type: ignore[union-attr]
        on_demand.add(usage)
        if settled.result is not None and on_demand_cost is not None:
            cost = provider.estimate_cost(settled.result)
            on_demand_cost = None if cost is None else on_demand_cost + cost
    log.info("batch %s: %d sections settled in %.1f s", handle.job_name, len(sections.settled),
             time.monotonic() - started)
    # In submission order (documents, then sections), whatever order they settled in.
    order = {place: i for i, place in enumerate(dict.fromkeys(
        (ref.document, ref.section_id) for ref in handle.records.values()))}
    settled = sorted(sections.settled, key=lambda o: order[(o.document, o.section_id)])
    return BatchOutcome(status, model, settled, batch_usage, on_demand,
                        estimate_batch_cost(model, batch_usage, provider.config.prices),
                        None if on_demand_cost is None else round(on_demand_cost, 6))


def _validate(provider: BedrockProvider, model: str, pending: list[tuple[str, Record, Answer]],
              sections: _Sections, cancel: CancelToken) -> None:
    """Each answer through the on-demand path, as many at once as the provider allows."""
    if not pending:
        return
    workers = max(1, min(provider.config.max_concurrency, len(pending)))
    with ThreadPoolExecutor(workers, thread_name_prefix="batch-collect") as pool:
        futures: dict[Future[AnalysisResult], tuple[Record, Answer]] = {
            pool.submit(provider.analyse_answer, record.request, model, answer.response,
                        cancel): (record, answer)
            for _rid, record, answer in pending}
        try:
            for future in as_completed(futures):
                record, answer = futures[future]
                place = (record.ref.document, record.ref.section_id)
                try:
                    result: PartResult = future.result()
                except ProviderError as err:
                    result = err
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - one bad answer must not end the rest
                    # Type and place only: repr(exc) can hold the answer's quotes.
                    log_internal(log, "validating a batch answer failed", exc)
                    result = ProviderError(FailureKind.INTERNAL, internal_error(exc),
                                           model=model)
                sections.add(place, record.ref.part, result, answer.usage)
                if cancel.cancelled:
                    raise Cancelled()
        except Cancelled:
            for future in futures:
                future.cancel()
            raise
