"""Amazon Bedrock provider: Converse with a forced findings tool, over a model chain.

One `analyse()` call reviews one section and is made from a worker thread;
many run at once and share one boto3 client. Every call waits for its turn at
the model's pacer (ai/pacer.py), shared with every other provider calling the
same model with the same account and region (the chat, other documents), which
spaces sends to the rate the account sustains. For each model of the chain,
primary first: a throttled call is sent again when its turn comes, keeping its
place, until the model has refused everything for `throttle_patience`; up to
`max_attempts` calls with backoff on 5xx, timeouts and network errors; an
answer that does not fit the schema is asked for once more; a `max_tokens`
stop is retried with a doubled limit, then the section is split in two. A
model that cannot serve (denied, unknown, not ready, throttled throughout)
passes to the next one. Nothing is ever invented: a section that still fails
raises `ProviderError`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop_app.ai import converse_request, prompts
from desktop_app.ai.aws import SharedClients
from desktop_app.ai.backoff import backoff_delay
from desktop_app.ai.cache_gate import CacheGate
from desktop_app.ai.calls import (
    CallState,
    InFlight,
    NeedsSplit,
    SectionTimeout,
    close_stream,
    split_text,
)
from desktop_app.ai.config import BedrockConfig
from desktop_app.ai.connection import list_models, test_connection
from desktop_app.ai.consistency import (
    CONSISTENCY_TOOL,
    ConsistencyRequest,
    ConsistencyResult,
    consistency_layout,
    validator,
)
from desktop_app.ai.error_text import (
    replace_lone_surrogates,
    request_texts,
    without_document_text,
)
from desktop_app.ai.errors import UNUSABLE, CallError, classify, exhausted, pace_outcome, refused
from desktop_app.ai.layout import RequestLayout, section_layout
from desktop_app.ai.pacer import Pacer, PaceState, Priority, Refused, Send, shared_pacer
from desktop_app.ai.prices import estimate_cost
from desktop_app.ai.provider import (
    AnalysisRequest,
    AnalysisResult,
    Cancelled,
    CancelToken,
    FailureKind,
    ProviderError,
    Usage,
)
from desktop_app.review.document_findings import DocumentFinding
from desktop_app.review.facts import Fact, validate_section_answer
from desktop_app.review.findings import Finding, SchemaError, validate_findings

__all__ = ["BedrockProvider", "StreamDelta", "StreamEnd", "StreamError", "list_models",
           "split_text", "test_connection"]

log = logging.getLogger(__name__)

_POLL = 0.05  # seconds between cancel/deadline checks while a call is in flight
MAX_SPLIT_DEPTH = 3  # a section is split into at most 8 parts after max_tokens stops
CHARS_PER_TOKEN = 4  # the pacer's token estimate: about what English prose gives

T = TypeVar("T")
Answer = tuple[list[Finding], list[Fact]]  # a section's findings and key facts


@dataclass(frozen=True, slots=True)
class StreamDelta:
    text: str


@dataclass(frozen=True, slots=True)
class StreamEnd:
    text: str  # the whole answer
    model: str
    stop_reason: str
    usage: Usage
    tool_input: Any = None  # parsed input of a streamed toolUse block, if any


class StreamError(ProviderError):
    """A stream that failed; `partial_text` is what had arrived before."""

    def __init__(self, kind: FailureKind, message: str, *, partial_text: str = "",
                 **kwargs: Any) -> None:
        super().__init__(kind, message, **kwargs)
        self.partial_text = partial_text


class BedrockProvider:
    """The Provider protocol over Bedrock Converse. Thread-safe; `close()` when done."""

    name = "bedrock"

    def __init__(self, config: BedrockConfig) -> None:
        self.config = config
        self._clients = SharedClients(config)
        self._pacers: dict[str, Pacer] = {}  # model -> its shared pacer (held while we live)
        self._pacers_lock = threading.Lock()
        self._last_model: str | None = None  # the model of the latest send, for pace_state()
        self._output_tokens = float(min(config.max_tokens, 1000))  # running mean, for estimates
        # The first request with a new cacheable prefix goes alone (cache_gate.py).
        self.cache_gate = CacheGate()

    # -- Provider protocol ---------------------------------------------------------

    @property
    def models(self) -> list[str]:
        return list(self.config.models)

    @property
    def region(self) -> str | None:
        """The effective region (for reports); resolving it imports boto3."""
        return self._clients.region

    def cache_identity(self) -> str:
        return json.dumps({"provider": self.name, "models": self.config.models,
                           "prompt": prompts.PROMPT_VERSION,
                           "max_tokens": self.config.max_tokens,
                           "temperature": self.config.temperature}, sort_keys=True)

    def analyse(self, request: AnalysisRequest, cancel: CancelToken) -> AnalysisResult:
        return self._analyse(request, cancel, tuple(self.config.models))

    def analyse_answer(self, request: AnalysisRequest, model: str, response: dict[str, Any],
                       cancel: CancelToken) -> AnalysisResult:
        """Finish a section from an answer `model` gave elsewhere (a batch job's record).

        `response` is a Converse response to `converse_request.section_request`
        for this request. It goes through the path an on-demand answer takes:
        the schema, one re-ask, a raised limit or a split after `max_tokens`,
        then the rest of the chain, all on demand. Its own tokens were counted
        where it was produced: `usage` holds only what the calls made here cost.
        """
        chain = (model, *(m for m in self.config.models if m != model))
        return self._analyse(request, cancel, chain, first=response)

    def _analyse(self, request: AnalysisRequest, cancel: CancelToken, models: Sequence[str],
                 first: dict[str, Any] | None = None) -> AnalysisResult:
        started = time.monotonic()
        # The system prompt is laid out per model (ai/layout.py), not kept in the state.
        run = CallState(cancel, started + self.config.max_section_seconds, [])
        try:
            (findings, facts), model = self._review_text(run, request, request.text, models, 0,
                                                         first)
        except SectionTimeout:
            raise self._timeout_error(run) from None
        return AnalysisResult(findings, model, run.usage, time.monotonic() - started,
                              facts=facts)

    def estimate_cost(self, result: AnalysisResult) -> float | None:
        return estimate_cost(result.model, result.usage, self.config.prices)

    def pacer(self, model: str) -> Pacer:
        """The model's pacer, shared by every provider with the same account, region and
        endpoint (made on first use: the key needs the client's region and endpoint)."""
        with self._pacers_lock:
            pacer = self._pacers.get(model)
            if pacer is not None:
                return pacer
        client = self._clients.runtime()
        key = ("bedrock", self.config.profile, client.meta.region_name,
               client.meta.endpoint_url, model)
        quota = self.config.quota(model)
        cfg = self.config
        pacer = shared_pacer(key, lambda: Pacer(
            model=model, max_in_flight=cfg.max_concurrency, patience=cfg.throttle_patience,
            unit=cfg.pace_unit, spacing=cfg.request_spacing,
            requests_per_minute=quota.requests_per_minute,
            tokens_per_minute=quota.tokens_per_minute))
        # The latest settings win: Settings may have changed the quota or the cap.
        pacer.configure(max_in_flight=cfg.max_concurrency,
                        requests_per_minute=quota.requests_per_minute,
                        tokens_per_minute=quota.tokens_per_minute)
        with self._pacers_lock:
            return self._pacers.setdefault(model, pacer)

    def pace_state(self) -> PaceState | None:
        """What the pacer of the model in use is doing (plain data), or None before any call."""
        model = self._last_model
        pacer = self._pacers.get(model) if model else None
        return pacer.state() if pacer is not None else None

    def prepare(self) -> None:
        """Import boto3 and create the client now (e.g. on a worker thread at start-up).

        Optional: the first call does it otherwise. Raises ProviderError (fatal)
        for an unknown profile or a missing region.
        """
        try:
            self._clients.runtime()
        except Exception as exc:
            err = self._classify(exc, self.config.models[0])
            raise ProviderError(err.kind, err.message, fatal=err.fatal) from None

    def close(self) -> None:
        self._clients.close()

    def __enter__(self) -> BedrockProvider:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the consistency pass ----------------------------------------------------------

    def check_consistency(self, request: ConsistencyRequest, cancel: CancelToken,
                          progress: Callable[[int, int], None] | None = None
                          ) -> ConsistencyResult:
        """Document-level findings from the outline and the key facts (`ai/consistency.py`).

        Each batch of facts is one forced-tool request over the model chain, as a
        section is: retries, a re-ask on malformed output, fallbacks, usage. A batch
        whose answer overflows `max_tokens` is checked in two halves. Quotes come
        back unanchored; `consistency.check_document` anchors them.
        """
        started = time.monotonic()
        usage = Usage()
        findings: list[DocumentFinding] = []
        answered: str | None = None
        validate = validator(request)
        batches = request.batches() or [[]]
        for number, batch in enumerate(batches, 1):
            if cancel.cancelled:
                raise Cancelled()
            if progress is not None:
                progress(number, len(batches))
            run = CallState(cancel, time.monotonic() + self.config.max_section_seconds, [])
            try:
                found, model = self._consistency_batch(run, request, batch, validate, 0)
            except SectionTimeout:
                err = self._timeout_error(run)
                err.usage.add(usage)
                raise err from None
            except ProviderError as err:
                err.usage.add(usage)  # calls of earlier batches still count
                raise
            usage.add(run.usage)
            findings.extend(found)
            answered = answered or model
        return ConsistencyResult(findings, answered, usage, time.monotonic() - started,
                                 len(batches))

    def _consistency_batch(self, run: CallState, request: ConsistencyRequest, batch: list[Fact],
                           validate: Callable[[Any], list[DocumentFinding]],
                           depth: int) -> tuple[list[DocumentFinding], str]:
        failures: list[CallError] = []
        for model in self.config.models:
            run.model = model
            try:
                return self._ask_tool(run, model, consistency_layout(request, batch, model),
                                      CONSISTENCY_TOOL, validate,
                                      "the document findings format"), model
            except NeedsSplit as need:
                if len(batch) > 1 and depth < MAX_SPLIT_DEPTH:
                    half = len(batch) // 2
                    first, model = self._consistency_batch(run, request, batch[:half],
                                                           validate, depth + 1)
                    second, _ = self._consistency_batch(run, request, batch[half:],
                                                        validate, depth + 1)
                    return first + second, model
                failures.append(CallError(
                    FailureKind.BAD_OUTPUT, f"{model}: the document findings did not fit in "
                                            f"{need.max_tokens} output tokens"))
            except CallError as err:
                if not self._try_next_model(err, model, run, failures):
                    break
        raise self._chain_error(failures, run)

    # -- the model chain -------------------------------------------------------------

    def _review_text(self, run: CallState, request: AnalysisRequest, text: str,
                     models: Sequence[str], depth: int, first: dict[str, Any] | None = None,
                     ) -> tuple[Answer, str]:
        failures: list[CallError] = []
        for index, model in enumerate(models):
            run.model = model
            try:
                answer = first if index == 0 else None
                return self._review_on_model(run, model, request, text, answer), model
            except NeedsSplit as need:
                halves = split_text(text) if depth < MAX_SPLIT_DEPTH else None
                if halves:
                    log.info("%s: answer too long, analysing the section in two halves", model)
                    return self._review_halves(run, request, halves, models[index:], depth)
                failures.append(CallError(
                    FailureKind.BAD_OUTPUT,
                    f"{model}: the findings did not fit in {need.max_tokens} output tokens, "
                    f"even for a part of the section"))
            except CallError as err:
                if not self._try_next_model(err, model, run, failures):
                    break
        raise self._chain_error(failures, run)

    def _review_halves(self, run: CallState, request: AnalysisRequest, halves: tuple[str, str],
                       models: Sequence[str], depth: int) -> tuple[Answer, str]:
        found: list[Finding] = []
        facts: list[Fact] = []
        answered: str | None = None
        for half in halves:
            (half_findings, half_facts), model = self._review_text(run, request, half, models,
                                                                   depth + 1)
            found.extend(half_findings)
            facts.extend(half_facts)
            answered = answered or model
        assert answered is not None
        return (found, facts), answered

    @staticmethod
    def _try_next_model(err: CallError, model: str, run: CallState,
                        failures: list[CallError]) -> bool:
        """Record a model's failure; False to stop the chain, raise if nothing can serve."""
        if err.fatal:
            raise ProviderError(err.kind, err.message, fatal=True, usage=run.usage,
                                model=model) from None
        failures.append(err)
        return err.next_model

    def _chain_error(self, failures: list[CallError], run: CallState) -> ProviderError:
        if not failures:  # pragma: no cover - the loop always records why it stopped
            return ProviderError(FailureKind.INTERNAL, "no model was tried", usage=run.usage)
        # Fatal only when no model could serve at all; throttling, timeouts, 5xx
        # and bad output are failures of this section (it can be retried).
        fatal = all(f.kind in UNUSABLE for f in failures)
        transient = [f for f in failures if f.kind not in UNUSABLE]
        kind = (transient[-1] if transient else failures[0]).kind
        if len(failures) == 1:
            message = failures[0].message
        else:
            message = "every model failed: " + "; ".join(f.message for f in failures)
        return ProviderError(kind, message, fatal=fatal, usage=run.usage, model=run.model)

    def _timeout_error(self, run: CallState) -> ProviderError:
        return ProviderError(
            FailureKind.TIMEOUT,
            f"{run.model or 'Bedrock'}: no usable answer within "
            f"{self.config.max_section_seconds:g} s for this section, retries included: "
            f"retry it later", usage=run.usage, model=run.model)

    # -- one model -------------------------------------------------------------------

    def _review_on_model(self, run: CallState, model: str, request: AnalysisRequest,
                         text: str, first: dict[str, Any] | None = None) -> Answer:
        def validate(payload: Any) -> Answer:
            if request.facts:
                return validate_section_answer(payload, request.section_id)
            return validate_findings(payload), []

        return self._ask_tool(run, model, section_layout(request, text, model),
                              prompts.TOOL_NAME, validate, "the findings format", first)

    def _ask_tool(self, run: CallState, model: str, layout: RequestLayout, tool_name: str,
                  validate: Callable[[Any], T], what: str,
                  first: dict[str, Any] | None = None) -> T:
        """One forced-tool request on one model: the validated tool input.

        A `max_tokens` stop is retried once with a doubled limit, then raises
        `NeedsSplit`; an answer that is not the tool, or does not validate, is
        asked for once more with the problem; then `CallError` (bad output).
        `first`, an answer to the first request obtained elsewhere (a batch
        job), is taken instead of making that request.
        """
        messages: list[dict[str, Any]] = list(layout.messages)
        max_tokens = self.config.max_tokens
        raised = reasked = False
        while True:
            if first is not None:  # its tokens are counted where it was produced
                response, first = first, None
            else:
                response = self._converse(run, model, messages, max_tokens, layout)
                run.add_tokens(response.get("usage"))
            stop = str(response.get("stopReason") or "")
            if stop == "max_tokens":
                if not raised and max_tokens < self.config.max_tokens_cap:
                    max_tokens = min(self.config.max_tokens_cap, max_tokens * 2)
                    raised = True
                    continue
                raise NeedsSplit(max_tokens)
            if stop in ("guardrail_intervened", "content_filtered"):
                raise CallError(FailureKind.BAD_OUTPUT,
                                f"{model}: the answer was blocked ({stop})")
            content = list(((response.get("output") or {}).get("message") or {})
                           .get("content") or [])
            tool_uses = [b["toolUse"] for b in content if isinstance(b, dict) and "toolUse" in b]
            ours = next((t for t in tool_uses if t.get("name") == tool_name), None)
            if ours is None:
                problem = f"the answer was text instead of a call to {tool_name}"
            else:
                try:
                    return validate(ours.get("input"))
                except SchemaError as err:
                    problem = str(err)
            if reasked:
                raise CallError(FailureKind.BAD_OUTPUT,
                                f"{model}: the answer did not fit {what}, even "
                                f"when asked again ({problem})")
            reasked = True
            log.info("%s: unusable answer (%s), asking once more", model, problem)
            # The answer goes back as it was, but sendable: a lone surrogate in it
            # cannot be encoded, and the re-ask would fail as an internal error.
            echoed = replace_lone_surrogates(content) or [{"text": "(no answer)"}]
            messages = [*messages,
                        {"role": "assistant", "content": echoed},
                        prompts.reask_message(problem, [t.get("toolUseId", "") for t in tool_uses],
                                              tool_name)]

    def _converse(self, run: CallState, model: str, messages: list[dict[str, Any]],
                  max_tokens: int, layout: RequestLayout) -> dict[str, Any]:
        kwargs = {"modelId": model, **converse_request.converse_body(
            layout, messages, max_tokens=max_tokens, temperature=self.config.temperature)}
        tokens = self._estimate_tokens(kwargs, max_tokens)
        attempt = 0
        while True:
            if run.cancel.cancelled:
                raise Cancelled()
            try:
                try:
                    with self.cache_gate.passage(layout.cache_key, layout.prefix_tokens,
                                                 run.cancel, run.left()):
                        response, _ = self._send(run, model, "converse", kwargs, tokens=tokens)
                except TimeoutError:  # held by the cache gate until the section's time ran out
                    raise SectionTimeout() from None
                self._learn_output(response.get("usage"))
                return response
            except CallError as err:
                if self._throttled(err, model):
                    continue  # sent again when its turn comes, keeping its place
                if not err.retryable:
                    raise
                attempt += 1
                log.info("%s (attempt %d of %d)", err.message, attempt, self.config.max_attempts)
                if attempt >= self.config.max_attempts:
                    raise exhausted(err, attempt, self.config.read_timeout) from None
                self._backoff(run, attempt)

    def _throttled(self, err: CallError, model: str) -> bool:
        """True for a throttled call that may be sent again; raises once throttling has
        outlasted the pacer's patience."""
        if err.kind is not FailureKind.THROTTLED or not err.retryable:
            return False
        try:
            self.pacer(model).check()
        except Refused as stuck:
            raise refused(model, stuck.seconds) from None
        return True

    def _estimate_tokens(self, kwargs: dict[str, Any], max_tokens: int) -> float:
        """Input (from the request's size, tool definitions included) plus the output
        answers have been taking."""
        size = sum(len(json.dumps(kwargs[key], ensure_ascii=False))
                   for key in ("system", "messages", "toolConfig") if key in kwargs)
        return size / CHARS_PER_TOKEN + min(float(max_tokens), self._output_tokens)

    def _learn_output(self, usage: dict[str, Any] | None) -> None:
        out = (usage or {}).get("outputTokens")
        if isinstance(out, int) and out > 0:
            self._output_tokens += 0.2 * (out - self._output_tokens)

    def _backoff(self, run: CallState, attempt: int) -> None:
        delay = backoff_delay(attempt, self.config.backoff_base, self.config.backoff_cap)
        left = run.left()
        if run.cancel.wait(max(0.0, min(delay, left))):
            raise Cancelled()
        if delay >= left:
            raise SectionTimeout()

    def _classify(self, exc: BaseException, model: str) -> CallError:
        return classify(exc, model, profile=self.config.profile, region=self._clients.region,
                        endpoint=self.config.endpoint_url)

    def _send(self, run: CallState, model: str, operation: str, kwargs: dict[str, Any],
              close_result: Callable[[Any], None] | None = None, *, tokens: float = 0.0,
              priority: Priority = Priority.BACKGROUND) -> tuple[Any, Send]:
        """One HTTP call when the pacer gives it its turn; returns (response, the send)."""
        try:
            client = self._clients.runtime()
            pacer = self.pacer(model)
        except Exception as exc:  # no region, unknown profile ...: classified, usually fatal
            raise self._classify(exc, model) from None
        if run.left() <= 0:
            raise SectionTimeout()
        try:
            send = pacer.acquire(tokens, priority=priority, cancel=run.cancel,
                                 place=run.places.get(model))
        except Refused as stuck:
            raise refused(model, stuck.seconds) from None
        # The queue moves at the account's pace: time spent in it is not the section's.
        run.deadline += send.waited
        run.places[model] = send.place  # a retry, or the section's next request, keeps it
        self._last_model = model
        run.count_request()
        call = InFlight(lambda: getattr(client, operation)(**kwargs),
                        lambda exc: pacer.release(send, pace_outcome(exc)),
                        close_result)
        while not call.done.wait(_POLL):
            if run.cancel.cancelled:
                call.abandon()
                raise Cancelled()
            if run.left() <= 0:
                call.abandon()
                raise SectionTimeout()
        if call.error is not None:
            err = self._classify(call.error, model)
            # A service message may repeat what was sent: that is document text.
            err.message = without_document_text(err.message, request_texts(kwargs))
            raise err from None
        return call.result, send

    # -- streaming (chat) --------------------------------------------------------------

    def converse_stream(self, messages: list[dict[str, Any]], *,
                        system: list[dict[str, Any]] | None = None,
                        cancel: CancelToken | None = None, max_tokens: int | None = None,
                        tool_config: dict[str, Any] | None = None,
                        ) -> Iterator[StreamDelta | StreamEnd]:
        """Stream an answer: `StreamDelta`s as text arrives, then one `StreamEnd`.

        Errors before the first delta are retried and fall back along the chain
        like `analyse()`; an error after text has been shown cannot be retried
        transparently and raises `StreamError` carrying the partial text.
        """
        run = CallState(cancel or CancelToken(),
                        time.monotonic() + self.config.max_section_seconds, list(system or []))
        failures: list[CallError] = []
        for model in self.config.models:
            run.model = model
            kwargs: dict[str, Any] = {
                "modelId": model, "messages": messages,
                "inferenceConfig": {"maxTokens": max_tokens or self.config.max_tokens,
                                    "temperature": self.config.temperature},
            }
            if run.system:
                kwargs["system"] = run.system
            if tool_config:
                kwargs["toolConfig"] = tool_config
            try:
                yield from self._stream_on_model(run, model, kwargs)
                return
            except SectionTimeout:
                raise self._timeout_error(run) from None
            except CallError as err:
                if not self._try_next_model(err, model, run, failures):
                    break
        raise self._chain_error(failures, run)

    def _stream_on_model(self, run: CallState, model: str,
                         kwargs: dict[str, Any]) -> Iterator[StreamDelta | StreamEnd]:
        attempts = self.config.max_attempts
        tokens = self._estimate_tokens(kwargs, kwargs["inferenceConfig"]["maxTokens"])
        attempt = 0
        while True:
            if run.cancel.cancelled:
                raise Cancelled()
            try:
                # A person is waiting: the chat takes the next send slot, ahead of
                # analyses queued at the same model's pacer.
                response, send = self._send(run, model, "converse_stream", kwargs,
                                            close_result=close_stream, tokens=tokens,
                                            priority=Priority.INTERACTIVE)
            except CallError as err:
                if self._throttled(err, model):
                    continue
                if not err.retryable:
                    raise
                attempt += 1
                if attempt >= attempts:
                    raise exhausted(err, attempt, self.config.read_timeout) from None
                self._backoff(run, attempt)
                continue
            stream = response["stream"]
            parts: list[str] = []
            tool_parts: list[str] = []
            stop = ""
            try:
                for event in stream:
                    if run.cancel.cancelled:
                        raise Cancelled()
                    if "contentBlockDelta" in event:
                        delta = event["contentBlockDelta"].get("delta") or {}
                        if "text" in delta:
                            parts.append(delta["text"])
                            yield StreamDelta(delta["text"])
                        elif "toolUse" in delta:
                            tool_parts.append(delta["toolUse"].get("input") or "")
                    elif "messageStop" in event:
                        stop = str(event["messageStop"].get("stopReason") or "")
                    elif "metadata" in event:
                        run.add_tokens(event["metadata"].get("usage"))
            except Cancelled:
                raise
            except Exception as exc:  # an error frame or a broken connection mid-stream
                failure = self._classify(exc, model)
                failure.message = without_document_text(failure.message, request_texts(kwargs))
                self.pacer(model).release(send, pace_outcome(exc))  # learns a throttle
                if not parts and not tool_parts:
                    if self._throttled(failure, model):
                        continue
                    if failure.retryable and attempt + 1 < attempts:
                        attempt += 1
                        self._backoff(run, attempt)
                        continue
                if failure.fatal or not parts:
                    if failure.retryable:
                        failure = exhausted(failure, attempt + 1, self.config.read_timeout)
                    raise failure from None
                raise StreamError(failure.kind, f"{failure.message} after part of the answer "
                                  f"had arrived", partial_text="".join(parts), usage=run.usage,
                                  model=model) from None
            finally:
                stream.close()
            tool_input = None
            if tool_parts:
                try:
                    tool_input = json.loads("".join(tool_parts))
                except ValueError:
                    tool_input = None
            yield StreamEnd("".join(parts), model, stop, run.usage, tool_input)
            return
