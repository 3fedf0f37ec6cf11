"""Save a screenshot of the main window showing a document.

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py FILE.docx \
        [--section TITLE] [--out docs/screenshot-main.png]

    # Analyse the sample with the built-in reviewer ("Investigation report"
    # framework), then show "Impact" with its first finding selected:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --review \
        [FILE] [--section Impact] [--finding 1] [--out docs/screenshot-review.png]

    # A finding about a pattern that recurs (its occurrences all marked), after
    # Ctrl+J went to the second one:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --review FILE \
        --section Timeline --finding 1 --next-place 1 --out docs/screenshot-occurrences.png

    # Any of these in the dark: a dark palette, as a dark system scheme gives it
    # (add QT_SCALE_FACTOR=2 and a bigger -screen for a high-DPI look):
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --review --dark \
        --out docs/screenshot-dark.png

    # A folder review under way: the built-in reviewer on every .docx of DIR, the
    # Reviews list beside the window showing each document, one of them opened:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --folder DIR \
        [--out docs/screenshot-folder.png]

    # A review half done: the first sections analysed, some findings accepted
    # and rejected (through the window's own actions), the rest not analysed,
    # statistics under the findings:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --half-done \
        [--out docs/screenshot-half-done.png]

    # The document as a whole: Analyse All, then the cross-section checks; the
    # "Whole document" group selected with its first finding, its places side by side:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --whole-document \
        [--out docs/screenshot-whole-document.png]

    # The chat about a section, answered offline by ranked search:
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --review --finding 0 \
        --chat "Who was affected, and how badly?" --out docs/screenshot-chat.png

    # The estimate shown before Analyse All with Amazon Bedrock, over the window
    # (the sample's real estimate at the default model's prices; nothing is sent):
    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py --estimate \
        [--out docs/screenshot-estimate.png]

Uses a throw-away data folder, so the window has its first-run layout, the
user's recent files and settings are left alone, and no AWS credentials are
found (the built-in reviewer answers; nothing leaves the machine).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a .docx (default: the sample with --review)")
    parser.add_argument("--section", help="select the first section with this title")
    parser.add_argument("--review", action="store_true",
                        help="run Analyse all with the built-in reviewer first")
    parser.add_argument("--finding", type=int, default=1,
                        help="with --review: select this finding (1 = first; 0 = none)")
    parser.add_argument("--next-place", type=int, default=0, metavar="N",
                        help="with --finding: press Ctrl+J (Go to Next Place) N times")
    parser.add_argument("--half-done", action="store_true",
                        help="analyse the first half of the sample, decide on some findings")
    parser.add_argument("--whole-document", action="store_true",
                        help="review the sample, then show its Whole document group")
    parser.add_argument("--estimate", action="store_true",
                        help="the estimate dialog of Analyse All with Bedrock, over the window")
    parser.add_argument("--chat", metavar="QUESTION",
                        help="with --review: ask the chat this about the section shown")
    parser.add_argument("--framework", help="with --review: the framework to pick")
    parser.add_argument("--folder", help="review every .docx of this folder; shoot the screen "
                        "(window and Reviews list) while it runs")
    parser.add_argument("--dark", action="store_true",
                        help="a dark colour scheme (the system's, where Qt can set it)")
    parser.add_argument("--out")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    if args.whole_document:
        args.review = True
    if not args.file and not args.review and not args.half_done and not args.estimate \
            and not args.folder:
        parser.error("give a FILE, or --review for the sample document")
    if args.folder:
        return shoot_folder(args)
    if args.half_done:
        args.review = True
        args.section = args.section or "Summary"
    if (args.review or args.estimate) and not args.file:  # the sample's defaults
        args.section = args.section or "Impact"
        args.framework = args.framework or "Investigation report"
    file = args.file or str(SAMPLE)
    default = ("screenshot-half-done.png" if args.half_done else
               "screenshot-whole-document.png" if args.whole_document else
               "screenshot-estimate.png" if args.estimate else
               "screenshot-review.png" if args.review else "screenshot-main.png")
    out = Path(args.out or ROOT / "docs" / default)
    data = tempfile.mkdtemp(prefix="margin-shot-")
    os.environ.setdefault("MARGIN_DATA_DIR", data)
    if args.review:
        # No credentials can be found: the built-in reviewer is used, offline.
        for var in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                    "AWS_SESSION_TOKEN"):
            os.environ.pop(var, None)
        os.environ["AWS_CONFIG_FILE"] = os.path.join(data, "aws-config")
        os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(data, "aws-credentials")
        os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import create_application
    from desktop_app.ui.window.main_window import MainWindow

    app = create_application()
    if args.dark:
        from desktop_app.ui.common.theme import dark_palette

        # Qt 6.8+ can ask the platform for its dark scheme; where the platform has
        # none (Xvfb), the palette is what a dark scheme would have given.
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    window = MainWindow()
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)  # the splitter keeps its first-run share
    window.show()
    result = {"code": 1}

    def shoot() -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        frame = window.frameGeometry()
        picture = (window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                              frame.height())
                   if args.estimate else window.grab())  # the dialog is a window of its own
        if picture.save(str(out)):
            print(f"saved {out}")
            result["code"] = 0
        else:
            print(f"could not write {out}", file=sys.stderr)
        window.close()

    def select_section() -> None:
        if not args.section:
            return
        for section in window.model.document.walk():  # type: ignore[union-attr]
            if section.title == args.section:
                window.tree.setCurrentIndex(window.model.index_for(section.id))
                return
        print(f"no section titled {args.section!r}", file=sys.stderr)

    def decide_some() -> None:
        """Accept and reject a few findings, as a reviewer would from the keyboard."""
        decisions = window.decisions
        sections = list(window.model.document.walk())  # type: ignore[union-attr]
        plan = {1: ("accepted", "rejected", "accepted"), 2: ("accepted",),
                3: ("rejected", "accepted", "accepted")}
        for number, choices in plan.items():
            window.tree.setCurrentIndex(window.model.index_for(sections[number].id))
            for row, decision in enumerate(choices):
                if row < window.findings.model.rowCount():
                    window.findings.select_row(row)
                    decisions.decide(decision)

    def whole_document(_outcomes: object) -> None:
        from desktop_app.session import WHOLE_DOCUMENT

        window.tree.select_section(WHOLE_DOCUMENT)
        if window.findings.model.rowCount():
            window.findings.select_row(0)
            window.findings.list.setFocus()
        QTimer.singleShot(400, shoot)

    def estimate() -> None:
        from desktop_app.ai.context import build_context
        from desktop_app.ai.estimate import estimate_review
        from desktop_app.ui.window.estimate_dialog import EstimateDialog

        doc, prefs = window.document, window.prefs
        assert doc is not None
        models = list(prefs.bedrock.models)
        sections = list(doc.walk())
        found = estimate_review(doc, window.review.framework, models,
                                context=build_context(doc, None, models), facts=True,
                                prices=prefs.bedrock.prices)
        dialog = EstimateDialog(found, len(sections), window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        QTimer.singleShot(600, shoot)

    def reviewed(_progress: object) -> None:
        if args.whole_document:
            return  # the check of the whole document follows
        if args.half_done:
            decide_some()
        select_section()
        if args.finding > 0 and window.findings.model.rowCount() >= args.finding:
            window.findings.select_row(args.finding - 1)
            window.findings.list.setFocus()
            for _ in range(args.next_place):
                window.action["next_place"].trigger()
        if args.chat:
            window.chat.show_chat()
            panel = window.chat.panel
            panel.busy_changed.connect(lambda busy: None if busy else QTimer.singleShot(
                600, shoot))
            panel.ask(args.chat)
            return
        QTimer.singleShot(400, shoot)

    def loaded(doc: object) -> None:
        if args.estimate:
            select_section()
            QTimer.singleShot(300, estimate)
            return
        if not args.review:
            select_section()
            QTimer.singleShot(300, shoot)  # let the view lay out and paint first
            return
        if args.framework:
            combo = window.framework_picker.combo
            combo.setCurrentIndex(max(0, combo.findText(args.framework)))
        window.review.driver.run_finished.connect(reviewed)
        window.review.driver.document_check_finished.connect(
            whole_document if args.whole_document else lambda _o: None)
        if args.half_done:
            sections = list(doc.walk())  # type: ignore[attr-defined]
            window.review.analyse(sections[: len(sections) // 2])
        else:
            window.action["analyse_all"].trigger()

    def refused(reason: str) -> None:
        print(f"cannot open {file}: {reason}", file=sys.stderr)
        QTimer.singleShot(0, window.close)

    window.document_loaded.connect(loaded)
    window.document_refused.connect(refused)
    window.open_path(file)
    app.exec()
    QApplication.processEvents()
    return result["code"]


def shoot_folder(args: argparse.Namespace) -> int:
    """The window and the Reviews list while a folder is reviewed, as the screen shows them."""
    data = tempfile.mkdtemp(prefix="margin-shot-")
    os.environ["MARGIN_DATA_DIR"] = data
    for var in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        os.environ.pop(var, None)
    os.environ["AWS_CONFIG_FILE"] = os.path.join(data, "aws-config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(data, "aws-credentials")
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    out = Path(args.out or ROOT / "docs" / "screenshot-folder.png")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import create_application
    from desktop_app.session.folder import find_documents
    from desktop_app.ui.window.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1400, 900)
    window.move(0, 0)
    window.show()
    found = find_documents([args.folder])
    result = {"code": 1, "opened": False}

    def place() -> None:  # where a reviewer would put it: over the text, the tree in view
        dialog = window.reviews_dialog
        if dialog is not None:
            dialog.resize(820, 560)
            dialog.move(560, 250)

    def shoot() -> None:
        QApplication.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        shot = app.primaryScreen().grabWindow(0)
        if shot.copy(0, 0, 1400, 900).save(str(out)):
            print(f"saved {out}")
            result["code"] = 0
        window.folder.cancel()
        QTimer.singleShot(200, window.close)

    def changed(entry) -> None:  # type: ignore[no-untyped-def]
        done = sum(e.state.finished for e in window.folder.entries)
        if done >= 3 and not result["opened"]:
            result["opened"] = True
            chosen = next(e for e in window.folder.entries if e.state.name == "DONE")
            window.document_loaded.connect(lambda _doc: QTimer.singleShot(1500, shoot))
            window.open_path(chosen.path)

    def start() -> None:
        framework = window.review.framework
        window.folder.document_changed.connect(changed)
        window.folder.started.connect(lambda: QTimer.singleShot(0, place))
        window.folder.start(found.items, framework, window.prefs, window.review.provider_factory,
                            folder=Path(args.folder).name)

    QTimer.singleShot(500, start)
    app.exec()
    QApplication.processEvents()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main())
