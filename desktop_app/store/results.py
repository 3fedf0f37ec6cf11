"""The analysis cache: re-analysing unchanged work costs nothing unless forced."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict

from desktop_app.ai.provider import AnalysisResult, Usage
from desktop_app.review.facts import Fact
from desktop_app.review.findings import Finding
from desktop_app.review.frameworks import Framework
from desktop_app.store.db import Database, StoreError


def section_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\x00{text}".encode()).hexdigest()


def framework_identity(framework: Framework) -> str:
    """Name, version, checkpoints and guidelines: any edit is a new identity."""
    h = hashlib.sha256()
    h.update(f"{framework.name}\x00{framework.version}\x00".encode())
    for cp in framework.checkpoints:
        h.update(f"{cp.id}\x00{cp.title}\x00{cp.look_for}\x00".encode())
    h.update(framework.guidelines.encode())
    return f"{framework.name}@{h.hexdigest()[:16]}"


def cache_key(sec_hash: str, framework_id: str, provider_id: str) -> str:
    return hashlib.sha256(f"{sec_hash}\x00{framework_id}\x00{provider_id}".encode()).hexdigest()


class ResultCache:
    """`on_error`: when given, a store error is handed to it instead of raised
    (a miss on `get`, nothing kept on `put`), for callers such as a Qt slot
    where an exception would cost the section its answer."""

    def __init__(self, db: Database,
                 on_error: Callable[[StoreError], None] | None = None) -> None:
        self.db = db
        self.on_error = on_error

    def get(self, key: str) -> AnalysisResult | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict[str, AnalysisResult]:
        """The cached answers among `keys`, in one query (a 100-section run asked
        one query a section on the GUI thread)."""
        found: dict[str, AnalysisResult] = {}
        for start in range(0, len(keys), 500):  # under SQLite's 999 variables
            chunk = keys[start:start + 500]
            try:
                rows = self.db.query(
                    "SELECT cache_key, payload FROM results WHERE cache_key IN"
                    f" ({', '.join('?' * len(chunk))})", tuple(chunk))
            except StoreError as err:
                if self.on_error is None:
                    raise
                self.on_error(err)
                return found
            for row in rows:
                found[row["cache_key"]] = _result(row["payload"])
        return found

    def has_many(self, keys: list[str]) -> set[str]:
        """Which of `keys` the cache holds (answers not read)."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            try:
                rows = self.db.query("SELECT cache_key FROM results WHERE cache_key IN"
                                     f" ({', '.join('?' * len(chunk))})", tuple(chunk))
            except StoreError as err:
                if self.on_error is None:
                    raise
                self.on_error(err)
                return found
            found.update(row[0] for row in rows)
        return found

    def put(self, key: str, sec_hash: str, framework_id: str, provider_id: str,
            result: AnalysisResult) -> None:
        self.put_rows([self.row(key, sec_hash, framework_id, provider_id, result)])

    @staticmethod
    def row(key: str, sec_hash: str, framework_id: str, provider_id: str,
            result: AnalysisResult) -> tuple[str, str, str, str, str | None, str]:
        """What `put` writes, taken from `result` now (written later by `put_rows`)."""
        payload = json.dumps({
            "findings": [f.to_dict() for f in result.findings],
            "model": result.model,
            "usage": asdict(result.usage),
            "seconds": result.seconds,
            "facts": [f.to_dict() for f in result.facts],
        }, ensure_ascii=False)
        return (key, sec_hash, framework_id, provider_id, result.model, payload)

    def put_rows(self, rows: list[tuple[str, str, str, str, str | None, str]]) -> None:
        """Several answers in one transaction: one commit (one fsync), not one each."""
        if not rows:
            return
        try:
            with self.db.transaction() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO results (cache_key, section_hash, framework, provider,"
                    " model, payload) VALUES (?, ?, ?, ?, ?, ?)", rows)
        except StoreError as err:
            if self.on_error is None:
                raise
            self.on_error(err)


def _result(payload: str) -> AnalysisResult:
    data = json.loads(payload)
    return AnalysisResult(
        findings=[Finding.from_dict(f) for f in data["findings"]],
        model=data.get("model"),
        usage=Usage(**data.get("usage", {})),
        seconds=data.get("seconds", 0.0),
        facts=[Fact.from_dict(f) for f in data.get("facts", [])],
    )
