"""Save a screenshot of the main window showing a document.

    xvfb-run -a -s "-screen 0 1400x900x24" python tools/screenshot.py FILE.docx \
        [--section TITLE] [--out docs/screenshot-main.png]

Uses a throw-away data folder, so the window has its first-run layout and the
user's recent files are left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--section", help="select the first section with this title")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot-main.png"))
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    os.environ.setdefault("MARGIN_DATA_DIR", tempfile.mkdtemp(prefix="margin-shot-"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import create_application
    from desktop_app.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)  # the splitter keeps its first-run share
    window.show()
    result = {"code": 1}

    def shoot() -> None:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if window.grab().save(str(out)):
            print(f"saved {out}")
            result["code"] = 0
        else:
            print(f"could not write {out}", file=sys.stderr)
        window.close()

    def loaded(doc: object) -> None:
        if args.section:
            for section in window.model.document.walk():  # type: ignore[union-attr]
                if section.title == args.section:
                    window.tree.setCurrentIndex(window.model.index_for(section.id))
                    break
            else:
                print(f"no section titled {args.section!r}", file=sys.stderr)
        QTimer.singleShot(300, shoot)  # let the view lay out and paint first

    def refused(reason: str) -> None:
        print(f"cannot open {args.file}: {reason}", file=sys.stderr)
        QTimer.singleShot(0, window.close)

    window.document_loaded.connect(loaded)
    window.document_refused.connect(refused)
    window.open_path(args.file)
    app.exec()
    QApplication.processEvents()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main())
