"""The life of a Bedrock batch job: upload, create, poll, stop, then collect.

    jobs = BatchJobs(provider, settings)
    handle = jobs.prepare(documents)        # records built and uploaded; no job yet
    save(handle.to_json())                  # the caller stores it at once ...
    handle = jobs.submit(handle)            # ... creates the job (or finds it again)
    save(handle.to_json())                  # ... and stores the ARN at once
    jobs.wait(handle, cancel, on_status)    # polls with backoff until the job ends
    outcome = jobs.collect(handle, documents, cancel, on_section)

After a restart: `JobHandle.from_json(saved)`, then `submit` if it has no ARN
yet (it finds the job a crash left behind by its unique name), `wait` and
`collect`. Cancelling the review is `stop(handle)`; a cancelled `wait` only
stops watching. Too few records for a job raise `TooFewRecords`: review those
sections on demand instead. Everything else raises `ProviderError` with a
plain message. No Qt: the caller runs these on a worker thread.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from desktop_app.ai import prompts
from desktop_app.ai.aws import make_session
from desktop_app.ai.batch import collect as collecting
from desktop_app.ai.batch.errors import control_error, job_failed, s3_error, transient
from desktop_app.ai.batch.handle import JobHandle, JobState, JobStatus
from desktop_app.ai.batch.records import (
    INPUT_FILE,
    BatchDocument,
    build_records,
    check_unique,
)
from desktop_app.ai.batch.results import BatchOutcome, SectionOutcome
from desktop_app.ai.batch.settings import BatchSettings, S3Location
from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.errors import classify
from desktop_app.ai.provider import Cancelled, CancelToken, FailureKind, ProviderError

log = logging.getLogger(__name__)

POLL_GROWTH = 1.5
MAX_POLL_FAILURES = 20  # consecutive transient failures before waiting gives up


class TooFewRecords(Exception):
    """Fewer records than a batch job accepts: review these sections on demand."""

    def __init__(self, count: int, minimum: int, model: str) -> None:
        self.count = count
        self.minimum = minimum
        self.message = (
            f"{count} request{'s' if count != 1 else ''} is below Bedrock's minimum of "
            f"{minimum} records per batch job for {model} (a service quota): reviewing on "
            f"demand instead")
        super().__init__(self.message)


class BatchJobs:
    """Batch jobs for one provider's account, region and model chain. Thread-safe."""

    def __init__(self, provider: BedrockProvider, settings: BatchSettings) -> None:
        self.provider = provider
        self.settings = settings
        self.model = settings.model or provider.config.models[0]
        self._lock = threading.Lock()
        self._clients: dict[str, Any] = {}

    # -- clients ---------------------------------------------------------------------

    def _client(self, service: str) -> Any:
        """`bedrock` or `s3`, created once under a lock (sessions are not thread-safe)."""
        from botocore.config import Config

        with self._lock:
            client = self._clients.get(service)
            if client is None:
                config = self.provider.config
                try:
                    session = make_session(config.profile, config.region)
                    endpoint = (self.settings.control_endpoint_url if service == "bedrock"
                                else self.settings.s3_endpoint_url)
                    # Control-plane and S3 calls are small and safe to repeat (the job is
                    # created with a client token), so botocore's standard retries stay on.
                    client = session.client(service, endpoint_url=endpoint, config=Config(
                        connect_timeout=config.connect_timeout, read_timeout=60,
                        retries={"mode": "standard", "total_max_attempts": 3},
                        user_agent_appid="margin"))
                except Exception as exc:
                    err = classify(exc, self.model, profile=config.profile)
                    raise ProviderError(err.kind, err.message, fatal=err.fatal) from None
                self._clients[service] = client
            return client

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()

    def __enter__(self) -> BatchJobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _control_error(self, exc: BaseException, action: str, where: str = "") -> ProviderError:
        return control_error(exc, action, model=self.model, role_arn=self.settings.role_arn,
                             where=where or self.settings.location.uri(),
                             profile=self.provider.config.profile, region=self.provider.region)

    # -- submitting ------------------------------------------------------------------

    def prepare(self, documents: Sequence[BatchDocument], *, name: str | None = None
                ) -> JobHandle:
        """Build the records and upload them; the returned handle has no job yet.

        Raises TooFewRecords below the minimum (review on demand instead),
        ProviderError when the records cannot be uploaded, ValueError for
        documents that cannot be told apart.
        """
        check_unique(documents)
        config = self.provider.config
        records = build_records(documents, self.model, self.settings.invocation_type,
                                max_tokens=config.max_tokens, temperature=config.temperature,
                                cache_points=self.settings.cache_points)
        if len(records) < self.settings.min_records:
            raise TooFewRecords(len(records), self.settings.min_records, self.model)
        if len(records) > self.settings.max_records:
            raise ProviderError(
                FailureKind.INTERNAL,
                f"{len(records)} requests exceed the {self.settings.max_records} records a "
                f"batch job takes: submit the documents in several runs")
        job_name = name or _job_name()
        location = self.settings.location
        input_uri = location.uri(job_name, INPUT_FILE)
        payload = ("\n".join(r.line() for r in records) + "\n").encode()
        try:
            self._client("s3").put_object(Bucket=location.bucket,
                                          Key=location.key(job_name, INPUT_FILE),
                                          Body=payload, ContentType="application/jsonl")
        except ProviderError:
            raise
        except Exception as exc:
            raise s3_error(exc, "upload the batch records", input_uri,
                           profile=config.profile) from None
        per_document: dict[str, dict[str, Any]] = {
            d.key: {"title": d.title, "sections": len(d.sections), "records": 0}
            for d in documents}
        for record in records:
            per_document[record.ref.document]["records"] += 1
        log.info("batch %s: %d records (%d bytes) uploaded to %s", job_name, len(records),
                 len(payload), input_uri)
        return JobHandle(
            job_name=job_name, model=self.model, role_arn=self.settings.role_arn,
            invocation_type=self.settings.invocation_type.value, input_uri=input_uri,
            output_uri=location.uri(job_name, "output") + "/", region=self.provider.region,
            max_tokens=config.max_tokens, temperature=config.temperature,
            prompt_version=prompts.PROMPT_VERSION, cache_points=self.settings.cache_points,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            documents=per_document, records={r.record_id: r.ref for r in records})

    def submit(self, handle: JobHandle) -> JobHandle:
        """Create the job for a prepared handle; the handle with its ARN (store it at once).

        Safe to repeat: a handle that already has an ARN is returned as is,
        and a job created before a crash is found again by its name.
        """
        if handle.job_arn:
            return handle
        found = self._find(handle.job_name)
        if found:
            return handle.with_arn(found)
        client = self._client("bedrock")
        try:
            response = client.create_model_invocation_job(
                jobName=handle.job_name, roleArn=handle.role_arn, modelId=handle.model,
                clientRequestToken=handle.job_name,
                modelInvocationType=handle.invocation_type,
                inputDataConfig={"s3InputDataConfig": {"s3Uri": handle.input_uri,
                                                       "s3InputFormat": "JSONL"}},
                outputDataConfig={"s3OutputDataConfig": {"s3Uri": handle.output_uri}},
                timeoutDurationInHours=self.settings.timeout_hours)
        except Exception as exc:
            if _code(exc) == "ConflictException":  # created by an earlier try after all
                found = self._find(handle.job_name)
                if found:
                    return handle.with_arn(found)
            raise self._control_error(exc, "create the batch job", handle.input_uri) from None
        log.info("batch %s: job %s created", handle.job_name, response["jobArn"])
        return handle.with_arn(response["jobArn"])

    def _find(self, job_name: str) -> str | None:
        """The ARN of the job with this exact name, if Bedrock has one (ListModelInvocationJobs)."""
        client = self._client("bedrock")
        token: str | None = None
        try:
            while True:
                page = client.list_model_invocation_jobs(
                    nameContains=job_name, maxResults=100, **({"nextToken": token} if token
                                                              else {}))
                for job in page.get("invocationJobSummaries", []):
                    if job.get("jobName") == job_name:
                        return str(job["jobArn"])
                token = page.get("nextToken")
                if not token:
                    return None
        except Exception as exc:
            raise self._control_error(exc, "look up the batch job") from None

    def list_jobs(self, name_contains: str = "margin-") -> list[tuple[str, str, JobStatus]]:
        """(name, ARN, status) of this account's jobs whose name contains `name_contains`."""
        client = self._client("bedrock")
        jobs: list[tuple[str, str, JobStatus]] = []
        token: str | None = None
        try:
            while True:
                page = client.list_model_invocation_jobs(
                    nameContains=name_contains, maxResults=100,
                    **({"nextToken": token} if token else {}))
                jobs.extend((str(j.get("jobName")), str(j.get("jobArn")),
                             JobStatus.from_response(j))
                            for j in page.get("invocationJobSummaries", []))
                token = page.get("nextToken")
                if not token:
                    return jobs
        except Exception as exc:
            raise self._control_error(exc, "list batch jobs") from None

    # -- watching ----------------------------------------------------------------------

    def _get(self, handle: JobHandle) -> JobStatus:
        if not handle.job_arn:
            raise ValueError("the batch job was not submitted yet: call submit() first")
        response = self._client("bedrock").get_model_invocation_job(
            jobIdentifier=handle.job_arn)
        return JobStatus.from_response(response)

    def status(self, handle: JobHandle) -> JobStatus:
        try:
            return self._get(handle)
        except (ValueError, ProviderError):
            raise
        except Exception as exc:
            raise self._control_error(exc, "read the batch job's status") from None

    def wait(self, handle: JobHandle, cancel: CancelToken,
             on_status: Callable[[JobStatus], None] | None = None) -> JobStatus:
        """Poll until the job ends, growing the interval; report every status read.

        Throttling and network failures while polling are waited out. A
        cancel raises Cancelled at once and leaves the job running: resume
        with the handle, or `stop` it.
        """
        delay = self.settings.poll_initial
        failures = 0
        last: JobState | None = None
        while True:
            if cancel.cancelled:
                raise Cancelled()
            try:
                status = self._get(handle)
            except ValueError:
                raise
            except ProviderError:
                raise
            except Exception as exc:
                if not transient(exc) or failures >= MAX_POLL_FAILURES:
                    raise self._control_error(exc, "read the batch job's status") from None
                failures += 1
                log.info("batch %s: status not read (%s); trying again", handle.job_name,
                         type(exc).__name__)
            else:
                failures = 0
                if on_status is not None:
                    on_status(status)
                if status.state.finished:
                    return status
                if status.state is not last:  # a change: look again soon
                    delay, last = self.settings.poll_initial, status.state
            if cancel.wait(delay):
                raise Cancelled()
            delay = min(self.settings.poll_max, delay * POLL_GROWTH)

    def stop(self, handle: JobHandle) -> JobStatus:
        """Cancel the review: stop the job (StopModelInvocationJob); its status after."""
        if not handle.job_arn:
            raise ValueError("the batch job was not submitted yet: there is nothing to stop")
        try:
            self._client("bedrock").stop_model_invocation_job(jobIdentifier=handle.job_arn)
        except Exception as exc:
            # A job that already ended cannot be stopped: that is no failure to cancel.
            if _code(exc) not in ("ValidationException", "ConflictException"):
                raise self._control_error(exc, "stop the batch job") from None
            log.info("batch %s: not stopped (%s); it has ended already", handle.job_name,
                     _code(exc))
        return self.status(handle)

    # -- collecting --------------------------------------------------------------------

    def collect(self, handle: JobHandle, documents: Sequence[BatchDocument],
                cancel: CancelToken,
                on_section: Callable[[SectionOutcome], None] | None = None) -> BatchOutcome:
        """Read a finished job's answers and settle every section of `documents`.

        Each answer goes through the on-demand path (schema, re-ask, anchoring);
        a record that failed in the job comes back as a failed section with
        its error. `on_section` is called, on this thread, as each section
        settles. Raises ProviderError if the job failed as a whole or its
        output cannot be read, and ValueError if the job has not ended.
        """
        status = self.status(handle)
        if not status.state.finished:
            raise ValueError(f"the batch job is {status.state.value}: wait() for it first")
        if status.state is JobState.FAILED:
            raise job_failed(handle.job_name, status.message, handle.role_arn,
                             handle.input_uri)
        lines = self._output_lines(handle)
        return collecting.collect(self.provider, handle, documents, status, lines, cancel,
                                  on_section)

    def _output_lines(self, handle: JobHandle) -> list[str]:
        """Every line of the job's `.out` files (not the manifest)."""
        location = S3Location.parse(handle.output_uri)
        prefix = location.key(handle.job_id or "") + "/"
        uri = f"s3://{location.bucket}/{prefix}"
        client = self._client("s3")
        lines: list[str] = []
        try:
            paginator = client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=location.bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    key = str(item["Key"])
                    name = key.rsplit("/", 1)[-1]
                    if not name.endswith(".out") or name.startswith("manifest."):
                        continue
                    body = client.get_object(Bucket=location.bucket, Key=key)["Body"]
                    try:
                        data = body.read()
                    finally:
                        body.close()
                    # A damaged byte spoils one line (one record), not the whole file.
                    lines.extend(data.decode("utf-8", errors="replace").splitlines())
        except Exception as exc:
            raise s3_error(exc, "read the batch job's output", uri,
                           profile=self.provider.config.profile) from None
        return lines


def _job_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"margin-{stamp}-{secrets.token_hex(3)}"


def _code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    return str((response or {}).get("Error", {}).get("Code", "")) if isinstance(
        response, dict) else ""
