"""`margin review`: the window's review session and driver, headless, under a QCoreApplication.

A thin driver: the options become `ReviewPrefs`, the files and folders the
documents to review (`session/folder.py`), and a `FolderRun` reviews them as
the window's Review Folder does: each document in a `ReviewSession` resumed
from the store, run by a `SessionDriver`, every document sharing one provider
and its pacer (or, with --batch, Bedrock batch jobs). A single FILE is a run
of one, with its --report and --out. Progress goes to stderr (a bar on a
terminal, lines otherwise), each document's outputs are written as it
finishes (cli_outputs.py), and the exit code says how it went (PRODUCT.md §2):
with several documents, the worst document's. As in the window, every section
request carries the document's shared context (--context), and after the
sections the passes over the whole document run: the built-in cross-section
checks always, the Bedrock consistency pass with --consistency. --estimate
prints what the review would cost and calls nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.ai.config import BedrockConfig
from desktop_app.session import CONTEXT_CHOICES, ReviewPrefs

if TYPE_CHECKING:
    from desktop_app.review.frameworks import Framework
    from desktop_app.session.folder import FoundDocuments

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
With several documents, each gets its own code (index.json lists them) and the run
exits with the worst, in this order: 1, 4, 3, 6, 5, 0. A document that cannot be
opened does not stop the others.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="margin review", epilog=EXIT_CODES,
        description="Review .docx documents headlessly: files, or folders (every .docx "
                    "inside, recursively).",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE|FOLDER")
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
    p.add_argument("--report", metavar="PATH",
                   help="one document: write the report: .json .md .html .csv")
    p.add_argument("--out", metavar="PATH.docx",
                   help="one document: write a reviewed copy with Word comments")
    p.add_argument("--report-dir", metavar="D",
                   help="write each document's report (NAME.json and NAME.html) into D, "
                        "with D/index.json and D/index.html")
    p.add_argument("--out-dir", metavar="D",
                   help="write each document's reviewed copy into D as 'NAME (reviewed).docx'")
    p.add_argument("--accept-all", action="store_true",
                   help="mark every finding accepted (for --out and --out-dir)")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X")
    p.add_argument("--fresh", action="store_true", help="ignore stored results, ask again")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--batch", metavar="s3://BUCKET/PREFIX",
                   help="review with Bedrock batch inference: records and answers go there "
                        "(see docs/batch.md); rerunning the same command resumes the job")
    p.add_argument("--role-arn", metavar="ARN",
                   help="with --batch: the service role Bedrock assumes to read and write S3")
    p.add_argument("--batch-min-records", type=int, metavar="N",
                   help="your account's minimum records per batch job for the model "
                        "(a Bedrock quota; default 100): fewer are reviewed on demand")
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
    problem = check_options(args)
    if problem:
        return fail(problem, EXIT_USAGE)
    try:
        quotas = parse_quotas(args.rpm or [], args.tpm or [])
        batch = batch_settings(args)
    except ValueError as err:
        return fail(str(err), EXIT_USAGE)

    from desktop_app.diagnostics.log_setup import configure_logging, log_startup
    from desktop_app.paths import data_dir
    from desktop_app.review.frameworks import FrameworkError, find_framework, load_guidelines
    from desktop_app.session.folder import find_documents

    configure_logging(data_dir())
    log_startup("review")

    try:
        framework = find_framework(args.framework)
        if args.guidelines:
            framework = framework.with_guidelines(load_guidelines(Path(args.guidelines)))
    except FrameworkError as err:
        return fail(str(err), EXIT_USAGE)
    outputs = [d for d in (args.report_dir, args.out_dir) if d]
    found = find_documents(args.files, exclude=outputs)
    for path, reason in found.skipped:
        print(f"margin: skipped {path}: {reason}", file=sys.stderr)
    if args.estimate:
        return estimate_documents(args, found, framework, prefs_from(args, quotas))
    from desktop_app.cli_outputs import review_documents

    return review_documents(args, found, framework, prefs_from(args, quotas), batch)


def several(args: argparse.Namespace) -> bool:
    """Several documents (or a folder, or the per-document output folders): the index."""
    return (len(args.files) > 1 or any(Path(f).is_dir() for f in args.files)
            or bool(args.report_dir or args.out_dir))


def check_options(args: argparse.Namespace) -> str | None:
    """What is wrong with the options, before anything is read; None when nothing."""
    from desktop_app.export.atomic import link_problem

    if several(args):
        if args.report or args.out:
            option = "--report" if args.report else "--out"
            return (f"{option} names one file: with several documents or a folder, use "
                    f"{option}-dir")
        for option, folder in (("--report-dir", args.report_dir), ("--out-dir", args.out_dir)):
            if folder and Path(folder).exists() and not Path(folder).is_dir():
                return f"{option} {folder}: not a folder"
    else:
        if args.report and Path(args.report).suffix.lower() not in REPORT_FORMATS:
            return (f"--report: unsupported format {Path(args.report).suffix or '(none)'}; "
                    f"use one of {' '.join(REPORT_FORMATS)}")
        if args.out and Path(args.out).suffix.lower() != ".docx":
            return "--out: the reviewed copy must be a .docx file"
        if args.out and Path(args.out).resolve() == Path(args.files[0]).resolve():
            return ("--out: that is the document under review; the original is never "
                    "overwritten, choose another name")
        for option, path in (("--report", args.report), ("--out", args.out)):
            problem = link_problem(path) if path else None
            if problem:
                return f"{option} {path}: {problem}"
    if not 0.0 <= args.min_confidence <= 1.0:
        return "--min-confidence must be between 0 and 1"
    if args.concurrency is not None and not 1 <= args.concurrency <= MAX_CONCURRENCY:
        return f"--concurrency must be between 1 and {MAX_CONCURRENCY}"
    if bool(args.batch) != bool(args.role_arn):
        return ("--batch and --role-arn go together: the S3 location for the records and "
                "the role Bedrock uses to read and write it (see docs/batch.md)")
    if args.batch and args.provider == "local":
        return "--batch needs Amazon Bedrock: it cannot be used with --provider local"
    if args.batch_min_records is not None and not args.batch:
        return "--batch-min-records goes with --batch"
    return None


def batch_settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """--batch and --role-arn as BatchSettings (None without them); ValueError if bad."""
    if not args.batch:
        return None
    from desktop_app.ai.batch import BatchSettings
    from desktop_app.session.batch import poll_overrides

    extra: dict = {}
    if args.batch_min_records is not None:
        extra["min_records"] = args.batch_min_records
    extra.update(poll_overrides())
    try:
        return BatchSettings.create(args.batch, args.role_arn, **extra)
    except ValueError as err:
        raise ValueError(f"--batch: {err}") from None


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
    provider = "bedrock" if args.batch and args.provider == "auto" else args.provider
    return ReviewPrefs(provider=provider, bedrock=config, min_confidence=args.min_confidence,
                       context=args.context or "auto", consistency=args.consistency)


def estimate_documents(args: argparse.Namespace, found: FoundDocuments, framework: Framework,
                       prefs: ReviewPrefs) -> int:
    """--estimate: each document's tokens and cost, on stdout; nothing is sent or stored."""
    from desktop_app.ai.estimate import estimate_review
    from desktop_app.document import DocumentError, load
    from desktop_app.session import NoReviewer, choose_provider, review_context
    from desktop_app.session.folder import worst_exit

    codes = [EXIT_OK]
    setup = None
    try:
        for item in found.items:
            try:
                doc = load(item.path)
            except DocumentError as err:
                print(f"margin: cannot open {item.path}: {err.reason}", file=sys.stderr)
                codes.append(EXIT_CANNOT_OPEN)
                continue
            if setup is None:
                try:
                    setup = choose_provider(doc, prefs)
                except NoReviewer as err:
                    return fail(f"{err}, or use --provider local", EXIT_PROVIDER)
            name = item.relative
            sections = sum(1 for s in doc.walk() if s.reviewable)
            if setup.offline:
                print(f"{name}: {sections} sections, reviewed by the built-in reviewer on this "
                      "computer: no requests, no cost.")
                continue
            config = prefs.bedrock
            e = estimate_review(doc, framework, list(config.models),
                                context=review_context(doc, setup, prefs), facts=True,
                                consistency=args.consistency, prices=config.prices,
                                max_tokens=config.max_tokens,
                                sections=[s for s in doc.walk() if s.reviewable])
            cost = ("unknown (no price for this model)" if e.cost_usd is None
                    else f"${e.cost_usd:,.2f}")
            extra = f" + {e.consistency_requests} consistency" if e.consistency_requests else ""
            print(f"{name}: {sections} sections on {e.model}\n"
                  f"  context        {e.mode_note}\n"
                  f"  requests       {e.requests}{extra}\n"
                  f"  input tokens   {e.input_tokens:,}\n"
                  f"  cache writes   {e.cache_write_tokens:,}\n"
                  f"  cache reads    {e.cache_read_tokens:,}\n"
                  f"  output tokens  {e.output_tokens:,} (a guess: the model decides)\n"
                  f"  cost           {cost}")
    finally:
        if setup is not None:
            setup.close()
    if setup is not None and not setup.offline:
        print("Nothing was sent. Sections already in the store are answered from it at no "
              "cost; this counts every section.")
    return worst_exit(codes)
