"""A review stored under the old section tree, reopened under the new one (issue 18, point 5).

Before issue 18 a long section with headings typed by hand was one section,
and a table of contents swallowed the text after it. Reopening such a review
with today's loader must say which sections changed, keep what is unchanged,
and lose nothing: model findings of changed sections go to history with their
decisions, and the reviewer's own findings follow their quote to the new
section that holds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.document import SectionOrigin, load, loader
from desktop_app.store.db import Database
from desktop_app.store.reviews import ReviewStore
from tests.docx_factory import p, write_docx
from tests.unit.review_store_helpers import FRAMEWORK, FRAMEWORK_ID, MODEL, answer, finding
from tests.unit.review_store_helpers import hash_of as _hash
from tests.unit.test_contents import field_toc

FILLER = ("Each request is logged with its date, its author and the answer given. " * 6)


def _body() -> str:
    long_part = "".join(
        p(heading, bold=True) + p(first) + "".join(p(FILLER) for _ in range(15))
        for heading, first in (
            ("A.\tINTAKE", "Intake starts when the form arrives by post."),
            ("B.\tREVIEW", "The reviewer signs every page of the file."),
            ("C.\tCLOSURE", "A closed file is archived for seven years."),
        ))
    return (p("Table of Contents", "berschrift1") + field_toc(["Summary", "Procedures"])
            + p("Readers new to the service should start with the summary.")
            + p("Summary", "berschrift1") + p("The service handles about forty files a week.")
            + p("Procedures", "berschrift1") + p("Three steps, in this order.") + long_part)


@pytest.fixture
def store(tmp_path: Path):
    db = Database(tmp_path / "store")
    yield ReviewStore(db)
    db.close()


def _old_tree(path: Path, monkeypatch: pytest.MonkeyPatch):
    """The document as the loader cut it before tables of contents and typed headings."""
    with monkeypatch.context() as m:
        m.setattr(loader, "mark_contents", lambda *a: None)
        m.setattr(loader, "refine_long_sections", lambda *a: 0)
        return load(str(path))


def test_a_review_stored_under_the_old_tree_is_reconciled(store, tmp_path, monkeypatch):
    path = write_docx(tmp_path / "procedures.docx", _body())
    old = _old_tree(path, monkeypatch)
    titles = [s.title for s in old.walk()]
    assert titles == ["Table of Contents", "Summary", "Procedures"]
    toc_old, summary, procedures = old.walk()
    rid = store.open_or_create_review(old, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL]).review_id
    decided = {}
    for s, quote in ((toc_old, "Readers new to the service"), (summary, "about forty files"),
                     (procedures, "The reviewer signs every page")):
        rec = store.record_result(rid, s.id, _hash(s), answer(finding(quote)))
        decided[s.title] = store.set_decision(rid, rec.findings[0].id, "accepted")
    mine = {
        "stays": store.add_user_finding(rid, procedures.id, finding("Three steps, in this order.")),
        "moves": store.add_user_finding(rid, procedures.id,
                                        finding("A closed file is archived for seven years.")),
        "after toc": store.add_user_finding(rid, toc_old.id,
                                            finding("should start with the summary")),
    }

    new = load(str(path))
    by_title = {s.title: s for s in new.walk()}
    assert [(s.level, s.title) for s in new.walk()] == [
        (1, "Table of Contents"), (1, "After the contents"), (1, "Summary"), (1, "Procedures"),
        (2, "A. INTAKE"), (2, "B. REVIEW"), (2, "C. CLOSURE")]
    assert by_title["Table of Contents"].origin is SectionOrigin.CONTENTS

    state = store.open_or_create_review(new, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL])
    # The same file, read into a new tree: the review is found and reconciled.
    assert state.review_id == rid and not state.content_changed and state.changes.any
    # Sections that changed say so; the unchanged one keeps its answer and decision.
    assert state.changes.unchanged == [summary.id]
    assert state.changes.changed == [toc_old.id, procedures.id]
    assert state.changes.added == [by_title[t].id for t in (
        "After the contents", "A. INTAKE", "B. REVIEW", "C. CLOSURE")]
    assert state.changes.removed == []
    assert state.sections[toc_old.id].status == "stale"
    assert state.sections[procedures.id].status == "stale"
    (kept,) = state.findings(summary.id)
    assert kept.id == decided["Summary"].id and kept.decision == "accepted"

    # The reviewer's own findings: each on the section that holds its quote now.
    def where(f) -> tuple[str, str]:
        for sid, record in state.sections.items():
            for g in record.findings:
                if g.id == f.id:
                    section = new.section(sid)
                    assert g.anchored and section.text[g.start:g.end] == f.quote
                    return section.title, g.quote
        raise AssertionError(f"{f.quote!r} was lost")

    assert where(mine["stays"])[0] == "Procedures"
    assert where(mine["moves"])[0] == "C. CLOSURE"
    assert where(mine["after toc"])[0] == "After the contents"
    # The model's answers on changed sections are history, decisions included.
    history = {h.section_id: h.finding for h in store.finding_history(rid)}
    assert history[procedures.id].decision == "accepted"
    assert history[toc_old.id].id == decided["Table of Contents"].id

    # And a second reopen changes nothing more.
    again = store.open_or_create_review(new, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL])
    assert not again.changes.any


def test_a_finding_on_a_section_that_went_away_follows_its_quote(store, tmp_path, monkeypatch):
    # Before, the table was the text before the first heading; now it is "Contents".
    body = (field_toc(["Scope", "Method"]) + p("Scope", "berschrift1") + p("Only pumps.")
            + p("Method", "berschrift1") + p("We read the logs."))
    path = write_docx(tmp_path / "t.docx", body)
    old = _old_tree(path, monkeypatch)
    assert [s.title for s in old.walk()] == ["Before the first heading", "Scope", "Method"]
    rid = store.open_or_create_review(old, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL]).review_id
    mine = store.add_user_finding(rid, "front-matter", finding("Method\t3"))

    new = load(str(path))
    assert [s.title for s in new.walk()] == ["Contents", "Scope", "Method"]
    state = store.open_or_create_review(new, FRAMEWORK_ID, FRAMEWORK, "bedrock", [MODEL])
    assert state.changes.removed == ["front-matter"]
    contents = next(iter(new.walk()))
    (moved,) = state.findings(contents.id)
    assert moved.id == mine.id and moved.anchored
