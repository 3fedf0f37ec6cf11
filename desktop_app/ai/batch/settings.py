"""Settings of a batch run: where the records go, the role Bedrock assumes, limits.

Plain data, like `BedrockConfig`, so that the command line (`--batch
s3://BUCKET/PREFIX --role-arn ARN`), the window and tests build it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# "Minimum number of records per batch inference job": a Bedrock service quota,
# set per model, 100 by default (adjustable for some models).
DEFAULT_MIN_RECORDS = 100
# "Records per batch inference job": 50,000 by default.
DEFAULT_MAX_RECORDS = 50_000

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_ROLE = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/.+$")


class InvocationType(StrEnum):
    """How each record's `modelInput` is written (CreateModelInvocationJob's modelInvocationType).

    INVOKE_MODEL (the default) carries the Anthropic Messages body: the only
    form in which batch jobs accept a forced tool. CONVERSE carries the Converse
    body itself, for when AWS lifts that restriction.
    """

    INVOKE_MODEL = "InvokeModel"
    CONVERSE = "Converse"


@dataclass(frozen=True, slots=True)
class S3Location:
    bucket: str
    prefix: str  # no leading or trailing slash; may be empty

    @classmethod
    def parse(cls, uri: str) -> S3Location:
        """`s3://bucket/some/prefix` -> S3Location; ValueError with a plain reason."""
        text = uri.strip()
        if not text.startswith("s3://"):
            raise ValueError(f"{uri!r} is not an S3 location: write it as s3://BUCKET/PREFIX")
        bucket, _, prefix = text[5:].partition("/")
        if not _BUCKET.match(bucket) or ".." in bucket:
            raise ValueError(f"{bucket!r} is not a valid S3 bucket name (in {uri!r})")
        return cls(bucket, prefix.strip("/"))

    def key(self, *parts: str) -> str:
        return "/".join(p for p in (self.prefix, *parts) if p)

    def uri(self, *parts: str) -> str:
        return f"s3://{self.bucket}/{self.key(*parts)}"


@dataclass(frozen=True, slots=True)
class BatchSettings:
    location: S3Location  # where input records and job outputs are written
    role_arn: str  # the service role Bedrock assumes to read and write them
    model: str | None = None  # None: the first model of the provider's chain
    invocation_type: InvocationType = InvocationType.INVOKE_MODEL
    min_records: int = DEFAULT_MIN_RECORDS  # the account's quota for the model
    max_records: int = DEFAULT_MAX_RECORDS
    # Keep the on-demand request's cache points in the records. Off: no cache discount
    # is documented for batch jobs, and a marker they refused would fail every record.
    cache_points: bool = False
    timeout_hours: int = 24  # the job stops by itself after this (Bedrock: 24 to 168)
    poll_initial: float = 30.0  # seconds between status checks, growing ...
    poll_max: float = 300.0  # ... up to this; a job takes minutes to hours
    control_endpoint_url: str | None = None  # None: AWS (or AWS_ENDPOINT_URL_BEDROCK)
    s3_endpoint_url: str | None = None  # None: AWS (or AWS_ENDPOINT_URL_S3)

    @classmethod
    def create(cls, s3_uri: str, role_arn: str, **kwargs: object) -> BatchSettings:
        """From the command line's words; ValueError with a plain reason."""
        return cls(S3Location.parse(s3_uri), role_arn.strip(), **kwargs)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        if not _ROLE.match(self.role_arn):
            raise ValueError(f"{self.role_arn!r} is not an IAM role ARN: give the service role's "
                             f"ARN, arn:aws:iam::ACCOUNT:role/NAME (see docs/batch.md)")
        if self.min_records < 1 or self.max_records < self.min_records:
            raise ValueError("the record limits must satisfy 1 <= min_records <= max_records")
        if not 24 <= self.timeout_hours <= 168:
            raise ValueError("timeout_hours must be from 24 to 168 (Bedrock's range)")
        if self.poll_initial <= 0 or self.poll_max < self.poll_initial:
            raise ValueError("poll intervals must satisfy 0 < poll_initial <= poll_max")
