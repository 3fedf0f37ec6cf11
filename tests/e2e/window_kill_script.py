"""The window, offscreen, reviewing a document until it is killed (test_window_kill.py).

    python -m tests.e2e.window_kill_script FILE.docx [--shown]

Opens FILE, analyses it with the built-in reviewer, accepts the first finding
of the first two sections that have any, through the window's own Accept
action, prints `READY {"accepted": [ids]}` and then keeps running until it
is killed. MARGIN_DATA_DIR says where the review is stored. With `--shown`, it
also prints `SHOWN {"id": section id, "findings": n}` as the window shows each
answer, while the run goes on.
"""

from __future__ import annotations

import json
import sys

from desktop_app.app import create_application
from desktop_app.ui.window.main_window import MainWindow


def main(path: str, shown: bool = False) -> int:
    app = create_application()
    window = MainWindow()
    window.show()

    def announced(changed: dict) -> None:  # after the window's own slots: shown now
        session = window.review.session
        for sid, status in changed.items():
            if status.value == "done" and session is not None:
                n = len(session.results.findings(sid))
                print("SHOWN " + json.dumps({"id": sid, "findings": n}), flush=True)

    if shown:
        window.review.driver.sections_changed.connect(announced)

    def analysed(_progress: object) -> None:
        window.review.driver.run_finished.disconnect(analysed)
        doc = window.document
        assert doc is not None
        accepted: list[str] = []
        for section in doc.walk():
            window.select_section(section.id)
            if window.findings.model.rowCount() == 0:
                continue
            window.findings.select_row(0)
            window.action["accept"].trigger()  # what Ctrl+Return does
            finding = window.findings.selected_finding()
            assert finding is not None and finding.decision == "accepted"
            accepted.append(finding.id)
            if len(accepted) == 2:
                break
        print("READY " + json.dumps({"accepted": accepted}), flush=True)

    def loaded(_doc: object) -> None:
        window.review.driver.run_finished.connect(analysed)
        window.action["analyse_all"].trigger()

    def refused(reason: str) -> None:
        print(f"REFUSED {reason}", flush=True)
        app.exit(3)

    window.document_loaded.connect(loaded)
    window.document_refused.connect(refused)
    window.open_path(path)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--shown" in sys.argv[2:]))
