"""Which reviewer the window uses, and the words that tell the reviewer so. No Qt.

`default_provider_factory` runs on a worker thread (resolving credentials may
read files or run a credential process); the window can swap in another
factory (tests inject test doubles through `MainWindow.provider_factory`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.ai.provider import Provider, ProviderError
from desktop_app.document import Document
from desktop_app.ui.settings import ReviewPrefs

LOCAL_LABEL = "built-in reviewer"


@dataclass(slots=True)
class ProviderSetup:
    provider: Provider
    offline: bool  # the built-in reviewer: no network, rules only
    notice: str  # one line for the window: what reviews, and why
    detail: str = ""  # a tooltip: where it calls, what to change
    threads: int = 2  # analysis jobs in parallel

    @property
    def label(self) -> str:
        """How a result's source is named in the findings panel."""
        if self.offline:
            return LOCAL_LABEL
        models = self.provider.models
        return models[0] if models else self.provider.name


ProviderFactory = Callable[[Document, ReviewPrefs], ProviderSetup]


def short_model(model: str) -> str:
    """`global.anthropic.claude-sonnet-4-5-20250929-v1:0` -> `claude-sonnet-4-5`."""
    name = model.rsplit("/", 1)[-1].split(".")[-1]
    parts = name.split("-")
    # Drop the version ("v1:0", "v1") and the release date ("20250929").
    while len(parts) > 1 and (parts[-1].startswith("v") and parts[-1][1:2].isdigit()
                              or len(parts[-1]) == 8 and parts[-1].isdigit()):
        parts.pop()
    return "-".join(parts) or model


def default_provider_factory(document: Document, prefs: ReviewPrefs) -> ProviderSetup:
    from desktop_app.ai.aws import credentials_available
    from desktop_app.ai.local_reviewer import LocalProvider

    use = prefs.provider
    profile = prefs.bedrock.profile
    if use == "local":
        return ProviderSetup(
            LocalProvider.for_document(document), True,
            "Built-in reviewer (offline) — chosen in Settings.",
            "Deterministic rules on this computer; nothing is sent anywhere.\n"
            "Choose Amazon Bedrock in Settings to review with a model.")
    if use == "auto" and not credentials_available(profile):
        where = f" for profile “{profile}”" if profile else ""
        return ProviderSetup(
            LocalProvider.for_document(document), True,
            f"Built-in reviewer (offline) — no AWS credentials found{where}.",
            "Deterministic rules on this computer; nothing is sent anywhere.\n"
            "To review with Amazon Bedrock, sign in (aws configure, or aws sso login) "
            "or pick a profile in Settings.")
    from desktop_app.ai.bedrock import BedrockProvider

    config = prefs.bedrock
    provider = BedrockProvider(config)
    # Import boto3 and build the client here, on the factory's worker thread while the
    # document opens: left to the first analysis, ten job threads wait for it and the
    # one building it holds the GIL for ~150 ms of imports, freezing the window
    # (bench/window_bench.py). A failure is left for that first call to report, as before.
    try:
        provider.prepare()
    except ProviderError:
        pass
    first = short_model(config.models[0])
    more = len(config.models) - 1
    chain = f"{first} (+{more} fallback{'s' if more != 1 else ''})" if more else first
    where = " · ".join(x for x in (config.region, f"profile {profile}" if profile else "") if x)
    return ProviderSetup(
        provider, False,
        f"Amazon Bedrock · {chain}" + (f" · {where}" if where else ""),
        "Model chain, primary first:\n" + "\n".join(config.models)
        + (f"\nEndpoint: {config.endpoint_url}" if config.endpoint_url else ""),
        threads=config.max_concurrency)
