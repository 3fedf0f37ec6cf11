"""Small documents for batch tests, the same in the test and in a child process."""

from __future__ import annotations

from desktop_app.ai.batch import BatchDocument, BatchSection
from desktop_app.review.frameworks import Checkpoint, Framework

FRAMEWORK = Framework("Batch test framework", (
    Checkpoint("B-01", "Clear purpose", "Say what the section is for."),
    Checkpoint("B-02", "Owners", "Every action names an owner."),
))


def section_text(doc: int, index: int) -> str:
    return (f"Procedure {doc}.{index} covers the night shift & its hand-over. "
            f"Alarms are checked every <two> hours.\n"
            f"The duty engineer signs the log before leaving.")


def documents(count: int = 2, sections: int = 3, *, long_section: bool = False
              ) -> list[BatchDocument]:
    """`count` documents of `sections` sections; with `long_section`, the first section
    of the first document is sent in two parts."""
    docs = []
    for d in range(1, count + 1):
        items = []
        for s in range(1, sections + 1):
            text = section_text(d, s)
            if long_section and d == 1 and s == 1:
                first, second = text.split("\n", 1)
                items.append(BatchSection(f"s{s}", f"Section {s}", text, (first, second)))
            else:
                items.append(BatchSection.whole(f"s{s}", f"Section {s}", text))
        docs.append(BatchDocument(f"doc-{d}", f"Handbook {d}", FRAMEWORK, items))
    return docs
