"""Plain, actionable messages for what goes wrong around a batch job.

The control plane (`bedrock`: create, get, list, stop model invocation jobs)
and S3 fail in their own ways: a caller who may not pass the service role,
a role Bedrock cannot assume or that cannot read the bucket, a bucket that
does not exist, too many jobs at once. Each becomes a `ProviderError` that
says what to change, like the on-demand messages in `ai/errors.py` (which
still handles credentials, regions and the network).
"""

from __future__ import annotations

from desktop_app.ai.errors import CallError, classify
from desktop_app.ai.provider import FailureKind, ProviderError

DOC = "docs/batch.md"
_S3_DENIED = {"AccessDenied", "AllAccessDisabled", "AccountProblem", "InvalidAccessKeyId"}


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _error(exc: BaseException) -> tuple[str, str, int]:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return "", "", 0
    error = response.get("Error", {}) or {}
    status = int((response.get("ResponseMetadata") or {}).get("HTTPStatusCode") or 0)
    return str(error.get("Code", "") or ""), str(error.get("Message", "") or ""), status


def _from_call_error(err: CallError) -> ProviderError:
    return ProviderError(err.kind, err.message, fatal=err.fatal)


def transient(exc: BaseException) -> bool:
    """Worth polling again later (throttling, 5xx, the network), rather than giving up."""
    import botocore.exceptions as bx

    if not isinstance(exc, bx.ClientError):
        return isinstance(exc, (bx.ConnectionError, bx.HTTPClientError, bx.ReadTimeoutError))
    return classify(exc, "Bedrock").retryable


def control_error(exc: BaseException, action: str, *, model: str, role_arn: str,
                  where: str = "", profile: str | None = None,
                  region: str | None = None) -> ProviderError:
    """A failed call to the `bedrock` control plane; `action` says what we were doing."""
    import botocore.exceptions as bx

    if isinstance(exc, ProviderError):
        return exc
    if not isinstance(exc, bx.ClientError):
        return _from_call_error(classify(exc, model, profile=profile, region=region))
    code, message, _status = _error(exc)
    low = message.lower()
    detail = f" ({_short(message)})" if message else ""
    if code == "AccessDeniedException":
        if "passrole" in low:
            return ProviderError(
                FailureKind.ACCESS_DENIED,
                f"cannot {action}: your AWS identity may not pass the role {role_arn} to "
                f"Bedrock{detail}: allow iam:PassRole on that role (see {DOC})", fatal=True)
        return ProviderError(
            FailureKind.ACCESS_DENIED,
            f"cannot {action}: access denied{detail}: allow bedrock:CreateModelInvocationJob, "
            f"GetModelInvocationJob, ListModelInvocationJobs and StopModelInvocationJob for "
            f"your AWS identity, and enable {model} under Bedrock > Model access (see {DOC})",
            fatal=True)
    if code == "ValidationException":
        if "role" in low or "assume" in low:
            return ProviderError(
                FailureKind.ACCESS_DENIED,
                f"cannot {action}: Bedrock cannot use the role {role_arn}{detail}: its trust "
                f"policy must let bedrock.amazonaws.com assume it (see {DOC})", fatal=True)
        if "s3" in low or "bucket" in low:
            return ProviderError(
                FailureKind.ACCESS_DENIED,
                f"cannot {action}: Bedrock cannot use {where or 'the S3 location'}{detail}: "
                f"the role {role_arn} needs s3:GetObject, s3:ListBucket and s3:PutObject "
                f"there, in the job's region (see {DOC})", fatal=True)
        if "model" in low or model.lower() in low:
            return ProviderError(
                FailureKind.UNKNOWN_MODEL,
                f"cannot {action}: {model} cannot run batch jobs here{detail}: choose a model "
                f"or inference profile that supports batch inference in this region",
                fatal=True)
        return ProviderError(FailureKind.INTERNAL, f"cannot {action}: Bedrock rejected the "
                             f"request{detail}", fatal=True)
    if code == "ServiceQuotaExceededException":
        return ProviderError(
            FailureKind.THROTTLED,
            f"cannot {action}: a batch inference quota is reached{detail}: wait for a running "
            f"job of {model} to finish, or request a higher quota in Service Quotas")
    if code == "ResourceNotFoundException":
        if "create" in action:
            return ProviderError(
                FailureKind.UNKNOWN_MODEL,
                f"cannot {action}: {model} is not known in this region{detail}: check the "
                f"model id against the models Settings lists", fatal=True)
        return ProviderError(
            FailureKind.INTERNAL,
            f"cannot {action}: Bedrock no longer knows the job{detail}: it was deleted or "
            f"has expired; review these sections again", fatal=True)
    return _from_call_error(classify(exc, model, profile=profile, region=region))


def s3_error(exc: BaseException, action: str, uri: str, *,
             profile: str | None = None) -> ProviderError:
    """A failed S3 call made by Margin itself (uploading records, reading answers)."""
    import botocore.exceptions as bx

    if not isinstance(exc, bx.ClientError):
        return _from_call_error(classify(exc, "S3", profile=profile))
    code, message, status = _error(exc)
    bucket = uri[5:].split("/", 1)[0] if uri.startswith("s3://") else uri
    if code == "NoSuchBucket":
        return ProviderError(
            FailureKind.UNKNOWN_MODEL,
            f"cannot {action}: the bucket {bucket} does not exist: create it in the job's "
            f"region, or correct --batch s3://BUCKET/PREFIX", fatal=True)
    if code in _S3_DENIED or status == 403:
        return ProviderError(
            FailureKind.ACCESS_DENIED,
            f"cannot {action}: access denied to {uri}: allow s3:PutObject, s3:GetObject and "
            f"s3:ListBucket on it for your AWS identity (see {DOC})", fatal=True)
    if code in ("NoSuchKey", "404"):
        return ProviderError(FailureKind.SERVICE,
                             f"cannot {action}: {uri} is not there (deleted, or not written "
                             f"yet)")
    return _from_call_error(classify(exc, "S3", profile=profile))


def job_failed(job_name: str, message: str, role_arn: str, input_uri: str) -> ProviderError:
    """The job ended Failed: Bedrock's reason, and what to check when it is access."""
    reason = _short(message) or "Bedrock gave no reason"
    low = message.lower()
    if any(word in low for word in ("access", "denied", "permission", "not authorized",
                                     "forbidden")):
        return ProviderError(
            FailureKind.ACCESS_DENIED,
            f"the batch job {job_name} failed: {reason}: the role {role_arn} needs "
            f"s3:GetObject, s3:ListBucket and s3:PutObject on {input_uri.rsplit('/', 2)[0]}/ "
            f"and bedrock:InvokeModel on the model (see {DOC})", fatal=True)
    return ProviderError(FailureKind.SERVICE, f"the batch job {job_name} failed: {reason}")
