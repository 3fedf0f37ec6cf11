"""The job handle a caller stores, and the job states Bedrock reports.

A handle is plain JSON (`to_json` / `from_json`): everything needed to find the
job again after a restart, to read its output, and to put each answer back on
its document and section. The caller stores it when `prepare` returns it,
again when `submit` has filled in the job ARN, and resumes from it with
`wait` and `collect`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop_app.ai.batch.records import RecordRef

HANDLE_VERSION = 1


class JobState(StrEnum):
    """A model invocation job's status, spelled as Bedrock spells it."""

    SUBMITTED = "Submitted"
    VALIDATING = "Validating"
    SCHEDULED = "Scheduled"
    IN_PROGRESS = "InProgress"
    STOPPING = "Stopping"
    COMPLETED = "Completed"
    PARTIALLY_COMPLETED = "PartiallyCompleted"
    FAILED = "Failed"
    STOPPED = "Stopped"
    EXPIRED = "Expired"

    @property
    def finished(self) -> bool:
        return self in _FINISHED

    @property
    def has_output(self) -> bool:
        """Whether the job may have written answers worth collecting."""
        return self in _FINISHED and self is not JobState.FAILED


_FINISHED = {JobState.COMPLETED, JobState.PARTIALLY_COMPLETED, JobState.FAILED,
             JobState.STOPPED, JobState.EXPIRED}


@dataclass(frozen=True, slots=True)
class JobStatus:
    """One GetModelInvocationJob answer, reduced to what a progress display needs."""

    state: JobState
    message: str = ""
    total: int | None = None  # records; Bedrock fills the counts in as the job runs
    processed: int | None = None
    succeeded: int | None = None
    errors: int | None = None
    submitted_at: datetime | None = None
    ended_at: datetime | None = None

    @classmethod
    def from_response(cls, response: dict[str, Any]) -> JobStatus:
        try:
            state = JobState(response.get("status"))
        except ValueError:  # a state added after this code: keep polling
            state = JobState.IN_PROGRESS

        def count(name: str) -> int | None:
            value = response.get(name)
            return int(value) if isinstance(value, int) else None

        return cls(state, str(response.get("message") or ""), count("totalRecordCount"),
                   count("processedRecordCount"), count("successRecordCount"),
                   count("errorRecordCount"), response.get("submitTime"),
                   response.get("endTime"))


@dataclass(frozen=True)
class JobHandle:
    job_name: str  # unique; finds the job again if the ARN was never stored
    model: str
    role_arn: str
    invocation_type: str
    input_uri: str  # s3://bucket/prefix/JOB_NAME/records.jsonl
    output_uri: str  # s3://bucket/prefix/JOB_NAME/output/ ; Bedrock adds JOB_ID/
    region: str | None
    max_tokens: int  # the records' inference settings, to rebuild them identically
    temperature: float
    prompt_version: str
    cache_points: bool
    created_at: str  # ISO 8601, UTC
    documents: dict[str, dict[str, Any]]  # key -> {"title", "sections", "records"}
    records: dict[str, RecordRef]  # recordId -> where its answer belongs
    job_arn: str | None = None  # None until the job is created
    version: int = HANDLE_VERSION
    extra: dict[str, Any] = field(default_factory=dict)  # the caller's own notes

    @property
    def job_id(self) -> str | None:
        """The last part of the ARN: the folder Bedrock writes the output into."""
        return self.job_arn.rsplit("/", 1)[-1] if self.job_arn else None

    def with_arn(self, job_arn: str) -> JobHandle:
        return replace(self, job_arn=job_arn)

    def to_json(self) -> str:
        data = {
            "version": self.version, "job_name": self.job_name, "job_arn": self.job_arn,
            "model": self.model, "role_arn": self.role_arn,
            "invocation_type": self.invocation_type, "input_uri": self.input_uri,
            "output_uri": self.output_uri, "region": self.region,
            "max_tokens": self.max_tokens, "temperature": self.temperature,
            "prompt_version": self.prompt_version, "cache_points": self.cache_points,
            "created_at": self.created_at,
            "documents": self.documents,
            "records": {rid: ref.to_list() for rid, ref in self.records.items()},
            "extra": self.extra,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> JobHandle:
        """Raise ValueError with a plain reason for anything but a handle we wrote."""
        try:
            data = json.loads(text)
            if data.get("version") != HANDLE_VERSION:
                raise ValueError(f"version {data.get('version')!r} is not {HANDLE_VERSION}")
            return cls(
                job_name=str(data["job_name"]), job_arn=data.get("job_arn") or None,
                model=str(data["model"]), role_arn=str(data["role_arn"]),
                invocation_type=str(data["invocation_type"]),
                input_uri=str(data["input_uri"]), output_uri=str(data["output_uri"]),
                region=data.get("region"), max_tokens=int(data["max_tokens"]),
                temperature=float(data["temperature"]),
                prompt_version=str(data["prompt_version"]),
                cache_points=bool(data["cache_points"]),
                created_at=str(data["created_at"]), documents=dict(data["documents"]),
                records={str(rid): RecordRef.from_list(ref)
                         for rid, ref in data["records"].items()},
                extra=dict(data.get("extra") or {}))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a Margin batch job handle: {exc}") from None
