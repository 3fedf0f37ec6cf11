"""A finished job's output: read, matched by record id, then per section.

Bedrock writes one output line per record it processed, in no particular
order: `{"recordId", "modelInput", "modelOutput"}`, or `"error"` in place of
`modelOutput` for a record that failed. Every record ends up as exactly one
of: an answer to validate, or a failure with a plain reason (an error object,
a line that cannot be read, a record the job never answered, a document that
changed since submission). A bad line fails its record, never the job.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.ai.batch import native
from desktop_app.ai.batch.handle import JobStatus
from desktop_app.ai.batch.settings import InvocationType
from desktop_app.ai.provider import AnalysisResult, FailureKind, ProviderError, Usage

log = logging.getLogger(__name__)

_RECORD_ID = re.compile(r'"recordId"\s*:\s*"([^"\\]{1,64})"')


@dataclass(slots=True)
class Answer:
    """A record's answer, as a Converse response, with the tokens the job billed for it."""

    record_id: str
    response: dict[str, Any]
    usage: Usage


@dataclass(slots=True)
class Failure:
    record_id: str
    error: ProviderError


def usage_of(response: dict[str, Any]) -> Usage:
    usage = response.get("usage") if isinstance(response.get("usage"), dict) else {}
    return Usage(requests=1, input_tokens=int(usage.get("inputTokens") or 0),
                 output_tokens=int(usage.get("outputTokens") or 0),
                 cache_read_tokens=int(usage.get("cacheReadInputTokens") or 0),
                 cache_write_tokens=int(usage.get("cacheWriteInputTokens") or 0))


def _error_kind(code: Any) -> FailureKind:
    try:
        status = int(code)
    except (TypeError, ValueError):
        status = 0
    if status == 429:
        return FailureKind.THROTTLED
    if status == 408:
        return FailureKind.TIMEOUT
    if status in (401, 403):
        return FailureKind.ACCESS_DENIED
    if status >= 500:
        return FailureKind.SERVICE
    return FailureKind.BAD_OUTPUT


def record_error(model: str, error: Any) -> ProviderError:
    """The failure a record's `error` object stands for, with Bedrock's own words."""
    if isinstance(error, dict):
        code = error.get("errorCode", "")
        text = " ".join(str(error.get("errorMessage") or "").split())[:200]
    else:
        code, text = "", " ".join(str(error).split())[:200]
    reason = f"{text} ({code})" if code != "" and text else text or f"error {code}"
    return ProviderError(_error_kind(code), f"{model}: the batch job could not answer this "
                         f"part: {reason}", model=model)


def parse_line(line: str, model: str, invocation_type: InvocationType
               ) -> Answer | Failure | None:
    """One output line; None for a blank line or one that names no record."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("not an object")
    except ValueError:
        found = _RECORD_ID.search(line)
        if found is None:
            log.warning("an output line of the batch job names no record; ignored")
            return None
        return Failure(found.group(1), ProviderError(
            FailureKind.BAD_OUTPUT, f"{model}: the batch job's answer for this part could "
            f"not be read (a damaged output line)", model=model))
    record_id = item.get("recordId")
    if not isinstance(record_id, str):
        log.warning("an output line of the batch job has no recordId; ignored")
        return None
    if "error" in item and item["error"]:
        return Failure(record_id, record_error(model, item["error"]))
    output = item.get("modelOutput")
    try:
        if invocation_type is InvocationType.INVOKE_MODEL:
            response = native.from_native(output)
        elif isinstance(output, dict):
            response = output
        else:
            raise ValueError("no modelOutput")
    except ValueError as exc:
        return Failure(record_id, ProviderError(
            FailureKind.BAD_OUTPUT, f"{model}: the batch job's answer for this part is not "
            f"a model answer ({exc})", model=model))
    return Answer(record_id, response, usage_of(response))


def parse_output(lines: Iterable[str], known: set[str], model: str,
                 invocation_type: InvocationType) -> dict[str, Answer | Failure]:
    """Each known record's first readable outcome; lines of unknown records are ignored."""
    outcomes: dict[str, Answer | Failure] = {}
    for line in lines:
        outcome = parse_line(line, model, invocation_type)
        if outcome is None:
            continue
        if outcome.record_id not in known:
            log.warning("the batch output names an unknown record %r; ignored",
                        outcome.record_id[:20])
            continue
        previous = outcomes.get(outcome.record_id)
        if previous is None or (isinstance(previous, Failure) and isinstance(outcome, Answer)):
            outcomes[outcome.record_id] = outcome
    return outcomes


@dataclass(slots=True)
class SectionOutcome:
    """One section of one document, all its parts settled.

    `result` as an on-demand review gives it (findings validated, anchored on
    the section text, with ids), its `usage` being only the on-demand calls
    made here (re-asks); or `error`, the first failing part's reason: run the
    section on demand again, or report it. `batch_usage` is what the job
    billed for its parts, at batch prices.
    """

    document: str
    section_id: str
    result: AnalysisResult | None
    error: ProviderError | None
    batch_usage: Usage = field(default_factory=Usage)
    # The error is the job's (an error record, a damaged line, no answer, a section
    # changed since submission), not a checked answer's: worth asking on demand.
    from_job: bool = False

    @property
    def ok(self) -> bool:
        return self.result is not None


@dataclass(slots=True)
class BatchOutcome:
    status: JobStatus
    model: str
    sections: list[SectionOutcome]  # in submission order
    batch_usage: Usage  # tokens billed at batch prices
    on_demand_usage: Usage  # re-asks and fallbacks made while collecting
    batch_cost: float | None  # USD at batch prices; None for an unknown model price
    on_demand_cost: float | None

    @property
    def failed(self) -> list[SectionOutcome]:
        return [s for s in self.sections if s.error is not None]
