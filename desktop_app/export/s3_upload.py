"""Shared exports: the reviewed copy and the report uploaded to the team's S3 bucket.

Off by default; when on, it is the only thing besides the analysed text that
leaves the machine (`disclosure` says so in words for the UI). Files are
uploaded only once complete on disk (they are written atomically first) and
straight to their final key: a single PUT appears whole or not at all, and a
multipart upload that fails or is cancelled is aborted by s3transfer
(`CreateMultipartUploadTask` registers AbortMultipartUpload as its failure
cleanup), so no part-object is ever left behind. boto3 is imported only here,
only when uploading.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ProgressFn = Callable[[str, int, int], None]  # (file name, bytes sent so far, file size)

CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
}
_DENIED = {"AccessDenied", "AllAccessDisabled", "Forbidden", "403", "AccountProblem",
           "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken"}
_CODE_IN_TEXT = re.compile(r"An error occurred \((\w+)\)")


class UploadError(Exception):
    """An upload that did not happen; the message says why and what to do."""


class UploadCancelled(UploadError):
    pass


@dataclass(frozen=True, slots=True)
class Uploaded:
    path: Path
    bucket: str
    key: str
    size: int

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def object_key(prefix: str, filename: str) -> str:
    prefix = prefix.strip().strip("/")
    return f"{prefix}/{filename}" if prefix else filename


def disclosure(bucket: str, prefix: str, paths: Iterable[str | os.PathLike[str]]) -> str:
    names = ", ".join(Path(p).name for p in paths)
    return (f"{names} will be uploaded to s3://{bucket}/{object_key(prefix, '')}: "
            "these files leave this machine.")


def upload_exports(
    paths: Iterable[str | os.PathLike[str]],
    bucket: str,
    prefix: str = "",
    *,
    client: Any = None,
    session: Any = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    transfer_config: Any = None,
) -> list[Uploaded]:
    """Upload each file to `bucket` under `prefix`, in order; raise `UploadError` on failure.

    Files already uploaded when a later one fails stay uploaded (each is whole);
    the error says which file failed. Setting `cancel` stops the upload at its
    next chunk (`UploadCancelled`), through s3transfer's own cancel, so the
    multipart upload is aborted and every file handle closed.
    """
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise UploadError(f"{path} does not exist: export it before uploading")
    if not bucket.strip():
        raise UploadError("no S3 bucket is configured for shared exports (Settings)")
    from boto3.exceptions import Boto3Error
    from boto3.s3.transfer import TransferConfig, create_transfer_manager
    from botocore.exceptions import BotoCoreError, ClientError
    from s3transfer.exceptions import CancelledError

    if client is None:
        import boto3

        client = (session or boto3.Session()).client("s3")
    # "classic" is s3transfer, whose abort-on-failure is described above.
    config = transfer_config or TransferConfig(preferred_transfer_client="classic")
    done = []
    with create_transfer_manager(client, config) as manager:
        for path in files:
            key = object_key(prefix, path.name)
            if cancel is not None and cancel.is_set():
                raise UploadCancelled(f"upload of {path.name} cancelled")
            size = path.stat().st_size
            extra = {"ContentType": CONTENT_TYPES.get(path.suffix.lower(),
                                                      "application/octet-stream")}
            future = manager.upload(str(path), bucket, key, extra_args=extra,
                                    subscribers=[_subscriber(path.name, size, progress, cancel)])
            try:
                future.result()
            except CancelledError as exc:
                raise UploadCancelled(f"upload of {path.name} cancelled") from exc
            except (Boto3Error, BotoCoreError, ClientError, OSError) as exc:
                raise UploadError(explain(exc, bucket, key)) from exc
            done.append(Uploaded(path, bucket, key, size))
    return done


def _subscriber(name: str, size: int, progress: ProgressFn | None,
                cancel: threading.Event | None) -> Any:
    """Counts bytes for `progress`; turns a set `cancel` into s3transfer's own cancel.

    It never raises: s3transfer calls it from its file readers (also while
    closing them), and an exception there would leave the file open.
    """
    from s3transfer.subscribers import BaseSubscriber

    class ProgressSubscriber(BaseSubscriber):
        def __init__(self) -> None:
            self.sent = 0
            self.lock = threading.Lock()

        def on_progress(self, future: Any, bytes_transferred: int, **kwargs: Any) -> None:
            if cancel is not None and cancel.is_set():
                future.cancel()
                return
            with self.lock:  # called from s3transfer's worker threads
                self.sent += bytes_transferred
                sent = self.sent
            if progress is not None:
                progress(name, sent, size)

    return ProgressSubscriber()


def error_code(exc: BaseException) -> str | None:
    """The S3 error code of `exc` or of the error it wraps (boto3 re-raises as text)."""
    seen: BaseException | None = exc
    while seen is not None:
        response = getattr(seen, "response", None)
        if isinstance(response, dict):
            code = response.get("Error", {}).get("Code")
            if code:
                return str(code)
        m = _CODE_IN_TEXT.search(str(seen))
        if m:
            return m.group(1)
        seen = seen.__cause__ or seen.__context__
    return None


def explain(exc: BaseException, bucket: str, key: str) -> str:
    where = f"s3://{bucket}/{key}"
    name = type(exc).__name__
    if name in ("NoCredentialsError", "PartialCredentialsError"):
        return ("no AWS credentials for the upload: run 'aws configure' or 'aws sso login' "
                "for the profile in Settings")
    if name == "EndpointConnectionError":
        return f"cannot reach S3 to upload {where}: check the network and the region"
    code = error_code(exc)
    if code == "NoSuchBucket":
        return (f"the bucket '{bucket}' does not exist (or not in this account): check the "
                "bucket name for shared exports in Settings")
    if code in _DENIED:
        return (f"access denied uploading to {where}: your AWS identity needs s3:PutObject "
                "(and s3:AbortMultipartUpload for large files) on this bucket and prefix")
    return f"the upload to {where} failed: {exc}"
