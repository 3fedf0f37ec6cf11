"""Bedrock batch inference for many sections at about half the on-demand price.

The whole API (see `jobs.py` for the order of calls and `docs/batch.md` for
the AWS setup):

    BatchSettings.create("s3://BUCKET/PREFIX", role_arn)   what and where
    BatchDocument(key, title, framework, [BatchSection])   what to review
    BatchJobs(provider, settings)                           prepare, submit, wait,
                                                            stop, collect, list_jobs
    JobHandle.to_json() / from_json()                       what the caller stores
    JobStatus, JobState                                     what polling reports
    BatchOutcome, SectionOutcome                            what comes back
    TooFewRecords                                           below the minimum: on demand
"""

from desktop_app.ai.batch.handle import JobHandle, JobState, JobStatus
from desktop_app.ai.batch.jobs import BatchJobs, TooFewRecords
from desktop_app.ai.batch.records import BatchDocument, BatchSection
from desktop_app.ai.batch.results import BatchOutcome, SectionOutcome
from desktop_app.ai.batch.settings import BatchSettings, InvocationType, S3Location

__all__ = ["BatchDocument", "BatchJobs", "BatchOutcome", "BatchSection", "BatchSettings",
           "InvocationType", "JobHandle", "JobState", "JobStatus", "S3Location",
           "SectionOutcome", "TooFewRecords"]
