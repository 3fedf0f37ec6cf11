"""Command line: `margin [FILE]` opens the window; subcommands run headless.

Exit codes (PRODUCT.md §2): 0 ok, 1 internal error, 2 usage, 3 the document
cannot be opened, 4 provider unusable, 5 some sections failed, 6 an output could
not be written; with several documents, the worst (cli_review.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from desktop_app import __version__

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_CANNOT_OPEN = 0, 1, 2, 3


def _sections_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="margin sections", description="Print the section tree of a .docx."
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a tree")
    return parser


def cmd_sections(argv: Sequence[str]) -> int:
    args = _sections_parser().parse_args(argv)
    from desktop_app.document import DocumentError, load

    try:
        doc = load(args.file)
    except DocumentError as err:
        print(f"margin: cannot open {args.file}: {err.reason}", file=sys.stderr)
        return EXIT_CANNOT_OPEN
    if args.json:
        json.dump(sections_json(doc), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(sections_text(doc))
    return EXIT_OK


def sections_json(doc) -> dict:
    return {
        "document": {
            "path": doc.path,
            "sha256": doc.sha256,
            "title": doc.title,
            "paragraphs": doc.paragraph_count,
            "words": doc.words,
        },
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "level": s.level,
                "parent": s.parent_id,
                "paragraphs": len(s.paragraphs),
                "words": s.words,
                "origin": s.origin.value,
            }
            for s in doc.walk()
        ],
    }


def sections_text(doc) -> str:
    rows = []
    for s in doc.walk():
        depth, parent = 0, s.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        title = s.title if s.reviewable else f"{s.title} (table of contents, not reviewed)"
        rows.append(("  " * depth + title, f"{s.words:,}", s.id))
    width = min(max((len(r[0]) for r in rows), default=0), 70)
    count = len(rows)
    lines = [f"{doc.title}", f"{count} section{'s' * (count != 1)}, {doc.words:,} words", ""]
    for title, words, sid in rows:
        if len(title) > width:
            title = title[: width - 1] + "…"
        lines.append(f"{title:<{width}}  {words:>7} words  {sid}")
    return "\n".join(lines) + "\n"


def cmd_review(argv: Sequence[str]) -> int:
    from desktop_app.cli_review import run

    return run(argv)


SUBCOMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "sections": cmd_sections,
    "review": cmd_review,
}


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="margin",
        description="Review long Word documents section by section.",
        epilog="Commands: margin sections FILE [--json]; margin review FILE|FOLDER... "
        "[options]. "
        "Run 'margin COMMAND --help' for a command's options.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a .docx to open")
    parser.add_argument("--version", action="version", version=f"Margin {__version__}")
    parser.add_argument("--no-error-dialogs", action="store_true",
                        help="log unexpected errors and print them on stderr instead of "
                        "showing a dialog (for automated runs; or MARGIN_NO_ERROR_DIALOGS=1)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (open, review and export "
                        "the sample) and exit: 0 when healthy")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return SUBCOMMANDS[argv[0]](argv[1:])
        args = _gui_parser().parse_args(argv)
        if args.self_test:
            from desktop_app.self_test import run as self_test

            return self_test()
        from desktop_app.app import run_gui

        return run_gui(args.file, error_dialogs=not args.no_error_dialogs)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK  # `margin sections FILE | head` closed the pipe early


if __name__ == "__main__":
    sys.exit(main())
