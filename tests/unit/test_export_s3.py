"""Shared exports to S3 (moto): whole objects or none, clear errors, progress, cancel."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

from desktop_app.export.s3_upload import (
    UploadCancelled,
    UploadError,
    disclosure,
    explain,
    object_key,
    upload_exports,
)

BUCKET = "team-reviews"
MB = 1024 * 1024
# Small parts so that a 6 MB file goes multipart (5 MB is S3's smallest part).
MULTIPART = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB,
                           max_concurrency=1, preferred_transfer_client="classic")


def session() -> boto3.Session:
    return boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                         region_name="us-east-1")


@pytest.fixture
def s3():
    with mock_aws():
        client = session().client("s3")
        client.create_bucket(Bucket=BUCKET)
        yield client


@pytest.fixture
def exports(tmp_path: Path) -> list[Path]:
    copy = tmp_path / "Report (reviewed).docx"
    copy.write_bytes(b"PK\x03\x04 not really a docx, but bytes " * 100)
    report = tmp_path / "report.html"
    report.write_text("<!DOCTYPE html><p>Fees &amp; charges</p>", encoding="utf-8")
    return [copy, report]


def no_partial_uploads(client) -> bool:
    return not client.list_multipart_uploads(Bucket=BUCKET).get("Uploads")


def test_uploads_each_file_whole_under_the_prefix(s3, exports):
    seen: list[tuple[str, int, int]] = []
    done = upload_exports(exports, BUCKET, "/reviews/2024/", client=s3,
                          progress=lambda *a: seen.append(a))
    assert [u.key for u in done] == ["reviews/2024/Report (reviewed).docx",
                                     "reviews/2024/report.html"]
    assert done[0].uri == f"s3://{BUCKET}/reviews/2024/Report (reviewed).docx"
    for u, path in zip(done, exports, strict=True):
        obj = s3.get_object(Bucket=BUCKET, Key=u.key)
        assert obj["Body"].read() == path.read_bytes()
    assert s3.head_object(Bucket=BUCKET, Key=done[1].key)["ContentType"].startswith("text/html")
    assert s3.head_object(Bucket=BUCKET, Key=done[0].key)["ContentType"].endswith(
        "wordprocessingml.document")
    finals = {name: sent for name, sent, _ in seen}
    assert finals == {p.name: p.stat().st_size for p in exports}


def test_a_session_is_enough(s3, exports):
    (u,) = upload_exports(exports[1:], BUCKET, "", session=session())
    assert u.key == "report.html"


def test_missing_bucket_is_named(s3, exports):
    with pytest.raises(UploadError, match="bucket 'nope-not-here' does not exist"):
        upload_exports(exports, "nope-not-here", "x", client=s3)


@set_initial_no_auth_action_count(4)
def test_access_denied_says_which_permission(exports):
    with mock_aws():
        boto = session()
        boto.client("s3").create_bucket(Bucket=BUCKET)
        iam = boto.client("iam")
        iam.create_user(UserName="reader")
        iam.put_user_policy(UserName="reader", PolicyName="read", PolicyDocument=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="reader")["AccessKey"]
        reader = boto3.Session(aws_access_key_id=key["AccessKeyId"],
                               aws_secret_access_key=key["SecretAccessKey"],
                               region_name="us-east-1")
        with pytest.raises(UploadError, match=r"access denied .* s3:PutObject") as err:
            upload_exports(exports, BUCKET, "p", session=reader)
        assert f"s3://{BUCKET}/p/Report (reviewed).docx" in str(err.value)


def test_a_failed_multipart_upload_is_aborted_and_leaves_nothing(s3, tmp_path):
    big = tmp_path / "big (reviewed).docx"
    big.write_bytes(b"x" * (6 * MB + 123))

    def fail_completion(**_kwargs):
        raise ClientError({"Error": {"Code": "InternalError", "Message": "boom"}},
                          "CompleteMultipartUpload")

    s3.meta.events.register("before-call.s3.CompleteMultipartUpload", fail_completion)
    with pytest.raises(UploadError, match="failed"):
        upload_exports([big], BUCKET, "p", client=s3, transfer_config=MULTIPART)
    s3.meta.events.unregister("before-call.s3.CompleteMultipartUpload", fail_completion)
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET)
    assert no_partial_uploads(s3)


def test_cancel_stops_at_the_next_chunk_and_aborts(s3, tmp_path):
    big = tmp_path / "big.docx"
    big.write_bytes(b"y" * (11 * MB))
    cancel = threading.Event()

    def progress(_name, sent, _size):
        if sent >= 5 * MB:
            cancel.set()

    with pytest.raises(UploadCancelled):
        upload_exports([big], BUCKET, "", client=s3, transfer_config=MULTIPART,
                       progress=progress, cancel=cancel)
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET)
    assert no_partial_uploads(s3)


def test_refuses_before_any_request(tmp_path):
    with pytest.raises(UploadError, match="does not exist"):
        upload_exports([tmp_path / "missing.docx"], BUCKET, client=object())
    (tmp_path / "a.md").write_text("x")
    with pytest.raises(UploadError, match="no S3 bucket"):
        upload_exports([tmp_path / "a.md"], "  ", client=object())


def test_keys_messages_and_disclosure():
    assert object_key("", "a.docx") == "a.docx"
    assert object_key(" /team/q1// ", "a.docx") == "team/q1/a.docx"
    assert "leave this machine" in disclosure("b", "p", ["x/a.docx", "r.html"])
    from botocore.exceptions import NoCredentialsError

    assert "aws sso login" in explain(NoCredentialsError(), "b", "k")


def test_boto3_is_imported_only_when_uploading():
    code = ("import sys, desktop_app.export.s3_upload, desktop_app.export.reports, "
            "desktop_app.export.docx_comments\nassert 'boto3' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
