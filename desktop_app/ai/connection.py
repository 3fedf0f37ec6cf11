"""Settings' *Test connection*: who am I, and can I reach each model of the chain.

Also lists what the account offers (inference profiles and on-demand models),
so that Settings need not trust a hard-coded list of model ids.
"""

from __future__ import annotations

from typing import Any

from desktop_app.ai.aws import client_config, make_session
from desktop_app.ai.config import BedrockConfig
from desktop_app.ai.errors import classify
from desktop_app.ai.provider import FailureKind, ProviderError

_LABELS = {
    FailureKind.ACCESS_DENIED: "denied",
    FailureKind.UNKNOWN_MODEL: "unknown",
    FailureKind.THROTTLED: "reachable, but throttled right now",
    FailureKind.MODEL_NOT_READY: "not ready",
    FailureKind.NETWORK: "unreachable",
    FailureKind.TIMEOUT: "no answer",
}


def _session(config: BedrockConfig) -> Any:
    try:
        return make_session(config.profile, config.region)
    except Exception as exc:
        err = classify(exc, "Bedrock", profile=config.profile)
        raise ProviderError(err.kind, err.message, fatal=err.fatal) from None


def test_connection(config: BedrockConfig) -> list[str]:
    """Plain lines for the dialog: the caller identity (STS), then one line per model.

    A model line is `MODEL: OK`, or `MODEL: denied|unknown|... — what to do`.
    Each model gets one tiny Converse call (a few tokens; no retries).
    """
    lines: list[str] = []
    try:
        session = _session(config)
    except ProviderError as start_error:
        return [f"Cannot start: {start_error.message}"]
    single_try = client_config(config)
    try:
        sts = session.client("sts", config=single_try)
        try:
            who = sts.get_caller_identity()
        finally:
            sts.close()
    except Exception as exc:
        sts_error = classify(exc, "STS", profile=config.profile)
        lines.append(f"Who am I (STS) failed: {sts_error.message}")
        if sts_error.fatal:  # no usable credentials: the model checks would say the same
            return lines
        # Otherwise (STS unreachable behind a custom endpoint, say) still try the models.
    else:
        lines.append(f"Signed in as {who.get('Arn', '?')} "
                     f"(account {who.get('Account', '?')})")
    try:
        runtime = session.client("bedrock-runtime", endpoint_url=config.endpoint_url,
                                 config=single_try)
    except Exception as exc:
        return [*lines, f"Cannot create the Bedrock client: {classify(exc, 'Bedrock').message}"]
    try:
        lines.append(f"Region: {runtime.meta.region_name}")
        for model in config.models:
            try:
                runtime.converse(
                    modelId=model,
                    messages=[{"role": "user", "content": [{"text": "Reply with OK."}]}],
                    inferenceConfig={"maxTokens": 8, "temperature": 0.0},
                )
                lines.append(f"{model}: OK")
            except Exception as exc:
                failure = classify(exc, model, profile=config.profile,
                                   region=runtime.meta.region_name, endpoint=config.endpoint_url)
                label = _LABELS.get(failure.kind, "failed")
                detail = failure.message.removeprefix(f"{model}: ").removeprefix(f"{model} ")
                lines.append(f"{model}: {label} — {detail}")
    finally:
        runtime.close()
    return lines


# The name is the product's ("Test connection"); keep pytest from collecting it
# when a test module imports it.
test_connection.__test__ = False  # type: ignore[attr-defined]


def list_models(config: BedrockConfig) -> list[str]:
    """Model ids the account can invoke here: inference profiles first, then on-demand models.

    Uses the `bedrock` control plane (its endpoint can be redirected with
    AWS_ENDPOINT_URL_BEDROCK). Raises ProviderError with a plain message.
    """
    session = _session(config)
    found: list[str] = []
    try:
        client = session.client("bedrock", config=client_config(config))
    except Exception as exc:
        err = classify(exc, "Bedrock", profile=config.profile)
        raise ProviderError(err.kind, err.message, fatal=err.fatal) from None
    try:
        token: str | None = None
        while True:
            page = client.list_inference_profiles(**({"nextToken": token} if token else {}))
            found.extend(p["inferenceProfileId"] for p in page.get("inferenceProfileSummaries", [])
                         if p.get("status", "ACTIVE") == "ACTIVE")
            token = page.get("nextToken")
            if not token:
                break
        models = client.list_foundation_models(byOutputModality="TEXT")
        found.extend(m["modelId"] for m in models.get("modelSummaries", [])
                     if "ON_DEMAND" in m.get("inferenceTypesSupported", []))
    except Exception as exc:
        err = classify(exc, "Bedrock", profile=config.profile)
        raise ProviderError(err.kind, f"cannot list models: {err.message}",
                            fatal=err.fatal) from None
    finally:
        client.close()
    return list(dict.fromkeys(found))
