"""A fake Amazon Bedrock Runtime on 127.0.0.1 that a real boto3 client talks to.

moto mocks no Converse or ConverseStream, and botocore's Stubber cannot stub a
stream (DESIGN.md), so tests point a real client at this server
(`endpoint_url`): signing, error parsing and the event-stream decoder all run
for real. Wire formats follow the service: JSON bodies for Converse,
`application/vnd.amazon.eventstream` frames for ConverseStream, and errors as
an HTTP status, an `x-amzn-ErrorType` header and a `{"message": ...}` body.

Scripting, per model id (unknown ids behave like any other model):

    fake.model(M).latency = 0.05                   # seconds before each answer
    fake.model(M).queue(Reply.text("hi"), Reply.findings())   # next answers, in order
    fake.model(M).always(Reply.error("AccessDeniedException"))  # once the queue is empty
    fake.model(M).respond(fn)                      # fn(Recorded) -> Reply | None, by content,
                                                   # before the queue (None: the queue decides)
    fake.model(M).throttle(rate=20, burst=20)      # requests/s bucket -> ThrottlingException
    fake.model(M).token_limit(per_minute=120_000)  # tokens/min bucket -> "Too many tokens"
    fake.deny(M); fake.unknown(M)                  # shorthands for always(error)
    fake.requests / fake.requests_for(M) / fake.wait_for_requests(n)
    fake.cache_min_tokens[M] = 1024                # below it a cache point caches nothing
    Reply.findings([...], facts=[...])             # the forced tool's input: findings (+ facts)

Without a script a model answers with one finding that quotes the first
sentence of the section text verbatim, so end-to-end runs anchor (and, for
another forced tool than report_findings, an empty findings list).

Prompt caching as Bedrock does it: the prefix (tools, system, messages) up to
each `cachePoint` with at least the model's minimum of tokens since the
previous one is a checkpoint. A request reads the longest checkpoint already
written and writes the rest up to its last checkpoint; what it writes is
there for requests that arrive after it has answered, so concurrent first
requests all write, as they do on the service. Tokens are counted at 4
characters a token, the tool definitions included.

Batch jobs (the `bedrock` control plane's model invocation jobs): set
`fake.batch = FakeBatchJobs(s3_url)` (tests/fake_batch.py).

In another process: `python -m tests.fake_bedrock` prints its URL and serves
until stdin closes; POST /_fake/models/{id} {"latency", "throttle": {"rate",
"burst"}, "tokens": {"per_minute", "burst"}, "cache_min_tokens"} scripts it,
GET /_fake/stats counts requests per model.
"""

from __future__ import annotations

import binascii
import hashlib
import itertools
import json
import re
import socket
import struct
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from desktop_app.ai.config import DEFAULT_MODELS
from desktop_app.ai.prices import base_model_id
from desktop_app.ai.prompts import (
    CONTEXT_BEGIN,
    CONTEXT_END,
    FACTS_BEGIN,
    FACTS_END,
    RELATED_BEGIN,
    RELATED_END,
    TOOL_NAME,
    extract_block,
    extract_section_text,
)

# HTTP status of each error code, as Bedrock Runtime sends them.
ERROR_STATUS = {
    "ThrottlingException": 429,
    "ModelNotReadyException": 429,
    "AccessDeniedException": 403,
    "UnrecognizedClientException": 403,
    "ExpiredTokenException": 403,
    "ResourceNotFoundException": 404,
    "ValidationException": 400,
    "ServiceQuotaExceededException": 400,
    "ModelTimeoutException": 408,
    "ModelErrorException": 424,
    "InternalServerException": 500,
    "ServiceUnavailableException": 503,
}
TOO_MANY_TOKENS = "Too many tokens, please wait before trying again."
DEFAULT_MESSAGES = {
    "ThrottlingException": "Too many requests, please wait before trying again.",
    "AccessDeniedException": "You don't have access to the model with the specified model ID.",
    "ResourceNotFoundException": "Model not found.",
    "ValidationException": "The provided model identifier is invalid.",
    "ModelNotReadyException": "Model is not ready for inference.",
    "ServiceUnavailableException": "Service unavailable.",
    "InternalServerException": "Internal server error.",
}
_ROUTE = re.compile(r"/model/([^/]+)/(converse|converse-stream)")
_CHECKPOINT = re.compile(r"^- \[([^\]]+)\]", re.MULTILINE)
_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")


@dataclass
class Reply:
    """One scripted answer. Build with the class methods."""

    kind: str  # findings | tool_input | text | max_tokens | error | drop | stream
    payload: Any = None
    code: str = ""
    message: str = ""
    status: int | None = None
    chunks: list[str] | None = None
    error_after: int | None = None  # stream: deltas sent before the exception frame
    delay: float = 0.0  # stream: seconds between frames
    latency: float | None = None  # overrides the model's latency for this answer
    facts: list[dict[str, Any]] | None = None  # findings: also this facts list

    @classmethod
    def findings(cls, findings: list[dict[str, Any]] | None = None,
                 facts: list[dict[str, Any]] | None = None, **kw: Any) -> Reply:
        """A call to the forced tool; None = one finding quoting the section's first sentence."""
        return cls("findings", findings, facts=facts, **kw)

    @classmethod
    def tool_input(cls, payload: Any, **kw: Any) -> Reply:
        """A report_findings call with this input as is (malformed, schema-breaking ...)."""
        return cls("tool_input", payload, **kw)

    @classmethod
    def text(cls, text: str, **kw: Any) -> Reply:
        return cls("text", text, **kw)

    @classmethod
    def max_tokens(cls, **kw: Any) -> Reply:
        return cls("max_tokens", **kw)

    @classmethod
    def error(cls, code: str, message: str | None = None, status: int | None = None,
              **kw: Any) -> Reply:
        return cls("error", code=code, message=message or DEFAULT_MESSAGES.get(code, code),
                   status=status or ERROR_STATUS.get(code, 400), **kw)

    @classmethod
    def drop(cls, **kw: Any) -> Reply:
        """Close the connection without answering."""
        return cls("drop", **kw)

    @classmethod
    def stream(cls, chunks: list[str], *, error_after: int | None = None,
               error: str = "throttlingException", message: str = "Too many requests.",
               delay: float = 0.0, **kw: Any) -> Reply:
        """ConverseStream text deltas, optionally an exception frame after `error_after`."""
        return cls("stream", chunks=list(chunks), error_after=error_after, code=error,
                   message=message, delay=delay, **kw)


class TokenBucket:
    """`rate` units per second, bursts up to `burst` (default one second's worth); starts full.

    Units are requests (cost 1) or tokens. The bucket holds at least one request's
    cost, or a rate below one a second would refuse everything.
    """

    def __init__(self, rate: float, burst: float | None = None, least: float = 1.0) -> None:
        self.rate = rate
        self.burst = max(least, burst if burst is not None else rate)
        self._tokens = self.burst
        self._last = time.monotonic()
        self._lock = threading.Lock()

    def take(self, cost: float = 1.0) -> bool:
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            if self._tokens >= cost:
                self._tokens -= cost
                return True
            return False

    def give(self, cost: float = 1.0) -> None:
        """Return what a request refused by another limit had taken."""
        with self._lock:
            self._tokens = min(self.burst, self._tokens + cost)


@dataclass
class CachePlan:
    """What a request reads from and writes to the prompt cache, decided on arrival."""

    read: int = 0
    write: int = 0
    uncached: int = 0  # input tokens billed at the plain price
    keys: tuple[str, ...] = ()  # checkpoints this request writes once it has answered
    points: int = 0  # cache points in the request (valid or not)


@dataclass
class Recorded:
    model: str
    operation: str  # "converse" | "converse-stream"
    body: dict[str, Any]
    headers: dict[str, str]
    at: float  # time.monotonic() on arrival
    throttled: bool = False
    cache: CachePlan = field(default_factory=CachePlan)
    answered_at: float | None = None  # time.monotonic() when the answer went out
    tokens: int = 0  # what the tokens-per-minute quota charged (when there is one)

    @property
    def system_text(self) -> str:
        return "\n".join(b["text"] for b in self.body.get("system", []) if "text" in b)

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", []))

    def user_text(self, index: int = 0) -> str:
        users = [m for m in self.messages if m.get("role") == "user"]
        if not users:
            return ""
        return "\n".join(b["text"] for b in users[index].get("content", []) if "text" in b)

    @property
    def section_text(self) -> str | None:
        return extract_section_text(self.user_text(0))

    @property
    def tool_name(self) -> str | None:
        """The tool the request forces, if any."""
        choice = (self.body.get("toolConfig") or {}).get("toolChoice") or {}
        return (choice.get("tool") or {}).get("name")

    @property
    def context_text(self) -> str | None:
        """The shared document context (between its markers), if the request has one."""
        return extract_block(self.user_text(0), CONTEXT_BEGIN, CONTEXT_END)

    @property
    def related_text(self) -> str | None:
        return extract_block(self.user_text(0), RELATED_BEGIN, RELATED_END)

    @property
    def facts_text(self) -> str | None:
        return extract_block(self.user_text(0), FACTS_BEGIN, FACTS_END)

    def cache_point_positions(self) -> list[tuple[str, int]]:
        """("system", i) / ("message0", i): where the request's cache points are."""
        where = [("system", i) for i, b in enumerate(self.body.get("system", []))
                 if "cachePoint" in b]
        for m, message in enumerate(self.messages):
            where += [(f"message{m}", i) for i, b in enumerate(message.get("content", []))
                      if "cachePoint" in b]
        return where


@dataclass
class FakeModel:
    latency: float = 0.0
    script: deque[Reply] = field(default_factory=deque)
    default: Reply | None = None
    bucket: TokenBucket | None = None  # requests per second
    tokens: TokenBucket | None = None  # tokens per second (input + output, as Bedrock counts)
    responder: Any = None  # fn(Recorded) -> Reply | None: an answer chosen by the request
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def respond(self, fn: Any) -> FakeModel:
        """Answer by the request's content (concurrent sections arrive in any order)."""
        self.responder = fn
        return self

    def queue(self, *replies: Reply) -> FakeModel:
        with self._lock:
            self.script.extend(replies)
        return self

    def always(self, reply: Reply | None) -> FakeModel:
        self.default = reply
        return self

    def throttle(self, rate: float, burst: float | None = None) -> FakeModel:
        """At most `rate` requests a second; `burst` (default: one second's worth) at once."""
        self.bucket = TokenBucket(rate, burst)
        return self

    def token_limit(self, per_minute: float, burst: float | None = None) -> FakeModel:
        """At most `per_minute` tokens a minute, input and output together, charged when
        the request arrives; `burst` (default: one second's worth) at once."""
        self.tokens = TokenBucket(per_minute / 60, burst, least=0.0)
        return self

    def next_reply(self) -> Reply | None:
        with self._lock:
            return self.script.popleft() if self.script else self.default

    def peek_reply(self) -> Reply | None:
        with self._lock:
            return self.script[0] if self.script else self.default


def tokens(text: str) -> int:
    return max(1, len(text) // 4)


def first_sentence(text: str) -> str:
    """The first sentence of the first non-empty line, verbatim."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    match = _SENTENCE.match(line)
    return (match.group(0) if match else line)[:300]


def event_frame(headers: dict[str, str], payload: bytes) -> bytes:
    """One event-stream message: prelude, prelude CRC, headers, payload, message CRC."""
    encoded = b"".join(
        struct.pack("!B", len(name)) + name.encode() + struct.pack("!BH", 7, len(value.encode()))
        + value.encode() for name, value in headers.items()
    )
    prelude = struct.pack("!II", 12 + len(encoded) + len(payload) + 4, len(encoded))
    message = prelude + struct.pack("!I", binascii.crc32(prelude)) + encoded + payload
    return message + struct.pack("!I", binascii.crc32(message))


def _event(name: str, payload: dict[str, Any]) -> bytes:
    return event_frame({":event-type": name, ":content-type": "application/json",
                        ":message-type": "event"}, json.dumps(payload).encode())


def _exception(code: str, message: str) -> bytes:
    return event_frame({":exception-type": code, ":content-type": "application/json",
                        ":message-type": "exception"}, json.dumps({"message": message}).encode())


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeBedrock

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (read timeout, cancel, closed pool) is expected
        # in these tests; anything else is a bug in the fake and is printed.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as botocore's connection pool expects
    timeout = 10.0  # an idle keep-alive connection closes by itself
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
    # algorithm and the client's delayed ACK add ~40 ms to every answer.
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.fake._opened(self)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._closed(self)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet tests
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self.server.fake._handle_post(self)

    def do_GET(self) -> None:  # noqa: N802
        self.server.fake._handle_get(self)


class FakeBedrock:
    """The server. `start()` / `stop()`, or use the `fake_bedrock` fixture."""

    def __init__(self) -> None:
        self._models: dict[str, FakeModel] = {}
        self._lock = threading.Lock()
        self._recorded = threading.Condition()
        self.requests: list[Recorded] = []
        self._cache_keys: set[str] = set()
        self.cache_min_tokens: dict[str, int] = {}  # per model; 0 when absent
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._handlers: set[_Handler] = set()
        self._handler_threads: set[threading.Thread] = set()
        self._ids = itertools.count(1)
        # What the control plane lists (ListInferenceProfiles / ListFoundationModels).
        self.catalog: list[str] = list(DEFAULT_MODELS)
        self.batch: Any = None  # a tests.fake_batch.FakeBatchJobs serves batch jobs

    # -- life cycle ------------------------------------------------------------------

    def start(self) -> FakeBedrock:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="fake-bedrock", daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_port}"

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers waiting out a latency
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:
            handlers, threads = list(self._handlers), list(self._handler_threads)
        for handler in handlers:  # wake keep-alive connections blocked on reading
            try:
                handler.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            thread.join(timeout=2)
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _opened(self, handler: _Handler) -> None:
        with self._lock:
            self._handlers.add(handler)
            self._handler_threads.add(threading.current_thread())

    def _closed(self, handler: _Handler) -> None:
        with self._lock:
            self._handlers.discard(handler)
            self._handler_threads.discard(threading.current_thread())

    # -- scripting -------------------------------------------------------------------

    def model(self, model_id: str) -> FakeModel:
        with self._lock:
            return self._models.setdefault(model_id, FakeModel())

    def deny(self, model_id: str) -> FakeModel:
        return self.model(model_id).always(Reply.error("AccessDeniedException"))

    def unknown(self, model_id: str) -> FakeModel:
        return self.model(model_id).always(Reply.error("ResourceNotFoundException"))

    def requests_for(self, model: str | None = None, operation: str | None = None,
                     include_throttled: bool = True) -> list[Recorded]:
        with self._recorded:
            return [r for r in self.requests if (model is None or r.model == model)
                    and (operation is None or r.operation == operation)
                    and (include_throttled or not r.throttled)]

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> bool:
        with self._recorded:
            return self._recorded.wait_for(lambda: len(self.requests) >= count, timeout)

    # -- HTTP ------------------------------------------------------------------------

    def _handle_post(self, h: _Handler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        if urlsplit(h.path).path.startswith("/_fake/"):
            self._control(h, raw)
            return
        if self._batch_request(h, "POST", raw):
            return
        match = _ROUTE.fullmatch(urlsplit(h.path).path)
        if match is None:
            self._send_error(h, "UnknownOperationException", "no such operation", 404)
            return
        model_id, operation = unquote(match.group(1)), match.group(2)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send_error(h, "SerializationException", "body is not JSON", 400)
            return
        fake_model = self.model(model_id)
        record = Recorded(model_id, operation, body, dict(h.headers.items()), time.monotonic(),
                          False, self._cache_plan(model_id, body))
        refusal = self._admit(fake_model, record)
        record.throttled = refusal is not None
        with self._recorded:
            self.requests.append(record)
            self._recorded.notify_all()
        if refusal is not None:  # the real service throttles before doing any work
            self._send_error(h, "ThrottlingException", refusal, 429)
            return
        chosen = fake_model.responder(record) if fake_model.responder is not None else None
        reply = chosen or fake_model.next_reply() or Reply.findings()
        latency = fake_model.latency if reply.latency is None else reply.latency
        if latency and self._stopping.wait(latency):
            h.close_connection = True  # shutting down: drop the request
            return
        if reply.kind == "drop":
            h.close_connection = True
            return
        if reply.kind == "error":
            self._send_error(h, reply.code, reply.message, reply.status or 400)
        elif operation == "converse":
            self._send_json(h, self._converse_answer(record, reply))
        else:
            self._send_stream(h, record, reply)

    def _admit(self, fake_model: FakeModel, record: Recorded) -> str | None:
        """None if the quotas admit the request, else the throttling message."""
        if fake_model.bucket is not None and not fake_model.bucket.take():
            return DEFAULT_MESSAGES["ThrottlingException"]
        if fake_model.tokens is not None:
            cost = self.token_cost(record, fake_model.peek_reply() or Reply.findings())
            record.tokens = cost
            if not fake_model.tokens.take(cost):
                if fake_model.bucket is not None:
                    fake_model.bucket.give()  # a refused request uses none of the quota
                return TOO_MANY_TOKENS
        return None

    def token_cost(self, record: Recorded, reply: Reply) -> int:
        """Tokens the request uses, input and output (what its usage will report)."""
        text = "".join(b.get("text", "") for m in record.messages
                       for b in m.get("content", []) if isinstance(b, dict))
        if reply.kind == "findings":
            output = json.dumps(reply.payload if reply.payload is not None
                                else self.default_findings(record))
        elif reply.kind in ("text", "tool_input"):
            output = json.dumps(reply.payload)
        elif reply.kind == "stream":
            output = "".join(reply.chunks or [])
        else:
            output = ""
        return tokens(text) + tokens(record.system_text) + tokens(output)

    def _handle_get(self, h: _Handler) -> None:
        """The `bedrock` control plane, enough for list_models()."""
        path = urlsplit(h.path).path
        if self._batch_request(h, "GET", b""):
            return
        if path == "/_fake/stats":
            self._send_json(h, self.stats())
        elif path == "/inference-profiles":
            self._send_json(h, {"inferenceProfileSummaries": [
                {"inferenceProfileId": m, "inferenceProfileName": m, "status": "ACTIVE",
                 "type": "SYSTEM_DEFINED",
                 "inferenceProfileArn": f"arn:aws:bedrock:us-east-1:123456789012:"
                                        f"inference-profile/{m}",
                 "models": [{"modelArn": f"arn:aws:bedrock:us-east-1::foundation-model/"
                                         f"{base_model_id(m)}"}]}
                for m in self.catalog if m != base_model_id(m)]})
        elif path == "/foundation-models":
            self._send_json(h, {"modelSummaries": [
                {"modelId": base_model_id(m), "providerName": "Anthropic",
                 "modelArn": f"arn:aws:bedrock:us-east-1::foundation-model/{base_model_id(m)}",
                 "outputModalities": ["TEXT"], "inputModalities": ["TEXT"],
                 "inferenceTypesSupported": ["INFERENCE_PROFILE"] if m != base_model_id(m)
                 else ["ON_DEMAND"]}
                for m in self.catalog]})
        else:
            self._send_error(h, "UnknownOperationException", "no such operation", 404)

    def _batch_request(self, h: _Handler, method: str, raw: bytes) -> bool:
        """Model invocation jobs, when a FakeBatchJobs is attached; False if not one."""
        url = urlsplit(h.path)
        if self.batch is None or not url.path.startswith("/model-invocation-job"):
            return False
        from tests.fake_batch import FakeError

        try:
            self._send_json(h, self.batch.respond(method, url.path, url.query, raw))
        except FakeError as err:
            self._send_error(h, err.code, err.message, err.status)
        return True

    def stats(self) -> dict[str, Any]:
        """Requests seen per model, and how many the token bucket refused."""
        by_model: dict[str, dict[str, int]] = {}
        with self._recorded:
            for r in self.requests:
                entry = by_model.setdefault(r.model, {"requests": 0, "throttled": 0,
                                                      "tokens": 0})
                entry["requests"] += 1
                entry["throttled"] += int(r.throttled)
                entry["tokens"] += 0 if r.throttled else r.tokens
        return {"models": by_model}

    def _control(self, h: _Handler, raw: bytes) -> None:
        """POST /_fake/models/{id} {"latency": s, "throttle": {"rate": r, "burst": b},
        "cache_min_tokens": n}: scripting for a fake running in another process
        (`python -m tests.fake_bedrock`)."""
        match = re.fullmatch(r"/_fake/models/([^/]+)", urlsplit(h.path).path)
        try:
            settings = json.loads(raw or b"{}")
        except ValueError:
            settings = None
        if match is None or not isinstance(settings, dict):
            self._send_error(h, "ValidationException", "bad control request", 400)
            return
        model_id = unquote(match.group(1))
        model = self.model(model_id)
        if "cache_min_tokens" in settings:
            self.cache_min_tokens[model_id] = int(settings["cache_min_tokens"])
        if "latency" in settings:
            model.latency = float(settings["latency"])
        if settings.get("throttle"):
            model.throttle(float(settings["throttle"]["rate"]), settings["throttle"].get("burst"))
        if settings.get("tokens"):
            model.token_limit(float(settings["tokens"]["per_minute"]),
                              settings["tokens"].get("burst"))
        self._send_json(h, {"ok": True})

    def _request_id(self) -> str:
        return f"fake-{next(self._ids):08d}"

    def _send_json(self, h: _Handler, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.send_header("x-amzn-RequestId", self._request_id())
        h.end_headers()
        h.wfile.write(data)

    def _send_error(self, h: _Handler, code: str, message: str, status: int) -> None:
        data = json.dumps({"message": message}).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.send_header("x-amzn-ErrorType",
                      f"{code}:http://internal.amazon.com/coral/com.amazon.bedrock/")
        h.send_header("x-amzn-RequestId", self._request_id())
        h.end_headers()
        h.wfile.write(data)

    # -- answers ---------------------------------------------------------------------

    def default_findings(self, record: Recorded) -> list[dict[str, Any]]:
        """One finding quoting the first sentence of the section text, verbatim."""
        text = record.section_text
        if text is None:
            text = record.user_text(0)
        quote = first_sentence(text) or "(empty section)"
        checkpoint = _CHECKPOINT.search(record.system_text)
        return [{"category": "clarity", "severity": "minor", "confidence": 0.7,
                 "quote": quote, "issue": "The opening sentence does not state the point.",
                 "suggestion": "Lead with the conclusion.", "rewrite": None,
                 "checkpoints": [checkpoint.group(1)] if checkpoint else []}]

    def _cache_plan(self, model: str, body: dict[str, Any]) -> CachePlan:
        """Which checkpoints of the prefix are already written, on the request's arrival.

        Rough counts (4 characters a token), cheap: the fake's CPU is on the
        benchmark's machine, the real service's is not.
        """
        units: list[str | None] = []  # texts in prefix order; None = a cache point
        tools = (body.get("toolConfig") or {}).get("tools")
        if tools:
            units.append(json.dumps(tools))
        for block in body.get("system", []):
            units.append(None if "cachePoint" in block else block.get("text", ""))
        for message in body.get("messages", []):
            for block in message.get("content", []):
                if not isinstance(block, dict):
                    continue
                if "cachePoint" in block:
                    units.append(None)
                elif "text" in block:
                    units.append(block["text"])
                else:  # toolUse, toolResult: counted as their JSON
                    units.append(json.dumps(block))
        minimum = self.cache_min_tokens.get(model, 0)
        digest = hashlib.blake2b(model.encode(), digest_size=16)
        checkpoints: list[tuple[str, int]] = []  # (key, tokens up to it)
        total = since = 0
        stretch: list[str] = []
        points = 0
        for unit in units:
            if unit is not None:
                stretch.append(unit)
                digest.update(unit.encode())
                continue
            points += 1
            count = tokens("".join(stretch)) if stretch else 0
            total, since, stretch = total + count, since + count, []
            digest.update(b"\x00point")
            if since >= minimum and count:
                checkpoints.append((digest.hexdigest(), total))
                since = 0
        total += tokens("".join(stretch)) if stretch else 0
        read = 0
        with self._lock:
            for key, upto in checkpoints:
                if key in self._cache_keys:
                    read = upto
        written = checkpoints[-1][1] if checkpoints else 0
        write = max(0, written - read)
        keys = tuple(key for key, upto in checkpoints if upto > read)
        return CachePlan(read, write, total - read - write, keys, points)

    def _usage(self, record: Recorded, output: str) -> dict[str, int]:
        """Usage of an answered request; what it wrote is in the cache from now on."""
        plan = record.cache
        with self._lock:
            self._cache_keys.update(plan.keys)
        record.answered_at = time.monotonic()
        out = tokens(output)
        return {"inputTokens": plan.uncached, "outputTokens": out,
                "totalTokens": plan.uncached + out + plan.read + plan.write,
                "cacheReadInputTokens": plan.read, "cacheWriteInputTokens": plan.write}

    def _tool_use(self, record: Recorded, tool_input: Any) -> dict[str, Any]:
        return {"toolUseId": f"tooluse_{next(self._ids):06d}",
                "name": record.tool_name or TOOL_NAME, "input": tool_input}

    def _tool_payload(self, record: Recorded, reply: Reply) -> Any:
        if reply.kind == "tool_input":
            return reply.payload
        if reply.payload is not None:
            findings = reply.payload
        elif record.tool_name in (None, TOOL_NAME):
            findings = self.default_findings(record)
        else:  # another tool (the consistency pass): nothing to report unless scripted
            findings = []
        payload: dict[str, Any] = {"findings": findings}
        if reply.facts is not None:
            payload["facts"] = reply.facts
        return payload

    def _converse_answer(self, record: Recorded, reply: Reply) -> dict[str, Any]:
        wants_tool = "toolConfig" in record.body
        if reply.kind in ("findings", "tool_input") and (wants_tool or reply.kind == "tool_input"):
            content: list[dict[str, Any]] = [
                {"toolUse": self._tool_use(record, self._tool_payload(record, reply))}]
            stop = "tool_use"
        elif reply.kind == "max_tokens":
            content, stop = [{"text": '{"findings": [{"category": "cla'}], "max_tokens"
        elif reply.kind == "text":
            content, stop = [{"text": str(reply.payload)}], "end_turn"
        elif reply.kind == "stream":
            content, stop = [{"text": "".join(reply.chunks or [])}], "end_turn"
        else:  # findings asked without a tool (a probe or a chat turn): plain text
            content, stop = [{"text": "OK"}], "end_turn"
        return {"output": {"message": {"role": "assistant", "content": content}},
                "stopReason": stop, "usage": self._usage(record, json.dumps(content)),
                "metrics": {"latencyMs": 1}}

    def _stream_frames(self, record: Recorded, reply: Reply) -> list[bytes]:
        frames = [_event("messageStart", {"role": "assistant"})]
        stop = "end_turn"
        if reply.kind in ("findings", "tool_input") and "toolConfig" in record.body:
            data = json.dumps(self._tool_payload(record, reply))
            tool = self._tool_use(record, None)
            frames.append(_event("contentBlockStart", {"contentBlockIndex": 0, "start": {
                "toolUse": {"toolUseId": tool["toolUseId"], "name": tool["name"]}}}))
            step = max(1, len(data) // 4)  # the input arrives as JSON string fragments
            for i in range(0, len(data), step):
                frames.append(_event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {
                    "toolUse": {"input": data[i:i + step]}}}))
            stop, output = "tool_use", data
        else:
            if reply.kind == "stream":
                chunks = reply.chunks or []
            elif reply.kind == "text":
                chunks = re.findall(r"\S+\s*", str(reply.payload))
            elif reply.kind == "max_tokens":
                chunks, stop = ["The answer ", "was cut"], "max_tokens"
            else:
                sentence = first_sentence(record.section_text or record.user_text(-1))
                chunks = ["The section ", "opens with: ", f'"{sentence}"', "."]
            for index, chunk in enumerate(chunks):
                if reply.error_after is not None and index == reply.error_after:
                    frames.append(_exception(reply.code, reply.message))
                    return frames
                frames.append(_event("contentBlockDelta", {"contentBlockIndex": 0,
                                                           "delta": {"text": chunk}}))
            if reply.error_after is not None and reply.error_after >= len(chunks):
                frames.append(_exception(reply.code, reply.message))
                return frames
            output = "".join(chunks)
        frames.append(_event("contentBlockStop", {"contentBlockIndex": 0}))
        frames.append(_event("messageStop", {"stopReason": stop}))
        frames.append(_event("metadata", {"usage": self._usage(record, output),
                                          "metrics": {"latencyMs": 1}}))
        return frames

    def _send_stream(self, h: _Handler, record: Recorded, reply: Reply) -> None:
        frames = self._stream_frames(record, reply)
        h.send_response(200)
        h.send_header("Content-Type", "application/vnd.amazon.eventstream")
        h.send_header("Transfer-Encoding", "chunked")
        h.send_header("x-amzn-RequestId", self._request_id())
        h.end_headers()
        try:
            for frame in frames:
                h.wfile.write(b"%x\r\n%s\r\n" % (len(frame), frame))
                h.wfile.flush()
                if reply.delay and self._stopping.wait(reply.delay):
                    h.close_connection = True
                    return
            h.wfile.write(b"0\r\n\r\n")
        except OSError:  # the client went away mid-stream (a stopped chat)
            h.close_connection = True


def main() -> None:
    """Serve until stdin closes: `python -m tests.fake_bedrock` prints its URL first.

    For benchmarks (the server's threads then do not share the client's GIL)
    and for trying the app by hand with AWS_ENDPOINT_URL_BEDROCK_RUNTIME.
    """
    fake = FakeBedrock().start()
    print(fake.url, flush=True)
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()


if __name__ == "__main__":
    main()
