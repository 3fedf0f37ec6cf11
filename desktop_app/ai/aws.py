"""boto3 sessions and clients, created lazily.

`import boto3` costs 140-170 ms of a ~300 ms start-up, so it happens inside the
functions here, when the first Bedrock call is made, never at module import.
Sessions are not thread-safe: a session is created and used to make a client
under a lock; the client itself is shared by every worker thread.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

from desktop_app.ai.config import BedrockConfig
from desktop_app.runtime import freeze_long_lived_objects

if TYPE_CHECKING:  # pragma: no cover - typing only
    import boto3


def env_region() -> str | None:
    """AWS_REGION, which the AWS CLI v2 and the other AWS SDKs read first and
    botocore does not read at all (it knows only AWS_DEFAULT_REGION)."""
    return os.environ.get("AWS_REGION", "").strip() or None


def make_session(profile: str | None, region: str | None) -> boto3.session.Session:
    """A boto3 session; raises botocore's ProfileNotFound for an unknown profile.

    The region: the one given, else AWS_REGION, else botocore's own order
    (AWS_DEFAULT_REGION, then the profile)."""
    import boto3

    return boto3.session.Session(profile_name=profile or None,
                                 region_name=region or env_region())


def credentials_available(profile: str | None = None) -> bool:
    """Whether credentials resolve locally (used by `--provider auto`).

    No network: the EC2 instance-metadata and container providers are left out
    (they probe an HTTP endpoint). SSO and assume-role profiles resolve to
    deferred credentials without a call; an expired SSO login is reported at
    the first request with the command that fixes it.
    """
    import botocore.exceptions
    import botocore.session

    if os.environ.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") or os.environ.get(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI"
    ):
        return True  # the container provides credentials by design
    session = botocore.session.Session(profile=profile or None)
    try:
        resolver = session.get_component("credential_provider")
        for name in ("iam-role", "container-role"):
            try:
                resolver.remove(name)
            except ValueError:  # pragma: no cover - provider absent in this botocore
                pass
        return resolver.load_credentials() is not None
    except botocore.exceptions.BotoCoreError:
        # ProfileNotFound, a broken config file, a failing credential_process ...
        return False


def client_config(config: BedrockConfig) -> Any:
    """botocore Config for bedrock-runtime.

    botocore's retries are off (one attempt): our own loop retries, throttled
    calls through the pacer and the rest with backoff. botocore's standard mode
    would also retry read timeouts, silently re-sending a slow generation (and
    paying for it) up to three times, invisible to the pacer and to the usage
    counts; its adaptive mode paces each client alone and never sees throttling
    inside a stream (measured against ours: bench/throttle_bench.py).
    """
    from botocore.config import Config

    return Config(
        read_timeout=config.read_timeout,
        connect_timeout=config.connect_timeout,
        retries={"total_max_attempts": 1, "mode": "standard"},
        # One connection per request in flight, plus room for a chat stream and a probe.
        max_pool_connections=config.max_concurrency + 2,
        user_agent_appid="margin",
    )


class SharedClients:
    """One bedrock-runtime client per provider, created on first use under a lock."""

    def __init__(self, config: BedrockConfig) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._runtime: Any = None
        self._closed = False

    def runtime(self) -> Any:
        with self._lock:
            if self._closed:
                raise RuntimeError("the Bedrock provider was closed")
            if self._runtime is None:
                session = make_session(self._config.profile, self._config.region)
                # endpoint_url=None lets boto3 honour AWS_ENDPOINT_URL_BEDROCK_RUNTIME.
                self._runtime = session.client(
                    "bedrock-runtime",
                    endpoint_url=self._config.endpoint_url,
                    config=client_config(self._config),
                )
                freeze_long_lived_objects()  # boto3's object graph lives as long as we do
            return self._runtime

    @property
    def region(self) -> str | None:
        """The region calls go to: the configured one, else the profile's or environment's."""
        client = self._runtime
        if client is not None:
            return client.meta.region_name
        if self._config.region:
            return self._config.region
        try:
            return make_session(self._config.profile, None).region_name
        except Exception:  # an unknown profile: the first call reports it properly
            return None

    def close(self) -> None:
        """Close pooled connections (an unclosed socket is a ResourceWarning)."""
        with self._lock:
            self._closed = True
            client, self._runtime = self._runtime, None
        if client is not None:
            client.close()
