"""Batch records, the Anthropic translation, the handle, settings and output lines."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from desktop_app.ai import converse_request, prompts
from desktop_app.ai.batch import (
    BatchDocument,
    BatchJobs,
    BatchSection,
    BatchSettings,
    InvocationType,
    JobHandle,
    S3Location,
    native,
)
from desktop_app.ai.batch.errors import s3_error
from desktop_app.ai.batch.records import build_records
from desktop_app.ai.batch.results import Answer, Failure, parse_line, parse_output
from desktop_app.ai.context import ContextMode, build_context
from desktop_app.ai.layout import section_layout
from desktop_app.ai.parts import split_parts
from desktop_app.ai.prices import DEFAULT_BATCH_PRICES, DEFAULT_PRICES, estimate_batch_cost
from desktop_app.ai.provider import AnalysisRequest, CancelToken, FailureKind, Usage
from desktop_app.document import load
from desktop_app.review.findings import FINDINGS_SCHEMA
from tests.batch_helpers import FRAMEWORK, documents
from tests.conftest_batch import ROLE
from tests.conftest_bedrock import PRIMARY
from tests.unit.test_context import SAMPLE

BAD_INPUT = {"findings": [{"severity": "catastrophic"}]}


def on_demand_body(fake_bedrock, provider, request) -> dict:
    """The body the on-demand path sent over HTTP for `request` (modelId is in the URL)."""
    provider.analyse(request, CancelToken())
    sent = fake_bedrock.requests_for(PRIMARY, "converse")[-1]
    return sent.body


def test_batch_record_carries_what_the_on_demand_call_sends(bedrock_provider, fake_bedrock):
    docs = documents(1, 1)
    provider = bedrock_provider()
    section = docs[0].sections[0]
    request = AnalysisRequest(section.section_id, section.title, section.text, FRAMEWORK,
                              docs[0].title, 1, 1)
    sent = on_demand_body(fake_bedrock, provider, request)
    settings = dict(max_tokens=provider.config.max_tokens,
                    temperature=provider.config.temperature)

    (converse,) = build_records(docs, PRIMARY, InvocationType.CONVERSE, **settings)
    assert converse.model_input == native.without_cache_points(sent)
    assert {"cachePoint": {"type": "default"}} in sent["system"]
    (invoke,) = build_records(docs, PRIMARY, InvocationType.INVOKE_MODEL, **settings)
    assert invoke.model_input == native.to_native(sent)
    # The same words, the same forced tool and schema, in the Anthropic form.
    body = invoke.model_input
    assert [b["text"] for b in body["system"]] == [
        b["text"] for b in sent["system"] if "text" in b]
    assert body["messages"] == [{"role": "user", "content": [
        {"type": "text", "text": sent["messages"][0]["content"][0]["text"]}]}]
    assert body["tools"] == [{"name": prompts.TOOL_NAME, "description": sent["toolConfig"][
        "tools"][0]["toolSpec"]["description"], "input_schema": FINDINGS_SCHEMA}]
    assert body["tool_choice"] == {"type": "tool", "name": prompts.TOOL_NAME}
    assert body["max_tokens"] == provider.config.max_tokens
    assert body["anthropic_version"] == "bedrock-2023-05-31"
    assert "cache_control" not in json.dumps(body)


def test_part_records_carry_the_part_like_on_demand_parts(bedrock_provider, fake_bedrock):
    docs = documents(1, 1, long_section=True)
    provider = bedrock_provider()
    section = docs[0].sections[0]
    records = build_records(docs, PRIMARY, InvocationType.CONVERSE,
                            max_tokens=provider.config.max_tokens,
                            temperature=provider.config.temperature)
    assert [(r.ref.part, r.ref.parts) for r in records] == [(1, 2), (2, 2)]
    request = AnalysisRequest(section.section_id, section.title, section.parts[1], FRAMEWORK,
                              docs[0].title, 2, 2)
    sent = on_demand_body(fake_bedrock, provider, request)
    assert records[1].model_input == native.without_cache_points(sent)
    assert "This is part 2 of 2 of the section." in sent["messages"][0]["content"][0]["text"]


def test_reask_conversation_translates_tool_use_and_error_result():
    request = AnalysisRequest("s1", "T", "Some text.", FRAMEWORK)
    layout = section_layout(request, None, PRIMARY)
    answer = [{"toolUse": {"toolUseId": "tu1", "name": prompts.TOOL_NAME, "input": BAD_INPUT}}]
    messages = [*layout.messages, {"role": "assistant", "content": answer},
                prompts.reask_message("findings[0] is wrong", ["tu1"])]
    out = native.to_native(converse_request.converse_body(layout, messages, max_tokens=200,
                                                          temperature=0.0))
    assert out["max_tokens"] == 200
    assert out["messages"][1] == {"role": "assistant", "content": [
        {"type": "tool_use", "id": "tu1", "name": prompts.TOOL_NAME, "input": BAD_INPUT}]}
    result = out["messages"][2]["content"][0]
    assert result == {"type": "tool_result", "tool_use_id": "tu1", "is_error": True,
                      "content": [{"type": "text", "text": "findings[0] is wrong"}]}


def test_content_the_translation_cannot_carry_fails_loudly():
    request = AnalysisRequest("s1", "T", "Some text.", FRAMEWORK)
    body = converse_request.section_request(request, PRIMARY, max_tokens=100, temperature=0.0)
    with pytest.raises(ValueError, match="image"):
        native.to_native({**body, "messages": [{"role": "user", "content": [
            {"image": {"format": "png", "source": {"bytes": b""}}}]}]})
    with pytest.raises(ValueError, match="guardrailConfig"):
        native.to_native({**body, "guardrailConfig": {}})


def test_native_answer_reads_as_a_converse_response():
    answer = {"content": [{"type": "text", "text": "Here:"},
                          {"type": "thinking", "thinking": "..."}, {"type": "text", "text": ""},
                          {"type": "tool_use", "id": "tu9", "name": "report_findings",
                           "input": {"findings": []}}],
              "stop_reason": "tool_use",
              "usage": {"input_tokens": 1200, "output_tokens": 80,
                        "cache_read_input_tokens": 5, "cache_creation_input_tokens": 7}}
    response = native.from_native(answer)
    assert response["output"]["message"]["content"] == [{"text": "Here:"}, {"toolUse": {
        "toolUseId": "tu9", "name": "report_findings", "input": {"findings": []}}}]
    assert response["stopReason"] == "tool_use"
    assert response["usage"] == {"inputTokens": 1200, "outputTokens": 80,
                                 "cacheReadInputTokens": 5, "cacheWriteInputTokens": 7}
    assert native.from_native({"content": [], "stop_reason": "refusal"})[
        "stopReason"] == "content_filtered"
    with pytest.raises(ValueError):
        native.from_native({"type": "error"})


def test_output_lines_each_settle_one_record():
    model = PRIMARY
    good = json.dumps({"recordId": "R0000000001", "modelInput": {}, "modelOutput": {
        "content": [], "stop_reason": "end_turn", "usage": {"input_tokens": 3}}})
    error = json.dumps({"recordId": "R0000000002", "modelInput": {},
                        "error": {"errorCode": 503, "errorMessage": "Service busy"}})
    cut = '{"recordId": "R0000000003", "modelInput": {"messages": [{"ro'
    stray = json.dumps({"recordId": "R9999999999", "modelOutput": {"content": []}})
    lines = ["", cut, error, good, "not json at all", stray, cut]
    out = parse_output(lines, {"R0000000001", "R0000000002", "R0000000003"}, model,
                       InvocationType.INVOKE_MODEL)
    assert isinstance(out["R0000000001"], Answer)
    assert out["R0000000001"].usage == Usage(requests=1, input_tokens=3)
    assert isinstance(out["R0000000002"], Failure)
    assert out["R0000000002"].error.kind is FailureKind.SERVICE
    assert "Service busy (503)" in out["R0000000002"].error.message
    assert isinstance(out["R0000000003"], Failure)
    assert out["R0000000003"].error.kind is FailureKind.BAD_OUTPUT
    assert set(out) == {"R0000000001", "R0000000002", "R0000000003"}
    # A readable line wins over a damaged copy of the same record.
    again = parse_output([cut, good.replace("R0000000001", "R0000000003")], {"R0000000003"},
                         model, InvocationType.INVOKE_MODEL)
    assert isinstance(again["R0000000003"], Answer)
    assert parse_line(json.dumps({"recordId": "R1", "modelOutput": "??"}), model,
                      InvocationType.INVOKE_MODEL).error.kind is FailureKind.BAD_OUTPUT


def test_handle_survives_json_and_rejects_anything_else(bedrock_provider, batch_settings):
    runner = BatchJobs(bedrock_provider(), batch_settings())
    try:
        handle = runner.prepare(documents(2, 2, long_section=True))
    finally:
        runner.close()
    again = JobHandle.from_json(handle.to_json())
    assert again == handle
    assert again.job_arn is None and again.job_id is None
    assert again.with_arn("arn:aws:bedrock:us-east-1:1:model-invocation-job/abc").job_id == "abc"
    assert again.documents == {"doc-1": {"title": "Handbook 1", "sections": 2, "records": 3},
                               "doc-2": {"title": "Handbook 2", "sections": 2, "records": 2}}
    assert json.loads(handle.to_json())["records"]["R0000000001"][:4] == ["doc-1", "s1", 1, 2]
    for bad in ("", "[]", '{"version": 99}', json.dumps({"version": 1, "job_name": "x"})):
        with pytest.raises(ValueError, match="not a Margin batch job handle"):
            JobHandle.from_json(bad)


def test_settings_say_what_is_wrong():
    with pytest.raises(ValueError, match="not an S3 location: write it as s3://BUCKET/PREFIX"):
        BatchSettings.create("my-bucket/prefix", ROLE)
    with pytest.raises(ValueError, match="not a valid S3 bucket name"):
        BatchSettings.create("s3://My_Bucket/x", ROLE)
    with pytest.raises(ValueError, match="is not an IAM role ARN"):
        BatchSettings.create("s3://my-bucket/x", "MarginBatch")
    settings = BatchSettings.create("s3://my-bucket/a/b/", ROLE)
    assert settings.location == S3Location("my-bucket", "a/b")
    assert settings.location.uri("job", "records.jsonl") == "s3://my-bucket/a/b/job/records.jsonl"
    assert S3Location.parse("s3://my-bucket").uri("x") == "s3://my-bucket/x"
    assert settings.min_records == 100 and settings.invocation_type is InvocationType.INVOKE_MODEL


def test_s3_access_denied_names_the_location_and_the_permissions():
    exc = ClientError({"Error": {"Code": "AccessDenied", "Message": "Access Denied"},
                       "ResponseMetadata": {"HTTPStatusCode": 403}}, "PutObject")
    err = s3_error(exc, "upload the batch records", "s3://team-bucket/reviews/x.jsonl")
    assert err.kind is FailureKind.ACCESS_DENIED and err.fatal
    assert err.message == (
        "cannot upload the batch records: access denied to s3://team-bucket/reviews/x.jsonl: "
        "allow s3:PutObject, s3:GetObject and s3:ListBucket on it for your AWS identity "
        "(see docs/batch.md)")


def test_batch_prices_are_half_the_on_demand_ones():
    assert set(DEFAULT_BATCH_PRICES) == set(DEFAULT_PRICES)
    assert DEFAULT_BATCH_PRICES[PRIMARY] == (1.5, 7.5, 0.15)
    usage = Usage(input_tokens=1_000_000, output_tokens=100_000)
    assert estimate_batch_cost(PRIMARY, usage) == pytest.approx(1.5 + 0.75)
    edited = {PRIMARY: (4.0, 20.0, 0.4)}
    assert estimate_batch_cost(PRIMARY, usage, edited) == pytest.approx(2.0 + 1.0)
    assert estimate_batch_cost("unknown.model", usage) is None



@pytest.mark.parametrize("mode", [ContextMode.WHOLE, ContextMode.RELATED])
def test_records_carry_the_document_context_and_facts_request_like_on_demand(
        bedrock_provider, fake_bedrock, mode):
    doc = load(str(SAMPLE))
    context = build_context(doc, mode)
    assert context.mode is mode
    sections = [BatchSection(s.id, s.title, s.text, split_parts(s)) for s in doc.walk()]
    batch_doc = BatchDocument("sample", doc.title, FRAMEWORK, sections, context, facts=True)
    provider = bedrock_provider()
    records = build_records([batch_doc], PRIMARY, InvocationType.CONVERSE,
                            max_tokens=provider.config.max_tokens,
                            temperature=provider.config.temperature)
    assert len(records) == sum(len(s.parts) for s in sections) > 3
    for record in records:
        provider.analyse(record.request, CancelToken())
        sent = fake_bedrock.requests_for(PRIMARY, "converse")[-1]
        assert sent.context_text is not None and sent.tool_name == prompts.TOOL_NAME
        assert "facts" in json.dumps(sent.body["toolConfig"])
        assert record.model_input == native.without_cache_points(sent.body)
        anthropic = native.to_native(sent.body)["messages"][0]["content"]
        assert prompts.CONTEXT_BEGIN in anthropic[0]["text"]
        assert prompts.BEGIN_MARK in anthropic[-1]["text"]


def test_cache_points_can_be_kept_as_cache_control(bedrock_provider, fake_bedrock):
    doc = load(str(SAMPLE))
    context = build_context(doc, ContextMode.WHOLE)
    first = next(iter(doc.walk()))
    batch_doc = BatchDocument("sample", doc.title, FRAMEWORK,
                              [BatchSection(first.id, first.title, first.text,
                                            split_parts(first))], context)
    provider = bedrock_provider()
    settings = dict(max_tokens=provider.config.max_tokens,
                    temperature=provider.config.temperature, cache_points=True)
    (converse,) = build_records([batch_doc], PRIMARY, InvocationType.CONVERSE, **settings)
    provider.analyse(converse.request, CancelToken())
    sent = fake_bedrock.requests_for(PRIMARY, "converse")[-1]
    assert converse.model_input == sent.body  # verbatim, cache points included
    (invoke,) = build_records([batch_doc], PRIMARY, InvocationType.INVOKE_MODEL, **settings)
    body = invoke.model_input
    assert body["system"][-1]["cache_control"] == {"type": "ephemeral"}
    marked = [b for b in body["messages"][0]["content"] if "cache_control" in b]
    assert len(marked) == 1 and prompts.CONTEXT_BEGIN in marked[0]["text"]
    assert body == native.to_native(sent.body, cache_points=True)
