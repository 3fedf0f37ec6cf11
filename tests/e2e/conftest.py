"""Environments for `margin` subprocesses: isolated data, never real AWS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def env(isolated_data_dir: Path) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    e.update(MARGIN_DATA_DIR=str(isolated_data_dir), QT_QPA_PLATFORM="offscreen",
             AWS_CONFIG_FILE=str(isolated_data_dir / "aws-config"),
             AWS_SHARED_CREDENTIALS_FILE=str(isolated_data_dir / "aws-credentials"),
             AWS_EC2_METADATA_DISABLED="true")
    return e


@pytest.fixture
def aws_env(env: dict[str, str], fake_bedrock) -> dict[str, str]:
    """Dummy credentials and the fake Bedrock's endpoint, as a user's proxy setup would."""
    return dict(env, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL_BEDROCK_RUNTIME=fake_bedrock.url)
