"""Which reviewer a review uses, and the words that say so: the one place it is chosen.

The window (through `ProviderFactory`, on a worker thread: resolving
credentials may read files or run a credential process) and `margin review`
both call `choose_provider`. A provider may be shared by several sessions:
its limiter then paces all of their requests together.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop_app.ai.provider import Provider, ProviderError
from desktop_app.document import Document
from desktop_app.session.prefs import ReviewPrefs

if TYPE_CHECKING:
    from desktop_app.ai.context import DocumentContext

log = logging.getLogger(__name__)

LOCAL_LABEL = "built-in reviewer"
LOCAL_THREADS = 2  # the rules are pure Python: more threads only fight over the GIL


class NoReviewer(Exception):
    """The reviewer asked for cannot work at all (Bedrock chosen, no AWS credentials)."""


@dataclass(frozen=True, slots=True)
class ProviderIdentity:
    """The provider as a review records it: what, besides the text and the framework,
    decides an answer."""

    name: str
    models: tuple[str, ...] = ()
    cache_identity: str | None = None  # None: a placeholder until the provider is ready

    @classmethod
    def placeholder(cls, prefs: ReviewPrefs) -> ProviderIdentity:
        """Taken from the settings while the provider is being prepared; the real one
        is written when it is ready, before any result."""
        if prefs.provider == "local":
            return cls("local")
        return cls(prefs.provider, tuple(prefs.bedrock.models))


@dataclass(slots=True)
class ProviderSetup:
    provider: Provider
    offline: bool  # the built-in reviewer: no network, rules only
    notice: str  # one line for the window: what reviews, and why
    detail: str = ""  # a tooltip: where it calls, what to change
    threads: int = LOCAL_THREADS  # analysis jobs in parallel
    fallback: str = ""  # why the built-in reviewer stands in ("no AWS credentials found")

    @property
    def label(self) -> str:
        """How a result's source is named in the findings panel."""
        if self.offline:
            return LOCAL_LABEL
        models = self.provider.models
        return models[0] if models else self.provider.name

    @property
    def identity(self) -> ProviderIdentity:
        p = self.provider
        return ProviderIdentity(p.name, tuple(p.models), p.cache_identity())

    def for_document(self, document: Document) -> ProviderSetup:
        """The setup another document of the same run uses: the same provider, whose
        pacer then paces every document's requests together; the built-in reviewer,
        whose findings depend on the whole document, indexes each on its own."""
        if not self.offline:
            return self
        from desktop_app.ai.local_reviewer import LocalProvider

        return replace(self, provider=LocalProvider.for_document(document))

    def source_of(self, model: str | None) -> str:
        """How the source of an answer by `model` is named."""
        return short_model(model) if model else (LOCAL_LABEL if self.offline else "")

    def close(self) -> None:
        close = getattr(self.provider, "close", None)
        if callable(close):
            try:
                close()
            except Exception:  # noqa: BLE001 - closing must not break a window close
                log.exception("closing the provider failed")


ProviderFactory = Callable[[Document, ReviewPrefs], ProviderSetup]


def review_context(document: Document, setup: ProviderSetup,
                   prefs: ReviewPrefs) -> DocumentContext | None:
    """What every section request of `document` carries of the rest of it, built once
    (a second or so on a long document: call it off the GUI thread). None for the
    built-in reviewer, which reads the document itself."""
    if setup.offline:
        return None
    from desktop_app.ai.context import build_context

    return build_context(document, prefs.context_mode, setup.provider.models)


def short_model(model: str) -> str:
    """`global.anthropic.claude-sonnet-4-5-20250929-v1:0` -> `claude-sonnet-4-5`."""
    name = model.rsplit("/", 1)[-1].split(".")[-1]
    parts = name.split("-")
    # Drop the version ("v1:0", "v1") and the release date ("20250929").
    while len(parts) > 1 and (parts[-1].startswith("v") and parts[-1][1:2].isdigit()
                              or len(parts[-1]) == 8 and parts[-1].isdigit()):
        parts.pop()
    return "-".join(parts) or model


def source_label(model: str | None) -> str:
    """How a stored answer's source is named: the model, or the built-in reviewer."""
    return short_model(model) if model else LOCAL_LABEL


def choose_provider(document: Document, prefs: ReviewPrefs) -> ProviderSetup:
    """The reviewer `prefs` ask for. `auto` falls back to the built-in reviewer when no
    AWS credentials resolve; an explicit Bedrock without them raises `NoReviewer`."""
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
    if not credentials_available(profile):
        where = f" for profile “{profile}”" if profile else ""
        if use == "bedrock":
            raise NoReviewer(f"no AWS credentials found{where}: run 'aws configure' or "
                             "'aws sso login'")
        return ProviderSetup(
            LocalProvider.for_document(document), True,
            f"Built-in reviewer (offline) — no AWS credentials found{where}.",
            "Deterministic rules on this computer; nothing is sent anywhere.\n"
            "To review with Amazon Bedrock, sign in (aws configure, or aws sso login) "
            "or pick a profile in Settings.",
            fallback="no AWS credentials found")
    from desktop_app.ai.bedrock import BedrockProvider

    config = prefs.bedrock
    provider = BedrockProvider(config)
    # Import boto3 and build the client here, on the caller's worker thread while the
    # document opens: left to the first analysis, ten job threads wait for it and the
    # one building it holds the GIL for ~150 ms of imports, freezing the window
    # (bench/window_bench.py). A failure is left for that first call to report.
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
