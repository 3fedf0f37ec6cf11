"""Several documents in one run: which files, where each stands, and the run's totals. No Qt.

    found = find_documents(["reports/", "extra.docx"], exclude=[report_dir])
    found.items      # FolderItem per document, in a stable order, each with a unique
                     # relative name for its report and reviewed copy
    found.skipped    # (path, reason) for what a folder held that is not reviewed

Folders are searched recursively for `.docx` files; everything else they hold
is listed as skipped with the reason (a file named on the command line is
always tried: the loader then says why a `.doc`, a PDF or a missing file
cannot be opened).
`DocumentEntry` is one document's progress, plain data that the run
(`workers/folder_run.py`) updates and both front ends show; `FolderProgress`
is the run's totals.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

DOCX = ".docx"
_OTHER_WORD = {".doc": "a Word 97-2003 document: save it as .docx to review it",
               ".docm": "not a .docx (macro-enabled): name it on the command line to review it",
               ".dotx": "not a .docx (a template): name it on the command line to review it",
               ".dotm": "not a .docx (a template): name it on the command line to review it"}


@dataclass(frozen=True, slots=True)
class FolderItem:
    path: str  # as found (absolute)
    relative: str  # unique within the run, for output names: "sub/report.docx"


@dataclass(slots=True)
class FoundDocuments:
    items: list[FolderItem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def _skip_reason(name: str) -> str:
    if name.startswith("~$"):
        return "a Word lock file (the document is open in Word)"
    suffix = Path(name).suffix.lower()
    if suffix in _OTHER_WORD:
        return _OTHER_WORD[suffix]
    return "not a .docx file"


def find_documents(paths: Sequence[str | os.PathLike[str]], *,
                   exclude: Iterable[str | os.PathLike[str]] = ()) -> FoundDocuments:
    """The documents `paths` name: files as given, folders searched recursively.

    `exclude`: folders not to search (the run's own output folders, when they
    lie inside a folder under review). A file found twice is reviewed once.
    """
    found = FoundDocuments()
    excluded = {_real(p) for p in exclude}
    seen: set[str] = set()
    names: set[str] = set()

    def add(path: Path, relative: str) -> None:
        real = _real(path)
        if real in seen:
            return
        seen.add(real)
        found.items.append(FolderItem(str(path.absolute()), _unique(relative, names)))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file, reason in _walk(path, excluded):
                if reason:
                    found.skipped.append((str(file), reason))
                else:
                    add(file, file.relative_to(path).as_posix())
        else:  # named: tried, and one that is not there is refused with its reason
            add(path, path.name)
    return found


def _walk(folder: Path, excluded: set[str]) -> list[tuple[Path, str]]:
    """(file, reason to skip it or "") in a stable order; subfolders after files."""
    out: list[tuple[Path, str]] = []
    problems: list[tuple[Path, str]] = []

    def onerror(err: OSError) -> None:
        problems.append((Path(err.filename or folder), f"cannot be read ({err.strerror})"))

    for root, dirs, files in os.walk(folder, onerror=onerror):  # links to folders not followed
        here = Path(root)
        dirs.sort()
        dirs[:] = [d for d in dirs if _real(here / d) not in excluded]
        for name in sorted(files):
            file = here / name
            if name.startswith("."):
                # Hidden files (.DS_Store, editors' swap files, macOS's "._" copies of a
                # document's metadata) are no one's documents; a hidden .docx is listed,
                # so that one that is a document is not missed without a word.
                if name.lower().endswith(DOCX):
                    out.append((file, "a hidden file (name it on the command line to "
                                      "review it)"))
                continue
            if name.lower().endswith(DOCX) and not name.startswith("~$"):
                out.append((file, ""))
            else:
                out.append((file, _skip_reason(name)))
    return out + problems


def _real(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


def _unique(relative: str, names: set[str]) -> str:
    """`relative`, or `name-2.docx`, `name-3.docx`... when another document has it."""
    candidate, n = relative, 1
    while candidate.lower() in names:
        n += 1
        stem, dot, suffix = relative.rpartition(".")
        candidate = f"{stem}-{n}.{suffix}" if dot else f"{relative}-{n}"
    names.add(candidate.lower())
    return candidate


# -- where each document stands ---------------------------------------------------------


class DocumentState(StrEnum):
    QUEUED = "queued"
    OPENING = "opening"
    WAITING = "waiting"  # opened; its sections wait for the batch job
    BATCH = "batch"  # in a Bedrock batch job
    RUNNING = "running"
    DONE = "done"  # every section reviewed
    FAILED = "failed"  # finished, but some sections failed
    CANCELLED = "cancelled"  # stopped before every section was reviewed
    CANNOT_OPEN = "cannot-open"

    @property
    def finished(self) -> bool:
        return self in (DocumentState.DONE, DocumentState.FAILED, DocumentState.CANCELLED,
                        DocumentState.CANNOT_OPEN)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DocumentState.QUEUED: "Queued",
    DocumentState.OPENING: "Opening…",
    DocumentState.WAITING: "Waiting for the batch job",
    DocumentState.BATCH: "In the batch job",
    DocumentState.RUNNING: "Analysing…",
    DocumentState.DONE: "Done",
    DocumentState.FAILED: "Some sections failed",
    DocumentState.CANCELLED: "Cancelled",
    DocumentState.CANNOT_OPEN: "Cannot be opened",
}


@dataclass(slots=True)
class DocumentEntry:
    """One document of a run, as both front ends show it. Updated by the run."""

    index: int
    item: FolderItem
    state: DocumentState = DocumentState.QUEUED
    title: str = ""
    reason: str = ""  # why it cannot be opened, or why the run stopped
    total: int = 0  # sections
    done: int = 0
    failed: int = 0
    cancelled: int = 0
    stored: int = 0  # answered from the store (earlier runs)
    to_run: int = 0  # sections this run asks for
    findings: dict[str, int] = field(default_factory=dict)  # by severity, once finished
    cost_usd: float | None = 0.0  # this run's, on demand and batch, once finished
    review_id: int | None = None
    pass_failures: list[str] = field(default_factory=list)  # passes over the whole document

    @property
    def path(self) -> str:
        return self.item.path

    @property
    def name(self) -> str:
        return self.item.relative

    @property
    def finished_sections(self) -> int:
        return self.done + self.failed + self.cancelled


@dataclass(slots=True)
class FolderProgress:
    """The run's totals, from its entries."""

    documents: int = 0
    documents_finished: int = 0
    documents_failed: int = 0  # cannot be opened, or some sections failed
    sections_total: int = 0  # of the documents opened so far
    sections_finished: int = 0
    sections_failed: int = 0
    sections_stored: int = 0
    unopened: int = 0  # documents whose section count is not known yet
    started_at: float = field(default_factory=time.monotonic)
    batch: str = ""  # what the batch job is doing, in words ("" when none)
    pace: object = None  # the provider's PaceState, when it paces

    @classmethod
    def of(cls, entries: Sequence[DocumentEntry], started_at: float, batch: str = "",
           pace: object = None) -> FolderProgress:
        p = cls(documents=len(entries), started_at=started_at, batch=batch, pace=pace)
        for e in entries:
            p.documents_finished += e.state.finished
            p.documents_failed += e.state in (DocumentState.FAILED, DocumentState.CANNOT_OPEN)
            if e.state in (DocumentState.QUEUED, DocumentState.OPENING):
                p.unopened += 1
                continue
            p.sections_total += e.total
            p.sections_finished += e.finished_sections
            p.sections_failed += e.failed
            p.sections_stored += e.stored
        return p

    @property
    def eta_seconds(self) -> float | None:
        """Sections left (unopened documents counted at the average so far) at the pace
        of the sections this run asked for; None until some finished."""
        live = self.sections_finished - self.sections_stored
        if live <= 0:
            return None
        opened = self.documents - self.unopened
        per_document = self.sections_total / opened if opened else 0.0
        remaining = (self.sections_total - self.sections_finished
                     + per_document * self.unopened)
        return (time.monotonic() - self.started_at) / live * max(0.0, remaining)


# -- exit codes --------------------------------------------------------------------------

# The worst first. A document that cannot be opened is worse than one whose reviewed
# copy could not be written (it was not reviewed at all), which is worse than one
# with failed sections (6 wins over 5, as for a single document).
EXIT_ORDER = (1, 4, 3, 6, 5, 0)


def worst_exit(codes: Iterable[int]) -> int:
    """The exit code of a run: its worst document's (0 when there were none)."""
    rank = {code: i for i, code in enumerate(EXIT_ORDER)}
    return min(codes, key=lambda c: rank.get(c, 0), default=0)
