"""Bedrock batch jobs as the store keeps them: the handle, the last state seen, open or not.

A job is written the moment its records are uploaded (no ARN yet: a restart
finds it again by its unique name), again when it is created, and as its state
changes. `open` jobs are the ones a restart resumes; a job is closed once its
answers are recorded in the reviews, or it was stopped, failed or expired.
The handle is `ai.batch.JobHandle.to_json()`, kept as text: the store does not
read inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.store.db import Database
from desktop_app.store.review_rows import now

PREPARED = "Prepared"  # records uploaded, no job created yet


@dataclass(frozen=True, slots=True)
class StoredBatchJob:
    job_name: str
    job_arn: str | None
    state: str  # PREPARED, or the job's status as Bedrock spells it
    message: str
    handle: str  # JobHandle JSON
    open: bool
    created: str
    updated: str


def save_job(db: Database, job_name: str, handle: str, job_arn: str | None,
             state: str = PREPARED) -> None:
    """Insert or update the job's handle (and ARN); it stays (or becomes) open."""
    when = now()
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO batch_jobs (job_name, job_arn, state, handle, open, created, updated)"
            " VALUES (?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT (job_name) DO UPDATE SET job_arn = excluded.job_arn,"
            " handle = excluded.handle, state = excluded.state, updated = excluded.updated",
            (job_name, job_arn, state, handle, when, when))


def set_state(db: Database, job_name: str, state: str, message: str = "", *,
              open: bool = True) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE batch_jobs SET state = ?, message = ?, open = ?, updated = ?"
                     " WHERE job_name = ?", (state, message, int(open), now(), job_name))


def jobs(db: Database, *, open_only: bool = False) -> list[StoredBatchJob]:
    """Jobs, oldest first (the open ones only, if asked)."""
    where = " WHERE open = 1" if open_only else ""
    return [StoredBatchJob(row["job_name"], row["job_arn"], row["state"], row["message"],
                           row["handle"], bool(row["open"]), row["created"], row["updated"])
            for row in db.query(f"SELECT * FROM batch_jobs{where} ORDER BY created, id")]
