"""`margin review`: the window's dispatcher, headless, under a QCoreApplication.

Progress goes to stderr (a bar on a terminal, a line per section otherwise),
the report to --report, and the exit code says how it went (PRODUCT.md §2).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_CANNOT_OPEN, EXIT_PROVIDER, EXIT_FAILED = range(6)
EXIT_NOT_WRITTEN = 6  # reviewed, but --out (or --report) could not be written
MAX_CONCURRENCY = 256
REPORT_FORMATS = (".json", ".md", ".html", ".csv")
EXIT_CODES = """exit codes:
  0  every section reviewed
  1  internal error
  2  usage
  3  the document cannot be opened
  4  the provider cannot serve at all (no credentials, every model denied or unknown)
  5  finished, but some sections failed (the report says which and why)
  6  reviewed, but the reviewed copy (--out) or the report could not be written; the
     reason is printed, and whatever could be written was (before 5)
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="margin review", description="Review a .docx headlessly.",
                                epilog=EXIT_CODES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--provider", choices=("auto", "bedrock", "local"), default="auto",
                   help="auto: Bedrock when AWS credentials resolve, else the built-in reviewer")
    p.add_argument("--framework", metavar="NAME|PATH", help="a framework name or a .toml file")
    p.add_argument("--guidelines", metavar="FILE", help=".docx, .md or .txt for the prompt")
    p.add_argument("--model", action="append", metavar="ID",
                   help="repeatable: the fallback chain, in order")
    p.add_argument("--region", metavar="R")
    p.add_argument("--profile", metavar="P")
    p.add_argument("--concurrency", type=int, metavar="N",
                   help="requests in flight at most (a cap: sends are paced to the quota)")
    p.add_argument("--rpm", action="append", metavar="[MODEL=]N",
                   help="the model's requests-per-minute quota, if known: pacing starts there "
                        "(repeatable; without MODEL= for every model of the chain)")
    p.add_argument("--tpm", action="append", metavar="[MODEL=]N",
                   help="the model's tokens-per-minute quota, likewise")
    p.add_argument("--report", metavar="PATH", help="write the report: .json .md .html .csv")
    p.add_argument("--out", metavar="PATH.docx", help="write a reviewed copy with Word comments")
    p.add_argument("--accept-all", action="store_true",
                   help="mark every finding accepted (for --out)")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X")
    p.add_argument("--fresh", action="store_true", help="ignore stored results, ask again")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p


def fail(message: str, code: int) -> int:
    print(f"margin: {message}", file=sys.stderr)
    return code


def run(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    if args.report and Path(args.report).suffix.lower() not in REPORT_FORMATS:
        return fail(f"--report: unsupported format {Path(args.report).suffix or '(none)'}; "
                    f"use one of {' '.join(REPORT_FORMATS)}", EXIT_USAGE)
    if args.out and Path(args.out).suffix.lower() != ".docx":
        return fail("--out: the reviewed copy must be a .docx file", EXIT_USAGE)
    if args.out and Path(args.out).resolve() == Path(args.file).resolve():
        return fail("--out: that is the document under review; the original is never "
                    "overwritten, choose another name", EXIT_USAGE)
    from desktop_app.export.atomic import link_problem

    for option, path in (("--report", args.report), ("--out", args.out)):
        problem = link_problem(path) if path else None
        if problem:
            return fail(f"{option} {path}: {problem}", EXIT_USAGE)
    if not 0.0 <= args.min_confidence <= 1.0:
        return fail("--min-confidence must be between 0 and 1", EXIT_USAGE)
    if args.concurrency is not None and not 1 <= args.concurrency <= MAX_CONCURRENCY:
        return fail(f"--concurrency must be between 1 and {MAX_CONCURRENCY}", EXIT_USAGE)
    try:
        quotas = parse_quotas(args.rpm or [], args.tpm or [])
    except ValueError as err:
        return fail(str(err), EXIT_USAGE)

    from desktop_app.diagnostics.log_setup import configure_logging, log_startup
    from desktop_app.document import DocumentError, load
    from desktop_app.paths import data_dir
    from desktop_app.review.frameworks import FrameworkError, find_framework, load_guidelines

    configure_logging(data_dir())
    log_startup("review")

    try:
        framework = find_framework(args.framework)
        if args.guidelines:
            framework = framework.with_guidelines(load_guidelines(Path(args.guidelines)))
    except FrameworkError as err:
        return fail(str(err), EXIT_USAGE)
    try:
        doc = load(args.file)
    except DocumentError as err:
        return fail(f"cannot open {args.file}: {err.reason}", EXIT_CANNOT_OPEN)
    log.info("reviewing %s: %d words, provider %s", Path(args.file).name, doc.words, args.provider)

    cannot_export = None
    if args.out:  # said now, not after the whole review
        from desktop_app.export.source_package import export_problem

        cannot_export = export_problem(args.file)
        if cannot_export:
            print(f"margin: no reviewed copy can be written from {args.file}: {cannot_export}; "
                  f"reviewing anyway{' for the report' if args.report else ''}", file=sys.stderr)
    provider, why = make_provider(args, doc, quotas)
    if provider is None:
        return fail(why, EXIT_PROVIDER)
    if not args.quiet and why:
        print(f"margin: {why}", file=sys.stderr)
    return _run_dispatch(args, doc, framework, provider, cannot_export)


def parse_quotas(rpm: Sequence[str], tpm: Sequence[str]) -> dict:
    """--rpm/--tpm values ("N" or "MODEL=N") -> {model or "*": Quota}; ValueError if bad."""
    from desktop_app.ai.config import ALL_MODELS, Quota

    found: dict[str, dict[str, float]] = {}
    for flag, key, values in (("--rpm", "requests_per_minute", rpm),
                              ("--tpm", "tokens_per_minute", tpm)):
        for value in values:
            model, _, number = value.rpartition("=")
            try:
                amount = float(number)
            except ValueError:
                amount = -1.0
            if not amount > 0 or amount == float("inf"):
                raise ValueError(f"{flag} {value}: give a positive number per minute, "
                                 f"optionally after MODEL=")
            found.setdefault(model.strip() or ALL_MODELS, {})[key] = amount
    return {model: Quota(**values) for model, values in found.items()}


def make_provider(args, doc, quotas=None):
    """(provider, note) — or (None, reason) when the chosen provider cannot work."""
    from desktop_app.ai.aws import credentials_available
    from desktop_app.ai.local_reviewer import LocalProvider

    use = args.provider
    if use == "auto":
        use = "bedrock" if credentials_available(args.profile) else "local"
        if use == "local":
            return LocalProvider.for_document(doc), (
                "no AWS credentials found: using the built-in reviewer (rules, offline)")
    if use == "local":
        return LocalProvider.for_document(doc), ""
    if not credentials_available(args.profile):
        profile = f" for profile {args.profile}" if args.profile else ""
        return None, (f"no AWS credentials{profile}: run 'aws configure' or "
                      "'aws sso login', or use --provider local")
    from desktop_app.ai.bedrock import BedrockProvider
    from desktop_app.ai.config import BedrockConfig

    config = BedrockConfig()
    overrides = {"profile": args.profile, "region": args.region}
    if args.model:
        overrides["models"] = list(args.model)
    if args.concurrency:
        overrides["max_concurrency"] = args.concurrency
    if quotas:
        overrides["quotas"] = quotas
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    return BedrockProvider(config), ""


def _run_dispatch(args, doc, framework, provider, cannot_export: str | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop_app.ai.provider import AnalysisResult
    from desktop_app.diagnostics.error_hook import install
    from desktop_app.diagnostics.log_setup import current_log_file
    from desktop_app.paths import data_dir
    from desktop_app.review.progress_printer import ProgressPrinter
    from desktop_app.review.report import ReviewRun, SectionOutcome, build_report
    from desktop_app.store.db import Database, StoreError
    from desktop_app.store.opening import open_store, with_fallback
    from desktop_app.store.results import ResultCache, framework_identity, section_hash
    from desktop_app.store.reviews import ReviewStore
    from desktop_app.workers.dispatcher import Dispatcher

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    from desktop_app.workers.gc_guard import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(app)  # cycles with Qt objects die on this thread
    def open_review(db: Database):
        store = ReviewStore(db)
        return store, store.open_or_create_review(
            doc, framework_identity(framework), framework.name, provider.name,
            list(provider.models), provider_identity=provider.cache_identity())

    # A store that cannot be used (damaged, read-only, full) does not stop the
    # review: a damaged one is moved aside, otherwise results stay in memory.
    opened = open_store(data_dir())
    try:
        opened, (store, state) = with_fallback(opened, open_review)
    except StoreError as err:  # not even a store in memory: a bug
        opened.db.close()
        return fail(str(err), EXIT_INTERNAL)
    db = opened.db
    if opened.notice:
        print(f"margin: {opened.notice}", file=sys.stderr)

    sections = list(doc.walk())
    hashes = {s.id: section_hash(s.title, s.text) for s in sections}
    saver = _Saver(store, state.review_id, hashes)
    # Sections the review already has, for this text and these settings, cost
    # nothing: that is what lets a killed run resume where it stopped.
    stored = set() if args.fresh else set(state.reusable_ids())
    threads = args.concurrency or (provider.config.max_concurrency if provider.name == "bedrock"
                                   else max(2, os.cpu_count() or 2))
    dispatcher = Dispatcher(provider, framework, cache=ResultCache(db, on_error=saver.warn),
                            max_threads=threads, document_title=doc.title)
    run = ReviewRun(doc, provider.name, list(provider.models), getattr(provider, "region", None),
                    framework.name, min_confidence=args.min_confidence,
                    accept_all=args.accept_all, prices=getattr(provider, "prices", None))
    printer = ProgressPrinter({s.id: s.title for s in sections}, quiet=args.quiet)
    fatal: list = []

    for sid in (s.id for s in sections if s.id in stored):
        record = state.sections[sid]
        result = AnalysisResult(record.findings, record.model, record.usage, from_cache=True)
        run.outcomes[sid] = SectionOutcome("done", result=result)
        printer.section_done(sid, len(run.visible(result.findings)), True)

    def finished(sid, result):
        record = saver.result(sid, result)
        if record is not None:  # what the review holds: decisions kept, own findings too
            result = AnalysisResult(record.findings, result.model, result.usage, result.seconds,
                                    result.from_cache)
        run.outcomes[sid] = SectionOutcome("done", result=result)
        printer.section_done(sid, len(run.visible(result.findings)), result.from_cache)

    def failed(sid, error):
        saver.failure(sid, error)
        run.outcomes[sid] = SectionOutcome("failed", error=error)
        printer.section_failed(sid, error.message)

    def state_changed(sid, new_state):
        if new_state == "cancelled":
            run.outcomes[sid] = SectionOutcome("cancelled")

    dispatcher.section_finished.connect(finished)
    dispatcher.section_failed.connect(failed)
    dispatcher.section_state_changed.connect(state_changed)
    dispatcher.progress_changed.connect(printer.progress)
    dispatcher.provider_unusable.connect(fatal.append)
    dispatcher.run_finished.connect(lambda _p: QTimer.singleShot(0, app.quit))
    to_run = [s for s in sections if s.id not in stored]
    QTimer.singleShot(0, lambda: dispatcher.analyse(to_run, force=args.fresh))
    reporter = install(current_log_file(), dialogs=False)  # a slot's error: logged, on stderr
    try:
        app.exec()
    except KeyboardInterrupt:
        dispatcher.cancel_all()
    finally:
        dispatcher.shutdown(10_000)
        printer.close()
        collector.stop()
        reporter.uninstall()
    run.finished = datetime.now(UTC)
    saver.seconds((run.finished - run.started).total_seconds())
    db.close()

    report = build_report(run)
    not_written = False
    if args.report:
        from desktop_app.export.reports import write_report

        try:
            write_report(Path(args.report), report)
        except OSError as exc:
            not_written = True
            print(f"margin: cannot write report {args.report}: {exc.strerror or exc}",
                  file=sys.stderr)
    done = sum(1 for o in run.outcomes.values() if o.status == "done")
    if fatal and done == 0:
        return fail(f"the provider cannot serve: {fatal[0].message}", EXIT_PROVIDER)
    if args.out:
        from desktop_app.export.command import write_reviewed_copy

        problem = (f"cannot write reviewed copy {args.out}: {cannot_export}" if cannot_export
                   else write_reviewed_copy(args.file, doc, run, args.out,
                                            accept_all=args.accept_all, quiet=args.quiet))
        if problem:
            not_written = True
            print(f"margin: {problem}", file=sys.stderr)
    failures = [(s["title"], s["error"]) for s in report["sections"] if s["status"] != "done"]
    if failures:
        print(f"margin: {len(failures)} of {len(sections)} sections were not reviewed:",
              file=sys.stderr)
        for title, error in failures:
            print(f"  {title}: {error or 'cancelled'}", file=sys.stderr)
    return EXIT_NOT_WRITTEN if not_written else EXIT_FAILED if failures else EXIT_OK


class _Saver:
    """Records each answer in the review as it arrives. A store that stops
    taking writes (disk full, locked) is reported once; the run goes on and
    its results still reach the report."""

    def __init__(self, store, review_id: int, hashes: dict[str, str]) -> None:
        self.store = store
        self.review_id = review_id
        self.hashes = hashes
        self.warned = False

    def result(self, sid, result):
        return self._try(self.store.record_result, self.review_id, sid, self.hashes[sid], result)

    def failure(self, sid, error) -> None:
        self._try(self.store.record_failure, self.review_id, sid, self.hashes[sid], error)

    def seconds(self, seconds: float) -> None:
        self._try(self.store.add_seconds, self.review_id, seconds)

    def _try(self, write, *args):
        from desktop_app.store.db import StoreError

        try:
            return write(*args)
        except StoreError as err:
            self.warn(err)
            return None

    def warn(self, err) -> None:
        if not self.warned:
            self.warned = True
            print(f"margin: results are not being saved ({err}); the report will have them",
                  file=sys.stderr)
