"""The review store: restore on reopen, reconciliation, the reviewer's work, statistics."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.ai.prices import estimate_cost
from desktop_app.ai.provider import FailureKind, ProviderError, Usage
from desktop_app.document import load
from desktop_app.store.db import Database, StoreBugError
from desktop_app.store.reviews import ReviewStore
from tests.unit.review_store_helpers import (
    FRAMEWORK,
    FRAMEWORK_ID,
    MODEL,
    answer,
    by_title,
    finding,
    hash_of,
    make_doc,
)

FALLBACK = "global.anthropic.claude-haiku-4-5-20251001-v1:0"
INCIDENT = [
    ("Summary", "The pump stopped at noon. Nobody was hurt."),
    ("Timeline", "At 11:50 the pressure fell. At 12:00 the pump stopped."),
    ("Causes", "A worn seal leaked. The alarm was muted."),
    ("Actions", "Replace the seal."),
]


@pytest.fixture
def db(tmp_path: Path):
    database = Database(tmp_path / "store")
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> ReviewStore:
    return ReviewStore(db)


def open_review(store: ReviewStore, doc, models=(MODEL,), framework=FRAMEWORK,
                framework_id=FRAMEWORK_ID):
    return store.open_or_create_review(doc, framework_id, framework, "bedrock", list(models))


def count(db: Database, sql: str, *params) -> int:
    return db.query(sql, params)[0][0]


def test_a_new_review_has_every_section_not_analysed(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    state = open_review(store, doc)
    assert state.created and not state.changes.any
    assert [r.title for r in state.sections.values()] == [t for t, _ in INCIDENT]
    assert {r.status for r in state.sections.values()} == {"not-analysed"}
    assert state.needs_analysis() == [s.id for s in doc.walk()]
    assert (state.done, state.total) == (0, 4)
    assert state.models == [MODEL] and state.framework_name == FRAMEWORK


def test_reopening_the_same_content_restores_the_review(tmp_path):
    doc = make_doc(tmp_path / "report.docx", INCIDENT)
    summary = by_title(doc, "Summary")
    folder = tmp_path / "store"
    db = Database(folder)
    try:
        store = ReviewStore(db)
        state = open_review(store, doc)
        record = store.record_result(state.review_id, summary.id, hash_of(summary), answer(
            finding("The pump stopped at noon."), finding("Nobody was hurt.", issue="Says who?")))
        first, second = record.findings
        store.set_decision(state.review_id, first.id, "accepted")
        store.set_decision(state.review_id, second.id, "rejected")
        store.edit_finding(state.review_id, first.id, issue="Give the exact time.",
                           severity="major")
        own = store.add_user_finding(state.review_id, summary.id,
                                     finding("noon", issue="Which time zone?"))
    finally:
        db.close()

    moved = tmp_path / "moved.docx"  # the same bytes somewhere else: found by content
    shutil.copy(doc.path, moved)
    db = Database(folder)
    try:
        again = open_review(ReviewStore(db), load(str(moved)))
    finally:
        db.close()
    assert again.review_id == state.review_id and not again.created
    assert not again.changes.any and not again.content_changed
    assert again.changes.unchanged == [s.id for s in doc.walk()]
    assert again.previous_path == doc.path
    restored = again.sections[summary.id]
    assert restored.status == "done" and restored.reusable and restored.model == MODEL
    assert [f.id for f in restored.findings] == [first.id, second.id, own.id]
    kept = {f.id: f for f in restored.findings}
    assert kept[first.id].decision == "accepted"
    assert (kept[first.id].issue, kept[first.id].severity) == ("Give the exact time.", "major")
    assert restored.originals == {first.id: {"issue": "Unclear.", "severity": "minor"}}
    assert kept[second.id].decision == "rejected"
    assert kept[own.id].source == "user" and kept[own.id].issue == "Which time zone?"
    assert again.reusable_ids() == [summary.id]


def test_changed_document_keeps_unchanged_sections_and_marks_the_rest(store, tmp_path):
    path = tmp_path / "report.docx"
    v1 = make_doc(path, INCIDENT)
    state = open_review(store, v1)
    rid = state.review_id
    old = {title: by_title(v1, title) for title, _ in INCIDENT}
    decided = {}
    for title in ("Summary", "Timeline", "Causes"):
        s = old[title]
        rec = store.record_result(rid, s.id, hash_of(s), answer(finding(s.text.split(". ")[0])))
        decided[title] = store.set_decision(rid, rec.findings[0].id, "accepted")
    own = store.add_user_finding(rid, old["Timeline"].id,
                                 finding("At 12:00 the pump stopped.", issue="Source?"))

    v2 = make_doc(path, [
        ("Summary", "The pump stopped at noon. Nobody was hurt."),  # unchanged
        ("Timeline", "At 11:45 the pressure fell. At 12:00 the pump stopped."),  # changed
        ("Actions", "Replace the seal. Unmute the alarm."),  # changed, never analysed
        ("Lessons", "Check seals monthly."),  # new; "Causes" is gone
    ])
    new = {s.title: s for s in v2.walk()}
    state = open_review(store, v2)
    assert state.review_id == rid and not state.created and state.content_changed
    ids = {title: s.id for title, s in old.items()} | {"Lessons": new["Lessons"].id}
    assert state.changes.unchanged == [ids["Summary"]]
    assert state.changes.changed == [ids["Timeline"], ids["Actions"]]
    assert state.changes.added == [ids["Lessons"]]
    assert state.changes.removed == [ids["Causes"]]
    assert [r.title for r in state.sections.values()] == [
        "Summary", "Timeline", "Actions", "Lessons", "Causes"]  # removed ones last
    assert {sid: r.status for sid, r in state.sections.items()} == {
        ids["Summary"]: "done", ids["Timeline"]: "stale", ids["Actions"]: "not-analysed",
        ids["Lessons"]: "not-analysed", ids["Causes"]: "removed"}
    assert state.needs_analysis() == [ids["Timeline"], ids["Actions"], ids["Lessons"]]

    (kept,) = state.findings(ids["Summary"])
    assert kept.id == decided["Summary"].id and kept.decision == "accepted"
    # The reviewer's own finding stays, its quote found again in the new text.
    (mine,) = state.findings(ids["Timeline"])
    assert mine.id == own.id
    timeline_text = new["Timeline"].text
    assert mine.anchored and timeline_text[mine.start:mine.end] == "At 12:00 the pump stopped."
    assert state.findings(ids["Causes"]) == []
    history = {(h.section_id, h.reason): h for h in store.finding_history(rid)}
    assert history[(ids["Timeline"], "changed")].finding.decision == "accepted"
    assert history[(ids["Causes"], "removed")].finding.id == decided["Causes"].id
    assert history[(ids["Timeline"], "changed")].section_hash == hash_of(old["Timeline"])

    # An answer for the old text, or for a removed section, is not recorded.
    late = answer(finding("At 11:50 the pressure fell."))
    assert store.record_result(rid, ids["Timeline"], hash_of(old["Timeline"]), late) is None
    assert store.record_result(rid, ids["Causes"], hash_of(old["Causes"]), late) is None
    assert store.review_state(rid).sections[ids["Timeline"]].status == "stale"

    rec = store.record_result(rid, ids["Timeline"], hash_of(new["Timeline"]),
                              answer(finding("At 11:45 the pressure fell.")))
    assert rec.status == "done" and [f.source for f in rec.findings] == ["model", "user"]

    back = make_doc(path, INCIDENT)  # "Causes" comes back: analysed again, history kept
    state = open_review(store, back)
    assert state.changes.added == [ids["Causes"]]
    assert state.sections[ids["Causes"]].status == "not-analysed"
    assert len(store.finding_history(rid, ids["Causes"])) == 1


def test_recording_again_updates_findings_instead_of_duplicating(store, db, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    s = by_title(doc, "Causes")
    seal, alarm = finding("A worn seal leaked."), finding("The alarm was muted.")
    rec = store.record_result(rid, s.id, hash_of(s), answer(seal, alarm))
    assert seal.id == "" and alarm.id == ""  # the caller's objects are not touched
    first, second = (f.id for f in rec.findings)
    store.set_decision(rid, first, "accepted")
    store.edit_finding(rid, second, suggestion="Never mute it.")

    rec = store.record_result(rid, s.id, hash_of(s), answer(seal, alarm))
    assert [f.id for f in rec.findings] == [first, second]
    assert rec.findings[0].decision == "accepted"
    assert rec.findings[1].suggestion == "Never mute it."
    assert count(db, "SELECT COUNT(*) FROM findings WHERE review_id = ?", rid) == 2

    rec = store.record_result(rid, s.id, hash_of(s), answer(seal))  # a re-run drops one
    assert [f.id for f in rec.findings] == [first]
    assert [(h.finding.id, h.reason) for h in store.finding_history(rid)] == [(second, "rerun")]
    assert count(db, "SELECT COUNT(*) FROM findings WHERE review_id = ?", rid) == 2


def test_edits_are_kept_apart_from_the_authors_words(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    s = by_title(doc, "Actions")
    (f,) = store.record_result(rid, s.id, hash_of(s), answer(finding("Replace the seal."))).findings
    edited = store.edit_finding(rid, f.id, rewrite="Replace the seal by Friday.",
                                severity="critical")
    assert (edited.rewrite, edited.severity) == ("Replace the seal by Friday.", "critical")
    assert store.section(rid, s.id).originals == {f.id: {"rewrite": None,
                                                          "severity": "minor"}}
    store.edit_finding(rid, f.id, severity="minor")  # back to the author's value
    assert store.section(rid, s.id).originals == {f.id: {"rewrite": None}}
    reverted = store.revert_edit(rid, f.id)
    assert reverted.rewrite is None and store.section(rid, s.id).originals == {}
    for bad in ({"severity": "huge"}, {"issue": "  "}, {"quote": "x"}, {}):
        with pytest.raises(StoreBugError):
            store.edit_finding(rid, f.id, **bad)
    with pytest.raises(StoreBugError):
        store.set_decision(rid, f.id, "maybe")
    with pytest.raises(StoreBugError):
        store.set_decision(rid, "f-nope", "accepted")


def test_own_findings_are_added_edited_and_deleted(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    s = by_title(doc, "Summary")
    draft = finding("Nobody was hurt.", issue="Name the witness.")
    draft.source = "model"
    mine = store.add_user_finding(rid, s.id, draft)
    assert draft.id == "" and draft.source == "model"  # the caller's object is not touched
    assert mine.id.startswith("u-") and mine.source == "user"
    changed = store.edit_finding(rid, mine.id, issue="Name both witnesses.")
    assert changed.issue == "Name both witnesses."
    assert store.section(rid, s.id).originals == {}  # the reviewer is the author
    store.set_decision(rid, mine.id, "accepted")
    (model_finding,) = store.record_result(rid, s.id, hash_of(s), answer(
        finding("The pump stopped at noon."))).findings[:1]
    assert [f.id for f in store.section(rid, s.id).findings] == [model_finding.id, mine.id]
    with pytest.raises(StoreBugError):
        store.delete_user_finding(rid, model_finding.id)
    store.delete_user_finding(rid, mine.id)
    assert [f.id for f in store.section(rid, s.id).findings] == [model_finding.id]
    with pytest.raises(StoreBugError):
        store.add_user_finding(rid, "no-such-section", draft)


def test_a_failed_run_keeps_the_earlier_answer_and_counts_its_cost(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    s = by_title(doc, "Summary")
    store.record_result(rid, s.id, hash_of(s), answer(finding("Nobody was hurt.")))
    error = ProviderError(FailureKind.THROTTLED, "Bedrock kept throttling", model=MODEL,
                          usage=Usage(requests=3, retries=2))
    rec = store.record_failure(rid, s.id, hash_of(s), error)
    assert rec.status == "failed" and rec.error == "Bedrock kept throttling"
    assert len(rec.findings) == 1
    assert store.statistics(rid).usage_by_model[MODEL].requests == 4
    rec = store.record_result(rid, s.id, hash_of(s), answer(finding("Nobody was hurt.")))
    assert rec.status == "done" and rec.error is None and len(rec.findings) == 1


def test_other_settings_keep_the_review_but_ask_again(store, db, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    state = open_review(store, doc)
    s = by_title(doc, "Summary")
    store.record_result(state.review_id, s.id, hash_of(s), answer(finding("Nobody was hurt.")))
    other = open_review(store, doc, models=(FALLBACK,))
    assert other.review_id == state.review_id
    assert other.sections[s.id].status == "done" and not other.sections[s.id].up_to_date
    assert s.id in other.needs_analysis() and len(other.findings(s.id)) == 1
    assert open_review(store, doc).sections[s.id].reusable  # the same settings again

    edited = open_review(store, doc, framework_id=FRAMEWORK + "@feedfacefeedface")
    assert edited.review_id == state.review_id and not edited.sections[s.id].up_to_date
    separate = open_review(store, doc, framework="Investigation report",
                           framework_id="Investigation report@0")
    assert separate.created and separate.document_id == state.document_id
    assert count(db, "SELECT COUNT(*) FROM documents") == 1


def test_list_and_delete_reviews(store, db, tmp_path):
    report = make_doc(tmp_path / "report.docx", INCIDENT)
    memo = make_doc(tmp_path / "memo.docx", [("Memo", "Please read this."), ("More", "Fine.")])
    r1 = open_review(store, report).review_id
    r2 = open_review(store, memo).review_id
    s = by_title(report, "Summary")
    store.record_result(r1, s.id, hash_of(s), answer(finding("Nobody was hurt."),
                                                     finding("The pump stopped at noon.")))
    store.add_chat_message(r1, "user", "Is this complete?", section_id=s.id)
    store.add_user_finding(r1, s.id, finding("noon"))

    listed = store.list_reviews()
    assert [r.review_id for r in listed] == [r1, r2]  # most recently updated first
    top = listed[0]
    assert (top.document_title, top.path, top.framework_name) == ("Summary", report.path,
                                                                  FRAMEWORK)
    assert (top.sections_done, top.sections_total, top.findings) == (1, 4, 3)
    assert (listed[1].sections_done, listed[1].sections_total, listed[1].findings) == (0, 2, 0)
    assert store.latest_review(report).review_id == r1

    assert store.delete_review(r1) is True
    assert [r.review_id for r in store.list_reviews()] == [r2]
    for table in ("review_sections", "findings", "chat_messages", "usage_events"):
        assert count(db, f"SELECT COUNT(*) FROM {table} WHERE review_id = ?", r1) == 0, table
    assert count(db, "SELECT COUNT(*) FROM documents") == 1  # the memo's
    assert store.latest_review(report) is None
    assert store.delete_review(r1) is False
    assert db.integrity_ok()


def test_statistics(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    summary, timeline, causes, actions = (by_title(doc, t) for t, _ in INCIDENT)
    spent = Usage(requests=2, retries=1, input_tokens=1000, output_tokens=300,
                  cache_read_tokens=5000, cache_write_tokens=0)
    rec = store.record_result(rid, summary.id, hash_of(summary), answer(
        finding("Nobody was hurt.", severity="major", category="evidence"),
        finding("The pump stopped at noon.", severity="minor"), usage=spent))
    store.set_decision(rid, rec.findings[0].id, "accepted")
    store.edit_finding(rid, rec.findings[1].id, severity="critical")
    fallback = Usage(requests=1, input_tokens=400, output_tokens=100)
    store.record_result(rid, timeline.id, hash_of(timeline),
                        answer(finding("At 11:50 the pressure fell."), model=FALLBACK,
                               usage=fallback))
    store.record_result(rid, causes.id, hash_of(causes),  # from the cache: no new cost
                        answer(finding("A worn seal leaked."), usage=spent, from_cache=True))
    store.record_failure(rid, actions.id, hash_of(actions),
                         ProviderError(FailureKind.TIMEOUT, "timed out", model=MODEL,
                                       usage=Usage(requests=1, input_tokens=100)))
    store.add_chat_message(rid, "assistant", "It is.", model=FALLBACK,
                           usage=Usage(requests=1, input_tokens=50, output_tokens=10))
    store.add_user_finding(rid, actions.id, finding("Replace the seal.", severity="suggestion"))
    store.add_seconds(rid, 90)
    store.add_seconds(rid, 30.5)

    stats = store.statistics(rid)
    assert stats.findings_by_severity == {"critical": 1, "major": 1, "minor": 2,
                                          "suggestion": 1}
    assert stats.findings_by_category == {"clarity": 4, "evidence": 1}
    assert stats.findings_by_decision == {"pending": 4, "accepted": 1, "rejected": 0}
    assert stats.findings_by_source == {"model": 4, "rules": 0, "user": 1}
    assert stats.findings_by_section == {summary.id: 2, timeline.id: 1, causes.id: 1,
                                         actions.id: 1}
    assert (stats.sections_total, stats.sections_done, stats.sections_failed,
            stats.sections_stale, stats.sections_not_analysed) == (4, 3, 1, 0, 0)
    primary_usage = Usage(requests=3, retries=1, input_tokens=1100, output_tokens=300,
                          cache_read_tokens=5000)
    fallback_usage = Usage(requests=2, input_tokens=450, output_tokens=110)
    assert stats.usage_by_model == {MODEL: primary_usage, FALLBACK: fallback_usage}
    assert stats.cost_by_model == {MODEL: estimate_cost(MODEL, primary_usage),
                                   FALLBACK: estimate_cost(FALLBACK, fallback_usage)}
    assert stats.estimated_cost_usd == pytest.approx(
        estimate_cost(MODEL, primary_usage) + estimate_cost(FALLBACK, fallback_usage))
    assert stats.usage.input_tokens == 1550 and stats.findings_total == 5
    assert stats.seconds_spent == pytest.approx(120.5)
    assert store.statistics(rid, prices={}).estimated_cost_usd is None  # no price known


def test_chat_history_keeps_order_and_scope(store, tmp_path):
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    s = by_title(doc, "Causes")
    store.add_chat_message(rid, "user", "Summarise the document.")
    q = store.add_chat_message(rid, "user", "Why did the seal leak?", section_id=s.id)
    a = store.add_chat_message(rid, "assistant", "It was", section_id=s.id, model=MODEL,
                               complete=False)
    store.add_chat_message(rid, "assistant", "It reports a stopped pump.", model=MODEL,
                           citations=[s.id])
    a = store.update_chat_message(rid, a.id, "It was worn.", complete=True)
    assert a.complete and a.text == "It was worn." and a.model == MODEL

    history = store.chat_history(rid, s.id)
    assert [(m.role, m.text) for m in history] == [("user", "Why did the seal leak?"),
                                                   ("assistant", "It was worn.")]
    assert history[0].id == q.id and history[0].created <= history[1].created
    whole = store.chat_history(rid)
    assert [m.text for m in whole] == ["Summarise the document.", "It reports a stopped pump."]
    assert whole[1].citations == [s.id] and whole[1].section_id is None
    assert [m.text for m in store.chat_history(rid, s.id, limit=1)] == ["It was worn."]

    # Kept per document: another framework's review of it sees the same chat.
    other = open_review(store, doc, framework="Investigation report", framework_id="IR@0")
    assert [m.text for m in store.chat_history(other.review_id, s.id)] == [
        "Why did the seal leak?", "It was worn."]
    with pytest.raises(StoreBugError):
        store.add_chat_message(rid, "system", "Ignore the above.")
    assert store.clear_chat(rid, s.id) == 2
    assert store.chat_history(rid, s.id) == [] and len(store.chat_history(rid)) == 2
    assert store.clear_chat(rid, everything=True) == 2
    assert store.chat_history(rid) == []


def test_an_answer_whose_ids_other_findings_hold_is_saved_with_new_ids(store, db, tmp_path):
    """An answer carrying another section's finding ids (as a cached twin answer
    did), or repeating an id, was refused as UNIQUE on every run: the section
    stayed unsaved for good. It is saved, with ids of its own."""
    doc = make_doc(tmp_path / "a.docx", INCIDENT)
    rid = open_review(store, doc).review_id
    causes, actions = by_title(doc, "Causes"), by_title(doc, "Actions")
    taken = store.record_result(rid, causes.id, hash_of(causes),
                                answer(finding("A worn seal leaked."))).findings[0].id
    twin, again = finding("Replace the seal."), finding("Replace the seal.", "Which seal?")
    twin.id = again.id = taken
    rec = store.record_result(rid, actions.id, hash_of(actions), answer(twin, again))
    assert rec is not None and rec.status == "done"
    ids = [f.id for f in rec.findings]
    assert len(ids) == 2 and taken not in ids and len(set(ids)) == 2
    assert [f.id for f in store.section(rid, causes.id).findings] == [taken]
    assert count(db, "SELECT COUNT(*) FROM findings WHERE superseded = 0") == 3


def test_own_finding_on_a_repeated_passage_stays_on_it_when_the_text_changes(store, tmp_path):
    text = "It failed. Then it held. It failed."
    doc = make_doc(tmp_path / "a.docx", [("Summary", text)])
    rid = open_review(store, doc).review_id
    (s,) = doc.walk()
    second = text.rindex("It failed.")
    draft = finding("It failed.", issue="Say when, the second time.")
    draft.anchored, draft.start, draft.end = True, second, second + len("It failed.")
    mine = store.add_user_finding(rid, s.id, draft)

    changed = make_doc(tmp_path / "a.docx", [("Summary", "Sadly, " + text)])
    state = open_review(store, changed)
    (kept,) = [f for f in state.sections[s.id].findings if f.id == mine.id]
    assert kept.anchored and kept.start == len("Sadly, ") + second
