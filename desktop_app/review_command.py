"""`margin review`: the window's dispatcher, headless, under a QCoreApplication.

Progress goes to stderr (a bar on a terminal, a line per section otherwise),
the report to --report, and the exit code says how it went (PRODUCT.md §2).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_CANNOT_OPEN, EXIT_PROVIDER, EXIT_FAILED = range(6)
REPORT_FORMATS = (".json",)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="margin review", description="Review a .docx headlessly.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--provider", choices=("auto", "bedrock", "local"), default="auto",
                   help="auto: Bedrock when AWS credentials resolve, else the built-in reviewer")
    p.add_argument("--framework", metavar="NAME|PATH", help="a framework name or a .toml file")
    p.add_argument("--guidelines", metavar="FILE", help=".docx, .md or .txt for the prompt")
    p.add_argument("--model", action="append", metavar="ID",
                   help="repeatable: the fallback chain, in order")
    p.add_argument("--region", metavar="R")
    p.add_argument("--profile", metavar="P")
    p.add_argument("--concurrency", type=int, metavar="N")
    p.add_argument("--report", metavar="PATH", help="write the report (.json)")
    p.add_argument("--out", metavar="PATH.docx", help="write a reviewed copy with Word comments")
    p.add_argument("--accept-all", action="store_true", help="mark every finding accepted")
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
                    "this version writes .json reports", EXIT_USAGE)
    if args.out:
        return fail("--out: writing a reviewed .docx is not available in this version",
                    EXIT_USAGE)
    if not 0.0 <= args.min_confidence <= 1.0:
        return fail("--min-confidence must be between 0 and 1", EXIT_USAGE)
    if args.concurrency is not None and not 1 <= args.concurrency <= 64:
        return fail("--concurrency must be between 1 and 64", EXIT_USAGE)

    from desktop_app.document import DocumentError, load
    from desktop_app.review.frameworks import FrameworkError, find_framework, load_guidelines

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

    provider, why = make_provider(args, doc)
    if provider is None:
        return fail(why, EXIT_PROVIDER)
    if not args.quiet and why:
        print(f"margin: {why}", file=sys.stderr)
    return _run_dispatch(args, doc, framework, provider)


def make_provider(args, doc):
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
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    return BedrockProvider(config), ""


def _run_dispatch(args, doc, framework, provider) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop_app.paths import data_dir
    from desktop_app.review.report import ReviewRun, SectionOutcome, build_report
    from desktop_app.store.db import Database, StoreError
    from desktop_app.store.results import ResultCache
    from desktop_app.review.progress_printer import ProgressPrinter
    from desktop_app.workers.dispatcher import Dispatcher

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    try:
        db = Database(data_dir())
    except StoreError as err:
        return fail(str(err), EXIT_INTERNAL)
    sections = list(doc.walk())
    threads = args.concurrency or (8 if provider.name == "bedrock" else max(2, os.cpu_count() or 2))
    dispatcher = Dispatcher(provider, framework, cache=ResultCache(db), max_threads=threads,
                            document_title=doc.title)
    run = ReviewRun(doc, provider.name, list(provider.models), getattr(provider, "region", None),
                    framework.name, min_confidence=args.min_confidence,
                    accept_all=args.accept_all, prices=getattr(provider, "prices", None))
    printer = ProgressPrinter({s.id: s.title for s in sections}, quiet=args.quiet)
    fatal: list = []

    def finished(sid, result):
        run.outcomes[sid] = SectionOutcome("done", result=result)
        printer.section_done(sid, len(run.visible(result.findings)), result.from_cache)

    def failed(sid, error):
        run.outcomes[sid] = SectionOutcome("failed", error=error)
        printer.section_failed(sid, error.message)

    def state_changed(sid, state):
        if state == "cancelled":
            run.outcomes[sid] = SectionOutcome("cancelled")

    dispatcher.section_finished.connect(finished)
    dispatcher.section_failed.connect(failed)
    dispatcher.section_state_changed.connect(state_changed)
    dispatcher.progress_changed.connect(printer.progress)
    dispatcher.provider_unusable.connect(fatal.append)
    dispatcher.run_finished.connect(lambda _p: QTimer.singleShot(0, app.quit))
    QTimer.singleShot(0, lambda: dispatcher.analyse(sections, force=args.fresh))
    try:
        app.exec()
    except KeyboardInterrupt:
        dispatcher.cancel_all()
    finally:
        dispatcher.shutdown(10_000)
        printer.close()
    run.finished = datetime.now(UTC)

    report = build_report(run)
    if args.report:
        try:
            write_atomically(Path(args.report), json.dumps(report, ensure_ascii=False, indent=2))
        except OSError as exc:
            return fail(f"cannot write report {args.report}: {exc.strerror or exc}", EXIT_INTERNAL)
    db.close()
    done = sum(1 for o in run.outcomes.values() if o.status == "done")
    if fatal and done == 0:
        return fail(f"the provider cannot serve: {fatal[0].message}", EXIT_PROVIDER)
    failures = [(s["title"], s["error"]) for s in report["sections"] if s["status"] != "done"]
    if failures:
        print(f"margin: {len(failures)} of {len(sections)} sections were not reviewed:",
              file=sys.stderr)
        for title, error in failures:
            print(f"  {title}: {error or 'cancelled'}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
