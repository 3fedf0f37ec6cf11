"""What a failed Bedrock call means: retry, try the next model, or stop.

Every message is one plain line that names the model and says what to do.
Messages never carry document text (the service's own message is kept short).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop_app.ai.pacer import Outcome
from desktop_app.ai.prices import GEO_PREFIXES, base_model_id
from desktop_app.ai.provider import FailureKind

THROTTLE_CODES = {"ThrottlingException", "TooManyRequestsException"}
SERVICE_CODES = {"InternalServerException", "ServiceUnavailableException",
                 "ModelErrorException", "ModelStreamErrorException", "InternalFailure",
                 "ServiceUnavailable", "InternalServerError"}
BAD_CREDENTIAL_CODES = {"UnrecognizedClientException", "InvalidSignatureException",
                        "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId",
                        "SignatureDoesNotMatch", "IncompleteSignature",
                        "MissingAuthenticationTokenException", "MissingAuthenticationToken"}
# Kinds that mean "this provider cannot serve", when every model in the chain fails so.
UNUSABLE = {FailureKind.ACCESS_DENIED, FailureKind.UNKNOWN_MODEL, FailureKind.NO_CREDENTIALS}


# Not frozen: contextlib and traceback machinery assign __traceback__ on exceptions.
@dataclass(eq=False)
class CallError(Exception):
    kind: FailureKind
    message: str
    retryable: bool = False  # worth another attempt on the same model after a backoff
    next_model: bool = True  # another model of the chain may succeed
    fatal: bool = False  # nothing can succeed: credentials or configuration
    code: str = ""

    def __str__(self) -> str:
        return self.message


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _response(exc: BaseException) -> dict:
    response = getattr(exc, "response", None)  # ClientError; None on some botocore errors
    return response if isinstance(response, dict) else {}


def _code(exc: BaseException) -> str:
    """The error code, EventStream's lowerCamel `throttlingException` included."""
    code = str(_response(exc).get("Error", {}).get("Code", "") or "")
    return code[:1].upper() + code[1:]


def _status(exc: BaseException) -> int:
    meta = _response(exc).get("ResponseMetadata", {})
    return int(meta.get("HTTPStatusCode") or 0)


def _message(exc: BaseException) -> str:
    return str(_response(exc).get("Error", {}).get("Message", "") or "")


def pace_outcome(exc: BaseException | None) -> Outcome:
    """What a call's result tells the pacer. Bedrock says which quota refused it:
    "Too many requests, ..." or "Too many tokens, ..." (the same for an
    `EventStreamError` inside a stream that already returned 200)."""
    if exc is None:
        return Outcome.SUCCESS
    if _code(exc) not in THROTTLE_CODES:
        return Outcome.OTHER
    return Outcome.THROTTLED_TOKENS if "token" in _message(exc).lower() else Outcome.THROTTLED


def _profile_hint(model: str) -> str:
    base = base_model_id(model)
    if model.startswith(GEO_PREFIXES) or model.startswith("arn:"):
        return "check the id against the inference profiles your account lists in Settings"
    return (f"use the inference profile id global.{base} (or us./eu./apac.{base}) "
            f"instead of the bare model id")


def credentials_message(profile: str | None, sso: bool = False) -> str:
    where = f" --profile {profile}" if profile else ""
    if sso:
        return (f"the AWS SSO login{' for profile ' + profile if profile else ''} has expired "
                f"or is missing: run `aws sso login{where}`")
    if profile:
        return (f"no AWS credentials for profile {profile}: run `aws configure{where}` "
                f"(or `aws sso login{where}` for an SSO profile)")
    return ("no AWS credentials found: configure credentials with `aws configure` "
            "(or choose an AWS profile in Settings)")


def _classify_validation(model: str, message: str, code: str) -> CallError:
    low = message.lower()
    if "on-demand throughput" in low or "inference profile" in low:
        return CallError(FailureKind.UNKNOWN_MODEL,
                         f"{model} cannot be invoked by this id: {_profile_hint(model)}",
                         code=code)
    if ("too long" in low or "too many" in low and "token" in low or "input length" in low
            or "context window" in low or "maximum context" in low):
        # The dispatcher already sends long sections in parts; a model with a
        # larger context may still take this one, so the chain goes on.
        return CallError(FailureKind.INPUT_TOO_LARGE,
                         f"{model}: the section is too long for this model "
                         f"({_short(message, 80)})", code=code)
    if "model identifier" in low or "model id" in low or model.lower() in low:
        return CallError(FailureKind.UNKNOWN_MODEL,
                         f"{model} is not a model id Bedrock accepts here "
                         f"({_short(message, 80)}): {_profile_hint(model)}", code=code)
    if "tool" in low:
        return CallError(FailureKind.UNKNOWN_MODEL,
                         f"{model} cannot be used for reviews: it does not support forced tool "
                         f"use ({_short(message, 80)}); choose a Claude model", code=code)
    return CallError(FailureKind.INTERNAL,
                     f"{model}: Bedrock rejected the request ({_short(message)})", code=code)


def classify(exc: BaseException, model: str, *, profile: str | None = None,
             region: str | None = None, endpoint: str | None = None) -> CallError:
    """Map a botocore/urllib3 exception from one call to a `CallError`."""
    import botocore.exceptions as bx

    if isinstance(exc, CallError):
        return exc
    if isinstance(exc, bx.ClientError):
        code = _code(exc)
        message = str(_response(exc).get("Error", {}).get("Message", "") or "")
        status = _status(exc)
        if code in THROTTLE_CODES and "per day" in message.lower():
            # Pacing cannot help with a daily quota: the next model may have room.
            return CallError(FailureKind.THROTTLED,
                             f"{model}: the account's daily token quota for this model is used "
                             f"up: use another model, retry tomorrow or request a higher quota",
                             code=code)
        if code in THROTTLE_CODES:
            return CallError(FailureKind.THROTTLED, f"{model}: throttled by Bedrock",
                             retryable=True, code=code)
        if code == "ServiceQuotaExceededException":
            return CallError(FailureKind.THROTTLED,
                             f"{model}: Bedrock quota exceeded ({_short(message, 80)}): "
                             f"request a higher quota or use another model", code=code)
        if code == "ModelNotReadyException":
            return CallError(FailureKind.MODEL_NOT_READY,
                             f"{model} is not ready to serve requests yet: retry later",
                             code=code)
        if code == "ModelTimeoutException":
            return CallError(FailureKind.TIMEOUT, f"{model}: the model timed out",
                             retryable=True, code=code)
        if code in SERVICE_CODES or status >= 500:
            return CallError(FailureKind.SERVICE,
                             f"{model}: Bedrock service error ({code or status})",
                             retryable=True, code=code)
        if code == "AccessDeniedException":
            return CallError(FailureKind.ACCESS_DENIED,
                             f"{model}: access denied ({_short(message, 100)}): enable the model "
                             f"under Bedrock > Model access and allow bedrock:InvokeModel "
                             f"for it in IAM", code=code)
        if code == "ResourceNotFoundException":
            where = f" in region {region}" if region else ""
            return CallError(FailureKind.UNKNOWN_MODEL,
                             f"{model}: unknown model{where}: {_profile_hint(model)}", code=code)
        if code in BAD_CREDENTIAL_CODES:
            return CallError(FailureKind.NO_CREDENTIALS,
                             f"AWS rejected the credentials ({code}): "
                             f"{credentials_message(profile)}",
                             next_model=False, fatal=True, code=code)
        if code == "ValidationException":
            return _classify_validation(model, message, code)
        return CallError(FailureKind.INTERNAL,
                         f"{model}: Bedrock error {code or status} ({_short(message)})", code=code)
    if isinstance(exc, (bx.SSOError, bx.TokenRetrievalError)):
        return CallError(FailureKind.NO_CREDENTIALS, credentials_message(profile, sso=True),
                         next_model=False, fatal=True)
    if isinstance(exc, (bx.NoCredentialsError, bx.PartialCredentialsError,
                        bx.CredentialRetrievalError)):
        return CallError(FailureKind.NO_CREDENTIALS, credentials_message(profile),
                         next_model=False, fatal=True)
    if isinstance(exc, bx.ProfileNotFound):
        return CallError(FailureKind.NO_CREDENTIALS,
                         f"the AWS profile {profile} is not in your AWS config: choose another "
                         f"profile in Settings or run `aws configure --profile {profile}`",
                         next_model=False, fatal=True)
    if isinstance(exc, bx.NoRegionError):
        return CallError(FailureKind.NO_CREDENTIALS,
                         "no AWS region configured: choose one in Settings, pass --region, "
                         "or set AWS_REGION", next_model=False, fatal=True)
    if isinstance(exc, bx.ReadTimeoutError) or type(exc).__name__ == "ReadTimeoutError":
        return CallError(FailureKind.TIMEOUT, f"{model}: no answer before the read timeout",
                         retryable=True)
    if isinstance(exc, (bx.ConnectionError, bx.HTTPClientError)) or type(exc).__name__ in (
        "ProtocolError", "NewConnectionError", "IncompleteRead"
    ):
        where = endpoint or "the Bedrock endpoint"
        reason = "timed out" if isinstance(exc, bx.ConnectTimeoutError) else _short(
            type(exc).__name__, 60)
        return CallError(FailureKind.NETWORK,
                         f"cannot reach {where} ({reason}) for {model}: check the network, "
                         f"proxy and endpoint URL", retryable=True, next_model=False)
    if isinstance(exc, bx.ParamValidationError):
        return CallError(FailureKind.INTERNAL, f"{model}: invalid request ({_short(str(exc))})",
                         next_model=False)
    return CallError(FailureKind.INTERNAL,
                     f"{model}: unexpected error {type(exc).__name__}: {_short(str(exc))}")


def refused(model: str, seconds: float) -> CallError:
    """Throttling that did not end within the pacer's patience: a failure of the section."""
    return CallError(FailureKind.THROTTLED,
                     f"{model}: Bedrock refused every request for {seconds:.0f} s (throttled): "
                     f"the account's quota is used elsewhere or too low; request a higher quota "
                     f"or try later, then retry the failed sections", code="ThrottlingException")


def exhausted(err: CallError, attempts: int, read_timeout: float) -> CallError:
    """The error once a retryable failure has lasted every attempt on a model."""
    model_msg = err.message
    if err.kind is FailureKind.THROTTLED:
        text = (f"{model_msg} on all {attempts} attempts: lower the concurrency or request a "
                f"higher Bedrock quota, then retry the failed sections")
    elif err.kind is FailureKind.TIMEOUT:
        text = f"{model_msg} ({read_timeout:g} s) on all {attempts} attempts"
    elif err.kind is FailureKind.NETWORK:
        text = f"{model_msg} (failed {attempts} times)"
    else:
        text = f"{model_msg} on all {attempts} attempts: retry later"
    return replace(err, message=text, retryable=False)
