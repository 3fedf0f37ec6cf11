"""A process that submits a batch job, or resumes one from its stored handle.

    python -m tests.batch_child submit HANDLE_FILE     prepare, store, submit, store, poll
    python -m tests.batch_child resume HANDLE_FILE RESULT_FILE

For the kill-and-resume test: the first is killed while polling, the second
starts from the handle file alone. Endpoints come from the environment
(MARGIN_TEST_BEDROCK_URL, MARGIN_TEST_S3_URL, MARGIN_TEST_S3_URI), credentials
from the test's dummy AWS variables.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop_app.ai.batch import BatchJobs, BatchSettings, JobHandle
from desktop_app.ai.bedrock import BedrockProvider
from desktop_app.ai.config import BedrockConfig
from desktop_app.ai.provider import CancelToken
from tests.batch_helpers import documents
from tests.conftest_batch import ROLE
from tests.conftest_bedrock import PRIMARY

DOCUMENTS = documents(2, 3)


def store(path: Path, handle: JobHandle) -> None:
    """Written whole or not at all: a kill mid-write must not leave half a handle."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(handle.to_json(), encoding="utf-8")
    os.replace(temporary, path)


def main(argv: list[str]) -> int:
    command, handle_path = argv[0], Path(argv[1])
    url = os.environ["MARGIN_TEST_BEDROCK_URL"]
    provider = BedrockProvider(BedrockConfig(region="us-east-1", endpoint_url=url,
                                             models=[PRIMARY], read_timeout=5.0))
    settings = BatchSettings.create(os.environ["MARGIN_TEST_S3_URI"], ROLE, min_records=3,
                                    poll_initial=0.02, poll_max=0.1, control_endpoint_url=url,
                                    s3_endpoint_url=os.environ["MARGIN_TEST_S3_URL"])
    with provider, BatchJobs(provider, settings) as jobs:
        if command == "submit":
            handle = jobs.prepare(DOCUMENTS)
            store(handle_path, handle)
            handle = jobs.submit(handle)
            store(handle_path, handle)
        else:
            handle = jobs.submit(JobHandle.from_json(handle_path.read_text(encoding="utf-8")))
        status = jobs.wait(handle, CancelToken(),
                           lambda s: print(s.state.value, flush=True))
        outcome = jobs.collect(handle, DOCUMENTS, CancelToken())
        Path(argv[2]).write_text(json.dumps({
            "job_arn": handle.job_arn, "state": status.state.value,
            "sections": [[s.document, s.section_id, s.ok,
                          [f.anchored for f in s.result.findings] if s.result else []]
                         for s in outcome.sections]}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
