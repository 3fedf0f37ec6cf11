"""Batch jobs end to end: a real boto3 client against the fake control plane and moto's S3.

The fake (tests/fake_batch.py) reads the uploaded JSONL from S3 and writes the
output as Bedrock does, shuffled, with error records and damaged lines when
scripted; re-asks go to the fake Bedrock Runtime on the same server.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace

import boto3
import pytest

from desktop_app.ai.batch import (
    BatchJobs,
    InvocationType,
    JobHandle,
    JobState,
    TooFewRecords,
)
from desktop_app.ai.prices import estimate_batch_cost, estimate_cost
from desktop_app.ai.provider import Cancelled, CancelToken, FailureKind, ProviderError
from tests.batch_helpers import documents
from tests.conftest_batch import ROLE
from tests.conftest_bedrock import PRIMARY
from tests.fake_batch import FakeError
from tests.fake_bedrock import Reply

BAD_INPUT = {"findings": [{"category": "x", "severity": "catastrophic", "confidence": 2,
                           "quote": "q", "issue": "i", "suggestion": "s", "checkpoints": []}]}


@pytest.fixture
def jobs(bedrock_provider, batch_settings):
    made = []

    def make(provider_overrides=None, **settings):
        runner = BatchJobs(bedrock_provider(**(provider_overrides or {})),
                           batch_settings(**settings))
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.close()


def run(runner, docs, cancel=None, statuses=None):
    """prepare -> submit -> wait -> collect, storing the handle as JSON in between."""
    cancel = cancel or CancelToken()
    handle = JobHandle.from_json(runner.prepare(docs).to_json())
    handle = JobHandle.from_json(runner.submit(handle).to_json())
    runner.wait(handle, cancel, statuses.append if statuses is not None else None)
    return handle, runner.collect(handle, docs, cancel)


def test_round_trip_reviews_every_section_with_anchored_findings(jobs, fake_batch,
                                                                 fake_bedrock):
    docs = documents(2, 3)
    statuses = []
    settled = []
    runner = jobs()
    handle = runner.submit(runner.prepare(docs))
    runner.wait(handle, CancelToken(), statuses.append)
    outcome = runner.collect(handle, docs, CancelToken(), settled.append)

    assert [s.state for s in statuses] == [JobState.SUBMITTED, JobState.VALIDATING,
                                           JobState.IN_PROGRESS, JobState.COMPLETED]
    assert statuses[-1].total == 6 and statuses[-1].succeeded == 6
    assert outcome.status.state is JobState.COMPLETED
    assert len(outcome.sections) == 6 and not outcome.failed
    assert [(s.document, s.section_id) for s in outcome.sections] == [
        (d.key, s.section_id) for d in docs for s in d.sections]
    assert sorted((s.document, s.section_id) for s in settled) == [
        (s.document, s.section_id) for s in outcome.sections]
    texts = {(d.key, s.section_id): s.text for d in docs for s in d.sections}
    for section in outcome.sections:
        finding = section.result.findings[0]
        text = texts[(section.document, section.section_id)]
        assert finding.anchored and text[finding.start:finding.end] == finding.quote
        assert finding.id.startswith("f-") and finding.checkpoints == ["B-01"]
        assert section.result.model == PRIMARY
    # No on-demand call was needed, and the job's tokens are counted apart.
    assert fake_bedrock.requests_for(operation="converse") == []
    assert outcome.on_demand_usage.requests == 0 and outcome.on_demand_cost == 0
    assert outcome.batch_usage.requests == 6 and outcome.batch_usage.input_tokens > 0
    assert outcome.batch_cost == estimate_batch_cost(PRIMARY, outcome.batch_usage)
    assert outcome.batch_cost == pytest.approx(
        estimate_cost(PRIMARY, outcome.batch_usage) / 2, abs=2e-6)
    # One job, created with the settings asked for, from records uploaded under the prefix.
    (job,) = fake_batch.jobs.values()
    assert job.role == ROLE and job.model == PRIMARY and job.invocation_type == "InvokeModel"
    assert job.input_uri == handle.input_uri and job.input_uri.endswith(
        f"/reviews/2026/{handle.job_name}/records.jsonl")


def test_output_lines_are_matched_by_record_id_not_by_order(jobs, fake_batch, moto_s3_url):
    docs = documents(1, 6)
    runner = jobs()
    handle, outcome = run(runner, docs)
    # The fake wrote the answers shuffled, where Bedrock writes them.
    bucket, _, key = handle.output_uri[5:].partition("/")
    s3 = boto3.client("s3", endpoint_url=moto_s3_url, region_name="us-east-1")
    try:
        keys = sorted(o["Key"] for o in s3.list_objects_v2(
            Bucket=bucket, Prefix=f"{key}{handle.job_id}/")["Contents"])
        body = s3.get_object(Bucket=bucket, Key=keys[1])["Body"].read().decode()
    finally:
        s3.close()
    assert [k.rsplit("/", 1)[-1] for k in keys] == ["manifest.json.out", "records.jsonl.out"]
    order = [json.loads(line)["recordId"] for line in body.splitlines()]
    assert order != sorted(order)
    # Each section got the finding quoting its own text.
    for section in outcome.sections:
        assert section.section_id.removeprefix("s") in section.result.findings[0].quote


def test_error_records_come_back_as_failed_sections_with_their_error(jobs, fake_batch):
    docs = documents(1, 4)
    runner = jobs()
    handle = runner.prepare(docs)
    by_section = {ref.section_id: rid for rid, ref in handle.records.items()}
    fake_batch.script[by_section["s2"]] = Reply.error(
        "ValidationException", "Input is too long for requested model.", status=400)
    fake_batch.script[by_section["s3"]] = Reply.error(
        "ThrottlingException", "Too many tokens, please wait.", status=429)
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    outcome = runner.collect(handle, docs, CancelToken())

    failed = {s.section_id: s.error for s in outcome.failed}
    assert sorted(failed) == ["s2", "s3"]
    assert "Input is too long for requested model. (400)" in failed["s2"].message
    assert failed["s3"].kind is FailureKind.THROTTLED
    assert [s.section_id for s in outcome.sections if s.ok] == ["s1", "s4"]
    assert outcome.status.errors == 2


def test_malformed_output_line_fails_its_record_not_the_job(jobs, fake_batch):
    docs = documents(1, 4)
    runner = jobs()
    handle = runner.prepare(docs)
    damaged = next(rid for rid, ref in handle.records.items() if ref.section_id == "s3")
    fake_batch.malformed.add(damaged)
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    outcome = runner.collect(handle, docs, CancelToken())

    (failed,) = outcome.failed
    assert failed.section_id == "s3" and failed.error.kind is FailureKind.BAD_OUTPUT
    assert "could not be read" in failed.error.message
    assert sum(s.ok for s in outcome.sections) == 3


def test_unusable_answer_gets_the_on_demand_reask(jobs, fake_batch, fake_bedrock):
    docs = documents(1, 3)
    runner = jobs()
    handle = runner.prepare(docs)
    bad = next(rid for rid, ref in handle.records.items() if ref.section_id == "s2")
    fake_batch.script[bad] = Reply.tool_input(BAD_INPUT)
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    outcome = runner.collect(handle, docs, CancelToken())

    assert not outcome.failed
    (reask,) = fake_bedrock.requests_for(PRIMARY, "converse")
    # The conversation goes on from the batch answer: the answer, then the complaint.
    assert [m["role"] for m in reask.messages] == ["user", "assistant", "user"]
    tool_use = reask.messages[1]["content"][0]["toolUse"]
    assert tool_use["input"] == BAD_INPUT
    assert reask.messages[2]["content"][0]["toolResult"]["toolUseId"] == tool_use["toolUseId"]
    assert "severity" in reask.messages[2]["content"][0]["toolResult"]["content"][0]["text"]
    s2 = next(s for s in outcome.sections if s.section_id == "s2")
    assert s2.result.findings[0].anchored
    # The re-ask is on-demand usage; the first answer stays batch usage.
    assert outcome.on_demand_usage.requests == 1
    assert s2.result.usage.requests == 1 and s2.batch_usage.requests == 1
    assert outcome.batch_usage.requests == 3


def test_max_tokens_answer_is_retried_on_demand_with_a_higher_limit(jobs, fake_batch,
                                                                    fake_bedrock):
    docs = documents(1, 3)
    runner = jobs()
    handle = runner.prepare(docs)
    cut = next(rid for rid, ref in handle.records.items() if ref.section_id == "s1")
    fake_batch.script[cut] = Reply.max_tokens()
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    outcome = runner.collect(handle, docs, CancelToken())

    assert not outcome.failed
    (retry,) = fake_bedrock.requests_for(PRIMARY, "converse")
    assert retry.body["inferenceConfig"]["maxTokens"] == 2 * handle.max_tokens


def test_long_section_parts_are_merged_and_anchored_on_the_whole_text(jobs):
    docs = documents(1, 3, long_section=True)
    runner = jobs()
    handle, outcome = run(runner, docs)

    assert len(handle.records) == 4
    s1 = next(s for s in outcome.sections if s.section_id == "s1")
    text = docs[0].sections[0].text
    assert len(s1.result.findings) == 2 and s1.batch_usage.requests == 2
    for finding in s1.result.findings:
        assert finding.anchored and text[finding.start:finding.end] == finding.quote
    assert len({f.id for f in s1.result.findings}) == 2


def test_a_changed_document_fails_its_records_instead_of_mislabelling_them(jobs):
    docs = documents(1, 3)
    runner = jobs()
    handle = runner.submit(runner.prepare(docs))
    runner.wait(handle, CancelToken())
    edited = documents(1, 3)
    section = edited[0].sections[1]
    edited[0].sections[1] = type(section).whole(section.section_id, section.title,
                                                section.text + " Added later.")
    outcome = runner.collect(handle, edited, CancelToken())

    (failed,) = outcome.failed
    assert failed.section_id == "s2" and "changed after the batch job" in failed.error.message


def test_below_the_minimum_says_so_and_creates_nothing(jobs, fake_batch):
    runner = jobs(min_records=100)
    with pytest.raises(TooFewRecords) as caught:
        runner.prepare(documents(2, 3))
    assert caught.value.count == 6 and caught.value.minimum == 100
    assert caught.value.message == (
        f"6 requests is below Bedrock's minimum of 100 records per batch job for {PRIMARY} "
        f"(a service quota): reviewing on demand instead")
    assert fake_batch.jobs == {}


def test_cancel_stops_the_job(jobs, fake_batch):
    fake_batch.hold = True
    runner = jobs()
    handle = runner.submit(runner.prepare(documents(1, 3)))
    cancel = CancelToken()

    def cancel_when_running(status):
        if status.state is JobState.IN_PROGRESS:
            cancel.cancel()

    with pytest.raises(Cancelled):
        runner.wait(handle, cancel, cancel_when_running)
    after = runner.stop(handle)
    assert after.state in (JobState.STOPPING, JobState.STOPPED)
    assert runner.wait(handle, CancelToken()).state is JobState.STOPPED
    assert fake_batch.count("stop") == 1
    # Stopping a job that has ended is no error: it just says how it ended.
    assert runner.stop(handle).state is JobState.STOPPED


def test_submit_again_finds_the_job_instead_of_creating_another(jobs, fake_batch):
    runner = jobs()
    prepared = runner.prepare(documents(1, 3))
    first = runner.submit(prepared)
    # A crash before the ARN was stored: the prepared handle is all that is left.
    again = runner.submit(JobHandle.from_json(prepared.to_json()))
    assert again.job_arn == first.job_arn
    assert len(fake_batch.jobs) == 1 and fake_batch.count("create") == 1


def test_caller_who_may_not_pass_the_role_gets_a_plain_message(jobs, fake_batch):
    fake_batch.denied_pass_roles.add(ROLE)
    runner = jobs()
    with pytest.raises(ProviderError) as caught:
        runner.submit(runner.prepare(documents(1, 3)))
    err = caught.value
    assert err.kind is FailureKind.ACCESS_DENIED and err.fatal
    assert err.message.startswith(f"cannot create the batch job: your AWS identity may not "
                                  f"pass the role {ROLE} to Bedrock")
    assert "allow iam:PassRole on that role" in err.message
    assert fake_batch.jobs == {}


def test_role_that_cannot_read_the_bucket_fails_the_job_with_a_plain_message(jobs, fake_batch):
    fake_batch.roles_without_s3.add(ROLE)
    runner = jobs()
    docs = documents(1, 3)
    handle = runner.submit(runner.prepare(docs))
    assert runner.wait(handle, CancelToken()).state is JobState.FAILED
    with pytest.raises(ProviderError) as caught:
        runner.collect(handle, docs, CancelToken())
    err = caught.value
    assert err.kind is FailureKind.ACCESS_DENIED
    assert f"the batch job {handle.job_name} failed: Amazon Bedrock could not read" in err.message
    assert f"the role {ROLE} needs s3:GetObject, s3:ListBucket and s3:PutObject" in err.message


def test_missing_bucket_is_reported_before_any_job(jobs, fake_batch):
    runner = jobs(s3_uri="s3://margin-no-such-bucket/x")
    with pytest.raises(ProviderError) as caught:
        runner.prepare(documents(1, 3))
    assert caught.value.message == (
        "cannot upload the batch records: the bucket margin-no-such-bucket does not exist: "
        "create it in the job's region, or correct --batch s3://BUCKET/PREFIX")
    assert fake_batch.jobs == {}


def test_records_the_job_never_answered_are_failures(jobs, fake_batch):
    docs = documents(1, 3)
    runner = jobs()
    handle = runner.prepare(docs)
    skipped = next(rid for rid, ref in handle.records.items() if ref.section_id == "s1")
    fake_batch.unprocessed.add(skipped)
    handle = runner.submit(handle)
    assert runner.wait(handle, CancelToken()).state is JobState.PARTIALLY_COMPLETED
    outcome = runner.collect(handle, docs, CancelToken())
    (failed,) = outcome.failed
    assert failed.section_id == "s1"
    assert "ended (PartiallyCompleted) without an answer" in failed.error.message


def test_converse_records_with_a_tool_fail_as_aws_documents(jobs, fake_batch):
    docs = documents(1, 3)
    runner = jobs(invocation_type=InvocationType.CONVERSE)
    _handle, outcome = run(runner, docs)
    assert len(outcome.failed) == 3
    assert all("(400)" in s.error.message for s in outcome.failed)


def test_converse_records_round_trip_where_tools_are_accepted(jobs, fake_batch):
    fake_batch.converse_tools = True
    docs = documents(1, 3)
    runner = jobs(invocation_type=InvocationType.CONVERSE)
    _handle, outcome = run(runner, docs)
    assert not outcome.failed
    assert all(s.result.findings[0].anchored for s in outcome.sections)


def test_quota_reached_at_creation_says_what_to_do(jobs, fake_batch):
    fake_batch.create_error = FakeError(
        "ServiceQuotaExceededException", "Number of in-progress and submitted batch jobs "
        "exceeds the limit of 10 for this model.", 400)
    runner = jobs()
    with pytest.raises(ProviderError) as caught:
        runner.submit(runner.prepare(documents(1, 3)))
    assert caught.value.kind is FailureKind.THROTTLED and not caught.value.fatal
    assert caught.value.message == (
        "cannot create the batch job: a batch inference quota is reached (Number of "
        "in-progress and submitted batch jobs exceeds the limit of 10 for this model.): wait "
        f"for a running job of {PRIMARY} to finish, or request a higher quota in Service "
        "Quotas")


def test_model_without_batch_support_is_named(jobs, fake_batch):
    fake_batch.create_error = FakeError(
        "ValidationException", "The provided model identifier does not support batch "
        "inference.", 400)
    runner = jobs()
    with pytest.raises(ProviderError) as caught:
        runner.submit(runner.prepare(documents(1, 3)))
    assert caught.value.kind is FailureKind.UNKNOWN_MODEL
    assert caught.value.message.startswith(
        f"cannot create the batch job: {PRIMARY} cannot run batch jobs here")


def test_throttled_status_reads_are_waited_out(jobs, fake_batch):
    runner = jobs()
    handle = runner.submit(runner.prepare(documents(1, 3)))
    fake_batch.throttled_gets = 4  # more than botocore's three attempts of one call
    assert runner.wait(handle, CancelToken()).state is JobState.COMPLETED
    assert fake_batch.count("get") == 4 + 4


def test_cancel_while_collecting_raises_cancelled(jobs, fake_batch, fake_bedrock):
    docs = documents(1, 3)
    runner = jobs()
    handle = runner.prepare(docs)
    for rid in handle.records:  # every answer needs an on-demand re-ask, which is slow
        fake_batch.script[rid] = Reply.tool_input(BAD_INPUT)
    fake_bedrock.model(PRIMARY).latency = 5.0
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    cancel = CancelToken()
    settled = []

    def cancel_once_a_reask_is_in_flight():
        fake_bedrock.wait_for_requests(1)
        cancel.cancel()

    canceller = threading.Thread(target=cancel_once_a_reask_is_in_flight)
    canceller.start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.collect(handle, docs, cancel, settled.append)
    canceller.join()
    assert time.monotonic() - started < 4.0 and settled == []


def test_a_job_bedrock_no_longer_knows_is_reported(jobs, fake_batch):
    runner = jobs()
    handle = runner.submit(runner.prepare(documents(1, 3)))
    fake_batch.jobs.clear()  # expired and purged while Margin was closed
    with pytest.raises(ProviderError) as caught:
        runner.wait(handle, CancelToken())
    assert caught.value.message.startswith(
        "cannot read the batch job's status: Bedrock no longer knows the job (The specified "
        "job ")
    assert caught.value.message.endswith("review these sections again")


def test_key_facts_come_back_and_bad_facts_are_asked_again(jobs, fake_batch, fake_bedrock):
    docs = [replace(d, facts=True) for d in documents(1, 3)]
    runner = jobs()
    handle = runner.prepare(docs)
    rid = {ref.section_id: r for r, ref in handle.records.items()}
    fact = {"kind": "figure", "subject": "alarm check interval", "value": "two hours",
            "quote": "Alarms are checked every <two> hours."}
    fake_batch.script[rid["s1"]] = Reply.findings(facts=[fact])
    fake_batch.script[rid["s2"]] = Reply.findings(facts=[{**fact, "kind": "rumour"}])
    handle = runner.submit(handle)
    runner.wait(handle, CancelToken())
    outcome = runner.collect(handle, docs, CancelToken())

    assert not outcome.failed
    s1, s2, _s3 = outcome.sections
    assert [(f.kind, f.value, f.section_id) for f in s1.result.facts] == [
        ("figure", "two hours", "s1")]
    (reask,) = fake_bedrock.requests_for(PRIMARY, "converse")
    assert "facts[0].kind must be one of" in json.dumps(reask.messages[2])
    assert s2.result.usage.requests == 1


def test_a_repeated_passage_is_anchored_in_the_part_that_quoted_it(jobs):
    from desktop_app.ai.batch import BatchDocument, BatchSection

    line = "The valve was closed before the test began. Nobody checked it."
    docs = documents(1, 3)
    repeated = BatchSection("s1", "Section 1", f"{line}\n{line}", (line, line))
    docs = [replace(docs[0], sections=[repeated, *docs[0].sections[1:]])]
    assert isinstance(docs[0], BatchDocument)
    _, outcome = run(jobs(), docs)
    s1 = next(s for s in outcome.sections if s.section_id == "s1")
    starts = sorted(f.start for f in s1.result.findings)
    assert starts == [0, len(line) + 1], "part 2's quote was put on part 1's passage"
    assert len({f.id for f in s1.result.findings}) == 2
