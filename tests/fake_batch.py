"""The batch half of Bedrock's control plane, for a real boto3 `bedrock` client.

moto implements S3 but not CreateModelInvocationJob and friends (DESIGN.md), so
`FakeBedrock` (tests/fake_bedrock.py) routes `/model-invocation-job*` here once
`fake.batch = FakeBatchJobs(s3_url)` is set. Jobs behave as the service does,
as far as Margin can see:

- CreateModelInvocationJob records the job (Submitted); the same client token
  returns the same job, another job of the same name is a ConflictException,
  and a role the caller may not pass is an AccessDeniedException.
- Each GetModelInvocationJob answers, then moves the job one step: Submitted ->
  Validating ->
  InProgress -> Completed (PartiallyCompleted when records went unprocessed;
  Failed when the role cannot read the input). `hold = True` keeps jobs
  InProgress until `release()`, for kill-and-resume tests.
- On completion the input JSONL is read from S3 (moto) and the output written
  where Bedrock writes it: `OUTPUT_URI/JOB_ID/records.jsonl.out` (one line per
  record, shuffled, `error` in place of `modelOutput` for a failed record)
  plus `OUTPUT_URI/JOB_ID/manifest.json.out`.
- StopModelInvocationJob: Stopping, then Stopped at the next read; a job that
  has ended cannot be stopped (ValidationException).
- Records of the Converse type that carry `toolConfig` fail with a 400, as AWS
  documents (`converse_tools = True` lifts that, to exercise that path).

Scripting per record id: `script[rid] = Reply.tool_input(...)` (tests/fake_bedrock.Reply:
findings, tool_input, text, max_tokens or error), `malformed.add(rid)` for a
damaged output line, `unprocessed.add(rid)` for a record the job never answered;
`create_error = FakeError(...)` fails the next create, `throttled_gets = n`
throttles the next n status reads.
"""

from __future__ import annotations

import json
import random
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, unquote

from desktop_app.ai.prompts import TOOL_NAME, extract_section_text

ACCOUNT = "123456789012"
REGION = "us-east-1"


class FakeError(Exception):
    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


@dataclass
class FakeJob:
    arn: str
    name: str
    token: str
    model: str
    role: str
    invocation_type: str
    input_uri: str
    output_uri: str
    submitted: str
    state: str = "Submitted"
    message: str = ""
    ended: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def job_id(self) -> str:
        return self.arn.rsplit("/", 1)[-1]

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "jobArn": self.arn, "jobName": self.name, "modelId": self.model,
            "clientRequestToken": self.token, "roleArn": self.role, "status": self.state,
            "submitTime": self.submitted, "lastModifiedTime": self.ended or self.submitted,
            "modelInvocationType": self.invocation_type,
            "inputDataConfig": {"s3InputDataConfig": {"s3Uri": self.input_uri}},
            "outputDataConfig": {"s3OutputDataConfig": {"s3Uri": self.output_uri}},
        }
        if self.message:
            out["message"] = self.message
        if self.ended:
            out["endTime"] = self.ended
        out.update(self.counts)
        return out


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _split(uri: str) -> tuple[str, str]:
    bucket, _, key = uri[5:].partition("/")
    return bucket, key


class FakeBatchJobs:
    def __init__(self, s3_endpoint: str, *, seed: int = 7) -> None:
        import boto3

        self._s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION,
                                aws_access_key_id="testing", aws_secret_access_key="testing")
        self._lock = threading.Condition()
        self.jobs: dict[str, FakeJob] = {}
        self.calls: list[tuple[str, str]] = []  # (operation, job name or "")
        self.random = random.Random(seed)
        self.hold = False
        self.converse_tools = False
        self.min_records = 1
        self.denied_pass_roles: set[str] = set()
        self.roles_without_s3: set[str] = set()
        self.script: dict[str, Any] = {}  # record id -> tests.fake_bedrock.Reply
        self.malformed: set[str] = set()
        self.unprocessed: set[str] = set()
        self.create_error: FakeError | None = None  # the next create fails so
        self.throttled_gets = 0  # this many status reads are throttled first
        self.records: list[dict[str, Any]] = []  # every record of every job run, as read

    def close(self) -> None:
        self._s3.close()

    # -- scripting and inspection ------------------------------------------------------

    def release(self) -> None:
        with self._lock:
            self.hold = False

    def count(self, operation: str) -> int:
        with self._lock:
            return sum(1 for op, _ in self.calls if op == operation)

    def wait_for(self, operation: str, count: int, timeout: float = 10.0) -> bool:
        with self._lock:
            return self._lock.wait_for(lambda: sum(
                1 for op, _ in self.calls if op == operation) >= count, timeout)

    # -- HTTP (called by FakeBedrock) ----------------------------------------------------

    def respond(self, method: str, path: str, query: str, raw: bytes) -> dict[str, Any]:
        """The JSON answer to one request, or FakeError."""
        if method == "POST" and path == "/model-invocation-job":
            return self._create(json.loads(raw or b"{}"))
        match = re.fullmatch(r"/model-invocation-job/(.+?)(/stop)?", path)
        if method == "GET" and path == "/model-invocation-jobs":
            return self._list(parse_qs(query))
        if match is None:
            raise FakeError("UnknownOperationException", "no such operation", 404)
        job = self._job(unquote(match.group(1)))
        if method == "POST" and match.group(2):
            return self._stop(job)
        if method == "GET" and not match.group(2):
            return self._get(job)
        raise FakeError("UnknownOperationException", "no such operation", 404)

    def _job(self, identifier: str) -> FakeJob:
        with self._lock:
            job = self.jobs.get(identifier) or next(
                (j for j in self.jobs.values() if j.job_id == identifier), None)
        if job is None:
            raise FakeError("ResourceNotFoundException",
                            f"The specified job {identifier} was not found.", 404)
        return job

    def _create(self, body: dict[str, Any]) -> dict[str, Any]:
        name, token, role = body["jobName"], body.get("clientRequestToken", ""), body["roleArn"]
        with self._lock:
            self.calls.append(("create", name))
            self._lock.notify_all()
            for job in self.jobs.values():
                if job.name == name:
                    if token and job.token == token:  # an idempotent retry
                        return {"jobArn": job.arn}
                    raise FakeError("ConflictException",
                                    f"A job with the name {name} already exists.", 409)
        if self.create_error is not None:
            error, self.create_error = self.create_error, None
            raise error
        if role in self.denied_pass_roles:
            raise FakeError("AccessDeniedException",
                            f"User: arn:aws:sts::{ACCOUNT}:assumed-role/reviewer/margin is not "
                            f"authorized to perform: iam:PassRole on resource: {role}", 403)
        arn = (f"arn:aws:bedrock:{REGION}:{ACCOUNT}:model-invocation-job/"
               f"{secrets.token_hex(6)}")
        job = FakeJob(arn, name, token, body["modelId"], role,
                      body.get("modelInvocationType", "InvokeModel"),
                      body["inputDataConfig"]["s3InputDataConfig"]["s3Uri"],
                      body["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"], _now())
        with self._lock:
            self.jobs[arn] = job
        return {"jobArn": arn}

    def _list(self, query: dict[str, list[str]]) -> dict[str, Any]:
        contains = (query.get("nameContains") or [""])[0]
        status = (query.get("statusEquals") or [""])[0]
        with self._lock:
            self.calls.append(("list", contains))
            self._lock.notify_all()
            found = [j.describe() for j in self.jobs.values()
                     if contains in j.name and (not status or j.state == status)]
        return {"invocationJobSummaries": found}

    def _stop(self, job: FakeJob) -> dict[str, Any]:
        with self._lock:
            self.calls.append(("stop", job.name))
            self._lock.notify_all()
            if job.state in ("Completed", "PartiallyCompleted", "Failed", "Stopped",
                             "Expired"):
                raise FakeError("ValidationException",
                                f"The job cannot be stopped in its current state "
                                f"{job.state}.", 400)
            job.state = "Stopping"
        return {}

    def _get(self, job: FakeJob) -> dict[str, Any]:
        with self._lock:
            self.calls.append(("get", job.name))
            self._lock.notify_all()
            if self.throttled_gets > 0:
                self.throttled_gets -= 1
                raise FakeError("ThrottlingException", "Too many requests, please wait "
                                "before trying again.", 429)
            hold = self.hold
            answer = job.describe()
        self._advance(job, hold)  # the next read sees the next state
        return answer

    # -- the job itself ------------------------------------------------------------------

    def _advance(self, job: FakeJob, hold: bool) -> None:
        if job.state == "Submitted":
            job.state = "Validating"
        elif job.state == "Validating":
            if job.role in self.roles_without_s3:
                self._end(job, "Failed", f"Amazon Bedrock could not read "
                          f"{job.input_uri} with the role {job.role}: Access Denied "
                          f"(Service: S3, Status Code: 403)")
            else:
                job.state = "InProgress"
        elif job.state == "InProgress" and not hold:
            self._run(job)
        elif job.state == "Stopping":
            self._end(job, "Stopped", "")

    def _end(self, job: FakeJob, state: str, message: str) -> None:
        job.state, job.message, job.ended = state, message, _now()

    def _run(self, job: FakeJob) -> None:
        bucket, key = _split(job.input_uri)
        lines = self._s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode().splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
        self.records.extend(records)
        if len(records) < self.min_records:
            self._end(job, "Failed", f"The number of records ({len(records)}) is below the "
                      f"minimum of {self.min_records} for this model.")
            return
        out: list[str] = []
        errors = skipped = 0
        for record in records:
            rid = record["recordId"]
            if rid in self.unprocessed:
                skipped += 1
                continue
            line = self._answer(job, record)
            if "error" in line:
                errors += 1
            text = json.dumps(line)
            if rid in self.malformed:
                text = text[: len(text) // 2]  # cut short: the line is not JSON any more
            out.append(text)
        self.random.shuffle(out)  # output order is not guaranteed
        out_bucket, out_prefix = _split(job.output_uri)
        folder = f"{out_prefix.rstrip('/')}/{job.job_id}"
        input_name = key.rsplit("/", 1)[-1]
        self._s3.put_object(Bucket=out_bucket, Key=f"{folder}/{input_name}.out",
                            Body=("\n".join(out) + "\n").encode())
        total, processed = len(records), len(records) - skipped
        job.counts = {"totalRecordCount": total, "processedRecordCount": processed,
                      "successRecordCount": processed - errors, "errorRecordCount": errors}
        manifest = {**job.counts, "inputTokenCount": 0, "outputTokenCount": 0}
        self._s3.put_object(Bucket=out_bucket, Key=f"{folder}/manifest.json.out",
                            Body=json.dumps(manifest).encode())
        self._end(job, "PartiallyCompleted" if skipped else "Completed", "")

    def _answer(self, job: FakeJob, record: dict[str, Any]) -> dict[str, Any]:
        from tests.fake_bedrock import Reply, first_sentence, tokens

        rid, body = record["recordId"], record["modelInput"]
        line: dict[str, Any] = {"recordId": rid, "modelInput": body}
        converse = job.invocation_type == "Converse"
        if converse and "toolConfig" in body and not self.converse_tools:
            line["error"] = {"errorCode": 400, "errorMessage": "Malformed input request: tool "
                             "use is not supported for Converse batch records"}
            return line
        reply = self.script.get(rid) or Reply.findings()
        if reply.kind == "error":
            line["error"] = {"errorCode": reply.status or 400, "errorMessage": reply.message}
            return line
        user = _user_text(body)
        system = _system_text(body)
        if reply.kind == "findings":
            section = extract_section_text(user) or user
            checkpoint = re.search(r"^- \[([^\]]+)\]", system, re.MULTILINE)
            payload: Any = {"findings": reply.payload if reply.payload is not None else [{
                "category": "clarity", "severity": "minor", "confidence": 0.7,
                "quote": first_sentence(section) or "(empty section)",
                "issue": "The opening sentence does not state the point.",
                "suggestion": "Lead with the conclusion.", "rewrite": None,
                "checkpoints": [checkpoint.group(1)] if checkpoint else []}]}
            if reply.facts is not None:
                payload["facts"] = reply.facts
        else:
            payload = reply.payload
        use_id = f"toolu_{secrets.token_hex(6)}"
        if reply.kind in ("findings", "tool_input"):
            content, stop = [("tool", payload)], "tool_use"
        elif reply.kind == "max_tokens":
            content, stop = [("text", '{"findings": [{"category": "cla')], "max_tokens"
        else:
            content, stop = [("text", str(reply.payload))], "end_turn"
        usage_in, usage_out = tokens(system + user), tokens(json.dumps(payload))
        if converse:
            blocks = [{"toolUse": {"toolUseId": use_id, "name": TOOL_NAME, "input": value}}
                      if kind == "tool" else {"text": value} for kind, value in content]
            line["modelOutput"] = {
                "output": {"message": {"role": "assistant", "content": blocks}},
                "stopReason": stop, "metrics": {"latencyMs": 900},
                "usage": {"inputTokens": usage_in, "outputTokens": usage_out,
                          "totalTokens": usage_in + usage_out}}
        else:
            blocks = [{"type": "tool_use", "id": use_id, "name": TOOL_NAME, "input": value}
                      if kind == "tool" else {"type": "text", "text": value}
                      for kind, value in content]
            line["modelOutput"] = {
                "id": f"msg_bdrk_{secrets.token_hex(6)}", "type": "message",
                "role": "assistant", "model": job.model, "content": blocks,
                "stop_reason": stop, "stop_sequence": None,
                "usage": {"input_tokens": usage_in, "output_tokens": usage_out}}
        return line


def _user_text(body: dict[str, Any]) -> str:
    # Converse and Anthropic text blocks both carry "text".
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    return "\n".join(b["text"] for b in users[0]["content"] if "text" in b) if users else ""


def _system_text(body: dict[str, Any]) -> str:
    return "\n".join(b["text"] for b in body.get("system", []) if "text" in b)
