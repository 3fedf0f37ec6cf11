"""AWS_REGION is honoured as the AWS CLI and SDKs honour it (botocore reads only
AWS_DEFAULT_REGION, and Margin said "set AWS_REGION" while ignoring it)."""

from __future__ import annotations

import json

from desktop_app.paths import sample_document
from tests.e2e.cli import margin


def test_aws_region_alone_is_enough(aws_env, tmp_path, fake_bedrock):
    env = {k: v for k, v in aws_env.items() if k != "AWS_DEFAULT_REGION"}
    env["AWS_REGION"] = "eu-west-3"
    report = tmp_path / "r.json"
    proc = margin(["review", str(sample_document()), "--provider", "bedrock",
                   "--report", str(report)], env)
    assert proc.returncode == 0, proc.stderr
    assert "region" not in proc.stderr
    assert json.loads(report.read_text())["provider"]["region"] == "eu-west-3"
    assert fake_bedrock.requests_for()  # the calls were made
