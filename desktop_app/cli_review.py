"""`margin review`: the window's review session and driver, headless, under a QCoreApplication.

A thin driver: the options become `ReviewPrefs`, `choose_provider` picks the
reviewer, a `ReviewSession` holds the review (resumed from the store) and a
`SessionDriver` runs it on the dispatcher, exactly as in the window: every
section request carries the document's shared context, then the passes over
the whole document run (the built-in cross-section checks always, the
Bedrock consistency pass with --consistency). Progress goes to stderr (a bar
on a terminal, a line per section otherwise), the report to --report, and the
exit code says how it went (PRODUCT.md §2). --estimate prints what the review
would cost and calls nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.ai.config import BedrockConfig
from desktop_app.review.status import SectionStatus
from desktop_app.session import (
    CONTEXT_CHOICES,
    NoReviewer,
    ProviderSetup,
    ReviewPrefs,
    ReviewSession,
    Storage,
    choose_provider,
    review_context,
)

if TYPE_CHECKING:
    from desktop_app.document import Document
    from desktop_app.review.frameworks import Framework

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
  5  finished, but some sections (or a pass over the whole document) failed; the
     report says which and why
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
    p.add_argument("--context", choices=CONTEXT_CHOICES[1:], metavar="whole|related|section",
                   help="what each section request carries of the rest of the document: the "
                        "whole text, the related passages, or nothing (default: by size)")
    p.add_argument("--consistency", action="store_true",
                   help="also run the consistency pass: the sections' key facts checked "
                        "against each other by the model (Bedrock)")
    p.add_argument("--estimate", action="store_true",
                   help="print the tokens and cost the review would take; call nothing")
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
    try:
        setup = choose_provider(doc, prefs_from(args, quotas))
    except NoReviewer as err:
        return fail(f"{err}, or use --provider local", EXIT_PROVIDER)
    if args.concurrency:
        setup.threads = args.concurrency
    if not args.quiet and setup.fallback:
        print(f"margin: {setup.fallback}: using the built-in reviewer (rules, offline)",
              file=sys.stderr)
    prefs = prefs_from(args, quotas)
    if args.estimate:
        return _estimate(args, doc, framework, setup, prefs)
    return _review(args, doc, framework, setup, cannot_export, prefs)


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


def prefs_from(args: argparse.Namespace, quotas: dict | None = None) -> ReviewPrefs:
    """The options as the settings a session is reviewed with."""
    config = BedrockConfig()
    overrides: dict = {"profile": args.profile, "region": args.region}
    if args.model:
        overrides["models"] = list(args.model)
    if args.concurrency:
        overrides["max_concurrency"] = args.concurrency
    if quotas:
        overrides["quotas"] = quotas
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    return ReviewPrefs(provider=args.provider, bedrock=config,
                       min_confidence=args.min_confidence, context=args.context or "auto",
                       consistency=args.consistency)


def _estimate(args: argparse.Namespace, doc: Document, framework: Framework,
              setup: ProviderSetup, prefs: ReviewPrefs) -> int:
    """--estimate: the review's tokens and cost, on stdout; nothing is sent or stored."""
    from desktop_app.ai.estimate import estimate_review

    name = Path(args.file).name
    sections = sum(1 for _ in doc.walk())
    if setup.offline:
        print(f"{name}: {sections} sections, reviewed by the built-in reviewer on this computer: "
              "no requests, no cost.")
        return EXIT_OK
    config = prefs.bedrock
    context = review_context(doc, setup, prefs)
    e = estimate_review(doc, framework, list(config.models), context=context, facts=True,
                        consistency=args.consistency, prices=config.prices,
                        max_tokens=config.max_tokens)
    cost = "unknown (no price for this model)" if e.cost_usd is None else f"${e.cost_usd:,.2f}"
    extra = f" + {e.consistency_requests} consistency" if e.consistency_requests else ""
    print(f"{name}: {sections} sections on {e.model}\n"
          f"  context        {e.mode_note}\n"
          f"  requests       {e.requests}{extra}\n"
          f"  input tokens   {e.input_tokens:,}\n"
          f"  cache writes   {e.cache_write_tokens:,}\n"
          f"  cache reads    {e.cache_read_tokens:,}\n"
          f"  output tokens  {e.output_tokens:,} (a guess: the model decides)\n"
          f"  cost           {cost}\n"
          "Nothing was sent. Sections already in the store are answered from it at no cost; "
          "this counts every section.")
    return EXIT_OK


def _review(args: argparse.Namespace, doc: Document, framework: Framework,
            setup: ProviderSetup, cannot_export: str | None = None,
            prefs: ReviewPrefs | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop_app.diagnostics.error_hook import install
    from desktop_app.diagnostics.log_setup import current_log_file
    from desktop_app.paths import data_dir
    from desktop_app.review.progress_printer import ProgressPrinter
    from desktop_app.review.report import build_report
    from desktop_app.workers.gc_guard import MainThreadGarbageCollector
    from desktop_app.workers.session_driver import SessionDriver

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    collector = MainThreadGarbageCollector(app)  # cycles with Qt objects die on this thread
    started = datetime.now(UTC)
    # A store that cannot be used (damaged, read-only, full) does not stop the
    # review: a damaged one is moved aside, otherwise results stay in memory.
    storage = Storage(data_dir, memory_fallback=True)
    session = ReviewSession(doc, framework, storage, setup.identity)
    if session.review_id is None:  # not even a store in memory: a bug
        storage.close()
        return fail(storage.error, EXIT_INTERNAL)
    if storage.notice:
        print(f"margin: {storage.notice}", file=sys.stderr)
    storage.listeners.append(_WarnOnce(storage))
    # Every section request carries the document's shared context, which is part of
    # what decides an answer: set before the stored answers are looked at.
    session.set_context(review_context(doc, setup, prefs or prefs_from(args)))
    if session.context is not None and not args.quiet:
        print(f"margin: context: {session.context.note}", file=sys.stderr)

    sections = list(doc.walk())
    printer = ProgressPrinter({s.id: s.title for s in sections}, quiet=args.quiet)

    def visible(sid: str) -> int:
        outcome = session.outcome(sid)
        found = outcome.findings if outcome is not None else []
        return sum(1 for f in found if f.confidence >= args.min_confidence)

    # Sections the review already has, for this text and these settings, cost
    # nothing: that is what lets a killed run resume where it stopped.
    stored = set() if args.fresh else set(session.reusable_ids())
    for sid in (s.id for s in sections if s.id in stored):
        printer.section_done(sid, visible(sid), True)

    def changed(statuses: dict[str, SectionStatus]) -> None:
        for sid, status in statuses.items():
            outcome = session.outcome(sid)
            if outcome is None:
                continue
            if status is SectionStatus.DONE and outcome.result is not None:
                printer.section_done(sid, visible(sid), outcome.result.from_cache)
            elif status is SectionStatus.FAILED and outcome.error is not None:
                printer.section_failed(sid, outcome.error.message)

    fatal: list = []
    driver = SessionDriver()
    driver.set_session(session)
    driver.set_provider(setup)
    driver.sections_changed.connect(changed)
    driver.progress_changed.connect(printer.progress)
    driver.provider_unusable.connect(fatal.append)
    driver.run_finished.connect(lambda _p: QTimer.singleShot(0, app.quit))
    to_run = [s for s in sections if s.id not in stored and s.reviewable]
    QTimer.singleShot(0, lambda: driver.analyse(to_run, force=args.fresh))
    reporter = install(current_log_file(), dialogs=False)  # a slot's error: logged, on stderr
    passes: list = []
    try:
        if to_run:
            app.exec()
        if not fatal:  # then the whole document: cross-section checks, and consistency
            passes = _check_document(app, driver, args, printer)
    except KeyboardInterrupt:
        driver.cancel_all()
    finally:
        driver.shutdown()
        printer.close()
        collector.stop()
        reporter.uninstall()
    session.count_seconds((datetime.now(UTC) - started).total_seconds())
    session.close()
    storage.close()

    run = session.review_run(setup.provider.name, list(setup.provider.models),
                             getattr(setup.provider, "region", None), started=started,
                             min_confidence=args.min_confidence, accept_all=args.accept_all,
                             prices=getattr(setup.provider, "prices", None))
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
    if fatal and session.count(SectionStatus.DONE) == 0:
        return fail(f"the provider cannot serve: {fatal[0].message}", EXIT_PROVIDER)
    if args.out:
        from desktop_app.export.command import write_reviewed_copy

        problem = (f"cannot write reviewed copy {args.out}: {cannot_export}" if cannot_export
                   else write_reviewed_copy(args.file, doc, run, args.out,
                                            accept_all=args.accept_all, quiet=args.quiet))
        if problem:
            not_written = True
            print(f"margin: {problem}", file=sys.stderr)
    not_content = {s.id for s in sections if not s.reviewable}  # tables of contents: skipped
    failures = [(s["title"], s["error"]) for s in report["sections"]
                if s["status"] != "done" and s["id"] not in not_content]
    if failures:
        print(f"margin: {len(failures)} of {len(sections)} sections were not reviewed:",
              file=sys.stderr)
        for title, error in failures:
            print(f"  {title}: {error or 'cancelled'}", file=sys.stderr)
    from desktop_app.session import PASS_LABELS

    failed_passes = [p for p in passes if p.findings is None]
    for p in failed_passes:
        print(f"margin: the {PASS_LABELS[p.origin]} failed: "
              f"{p.error.message if p.error else 'unknown error'}", file=sys.stderr)
    if not args.quiet and setup.provider.name == "bedrock":
        u = report["usage"]
        cost = u["estimated_cost_usd"]
        print(f"margin: {u['requests']} requests: input {u['input_tokens']:,}, cache writes "
              f"{u['cache_write_tokens']:,}, cache reads {u['cache_read_tokens']:,}, output "
              f"{u['output_tokens']:,} tokens; "
              + ("cost unknown" if cost is None else f"about ${cost:,.4f}"), file=sys.stderr)
    if not_written:
        return EXIT_NOT_WRITTEN
    return EXIT_FAILED if failures or failed_passes else EXIT_OK


def _check_document(app, driver, args: argparse.Namespace, printer) -> list:  # type: ignore[no-untyped-def]
    """The passes over the whole document, run as in the window; what they gave."""
    from PySide6.QtCore import QTimer

    done: list = []

    def finished(outcomes: object) -> None:
        done.extend(outcomes or [])  # type: ignore[arg-type]
        QTimer.singleShot(0, app.quit)

    driver.document_check_finished.connect(finished)
    driver.document_check_progress.connect(printer.note)
    why = driver.check_document(consistency=args.consistency, force=args.fresh)
    if why and args.consistency:
        printer.note(f"margin: {why}")
    app.exec()
    from desktop_app.session import PASS_LABELS

    for outcome in done:
        if outcome.findings is not None:
            n = len(outcome.findings)
            printer.note(f"{PASS_LABELS[outcome.origin].capitalize()}: {n} document-level "
                         f"finding{'s' * (n != 1)}")
    return done


class _WarnOnce:
    """A store that stops taking writes (disk full, locked) is reported once; the run
    goes on and its results still reach the report."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.warned = False

    def __call__(self) -> None:
        if self.storage.error and not self.warned:
            self.warned = True
            print(f"margin: results are not being saved ({self.storage.error}); the report "
                  "will have them", file=sys.stderr)
