"""`margin review`'s run: a `FolderRun` under a QCoreApplication, each document's outputs
written as it finishes, the index after each, and the exit code.

Per document, in this order: the reviewed copy (--out, or NAME (reviewed).docx in
--out-dir), then its report (--report, or NAME.json and NAME.html in
--report-dir), which then says what the copy repaired or left out (an `export`
block), then the line in `index.json` and `index.html`, rewritten each time so
that a run that is stopped still says how far it got.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli_review import (
    EXIT_CANNOT_OPEN,
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_NOT_WRITTEN,
    EXIT_OK,
    EXIT_PROVIDER,
    fail,
    several,
)
from desktop_app.review import index as run_index
from desktop_app.review.status import SectionStatus
from desktop_app.session import ReviewPrefs, ReviewSession, Storage, choose_provider

if TYPE_CHECKING:
    from desktop_app.ai.batch import BatchSettings
    from desktop_app.ai.provider import ProviderError
    from desktop_app.document import Document
    from desktop_app.review.frameworks import Framework
    from desktop_app.session.folder import DocumentEntry, FolderItem, FoundDocuments

log = logging.getLogger(__name__)

COPY_SUFFIX = " (reviewed).docx"


@dataclass(slots=True)
class Outputs:
    """Where one document's outputs go."""

    reports: list[Path] = field(default_factory=list)
    out: Path | None = None


def outputs_for(args: argparse.Namespace, item: FolderItem, many: bool) -> Outputs:
    if not many:
        return Outputs([Path(args.report)] if args.report else [],
                       Path(args.out) if args.out else None)
    stem = item.relative[:-5] if item.relative.lower().endswith(".docx") else item.relative
    reports = ([Path(args.report_dir) / f"{stem}{suffix}" for suffix in (".json", ".html")]
               if args.report_dir else [])
    out = Path(args.out_dir) / f"{stem}{COPY_SUFFIX}" if args.out_dir else None
    return Outputs(reports, out)


class Review:
    """One `margin review` run: its options, the FolderRun, the outputs and the index."""

    def __init__(self, args: argparse.Namespace, found: FoundDocuments, framework: Framework,
                 prefs: ReviewPrefs, batch: BatchSettings | None) -> None:
        self.args = args
        self.found = found
        self.framework = framework
        self.prefs = prefs
        self.batch = batch
        self.many = several(args)
        self.codes: dict[int, int] = {}  # document index -> its exit code
        self.cannot_export: dict[int, str] = {}
        self.setup = None  # the first document's ProviderSetup
        self.index = run_index.RunIndex(
            {"name": "local" if prefs.provider == "local" else prefs.provider,
             "models": [], "region": None}, framework.name,
            "batch" if batch is not None else "on-demand", skipped=list(found.skipped))
        self.entries: dict[int, run_index.IndexEntry] = {}
        self.warned_store = False
        self.fatal_said = False
        self.pending_left_out = [0, 0]  # pending findings not exported, in how many copies

    # -- the run ----------------------------------------------------------------------

    def execute(self) -> int:
        from PySide6.QtCore import QCoreApplication, QTimer

        from desktop_app.diagnostics.error_hook import install
        from desktop_app.diagnostics.log_setup import current_log_file
        from desktop_app.paths import data_dir
        from desktop_app.review.progress_printer import FolderPrinter, ProgressPrinter
        from desktop_app.workers.folder_run import FolderRun
        from desktop_app.workers.gc_guard import MainThreadGarbageCollector

        args = self.args
        if not self.found.items:
            if self.many:
                self._write_index(final=True, code=EXIT_OK)
            print("margin: no .docx document to review", file=sys.stderr)
            return EXIT_OK
        for folder in (args.report_dir, args.out_dir):
            if folder:
                try:
                    Path(folder).mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    return fail(f"cannot make the folder {folder}: {exc.strerror or exc}",
                                EXIT_NOT_WRITTEN)
        app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
        collector = MainThreadGarbageCollector(app)  # cycles with Qt objects die on this thread
        # A store that cannot be used (damaged, read-only, full) does not stop the
        # review: a damaged one is moved aside, otherwise results stay in memory.
        storage = Storage(data_dir, memory_fallback=True)
        self.storage = storage
        storage.listeners.append(self._warn_once)
        if storage.open() is not None and storage.notice:
            print(f"margin: {storage.notice}", file=sys.stderr)
        run = FolderRun(storage, self.framework, self.prefs, provider_factory=self._factory,
                        fresh=args.fresh, batch=self.batch)
        self.run = run
        self.printer = (FolderPrinter(len(self.found.items), quiet=args.quiet) if self.many
                        else None)
        self.section_printer: ProgressPrinter | None = None
        run.provider_ready.connect(self._provider_ready)
        run.provider_failed.connect(self._provider_failed)
        run.document_opened.connect(self._opened)
        run.sections_changed.connect(self._sections_changed)
        run.section_failed.connect(self._section_failed)
        run.document_checked.connect(self._checked)
        run.document_finished.connect(self._finished)
        run.progress_changed.connect(self._progress)
        run.notice.connect(lambda text: print(f"margin: {text}", file=sys.stderr))
        run.batch_changed.connect(self._batch_changed)
        run.finished.connect(lambda _p: QTimer.singleShot(0, app.quit))
        QTimer.singleShot(0, lambda: run.start(self.found.items))
        reporter = install(current_log_file(), dialogs=False)  # a slot's error: logged, on stderr
        interrupted = False
        try:
            app.exec()
        except KeyboardInterrupt:
            interrupted = True
        finally:
            try:
                run.shutdown()  # what is done is kept; a batch job runs on
            except KeyboardInterrupt:
                interrupted = True
            self._close_printers()
            collector.stop()
            reporter.uninstall()
            if self.setup is not None:
                self.setup.close()
            storage.close()
        if interrupted and self.batch is not None:
            print("margin: interrupted; a batch job keeps running in Bedrock: run the same "
                  "command again to collect its answers", file=sys.stderr)
        for entry in run.entries:  # never opened: the run was cancelled, or nothing could serve
            if entry.index not in self.codes:
                self._not_reviewed(entry)
        findings, copies = self.pending_left_out
        if findings:  # said once for the run, not once a copy
            print(f"margin: {findings} pending finding{'s' * (findings != 1)} not exported to "
                  f"{copies} reviewed cop{'ies' if copies != 1 else 'y'} in {args.out_dir} (only "
                  "accepted and your own findings are; each copy's count is in the index); "
                  "use --accept-all to export every finding", file=sys.stderr)
        code = worst(self.codes.values())
        if self.many and not self._write_index(final=True, code=code):
            code = worst([code, EXIT_NOT_WRITTEN])
        return code

    def _factory(self, doc: Document, prefs: ReviewPrefs):  # type: ignore[no-untyped-def]
        setup = choose_provider(doc, prefs)
        if self.args.concurrency:
            setup.threads = self.args.concurrency
        return setup

    def _provider_ready(self, setup) -> None:  # type: ignore[no-untyped-def]
        self.setup = setup
        provider = setup.provider
        self.index.provider = {"name": provider.name, "models": list(provider.models),
                               "region": getattr(provider, "region", None)}
        if not self.args.quiet and setup.fallback:
            print(f"margin: {setup.fallback}: using the built-in reviewer (rules, offline)",
                  file=sys.stderr)

    def _provider_failed(self, reason: str) -> None:
        if self.batch is not None:
            print(f"margin: {reason}", file=sys.stderr)
        else:
            print(f"margin: {reason}, or use --provider local", file=sys.stderr)

    def _warn_once(self) -> None:
        """A store that stops taking writes (disk full, locked) is reported once; the run
        goes on and its results still reach the report."""
        if self.storage.error and not self.warned_store:
            self.warned_store = True
            print(f"margin: results are not being saved ({self.storage.error}); the report "
                  "will have them", file=sys.stderr)

    # -- progress ---------------------------------------------------------------------

    def _opened(self, entry: DocumentEntry, session: ReviewSession) -> None:
        from desktop_app.review.progress_printer import ProgressPrinter

        log.info("reviewing %s: %d words, provider %s", Path(entry.path).name,
                 session.document.words, self.prefs.provider)
        outputs = outputs_for(self.args, entry.item, self.many)
        if outputs.out is not None:  # said now, not after the whole review
            from desktop_app.export.source_package import export_problem

            problem = export_problem(entry.path)
            if problem:
                self.cannot_export[entry.index] = problem
                reports = " for the report" if outputs.reports else ""
                print(f"margin: no reviewed copy can be written from {entry.path}: {problem}; "
                      f"reviewing anyway{reports}", file=sys.stderr)
        if not self.many:
            if session.context is not None and not self.args.quiet:
                print(f"margin: context: {session.context.note}", file=sys.stderr)
            titles = {s.id: s.title for s in session.document.walk()}
            printer = ProgressPrinter(titles, quiet=self.args.quiet)
            self.section_printer = printer
            stored = set(session.reusable_ids()) if not self.args.fresh else set()
            # Sections the review already has, for this text and these settings, cost
            # nothing: that is what lets a killed run resume where it stopped.
            for s in session.document.walk():
                if s.id in stored:
                    printer.section_done(s.id, self._visible(session, s.id), True)

    def _checked(self, entry: DocumentEntry, outcomes: list) -> None:  # [PassOutcome]
        """The passes over the whole document ran: what they found, for one document."""
        from desktop_app.session import PASS_LABELS

        if self.section_printer is None:
            return
        for outcome in outcomes:
            if outcome.findings is not None:
                n = len(outcome.findings)
                self.section_printer.note(
                    f"{PASS_LABELS[outcome.origin].capitalize()}: {n} document-level "
                    f"finding{'s' * (n != 1)}")

    def _visible(self, session: ReviewSession, sid: str) -> int:
        outcome = session.outcome(sid)
        found = outcome.findings if outcome is not None else []
        return sum(1 for f in found if f.confidence >= self.args.min_confidence)

    def _sections_changed(self, session: ReviewSession,
                          statuses: dict[str, SectionStatus]) -> None:
        printer = self.section_printer
        if printer is None:
            return
        for sid, status in statuses.items():
            outcome = session.outcome(sid)
            if outcome is None:
                continue
            if status is SectionStatus.DONE and outcome.result is not None:
                printer.section_done(sid, self._visible(session, sid),
                                     outcome.result.from_cache)
            elif status is SectionStatus.FAILED and outcome.error is not None:
                printer.section_failed(sid, outcome.error.message)

    def _section_failed(self, entry: DocumentEntry, sid: str, error: ProviderError) -> None:
        if self.printer is not None:
            session = self.run.session_for(entry.path)
            title = session.titles.get(sid, sid) if session is not None else sid
            self.printer.section_failed(entry.name, title, error.message)

    def _progress(self, progress) -> None:  # type: ignore[no-untyped-def]
        if self.printer is not None:
            self.printer.progress(progress)
        elif self.section_printer is not None and progress.sections_total:
            self.section_printer.progress(_SectionsView(progress))

    def _batch_changed(self, text: str) -> None:
        if self.printer is not None:
            self.printer.batch(text)
        elif not self.args.quiet:
            if self.section_printer is not None:
                self.section_printer.note(text)
            else:
                print(text, file=sys.stderr)

    def _close_printers(self) -> None:
        for printer in (self.printer, self.section_printer):
            if printer is not None:
                printer.close()

    # -- a document's end -----------------------------------------------------------------

    def _finished(self, entry: DocumentEntry, session: ReviewSession | None) -> None:
        from desktop_app.session.folder import DocumentState

        if session is None:
            if entry.state is DocumentState.CANNOT_OPEN:
                internal = entry.reason.startswith(("internal error", "the review store"))
                self.codes[entry.index] = EXIT_INTERNAL if internal else EXIT_CANNOT_OPEN
                line = f"margin: cannot open {entry.path}: {entry.reason}"
                if self.printer is not None and not self.args.quiet:
                    self.printer.document_refused(line)
                else:
                    print(line, file=sys.stderr)
                self._index(entry, run_index.CANNOT_OPEN, None)
            else:
                self._not_reviewed(entry)
            return
        code, status = self._write_outputs(entry, session)
        self.codes[entry.index] = code
        if self.printer is not None:
            findings = sum(entry.findings.values())
            self.printer.document_done(entry.name, entry.total, entry.stored,
                                       entry.total - entry.done, findings)
        self._index_status(entry, status)

    def _not_reviewed(self, entry: DocumentEntry) -> None:
        run = self.run
        self.codes[entry.index] = (EXIT_PROVIDER if run.fatal is not None or run.no_reviewer
                                   else EXIT_FAILED)
        reason = run.no_reviewer or (run.fatal.message if run.fatal is not None
                                     else "the run was cancelled before it was reviewed")
        if self.printer is not None:
            self.printer.document_not_reviewed(entry.name)
        self._index(entry, run_index.NOT_REVIEWED, None, reason=reason)

    def _write_outputs(self, entry: DocumentEntry, session: ReviewSession) -> tuple[int, str]:
        from desktop_app.review.report import build_report

        args = self.args
        setup = self.setup
        provider = setup.provider if setup is not None else None
        run = session.review_run(provider.name if provider else "local",
                                 list(provider.models) if provider else [],
                                 getattr(provider, "region", None),
                                 started=session.opened, min_confidence=args.min_confidence,
                                 accept_all=args.accept_all,
                                 prices=getattr(provider, "prices", None))
        report = build_report(run)
        outputs = outputs_for(args, entry.item, self.many)
        problems: list[str] = []
        copy = None
        fatal = self.run.fatal is not None and session.count(SectionStatus.DONE) == 0
        if outputs.out is not None and not fatal:
            copy = self._write_copy(entry, session, run, outputs.out)
            if copy.error:
                problems.append(copy.error)
                print(f"margin: {copy.error}", file=sys.stderr)
            report["export"] = copy.to_json()
        for path in outputs.reports:
            problem = _write_report(path, report)
            if problem:
                problems.append(problem)
                print(f"margin: {problem}", file=sys.stderr)
        not_content = {s.id for s in session.document.walk() if not s.reviewable}  # contents
        failures = [(s["title"], s["error"]) for s in report["sections"]
                    if s["status"] != "done" and s["id"] not in not_content]
        where = f"{entry.name}: " if self.many else ""
        if failures and not fatal:
            print(f"margin: {where}{len(failures)} of {len(report['sections'])} sections were "
                  "not reviewed:", file=sys.stderr)
            for title, error in failures:
                print(f"  {title}: {error or 'cancelled'}", file=sys.stderr)
        for failed_pass in entry.pass_failures if not fatal else []:
            print(f"margin: {where}{failed_pass}", file=sys.stderr)
        if not self.many and not args.quiet and provider is not None \
                and provider.name == "bedrock":
            u = report["usage"]
            cost = u["estimated_cost_usd"]
            print(f"margin: {u['requests']} requests: input {u['input_tokens']:,}, cache writes "
                  f"{u['cache_write_tokens']:,}, cache reads {u['cache_read_tokens']:,}, output "
                  f"{u['output_tokens']:,} tokens; "
                  + ("cost unknown" if cost is None else f"about ${cost:,.4f}"), file=sys.stderr)
        if fatal:
            fatal_error = self.run.fatal
            assert fatal_error is not None
            if not self.fatal_said:
                self.fatal_said = True
                print(f"margin: the provider cannot serve: {fatal_error.message}",
                      file=sys.stderr)
            code, status = EXIT_PROVIDER, run_index.NOT_REVIEWED
        elif problems:
            code, status = EXIT_NOT_WRITTEN, run_index.NOT_WRITTEN
        elif failures or entry.pass_failures:
            code, status = EXIT_FAILED, run_index.FAILED
        else:
            code, status = EXIT_OK, run_index.DONE
        self.entries[entry.index] = run_index.IndexEntry(
            entry.path, entry.name, status, code, title=entry.title,
            reason=self.run.fatal.message if fatal and self.run.fatal else "",
            reports=[str(p) for p in outputs.reports], report=report,
            export=copy.to_json() if copy is not None else None, problems=problems)
        return code, status

    def _write_copy(self, entry: DocumentEntry, session: ReviewSession, run, out: Path):  # type: ignore[no-untyped-def]
        from desktop_app.export.atomic import link_problem
        from desktop_app.export.command import CopyOutcome, write_reviewed_copy

        problem = self.cannot_export.get(entry.index)
        if problem is None and self.many:
            link = link_problem(out)
            if link:
                problem = link
            else:
                try:
                    out.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    problem = exc.strerror or str(exc)
        if problem is not None:
            return CopyOutcome(str(out), error=f"cannot write reviewed copy {out}: {problem}")
        copy = write_reviewed_copy(entry.path, session.document, run, str(out),
                                   accept_all=self.args.accept_all,
                                   quiet=self.args.quiet or self.many,  # the index says it
                                   say_pending=not self.many)
        if copy.pending_left_out:
            self.pending_left_out[0] += copy.pending_left_out
            self.pending_left_out[1] += 1
        return copy

    # -- the index ------------------------------------------------------------------------

    def _index(self, entry: DocumentEntry, status: str, report: dict | None,
               reason: str = "") -> None:
        self.entries[entry.index] = run_index.IndexEntry(
            entry.path, entry.name, status, self.codes[entry.index], title=entry.title,
            reason=reason or entry.reason, report=report)
        self._index_status(entry, status)

    def _index_status(self, _entry: DocumentEntry, _status: str) -> None:
        if self.many:
            self._write_index(final=False)

    def _write_index(self, *, final: bool, code: int | None = None) -> bool:
        """Write index.json and index.html; False if they could not be (said when final)."""
        folder = self.args.report_dir
        if not folder:
            return True
        from desktop_app.export.atomic import write_text_atomically
        from desktop_app.export.index_html import render_index_html
        from desktop_app.export.reports import render_json

        self.index.entries = [self.entries[i] for i in sorted(self.entries)]
        self.index.exit_code = code if final else None
        jobs = self._batch_jobs()
        if jobs is not None:
            self.index.batch_jobs = jobs
        data = self.index.to_json()
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            write_text_atomically(Path(folder) / "index.json", render_json(data))
            write_text_atomically(Path(folder) / "index.html", render_index_html(data, folder))
        except OSError as exc:
            if final:
                print(f"margin: cannot write the index in {folder}: {exc.strerror or exc}",
                      file=sys.stderr)
            return False
        return True

    def _batch_jobs(self) -> list[dict] | None:
        if self.batch is None or getattr(self, "storage", None) is None:
            return None
        from desktop_app.session import StoreError

        try:
            jobs = self.storage.batch_jobs(open_only=False)
        except StoreError:
            return None
        started = self.index.started.isoformat()
        return [{"job_name": j.job_name, "job_arn": j.job_arn, "state": j.state,
                 "message": j.message or None, "open": j.open}
                for j in jobs if j.updated >= started[:19]]


class _SectionsView:
    """A FolderProgress of one document, as ProgressPrinter reads a run's progress."""

    def __init__(self, p) -> None:  # type: ignore[no-untyped-def]
        self.total = p.sections_total
        self.finished = p.sections_finished
        self.failed = p.sections_failed
        self.eta_seconds = p.eta_seconds
        self.pace = p.pace


def _write_report(path: Path, report: dict) -> str | None:
    from desktop_app.export.atomic import link_problem
    from desktop_app.export.reports import write_report

    problem = link_problem(path)
    if problem:
        return f"cannot write report {path}: {problem}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_report(path, report)
    except OSError as exc:
        return f"cannot write report {path}: {exc.strerror or exc}"
    return None


def worst(codes) -> int:  # type: ignore[no-untyped-def]
    from desktop_app.session.folder import worst_exit

    return worst_exit(codes)


def review_documents(args: argparse.Namespace, found: FoundDocuments, framework: Framework,
                     prefs: ReviewPrefs, batch: BatchSettings | None) -> int:
    return Review(args, found, framework, prefs, batch).execute()
