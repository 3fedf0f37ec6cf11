"""A review session on a temporary store, with the built-in reviewer's identity: what
the session tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.document.model import Document
from desktop_app.review.frameworks import find_framework
from desktop_app.session import ProviderIdentity, ReviewSession, Storage

FRAMEWORK = find_framework("General writing quality")


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    storage = Storage(lambda: tmp_path / "data")
    yield storage
    storage.close()


def local_session(doc: Document, storage: Storage) -> ReviewSession:
    """The review of `doc` under General writing quality, by the built-in reviewer."""
    return ReviewSession(doc, FRAMEWORK, storage, ProviderIdentity("local"))
