"""Fixtures for batch-inference tests: moto's S3 over HTTP, the fake job control plane.

Registered from tests/conftest.py. S3 is moto's server on 127.0.0.1 (real HTTP,
so that a child process sees the same buckets); the `bedrock` control plane is
`FakeBatchJobs` behind the `fake_bedrock` server, which also answers the
on-demand re-asks. Nothing reaches AWS.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop_app.ai.batch import BatchSettings
from tests.fake_batch import FakeBatchJobs
from tests.fake_bedrock import FakeBedrock

ROLE = "arn:aws:iam::123456789012:role/MarginBatch"


@pytest.fixture(scope="session")
def moto_s3_url() -> Iterator[str]:
    """moto's S3 as an HTTP server, started once (about 0.6 s)."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def batch_bucket(moto_s3_url: str, fake_bedrock: FakeBedrock) -> str:
    """A fresh bucket for this test (moto keeps its state across the session)."""
    import boto3

    name = f"margin-batch-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=moto_s3_url, region_name="us-east-1")
    try:
        s3.create_bucket(Bucket=name)
    finally:
        s3.close()
    return name


@pytest.fixture
def fake_batch(fake_bedrock: FakeBedrock, moto_s3_url: str) -> Iterator[FakeBatchJobs]:
    fake = FakeBatchJobs(moto_s3_url)
    fake_bedrock.batch = fake
    try:
        yield fake
    finally:
        fake_bedrock.batch = None
        fake.close()


@pytest.fixture
def batch_settings(fake_bedrock: FakeBedrock, fake_batch: FakeBatchJobs, moto_s3_url: str,
                   batch_bucket: str) -> Callable[..., BatchSettings]:
    """Factory: BatchSettings for the fakes, polling fast; override any field."""

    def make(**overrides: Any) -> BatchSettings:
        values: dict[str, Any] = dict(
            min_records=3, poll_initial=0.01, poll_max=0.05,
            control_endpoint_url=fake_bedrock.url, s3_endpoint_url=moto_s3_url)
        values.update(overrides)
        uri = values.pop("s3_uri", f"s3://{batch_bucket}/reviews/2026")
        role = values.pop("role_arn", ROLE)
        return BatchSettings.create(uri, role, **values)

    return make
